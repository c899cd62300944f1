// expect: a timeout or delay is a std::chrono duration
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_connection.hpp>
#include <chrono>

int main()
{
    using namespace std::chrono_literals;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto s = tsock::create_connection("localhost", "80", {.timeout = 5s}); (void)s;
#else
    auto s = tsock::create_connection("localhost", "80", {.timeout = 5}); (void)s;
#endif
}
