// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP

#include <tsock/detail/platform.hpp>

#include <cstddef>

namespace tsock::detail {

// TCP_KEEPIDLE, which Apple calls TCP_KEEPALIVE.
#if BOOST_OS_MACOS
inline constexpr int tcp_keep_idle_name = TCP_KEEPALIVE;
#else
inline constexpr int tcp_keep_idle_name = TCP_KEEPIDLE;
#endif

// TCP_CA_NAME_MAX of the Linux kernel's include/net/tcp.h, not exported to
// user space: a congestion control name and its NUL.
inline constexpr std::size_t tcp_congestion_name_size = 16;

} // namespace tsock::detail

// IP_ADD_MEMBERSHIP's structure: ip_mreqn on Linux, with an interface index.
#if BOOST_OS_LINUX
#include <tsock/address_v4.hpp>
#include <tsock/detail/option_storage.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

namespace tsock::detail {

using ipv4_membership_native = ::ip_mreqn;

// Sets the interface of n from m (options::ip::membership): its address and
// index. Throws std::system_error(std::errc::invalid_argument), naming the
// option, for an index ip_mreqn cannot hold.
template <class Membership>
void set_membership_interface(ipv4_membership_native& n, const Membership& m, std::string_view option)
{
    n.imr_address = m.interface_address.to_in_addr();
    if (!std::in_range<decltype(n.imr_ifindex)>(m.interface_index))
        throw_bad_option(option, "interface index " + std::to_string(m.interface_index) + " is too large");
    n.imr_ifindex = static_cast<decltype(n.imr_ifindex)>(m.interface_index);
}
// The membership n holds.
template <class Membership> Membership membership_of(const ipv4_membership_native& n) noexcept
{
    return {address_v4(n.imr_multiaddr), address_v4(n.imr_address), static_cast<std::uint32_t>(n.imr_ifindex)};
}

} // namespace tsock::detail
#else
#include <tsock/detail/ip_mreq.hpp>
#endif

#endif // TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP
