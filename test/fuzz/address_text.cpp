// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: address text, differential against the C library.
// Each input is read as text by address_v4::parse, address_v6::parse and
// tsock::inet_aton, and the answers are compared with glibc's inet_pton and
// inet_aton; its first bytes are also taken as an address, formatted, and
// compared with inet_ntop. Any disagreement other than the documented ones
// below aborts (doc/index.adoc, "Text forms", and the headers):
//
//  1. NUL bytes. glibc reads a C string, so "1.2.3.4\0junk" is 1.2.3.4 there;
//     tsock reads the whole string_view, and a NUL is an invalid character.
//     Text with a NUL must be rejected by all three parsers.
//  2. Zones. glibc's inet_pton has no "%zone"; tsock's IPv6 text takes one
//     after the first '%' (RFC 4007 section 11): the text before it must be
//     what inet_pton accepts, and the zone is all digits (the scope id itself,
//     at most 2^32 - 1) or, otherwise, an interface name shorter than
//     IF_NAMESIZE that if_nametoindex knows (its index is the scope id). An
//     empty zone, or an empty address before '%', is an error, and so is a
//     name with a ':', which Linux reads as "eth0:label" and answers for
//     eth0 (detail/platform.hpp): "fe80::1%lo:x" is no address.
//  3. inet_aton's trailing text. glibc stops at the first blank and accepts
//     "1.2.3.4 junk"; tsock::inet_aton rejects any text after the address
//     (inet.hpp), so text holding a blank must be rejected.
//  4. IPv4-compatible addresses (the first 96 bits zero, the seventh group
//     not): glibc's inet_ntop writes them as "::1.2.3.4", tsock in hex
//     ("::102:304"), as Python does (RFC 5952 keeps the dotted tail for
//     ::ffff:0:0/96 only).
//  5. Leading zeros are not a difference with inet_pton (glibc rejects
//     "01.2.3.4" too), but they are where address_v4 differs from inet_aton,
//     which reads them as octal: address_v4 accepts a subset of what inet_aton
//     does (four decimal parts, none with a leading zero), with the same value,
//     and formats it back to the very text it read.
// Otherwise both sides accept the same text, as the same address, and
// parse(format(a)) == a for every address and scope id. On some inputs the
// throwing parse is checked too: it throws the error_code form's error, with
// the input quoted and an offset within it.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/inet.hpp>

#include "check.hpp"

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace {

using tsock::address_v4;
using tsock::address_v6;
using bytes_type = address_v6::bytes_type;

std::optional<std::uint32_t> glibc_pton4(const std::string& text)
{
    ::in_addr a{};
    if (::inet_pton(AF_INET, text.c_str(), &a) != 1)
        return std::nullopt;
    return ntohl(a.s_addr);
}

std::optional<bytes_type> glibc_pton6(const std::string& text)
{
    ::in6_addr a{};
    if (::inet_pton(AF_INET6, text.c_str(), &a) != 1)
        return std::nullopt;
    bytes_type b{};
    std::memcpy(b.data(), a.s6_addr, 16);
    return b;
}

std::optional<std::uint32_t> glibc_aton(const std::string& text)
{
    ::in_addr a{};
    if (::inet_aton(text.c_str(), &a) == 0)
        return std::nullopt;
    return ntohl(a.s_addr);
}

bool has_nul(std::string_view text) { return text.find('\0') != std::string_view::npos; }

bool all_digits(std::string_view text)
{
    for (char c : text)
        if (c < '0' || c > '9')
            return false;
    return true;
}

// What the zone after '%' must come to (difference 2), or empty when it is no
// zone.
std::optional<std::uint32_t> expected_zone(const std::string& zone)
{
    if (zone.empty())
        return std::nullopt;
    if (all_digits(zone)) {
        std::uint64_t n = 0;
        for (char c : zone) {
            n = n * 10 + unsigned(c - '0');
            if (n > 0xffffffffu)
                return std::nullopt;
        }
        return std::uint32_t(n);
    }
    if (zone.size() >= IF_NAMESIZE || zone.find(':') != std::string::npos)
        return std::nullopt;
    const unsigned index = ::if_nametoindex(zone.c_str());
    if (index == 0)
        return std::nullopt;
    return std::uint32_t(index);
}

void check_v4_text(const std::string& text, bool throwing)
{
    const auto got = address_v4::try_parse(text);
    std::error_code ec;
    const auto with_ec = address_v4::parse(text, ec);
    FUZZ_CHECK(got.has_value() == !ec, text);
    FUZZ_CHECK(!got || *got == with_ec, text);
    if (throwing)
        FUZZ_CHECK(tsock_fuzz::throws_as_documented([&] { return address_v4::parse(text); }, text, ec), text);

    const auto expected = has_nul(text) ? std::nullopt : glibc_pton4(text); // difference 1
    FUZZ_CHECK(got.has_value() == expected.has_value(), text);
    if (!got)
        return;
    FUZZ_CHECK(got->to_uint() == *expected, text);
    FUZZ_CHECK(got->to_string() == text, text); // difference 5: the only spelling
    FUZZ_CHECK(tsock::try_inet_aton(text) == got, text);
}

void check_v6_text(const std::string& text, bool throwing)
{
    const auto got = address_v6::try_parse(text);
    std::error_code ec;
    const auto with_ec = address_v6::parse(text, ec);
    FUZZ_CHECK(got.has_value() == !ec, text);
    FUZZ_CHECK(!got || *got == with_ec, text);
    if (throwing)
        FUZZ_CHECK(tsock_fuzz::throws_as_documented([&] { return address_v6::parse(text); }, text, ec), text);

    std::optional<bytes_type> bytes;
    std::uint32_t scope = 0;
    bool valid = !has_nul(text); // difference 1
    if (valid) {
        const auto percent = text.find('%');
        bytes = glibc_pton6(text.substr(0, percent));
        valid = bytes.has_value();
        if (valid && percent != std::string::npos) { // difference 2
            const auto zone = expected_zone(text.substr(percent + 1));
            valid = zone.has_value();
            scope = zone.value_or(0);
        }
    }
    FUZZ_CHECK(got.has_value() == valid, text);
    if (!got)
        return;
    FUZZ_CHECK(got->to_bytes() == *bytes, text);
    FUZZ_CHECK(got->scope_id() == scope, text);
    FUZZ_CHECK(address_v6::try_parse(got->to_string()) == got, text);
}

void check_aton_text(const std::string& text, bool throwing)
{
    const auto got = tsock::try_inet_aton(text);
    std::error_code ec;
    const auto with_ec = tsock::inet_aton(text, ec);
    FUZZ_CHECK(got.has_value() == !ec, text);
    FUZZ_CHECK(!got || *got == with_ec, text);
    if (throwing)
        FUZZ_CHECK(tsock_fuzz::throws_as_documented([&] { return tsock::inet_aton(text); }, text, ec), text);

    bool blank = false;
    for (char c : text)
        blank = blank || std::isspace(static_cast<unsigned char>(c));
    const auto expected = has_nul(text) || blank ? std::nullopt : glibc_aton(text); // differences 1 and 3
    FUZZ_CHECK(got.has_value() == expected.has_value(), text);
    FUZZ_CHECK(!got || got->to_uint() == *expected, text);
}

std::string hex(unsigned group)
{
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%x", group);
    return buffer;
}

// The first four bytes as an IPv4 address, the first sixteen (and four more
// as a scope id) as an IPv6 one: formatted as inet_ntop does, and back.
void check_format(const std::uint8_t* data, std::size_t size, const std::string& input)
{
    if (size < 4)
        return;
    const address_v4 a4(address_v4::bytes_type{data[0], data[1], data[2], data[3]});
    char buffer[INET6_ADDRSTRLEN];
    const ::in_addr in = a4.to_in_addr();
    FUZZ_CHECK(::inet_ntop(AF_INET, &in, buffer, sizeof buffer) != nullptr, input);
    FUZZ_CHECK(a4.to_string() == buffer, input);
    FUZZ_CHECK(address_v4::try_parse(a4.to_string()) == a4, input);
    FUZZ_CHECK(tsock::inet_ntoa(a4) == ::inet_ntoa(in), input);

    if (size < 16)
        return;
    bytes_type b{};
    std::memcpy(b.data(), data, 16);
    std::uint32_t scope = 0;
    if (size >= 20)
        std::memcpy(&scope, data + 16, 4);
    const address_v6 a6(b, scope);
    const ::in6_addr in6 = a6.to_in6_addr();
    FUZZ_CHECK(::inet_ntop(AF_INET6, &in6, buffer, sizeof buffer) != nullptr, input);
    std::string expected = buffer;
    bool compatible = b[10] == 0 && b[11] == 0 && (b[12] != 0 || b[13] != 0);
    for (std::size_t i = 0; i != 10; ++i)
        compatible = compatible && b[i] == 0;
    if (compatible) // difference 4
        expected = "::" + hex(unsigned(b[12] << 8 | b[13])) + ":" + hex(unsigned(b[14] << 8 | b[15]));
    if (scope != 0)
        expected += "%" + std::to_string(scope);
    const std::string text = a6.to_string();
    FUZZ_CHECK(text == expected, input);
    FUZZ_CHECK(address_v6::try_parse(text) == a6, input);
    FUZZ_CHECK(tsock::inet_ntop(a6) == text, input);
    // to_chars writes all of it or nothing.
    char small[address_v6::max_string_length];
    const auto r = a6.to_chars(small, small + text.size() - 1);
    FUZZ_CHECK(r.ec == std::errc::value_too_large && r.ptr == small + text.size() - 1, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    const bool throwing = tsock_fuzz::check_throwing();
    check_v4_text(text, throwing);
    check_v6_text(text, throwing);
    check_aton_text(text, throwing);
    check_format(data, size, text);
    return 0;
}
