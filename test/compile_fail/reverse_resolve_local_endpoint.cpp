// expect: reverse_resolve takes an IPv4, IPv6 or inet endpoint
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/local_endpoint.hpp>
#include <tsock/reverse_resolve.hpp>

#include <vector>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto n = tsock::reverse_resolve(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 80));
    (void)n;
#else
    auto n = tsock::reverse_resolve(tsock::local_endpoint::path("/tmp/x")); // getnameinfo has no names for paths
    (void)n;
#endif
}
