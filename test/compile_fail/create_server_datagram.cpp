// expect: create_server makes stream or seqpacket listeners
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_server.hpp>

int main()
{
    const tsock::ipv4_endpoint ep(tsock::address_v4::loopback(), 0);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto l = tsock::create_server<tsock::stream>(ep); (void)l;
#else
    auto l = tsock::create_server<tsock::datagram>(ep); (void)l;
#endif
}
