// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_ADDRESS_V6_HPP
#define TSOCK_ADDRESS_V6_HPP

// address_v6: an IPv6 address with its scope (zone) id, as a literal type.
// Parsing (RFC 4291 text, RFC 4007 zones), formatting (RFC 5952),
// comparison and classification are constexpr.

#include <tsock/address_v4.hpp>
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
#include <initializer_list>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

namespace tsock {

// The scope field of a multicast address (RFC 7346), ffXs::/8 where s is it.
enum class multicast_scope : std::uint8_t {
    interface_local = 0x1,
    link_local = 0x2,
    realm_local = 0x3,
    admin_local = 0x4,
    site_local = 0x5,
    organization_local = 0x8,
    global = 0xe,
};

class address_v6 {
public:
    using bytes_type = std::array<std::uint8_t, 16>; // network order
    using scope_id_type = std::uint32_t;

    // Longest text form: eight full groups, '%' and a ten-digit zone.
    static constexpr std::size_t max_string_length = detail::max_v6_length;

    // ::
    constexpr address_v6() noexcept = default;
    // From the sixteen bytes in network order, and a scope id (0: none).
    constexpr explicit address_v6(const bytes_type& bytes, scope_id_type scope_id = 0) noexcept
        : bytes_(bytes), scope_id_(scope_id)
    {
    }
    // From the system's in6_addr, and a scope id (0: none).
    explicit address_v6(const ::in6_addr& a, scope_id_type scope_id = 0) noexcept : scope_id_(scope_id)
    {
        for (std::size_t i = 0; i != 16; ++i)
            bytes_[i] = a.s6_addr[i];
    }

    static constexpr address_v6 any() noexcept { return address_v6(); }
    static constexpr address_v6 loopback() noexcept { return address_v6(loopback_bytes); }
    // ::ffff:a.b.c.d, the form a dual-stack socket reports IPv4 peers in.
    static constexpr address_v6 v4_mapped(const address_v4& a) noexcept
    {
        const auto b = a.to_bytes();
        return address_v6(bytes_type{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, b[0], b[1], b[2], b[3]});
    }
    // ::a.b.c.d, the deprecated IPv4-compatible form (RFC 4291 2.5.5.1).
    static constexpr address_v6 v4_compatible(const address_v4& a) noexcept
    {
        const auto b = a.to_bytes();
        return address_v6(bytes_type{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, b[0], b[1], b[2], b[3]});
    }

    constexpr bytes_type to_bytes() const noexcept { return bytes_; }
    constexpr scope_id_type scope_id() const noexcept { return scope_id_; }
    constexpr void scope_id(scope_id_type id) noexcept { scope_id_ = id; }
    ::in6_addr to_in6_addr() const noexcept
    {
        ::in6_addr a{};
        for (std::size_t i = 0; i != 16; ++i)
            a.s6_addr[i] = bytes_[i];
        return a;
    }
    // The IPv4 address inside a v4-mapped or v4-compatible address; empty for
    // any other address.
    constexpr std::optional<address_v4> to_v4() const noexcept
    {
        if (!is_v4_mapped() && !is_v4_compatible())
            return std::nullopt;
        return address_v4(address_v4::bytes_type{bytes_[12], bytes_[13], bytes_[14], bytes_[15]});
    }

    // RFC 4291 text ("::", embedded IPv4 tail "::ffff:1.2.3.4") with an
    // optional RFC 4007 zone: numeric ("%3") or an interface name ("%eth0",
    // looked up with if_nametoindex). Throws std::system_error with a
    // tsock::error saying what is wrong and where.
    static constexpr address_v6 parse(std::string_view text)
    {
        return detail::parse_or_throw<address_v6>("IPv6 address", text, detail::parse_v6, make, detail::ipv6_text_fault);
    }
    // As parse(text); on failure sets ec and returns ::.
    static address_v6 parse(std::string_view text, std::error_code& ec) noexcept
    {
        return detail::parse_or_set<address_v6>(text, ec, detail::parse_v6, make);
    }
    // As parse(text); empty on failure.
    static constexpr std::optional<address_v6> try_parse(std::string_view text) noexcept
    {
        return detail::parse_or_empty<address_v6>(text, detail::parse_v6, make);
    }

    // Writes the RFC 5952 text (zone as a number) to [first, last);
    // errc::value_too_large (and nothing written) when it does not fit.
    constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept
    {
        return detail::copy_text(format(), first, last);
    }
    // The RFC 5952 text, held by value (constexpr).
    constexpr detail::fixed_text<max_string_length> format() const noexcept
    {
        detail::fixed_text<max_string_length> text;
        text.resize(std::size_t(detail::format_v6(text.data(), bytes_, scope_id_) - text.data()));
        return text;
    }
    std::string to_string() const { return std::string(format().view()); }

    // Classification. Each names the prefix it tests.
    // The two most asked whole-address tests compare all sixteen bytes at
    // once (std::array's ==: a memcmp the compiler makes two 8-byte
    // compares), not byte by byte: accept's peer check costs a few
    // instructions, as IN6_IS_ADDR_LOOPBACK does.
    constexpr bool is_unspecified() const noexcept { return bytes_ == bytes_type{}; }                  // ::
    constexpr bool is_loopback() const noexcept { return bytes_ == loopback_bytes; }                   // ::1
    constexpr bool is_multicast() const noexcept { return bytes_[0] == 0xff; }                            // ff00::/8
    constexpr bool is_link_local() const noexcept { return bytes_[0] == 0xfe && (bytes_[1] & 0xc0) == 0x80; } // fe80::/10
    constexpr bool is_site_local() const noexcept { return bytes_[0] == 0xfe && (bytes_[1] & 0xc0) == 0xc0; } // fec0::/10 (deprecated)
    // Unique local addresses, RFC 4193: fc00::/7.
    constexpr bool is_private() const noexcept { return (bytes_[0] & 0xfe) == 0xfc; }
    // RFC 3849 2001:db8::/32 and RFC 9637 3fff::/20.
    constexpr bool is_documentation() const noexcept
    {
        return in({0x20, 0x01, 0x0d, 0xb8}, 32) || in({0x3f, 0xff}, 20);
    }
    // RFC 5180: 2001:2::/48.
    constexpr bool is_benchmarking() const noexcept { return in({0x20, 0x01, 0x00, 0x02}, 48); }
    // ::ffff:0:0/96.
    constexpr bool is_v4_mapped() const noexcept { return zero_below(10) && bytes_[10] == 0xff && bytes_[11] == 0xff; }
    // ::/96 except :: and ::1 (RFC 4291 2.5.5.1, deprecated).
    constexpr bool is_v4_compatible() const noexcept
    {
        return zero_below(12) && !(bytes_[12] == 0 && bytes_[13] == 0 && bytes_[14] == 0 && bytes_[15] <= 1);
    }

    // The scope of a multicast address; meaningful only when is_multicast().
    constexpr multicast_scope scope() const noexcept { return multicast_scope(bytes_[1] & 0x0f); }
    constexpr bool is_multicast_interface_local() const noexcept { return is_multicast_with(multicast_scope::interface_local); }
    constexpr bool is_multicast_link_local() const noexcept { return is_multicast_with(multicast_scope::link_local); }
    constexpr bool is_multicast_realm_local() const noexcept { return is_multicast_with(multicast_scope::realm_local); }
    constexpr bool is_multicast_admin_local() const noexcept { return is_multicast_with(multicast_scope::admin_local); }
    constexpr bool is_multicast_site_local() const noexcept { return is_multicast_with(multicast_scope::site_local); }
    constexpr bool is_multicast_organization_local() const noexcept { return is_multicast_with(multicast_scope::organization_local); }
    constexpr bool is_multicast_global() const noexcept { return is_multicast_with(multicast_scope::global); }

    // Globally reachable. Unicast: not in a block that the IANA IPv6
    // Special-Purpose Address Registry marks as not globally reachable (as
    // Python's ipaddress is_global): ::1, ::, ::ffff:0:0/96, 64:ff9b:1::/48,
    // 100::/64, 2001::/23 (but for its global sub-blocks), 2001:db8::/32,
    // 2002::/16, 3fff::/20, 5f00::/16 (RFC 9602), fc00::/7, fe80::/10. Multicast: global scope only
    // (Python calls every multicast address global; ff02::1 is not).
    constexpr bool is_global() const noexcept
    {
        if (is_multicast())
            return is_multicast_global();
        if (in({0x20, 0x01, 0x00}, 23)) {
            const bool global_sub_block =
                (in({0x20, 0x01, 0x00, 0x01}, 32) && zero_range(4, 15) && bytes_[15] >= 1 && bytes_[15] <= 3) ||
                in({0x20, 0x01, 0x00, 0x03}, 32) || in({0x20, 0x01, 0x00, 0x04, 0x01, 0x12}, 48) ||
                in({0x20, 0x01, 0x00, 0x20}, 28) || in({0x20, 0x01, 0x00, 0x30}, 28);
            return global_sub_block;
        }
        return !(is_loopback() || zero_below(16) || is_v4_mapped() ||
                 in({0x00, 0x64, 0xff, 0x9b, 0x00, 0x01}, 48) || in({0x01, 0x00, 0, 0, 0, 0, 0, 0}, 64) ||
                 is_documentation() || in({0x20, 0x02}, 16) || in({0x5f, 0x00}, 16) || is_private() ||
                 is_link_local());
    }

    // Bytes first (as unsigned numbers, the first byte most significant),
    // then the scope id. Written out because libc++ 16's std::array has no
    // <=>, which would leave a defaulted one deleted there.
    friend constexpr std::strong_ordering operator<=>(const address_v6& a, const address_v6& b) noexcept
    {
        for (std::size_t i = 0; i != a.bytes_.size(); ++i)
            if (a.bytes_[i] != b.bytes_[i])
                return a.bytes_[i] <=> b.bytes_[i];
        return a.scope_id_ <=> b.scope_id_;
    }
    friend constexpr bool operator==(const address_v6&, const address_v6&) noexcept = default;

private:
    // A constant, not loopback()'s temporary: is_loopback's compare then
    // takes its bytes as immediates instead of building ::1 on the stack.
    static constexpr bytes_type loopback_bytes{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};

    static constexpr address_v6 make(const detail::v6_value& v) noexcept { return address_v6(v.bytes, v.scope); }
    constexpr bool zero_below(std::size_t n) const noexcept { return zero_range(0, n); }
    constexpr bool zero_range(std::size_t from, std::size_t to) const noexcept
    {
        for (std::size_t i = from; i != to; ++i)
            if (bytes_[i] != 0)
                return false;
        return true;
    }
    constexpr bool is_multicast_with(multicast_scope s) const noexcept { return is_multicast() && scope() == s; }
    // Whether the first prefix bits equal those of network, whose unlisted
    // trailing bytes are zero ({0x20, 0x01, 0x00, 0x02}, 48 is 2001:2::/48).
    constexpr bool in(std::initializer_list<std::uint8_t> network, int prefix) const noexcept
    {
        const std::uint8_t* listed = network.begin();
        for (std::size_t i = 0; 8 * int(i) < prefix; ++i) {
            const int bits = prefix - 8 * int(i);
            const auto mask = bits >= 8 ? std::uint8_t(0xff) : std::uint8_t(0xff << (8 - bits));
            const std::uint8_t b = i < network.size() ? listed[i] : std::uint8_t(0);
            if ((bytes_[i] & mask) != (b & mask))
                return false;
        }
        return true;
    }

    bytes_type bytes_{};
    scope_id_type scope_id_ = 0;
};

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const address_v6& a)
{
    const auto text = a.format();
    for (char c : text.view())
        os << os.widen(c);
    return os;
}

namespace literals {
// "fe80::1%3"_ipv6: checked while compiling. An error naming
// tsock::detail::ipv6_literal_... here says what is wrong with the literal.
consteval address_v6 operator""_ipv6(const char* text, std::size_t size)
{
    const auto r = detail::parse_v6(std::string_view(text, size));
    if (!r)
        detail::ipv6_fault(r.code)();
    return address_v6(r.value.bytes, r.value.scope);
}
} // namespace literals

} // namespace tsock

template <>
struct std::hash<tsock::address_v6> {
    std::size_t operator()(const tsock::address_v6& a) const noexcept
    {
        std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a over bytes and scope
        for (std::uint8_t b : a.to_bytes())
            h = (h ^ b) * 0x100000001b3ull;
        const auto s = a.scope_id();
        for (int i = 0; i != 4; ++i)
            h = (h ^ ((s >> (8 * i)) & 0xff)) * 0x100000001b3ull;
        return std::size_t(h);
    }
};

#endif // TSOCK_ADDRESS_V6_HPP
