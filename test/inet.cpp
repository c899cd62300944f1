// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/inet.hpp>

#define BOOST_TEST_MODULE inet
#include <boost/test/unit_test.hpp>

#include "support/fuzz.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

// Expected values come from the C library's inet_aton grammar (a.b.c.d,
// a.b.c, a.b, a; each part a C integer), worked out by hand, and from glibc's
// inet_aton, inet_ntoa, inet_pton and inet_ntop called here.

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using namespace tsock::literals;
using namespace std::string_view_literals;

namespace {

using tsock_test::show;

std::uint32_t from_network(const void* p)
{
    unsigned char b[4];
    std::memcpy(b, p, 4);
    return std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3];
}

// glibc's inet_aton: the value in host order, or empty when it rejects the text.
std::optional<std::uint32_t> glibc_aton(std::string_view text)
{
    const std::string s(text);
    ::in_addr a{};
    if (::inet_aton(s.c_str(), &a) == 0)
        return std::nullopt;
    return from_network(&a.s_addr);
}

using tsock_test::pick;

struct aton_case {
    std::string_view text;
    std::uint32_t host;
};

const aton_case aton_valid[] = {
    {"127.1", 0x7f000001u},              // a.b: b fills 24 bits
    {"0x7f.1", 0x7f000001u},
    {"0177.0.0.1", 0x7f000001u},         // octal
    {"1", 0x00000001u},                  // a: 32 bits
    {"0", 0u},
    {"00", 0u},
    {"0x0", 0u},
    {"4294967295", 0xffffffffu},
    {"0xffffffff", 0xffffffffu},
    {"0XFFFFFFFF", 0xffffffffu},
    {"037777777777", 0xffffffffu},
    {"0x7f000001", 0x7f000001u},
    {"2130706433", 0x7f000001u},
    {"1.2.3", 0x01020003u},              // a.b.c: c fills 16 bits
    {"1.2.65535", 0x0102ffffu},
    {"1.2.0xffff", 0x0102ffffu},
    {"1.16777215", 0x01ffffffu},
    {"1.0xffffff", 0x01ffffffu},
    {"10.1", 0x0a000001u},
    {"192.168.1", 0xc0a80001u},
    {"1.2.3.4", 0x01020304u},
    {"0.0.0.0", 0u},
    {"255.255.255.255", 0xffffffffu},
    {"0x1.0x2.0x3.0x4", 0x01020304u},
    {"0xA.0xb.0XC.0xD", 0x0a0b0c0du},
    {"0xff.0377.255.0", 0xffffff00u},
    {"010.010.010.010", 0x08080808u},
    {"000000000000000000001", 1u},
    {"0x00000000000000ff", 0xffu},
    {"1.2.3.0", 0x01020300u},
    {"0.0.0.0377", 0x000000ffu},
};

struct aton_error_case {
    std::string_view text;
    error code;
    std::size_t where;
    bool glibc_accepts; // glibc ignores text after whitespace and stops at NUL
};

const aton_error_case aton_errors[] = {
    {""sv, error::empty_address, 0, false},
    {"4294967296"sv, error::part_out_of_range, 0, false},
    {"0x100000000"sv, error::part_out_of_range, 0, false},
    {"040000000000"sv, error::part_out_of_range, 0, false},
    {"99999999999999999999"sv, error::part_out_of_range, 0, false},
    {"1.2.0x10000"sv, error::part_out_of_range, 4, false},
    {"1.2.65536"sv, error::part_out_of_range, 4, false},
    {"1.0x1000000"sv, error::part_out_of_range, 2, false},
    {"1.16777216"sv, error::part_out_of_range, 2, false},
    {"1.2.3.256"sv, error::part_out_of_range, 6, false},
    {"1.2.3.0400"sv, error::part_out_of_range, 6, false},
    {"256.1"sv, error::part_out_of_range, 0, false},
    {"1.256.1"sv, error::part_out_of_range, 2, false},
    {"0x100.1.1.1"sv, error::part_out_of_range, 0, false},
    {"08"sv, error::invalid_character, 1, false},  // 8 is no octal digit
    {"09.1"sv, error::invalid_character, 1, false},
    {"1.08"sv, error::invalid_character, 3, false},
    {"0x"sv, error::invalid_character, 1, false},  // "0x" with no hex digit
    {"0x.1"sv, error::invalid_character, 1, false},
    {"0xg"sv, error::invalid_character, 1, false},
    {"1e3"sv, error::invalid_character, 1, false},
    {"a"sv, error::invalid_character, 0, false},
    {"-1"sv, error::invalid_character, 0, false},
    {"+1"sv, error::invalid_character, 0, false},
    {" 1.2.3.4"sv, error::invalid_character, 0, false},
    {"1.2.3.4.5"sv, error::too_many_parts, 7, false},
    {"1.2.3.4."sv, error::too_many_parts, 7, false},
    {"1."sv, error::empty_part, 2, false},
    {".1"sv, error::empty_part, 0, false},
    {"1..2"sv, error::empty_part, 2, false},
    {"."sv, error::empty_part, 0, false},
    {"1.+2"sv, error::invalid_character, 2, false},
    // tsock rejects what glibc ignores: text after a space, or after a NUL.
    {"1.2.3.4 junk"sv, error::invalid_character, 7, true},
    {"1.2.3.4 "sv, error::invalid_character, 7, true},
    {"1.2.3.4\n"sv, error::invalid_character, 7, true},
    {"127.1\tx"sv, error::invalid_character, 5, true},
    {"1.2.3.4\0"sv, error::invalid_character, 7, true},
    {"1\0.2"sv, error::invalid_character, 1, true},
};

} // namespace

// ---------------------------------------------------------------------------
// inet_aton

BOOST_AUTO_TEST_CASE(inet_aton_valid_forms)
{
    static_assert(tsock::inet_aton("127.1") == "127.0.0.1"_ipv4);
    static_assert(tsock::inet_aton("0x7f.1") == "127.0.0.1"_ipv4);
    static_assert(tsock::inet_aton("0177.0.0.1") == "127.0.0.1"_ipv4);
    static_assert(tsock::inet_aton("4294967295") == address_v4::broadcast());
    static_assert(tsock::try_inet_aton("1.2.3").value() == "1.2.0.3"_ipv4);
    static_assert(!tsock::try_inet_aton("08").has_value());
    static_assert(!tsock::try_inet_aton("4294967296").has_value());

    for (const auto& c : aton_valid) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            const auto glibc = glibc_aton(c.text); // the table agrees with glibc
            BOOST_TEST((glibc && *glibc == c.host));

            BOOST_TEST(tsock::inet_aton(c.text).to_uint() == c.host);
            std::error_code ec = make_error_code(error::empty_part);
            BOOST_TEST(tsock::inet_aton(c.text, ec).to_uint() == c.host);
            BOOST_TEST(!ec);
            const auto t = tsock::try_inet_aton(c.text);
            BOOST_TEST((t && t->to_uint() == c.host));
        }
    }
}

BOOST_AUTO_TEST_CASE(inet_aton_errors)
{
    static_assert(tsock::detail::parse_aton("1.2.0x10000").code == error::part_out_of_range);
    static_assert(tsock::detail::parse_aton("1.2.0x10000").where == 4);

    for (const auto& c : aton_errors) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            BOOST_TEST(glibc_aton(c.text).has_value() == c.glibc_accepts);

            const auto r = tsock::detail::parse_aton(c.text);
            BOOST_TEST(!r);
            BOOST_TEST(r.code == c.code);
            BOOST_TEST(r.where == c.where);

            std::error_code ec;
            BOOST_TEST(tsock::inet_aton(c.text, ec) == address_v4::any());
            BOOST_TEST(ec == c.code);
            BOOST_TEST(!tsock::try_inet_aton(c.text).has_value());

            bool thrown = false;
            try {
                (void)tsock::inet_aton(c.text);
            } catch (const std::system_error& e) {
                thrown = true;
                const std::string what = e.what();
                BOOST_TEST(e.code() == c.code);
                BOOST_TEST(what.find(show(c.text)) != std::string::npos, what);
                BOOST_TEST(what.find(make_error_code(c.code).message()) != std::string::npos, what);
                BOOST_TEST(what.find("offset " + std::to_string(c.where)) != std::string::npos, what);
            }
            BOOST_TEST(thrown);
        }
    }
}

BOOST_AUTO_TEST_CASE(inet_aton_trailing_text_differs_from_glibc_on_purpose)
{
    // glibc stops at the first space and accepts; tsock rejects.
    BOOST_TEST(glibc_aton("1.2.3.4 junk").value_or(0) == 0x01020304u);
    std::error_code ec;
    (void)tsock::inet_aton("1.2.3.4 junk", ec);
    BOOST_TEST(ec == error::invalid_character);
    BOOST_TEST(!tsock::try_inet_aton("1.2.3.4 junk").has_value());
    BOOST_CHECK_THROW((void)tsock::inet_aton("1.2.3.4 junk"), std::system_error);
}

// ---------------------------------------------------------------------------
// inet_ntoa, inet_pton, inet_ntop

BOOST_AUTO_TEST_CASE(inet_ntoa_matches_glibc)
{
    BOOST_TEST(tsock::inet_ntoa("127.0.0.1"_ipv4) == "127.0.0.1");
    BOOST_TEST(tsock::inet_ntoa(tsock::inet_aton("127.1")) == "127.0.0.1");
    tsock_test::rng rng(7002);
    for (int i = 0; i != 10000; ++i) {
        const address_v4 a(static_cast<std::uint32_t>(rng()));
        const std::string expected = ::inet_ntoa(a.to_in_addr());
        BOOST_TEST(tsock::inet_ntoa(a) == expected);
    }
}

BOOST_AUTO_TEST_CASE(inet_pton_is_typed_by_family)
{
    static_assert(std::is_same_v<decltype(tsock::inet_pton<tsock::ipv4>("1.2.3.4")), address_v4>);
    static_assert(std::is_same_v<decltype(tsock::inet_pton<tsock::ipv6>("::1")), address_v6>);
    static_assert(tsock::inet_pton<tsock::ipv4>("192.0.2.1") == "192.0.2.1"_ipv4);
    static_assert(tsock::inet_pton<tsock::ipv6>("2001:DB8::1%4") == "2001:db8::1%4"_ipv6);

    struct v4_row {
        const char* text;
        bool valid;
    };
    const v4_row v4_rows[] = {
        {"1.2.3.4", true},   {"0.0.0.0", true},  {"255.255.255.255", true}, {"127.1", false},  {"01.2.3.4", false},
        {"1.2.3.4 ", false}, {"", false},        {"256.0.0.0", false},      {"0x1.2.3.4", false}, {"1.2.3.4.5", false},
    };
    for (const auto& r : v4_rows) {
        BOOST_TEST_CONTEXT("input " << show(r.text))
        {
            ::in_addr native{};
            const bool glibc = ::inet_pton(AF_INET, r.text, &native) == 1;
            BOOST_TEST(glibc == r.valid);
            std::error_code ec;
            const auto a = tsock::inet_pton<tsock::ipv4>(r.text, ec);
            BOOST_TEST(!ec == r.valid);
            if (r.valid) {
                BOOST_TEST(a.to_in_addr().s_addr == native.s_addr);
                BOOST_TEST(tsock::inet_pton<tsock::ipv4>(r.text) == a);
            } else {
                BOOST_TEST(&ec.category() == &tsock::error_category());
                BOOST_CHECK_THROW((void)tsock::inet_pton<tsock::ipv4>(r.text), std::system_error);
            }
        }
    }

    struct v6_row {
        const char* text;
        bool valid;
    };
    const v6_row v6_rows[] = {
        {"::", true},         {"::1", true},       {"2001:db8::1", true},  {"::ffff:1.2.3.4", true},
        {"1:2:3:4:5:6:7:8", true}, {"1::2::3", false}, {":::", false},     {"1:2:3:4:5:6:7:8:9", false},
        {"12345::", false},   {"", false},         {"::1.2.3", false},     {"fe80::1%", false},
    };
    for (const auto& r : v6_rows) {
        BOOST_TEST_CONTEXT("input " << show(r.text))
        {
            ::in6_addr native{};
            const bool glibc = ::inet_pton(AF_INET6, r.text, &native) == 1;
            if (std::string_view(r.text).find('%') == std::string_view::npos)
                BOOST_TEST(glibc == r.valid);
            std::error_code ec;
            const auto a = tsock::inet_pton<tsock::ipv6>(r.text, ec);
            BOOST_TEST(!ec == r.valid);
            if (r.valid) {
                const auto back = a.to_in6_addr();
                BOOST_TEST(std::memcmp(back.s6_addr, native.s6_addr, 16) == 0);
                BOOST_TEST(tsock::inet_pton<tsock::ipv6>(r.text) == a);
            } else {
                BOOST_TEST(&ec.category() == &tsock::error_category());
                BOOST_CHECK_THROW((void)tsock::inet_pton<tsock::ipv6>(r.text), std::system_error);
            }
        }
    }

    // The error_code form names the same error as the parser.
    std::error_code ec;
    (void)tsock::inet_pton<tsock::ipv6>("1::2::3", ec);
    BOOST_TEST(ec == error::multiple_double_colons);
    (void)tsock::inet_pton<tsock::ipv4>("1.2.3", ec);
    BOOST_TEST(ec == error::too_few_parts);
    (void)tsock::inet_pton<tsock::ipv4>("1.2.3.4", ec);
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(inet_ntop_matches_glibc)
{
    tsock_test::rng rng(7003);
    for (int i = 0; i != 10000; ++i) {
        const address_v4 a(static_cast<std::uint32_t>(rng()));
        const auto native4 = a.to_in_addr();
        char buffer[INET6_ADDRSTRLEN] = {};
        BOOST_REQUIRE(::inet_ntop(AF_INET, &native4, buffer, sizeof buffer) != nullptr);
        BOOST_TEST(tsock::inet_ntop(a) == buffer);

        // IPv6 with zero groups likely; glibc writes ::/96 as ::a.b.c.d, so
        // keep the first 96 bits non-zero here (address_v6.cpp covers those).
        address_v6::bytes_type b{};
        if (pick(rng, 10) == 0) { // v4-mapped
            b = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, std::uint8_t(rng()), 1, 2, 3};
        } else {
            for (auto& x : b)
                x = pick(rng, 3) == 0 ? std::uint8_t(rng()) : 0;
            b[1] |= 1;
        }
        const address_v6 a6(b);
        const auto native6 = a6.to_in6_addr();
        BOOST_REQUIRE(::inet_ntop(AF_INET6, &native6, buffer, sizeof buffer) != nullptr);
        BOOST_TEST(tsock::inet_ntop(a6) == buffer);
    }
    BOOST_TEST(tsock::inet_ntop("::ffff:192.0.2.1"_ipv6) == "::ffff:192.0.2.1");
    BOOST_TEST(tsock::inet_ntop("fe80::1%3"_ipv6) == "fe80::1%3");
    BOOST_TEST(tsock::inet_ntop("10.0.0.1"_ipv4) == "10.0.0.1");
}
