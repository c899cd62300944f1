// expect: only a timeout-mode socket has a timeout
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
    tsock::tcp_socket b; tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout> t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)t.timeout();
#else
    (void)b.timeout(); // only the timeout mode has one
#endif
}
