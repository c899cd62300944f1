// expect: create_connection tries a list of IP endpoints: for one local endpoint use
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_connection.hpp>

#include <vector>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const std::vector<tsock::ipv4_endpoint> addresses{tsock::ipv4_endpoint(tsock::address_v4::loopback(), 80)};
    auto s = tsock::create_connection(addresses);
    (void)s;
#else
    const std::vector<tsock::local_endpoint> paths{tsock::local_endpoint::path("/tmp/x")};
    auto s = tsock::create_connection(paths); // one path: nothing to try in turn
    (void)s;
#endif
}
