// expect: would be sent with its terminating NUL
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <string_view>

int main()
{
    tsock::tcp_socket s;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.send(std::string_view("text"));
#else
    (void)s.send(L"text");
#endif
}
