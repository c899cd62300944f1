// expect: send_many and recv_many batch datagrams: only datagram and raw sockets have them
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#include <array>
#include <string_view>

int main()
{
    tsock::tcp_socket s; tsock::udp_socket u;
    const tsock::ipv4_endpoint to(tsock::address_v4::loopback(), 9);
    const std::array<tsock::datagram_to<tsock::ipv4_endpoint>, 1> batch = {{{std::string_view("x"), to}}};
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)u.send_many(batch);
#else
    (void)s.send_many(batch); // a stream has no datagrams to batch
#endif
}
