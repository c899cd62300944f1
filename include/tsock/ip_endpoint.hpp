// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_IP_ENDPOINT_HPP
#define TSOCK_IP_ENDPOINT_HPP

// ipv4_endpoint and ipv6_endpoint: an address and a port (and for IPv6 the
// flow info; the scope id is the address's). Literal types: construction,
// comparison, parsing and formatting are constexpr; only the conversions to
// and from sockaddr_in / sockaddr_in6 are not.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/byte_order.hpp>
#include <tsock/detail/format_address.hpp>
#include <tsock/detail/parse_address.hpp>
#include <tsock/detail/parse_faults.hpp>
#include <tsock/detail/parse_forms.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/sockaddr.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/error.hpp>
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
#include <type_traits>
#include <utility>

namespace tsock {

// The family policy (tsock/family.hpp) each endpoint names as its family_type.
struct ipv4;
struct ipv6;

namespace detail {

inline constexpr std::size_t max_port_length = 5; // 65535

// The text after the address. port = 1*DIGIT with a value of at most 65535,
// RFC 3986's grammar made non-empty; leading zeros are allowed there ("080"),
// as in URIs. Errors: empty_part (no digits: the port is missing),
// invalid_character (a non-digit, at its offset), part_out_of_range (above
// 65535, at the port's first digit). offset is where text starts in the input.
constexpr parse_result<std::uint16_t> parse_port(std::string_view text, std::size_t offset) noexcept
{
    if (text.empty())
        return {0, error::empty_part, offset};
    std::uint32_t n = 0;
    for (std::size_t i = 0; i != text.size(); ++i) {
        if (!is_digit(text[i]))
            return {0, error::invalid_character, offset + i};
        n = n * 10 + std::uint32_t(text[i] - '0');
        if (n > 0xffff)
            return {0, error::part_out_of_range, offset};
    }
    return {std::uint16_t(n), error{}, 0};
}

struct v4_endpoint_value {
    std::uint32_t address = 0;
    std::uint16_t port = 0;
};
struct v6_endpoint_value {
    v6_value address;
    std::uint16_t port = 0;
};

// "a.b.c.d:port". The address's own errors at their offsets; no ':' after a
// valid address is empty_part at the end of the text (the port is missing).
constexpr parse_result<v4_endpoint_value> parse_v4_endpoint(std::string_view text) noexcept
{
    const std::size_t colon = text.find(':');
    const auto address = parse_v4(text.substr(0, colon));
    if (!address)
        return {{}, address.code, address.where};
    if (colon == std::string_view::npos)
        return {{}, error::empty_part, text.size()};
    const auto port = parse_port(text.substr(colon + 1), colon + 1);
    if (!port)
        return {{}, port.code, port.where};
    return {{address.value, port.value}, error{}, 0};
}

// "[address]:port", the address with an optional zone ("[fe80::1%3]:80",
// RFC 3986 brackets; the zone's '%' is not percent-encoded). Without the
// brackets: invalid_character at offset 0 (an address without brackets is
// ambiguous: is "::1:80" a port?). No ']' after a valid address:
// invalid_character at the end of the text. Nothing after ']': empty_part
// there (the port is missing); anything but ':' after ']': invalid_character.
constexpr parse_result<v6_endpoint_value> parse_v6_endpoint(std::string_view text) noexcept
{
    if (text.empty())
        return {{}, error::empty_address, 0};
    if (text[0] != '[')
        return {{}, error::invalid_character, 0};
    const std::size_t close = text.find(']');
    const auto address = parse_v6(text.substr(1, close == std::string_view::npos ? close : close - 1));
    if (!address)
        return {{}, address.code, address.where + 1};
    if (close == std::string_view::npos)
        return {{}, error::invalid_character, text.size()};
    if (close + 1 == text.size())
        return {{}, error::empty_part, text.size()};
    if (text[close + 1] != ':')
        return {{}, error::invalid_character, close + 1};
    const auto port = parse_port(text.substr(close + 2), close + 2);
    if (!port)
        return {{}, port.code, port.where};
    return {{address.value, port.value}, error{}, 0};
}

// What ipv4_endpoint and ipv6_endpoint do alike with the sockaddr_in or
// sockaddr_in6 (Sockaddr) each holds.
template <class Sockaddr>
constexpr bool is_sockaddr_in6 = requires(Sockaddr& sa) { sa.sin6_family; };
template <class Sockaddr>
constexpr int ip_family = is_sockaddr_in6<Sockaddr> ? AF_INET6 : AF_INET;
// sin_family or sin6_family.
template <class Sockaddr>
constexpr auto& family_field(Sockaddr& sa) noexcept
{
    if constexpr (is_sockaddr_in6<Sockaddr>)
        return sa.sin6_family;
    else
        return sa.sin_family;
}

// The any address, port 0 (flow info and scope id 0). Value-initialized: the
// first member of each union in it is the active one (in6_addr's byte array
// on glibc, BSD and Winsock; mingw's sin6_scope_id), which constexpr code
// reads and writes; Winsock's in_addr begins with bytes, so s_addr is made
// its member.
template <class Sockaddr>
constexpr Sockaddr any_ip_sockaddr() noexcept
{
    Sockaddr sa{};
    set_sockaddr_length(sa, sizeof sa);
    family_field(sa) = static_cast<std::remove_reference_t<decltype(family_field(sa))>>(ip_family<Sockaddr>);
    if constexpr (!is_sockaddr_in6<Sockaddr>)
        sa.sin_addr.s_addr = 0;
    return sa;
}

// from_native's reading: sa into out when it is of Sockaddr's family and
// length covers a whole Sockaddr, else bad_endpoint (out as it was). A
// sockaddr_in's sin_zero stays zero whatever sa holds; sin_len is set.
template <class Sockaddr>
error read_ip_sockaddr(Sockaddr& out, const ::sockaddr* sa, ::socklen_t length) noexcept
{
    if (sockaddr_family(sa, length) != ip_family<Sockaddr> || sockaddr_size(length) < sizeof out)
        return error::bad_endpoint;
    if constexpr (is_sockaddr_in6<Sockaddr>)
        std::memcpy(&out, sa, sizeof out);
    else
        std::memcpy(&out, sa, offsetof(Sockaddr, sin_zero));
    set_sockaddr_length(out, sizeof out);
    return error{};
}

// Is what the kernel wrote into sa, length bytes, a whole name of its
// family? Linux zeroes sin_zero in every name it writes (inet_getname,
// udp_recvmsg); elsewhere it is zeroed here, as to_native() promises (BSD
// bind refuses a sockaddr_in whose sin_zero is not), and sin_len set.
template <class Sockaddr>
bool adopt_ip_sockaddr(Sockaddr& sa, ::socklen_t length) noexcept
{
    if (sockaddr_size(length) < sizeof sa || family_field(sa) != ip_family<Sockaddr>) [[unlikely]]
        return false;
#if !BOOST_OS_LINUX
    if constexpr (!is_sockaddr_in6<Sockaddr>)
        std::memset(sa.sin_zero, 0, sizeof sa.sin_zero);
    set_sockaddr_length(sa, sizeof sa);
#endif
    return true;
}

// name_access (tsock/endpoint.hpp) for an endpoint E that holds its
// sockaddr as native_ (ipv4_endpoint, ipv6_endpoint; E befriends it).
template <class E>
struct held_name_access {
    static constexpr bool in_place = true;
    static const ::sockaddr* name(const E& e) noexcept { return reinterpret_cast<const ::sockaddr*>(&e.native_); }
    static ::sockaddr* name(E& e) noexcept { return reinterpret_cast<::sockaddr*>(&e.native_); }
    static bool adopt(E& e, ::socklen_t length) noexcept { return adopt_ip_sockaddr(e.native_, length); }
    static error read(E& e, const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        return read_ip_sockaddr(e.native_, sa, length);
    }
};

// Boost's hash_combine step, widened to size_t.
constexpr std::size_t hash_mix(std::size_t seed, std::size_t value) noexcept
{
    return seed ^ (value + std::size_t(0x9e3779b97f4a7c15ull) + (seed << 6) + (seed >> 2));
}

} // namespace detail

// An IPv4 address and a port: what AF_INET sockets bind, connect and report.
class ipv4_endpoint {
public:
    using address_type = address_v4;
    using port_type = std::uint16_t; // host order
    using native_type = ::sockaddr_in;
    using family_type = ipv4;
    // The AF_* value, as every endpoint has it (inet_endpoint: per value).
    static constexpr int family() noexcept { return AF_INET; }

    // Longest text form: "255.255.255.255:65535".
    static constexpr std::size_t max_string_length = address_v4::max_string_length + 1 + detail::max_port_length;

    // 0.0.0.0:0
    constexpr ipv4_endpoint() noexcept : native_(detail::any_ip_sockaddr<native_type>()) {}
    // An error here means text was given for the address: parse it first
    // (or write the whole endpoint as text: ipv4_endpoint::parse("...")).
    template <class Text, class Port>
        requires std::is_convertible_v<const Text&, std::string_view>
    TSOCK_REFUSED_CONSTRUCTOR("text is not an address: write \"127.0.0.1\"_ipv4 or address_v4::parse(text)")
    ipv4_endpoint(const Text&, const Port&, TSOCK_REASON_PARAMETER("text is not an address: write \"127.0.0.1\"_ipv4 or address_v4::parse(text)")) TSOCK_DELETED;
    // tsock's own: storage that recvfrom or accept fills in next, left
    // uninitialized as a raw program's sockaddr_in (detail::name_access).
    explicit ipv4_endpoint(detail::for_overwrite_t) noexcept {}
    // The port is a port_number: a constant (checked while compiling), a
    // std::uint16_t, or port_number::checked(n) for any other integer.
    constexpr ipv4_endpoint(const address_v4& address, port_number port) noexcept
        : native_(detail::any_ip_sockaddr<native_type>())
    {
        this->address(address);
        this->port(port);
    }

    constexpr address_v4 address() const noexcept
    {
        return address_v4(ntoh(static_cast<address_v4::uint_type>(native_.sin_addr.s_addr)));
    }
    constexpr void address(const address_v4& a) noexcept
    {
        native_.sin_addr.s_addr = static_cast<decltype(native_.sin_addr.s_addr)>(hton(a.to_uint()));
    }
    constexpr port_type port() const noexcept { return ntoh(static_cast<port_type>(native_.sin_port)); }
    constexpr void port(port_number p) noexcept
    {
        native_.sin_port = static_cast<decltype(native_.sin_port)>(hton(p.value()));
    }

    // "a.b.c.d:port" (the address as address_v4::parse reads it; the port
    // 0-65535, leading zeros allowed). A missing port is error::empty_part,
    // a port above 65535 error::part_out_of_range, any other character
    // error::invalid_character. Throws std::system_error saying what and where.
    static constexpr ipv4_endpoint parse(std::string_view text)
    {
        return detail::parse_or_throw<ipv4_endpoint>(
            "IPv4 endpoint", text, detail::parse_v4_endpoint, from_value, detail::v4_endpoint_text_fault<detail::parse_result<detail::v4_endpoint_value>>);
    }
    // As parse(text); on failure sets ec and returns 0.0.0.0:0.
    static ipv4_endpoint parse(std::string_view text, std::error_code& ec) noexcept
    {
        return detail::parse_or_set<ipv4_endpoint>(text, ec, detail::parse_v4_endpoint, from_value);
    }
    // As parse(text); empty on failure.
    static constexpr std::optional<ipv4_endpoint> try_parse(std::string_view text) noexcept
    {
        return detail::parse_or_empty<ipv4_endpoint>(text, detail::parse_v4_endpoint, from_value);
    }

    // "127.0.0.1:80", held by value (constexpr).
    constexpr detail::fixed_text<max_string_length> format() const noexcept
    {
        detail::fixed_text<max_string_length> text;
        char* out = detail::format_v4(text.data(), address().to_uint());
        *out++ = ':';
        out = detail::write_decimal(out, port());
        text.resize(std::size_t(out - text.data()));
        return text;
    }
    // Writes format() to [first, last); errc::value_too_large (and nothing
    // written) when it does not fit.
    constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept
    {
        return detail::copy_text(format(), first, last);
    }
    std::string to_string() const { return std::string(format().view()); }

    // The sockaddr_in for bind, connect, sendto: port and address in network
    // order, everything else zero. (The endpoint is held as this sockaddr_in:
    // sendto, recvfrom and accept use it in place, with no conversion.)
    native_type to_native() const noexcept { return native_; }
    // sizeof(sockaddr_in), the length argument that goes with to_native().
    constexpr ::socklen_t native_size() const noexcept { return static_cast<::socklen_t>(sizeof(native_type)); }

    // From what getsockname, getpeername, accept or recvfrom filled in: length
    // is how many bytes at sa are valid, and nothing past them is read. Sets
    // ec to error::bad_endpoint (and returns 0.0.0.0:0) when sa is not
    // AF_INET or length does not cover a whole sockaddr_in.
    static ipv4_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        ipv4_endpoint e;
        detail::set_endpoint_error(ec, detail::read_ip_sockaddr(e.native_, sa, length));
        return e;
    }
    // As from_native(sa, length, ec); throws std::system_error instead.
    static ipv4_endpoint from_native(const ::sockaddr* sa, ::socklen_t length)
    {
        std::error_code ec;
        const auto e = from_native(sa, length, ec);
        if (ec)
            detail::throw_bad_endpoint("tsock::ipv4_endpoint::from_native", "an IPv4 endpoint (AF_INET)", sa, length);
        return e;
    }

    // Address first, then port.
    friend constexpr std::strong_ordering operator<=>(const ipv4_endpoint& a, const ipv4_endpoint& b) noexcept
    {
        if (const auto c = a.address() <=> b.address(); c != 0)
            return c;
        return a.port() <=> b.port();
    }
    // The same address and port (compared in network order: no conversion).
    friend constexpr bool operator==(const ipv4_endpoint& a, const ipv4_endpoint& b) noexcept
    {
        return a.native_.sin_addr.s_addr == b.native_.sin_addr.s_addr && a.native_.sin_port == b.native_.sin_port;
    }

private:
    friend struct detail::held_name_access<ipv4_endpoint>;

    static constexpr ipv4_endpoint from_value(const detail::v4_endpoint_value& v) noexcept
    {
        return ipv4_endpoint(address_v4(v.address), v.port);
    }

    // The address and port in network order, as the system takes them.
    native_type native_;
};

namespace detail {
// sendto, recvfrom and accept use an ipv4_endpoint's own sockaddr_in.
template <>
struct name_access<ipv4_endpoint> : held_name_access<ipv4_endpoint> {};
} // namespace detail

// An IPv6 address (with its scope id), a port and the flow info: what
// AF_INET6 sockets bind, connect and report.
class ipv6_endpoint {
public:
    using address_type = address_v6;
    using port_type = std::uint16_t; // host order
    using flowinfo_type = std::uint32_t; // host order: traffic class and flow label
    using native_type = ::sockaddr_in6;
    using family_type = ipv6;
    // The AF_* value, as every endpoint has it (inet_endpoint: per value).
    static constexpr int family() noexcept { return AF_INET6; }

    // Longest text form: '[', the longest address with its zone, "]:65535".
    static constexpr std::size_t max_string_length = 1 + address_v6::max_string_length + 2 + detail::max_port_length;

    // [::]:0
    constexpr ipv6_endpoint() noexcept : native_(detail::any_ip_sockaddr<native_type>()) {}
    // An error here means text was given for the address: parse it first
    // (or write the whole endpoint as text: ipv6_endpoint::parse("...")).
    template <class Text, class Port>
        requires std::is_convertible_v<const Text&, std::string_view>
    TSOCK_REFUSED_CONSTRUCTOR("text is not an address: write \"::1\"_ipv6 or address_v6::parse(text)")
    ipv6_endpoint(const Text&, const Port&, TSOCK_REASON_PARAMETER("text is not an address: write \"::1\"_ipv6 or address_v6::parse(text)")) TSOCK_DELETED;
    // tsock's own, as ipv4_endpoint's (detail::name_access).
    explicit ipv6_endpoint(detail::for_overwrite_t) noexcept {}
    // The port as ipv4_endpoint's.
    constexpr ipv6_endpoint(const address_v6& address, port_number port, flowinfo_type flowinfo = 0) noexcept
        : native_(detail::any_ip_sockaddr<native_type>())
    {
        this->address(address);
        this->port(port);
        this->flowinfo(flowinfo);
    }

    constexpr address_v6 address() const noexcept
    {
        address_v6::bytes_type bytes;
        if (std::is_constant_evaluated()) {
            for (std::size_t i = 0; i != bytes.size(); ++i)
                bytes[i] = native_.sin6_addr.s6_addr[i];
        } else {
            std::memcpy(bytes.data(), &native_.sin6_addr, bytes.size());
        }
        return address_v6(bytes, static_cast<address_v6::scope_id_type>(native_.sin6_scope_id));
    }
    constexpr void address(const address_v6& a) noexcept
    {
        const auto bytes = a.to_bytes();
        if (std::is_constant_evaluated()) {
            for (std::size_t i = 0; i != bytes.size(); ++i)
                native_.sin6_addr.s6_addr[i] = bytes[i];
        } else {
            std::memcpy(&native_.sin6_addr, bytes.data(), bytes.size());
        }
        native_.sin6_scope_id = static_cast<decltype(native_.sin6_scope_id)>(a.scope_id());
    }
    constexpr port_type port() const noexcept { return ntoh(static_cast<port_type>(native_.sin6_port)); }
    constexpr void port(port_number p) noexcept
    {
        native_.sin6_port = static_cast<decltype(native_.sin6_port)>(hton(p.value()));
    }
    constexpr flowinfo_type flowinfo() const noexcept
    {
        return ntoh(static_cast<flowinfo_type>(native_.sin6_flowinfo));
    }
    constexpr void flowinfo(flowinfo_type f) noexcept
    {
        native_.sin6_flowinfo = static_cast<decltype(native_.sin6_flowinfo)>(hton(f));
    }

    // "[address]:port" with an optional zone: "[::1]:80", "[fe80::1%3]:80",
    // "[fe80::1%eth0]:80" (a name needs a run-time lookup). Brackets are
    // required (error::invalid_character without them); a missing port is
    // error::empty_part, a port above 65535 error::part_out_of_range. The
    // text has no flow info: it is 0. Throws std::system_error saying what
    // and where.
    static constexpr ipv6_endpoint parse(std::string_view text)
    {
        return detail::parse_or_throw<ipv6_endpoint>(
            "IPv6 endpoint", text, detail::parse_v6_endpoint, from_value, detail::v6_endpoint_text_fault<detail::parse_result<detail::v6_endpoint_value>>);
    }
    // As parse(text); on failure sets ec and returns [::]:0.
    static ipv6_endpoint parse(std::string_view text, std::error_code& ec) noexcept
    {
        return detail::parse_or_set<ipv6_endpoint>(text, ec, detail::parse_v6_endpoint, from_value);
    }
    // As parse(text); empty on failure.
    static constexpr std::optional<ipv6_endpoint> try_parse(std::string_view text) noexcept
    {
        return detail::parse_or_empty<ipv6_endpoint>(text, detail::parse_v6_endpoint, from_value);
    }

    // "[::1]:80", "[fe80::1%3]:80" (the zone as a number), held by value
    // (constexpr). The flow info has no text form and is left out.
    constexpr detail::fixed_text<max_string_length> format() const noexcept
    {
        detail::fixed_text<max_string_length> text;
        const address_v6 a = address();
        char* out = text.data();
        *out++ = '[';
        out = detail::format_v6(out, a.to_bytes(), a.scope_id());
        *out++ = ']';
        *out++ = ':';
        out = detail::write_decimal(out, port());
        text.resize(std::size_t(out - text.data()));
        return text;
    }
    // Writes format() to [first, last); errc::value_too_large (and nothing
    // written) when it does not fit.
    constexpr std::to_chars_result to_chars(char* first, char* last) const noexcept
    {
        return detail::copy_text(format(), first, last);
    }
    std::string to_string() const { return std::string(format().view()); }

    // The sockaddr_in6 for bind, connect, sendto: port, flow info and address
    // in network order, sin6_scope_id the scope id. (The endpoint is held as
    // this sockaddr_in6, as ipv4_endpoint holds its sockaddr_in.)
    native_type to_native() const noexcept { return native_; }
    // sizeof(sockaddr_in6), the length argument that goes with to_native().
    constexpr ::socklen_t native_size() const noexcept { return static_cast<::socklen_t>(sizeof(native_type)); }

    // From what getsockname, getpeername, accept or recvfrom filled in: length
    // is how many bytes at sa are valid, and nothing past them is read. Sets
    // ec to error::bad_endpoint (and returns [::]:0) when sa is not AF_INET6
    // or length does not cover a whole sockaddr_in6.
    static ipv6_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        ipv6_endpoint e;
        detail::set_endpoint_error(ec, detail::read_ip_sockaddr(e.native_, sa, length));
        return e;
    }
    // As from_native(sa, length, ec); throws std::system_error instead.
    static ipv6_endpoint from_native(const ::sockaddr* sa, ::socklen_t length)
    {
        std::error_code ec;
        const auto e = from_native(sa, length, ec);
        if (ec)
            detail::throw_bad_endpoint("tsock::ipv6_endpoint::from_native", "an IPv6 endpoint (AF_INET6)", sa, length);
        return e;
    }

    // Address (bytes, then scope id) first, then port, then flow info.
    friend constexpr std::strong_ordering operator<=>(const ipv6_endpoint& a, const ipv6_endpoint& b) noexcept
    {
        if (const auto c = a.address() <=> b.address(); c != 0)
            return c;
        if (const auto c = a.port() <=> b.port(); c != 0)
            return c;
        return a.flowinfo() <=> b.flowinfo();
    }
    // The same address, scope id, port and flow info (compared in network
    // order: no conversion).
    friend constexpr bool operator==(const ipv6_endpoint& a, const ipv6_endpoint& b) noexcept
    {
        const native_type& x = a.native_;
        const native_type& y = b.native_;
        return x.sin6_port == y.sin6_port && x.sin6_scope_id == y.sin6_scope_id &&
               x.sin6_flowinfo == y.sin6_flowinfo && same_bytes(x.sin6_addr, y.sin6_addr);
    }

private:
    friend struct detail::held_name_access<ipv6_endpoint>;

    static constexpr ipv6_endpoint from_value(const detail::v6_endpoint_value& v) noexcept
    {
        return ipv6_endpoint(address_v6(v.address.bytes, v.address.scope), v.port);
    }

    static constexpr bool same_bytes(const ::in6_addr& x, const ::in6_addr& y) noexcept
    {
        if (!std::is_constant_evaluated())
            return std::memcmp(&x, &y, sizeof x) == 0;
        for (std::size_t i = 0; i != sizeof x; ++i)
            if (x.s6_addr[i] != y.s6_addr[i])
                return false;
        return true;
    }

    // Port, flow info and address in network order, as the system takes them.
    native_type native_;
};

namespace detail {
// sendto, recvfrom and accept use an ipv6_endpoint's own sockaddr_in6.
template <>
struct name_access<ipv6_endpoint> : held_name_access<ipv6_endpoint> {};
} // namespace detail

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const ipv4_endpoint& e)
{
    const auto text = e.format();
    for (char c : text.view())
        os << os.widen(c);
    return os;
}

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const ipv6_endpoint& e)
{
    const auto text = e.format();
    for (char c : text.view())
        os << os.widen(c);
    return os;
}

} // namespace tsock

template <> struct std::hash<tsock::ipv4_endpoint> {
    std::size_t operator()(const tsock::ipv4_endpoint& e) const noexcept
    {
        return tsock::detail::hash_mix(std::hash<tsock::address_v4>()(e.address()), e.port());
    }
};

template <> struct std::hash<tsock::ipv6_endpoint> {
    std::size_t operator()(const tsock::ipv6_endpoint& e) const noexcept
    {
        const std::size_t h = tsock::detail::hash_mix(std::hash<tsock::address_v6>()(e.address()), e.port());
        return tsock::detail::hash_mix(h, e.flowinfo());
    }
};

#endif // TSOCK_IP_ENDPOINT_HPP
