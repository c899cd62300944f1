// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_ENDPOINT_HPP
#define TSOCK_ENDPOINT_HPP

// The endpoint concept: what a socket's address type provides, tsock's own
// (ipv4_endpoint, ipv6_endpoint, inet_endpoint, local_endpoint) and a user
// family's (example/netlink_family.cpp). The family of a socket made for an
// endpoint comes from the endpoint's family_type: no list to extend.

#include <tsock/detail/platform.hpp>

#include <concepts>
#include <system_error>
#include <type_traits>

namespace tsock {

// Is E an endpoint? (a regular value with its family policy, its AF_*
// value, and the sockaddr contract: to_native() gives a native_type of
// native_size() bytes to pass to bind/connect/sendto, and from_native(sa,
// length, ec) reads what accept/recvfrom/getsockname wrote, never past
// length, setting ec when it is not of this family.)
template <class E>
concept endpoint =
    std::regular<E> && requires(const E& e, const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) {
        typename E::family_type;
        typename E::native_type;
        { e.family() } -> std::convertible_to<int>;
        { e.to_native() } -> std::same_as<typename E::native_type>;
        { e.native_size() } -> std::convertible_to<::socklen_t>;
        { E::from_native(sa, length, ec) } -> std::same_as<E>;
    };

// The family policy of an endpoint type (ipv4 for ipv4_endpoint ...).
template <class E>
using family_of_t = typename std::remove_cvref_t<E>::family_type;

namespace detail {

// The tag of an endpoint's constructor that leaves its storage for a system
// call to fill in.
struct for_overwrite_t {
    explicit for_overwrite_t() = default;
};
inline constexpr for_overwrite_t for_overwrite{};

// How sendto, recvfrom and accept reach an endpoint's name. An endpoint that
// holds its sockaddr (ipv4_endpoint) has a constructor E(for_overwrite)
// that leaves it for the system to fill in, and specializes this with
// in_place = true, name(e) (its sockaddr, const and not) and adopt(e,
// length) (is what the system wrote, length bytes, one of its values? false:
// the endpoint is not to be read). Every other endpoint goes through
// to_native() and from_native(), or, where name_access<E> has it,
// read(e, sa, length): from_native's work into e, E's default, with no
// std::error_code built (error{}, or why sa is not one of E's names: e then
// stays as it was). tsock's endpoints have it; a user's needs only from_native.
template <class E>
struct name_access {
    static constexpr bool in_place = false;
};

// name_access for an endpoint E not held in place whose private static
// read_native(e, sa, length) is read (inet_endpoint, local_endpoint; E
// befriends it).
template <class E>
struct read_native_access {
    static constexpr bool in_place = false;
    static auto read(E& e, const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        return E::read_native(e, sa, length);
    }
};

} // namespace detail

} // namespace tsock

#endif // TSOCK_ENDPOINT_HPP
