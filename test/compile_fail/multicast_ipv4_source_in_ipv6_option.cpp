// expect: a group or source of the other family: options::ip is for IPv4, options::ipv6 for IPv6
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/multicast.hpp>

#include <cstdint>

int main()
{
    tsock::udp6_socket six = tsock::udp6_socket::open();
    const auto group = tsock::address_v6::parse("ff3e::8000:1");
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const auto source = tsock::address_v6::parse("fd5e:feed::1");
#else
    const auto source = tsock::address_v4::parse("198.18.0.1");
#endif
    six.set(tsock::options::ipv6::join_source_group(group, source, std::uint32_t(1))); // an IPv4 source
}
