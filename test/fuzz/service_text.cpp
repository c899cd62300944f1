// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: service, host and port text, with no lookup (only the
// checks that run before getaddrinfo, and the endpoint parsers).
//  - resolve's service check (detail::check_service, resolve.hpp): a NUL is
//    error::embedded_nul; a service that starts with a digit, a sign or a
//    blank must be decimal digits only (error::bad_service otherwise) and at
//    most 65535 (error::port_out_of_range); anything else is a name and
//    passes. A service it passes as a number is the number glibc's strtoul
//    reads, so getaddrinfo sees the port tsock means.
//  - resolve's host check (detail::check_host): empty is error::empty_host
//    (unless the passive wildcard), a NUL error::embedded_nul, more than 253
//    characters (a final dot aside) error::name_too_long, a label over 63
//    error::label_too_long.
//  - ipv4_endpoint::parse reads "a.b.c.d:port" (the address up to the first
//    ':'), ipv6_endpoint::parse "[address]:port" (the address up to the first
//    ']', zone included); the port is one or more digits, leading zeros
//    allowed, at most 65535 (ip_endpoint.hpp). inet_endpoint::parse is the
//    IPv6 parser for text starting with '[', else the IPv4 one. Whatever
//    parses formats to text that parses to the same endpoint. On some
//    inputs the throwing parse is checked too: it throws the error_code
//    form's error, with the input quoted and an offset within it.
//  - port_number::checked takes 0 to 65535 and refuses the rest.

#include <tsock/detail/name_checks.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/port_number.hpp>

#include "check.hpp"

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace {

using tsock::error;
using tsock::inet_endpoint;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;

bool same(const std::error_code& ec, error expected)
{
    return expected == error{} ? !ec : ec == expected;
}

bool digit(char c) { return c >= '0' && c <= '9'; }

// The port text's value, or empty when it is no port: one or more digits,
// at most 65535.
std::optional<std::uint16_t> port_value(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    for (char c : text)
        if (!digit(c))
            return std::nullopt;
    while (text.size() > 1 && text.front() == '0')
        text.remove_prefix(1);
    if (text.size() > 5)
        return std::nullopt;
    const unsigned long n = std::stoul(std::string(text));
    if (n > 65535)
        return std::nullopt;
    return std::uint16_t(n);
}

void check_service(const std::string& text)
{
    std::error_code ec;
    tsock::detail::check_service(text, ec);
    error expected{};
    const char first = text.empty() ? 'a' : text.front();
    const bool number_like = digit(first) || first == '+' || first == '-' || first == ' ' || first == '\t'
                             || first == '\n' || first == '\v' || first == '\f' || first == '\r';
    bool all_digits = true;
    for (char c : text)
        all_digits = all_digits && digit(c);
    if (text.find('\0') != std::string::npos)
        expected = error::embedded_nul;
    else if (number_like && !all_digits)
        expected = error::bad_service;
    else if (number_like && !port_value(text))
        expected = error::port_out_of_range;
    FUZZ_CHECK(same(ec, expected), text);
    if (!ec && number_like) {
        errno = 0;
        char* end = nullptr;
        const unsigned long glibc = std::strtoul(text.c_str(), &end, 10);
        FUZZ_CHECK(errno == 0 && *end == '\0' && glibc == *port_value(text), text);
        char buffer[8];
        FUZZ_CHECK(port_value(tsock::detail::port_digits(unsigned(glibc), buffer)) == port_value(text), text);
    }
}

void check_host(const std::string& text)
{
    for (const bool empty_allowed : {false, true}) {
        std::error_code ec;
        tsock::detail::check_host(text, empty_allowed, ec);
        error expected{};
        std::string_view name = text;
        if (!name.empty() && name.back() == '.')
            name.remove_suffix(1);
        std::size_t longest = 0, label = 0;
        for (char c : name) {
            label = c == '.' ? 0 : label + 1;
            longest = label > longest ? label : longest;
        }
        if (text.empty())
            expected = empty_allowed ? error{} : error::empty_host;
        else if (text.find('\0') != std::string::npos)
            expected = error::embedded_nul;
        else if (name.size() > 253)
            expected = error::name_too_long;
        else if (longest > 63)
            expected = error::label_too_long;
        FUZZ_CHECK(same(ec, expected), text);
    }
}

template <class E>
void check_round_trip(const E& e, const std::string& text)
{
    const auto formatted = e.to_string();
    const auto back = E::try_parse(formatted);
    FUZZ_CHECK(back && *back == e, text);
    FUZZ_CHECK(back->to_string() == formatted, text);
}

void check_endpoints(const std::string& text, bool throwing)
{
    std::error_code ec4, ec6, ec;
    const auto e4 = ipv4_endpoint::parse(text, ec4);
    const auto e6 = ipv6_endpoint::parse(text, ec6);
    const auto e = inet_endpoint::parse(text, ec);
    if (throwing) {
        using tsock_fuzz::throws_as_documented;
        FUZZ_CHECK(throws_as_documented([&] { return ipv4_endpoint::parse(text); }, text, ec4), text);
        FUZZ_CHECK(throws_as_documented([&] { return ipv6_endpoint::parse(text); }, text, ec6), text);
        FUZZ_CHECK(throws_as_documented([&] { return inet_endpoint::parse(text); }, text, ec), text);
    }
    FUZZ_CHECK(ipv4_endpoint::try_parse(text).has_value() == !ec4, text);
    FUZZ_CHECK(ipv6_endpoint::try_parse(text).has_value() == !ec6, text);
    FUZZ_CHECK(inet_endpoint::try_parse(text).has_value() == !ec, text);

    // IPv4: the address up to the first ':', the port after it.
    const auto colon = text.find(':');
    bool v4 = colon != std::string::npos;
    if (v4) {
        const auto address = tsock::address_v4::try_parse(std::string_view(text).substr(0, colon));
        const auto port = port_value(std::string_view(text).substr(colon + 1));
        v4 = address && port;
        if (v4)
            FUZZ_CHECK(!ec4 && e4.address() == *address && e4.port() == *port, text);
    }
    FUZZ_CHECK(!ec4 == v4, text);

    // IPv6: '[', the address up to the first ']', ':', the port.
    const auto close = text.find(']');
    bool v6 = !text.empty() && text[0] == '[' && close != std::string::npos && close + 1 < text.size()
              && text[close + 1] == ':';
    if (v6) {
        const auto address = tsock::address_v6::try_parse(std::string_view(text).substr(1, close - 1));
        const auto port = port_value(std::string_view(text).substr(close + 2));
        v6 = address && port;
        if (v6)
            FUZZ_CHECK(!ec6 && e6.address() == *address && e6.port() == *port && e6.flowinfo() == 0, text);
    }
    FUZZ_CHECK(!ec6 == v6, text);
    FUZZ_CHECK(!(v4 && v6), text);

    // inet_endpoint: whichever applies, with its error.
    const bool bracket = !text.empty() && text[0] == '[';
    FUZZ_CHECK(!ec == (bracket ? v6 : v4), text);
    FUZZ_CHECK(ec == (bracket ? ec6 : ec4), text);
    if (v4) {
        FUZZ_CHECK(e.is_v4() && *e.as_v4() == e4, text);
        check_round_trip(e4, text);
    }
    if (v6) {
        FUZZ_CHECK(e.is_v6() && *e.as_v6() == e6, text);
        check_round_trip(e6, text);
    }
    if (!ec)
        check_round_trip(e, text);
}

void check_port_number(const std::uint8_t* data, std::size_t size, const std::string& text)
{
    if (size < 8)
        return;
    std::int64_t n;
    static_assert(sizeof n == 8);
    __builtin_memcpy(&n, data, 8);
    std::error_code ec;
    const auto p = tsock::port_number::checked(n, ec);
    const bool valid = n >= 0 && n <= 65535;
    FUZZ_CHECK(same(ec, valid ? error{} : error::port_out_of_range), text);
    FUZZ_CHECK(p.value() == (valid ? n : 0), text);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    check_service(text);
    check_host(text);
    check_endpoints(text, tsock_fuzz::check_throwing());
    check_port_number(data, size, text);
    return 0;
}
