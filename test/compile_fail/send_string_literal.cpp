// expect: would be sent with its terminating NUL: pass std::string_view
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
    (void)s.send(std::string_view("hello"));
#else
    (void)s.send("hello"); // sends 6 bytes: the NUL too
#endif
}
