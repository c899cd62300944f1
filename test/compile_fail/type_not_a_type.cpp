// expect: socket_type
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
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::basic_socket<tsock::ipv4, tsock::stream> s; (void)s;
#else
    tsock::basic_socket<tsock::ipv4, int> s; (void)s;
#endif
}
