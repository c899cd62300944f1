// expect: a poller waits for a std::chrono duration: write 100ms
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/poller.hpp>

#include <chrono>

int main()
{
    using namespace std::chrono_literals; tsock::poller<int> p;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)p.wait(5ms);
#else
    (void)p.wait(5); // five what?
#endif
}
