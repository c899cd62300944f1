// expect: this mode needs its value: pass it
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <chrono>

int main()
{
    using timed = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>; using namespace std::chrono_literals;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto s = timed::open(tsock::timeout{2s}); (void)s;
#else
    auto s = timed::open(); // how long?
    (void)s;
#endif
}
