// expect: send_all waits until everything is sent
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
    tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking> nb; tsock::tcp_socket b;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    b.send_all(std::string_view("x"));
#else
    nb.send_all(std::string_view("x")); // it would have to wait
#endif
}
