// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/inet_endpoint.hpp>

#define BOOST_TEST_MODULE inet_endpoint
#if defined(TSOCK_TEST_HEADER_ONLY) // mingw: no linked Boost.Test there
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif

#include "support/fuzz.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "support/fd_guard.hpp"

// Expected values: those of ipv4_endpoint and ipv6_endpoint (tested in
// test/ip_endpoint.cpp), and sockaddrs built by hand with the C library's
// htons and inet_pton.

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using tsock::inet_endpoint;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;
using namespace tsock::literals;
using namespace std::string_view_literals;

namespace {

using tsock_test::show;

using tsock_test::fd_guard;

// from_native on a copy of the first length bytes at p, in a heap block of
// exactly that size: the address sanitizer reports any read past length.
inet_endpoint from_exact_copy(const void* p, std::size_t length, std::error_code& ec)
{
    std::vector<char> block(static_cast<const char*>(p), static_cast<const char*>(p) + length);
    return inet_endpoint::from_native(
        reinterpret_cast<const ::sockaddr*>(block.data()), static_cast<::socklen_t>(length), ec);
}

} // namespace

// ---------------------------------------------------------------------------
// Construction and access

BOOST_AUTO_TEST_CASE(holds_either_family)
{
    constexpr ipv4_endpoint e4("192.0.2.1"_ipv4, 80);
    constexpr ipv6_endpoint e6("fe80::1%3"_ipv6, 443, 9);
    constexpr inet_endpoint i4 = e4; // implicit
    constexpr inet_endpoint i6 = e6;
    static_assert(i4.is_v4() && !i4.is_v6() && i4.family() == AF_INET);
    static_assert(i6.is_v6() && !i6.is_v4() && i6.family() == AF_INET6);
    static_assert(i4.v4() == e4 && i6.v6() == e6);
    static_assert(*i4.as_v4() == e4 && i4.as_v6() == nullptr);
    static_assert(*i6.as_v6() == e6 && i6.as_v4() == nullptr);
    static_assert(i4.port() == 80 && i6.port() == 443);
    static_assert(inet_endpoint().is_v4() && inet_endpoint().v4() == ipv4_endpoint());
    static_assert(std::is_trivially_copyable_v<inet_endpoint>);
    static_assert(
        std::is_convertible_v<ipv4_endpoint, inet_endpoint> && std::is_convertible_v<ipv6_endpoint, inet_endpoint>);
    constexpr auto set_port = [] {
        inet_endpoint a = ipv4_endpoint("10.0.0.1"_ipv4, 1);
        inet_endpoint b = ipv6_endpoint("::1"_ipv6, 1, 7);
        a.port(8080);
        b.port(8081);
        return a == inet_endpoint(ipv4_endpoint("10.0.0.1"_ipv4, 8080))
            && b == inet_endpoint(ipv6_endpoint("::1"_ipv6, 8081, 7));
    };
    static_assert(set_port());
    // The port setter takes a port_number, as the family endpoints do.
    static_assert(!std::is_invocable_v<void (inet_endpoint::*)(tsock::port_number), inet_endpoint&, double>);
    inet_endpoint i = e6;
    const int run_time = 65536;
    BOOST_CHECK_EXCEPTION(i.port(tsock::port_number::checked(run_time)), std::system_error,
                          [](const std::system_error& x) { return x.code() == error::port_out_of_range; });
    i.port(tsock::port_number::checked(run_time - 1));
    BOOST_TEST(i.port() == 65535);

    // The wrong family throws family_mismatch.
    const inet_endpoint i4r = e4, i6r = e6;
    BOOST_CHECK_EXCEPTION((void)i4r.v6(), std::system_error, [](const std::system_error& x) {
        return x.code() == error::family_mismatch && std::string(x.what()).find("IPv4 endpoint") != std::string::npos;
    });
    BOOST_CHECK_EXCEPTION((void)i6r.v4(), std::system_error, [](const std::system_error& x) {
        return x.code() == error::family_mismatch && std::string(x.what()).find("IPv6 endpoint") != std::string::npos;
    });
    BOOST_TEST(i4r.v4() == e4);
    BOOST_TEST(i6r.v6() == e6);
    BOOST_TEST(i6r.v6().flowinfo() == 9u);
}

// ---------------------------------------------------------------------------
// Text

BOOST_AUTO_TEST_CASE(text_round_trip)
{
    struct row {
        std::string_view text;
        bool v6;
        std::string_view canonical;
    };
    const row rows[] = {
        {"127.0.0.1:80", false, "127.0.0.1:80"},
        {"0.0.0.0:0", false, "0.0.0.0:0"},
        {"255.255.255.255:65535", false, "255.255.255.255:65535"},
        {"192.0.2.1:0080", false, "192.0.2.1:80"},
        {"[::1]:80", true, "[::1]:80"},
        {"[::]:0", true, "[::]:0"},
        {"[fe80::1%3]:80", true, "[fe80::1%3]:80"},
        {"[::ffff:127.0.0.1]:80", true, "[::ffff:127.0.0.1]:80"}, // stays IPv6
        {"[2001:DB8::1]:65535", true, "[2001:db8::1]:65535"},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("input " << show(r.text))
        {
            const auto e = inet_endpoint::parse(r.text);
            BOOST_TEST(e.is_v6() == r.v6);
            BOOST_TEST(e.to_string() == r.canonical);
            BOOST_TEST(e.format().view() == r.canonical);
            BOOST_TEST(inet_endpoint::parse(e.to_string()) == e);
            if (r.v6)
                BOOST_TEST(e.v6() == ipv6_endpoint::parse(r.text));
            else
                BOOST_TEST(e.v4() == ipv4_endpoint::parse(r.text));
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(inet_endpoint::parse(r.text, ec) == e);
            BOOST_TEST(!ec);
            BOOST_TEST(inet_endpoint::try_parse(r.text).value() == e);
            std::ostringstream out;
            out << e;
            BOOST_TEST(out.str() == r.canonical);
            char buffer[64];
            const auto tc = e.to_chars(buffer, buffer + sizeof buffer);
            BOOST_TEST(std::string_view(buffer, tc.ptr) == r.canonical);
        }
    }
    static_assert(inet_endpoint::parse("[::1]:80").is_v6());
    static_assert(inet_endpoint::parse("127.0.0.1:80").format() == "127.0.0.1:80");
    static_assert(inet_endpoint::parse("[fe80::1%3]:80").format() == "[fe80::1%3]:80");
    static_assert(!inet_endpoint::try_parse("::1:80").has_value());
    static_assert(inet_endpoint::max_string_length == ipv6_endpoint::max_string_length);
    std::wostringstream wide;
    wide << inet_endpoint(ipv6_endpoint("::1"_ipv6, 80));
    BOOST_TEST((wide.str() == L"[::1]:80"));
}

BOOST_AUTO_TEST_CASE(parse_errors_are_those_of_the_family_parser)
{
    // Text starting with '[' goes to the IPv6 parser, the rest to IPv4.
    struct row {
        std::string_view text;
        error code;
        std::size_t where;
        const char* kind;
    };
    const row rows[] = {
        {"", error::empty_address, 0, "IPv4 endpoint"},
        {"127.0.0.1", error::empty_part, 9, "IPv4 endpoint"},
        {"127.0.0.1:65536", error::part_out_of_range, 10, "IPv4 endpoint"},
        {"::1:80", error::empty_address, 0, "IPv4 endpoint"}, // no brackets: not IPv6 text
        {"fe80::1:80", error::invalid_character, 0, "IPv4 endpoint"},
        {"[::1]", error::empty_part, 5, "IPv6 endpoint"},
        {"[::1]:x", error::invalid_character, 6, "IPv6 endpoint"},
        {"[1.2.3.4]:80", error::too_few_groups, 8, "IPv6 endpoint"},
        {"[::1", error::invalid_character, 4, "IPv6 endpoint"},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("input " << show(r.text))
        {
            std::error_code ec;
            const auto e = inet_endpoint::parse(r.text, ec);
            BOOST_TEST(ec == r.code);
            BOOST_TEST(e == inet_endpoint());
            BOOST_TEST(!inet_endpoint::try_parse(r.text).has_value());
            bool thrown = false;
            try {
                (void)inet_endpoint::parse(r.text);
            } catch (const std::system_error& x) {
                thrown = true;
                const std::string what = x.what();
                BOOST_TEST(x.code() == r.code);
                BOOST_TEST(what.find(r.kind) != std::string::npos, what);
                BOOST_TEST(what.find("offset " + std::to_string(r.where)) != std::string::npos, what);
            }
            BOOST_TEST(thrown);
        }
    }
}

// ---------------------------------------------------------------------------
// Comparison and hashing

BOOST_AUTO_TEST_CASE(v4_before_v6_then_as_the_family_compares)
{
    static_assert(inet_endpoint(ipv4_endpoint(address_v4::broadcast(), 65535))
        < inet_endpoint(ipv6_endpoint(address_v6::any(), 0)));
    static_assert(inet_endpoint(ipv4_endpoint("1.2.3.4"_ipv4, 1)) < inet_endpoint(ipv4_endpoint("1.2.3.4"_ipv4, 2)));
    // Sorted by hand.
    const char* const sorted[] = {"0.0.0.0:0", "10.0.0.1:80", "10.0.0.1:81", "255.255.255.255:65535", "[::]:0",
        "[::1]:80", "[::ffff:0.0.0.0]:0", "[fe80::1]:80", "[fe80::1%1]:1", "[ff02::1]:0"};
    std::vector<inet_endpoint> es;
    for (const char* t : sorted)
        es.push_back(inet_endpoint::parse(t));
    for (std::size_t i = 0; i != es.size(); ++i)
        for (std::size_t j = 0; j != es.size(); ++j)
            BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j])
            {
                BOOST_TEST((es[i] < es[j]) == (i < j));
                BOOST_TEST((es[i] == es[j]) == (i == j));
                BOOST_TEST(((es[i] <=> es[j]) > 0) == (i > j));
            }
    // A v4-mapped IPv6 endpoint is not the IPv4 one.
    BOOST_TEST(inet_endpoint::parse("[::ffff:10.0.0.1]:80") != inet_endpoint::parse("10.0.0.1:80"));

    // Written out by hand (libc++ 16's std::variant has no <=>): strong, and
    // the key order of std::map.
    static_assert(std::is_same_v<decltype(es[0] <=> es[1]), std::strong_ordering>);
    static_assert(inet_endpoint(ipv6_endpoint("8000::"_ipv6, 0)) > inet_endpoint(ipv6_endpoint("7fff::"_ipv6, 1)));
    std::map<inet_endpoint, std::size_t> map;
    for (std::size_t i = es.size(); i-- != 0;)
        map.emplace(es[i], i);
    BOOST_TEST(map.size() == es.size());
    std::size_t next = 0;
    for (const auto& [e, i] : map) {
        BOOST_TEST(i == next, e);
        ++next;
    }
    BOOST_TEST(map.lower_bound(inet_endpoint(ipv6_endpoint()))->second == 4u); // the first IPv6 one

    std::unordered_set<inet_endpoint> hashed(es.begin(), es.end());
    hashed.insert(es.begin(), es.end());
    BOOST_TEST(hashed.size() == es.size());
    for (const auto& e : es) {
        BOOST_TEST(hashed.count(e) == 1u);
        if (const auto* v4 = e.as_v4())
            BOOST_TEST(std::hash<inet_endpoint>()(e) == std::hash<inet_endpoint>()(inet_endpoint(*v4)));
    }
}

// ---------------------------------------------------------------------------
// sockaddr

BOOST_AUTO_TEST_CASE(native_matches_the_family_endpoints)
{
    static_assert(sizeof(inet_endpoint::native_type) == sizeof(::sockaddr_in6));
    static_assert(alignof(inet_endpoint::native_type) >= alignof(::sockaddr_in6));
    static_assert(inet_endpoint(ipv4_endpoint()).native_size() == sizeof(::sockaddr_in));
    static_assert(inet_endpoint(ipv6_endpoint()).native_size() == sizeof(::sockaddr_in6));

    const ipv4_endpoint e4("192.0.2.1"_ipv4, 8080);
    const ipv6_endpoint e6("fe80::1%3"_ipv6, 443, 0xabcde);

    // By hand, as a C program would fill them.
    ::sockaddr_in s4;
    std::memset(&s4, 0, sizeof s4);
    s4.sin_family = AF_INET;
    s4.sin_port = ::htons(8080);
    BOOST_REQUIRE(::inet_pton(AF_INET, "192.0.2.1", &s4.sin_addr) == 1);
    ::sockaddr_in6 s6;
    std::memset(&s6, 0, sizeof s6);
    s6.sin6_family = AF_INET6;
    s6.sin6_port = ::htons(443);
    s6.sin6_flowinfo = ::htonl(0xabcde);
    s6.sin6_scope_id = 3;
    BOOST_REQUIRE(::inet_pton(AF_INET6, "fe80::1", &s6.sin6_addr) == 1);

    const inet_endpoint i4 = e4, i6 = e6;
    const auto n4 = i4.to_native();
    const auto n6 = i6.to_native();
    BOOST_TEST(i4.native_size() == ::socklen_t(sizeof(::sockaddr_in)));
    BOOST_TEST(i6.native_size() == ::socklen_t(sizeof(::sockaddr_in6)));
    BOOST_TEST(std::memcmp(&n4, &s4, sizeof s4) == 0);
    BOOST_TEST(std::memcmp(&n6, &s6, sizeof s6) == 0);
    // The rest of the union is zero.
    const auto* bytes = reinterpret_cast<const unsigned char*>(&n4);
    bool zero_tail = true;
    for (std::size_t i = sizeof s4; i != sizeof n4; ++i)
        zero_tail = zero_tail && bytes[i] == 0;
    BOOST_TEST(zero_tail);
    // The union's members and the whole are one address.
    BOOST_TEST(static_cast<const void*>(&n4.base) == static_cast<const void*>(&n4));
    BOOST_TEST(n4.base.sa_family == AF_INET);

    std::error_code ec = make_error_code(error::bad_endpoint);
    BOOST_TEST(from_exact_copy(&s4, sizeof s4, ec) == i4);
    BOOST_TEST(!ec);
    BOOST_TEST(from_exact_copy(&s6, sizeof s6, ec) == i6);
    BOOST_TEST(!ec);
    BOOST_TEST(inet_endpoint::from_native(&n4.base, i4.native_size()) == i4);
    BOOST_TEST(inet_endpoint::from_native(&n6.base, i6.native_size()) == i6);
    // The length a socket layer passes for a whole inet_sockaddr works for both.
    BOOST_TEST(inet_endpoint::from_native(&n4.base, sizeof n4) == i4);
    BOOST_TEST(inet_endpoint::from_native(&n6.base, sizeof n6) == i6);
}

BOOST_AUTO_TEST_CASE(from_native_rejects_short_lengths_and_other_families)
{
    const inet_endpoint samples[] = {ipv4_endpoint("192.0.2.1"_ipv4, 80), ipv6_endpoint("2001:db8::1"_ipv6, 80)};
    for (const auto& e : samples) {
        const auto n = e.to_native();
        for (std::size_t length = 0; length != std::size_t(e.native_size()); ++length) {
            std::error_code ec;
            const auto got = from_exact_copy(&n, length, ec);
            BOOST_TEST(ec == error::bad_endpoint, e << " length " << length);
            BOOST_TEST(got == inet_endpoint());
        }
    }
    // A sockaddr_in6's first 16 bytes are not a sockaddr_in.
    const auto n6 = inet_endpoint(ipv6_endpoint("::1"_ipv6, 80)).to_native();
    std::error_code ec;
    (void)from_exact_copy(&n6, sizeof(::sockaddr_in), ec);
    BOOST_TEST(ec == error::bad_endpoint);

    ::sockaddr_un un;
    std::memset(&un, 0, sizeof un);
    un.sun_family = AF_UNIX;
    (void)inet_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&un), sizeof un, ec);
    BOOST_TEST(ec == error::bad_endpoint);
    (void)inet_endpoint::from_native(nullptr, 28, ec);
    BOOST_TEST(ec == error::bad_endpoint);
    BOOST_CHECK_EXCEPTION((void)inet_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&un), sizeof un),
        std::system_error, [](const std::system_error& x) {
            const std::string what = x.what();
            return x.code() == error::bad_endpoint
                && what.find("family " + std::to_string(AF_UNIX)) != std::string::npos
                && what.find("inet_endpoint") != std::string::npos;
        });
}

// ---------------------------------------------------------------------------
// The kernel

namespace {

// Binds a datagram socket of e's run-time family to e; returns the socket
// and what getsockname, read into an inet_sockaddr, says. fd < 0 when the
// host has no such family or address.
int bind_and_read_back(const inet_endpoint& e, inet_endpoint& bound)
{
    const int fd = ::socket(e.family(), SOCK_DGRAM, 0);
    if (fd < 0) {
        BOOST_TEST_MESSAGE("no AF " << e.family() << " sockets: " << std::strerror(errno));
        return -1;
    }
    const auto native = e.to_native();
    if (::bind(fd, &native.base, e.native_size()) != 0) {
        BOOST_TEST_MESSAGE("cannot bind " << e << ": " << std::strerror(errno));
        ::close(fd);
        return -1;
    }
    inet_endpoint::native_type out;
    std::memset(&out, 0xab, sizeof out);
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(fd, &out.base, &length) == 0);
    BOOST_TEST(length == e.native_size());
    bound = inet_endpoint::from_native(&out.base, length);
    return fd;
}

} // namespace

BOOST_AUTO_TEST_CASE(kernel_round_trip_both_families)
{
    const inet_endpoint wanted[] = {ipv4_endpoint(address_v4::loopback(), 0), ipv6_endpoint(address_v6::loopback(), 0)};
    for (const auto& e : wanted) {
        BOOST_TEST_CONTEXT("bind " << e)
        {
            inet_endpoint bound;
            const fd_guard s(bind_and_read_back(e, bound));
            if (s.get() < 0) {
                BOOST_TEST(e.is_v6(), "IPv4 loopback must be there"); // only IPv6 may be missing
                continue;
            }
            BOOST_TEST(bound.family() == e.family());
            BOOST_TEST(bound.port() != 0); // picked by the kernel
            inet_endpoint expected = e;
            expected.port(bound.port());
            BOOST_TEST(bound == expected);
            const auto again = bound.to_native();
            BOOST_TEST(inet_endpoint::from_native(&again.base, bound.native_size()) == bound);
        }
    }
}

BOOST_AUTO_TEST_CASE(kernel_dual_stack_reports_v4_mapped_senders)
{
    // An IPv6 socket bound to [::] with IPV6_V6ONLY off receives IPv4
    // datagrams; recvfrom reports the sender as ::ffff:127.0.0.1, and an
    // inet_endpoint holds it as IPv6 (as the kernel said), not IPv4.
    const fd_guard server(::socket(AF_INET6, SOCK_DGRAM, 0));
    if (server.get() < 0) {
        BOOST_TEST_MESSAGE("no IPv6 sockets: skipped");
        return;
    }
    int off = 0;
    BOOST_REQUIRE(::setsockopt(server.get(), IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) == 0);
    const inet_endpoint any6 = ipv6_endpoint(address_v6::any(), 0);
    const auto native = any6.to_native();
    BOOST_REQUIRE(::bind(server.get(), &native.base, any6.native_size()) == 0);
    inet_endpoint::native_type out;
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(server.get(), &out.base, &length) == 0);
    const auto port = inet_endpoint::from_native(&out.base, length).port();

    const fd_guard client(::socket(AF_INET, SOCK_DGRAM, 0));
    BOOST_REQUIRE(client.get() >= 0);
    const inet_endpoint client_at = ipv4_endpoint(address_v4::loopback(), 0);
    const auto client_native = client_at.to_native();
    BOOST_REQUIRE(::bind(client.get(), &client_native.base, client_at.native_size()) == 0);
    length = sizeof out;
    BOOST_REQUIRE(::getsockname(client.get(), &out.base, &length) == 0);
    const auto client_bound = inet_endpoint::from_native(&out.base, length);
    BOOST_TEST(client_bound.is_v4());

    const inet_endpoint to = ipv4_endpoint(address_v4::loopback(), port);
    const auto to_native = to.to_native();
    BOOST_REQUIRE(::sendto(client.get(), "x", 1, 0, &to_native.base, to.native_size()) == 1);
    char byte = 0;
    length = sizeof out;
    BOOST_REQUIRE(::recvfrom(server.get(), &byte, 1, 0, &out.base, &length) == 1);
    const auto sender = inet_endpoint::from_native(&out.base, length);
    BOOST_TEST(sender.is_v6());
    BOOST_TEST(sender.v6().address() == address_v6::v4_mapped(address_v4::loopback()));
    BOOST_TEST(sender.port() == client_bound.port());
    BOOST_TEST(sender.v6().address().to_v4().value() == client_bound.v4().address());
}
