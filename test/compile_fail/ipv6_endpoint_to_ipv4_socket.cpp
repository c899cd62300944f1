// expect: this endpoint is of another address family than the socket
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    tsock::tcp_socket s; const tsock::ipv6_endpoint ep6(tsock::address_v6::loopback(), 9); const tsock::ipv4_endpoint ep4(tsock::address_v4::loopback(), 9);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    s.bind(ep4);
#else
    s.bind(ep6); // an IPv6 endpoint for an IPv4 socket
#endif
}
