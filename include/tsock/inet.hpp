// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_INET_HPP
#define TSOCK_INET_HPP

// Python's text <-> address functions: inet_aton/inet_ntoa (the legacy IPv4
// forms) and inet_pton/inet_ntop (typed by family instead of an AF_* int).

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/parse_address.hpp>
#include <tsock/detail/parse_faults.hpp>
#include <tsock/detail/parse_forms.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/family.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace tsock {

namespace detail {
constexpr address_v4 aton_value(std::uint32_t value) noexcept { return address_v4(value); }
} // namespace detail

// Python's inet_aton: IPv4 text as the C library's inet_aton reads it: one to
// four parts, each decimal, octal (leading 0) or hex (0x); the last part fills
// the remaining bytes, so "127.1" is 127.0.0.1 and "0x7f000001" too. Unlike
// glibc, text after the address (even after a space) is an error, not ignored.
// Throws std::system_error with a tsock::error.
constexpr address_v4 inet_aton(std::string_view text)
{
    return detail::parse_or_throw<address_v4>(
        "inet_aton address", text, detail::parse_aton, detail::aton_value, detail::aton_text_fault);
}
// As inet_aton(text); on failure sets ec and returns 0.0.0.0.
inline address_v4 inet_aton(std::string_view text, std::error_code& ec) noexcept
{
    return detail::parse_or_set<address_v4>(text, ec, detail::parse_aton, detail::aton_value);
}
// As inet_aton(text); empty on failure.
constexpr std::optional<address_v4> try_inet_aton(std::string_view text) noexcept
{
    return detail::parse_or_empty<address_v4>(text, detail::parse_aton, detail::aton_value);
}

// Python's inet_ntoa: dotted decimal.
inline std::string inet_ntoa(const address_v4& a) { return a.to_string(); }

// Python's inet_pton, typed: inet_pton<ipv4>("1.2.3.4") is an address_v4,
// inet_pton<ipv6>("::1") an address_v6 (which also takes a "%zone").
// Throws std::system_error with a tsock::error.
template <address_family Family>
constexpr auto inet_pton(std::string_view text) // -> typename Family::address_type
{
    return Family::address_type::parse(text);
}
// As inet_pton<Family>(text); on failure sets ec.
template <address_family Family>
auto inet_pton(std::string_view text, std::error_code& ec) noexcept // -> typename Family::address_type
{
    return Family::address_type::parse(text, ec);
}

// An error here means inet_pton of something that is no address family
// policy (an AF_* number, say): name the family, inet_pton<tsock::ipv6>(text).
template <class Family, class... Args>
    requires(!address_family<Family>)
TSOCK_REFUSED("inet_pton takes a family policy with an address type: inet_pton<tsock::ipv4> or <tsock::ipv6>")
inet_pton(Args&&...) TSOCK_DELETED;

// Python's inet_ntop: the address's standard text (RFC 5952 for IPv6).
inline std::string inet_ntop(const address_v4& a) { return a.to_string(); }
inline std::string inet_ntop(const address_v6& a) { return a.to_string(); }

} // namespace tsock

#endif // TSOCK_INET_HPP
