// expect: send_to is for datagram and raw sockets
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
    tsock::tcp_socket s; tsock::udp_socket u; const tsock::ipv4_endpoint ep(tsock::address_v4::loopback(), 9);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)u.send_to(std::string_view("x"), ep);
#else
    (void)s.send_to(std::string_view("x"), ep); // a stream sends to its peer
#endif
}
