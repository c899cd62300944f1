// expect: endpoint_port_is_above_65535
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/ip_endpoint.hpp>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto e = tsock::ipv4_endpoint::parse("10.0.0.1:65535");
#else
    constexpr auto e = tsock::ipv4_endpoint::parse("10.0.0.1:99999"); // the error used to name throw_parse_error
#endif
    return e.port() == 0 ? 1 : 0;
}
