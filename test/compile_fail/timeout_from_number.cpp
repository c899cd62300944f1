// expect: a timeout is a std::chrono duration
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/mode.hpp>
#include <chrono>

int main()
{
    using namespace std::chrono_literals;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::timeout t{5s}; (void)t;
#else
    tsock::timeout t{5}; (void)t; // five what?
#endif
}
