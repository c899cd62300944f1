// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP

#include <tsock/detail/option_storage.hpp>
#include <tsock/detail/platform.hpp>

#include <sys/types.h>
#if BOOST_OS_LINUX
#include <netinet/udp.h> // UDP_SEGMENT, UDP_GRO
#endif

namespace tsock::detail {

// The options not every platform has (see platform_option_name), named as
// their C macros. Those of options.hpp that are Linux's are available on
// Linux only, even where another system has a macro of the same name
// (elsewhere they come from no_linux_options.hpp, at the end).
inline constexpr platform_option_name so_exclusiveaddruse{}; // Windows'
#if defined(SO_REUSEPORT)
inline constexpr platform_option_name so_reuseport{SO_REUSEPORT, true};
#else
inline constexpr platform_option_name so_reuseport{};
#endif
inline constexpr platform_option_name so_rcvlowat{SO_RCVLOWAT, true};
inline constexpr platform_option_name so_sndlowat{SO_SNDLOWAT, true};
// TCP_KEEPIDLE, which Apple calls TCP_KEEPALIVE.
#if BOOST_OS_MACOS
inline constexpr platform_option_name tcp_keepidle{TCP_KEEPALIVE, true};
#else
inline constexpr platform_option_name tcp_keepidle{TCP_KEEPIDLE, true};
#endif
inline constexpr platform_option_name tcp_keepintvl{TCP_KEEPINTVL, true};
inline constexpr platform_option_name tcp_keepcnt{TCP_KEEPCNT, true};

#if BOOST_OS_LINUX
inline constexpr platform_option_name so_domain{SO_DOMAIN, true};
inline constexpr platform_option_name so_protocol{SO_PROTOCOL, true};
inline constexpr platform_option_name so_priority{SO_PRIORITY, true};
inline constexpr platform_option_name so_mark{SO_MARK, true};
inline constexpr platform_option_name so_bindtodevice{SO_BINDTODEVICE, true};
inline constexpr platform_option_name so_peercred{SO_PEERCRED, true};
inline constexpr platform_option_name so_passcred{SO_PASSCRED, true};
inline constexpr platform_option_name tcp_user_timeout{TCP_USER_TIMEOUT, true};
inline constexpr platform_option_name tcp_cork{TCP_CORK, true};
inline constexpr platform_option_name tcp_quickack{TCP_QUICKACK, true};
inline constexpr platform_option_name tcp_fastopen{TCP_FASTOPEN, true};
inline constexpr platform_option_name tcp_fastopen_connect{TCP_FASTOPEN_CONNECT, true};
inline constexpr platform_option_name tcp_congestion{TCP_CONGESTION, true};
inline constexpr platform_option_name udp_segment{UDP_SEGMENT, true};
inline constexpr platform_option_name udp_gro{UDP_GRO, true};

// SO_PEERCRED's structure.
using peer_credentials_native = ::ucred;
#else
// A stand-in for Linux's ucred (SO_PEERCRED is not available here).
struct peer_credentials_native {
    ::pid_t pid;
    ::uid_t uid;
    ::gid_t gid;
};
#endif

// The types of the credentials SO_PEERCRED reports.
using process_id = ::pid_t;
using user_id = ::uid_t;
using group_id = ::gid_t;

// SO_SNDLOWAT: Linux fixes it at 1, so there it can be read, not set.
inline constexpr option_access send_low_watermark_access = BOOST_OS_LINUX ? option_access::get : option_access::get_set;

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
#include <tsock/detail/no_linux_options.hpp>
#endif

#endif // TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP
