// expect: only a non_blocking socket can be registered: a blocking or timeout-mode socket would stall
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/poller.hpp>

#include <chrono>

int main()
{
    using namespace std::chrono_literals;
    tsock::poller<int> p; auto nb = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>::open(); auto t = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>::open(tsock::timeout{1s});
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    p.add(nb, tsock::interest::readable, 1); (void)t;
#else
    p.add(t, tsock::interest::readable, 1); (void)nb; // a timeout-mode socket in an event loop
#endif
}
