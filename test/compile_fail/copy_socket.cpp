// expect: deleted
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
    tsock::tcp_socket a;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::tcp_socket b = std::move(a); (void)b;
#else
    tsock::tcp_socket b = a; (void)b; // sockets are move-only
#endif
}
