// expect: send takes send_flags: recv_flags are for recv
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
    tsock::tcp_socket s;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.send(std::string_view("x"), tsock::send_flags::out_of_band);
#else
    (void)s.send(std::string_view("x"), tsock::recv_flags::peek); // peek is for recv
#endif
}
