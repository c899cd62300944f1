// expect: poll_server needs a non_blocking listener
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>

#include <utility>

using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;

void serve(tsock::tcp_listener blocking, nb_listener nb)
{
    auto handler = [](auto&, const tsock::ipv4_endpoint&) { return true; };
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::poll_server srv(std::move(nb), handler);
    (void)blocking;
#else
    tsock::poll_server srv(std::move(blocking), handler); // one thread: each connection must not block
    (void)nb;
#endif
    srv.serve_forever();
}

int main() {}
