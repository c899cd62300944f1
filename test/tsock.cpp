// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock.hpp>

#define BOOST_TEST_MODULE tsock
#if defined(TSOCK_TEST_HEADER_ONLY) // mingw: no linked Boost.Test there
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif

#include <array>
#include <sstream>
#include <string>
#include <string_view>
#include <unordered_set>

// The umbrella header gives every public name; these checks use several
// headers' parts together, as a program would.

using namespace tsock::literals;

static_assert(tsock::address_v6::v4_mapped("192.0.2.7"_ipv4).to_v4() == "192.0.2.7"_ipv4);
static_assert(tsock::inet_aton("0xc0.0.2.7") == "192.0.2.7"_ipv4);
static_assert(tsock::ntohl(tsock::htonl("192.0.2.7"_ipv4.to_uint())) == 0xc0000207u);

BOOST_AUTO_TEST_CASE(dual_stack_text_round_trip)
{
    const auto v4 = tsock::inet_pton<tsock::ipv4>("203.0.113.9");
    const auto mapped = tsock::address_v6::v4_mapped(v4);
    BOOST_TEST(tsock::inet_ntop(mapped) == "::ffff:203.0.113.9");
    const auto back = tsock::inet_pton<tsock::ipv6>(tsock::inet_ntop(mapped));
    BOOST_TEST(back == mapped);
    BOOST_TEST(back.to_v4().value() == v4);
    BOOST_TEST(tsock::inet_ntoa(*back.to_v4()) == "203.0.113.9");
}

BOOST_AUTO_TEST_CASE(network_order_matches_the_system_structures)
{
    const auto a = "198.51.100.20"_ipv4;
    BOOST_TEST(a.to_in_addr().s_addr == tsock::hton(a.to_uint()));
    BOOST_TEST(tsock::address_v4(a.to_in_addr()) == a);
}

BOOST_AUTO_TEST_CASE(errors_carry_the_tsock_category)
{
    std::error_code ec;
    (void)tsock::inet_pton<tsock::ipv6>("1::2::3", ec);
    BOOST_TEST(ec == tsock::error::multiple_double_colons);
    BOOST_TEST(ec.category().name() == std::string("tsock"));
    BOOST_CHECK_THROW((void)tsock::inet_pton<tsock::ipv4>("1.2.3"), std::system_error);
}

BOOST_AUTO_TEST_CASE(addresses_work_as_keys_and_stream)
{
    std::unordered_set<tsock::address_v6> seen{"fe80::1%1"_ipv6, "fe80::1%2"_ipv6, "fe80::1%1"_ipv6};
    BOOST_TEST(seen.size() == 2u); // the scope id is part of the identity
    std::ostringstream out;
    out << "fe80::1%2"_ipv6 << ' ' << "10.1.2.3"_ipv4;
    BOOST_TEST(out.str() == "fe80::1%2 10.1.2.3");
}

#if !BOOST_OS_WINDOWS
// Scatter/gather and descriptor passing from the umbrella header.
BOOST_AUTO_TEST_CASE(message_io_through_the_umbrella)
{
    using namespace std::string_view_literals;
    auto [a, b] = tsock::socket_pair();
    BOOST_TEST(tsock::send_fds(a, std::array{"he"sv, "llo"sv}, a) == 5u);
    std::string in(5, '\0');
    auto m = tsock::recv_fds<1>(b, in);
    BOOST_TEST(in == "hello");
    BOOST_TEST(m.get<tsock::descriptors<1>>()->size() == 1u);
}
#endif
