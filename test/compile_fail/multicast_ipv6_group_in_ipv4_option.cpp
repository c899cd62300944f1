// expect: an IPv6 group or source: use the memberships of options::ipv6, on an IPv6 socket
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/multicast.hpp>

int main()
{
    tsock::udp_socket four = tsock::udp_socket::open();
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const auto group = tsock::address_v4::parse("239.1.2.3");
#else
    const auto group = tsock::address_v6::parse("ff3e::8000:1");
#endif
    four.set(tsock::options::ip::join_group(group)); // ip::join_group with an IPv6 group
}
