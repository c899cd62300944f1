// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_ADDRESS_V4_HPP
#define TSOCK_ADDRESS_V4_HPP

// address_v4: an IPv4 address as a literal type. Parsing, formatting,
// comparison and classification are constexpr.

#include <tsock/byte_order.hpp>
#include <tsock/detail/format_address.hpp>
#include <tsock/detail/parse_address.hpp>
#include <tsock/detail/parse_faults.hpp>
#include <tsock/detail/parse_forms.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>

#include <array>
#include <charconv>
#include <compare>
#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace tsock {

class address_v4 {
public:
    using bytes_type = std::array<std::uint8_t, 4>; // network order
    using uint_type = std::uint32_t;                // host order

    // Longest text form: "255.255.255.255".
    static constexpr std::size_t max_string_length = detail::max_v4_length;

    // 0.0.0.0
    constexpr address_v4() noexcept = default;
    // From the four bytes in network order: {127, 0, 0, 1}.
    constexpr explicit address_v4(const bytes_type& bytes) noexcept
        : value_(uint_type(bytes[0]) << 24 | uint_type(bytes[1]) << 16 | uint_type(bytes[2]) << 8 | bytes[3])
    {
    }
    // From a 32-bit value in host order: 0x7f000001 is 127.0.0.1.
    constexpr explicit address_v4(uint_type host_order) noexcept : value_(host_order) {}
    // From the system's in_addr (network order).
    explicit address_v4(const ::in_addr& a) noexcept : value_(ntoh(static_cast<uint_type>(a.s_addr))) {}

    static constexpr address_v4 any() noexcept { return address_v4(); }
    static constexpr address_v4 loopback() noexcept { return address_v4(uint_type(0x7f000001)); }
    static constexpr address_v4 broadcast() noexcept { return address_v4(uint_type(0xffffffff)); }

    constexpr bytes_type to_bytes() const noexcept
    {
        return {std::uint8_t(value_ >> 24), std::uint8_t(value_ >> 16), std::uint8_t(value_ >> 8),
                std::uint8_t(value_)};
    }
    constexpr uint_type to_uint() const noexcept { return value_; }
    ::in_addr to_in_addr() const noexcept
    {
        ::in_addr a{};
        a.s_addr = hton(value_);
        return a;
    }

    // Dotted decimal as inet_pton reads it: four parts, each 0-255, no leading
    // zeros. Throws std::system_error with a tsock::error saying what is wrong.
    static constexpr address_v4 parse(std::string_view text)
    {
        return detail::parse_or_throw<address_v4>("IPv4 address", text, detail::parse_v4, make, detail::ipv4_text_fault);
    }
    // As parse(text); on failure sets ec and returns 0.0.0.0.
    static address_v4 parse(std::string_view text, std::error_code& ec) noexcept
    {
        return detail::parse_or_set<address_v4>(text, ec, detail::parse_v4, make);
    }
    // As parse(text); empty on failure.
    static constexpr std::optional<address_v4> try_parse(std::string_view text) noexcept
    {
        return detail::parse_or_empty<address_v4>(text, detail::parse_v4, make);
    }

    // Writes the dotted-decimal text to [first, last); errc::value_too_large
    // (and nothing written) when it does not fit.
    constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept
    {
        char buffer[max_string_length]; // not format(): no zeroed fixed_text on this hot path
        const char* end = detail::format_v4(buffer, value_);
        return detail::copy_text(std::string_view(buffer, std::size_t(end - buffer)), first, last);
    }
    // The dotted-decimal text, held by value (constexpr).
    constexpr detail::fixed_text<max_string_length> format() const noexcept
    {
        detail::fixed_text<max_string_length> text;
        text.resize(std::size_t(detail::format_v4(text.data(), value_) - text.data()));
        return text;
    }
    std::string to_string() const { return std::string(format().view()); }

    // Classification. Each names the registry range it tests.
    constexpr bool is_unspecified() const noexcept { return value_ == 0; }            // 0.0.0.0
    constexpr bool is_loopback() const noexcept { return (value_ >> 24) == 127; }      // 127.0.0.0/8
    constexpr bool is_multicast() const noexcept { return (value_ >> 28) == 0xe; }     // 224.0.0.0/4
    constexpr bool is_link_local() const noexcept { return (value_ >> 16) == 0xa9fe; } // 169.254.0.0/16
    constexpr bool is_broadcast() const noexcept { return value_ == 0xffffffff; }     // 255.255.255.255
    // RFC 1918: 10.0.0.0/8, 172.16.0.0/12, 192.168.0.0/16.
    constexpr bool is_private() const noexcept
    {
        return in(0x0a000000, 8) || in(0xac100000, 12) || in(0xc0a80000, 16);
    }
    // RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24.
    constexpr bool is_documentation() const noexcept
    {
        return in(0xc0000200, 24) || in(0xc6336400, 24) || in(0xcb007100, 24);
    }
    // RFC 2544: 198.18.0.0/15.
    constexpr bool is_benchmarking() const noexcept { return in(0xc6120000, 15); }
    // RFC 6598 shared address space (carrier-grade NAT): 100.64.0.0/10.
    constexpr bool is_shared() const noexcept { return in(0x64400000, 10); }
    // 240.0.0.0/4, reserved for future use (the broadcast address lies inside).
    constexpr bool is_reserved() const noexcept { return (value_ >> 28) == 0xf; }
    // Globally reachable. Unicast: not in a block that the IANA IPv4
    // Special-Purpose Address Registry (RFC 6890 and updates) marks as not
    // globally reachable, as Python's ipaddress is_global. Multicast: not the
    // local network control block 224.0.0.0/24 (RFC 5771, never forwarded) nor
    // the administratively scoped 239.0.0.0/8 (RFC 2365); Python calls every
    // multicast address global.
    constexpr bool is_global() const noexcept
    {
        if (is_multicast())
            return !in(0xe0000000, 24) && !in(0xef000000, 8);
        if (value_ == 0xc0000009 || value_ == 0xc000000a) // 192.0.0.9, 192.0.0.10: global anycast
            return true;
        return !(in(0x00000000, 8) || is_private() || is_loopback() || is_link_local() || is_shared() ||
                 in(0xc0000000, 24) || is_documentation() || is_benchmarking() || is_reserved());
    }

    friend constexpr auto operator<=>(const address_v4&, const address_v4&) noexcept = default;

private:
    static constexpr address_v4 make(uint_type value) noexcept { return address_v4(value); }
    constexpr bool in(uint_type network, int prefix) const noexcept
    {
        return (value_ >> (32 - prefix)) == (network >> (32 - prefix));
    }

    uint_type value_ = 0;
};

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const address_v4& a)
{
    const auto text = a.format();
    for (char c : text.view())
        os << os.widen(c); // widen so that wide streams work too
    return os;
}

namespace literals {
// "192.168.0.1"_ipv4: checked while compiling. An error naming
// tsock::detail::ipv4_literal_... here says what is wrong with the literal.
consteval address_v4 operator""_ipv4(const char* text, std::size_t size)
{
    const auto r = detail::parse_v4(std::string_view(text, size));
    if (!r)
        detail::ipv4_fault(r.code)();
    return address_v4(r.value);
}
} // namespace literals

} // namespace tsock

template <>
struct std::hash<tsock::address_v4> {
    std::size_t operator()(const tsock::address_v4& a) const noexcept
    {
        return std::size_t(a.to_uint());
    }
};

#endif // TSOCK_ADDRESS_V4_HPP
