// expect: this poll backend has no edge-triggered mode \(poll and WSAPoll are level-triggered\)
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/poller.hpp>

int main()
{
    tsock::basic_poller<int, tsock::poll_backend> p; auto s = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>::open();
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    p.add(s, tsock::interest::readable, 1, tsock::one_shot);
#else
    p.add(s, tsock::interest::readable, 1, tsock::edge_triggered); // poll(2) has no edges
#endif
}
