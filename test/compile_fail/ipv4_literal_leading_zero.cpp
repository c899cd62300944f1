// expect: ipv4_literal_has_a_part_with_a_leading_zero
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/address_v4.hpp>

using namespace tsock::literals;

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto a = "10.0.0.8"_ipv4; return int(a.to_uint() & 1u);
#else
    constexpr auto a = "10.0.0.08"_ipv4; return int(a.to_uint() & 1u);
#endif
}
