// expect: send_all is for byte streams
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
    t.send_all(std::string_view("x"));
#else
    u.send_all(std::string_view("x")); // a datagram goes whole
#endif
}
