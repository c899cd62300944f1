// expect: recv_from is for datagram and raw sockets
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
    tsock::tcp_socket s; tsock::udp_socket u; char buf[8];
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)u.recv_from(buf);
#else
    (void)s.recv_from(buf); // a stream receives from its peer
#endif
}
