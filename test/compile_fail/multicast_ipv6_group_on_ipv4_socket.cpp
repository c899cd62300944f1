// expect: this option does not apply to this family and socket type
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/multicast.hpp>

#include <cstdint>

int main()
{
    tsock::udp_socket four = tsock::udp_socket::open();
    tsock::udp6_socket six = tsock::udp6_socket::open();
    const auto group = tsock::address_v6::parse("ff3e::8000:1");
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    six.set(tsock::options::ipv6::join_group(group, std::uint32_t(0)));
#else
    four.set(tsock::options::ipv6::join_group(group, std::uint32_t(0))); // an IPv6 group on an IPv4 socket
#endif
    (void)four;
    (void)six;
}
