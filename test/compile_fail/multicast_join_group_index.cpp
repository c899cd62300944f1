// expect: this IPv4 membership takes the address of the interface; by index: the ip::\.\.\._by_index options
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/multicast.hpp>

#include <cstdint>

int main()
{
    tsock::udp_socket four = tsock::udp_socket::open();
    const auto group = tsock::address_v4::parse("239.1.2.3");
    const std::uint32_t index = 1;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    four.set(tsock::options::ip::join_group_by_index(group, index));
#else
    four.set(tsock::options::ip::join_group(group, index)); // an index where the option takes an address
#endif
}
