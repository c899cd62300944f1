// expect: inet_pton takes a family policy with an address type
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/inet.hpp>



int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return tsock::inet_pton<tsock::ipv4>("1.2.3.4").is_loopback() ? 1 : 0;
#else
    return tsock::inet_pton<int>("1.2.3.4").is_loopback() ? 1 : 0; // int is no address family
#endif
}
