// expect: ipv6_literal_zone_names_need_run_time_lookup_use_a_number
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/address_v6.hpp>

using namespace tsock::literals;

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    constexpr auto a = "fe80::1%1"_ipv6; return int(a.scope_id());
#else
    constexpr auto a = "fe80::1%lo"_ipv6; return int(a.scope_id()); // an interface name needs if_nametoindex
#endif
}
