// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_FAMILY_HPP
#define TSOCK_FAMILY_HPP

// Address family policies: tag types naming an AF_* constant, the endpoint
// (and, for IP, address) type that goes with it, and which socket types it
// has. They type inet_pton/inet_ntop and every socket.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/socket_type.hpp>

#include <concepts>
#include <string_view>

namespace tsock {

class ipv4_endpoint;
class ipv6_endpoint;
class inet_endpoint;
class local_endpoint;

namespace detail {
// The IP families have stream, datagram and raw sockets; SOCK_SEQPACKET
// over IP is SCTP, which tsock does not offer.
template <class Type>
inline constexpr bool ip_supports = Type::value == SOCK_STREAM || Type::value == SOCK_DGRAM || Type::value == SOCK_RAW;
} // namespace detail

// IPv4 (AF_INET).
struct ipv4 {
    using address_type = address_v4;
    using endpoint_type = ipv4_endpoint;
    static constexpr int domain = AF_INET;
    static constexpr bool is_ip = true;
    static constexpr std::string_view name = "ipv4";
    template <class Type>
    static constexpr bool supports = detail::ip_supports<Type>;
};

// IPv6 (AF_INET6).
struct ipv6 {
    using address_type = address_v6;
    using endpoint_type = ipv6_endpoint;
    static constexpr int domain = AF_INET6;
    static constexpr bool is_ip = true;
    static constexpr std::string_view name = "ipv6";
    template <class Type>
    static constexpr bool supports = detail::ip_supports<Type>;
};

// IPv4 or IPv6, decided at run time by the endpoint a socket is opened for:
// the dual-stack escape hatch. It has no fixed domain: can_be tells which
// AF_* values its sockets may have.
struct inet {
    using endpoint_type = inet_endpoint;
    static constexpr bool can_be(int domain) noexcept { return domain == AF_INET || domain == AF_INET6; }
    static constexpr bool is_ip = true;
    static constexpr std::string_view name = "inet";
    template <class Type>
    static constexpr bool supports = detail::ip_supports<Type>;
};

// AF_UNIX (AF_LOCAL): filesystem and, on Linux, abstract names. No raw sockets.
struct local {
    using endpoint_type = local_endpoint;
    static constexpr int domain = AF_UNIX;
    static constexpr bool is_ip = false;
    static constexpr std::string_view name = "local";
    template <class Type>
    static constexpr bool supports =
        Type::value == SOCK_STREAM || Type::value == SOCK_DGRAM || Type::value == SOCK_SEQPACKET;
};

// Is F a socket family policy? (an AF_* value, or for a family decided at
// run time by its endpoint a can_be(AF_*) test; an endpoint type, whether
// it is IP, and which socket types it supports.) A family of your own
// (AF_PACKET, AF_NETLINK, AF_VSOCK) is a struct with these members and an
// endpoint type that models tsock::endpoint (tsock/endpoint.hpp) and names
// the family as its family_type.
template <class F>
concept socket_family = requires {
    typename F::endpoint_type;
    requires requires { { F::domain } -> std::convertible_to<int>; } ||
                 requires(int d) { { F::can_be(d) } -> std::convertible_to<bool>; };
    { F::is_ip } -> std::convertible_to<bool>;
    { F::name } -> std::convertible_to<std::string_view>;
    { F::template supports<stream> } -> std::convertible_to<bool>;
};

// Is F a family whose addresses have a text form? (an AF_* constant and an
// address type that parses and formats.)
template <class F>
concept address_family = requires(std::string_view text, const typename F::address_type& a) {
    { F::domain } -> std::convertible_to<int>;
    { F::address_type::parse(text) } -> std::same_as<typename F::address_type>;
    { a.to_string() } -> std::same_as<std::string>;
};

// May a socket of family F have the AF_* value domain?
template <class F>
constexpr bool family_can_be(int domain) noexcept
{
    if constexpr (requires { F::domain; })
        return F::domain == domain;
    else
        return F::can_be(domain);
}

// The AF_* value to ask the resolver for: the family's, or AF_UNSPEC (any)
// for a family decided at run time (inet).
template <class F>
constexpr int lookup_domain() noexcept
{
    if constexpr (requires { F::domain; })
        return F::domain;
    else
        return AF_UNSPEC;
}

static_assert(address_family<ipv4> && address_family<ipv6>);
static_assert(socket_family<ipv4> && socket_family<ipv6> && socket_family<inet> && socket_family<local>);

} // namespace tsock

#endif // TSOCK_FAMILY_HPP
