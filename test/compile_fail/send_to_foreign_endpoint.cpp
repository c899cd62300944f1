// expect: this endpoint is of another address family than the socket
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <string_view>

int main()
{
    tsock::udp_socket u; const tsock::ipv6_endpoint six(tsock::address_v6::loopback(), 9); const tsock::ipv4_endpoint four(tsock::address_v4::loopback(), 9);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)u.send_to(std::string_view("x"), four);
#else
    (void)u.send_to(std::string_view("x"), six); // an IPv4 socket
#endif
}
