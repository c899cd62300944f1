// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/port_number.hpp>

#define BOOST_TEST_MODULE port_number
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"

#include <climits>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <system_error>
#include <type_traits>

// Expected values: a port is 0 to 65535 (RFC 6335 section 6); anything else
// is refused, never taken modulo 65536 as a cast to std::uint16_t would.
// Constants out of range and run-time ints passed as they are do not compile
// (test/compile_fail/ip_endpoint_port_*.cpp, service_by_port_out_of_range.cpp).

using tsock::error;
using tsock::port_number;

namespace {

template <class T>
concept takes = requires(T v) { port_number(v); };

} // namespace

BOOST_AUTO_TEST_CASE(constants_and_uint16_t_convert)
{
    static_assert(port_number().value() == 0);
    static_assert(port_number(80).value() == 80);
    static_assert(port_number(65535).value() == 65535);
    static_assert(port_number(0).value() == 0);
    constexpr long named = 8080;
    const unsigned long long wide = 443;
    static_assert(port_number(named).value() == 8080);
    static_assert(port_number(wide).value() == 443);
    static_assert(port_number(std::uint16_t(65535)).value() == 65535);
    static_assert(port_number(80) == port_number(std::uint16_t(80)) && port_number(1) < port_number(2));
    static_assert(std::is_trivially_copyable_v<port_number> && sizeof(port_number) == 2);
    static_assert(std::is_nothrow_constructible_v<port_number, std::uint16_t>);
    static_assert(std::is_same_v<port_number::value_type, std::uint16_t>);
    // No integer at all is no port.
    static_assert(takes<std::uint16_t> && !takes<bool> && !takes<double> && !takes<const char*>);

    std::uint16_t run_time = 65535; // a std::uint16_t variable: every value is a port
    BOOST_TEST(port_number(run_time).value() == 65535);
}

BOOST_AUTO_TEST_CASE(checked_takes_every_port)
{
    static_assert(port_number::checked(0).value() == 0);
    static_assert(port_number::checked(65535L).value() == 65535);
    static_assert(port_number::checked(std::size_t(80)).value() == 80);
    for (int p = 0; p <= 65535; ++p) {
        std::error_code ec = make_error_code(error::timed_out);
        BOOST_TEST_REQUIRE(port_number::checked(p).value() == p);
        BOOST_TEST_REQUIRE(port_number::checked(p, ec).value() == p);
        BOOST_TEST_REQUIRE(!ec);
    }
}

BOOST_AUTO_TEST_CASE(checked_refuses_the_rest)
{
    // Each would have been another port after a cast: 70000 is 4464, -1 is
    // 65535, 65536 is 0.
    const long long refused[] = {65536, 70000, -1, INT_MIN, INT_MAX, LLONG_MIN, LLONG_MAX, 0x10050};
    for (const long long p : refused) {
        std::error_code ec;
        BOOST_TEST(port_number::checked(p, ec).value() == 0, p);
        BOOST_TEST(ec == error::port_out_of_range, p);
        tsock_test::check_error([p] { (void)port_number::checked(p); }, error::port_out_of_range,
                                "\"" + std::to_string(p) + "\"");
    }
    std::error_code ec;
    (void)port_number::checked(std::numeric_limits<std::size_t>::max(), ec);
    BOOST_TEST(ec == error::port_out_of_range);
    (void)port_number::checked(static_cast<unsigned char>(200), ec); // fits: cleared
    BOOST_TEST(!ec);
    tsock_test::check_error([] { (void)port_number::checked(70000); }, error::port_out_of_range,
                            "port_number::checked \"70000\"");
    BOOST_TEST(make_error_code(error::port_out_of_range).message() == "port number is not in 0 to 65535");
}
