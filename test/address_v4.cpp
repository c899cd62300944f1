// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/address_v4.hpp>

#define BOOST_TEST_MODULE address_v4
#include <boost/test/unit_test.hpp>

#include "support/fuzz.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_set>

// Expected values come from RFC 791/1918/5737/2544/6598/6890, the IANA IPv4
// Special-Purpose Address Registry, or glibc (inet_pton, inet_ntop) called here.

using tsock::address_v4;
using tsock::error;
using namespace tsock::literals;
using namespace std::string_view_literals;

namespace {

using tsock_test::show;

// glibc's inet_pton(AF_INET): the value in host order, or empty when it rejects the text.
std::optional<std::uint32_t> glibc_pton(std::string_view text)
{
    const std::string s(text);
    ::in_addr a{};
    if (::inet_pton(AF_INET, s.c_str(), &a) != 1)
        return std::nullopt;
    unsigned char b[4];
    std::memcpy(b, &a.s_addr, 4);
    return std::uint32_t(b[0]) << 24 | std::uint32_t(b[1]) << 16 | std::uint32_t(b[2]) << 8 | b[3];
}

// glibc's inet_ntop(AF_INET) of a host-order value.
std::string glibc_ntop(std::uint32_t host)
{
    const unsigned char b[4] = {static_cast<unsigned char>(host >> 24), static_cast<unsigned char>(host >> 16),
                                static_cast<unsigned char>(host >> 8), static_cast<unsigned char>(host)};
    ::in_addr a{};
    std::memcpy(&a.s_addr, b, 4);
    char buffer[INET_ADDRSTRLEN] = {};
    BOOST_REQUIRE(::inet_ntop(AF_INET, &a, buffer, sizeof buffer) != nullptr);
    return buffer;
}

using tsock_test::pick;

} // namespace

// ---------------------------------------------------------------------------
// Construction and conversion

BOOST_AUTO_TEST_CASE(construct_from_bytes_uint_and_in_addr)
{
    static_assert(address_v4().to_uint() == 0);
    static_assert(address_v4(address_v4::bytes_type{127, 0, 0, 1}).to_uint() == 0x7f000001u);
    static_assert(address_v4(0xc0a80001u).to_bytes() == address_v4::bytes_type{192, 168, 0, 1});
    static_assert(address_v4::any().to_uint() == 0);
    static_assert(address_v4::loopback().to_bytes() == address_v4::bytes_type{127, 0, 0, 1});
    static_assert(address_v4::broadcast().to_bytes() == address_v4::bytes_type{255, 255, 255, 255});
    static_assert(address_v4::max_string_length == std::string_view("255.255.255.255").size());

    struct row {
        address_v4::bytes_type bytes;
        std::uint32_t host;
    };
    const row rows[] = {
        {{0, 0, 0, 0}, 0x00000000u},       {{0, 0, 0, 1}, 0x00000001u},       {{1, 0, 0, 0}, 0x01000000u},
        {{1, 2, 3, 4}, 0x01020304u},       {{10, 0, 0, 1}, 0x0a000001u},      {{127, 0, 0, 1}, 0x7f000001u},
        {{128, 0, 0, 0}, 0x80000000u},     {{172, 16, 254, 1}, 0xac10fe01u},  {{192, 168, 1, 255}, 0xc0a801ffu},
        {{255, 255, 255, 255}, 0xffffffffu}, {{0x12, 0x34, 0x56, 0x78}, 0x12345678u}, {{0xde, 0xad, 0xbe, 0xef}, 0xdeadbeefu},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("host value 0x" << std::hex << r.host)
        {
            const address_v4 from_bytes(r.bytes);
            const address_v4 from_uint(r.host);
            BOOST_TEST(from_bytes.to_uint() == r.host);
            BOOST_TEST(from_uint.to_bytes() == r.bytes);
            BOOST_TEST(from_bytes == from_uint);

            // in_addr holds network order: its memory is the bytes in order.
            const ::in_addr a = from_uint.to_in_addr();
            unsigned char mem[4];
            std::memcpy(mem, &a.s_addr, 4);
            BOOST_TEST(std::memcmp(mem, r.bytes.data(), 4) == 0);
            ::in_addr b{};
            std::memcpy(&b.s_addr, r.bytes.data(), 4);
            BOOST_TEST(address_v4(b) == from_uint);
            BOOST_TEST(address_v4(address_v4(b).to_in_addr()).to_uint() == r.host);
        }
    }
}

BOOST_AUTO_TEST_CASE(in_addr_round_trip_against_glibc)
{
    tsock_test::rng rng(4001);
    for (int i = 0; i != 2000; ++i) {
        const std::uint32_t host = rng();
        const std::string text = glibc_ntop(host);
        ::in_addr a{};
        BOOST_REQUIRE(::inet_pton(AF_INET, text.c_str(), &a) == 1);
        BOOST_TEST(address_v4(a).to_uint() == host, "input " << text);
        BOOST_TEST(address_v4(host).to_in_addr().s_addr == a.s_addr, "input " << text);
    }
}

BOOST_AUTO_TEST_CASE(special_addresses)
{
    BOOST_TEST(address_v4::any().to_string() == "0.0.0.0");
    BOOST_TEST(address_v4::loopback().to_string() == "127.0.0.1");
    BOOST_TEST(address_v4::broadcast().to_string() == "255.255.255.255");
    BOOST_TEST(address_v4::any() == address_v4());
    BOOST_TEST(address_v4::any().is_unspecified());
    BOOST_TEST(address_v4::loopback().is_loopback());
    BOOST_TEST(address_v4::broadcast().is_broadcast());
    BOOST_TEST(address_v4::loopback().to_in_addr().s_addr == ::htonl(INADDR_LOOPBACK));
    BOOST_TEST(address_v4::broadcast().to_in_addr().s_addr == ::htonl(INADDR_BROADCAST));
    BOOST_TEST(address_v4::any().to_in_addr().s_addr == ::htonl(INADDR_ANY));
}

// ---------------------------------------------------------------------------
// Comparison and hashing

BOOST_AUTO_TEST_CASE(ordering_is_numeric)
{
    static_assert(address_v4(0x01020304u) < address_v4(0x01020305u));
    static_assert((address_v4(0x0a000000u) <=> address_v4(0x09ffffffu)) == std::strong_ordering::greater);
    static_assert(address_v4(0x7f000001u) == address_v4::loopback());

    // Sorted by hand: numeric, not textual ("9..." < "10...").
    const char* const sorted[] = {"0.0.0.0",     "0.0.0.1",   "0.0.1.0",       "0.1.0.0",         "1.0.0.0",
                                  "1.2.3.4",     "1.2.3.5",   "9.255.255.255", "10.0.0.0",        "100.0.0.0",
                                  "127.0.0.1",   "128.0.0.0", "192.168.0.1",   "255.255.255.254", "255.255.255.255"};
    for (std::size_t i = 0; i != std::size(sorted); ++i) {
        for (std::size_t j = 0; j != std::size(sorted); ++j) {
            const auto a = address_v4::parse(sorted[i]);
            const auto b = address_v4::parse(sorted[j]);
            BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j])
            {
                BOOST_TEST((a < b) == (i < j));
                BOOST_TEST((a == b) == (i == j));
                BOOST_TEST((a != b) == (i != j));
                BOOST_TEST((a >= b) == (i >= j));
            }
        }
    }

    // Random pairs: the order is that of the bytes in network order.
    tsock_test::rng rng(4002);
    for (int i = 0; i != 5000; ++i) {
        std::uint32_t x = rng();
        std::uint32_t y = (i % 4 == 0) ? x ^ (1u << pick(rng, 32)) : rng();
        if (i % 10 == 0)
            y = x;
        const address_v4 a(x), b(y);
        const auto ab = a.to_bytes(), bb = b.to_bytes();
        const int m = std::memcmp(ab.data(), bb.data(), 4);
        BOOST_TEST(((a <=> b) < 0) == (m < 0), "a=" << a << " b=" << b);
        BOOST_TEST(((a <=> b) == 0) == (m == 0), "a=" << a << " b=" << b);
    }
}

BOOST_AUTO_TEST_CASE(hash_agrees_with_equality)
{
    tsock_test::rng rng(4003);
    std::unordered_set<address_v4> set;
    std::set<std::uint32_t> distinct;
    const std::hash<address_v4> h;
    for (int i = 0; i != 3000; ++i) {
        const std::uint32_t v = (i % 3 == 0) ? (rng() & 0xff) : rng(); // small values repeat
        const address_v4 a(v);
        const address_v4 b(a.to_bytes()); // equal, built another way
        BOOST_TEST(h(a) == h(b), "address " << a);
        set.insert(a);
        set.insert(b);
        distinct.insert(v);
    }
    BOOST_TEST(set.size() == distinct.size());
    for (std::uint32_t v : distinct)
        BOOST_TEST(set.count(address_v4(v)) == 1u);
    BOOST_TEST(set.count(address_v4(0x7f000002u)) == (distinct.count(0x7f000002u)));
}

// ---------------------------------------------------------------------------
// Formatting

BOOST_AUTO_TEST_CASE(format_to_string_and_streams)
{
    static_assert(address_v4(0x7f000001u).format() == "127.0.0.1");
    static_assert(address_v4::broadcast().format().size() == 15);
    static_assert(address_v4().format() == "0.0.0.0");

    struct row {
        std::uint32_t host;
        std::string_view text;
    };
    const row rows[] = {
        {0x00000000u, "0.0.0.0"},       {0x01020304u, "1.2.3.4"},       {0x0a000001u, "10.0.0.1"},
        {0x09630a00u, "9.99.10.0"},     {0x64646464u, "100.100.100.100"}, {0xfffefdfcu, "255.254.253.252"},
        {0xc0a80001u, "192.168.0.1"},   {0x7f000001u, "127.0.0.1"},     {0xffffffffu, "255.255.255.255"},
        {0x00ff00ffu, "0.255.0.255"},   {0x0a141e28u, "10.20.30.40"},   {0xc7c8c9cau, "199.200.201.202"},
    };
    for (const auto& r : rows) {
        const address_v4 a(r.host);
        BOOST_TEST_CONTEXT("expected " << r.text)
        {
            BOOST_TEST(a.format().view() == r.text);
            BOOST_TEST(a.to_string() == r.text);
            std::ostringstream narrow;
            narrow << a;
            BOOST_TEST(narrow.str() == r.text);
            std::wostringstream wide;
            wide << a;
            BOOST_TEST((wide.str() == std::wstring(r.text.begin(), r.text.end())));
        }
    }

    // Against glibc for random values.
    tsock_test::rng rng(4004);
    for (int i = 0; i != 20000; ++i) {
        std::uint32_t v = rng();
        if (i % 3 == 0) // short parts too
            v &= 0x0f1f3f7fu;
        const std::string expected = glibc_ntop(v);
        BOOST_TEST(address_v4(v).to_string() == expected, "value 0x" << std::hex << v);
    }
}

BOOST_AUTO_TEST_CASE(to_chars_fits_or_writes_nothing)
{
    constexpr auto constexpr_to_chars = [] {
        char buffer[16] = {};
        const auto r = address_v4(0xc0000207u).to_chars(buffer, buffer + 16);
        return r.ec == std::errc() && std::string_view(buffer, r.ptr) == "192.0.2.7";
    };
    static_assert(constexpr_to_chars());
    constexpr auto constexpr_too_small = [] {
        char buffer[8] = {};
        const auto r = address_v4(0xc0000207u).to_chars(buffer, buffer + 8);
        return r.ec == std::errc::value_too_large && r.ptr == buffer + 8 && buffer[0] == 0;
    };
    static_assert(constexpr_too_small());

    const char* const texts[] = {"0.0.0.0", "1.2.3.4", "10.20.30.40", "192.168.0.1", "203.0.113.255",
                                 "255.255.255.255"};
    for (const char* text : texts) {
        const auto a = address_v4::parse(text);
        const std::size_t n = std::strlen(text);
        for (std::size_t size = 0; size <= n + 2; ++size) {
            char buffer[32];
            std::memset(buffer, '#', sizeof buffer);
            const auto r = a.to_chars(buffer, buffer + size);
            BOOST_TEST_CONTEXT(text << " into " << size << " chars")
            {
                if (size < n) {
                    BOOST_TEST((r.ec == std::errc::value_too_large));
                    BOOST_TEST(r.ptr - buffer == std::ptrdiff_t(size)); // ptr is last
                    BOOST_TEST(std::string_view(buffer, sizeof buffer) == std::string(sizeof buffer, '#'));
                } else {
                    BOOST_TEST((r.ec == std::errc()));
                    BOOST_TEST(r.ptr - buffer == std::ptrdiff_t(n));
                    BOOST_TEST(std::string_view(buffer, n) == text);
                    BOOST_TEST(buffer[n] == '#'); // nothing past the end
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------
// Parsing

namespace {

struct valid_case {
    std::string_view text;
    std::uint32_t host;
};

const valid_case valid_cases[] = {
    {"0.0.0.0", 0x00000000u},         {"255.255.255.255", 0xffffffffu}, {"127.0.0.1", 0x7f000001u},
    {"1.2.3.4", 0x01020304u},         {"10.0.0.1", 0x0a000001u},        {"192.168.100.200", 0xc0a864c8u},
    {"9.99.199.249", 0x0963c7f9u},    {"100.10.1.0", 0x640a0100u},      {"1.0.0.0", 0x01000000u},
    {"0.0.0.1", 0x00000001u},         {"255.0.255.0", 0xff00ff00u},     {"249.250.251.252", 0xf9fafbfcu},
    {"199.200.201.202", 0xc7c8c9cau}, {"0.10.100.200", 0x000a64c8u},    {"172.16.0.1", 0xac100001u},
    {"8.8.4.4", 0x08080404u},         {"99.9.0.90", 0x6309005au},       {"254.1.0.255", 0xfe0100ffu},
};

struct error_case {
    std::string_view text;
    error code;
    std::size_t where;
};

// Offsets: where the offending part or character starts; for too_few_parts
// the end of the text (the part that is missing).
const error_case error_cases[] = {
    {""sv, error::empty_address, 0},
    {"1"sv, error::too_few_parts, 1},
    {"1.2"sv, error::too_few_parts, 3},
    {"1.2.3"sv, error::too_few_parts, 5},
    {"255.255.255"sv, error::too_few_parts, 11},
    {"1.2.3.4.5"sv, error::too_many_parts, 7},
    {"1.2.3.4."sv, error::too_many_parts, 7},
    {"1.2.3.4.."sv, error::too_many_parts, 7},
    {"1.2.3.4.5.6"sv, error::too_many_parts, 7},
    {"255.255.255.255."sv, error::too_many_parts, 15},
    {"1.2.3."sv, error::empty_part, 6},
    {".1.2.3"sv, error::empty_part, 0},
    {"1..2.3"sv, error::empty_part, 2},
    {"1.2..3"sv, error::empty_part, 4},
    {"."sv, error::empty_part, 0},
    {"..."sv, error::empty_part, 0},
    {"1."sv, error::empty_part, 2},
    {"256.1.1.1"sv, error::part_out_of_range, 0},
    {"1.256.1.1"sv, error::part_out_of_range, 2},
    {"1.1.256.1"sv, error::part_out_of_range, 4},
    {"1.1.1.256"sv, error::part_out_of_range, 6},
    {"1.1.1.999"sv, error::part_out_of_range, 6},
    {"300.1.1.1"sv, error::part_out_of_range, 0},
    {"1234.1.1.1"sv, error::part_out_of_range, 0},
    {"1.2.3.1000"sv, error::part_out_of_range, 6},
    {"255.255.255.2555"sv, error::part_out_of_range, 12}, // one char longer than the longest
    {"255.255.255.256"sv, error::part_out_of_range, 12},
    {"01.2.3.4"sv, error::leading_zero, 0},
    {"1.02.3.4"sv, error::leading_zero, 2},
    {"1.2.3.00"sv, error::leading_zero, 6},
    {"1.2.3.010"sv, error::leading_zero, 6},
    {"00.0.0.0"sv, error::leading_zero, 0},
    {"1.2.09.4"sv, error::leading_zero, 4},
    {" 1.2.3.4"sv, error::invalid_character, 0},
    {"1.2.3.4 "sv, error::invalid_character, 7},
    {"1.2.3.4\n"sv, error::invalid_character, 7},
    {"\t1.2.3.4"sv, error::invalid_character, 0},
    {"1 .2.3.4"sv, error::invalid_character, 1},
    {"1. 2.3.4"sv, error::invalid_character, 2},
    {"+1.2.3.4"sv, error::invalid_character, 0},
    {"-1.2.3.4"sv, error::invalid_character, 0},
    {"1.-2.3.4"sv, error::invalid_character, 2},
    {"1.2.3.+4"sv, error::invalid_character, 6},
    {"1.2.3.4a"sv, error::invalid_character, 7},
    {"a.2.3.4"sv, error::invalid_character, 0},
    {"1.2.3.0x4"sv, error::invalid_character, 7},
    {"0x1.2.3.4"sv, error::invalid_character, 1},
    {"1,2,3,4"sv, error::invalid_character, 1},
    {"1.2.3.4:80"sv, error::invalid_character, 7},
    {"1.2.3.4/24"sv, error::invalid_character, 7},
    {"::1"sv, error::invalid_character, 0},
    {"1.2.3.4\0"sv, error::invalid_character, 7},
    {"1.2\0.3.4"sv, error::invalid_character, 3},
    {"\0"sv, error::invalid_character, 0},
    {"\0" "1.2.3.4"sv, error::invalid_character, 0},
    {"1.2.3.\0"sv, error::invalid_character, 6},
    {"\xef\xbc\x91.2.3.4"sv, error::invalid_character, 0}, // fullwidth digit one
    {"1.2.3.4\xc2\xa0"sv, error::invalid_character, 7},
};

} // namespace

BOOST_AUTO_TEST_CASE(parse_valid_forms)
{
    static_assert(address_v4::parse("192.0.2.1").to_uint() == 0xc0000201u);
    static_assert(address_v4::try_parse("255.255.255.255").value() == address_v4::broadcast());
    static_assert(!address_v4::try_parse("1.2.3").has_value());
    static_assert(tsock::detail::parse_v4("198.51.100.7").value == 0xc6336407u);

    for (const auto& c : valid_cases) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            BOOST_REQUIRE(glibc_pton(c.text).has_value()); // the table agrees with glibc
            BOOST_TEST(*glibc_pton(c.text) == c.host);

            BOOST_TEST(address_v4::parse(c.text).to_uint() == c.host);
            std::error_code ec = make_error_code(error::empty_part); // must be cleared
            BOOST_TEST(address_v4::parse(c.text, ec).to_uint() == c.host);
            BOOST_TEST(!ec);
            const auto t = address_v4::try_parse(c.text);
            BOOST_TEST(t.has_value());
            BOOST_TEST((t && t->to_uint() == c.host));
            const auto r = tsock::detail::parse_v4(c.text);
            BOOST_TEST(bool(r));
            BOOST_TEST(r.value == c.host);
            // Formatting gives the input back: every valid form is canonical.
            BOOST_TEST(address_v4(c.host).to_string() == c.text);
        }
    }
}

BOOST_AUTO_TEST_CASE(parse_errors_give_code_and_offset)
{
    static_assert(tsock::detail::parse_v4("1.2.3").code == error::too_few_parts);
    static_assert(tsock::detail::parse_v4("1.2.3").where == 5);
    static_assert(tsock::detail::parse_v4("1.2.3.04").code == error::leading_zero);
    static_assert(tsock::detail::parse_v4("1.2.3.04").where == 6);

    for (const auto& c : error_cases) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            // glibc rejects every one of them too (it stops reading at a NUL).
            if (c.text.find('\0') == std::string_view::npos)
                BOOST_TEST(!glibc_pton(c.text).has_value());
            const auto r = tsock::detail::parse_v4(c.text);
            BOOST_TEST(!r);
            BOOST_TEST(r.code == c.code);
            BOOST_TEST(r.where == c.where);

            std::error_code ec;
            const auto a = address_v4::parse(c.text, ec);
            BOOST_TEST(ec == c.code);
            BOOST_TEST(a == address_v4::any());
            BOOST_TEST(&ec.category() == &tsock::error_category());
            BOOST_TEST(!address_v4::try_parse(c.text).has_value());
        }
    }
}

BOOST_AUTO_TEST_CASE(every_v4_error_enumerator_is_reachable)
{
    const error expected[] = {error::empty_address, error::invalid_character, error::leading_zero,
                              error::part_out_of_range, error::too_few_parts, error::too_many_parts,
                              error::empty_part};
    for (error e : expected) {
        bool seen = false;
        for (const auto& c : error_cases)
            seen = seen || c.code == e;
        BOOST_TEST(seen, "no table case for " << make_error_code(e).message());
    }
}

BOOST_AUTO_TEST_CASE(throwing_parse_reports_input_and_message)
{
    for (const auto& c : error_cases) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            bool thrown = false;
            try {
                (void)address_v4::parse(c.text);
            } catch (const std::system_error& e) {
                thrown = true;
                const std::string what = e.what();
                BOOST_TEST(e.code() == c.code);
                // The quoted input, with control bytes and non-ASCII escaped as \xNN.
                std::string quoted = "\"";
                for (char ch : c.text) {
                    const auto u = static_cast<unsigned char>(ch);
                    if (u < 0x20 || u >= 0x7f) {
                        char esc[8];
                        std::snprintf(esc, sizeof esc, "\\x%02x", u);
                        quoted += esc;
                    } else {
                        quoted += ch;
                    }
                }
                quoted += '"';
                BOOST_TEST(what.find(quoted) != std::string::npos, what);
                BOOST_TEST(what.find(make_error_code(c.code).message()) != std::string::npos, what);
                BOOST_TEST(what.find("IPv4") != std::string::npos, what);
                BOOST_TEST(what.find("offset " + std::to_string(c.where)) != std::string::npos, what);
                BOOST_TEST(what.find('\0') == std::string::npos); // NULs never reach the message
            }
            BOOST_TEST(thrown);
        }
    }
    BOOST_CHECK_NO_THROW((void)address_v4::parse("1.2.3.4"));
}

BOOST_AUTO_TEST_CASE(literal_is_checked_at_compile_time)
{
    static_assert("10.0.0.1"_ipv4 == address_v4(0x0a000001u));
    static_assert("10.0.0.1"_ipv4.to_bytes() == address_v4::bytes_type{10, 0, 0, 1});
    static_assert("10.0.0.1"_ipv4.is_private());
    static_assert("10.0.0.1"_ipv4.format() == "10.0.0.1");
    static_assert("255.255.255.255"_ipv4.is_broadcast());
    static_assert("0.0.0.0"_ipv4.is_unspecified());
    BOOST_TEST("192.0.2.33"_ipv4.to_string() == "192.0.2.33");
}

// ---------------------------------------------------------------------------
// Classification

namespace {

enum : unsigned {
    unspecified = 1u << 0,
    loopback = 1u << 1,
    multicast = 1u << 2,
    link_local = 1u << 3,
    broadcast = 1u << 4,
    private_ = 1u << 5,
    documentation = 1u << 6,
    benchmarking = 1u << 7,
    shared = 1u << 8,
    reserved = 1u << 9,
    global = 1u << 10,
};

struct class_case {
    const char* text;
    unsigned flags; // every predicate not named here must be false
};

// Each range: its first and last address, and the neighbours just outside.
// "global" follows the IANA IPv4 Special-Purpose Address Registry's
// "Globally Reachable" column for unicast (unlisted blocks are global); for
// multicast, everything but 224.0.0.0/24 and 239.0.0.0/8 (as documented).
const class_case class_cases[] = {
    {"0.0.0.0", unspecified},          // 0.0.0.0/8 "this network"
    {"0.0.0.1", 0},
    {"0.255.255.255", 0},
    {"1.0.0.0", global},
    {"1.1.1.1", global},
    {"8.8.8.8", global},
    {"9.255.255.255", global},
    {"10.0.0.0", private_},             // 10.0.0.0/8
    {"10.1.2.3", private_},
    {"10.255.255.255", private_},
    {"11.0.0.0", global},
    {"100.63.255.255", global},
    {"100.64.0.0", shared},             // 100.64.0.0/10
    {"100.100.100.100", shared},
    {"100.127.255.255", shared},
    {"100.128.0.0", global},
    {"126.255.255.255", global},
    {"127.0.0.0", loopback},            // 127.0.0.0/8
    {"127.0.0.1", loopback},
    {"127.255.255.255", loopback},
    {"128.0.0.0", global},
    {"169.253.255.255", global},
    {"169.254.0.0", link_local},        // 169.254.0.0/16
    {"169.254.169.254", link_local},
    {"169.254.255.255", link_local},
    {"169.255.0.0", global},
    {"172.15.255.255", global},
    {"172.16.0.0", private_},           // 172.16.0.0/12
    {"172.20.1.1", private_},
    {"172.31.255.255", private_},
    {"172.32.0.0", global},
    {"191.255.255.255", global},
    {"192.0.0.0", 0},                   // 192.0.0.0/24 IETF protocol assignments
    {"192.0.0.8", 0},                   // IPv4 dummy address
    {"192.0.0.9", global},              // PCP anycast
    {"192.0.0.10", global},             // TURN anycast
    {"192.0.0.11", 0},
    {"192.0.0.170", 0},                 // NAT64 discovery
    {"192.0.0.171", 0},
    {"192.0.0.255", 0},
    {"192.0.1.0", global},
    {"192.0.1.255", global},
    {"192.0.2.0", documentation},       // TEST-NET-1
    {"192.0.2.255", documentation},
    {"192.0.3.0", global},
    {"192.31.196.1", global},           // AS112-v4
    {"192.52.193.1", global},           // AMT
    {"192.88.99.1", global},            // deprecated 6to4 relay anycast
    {"192.167.255.255", global},
    {"192.168.0.0", private_},          // 192.168.0.0/16
    {"192.168.1.1", private_},
    {"192.168.255.255", private_},
    {"192.169.0.0", global},
    {"192.175.48.1", global},           // Direct Delegation AS112
    {"198.17.255.255", global},
    {"198.18.0.0", benchmarking},       // 198.18.0.0/15
    {"198.18.255.255", benchmarking},
    {"198.19.0.0", benchmarking},
    {"198.19.255.255", benchmarking},
    {"198.20.0.0", global},
    {"198.51.99.255", global},
    {"198.51.100.0", documentation},    // TEST-NET-2
    {"198.51.100.255", documentation},
    {"198.51.101.0", global},
    {"203.0.112.255", global},
    {"203.0.113.0", documentation},     // TEST-NET-3
    {"203.0.113.255", documentation},
    {"203.0.114.0", global},
    {"223.255.255.255", global},
    {"224.0.0.0", multicast},           // 224.0.0.0/4; 224.0.0.0/24 is never forwarded (RFC 5771)
    {"224.0.0.251", multicast},
    {"224.0.0.255", multicast},
    {"224.0.1.0", multicast | global},
    {"232.1.2.3", multicast | global},
    {"238.255.255.255", multicast | global},
    {"239.0.0.0", multicast},           // 239.0.0.0/8 administratively scoped (RFC 2365)
    {"239.255.255.250", multicast},
    {"239.255.255.255", multicast},
    {"240.0.0.0", reserved},            // 240.0.0.0/4
    {"250.1.2.3", reserved},
    {"255.255.255.254", reserved},
    {"255.255.255.255", broadcast | reserved},
};

} // namespace

BOOST_AUTO_TEST_CASE(classification_table)
{
    for (const auto& c : class_cases) {
        const auto host = glibc_pton(c.text);
        BOOST_REQUIRE(host.has_value());
        const address_v4 a(*host);
        BOOST_TEST_CONTEXT("address " << c.text)
        {
            BOOST_TEST(a.is_unspecified() == bool(c.flags & unspecified));
            BOOST_TEST(a.is_loopback() == bool(c.flags & loopback));
            BOOST_TEST(a.is_multicast() == bool(c.flags & multicast));
            BOOST_TEST(a.is_link_local() == bool(c.flags & link_local));
            BOOST_TEST(a.is_broadcast() == bool(c.flags & broadcast));
            BOOST_TEST(a.is_private() == bool(c.flags & private_));
            BOOST_TEST(a.is_documentation() == bool(c.flags & documentation));
            BOOST_TEST(a.is_benchmarking() == bool(c.flags & benchmarking));
            BOOST_TEST(a.is_shared() == bool(c.flags & shared));
            BOOST_TEST(a.is_reserved() == bool(c.flags & reserved));
            BOOST_TEST(a.is_global() == bool(c.flags & global));
        }
    }
}

BOOST_AUTO_TEST_CASE(classification_is_constexpr)
{
    static_assert("0.0.0.0"_ipv4.is_unspecified() && !"0.0.0.1"_ipv4.is_unspecified());
    static_assert("127.255.255.255"_ipv4.is_loopback() && !"128.0.0.0"_ipv4.is_loopback());
    static_assert("239.255.255.255"_ipv4.is_multicast() && !"240.0.0.0"_ipv4.is_multicast());
    static_assert("169.254.0.0"_ipv4.is_link_local() && !"169.253.255.255"_ipv4.is_link_local());
    static_assert("172.31.255.255"_ipv4.is_private() && !"172.32.0.0"_ipv4.is_private());
    static_assert(!"172.15.255.255"_ipv4.is_private());
    static_assert("198.19.255.255"_ipv4.is_benchmarking() && !"198.20.0.0"_ipv4.is_benchmarking());
    static_assert("100.127.255.255"_ipv4.is_shared() && !"100.128.0.0"_ipv4.is_shared());
    static_assert("203.0.113.9"_ipv4.is_documentation());
    static_assert("240.0.0.0"_ipv4.is_reserved());
    static_assert("192.0.0.9"_ipv4.is_global() && !"192.0.0.8"_ipv4.is_global());
    static_assert("8.8.8.8"_ipv4.is_global() && !"10.0.0.1"_ipv4.is_global());
    static_assert("224.0.1.1"_ipv4.is_global() && !"224.0.0.1"_ipv4.is_global() && !"239.1.1.1"_ipv4.is_global());
    BOOST_TEST(std::size(class_cases) > 70u);
}

BOOST_AUTO_TEST_CASE(classification_by_prefix_on_random_addresses)
{
    // Each predicate is a prefix test: check it bit by bit against the
    // network and prefix length from the RFCs, on random addresses drawn
    // near each block.
    struct block {
        std::uint32_t network;
        int prefix;
        bool (address_v4::*pred)() const noexcept;
        const char* name;
    };
    const block blocks[] = {
        {0x7f000000u, 8, &address_v4::is_loopback, "127.0.0.0/8"},
        {0xe0000000u, 4, &address_v4::is_multicast, "224.0.0.0/4"},
        {0xa9fe0000u, 16, &address_v4::is_link_local, "169.254.0.0/16"},
        {0xc6120000u, 15, &address_v4::is_benchmarking, "198.18.0.0/15"},
        {0x64400000u, 10, &address_v4::is_shared, "100.64.0.0/10"},
        {0xf0000000u, 4, &address_v4::is_reserved, "240.0.0.0/4"},
    };
    tsock_test::rng rng(4006);
    for (const auto& b : blocks) {
        const std::uint32_t mask = ~std::uint32_t(0) << (32 - b.prefix);
        for (int i = 0; i != 2000; ++i) {
            // Inside, or with one random bit of the network part flipped.
            std::uint32_t v = (b.network & mask) | (rng() & ~mask);
            if (i % 2 == 1)
                v ^= 1u << (32 - b.prefix + int(pick(rng, std::uint32_t(b.prefix))));
            const bool inside = (v & mask) == b.network;
            const address_v4 a(v);
            BOOST_TEST((a.*b.pred)() == inside, b.name << " address " << a);
        }
    }
}
