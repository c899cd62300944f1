// expect: ipv6_literal_has_a_group_of_more_than_four_hex_digits
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/address_v6.hpp>

using namespace tsock::literals;

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto a = "2001:db8::1234"_ipv6; return int(a.to_bytes()[15]);
#else
    constexpr auto a = "2001:db8::12345"_ipv6; return int(a.to_bytes()[15]);
#endif
}
