// expect: ipv6_literal_has_a_lone_colon_at_an_end_or_a_triple_colon
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/address_v6.hpp>

using namespace tsock::literals;

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto a = "1::2"_ipv6; return int(a.to_bytes()[15]);
#else
    constexpr auto a = "1:::2"_ipv6; return int(a.to_bytes()[15]);
#endif
}
