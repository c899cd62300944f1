// expect: this option is not available on this platform
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/options.hpp>

int main()
{
    auto s = tsock::tcp_socket::open();
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return s.get<tsock::options::reuse_address>() ? 0 : 1;
#else
    return s.get<tsock::options::exclusive_address_use>() ? 0 : 1; // SO_EXCLUSIVEADDRUSE is Windows'
#endif
}
