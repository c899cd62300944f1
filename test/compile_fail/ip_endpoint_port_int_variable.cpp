// expect: a.run.time.port.must.be.std(_|::)uint16_t.or.go.through.port_number.{1,2}checked
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/ip_endpoint.hpp>

int main(int argc, char**)
{
    int port = 8000 + argc;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const tsock::ipv4_endpoint e(tsock::address_v4::loopback(), tsock::port_number::checked(port));
#else
    const tsock::ipv4_endpoint e(tsock::address_v4::loopback(), port); // an int may be out of range
#endif
    return e.port() == 0 ? 1 : 0;
}
