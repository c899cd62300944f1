// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/ip_endpoint.hpp>

#define BOOST_TEST_MODULE ip_endpoint
#if defined(TSOCK_TEST_HEADER_ONLY) // mingw: no linked Boost.Test there
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif

#include "support/fuzz.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "support/fd_guard.hpp"

// Expected values are written by hand from RFC 3986 (port grammar, IPv6 in
// brackets), RFC 4007 (zones) and the sockaddr layouts of <netinet/in.h>,
// built here with the C library's htons, htonl and inet_pton.

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;
using namespace tsock::literals;
using namespace std::string_view_literals;

namespace {

using tsock_test::show;

using tsock_test::fd_guard;

// from_native on a copy of the first length bytes at p, in a heap block of
// exactly that size: the address sanitizer reports any read past length.
template <class E> E from_exact_copy(const void* p, std::size_t length, std::error_code& ec)
{
    std::vector<char> block(static_cast<const char*>(p), static_cast<const char*>(p) + length);
    return E::from_native(reinterpret_cast<const ::sockaddr*>(block.data()), static_cast<::socklen_t>(length), ec);
}

::sockaddr_in hand_sockaddr_in(const char* address, std::uint16_t port)
{
    ::sockaddr_in sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_port = ::htons(port);
    BOOST_REQUIRE(::inet_pton(AF_INET, address, &sa.sin_addr) == 1);
    return sa;
}

::sockaddr_in6 hand_sockaddr_in6(const char* address, std::uint16_t port, std::uint32_t flowinfo, std::uint32_t scope)
{
    ::sockaddr_in6 sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sin6_family = AF_INET6;
    sa.sin6_port = ::htons(port);
    sa.sin6_flowinfo = ::htonl(flowinfo);
    sa.sin6_scope_id = scope;
    BOOST_REQUIRE(::inet_pton(AF_INET6, address, &sa.sin6_addr) == 1);
    return sa;
}

} // namespace

// ---------------------------------------------------------------------------
// Construction

BOOST_AUTO_TEST_CASE(construct_get_and_set)
{
    static_assert(ipv4_endpoint().address() == address_v4::any() && ipv4_endpoint().port() == 0);
    static_assert(ipv4_endpoint("10.0.0.1"_ipv4, 80).address() == "10.0.0.1"_ipv4);
    static_assert(ipv4_endpoint("10.0.0.1"_ipv4, 80).port() == 80);
    static_assert(ipv6_endpoint().address() == address_v6::any() && ipv6_endpoint().flowinfo() == 0);
    static_assert(ipv6_endpoint("fe80::1%3"_ipv6, 443, 0x12345).flowinfo() == 0x12345);
    static_assert(ipv6_endpoint("fe80::1%3"_ipv6, 443).address().scope_id() == 3);
    static_assert(ipv4_endpoint::family() == AF_INET && ipv6_endpoint::family() == AF_INET6);
    static_assert(std::is_trivially_copyable_v<ipv4_endpoint> && std::is_trivially_copyable_v<ipv6_endpoint>);
    static_assert(sizeof(ipv4_endpoint) == sizeof(::sockaddr_in)); // it holds its sockaddr_in
    static_assert(sizeof(ipv6_endpoint) == sizeof(::sockaddr_in6)); // and this one its sockaddr_in6
    constexpr auto set = [] {
        ipv6_endpoint e;
        e.address("2001:db8::1"_ipv6);
        e.port(8080);
        e.flowinfo(7);
        ipv4_endpoint f;
        f.address("192.0.2.1"_ipv4);
        f.port(53);
        return e == ipv6_endpoint("2001:db8::1"_ipv6, 8080, 7) && f == ipv4_endpoint("192.0.2.1"_ipv4, 53);
    };
    static_assert(set());

    ipv6_endpoint e("::1"_ipv6, 1);
    e.port(65535);
    e.flowinfo(0xffffffffu);
    e.address("fe80::2%9"_ipv6);
    BOOST_TEST(e.port() == 65535);
    BOOST_TEST(e.flowinfo() == 0xffffffffu);
    BOOST_TEST(e.address() == "fe80::2%9"_ipv6);
}

BOOST_AUTO_TEST_CASE(ports_never_narrow)
{
    // The port is a tsock::port_number: a constant (checked while compiling:
    // 70000 does not compile, see test/compile_fail/ip_endpoint_port_*.cpp),
    // a std::uint16_t, or port_number::checked(n) for any other integer. No
    // other type converts: a double or a bool used to become a port.
    using tsock::port_number;
    static_assert(std::is_nothrow_constructible_v<ipv4_endpoint, address_v4, std::uint16_t>);
    static_assert(std::is_nothrow_constructible_v<ipv6_endpoint, address_v6, std::uint16_t, std::uint32_t>);
    static_assert(std::is_constructible_v<ipv4_endpoint, address_v4, port_number>);
    static_assert(!std::is_constructible_v<ipv4_endpoint, address_v4, double>);
    static_assert(!std::is_constructible_v<ipv4_endpoint, address_v4, bool>);
    static_assert(!std::is_constructible_v<ipv6_endpoint, address_v6, float>);
    static_assert(ipv4_endpoint("10.0.0.1"_ipv4, port_number::checked(65535L)).port() == 65535);

    const long wide = 70000; // a run-time value: port 4464 after a cast
    const std::uint16_t narrow = 8080;
    BOOST_CHECK_EXCEPTION(ipv4_endpoint(address_v4::loopback(), port_number::checked(wide)), std::system_error,
                          [](const std::system_error& x) { return x.code() == error::port_out_of_range; });
    BOOST_CHECK_EXCEPTION(ipv6_endpoint(address_v6::loopback(), port_number::checked(-1)), std::system_error,
                          [](const std::system_error& x) { return x.code() == error::port_out_of_range; });
    ipv4_endpoint e(address_v4::loopback(), narrow);
    BOOST_TEST(e.port() == 8080);
    BOOST_CHECK_THROW(e.port(port_number::checked(wide - 4464)), std::system_error); // 65536
    BOOST_TEST(e.port() == 8080);
    e.port(port_number::checked(wide - 4465)); // 65535
    BOOST_TEST(e.port() == 65535);
}

// ---------------------------------------------------------------------------
// Text

namespace {

struct v4_text_case {
    std::string_view text;
    std::string_view address;
    std::uint16_t port;
    std::string_view canonical;
};

const v4_text_case v4_text_cases[] = {
    {"0.0.0.0:0", "0.0.0.0", 0, "0.0.0.0:0"},
    {"127.0.0.1:80", "127.0.0.1", 80, "127.0.0.1:80"},
    {"255.255.255.255:65535", "255.255.255.255", 65535, "255.255.255.255:65535"},
    {"192.0.2.1:8080", "192.0.2.1", 8080, "192.0.2.1:8080"},
    {"10.0.0.1:1", "10.0.0.1", 1, "10.0.0.1:1"},
    {"198.51.100.7:65534", "198.51.100.7", 65534, "198.51.100.7:65534"},
    {"1.2.3.4:9", "1.2.3.4", 9, "1.2.3.4:9"},
    // Leading zeros in the port are RFC 3986's (port = *DIGIT): read, not kept.
    {"127.0.0.1:080", "127.0.0.1", 80, "127.0.0.1:80"},
    {"127.0.0.1:00000", "127.0.0.1", 0, "127.0.0.1:0"},
    {"127.0.0.1:0000000000065535", "127.0.0.1", 65535, "127.0.0.1:65535"},
};

struct v6_text_case {
    std::string_view text;
    std::string_view address; // as address_v6::parse reads it
    std::uint16_t port;
    std::string_view canonical;
};

const v6_text_case v6_text_cases[] = {
    {"[::]:0", "::", 0, "[::]:0"},
    {"[::1]:80", "::1", 80, "[::1]:80"},
    {"[fe80::1%3]:80", "fe80::1%3", 80, "[fe80::1%3]:80"},
    {"[2001:db8::1]:65535", "2001:db8::1", 65535, "[2001:db8::1]:65535"},
    {"[::ffff:192.0.2.1]:443", "::ffff:192.0.2.1", 443, "[::ffff:192.0.2.1]:443"},
    {"[FE80:0:0:0:0:0:0:1%0003]:1", "fe80::1%3", 1, "[fe80::1%3]:1"},
    {"[2001:DB8::8:800:200C:417A]:8080", "2001:db8::8:800:200c:417a", 8080, "[2001:db8::8:800:200c:417a]:8080"},
    {"[ff02::1%4294967295]:5353", "ff02::1%4294967295", 5353, "[ff02::1%4294967295]:5353"},
    {"[1:2:3:4:5:6:7:8]:007", "1:2:3:4:5:6:7:8", 7, "[1:2:3:4:5:6:7:8]:7"},
};

struct error_case {
    std::string_view text;
    error code;
    std::size_t where;
};

// Offsets: of the offending character; of the first port digit for a port
// out of range; the end of the text for a missing port.
const error_case v4_error_cases[] = {
    {""sv, error::empty_address, 0},
    {"1.2.3.4"sv, error::empty_part, 7}, // no port
    {"1.2.3.4:"sv, error::empty_part, 8}, // empty port
    {"1.2.3.4:65536"sv, error::part_out_of_range, 8},
    {"1.2.3.4:99999999999"sv, error::part_out_of_range, 8},
    {"1.2.3.4:100000"sv, error::part_out_of_range, 8},
    {"1.2.3.4:8a"sv, error::invalid_character, 9},
    {"1.2.3.4:-1"sv, error::invalid_character, 8},
    {"1.2.3.4:+80"sv, error::invalid_character, 8},
    {"1.2.3.4: 80"sv, error::invalid_character, 8},
    {"1.2.3.4:80 "sv, error::invalid_character, 10},
    {"1.2.3.4::80"sv, error::invalid_character, 8},
    {"1.2.3.4:80:90"sv, error::invalid_character, 10},
    {"1.2.3.4:0x50"sv, error::invalid_character, 9},
    {"1.2.3.4:80\0"sv, error::invalid_character, 10},
    {":80"sv, error::empty_address, 0}, // no address
    {"1.2.3:80"sv, error::too_few_parts, 5}, // the address's own errors
    {"256.1.1.1:80"sv, error::part_out_of_range, 0},
    {"01.2.3.4:80"sv, error::leading_zero, 0},
    {"1.2.3.4.5:80"sv, error::too_many_parts, 7},
    {"1.2..4:80"sv, error::empty_part, 4},
    {"localhost:80"sv, error::invalid_character, 0},
    {"[::1]:80"sv, error::invalid_character, 0}, // an IPv6 endpoint
    {" 1.2.3.4:80"sv, error::invalid_character, 0},
};

const error_case v6_error_cases[] = {
    {""sv, error::empty_address, 0},
    {"::1"sv, error::invalid_character, 0}, // no brackets
    {"::1:80"sv, error::invalid_character, 0},
    {"fe80::1%3:80"sv, error::invalid_character, 0},
    {"127.0.0.1:80"sv, error::invalid_character, 0}, // an IPv4 endpoint
    {"[::1]"sv, error::empty_part, 5}, // no port
    {"[::1]:"sv, error::empty_part, 6}, // empty port
    {"[::1]:65536"sv, error::part_out_of_range, 6},
    {"[::1]:123456"sv, error::part_out_of_range, 6},
    {"[::1]:8a"sv, error::invalid_character, 7},
    {"[::1]:-80"sv, error::invalid_character, 6},
    {"[::1]80"sv, error::invalid_character, 5}, // no ':' after ']'
    {"[::1]]:80"sv, error::invalid_character, 5},
    {"[::1]:80 "sv, error::invalid_character, 8},
    {"[::1"sv, error::invalid_character, 4}, // no ']'
    {"[::1:80"sv, error::invalid_character, 7}, // "::1:80" is an address; then no ']'
    {"["sv, error::empty_address, 1},
    {"[]:80"sv, error::empty_address, 1},
    {" [::1]:80"sv, error::invalid_character, 0},
    {"[ ::1]:80"sv, error::invalid_character, 1}, // the address's own errors, offset in the text
    {"[1::2::3]:80"sv, error::multiple_double_colons, 5},
    {"[1:2:3:4:5:6:7]:80"sv, error::too_few_groups, 14},
    {"[12345::]:80"sv, error::group_too_long, 1},
    {"[fe80::1%]:80"sv, error::empty_zone, 9},
    {"[fe80::1%4294967296]:80"sv, error::zone_out_of_range, 9},
    {"[fe80::1%no-such-interface]:80"sv, error::zone_too_long, 9},
    {"[fe80::1%nosuchif7]:80"sv, error::unknown_interface, 9},
    {"[1.2.3.4]:80"sv, error::too_few_groups, 8},
};

} // namespace

BOOST_AUTO_TEST_CASE(v4_text_round_trip)
{
    for (const auto& c : v4_text_cases) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            const auto e = ipv4_endpoint::parse(c.text);
            BOOST_TEST(e.address() == address_v4::parse(c.address));
            BOOST_TEST(e.port() == c.port);
            BOOST_TEST(e.to_string() == c.canonical);
            BOOST_TEST(e.format().view() == c.canonical);
            BOOST_TEST(ipv4_endpoint::parse(e.to_string()) == e); // text -> endpoint -> text -> endpoint
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(ipv4_endpoint::parse(c.text, ec) == e);
            BOOST_TEST(!ec);
            BOOST_TEST(ipv4_endpoint::try_parse(c.text).value() == e);
        }
    }
}

BOOST_AUTO_TEST_CASE(v6_text_round_trip)
{
    for (const auto& c : v6_text_cases) {
        BOOST_TEST_CONTEXT("input " << show(c.text))
        {
            const auto e = ipv6_endpoint::parse(c.text);
            BOOST_TEST(e.address() == address_v6::parse(c.address));
            BOOST_TEST(e.port() == c.port);
            BOOST_TEST(e.flowinfo() == 0u);
            BOOST_TEST(e.to_string() == c.canonical);
            BOOST_TEST(e.format().view() == c.canonical);
            BOOST_TEST(ipv6_endpoint::parse(e.to_string()) == e);
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(ipv6_endpoint::parse(c.text, ec) == e);
            BOOST_TEST(!ec);
            BOOST_TEST(ipv6_endpoint::try_parse(c.text).value() == e);
        }
    }
}

BOOST_AUTO_TEST_CASE(zone_names_in_brackets)
{
    const unsigned lo = ::if_nametoindex("lo");
    if (lo == 0) {
        BOOST_TEST_MESSAGE("no interface \"lo\" on this host: skipped");
        return;
    }
    const auto e = ipv6_endpoint::parse("[fe80::1%lo]:80");
    BOOST_TEST(e.address().scope_id() == lo);
    BOOST_TEST(e.to_string() == "[fe80::1%" + std::to_string(lo) + "]:80"); // formatted as a number
}

BOOST_AUTO_TEST_CASE(parse_errors_give_code_and_offset)
{
    auto check = [](const auto& cases, auto parse_ec, auto try_parse, auto throwing, const char* kind) {
        for (const error_case& c : cases) {
            BOOST_TEST_CONTEXT(kind << " input " << show(c.text))
            {
                std::error_code ec;
                const auto e = parse_ec(c.text, ec);
                BOOST_TEST(ec == c.code);
                BOOST_TEST(&ec.category() == &tsock::error_category());
                BOOST_TEST((e == decltype(e)()));
                BOOST_TEST(!try_parse(c.text).has_value());
                bool thrown = false;
                try {
                    (void)throwing(c.text);
                } catch (const std::system_error& x) {
                    thrown = true;
                    const std::string what = x.what();
                    BOOST_TEST(x.code() == c.code);
                    BOOST_TEST(what.find(show(c.text)) != std::string::npos, what);
                    BOOST_TEST(what.find(kind) != std::string::npos, what);
                    BOOST_TEST(what.find("offset " + std::to_string(c.where)) != std::string::npos, what);
                    BOOST_TEST(what.find(make_error_code(c.code).message()) != std::string::npos, what);
                }
                BOOST_TEST(thrown);
            }
        }
    };
    check(
        v4_error_cases, [](std::string_view t, std::error_code& ec) { return ipv4_endpoint::parse(t, ec); },
        [](std::string_view t) { return ipv4_endpoint::try_parse(t); },
        [](std::string_view t) { return ipv4_endpoint::parse(t); }, "IPv4 endpoint");
    check(
        v6_error_cases, [](std::string_view t, std::error_code& ec) { return ipv6_endpoint::parse(t, ec); },
        [](std::string_view t) { return ipv6_endpoint::try_parse(t); },
        [](std::string_view t) { return ipv6_endpoint::parse(t); }, "IPv6 endpoint");
    // The offsets, through the detail parsers the classes share.
    for (const auto& c : v4_error_cases)
        BOOST_TEST(tsock::detail::parse_v4_endpoint(c.text).where == c.where, show(c.text));
    for (const auto& c : v6_error_cases)
        BOOST_TEST(tsock::detail::parse_v6_endpoint(c.text).where == c.where, show(c.text));
}

BOOST_AUTO_TEST_CASE(every_port_parses_and_formats)
{
    for (std::uint32_t p = 0; p <= 65535; ++p) {
        const auto port = static_cast<std::uint16_t>(p);
        const std::string digits = std::to_string(p);
        const ipv4_endpoint v4("192.0.2.1"_ipv4, port);
        const ipv6_endpoint v6("2001:db8::1"_ipv6, port);
        if (v4.to_string() != "192.0.2.1:" + digits || ipv4_endpoint::parse("192.0.2.1:" + digits) != v4
            || v6.to_string() != "[2001:db8::1]:" + digits || ipv6_endpoint::parse("[2001:db8::1]:" + digits) != v6) {
            BOOST_TEST(false, "port " << p);
            break;
        }
    }
    for (std::uint32_t p : {65536u, 65537u, 70000u, 99999u, 655350u, 4294967295u})
        BOOST_TEST(!ipv4_endpoint::try_parse("1.2.3.4:" + std::to_string(p)).has_value(), p);
}

BOOST_AUTO_TEST_CASE(constexpr_parse_and_format)
{
    static_assert(ipv4_endpoint::parse("127.0.0.1:80") == ipv4_endpoint(address_v4::loopback(), 80));
    static_assert(ipv4_endpoint::parse("127.0.0.1:80").format() == "127.0.0.1:80");
    static_assert(ipv4_endpoint("192.0.2.1"_ipv4, 8080).format() == "192.0.2.1:8080");
    static_assert(ipv6_endpoint::parse("[fe80::1%3]:80").address() == "fe80::1%3"_ipv6);
    static_assert(ipv6_endpoint("fe80::1%3"_ipv6, 80, 99).format() == "[fe80::1%3]:80"); // no flow info in text
    static_assert(ipv6_endpoint(address_v6::loopback(), 80).format() == "[::1]:80");
    static_assert(!ipv4_endpoint::try_parse("127.0.0.1").has_value());
    static_assert(!ipv6_endpoint::try_parse("::1:80").has_value());
    static_assert(tsock::detail::parse_v6_endpoint("[::1]").code == error::empty_part);
    static_assert(tsock::detail::parse_v4_endpoint("1.2.3.4:65536").code == error::part_out_of_range);
    // A zone name needs a run-time lookup, as for address_v6.
    static_assert(tsock::detail::parse_v6_endpoint("[fe80::1%lo]:80").code == error::zone_name_in_constant_expression);

    // The longest texts fill max_string_length exactly.
    constexpr std::string_view longest4 = "255.255.255.255:65535";
    constexpr std::string_view longest6 = "[ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff%4294967295]:65535";
    static_assert(ipv4_endpoint::max_string_length == longest4.size());
    static_assert(ipv6_endpoint::max_string_length == longest6.size());
    static_assert(ipv4_endpoint::parse(longest4).format() == longest4);
    static_assert(ipv6_endpoint::parse(longest6).format() == longest6);
    BOOST_TEST(ipv6_endpoint::parse(longest6).to_string() == longest6);
}

BOOST_AUTO_TEST_CASE(to_chars_fits_or_writes_nothing)
{
    constexpr auto constexpr_to_chars = [] {
        char buffer[32] = {};
        const auto r = ipv6_endpoint(address_v6::loopback(), 80).to_chars(buffer, buffer + 32);
        return r.ec == std::errc() && std::string_view(buffer, r.ptr) == "[::1]:80";
    };
    static_assert(constexpr_to_chars());
    const std::string_view texts[] = {"0.0.0.0:0", "192.0.2.1:8080", "[::1]:80", "[fe80::1%3]:65535"};
    for (std::string_view text : texts) {
        const std::size_t n = text.size();
        for (std::size_t size = 0; size <= n + 2; ++size) {
            char buffer[64];
            std::memset(buffer, '#', sizeof buffer);
            const auto r = text[0] == '[' ? ipv6_endpoint::parse(text).to_chars(buffer, buffer + size)
                                          : ipv4_endpoint::parse(text).to_chars(buffer, buffer + size);
            BOOST_TEST_CONTEXT(text << " into " << size << " chars")
            {
                if (size < n) {
                    BOOST_TEST((r.ec == std::errc::value_too_large));
                    BOOST_TEST(r.ptr - buffer == std::ptrdiff_t(size)); // ptr is last
                    BOOST_TEST(std::string_view(buffer, sizeof buffer) == std::string(sizeof buffer, '#'));
                } else {
                    BOOST_TEST((r.ec == std::errc()));
                    BOOST_TEST(std::string_view(buffer, r.ptr) == text);
                    BOOST_TEST(buffer[n] == '#');
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(streams)
{
    std::ostringstream narrow;
    narrow << ipv4_endpoint("10.1.2.3"_ipv4, 22) << ' ' << ipv6_endpoint("fe80::1%2"_ipv6, 443, 5);
    BOOST_TEST(narrow.str() == "10.1.2.3:22 [fe80::1%2]:443");
    std::wostringstream wide;
    wide << ipv4_endpoint("10.1.2.3"_ipv4, 22) << L' ' << ipv6_endpoint("::1"_ipv6, 80);
    BOOST_TEST((wide.str() == L"10.1.2.3:22 [::1]:80"));
}

// ---------------------------------------------------------------------------
// Comparison and hashing

BOOST_AUTO_TEST_CASE(v4_ordering_is_address_then_port)
{
    static_assert(ipv4_endpoint("1.2.3.4"_ipv4, 65535) < ipv4_endpoint("1.2.3.5"_ipv4, 0));
    static_assert(ipv4_endpoint("1.2.3.4"_ipv4, 1) < ipv4_endpoint("1.2.3.4"_ipv4, 2));
    // Sorted by hand.
    const char* const sorted[] = {"0.0.0.0:0", "0.0.0.0:1", "0.0.0.0:65535", "9.255.255.255:80", "10.0.0.0:0",
        "10.0.0.0:9", "10.0.0.0:10", "127.0.0.1:80", "127.0.0.1:443", "255.255.255.255:0", "255.255.255.255:65535"};
    for (std::size_t i = 0; i != std::size(sorted); ++i)
        for (std::size_t j = 0; j != std::size(sorted); ++j) {
            const auto a = ipv4_endpoint::parse(sorted[i]);
            const auto b = ipv4_endpoint::parse(sorted[j]);
            BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j])
            {
                BOOST_TEST((a < b) == (i < j));
                BOOST_TEST((a == b) == (i == j));
                BOOST_TEST(((a <=> b) > 0) == (i > j));
            }
        }
}

BOOST_AUTO_TEST_CASE(v6_ordering_is_address_scope_port_flowinfo)
{
    static_assert(ipv6_endpoint("fe80::1"_ipv6, 9) < ipv6_endpoint("fe80::1%1"_ipv6, 1));
    static_assert(ipv6_endpoint("::1"_ipv6, 80, 5) < ipv6_endpoint("::1"_ipv6, 81, 0));
    static_assert(ipv6_endpoint("::1"_ipv6, 80, 5) != ipv6_endpoint("::1"_ipv6, 80, 6));
    // Sorted by hand: bytes, then scope id, then port, then flow info.
    const ipv6_endpoint sorted[] = {
        {"::"_ipv6, 0},
        {"::"_ipv6, 0, 1},
        {"::"_ipv6, 1},
        {"::1"_ipv6, 80},
        {"::1"_ipv6, 80, 0xfffff},
        {"::1"_ipv6, 443},
        {"2001:db8::1"_ipv6, 0},
        {"fe80::1"_ipv6, 65535},
        {"fe80::1%1"_ipv6, 0},
        {"fe80::1%2"_ipv6, 0},
        {"fe80::2"_ipv6, 0},
        {"ff02::1"_ipv6, 5353},
    };
    for (std::size_t i = 0; i != std::size(sorted); ++i)
        for (std::size_t j = 0; j != std::size(sorted); ++j)
            BOOST_TEST_CONTEXT(
                sorted[i] << "/" << sorted[i].flowinfo() << " vs " << sorted[j] << "/" << sorted[j].flowinfo())
            {
                BOOST_TEST((sorted[i] < sorted[j]) == (i < j));
                BOOST_TEST((sorted[i] == sorted[j]) == (i == j));
            }
}

// std::map and std::set keyed by endpoints (under libc++ 16 too, whose
// std::array has no <=> for address_v6 to default to).
BOOST_AUTO_TEST_CASE(endpoints_as_ordered_keys)
{
    static_assert(std::is_same_v<decltype(ipv6_endpoint() <=> ipv6_endpoint()), std::strong_ordering>);
    static_assert(std::is_same_v<decltype(ipv4_endpoint() <=> ipv4_endpoint()), std::strong_ordering>);
    static_assert(ipv6_endpoint("8000::"_ipv6, 0) > ipv6_endpoint("7fff::"_ipv6, 65535)); // unsigned bytes
    static_assert(ipv6_endpoint("::1%1"_ipv6, 0) > ipv6_endpoint("::1"_ipv6, 65535, 0xfffff)); // scope before port
    static_assert(ipv6_endpoint("::1"_ipv6, 2, 0) > ipv6_endpoint("::1"_ipv6, 1, 0xfffff));     // port before flow info

    const ipv6_endpoint sorted[] = {
        {"::"_ipv6, 0},
        {"::"_ipv6, 0, 7},
        {"::"_ipv6, 65535},
        {"::1%1"_ipv6, 0},
        {"::7f"_ipv6, 80},
        {"::80"_ipv6, 80},
        {"7fff::"_ipv6, 443},
        {"8000::"_ipv6, 1},
        {"fe80::1"_ipv6, 80},
        {"fe80::1%2"_ipv6, 80},
        {"fe80::1%2"_ipv6, 81},
    };
    constexpr std::size_t n = std::size(sorted);
    std::map<ipv6_endpoint, int> map;
    for (std::size_t i = n; i-- != 0;)
        map.emplace(sorted[i], int(i));
    map.emplace(sorted[3], -1); // already there: not replaced
    BOOST_TEST(map.size() == n);
    int expected = 0;
    for (const auto& [endpoint, value] : map) {
        BOOST_TEST(endpoint == sorted[std::size_t(expected)], show(endpoint.to_string()));
        BOOST_TEST(value == expected);
        ++expected;
    }
    BOOST_TEST(map.at(ipv6_endpoint("::80"_ipv6, 80)) == 5);
    BOOST_TEST(map.count(ipv6_endpoint("::80"_ipv6, 80, 1)) == 0u); // flow info is part of the key
    BOOST_TEST(map.lower_bound(ipv6_endpoint("::1"_ipv6, 0))->second == 3); // scope 0 sorts first
    BOOST_TEST(map.upper_bound(ipv6_endpoint("fe80::1%2"_ipv6, 80))->second == 10);

    std::set<ipv4_endpoint> set4 = {ipv4_endpoint("128.0.0.1"_ipv4, 1), ipv4_endpoint("127.0.0.1"_ipv4, 65535),
        ipv4_endpoint("127.0.0.1"_ipv4, 80)};
    BOOST_TEST(set4.begin()->port() == 80);
    BOOST_TEST(set4.rbegin()->address() == "128.0.0.1"_ipv4);
}

BOOST_AUTO_TEST_CASE(hash_agrees_with_equality)
{
    tsock_test::rng rng(5102);
    std::unordered_set<ipv4_endpoint> set4;
    std::unordered_set<ipv6_endpoint> set6;
    std::set<ipv4_endpoint> ordered4;
    std::set<ipv6_endpoint> ordered6;
    for (int i = 0; i != 4000; ++i) {
        // Few distinct values, so that equal ones meet.
        const ipv4_endpoint a(address_v4(rng() & 0x3), static_cast<std::uint16_t>(rng() & 0x3));
        const ipv4_endpoint a2(address_v4(a.address().to_bytes()), a.port()); // equal, built another way
        BOOST_TEST(std::hash<ipv4_endpoint>()(a) == std::hash<ipv4_endpoint>()(a2));
        set4.insert(a);
        set4.insert(a2);
        ordered4.insert(a);
        address_v6::bytes_type bytes{};
        bytes[15] = static_cast<std::uint8_t>(rng() & 1);
        const ipv6_endpoint b(address_v6(bytes, rng() & 1), static_cast<std::uint16_t>(rng() & 1), rng() & 1);
        const ::sockaddr_in6 native = b.to_native();
        const auto b2 = ipv6_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&native), b.native_size());
        BOOST_TEST(std::hash<ipv6_endpoint>()(b) == std::hash<ipv6_endpoint>()(b2));
        set6.insert(b);
        set6.insert(b2);
        ordered6.insert(b);
    }
    BOOST_TEST(set4.size() == ordered4.size());
    BOOST_TEST(set4.size() == 16u);
    BOOST_TEST(set6.size() == ordered6.size());
    BOOST_TEST(set6.size() == 16u); // address, scope, port and flow info all count
}

// ---------------------------------------------------------------------------
// sockaddr

BOOST_AUTO_TEST_CASE(v4_to_native_matches_hand_built_sockaddr_in)
{
    struct row {
        const char* address;
        std::uint16_t port;
    };
    const row rows[] = {{"0.0.0.0", 0}, {"127.0.0.1", 80}, {"192.0.2.1", 8080}, {"10.1.2.3", 1},
        {"255.255.255.255", 65535}, {"198.51.100.200", 0x1234}};
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.address << " port " << r.port)
        {
            const ipv4_endpoint e(address_v4::parse(r.address), r.port);
            const ::sockaddr_in expected = hand_sockaddr_in(r.address, r.port);
            const ::sockaddr_in got = e.to_native();
            BOOST_TEST(got.sin_family == AF_INET);
            BOOST_TEST(got.sin_port == expected.sin_port);
            BOOST_TEST(got.sin_addr.s_addr == expected.sin_addr.s_addr);
            BOOST_TEST(std::memcmp(&got, &expected, sizeof got) == 0); // sin_zero too
            BOOST_TEST(e.native_size() == ::socklen_t(sizeof(::sockaddr_in)));
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(from_exact_copy<ipv4_endpoint>(&expected, sizeof expected, ec) == e);
            BOOST_TEST(!ec);
            BOOST_TEST(ipv4_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&got), e.native_size()) == e);
        }
    }
    static_assert(ipv4_endpoint().native_size() == sizeof(::sockaddr_in));
}

// The endpoint holds its sockaddr_in: a name with bytes in sin_zero (a
// careless caller's) still gives to_native() with sin_zero zero, and equals
// the same address and port.
BOOST_AUTO_TEST_CASE(v4_from_native_leaves_sin_zero_zero)
{
    ::sockaddr_in dirty = hand_sockaddr_in("192.0.2.7", 4242);
    std::memset(dirty.sin_zero, 0xab, sizeof dirty.sin_zero);
    const auto e = ipv4_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&dirty), sizeof dirty);
    BOOST_TEST(e == ipv4_endpoint("192.0.2.7"_ipv4, 4242));
    const ::sockaddr_in clean = hand_sockaddr_in("192.0.2.7", 4242);
    const ::sockaddr_in got = e.to_native();
    BOOST_TEST(std::memcmp(&got, &clean, sizeof got) == 0);
}

BOOST_AUTO_TEST_CASE(v6_to_native_matches_hand_built_sockaddr_in6)
{
    struct row {
        const char* address;
        std::uint16_t port;
        std::uint32_t flowinfo;
        std::uint32_t scope;
    };
    const row rows[] = {
        {"::", 0, 0, 0},
        {"::1", 80, 0, 0},
        {"fe80::1", 443, 0, 3},
        {"2001:db8::1", 8080, 0x000abcde, 0},
        {"ff02::fb", 5353, 0x0fffffff, 7},
        {"::ffff:192.0.2.1", 1, 0x12345678, 0},
        {"fe80::dead:beef", 65535, 0xffffffff, 0xffffffff},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT(r.address << " port " << r.port << " flow " << r.flowinfo << " scope " << r.scope)
        {
            address_v6 a = address_v6::parse(r.address);
            a.scope_id(r.scope);
            const ipv6_endpoint e(a, r.port, r.flowinfo);
            const ::sockaddr_in6 expected = hand_sockaddr_in6(r.address, r.port, r.flowinfo, r.scope);
            const ::sockaddr_in6 got = e.to_native();
            BOOST_TEST(got.sin6_family == AF_INET6);
            BOOST_TEST(got.sin6_port == expected.sin6_port);
            BOOST_TEST(got.sin6_flowinfo == expected.sin6_flowinfo);
            BOOST_TEST(got.sin6_scope_id == r.scope);
            BOOST_TEST(std::memcmp(&got.sin6_addr, &expected.sin6_addr, 16) == 0);
            BOOST_TEST(std::memcmp(&got, &expected, sizeof got) == 0);
            BOOST_TEST(e.native_size() == ::socklen_t(sizeof(::sockaddr_in6)));
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(from_exact_copy<ipv6_endpoint>(&expected, sizeof expected, ec) == e);
            BOOST_TEST(!ec);
            const auto back = ipv6_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&got), e.native_size());
            BOOST_TEST(back == e);
            BOOST_TEST(back.flowinfo() == r.flowinfo);
            BOOST_TEST(back.address().scope_id() == r.scope);
        }
    }
}

BOOST_AUTO_TEST_CASE(from_native_rejects_every_short_length)
{
    const auto s4 = hand_sockaddr_in("192.0.2.1", 80);
    const auto s6 = hand_sockaddr_in6("2001:db8::1", 80, 1, 2);
    for (std::size_t length = 0; length != sizeof s4; ++length) {
        std::error_code ec;
        const auto e = from_exact_copy<ipv4_endpoint>(&s4, length, ec);
        BOOST_TEST(ec == error::bad_endpoint, "length " << length);
        BOOST_TEST(e == ipv4_endpoint());
    }
    for (std::size_t length = 0; length != sizeof s6; ++length) {
        std::error_code ec;
        const auto e = from_exact_copy<ipv6_endpoint>(&s6, length, ec);
        BOOST_TEST(ec == error::bad_endpoint, "length " << length);
        BOOST_TEST(e == ipv6_endpoint());
    }
    // The whole struct in a block of exactly its size is enough...
    std::error_code ec;
    BOOST_TEST(from_exact_copy<ipv4_endpoint>(&s4, sizeof s4, ec) == ipv4_endpoint("192.0.2.1"_ipv4, 80));
    BOOST_TEST(!ec);
    BOOST_TEST(from_exact_copy<ipv6_endpoint>(&s6, sizeof s6, ec) == ipv6_endpoint("2001:db8::1%2"_ipv6, 80, 1));
    BOOST_TEST(!ec);
    // ... and a longer length (a sockaddr_storage) reads only the struct.
    ::sockaddr_storage storage;
    std::memset(&storage, 0xab, sizeof storage);
    std::memcpy(&storage, &s6, sizeof s6);
    BOOST_TEST(ipv6_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&storage), sizeof storage)
        == ipv6_endpoint("2001:db8::1%2"_ipv6, 80, 1));
    // A null pointer is no sockaddr.
    (void)ipv4_endpoint::from_native(nullptr, 16, ec);
    BOOST_TEST(ec == error::bad_endpoint);
}

BOOST_AUTO_TEST_CASE(from_native_rejects_other_families)
{
    // Each of these is long enough for the struct asked for; only the family is wrong.
    ::sockaddr_storage storage;
    const int families[] = {AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6, 255};
    for (int family : families) {
        std::memset(&storage, 0, sizeof storage);
        storage.ss_family = static_cast<::sa_family_t>(family);
        const auto* sa = reinterpret_cast<const ::sockaddr*>(&storage);
        std::error_code ec4, ec6;
        (void)ipv4_endpoint::from_native(sa, sizeof storage, ec4);
        (void)ipv6_endpoint::from_native(sa, sizeof storage, ec6);
        BOOST_TEST(bool(ec4) == (family != AF_INET), "family " << family);
        BOOST_TEST(bool(ec6) == (family != AF_INET6), "family " << family);
        if (ec4)
            BOOST_TEST(ec4 == error::bad_endpoint);
        if (ec6)
            BOOST_TEST(ec6 == error::bad_endpoint);
    }
    // An AF_INET6 sockaddr_in6 is longer than a sockaddr_in, and still not one.
    const auto s6 = hand_sockaddr_in6("::1", 80, 0, 0);
    std::error_code ec;
    (void)from_exact_copy<ipv4_endpoint>(&s6, sizeof s6, ec);
    BOOST_TEST(ec == error::bad_endpoint);

    // The throwing forms say what they got.
    try {
        (void)ipv4_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&s6), sizeof s6);
        BOOST_TEST(false, "no exception");
    } catch (const std::system_error& x) {
        const std::string what = x.what();
        BOOST_TEST(x.code() == error::bad_endpoint);
        BOOST_TEST(what.find("family " + std::to_string(AF_INET6)) != std::string::npos, what);
        BOOST_TEST(what.find("28 bytes") != std::string::npos, what);
        BOOST_TEST(what.find("ipv4_endpoint") != std::string::npos, what);
    }
    BOOST_CHECK_EXCEPTION((void)ipv6_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&s6), 27),
        std::system_error, [](const std::system_error& x) { return x.code() == error::bad_endpoint; });
    BOOST_CHECK_EXCEPTION((void)ipv6_endpoint::from_native(nullptr, 0), std::system_error,
        [](const std::system_error& x) { return std::string(x.what()).find("unknown family") != std::string::npos; });
}

// ---------------------------------------------------------------------------
// The kernel

namespace {

// Binds a datagram socket of e's family to e, reads it back with
// getsockname, connects a second socket to it and reads that one's
// getpeername. Returns false (after a message) when the host has no such
// family or address.
template <class E> bool kernel_round_trip(const E& e)
{
    const fd_guard server(::socket(E::family(), SOCK_DGRAM, 0));
    if (server.get() < 0 && (errno == EAFNOSUPPORT || errno == EPROTONOSUPPORT)) {
        BOOST_TEST_MESSAGE("no AF " << E::family() << " sockets on this host: skipped");
        return false;
    }
    BOOST_REQUIRE(server.get() >= 0);
    const auto native = e.to_native();
    if (::bind(server.get(), reinterpret_cast<const ::sockaddr*>(&native), e.native_size()) != 0) {
        BOOST_REQUIRE_MESSAGE(errno == EADDRNOTAVAIL, "bind " << e << ": " << std::strerror(errno));
        BOOST_TEST_MESSAGE("no " << e.address() << " on this host: skipped");
        return false;
    }

    ::sockaddr_storage storage;
    std::memset(&storage, 0xab, sizeof storage);
    ::socklen_t length = sizeof storage;
    BOOST_REQUIRE(::getsockname(server.get(), reinterpret_cast<::sockaddr*>(&storage), &length) == 0);
    BOOST_TEST(length == e.native_size());
    const E bound = E::from_native(reinterpret_cast<const ::sockaddr*>(&storage), length);
    BOOST_TEST(bound.address() == e.address());
    BOOST_TEST(bound.port() != 0); // the kernel picked one
    // Through the native form and back, the same endpoint.
    const auto again = bound.to_native();
    BOOST_TEST(E::from_native(reinterpret_cast<const ::sockaddr*>(&again), bound.native_size()) == bound);
    BOOST_TEST(std::memcmp(&again, &storage, sizeof again) == 0);

    const fd_guard client(::socket(E::family(), SOCK_DGRAM, 0));
    BOOST_REQUIRE(client.get() >= 0);
    BOOST_REQUIRE(::connect(client.get(), reinterpret_cast<const ::sockaddr*>(&again), bound.native_size()) == 0);
    length = sizeof storage;
    BOOST_REQUIRE(::getpeername(client.get(), reinterpret_cast<::sockaddr*>(&storage), &length) == 0);
    std::error_code ec;
    BOOST_TEST(E::from_native(reinterpret_cast<const ::sockaddr*>(&storage), length, ec) == bound);
    BOOST_TEST(!ec);
    return true;
}

} // namespace

BOOST_AUTO_TEST_CASE(kernel_round_trip_ipv4)
{
    BOOST_TEST(kernel_round_trip(ipv4_endpoint(address_v4::loopback(), 0)));
}

BOOST_AUTO_TEST_CASE(kernel_round_trip_ipv6) { (void)kernel_round_trip(ipv6_endpoint(address_v6::loopback(), 0)); }
