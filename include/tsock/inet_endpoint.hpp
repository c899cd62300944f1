// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_INET_ENDPOINT_HPP
#define TSOCK_INET_ENDPOINT_HPP

// inet_endpoint: an ipv4_endpoint or an ipv6_endpoint, decided at run time.
// The endpoint type of the inet family, for dual-stack code that handles
// whatever the resolver or a peer gives. Construction, comparison, parsing
// and formatting are constexpr; the sockaddr conversions are not.

#include <tsock/detail/platform.hpp>
#include <tsock/detail/sockaddr.hpp>
#include <tsock/detail/throw_exception.hpp>
#include <tsock/error.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/port_number.hpp>

#include <charconv>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <variant>

namespace tsock {

// The family policy (tsock/family.hpp) each endpoint names as its family_type.
struct inet;

namespace detail {

// Room for a sockaddr_in or a sockaddr_in6, as the socket layer passes it to
// bind, connect or accept: reinterpret_cast<sockaddr*>(&s) (or &s.base) is the
// pointer, inet_endpoint::native_size() or sizeof(inet_sockaddr) the length.
union inet_sockaddr {
    ::sockaddr base;
    ::sockaddr_in v4;
    ::sockaddr_in6 v6;
};

} // namespace detail

// An IPv4 or an IPv6 endpoint, chosen at run time.
class inet_endpoint {
public:
    using port_type = std::uint16_t; // host order
    using native_type = detail::inet_sockaddr;

    // Longest text form: that of an IPv6 endpoint.
    static constexpr std::size_t max_string_length = ipv6_endpoint::max_string_length;

    // 0.0.0.0:0
    constexpr inet_endpoint() noexcept = default;
    constexpr inet_endpoint(const ipv4_endpoint& e) noexcept : value_(e) { } // NOLINT(google-explicit-constructor)
    constexpr inet_endpoint(const ipv6_endpoint& e) noexcept : value_(e) { } // NOLINT(google-explicit-constructor)

    constexpr bool is_v4() const noexcept { return value_.index() == 0; }
    constexpr bool is_v6() const noexcept { return value_.index() == 1; }
    // AF_INET or AF_INET6.
    using family_type = inet;
    constexpr int family() const noexcept { return is_v4() ? AF_INET : AF_INET6; }

    // The IPv4 endpoint; throws std::system_error with error::family_mismatch
    // when this holds an IPv6 one.
    constexpr ipv4_endpoint v4() const
    {
        if (const auto* e = as_v4())
            return *e;
        throw_family_mismatch("an IPv6 endpoint, not an IPv4 one");
    }
    // The IPv6 endpoint; throws std::system_error with error::family_mismatch
    // when this holds an IPv4 one.
    constexpr ipv6_endpoint v6() const
    {
        if (const auto* e = as_v6())
            return *e;
        throw_family_mismatch("an IPv4 endpoint, not an IPv6 one");
    }
    // The IPv4 endpoint, or nullptr (std::get_if).
    constexpr const ipv4_endpoint* as_v4() const noexcept { return std::get_if<ipv4_endpoint>(&value_); }
    // The IPv6 endpoint, or nullptr (std::get_if).
    constexpr const ipv6_endpoint* as_v6() const noexcept { return std::get_if<ipv6_endpoint>(&value_); }

    constexpr port_type port() const noexcept
    {
        return std::visit([](const auto& e) { return e.port(); }, value_);
    }
    // The port as ipv4_endpoint's.
    constexpr void port(port_number p) noexcept
    {
        std::visit([p](auto& e) { e.port(p); }, value_);
    }

    // "a.b.c.d:port" as ipv4_endpoint::parse reads it, or "[address]:port"
    // as ipv6_endpoint::parse does (text starting with '['). The errors, and
    // their offsets, are those of that parser. Throws std::system_error.
    static constexpr inet_endpoint parse(std::string_view text)
    {
        if (is_v6_text(text))
            return ipv6_endpoint::parse(text);
        return ipv4_endpoint::parse(text);
    }
    // As parse(text); on failure sets ec and returns 0.0.0.0:0.
    static inet_endpoint parse(std::string_view text, std::error_code& ec) noexcept
    {
        if (is_v6_text(text)) {
            const auto e = ipv6_endpoint::parse(text, ec);
            return ec ? inet_endpoint() : inet_endpoint(e);
        }
        return ipv4_endpoint::parse(text, ec);
    }
    // As parse(text); empty on failure.
    static constexpr std::optional<inet_endpoint> try_parse(std::string_view text) noexcept
    {
        if (is_v6_text(text)) {
            if (const auto e = ipv6_endpoint::try_parse(text))
                return inet_endpoint(*e);
            return std::nullopt;
        }
        if (const auto e = ipv4_endpoint::try_parse(text))
            return inet_endpoint(*e);
        return std::nullopt;
    }

    // "127.0.0.1:80" or "[::1]:80", held by value (constexpr).
    constexpr detail::fixed_text<max_string_length> format() const noexcept
    {
        detail::fixed_text<max_string_length> text;
        std::visit(
            [&text](const auto& e) {
                const auto r = e.to_chars(text.data(), text.data() + max_string_length);
                text.resize(std::size_t(r.ptr - text.data()));
            },
            value_);
        return text;
    }
    // Writes format() to [first, last); errc::value_too_large (and nothing
    // written) when it does not fit.
    constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept
    {
        return std::visit([first, last](const auto& e) { return e.to_chars(first, last); }, value_);
    }
    std::string to_string() const { return std::string(format().view()); }

    // The sockaddr_in or sockaddr_in6 of the endpoint held, as their
    // to_native() gives it; the rest of the union zero.
    native_type to_native() const noexcept
    {
        native_type sa;
        std::memset(&sa, 0, sizeof sa);
        if (const auto* e = as_v4())
            sa.v4 = e->to_native();
        else
            sa.v6 = as_v6()->to_native();
        return sa;
    }
    // sizeof(sockaddr_in) or sizeof(sockaddr_in6), after what is held.
    constexpr ::socklen_t native_size() const noexcept
    {
        return std::visit([](const auto& e) { return e.native_size(); }, value_);
    }

    // An AF_INET or AF_INET6 sockaddr, as ipv4_endpoint::from_native and
    // ipv6_endpoint::from_native read them (nothing past length is read).
    // Sets ec to error::bad_endpoint (and returns 0.0.0.0:0) for any other
    // family or a length too short for the family's whole sockaddr.
    static inet_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        inet_endpoint e;
        detail::set_endpoint_error(ec, read_native(e, sa, length));
        return e;
    }
    // As from_native(sa, length, ec); throws std::system_error instead.
    static inet_endpoint from_native(const ::sockaddr* sa, ::socklen_t length)
    {
        std::error_code ec;
        const auto e = from_native(sa, length, ec);
        if (ec)
            detail::throw_bad_endpoint(
                "tsock::inet_endpoint::from_native", "an IPv4 or IPv6 endpoint (AF_INET, AF_INET6)", sa, length);
        return e;
    }

    // Every IPv4 endpoint before every IPv6 one; then as those compare.
    // Written out because libc++ 16's std::variant has no <=>.
    friend constexpr std::strong_ordering operator<=>(const inet_endpoint& a, const inet_endpoint& b) noexcept
    {
        if (const auto c = a.value_.index() <=> b.value_.index(); c != 0)
            return c;
        if (const auto* v4 = a.as_v4())
            return *v4 <=> *b.as_v4();
        return *a.as_v6() <=> *b.as_v6();
    }
    friend constexpr bool operator==(const inet_endpoint&, const inet_endpoint&) noexcept = default;

private:
    friend struct detail::read_native_access<inet_endpoint>;

    // from_native's reading: into e, 0.0.0.0:0 (it stays so on failure), as
    // the family's endpoint reads it; any other family is bad_endpoint.
    static error read_native(inet_endpoint& e, const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        switch (detail::sockaddr_family(sa, length)) {
        case AF_INET:
            return read_as<ipv4_endpoint>(e, sa, length);
        case AF_INET6:
            return read_as<ipv6_endpoint>(e, sa, length);
        default:
            return error::bad_endpoint;
        }
    }
    template <class E>
    static error read_as(inet_endpoint& e, const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        E one;
        const error r = detail::name_access<E>::read(one, sa, length);
        if (r == error{})
            e = one;
        return r;
    }

    static constexpr bool is_v6_text(std::string_view text) noexcept { return !text.empty() && text[0] == '['; }

    [[noreturn]] static void throw_family_mismatch(const char* what)
    {
        detail::throw_exception(std::system_error(
            make_error_code(error::family_mismatch), std::string("tsock::inet_endpoint holds ") + what));
    }

    std::variant<ipv4_endpoint, ipv6_endpoint> value_;
};

namespace detail {
// recvfrom and accept read an inet_endpoint with no std::error_code built.
template <>
struct name_access<inet_endpoint> : read_native_access<inet_endpoint> {};
} // namespace detail

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const inet_endpoint& e)
{
    const auto text = e.format();
    for (char c : text.view())
        os << os.widen(c);
    return os;
}

} // namespace tsock

template <> struct std::hash<tsock::inet_endpoint> {
    std::size_t operator()(const tsock::inet_endpoint& e) const noexcept
    {
        if (const auto* v4 = e.as_v4())
            return tsock::detail::hash_mix(4, std::hash<tsock::ipv4_endpoint>()(*v4));
        return tsock::detail::hash_mix(6, std::hash<tsock::ipv6_endpoint>()(*e.as_v6()));
    }
};

#endif // TSOCK_INET_ENDPOINT_HPP
