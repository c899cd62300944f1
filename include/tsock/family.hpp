// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_FAMILY_HPP
#define TSOCK_FAMILY_HPP

// Address family policies: tag types naming an AF_* constant and the address
// type that goes with it. The socket layer adds endpoints and options to
// them; here they type inet_pton and inet_ntop.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/platform.hpp>

#include <concepts>
#include <string_view>

namespace tsock {

// IPv4 (AF_INET).
struct ipv4 {
    using address_type = address_v4;
    static constexpr int domain = AF_INET;
    static constexpr std::string_view name = "ipv4";
};

// IPv6 (AF_INET6).
struct ipv6 {
    using address_type = address_v6;
    static constexpr int domain = AF_INET6;
    static constexpr std::string_view name = "ipv6";
};

// Is F a family whose addresses have a text form? (an AF_* constant and an
// address type that parses and formats.)
template <class F>
concept address_family = requires(std::string_view text, const typename F::address_type& a) {
    { F::domain } -> std::convertible_to<int>;
    { F::address_type::parse(text) } -> std::same_as<typename F::address_type>;
    { a.to_string() } -> std::same_as<std::string>;
};

static_assert(address_family<ipv4> && address_family<ipv6>);

} // namespace tsock

#endif // TSOCK_FAMILY_HPP
