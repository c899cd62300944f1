// expect: only a non_blocking socket can be registered: a blocking or timeout-mode socket would stall
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/poller.hpp>

int main()
{
    tsock::poller<int> p; auto nb = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>::open(); tsock::tcp_socket b;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    p.add(nb, tsock::interest::readable, 1); (void)b;
#else
    p.add(b, tsock::interest::readable, 1); (void)nb; // a blocking socket in an event loop
#endif
}
