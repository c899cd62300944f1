// expect: ipv6_endpoint_needs_brackets_around_the_address
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/ip_endpoint.hpp>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto e = tsock::ipv6_endpoint::parse("[2001:db8::1]:80");
#else
    constexpr auto e = tsock::ipv6_endpoint::parse("2001:db8::1:80"); // is 80 the port or the last group?
#endif
    return e.port() == 0 ? 1 : 0;
}
