// expect: port.out.of.range..?the.port.must.be.0.to.65535
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/ip_endpoint.hpp>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const tsock::ipv4_endpoint e(tsock::address_v4::loopback(), 65535);
#else
    const tsock::ipv4_endpoint e(tsock::address_v4::loopback(), 70000); // used to become port 4464
#endif
    return e.port() == 0 ? 1 : 0;
}
