// expect: returns whether to keep the connection
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>

#include <utility>

using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;

void serve(nb_listener l)
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto handler = [](nb_listener::socket&, const tsock::ipv4_endpoint&) { return true; };
#else
    auto handler = [](nb_listener::socket&, const tsock::ipv4_endpoint&) {}; // keep or close?
#endif
    tsock::poll_server srv(std::move(l), handler);
    srv.serve_forever();
}

int main() {}
