// expect: shutdown ends a connection: datagram and raw sockets have none
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
    tsock::udp_socket u; tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    t.shutdown(tsock::shutdown_type::send);
#else
    u.shutdown(tsock::shutdown_type::send); // nothing to shut down
#endif
}
