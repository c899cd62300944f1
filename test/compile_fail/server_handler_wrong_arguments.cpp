// expect: the handler takes \(socket&, const endpoint&\)
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>

#include <utility>

void serve(tsock::tcp_listener l)
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto handler = [](tsock::tcp_socket&, const tsock::ipv4_endpoint&) {};
#else
    auto handler = [](tsock::tcp_socket&) {}; // the peer's endpoint is missing
#endif
    tsock::server srv(std::move(l), handler);
    srv.serve_forever();
}

int main() {}
