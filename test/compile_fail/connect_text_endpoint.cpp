// expect: text is not an address: write
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

int main()
{
    auto s = tsock::tcp_socket();
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    s.connect({tsock::address_v4::loopback(), 80});
#else
    s.connect({"127.0.0.1", 80}); // text, not an address
#endif
}
