// expect: this mode needs its value: pass it
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <chrono>
#include <utility>

int main()
{
    tsock::tcp_socket s; using namespace std::chrono_literals;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto t = std::move(s).with_mode(tsock::timeout{2s}); (void)t;
#else
    auto t = std::move(s).with_mode<tsock::timeout>(); (void)t;
#endif
}
