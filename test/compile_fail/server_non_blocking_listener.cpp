// expect: server needs a blocking or timeout-mode listener
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>

#include <utility>

using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;

void serve(tsock::tcp_listener blocking, nb_listener nb)
{
    auto handler = [](auto&, const tsock::ipv4_endpoint&) {};
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::server srv(std::move(blocking), handler);
    (void)nb;
#else
    tsock::server srv(std::move(nb), handler); // server waits in accept
    (void)blocking;
#endif
    srv.serve_forever();
}

int main() {}
