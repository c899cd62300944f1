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

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

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

// The switches of the IP receive-side control messages (RFC 3542 for IPv6),
// where the system defines them: Linux has them all; the BSDs and macOS some
// (macOS names the IPv6 ones only with __APPLE_USE_RFC_3542).
#if defined(IP_PKTINFO)
inline constexpr platform_option_name ip_pktinfo{IP_PKTINFO, true};
#else
inline constexpr platform_option_name ip_pktinfo{};
#endif
// IPv4's TTL and TOS come as a pair wherever either does.
#if defined(IP_RECVTTL) && defined(IP_RECVTOS)
inline constexpr platform_option_name ip_recvttl{IP_RECVTTL, true};
inline constexpr platform_option_name ip_recvtos{IP_RECVTOS, true};
#else
inline constexpr platform_option_name ip_recvttl{};
inline constexpr platform_option_name ip_recvtos{};
#endif
// RFC 3542 brings the three together.
#if defined(IPV6_RECVPKTINFO) && defined(IPV6_RECVHOPLIMIT) && defined(IPV6_RECVTCLASS)
inline constexpr platform_option_name ipv6_recvpktinfo{IPV6_RECVPKTINFO, true};
inline constexpr platform_option_name ipv6_recvhoplimit{IPV6_RECVHOPLIMIT, true};
inline constexpr platform_option_name ipv6_recvtclass{IPV6_RECVTCLASS, true};
#else
inline constexpr platform_option_name ipv6_recvpktinfo{};
inline constexpr platform_option_name ipv6_recvhoplimit{};
inline constexpr platform_option_name ipv6_recvtclass{};
#endif

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
inline constexpr platform_option_name so_timestampns{SO_TIMESTAMPNS, true};

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

// IPv4's sending interface by index (options::ip::multicast_interface_by_index):
// IP_MULTICAST_IF with an ip_mreqn on Linux and FreeBSD, IP_MULTICAST_IFINDEX
// on macOS, none elsewhere. ipv4_multicast_index(i, option) is the native
// value for index i, or throws std::system_error(std::errc::invalid_argument)
// naming the option when the native field cannot hold i.
#if BOOST_OS_LINUX || BOOST_OS_BSD_FREE
inline constexpr platform_option_name ip_multicast_if_index{IP_MULTICAST_IF, true};
using ipv4_multicast_index_native = ::ip_mreqn;
inline ::ip_mreqn ipv4_multicast_index(std::uint32_t index, std::string_view option)
{
    ::ip_mreqn m{};
    if (!std::in_range<decltype(m.imr_ifindex)>(index))
        throw_bad_option(option, "interface index " + std::to_string(index) + " is too large");
    m.imr_ifindex = static_cast<decltype(m.imr_ifindex)>(index);
    return m;
}
inline std::uint32_t ipv4_multicast_index_value(const ::ip_mreqn& m) noexcept
{
    return static_cast<std::uint32_t>(m.imr_ifindex);
}
#else
#if BOOST_OS_MACOS
inline constexpr platform_option_name ip_multicast_if_index{IP_MULTICAST_IFINDEX, true};
#else
inline constexpr platform_option_name ip_multicast_if_index{};
#endif
using ipv4_multicast_index_native = unsigned int;
inline unsigned int ipv4_multicast_index(std::uint32_t index, std::string_view option)
{
    if (!std::in_range<unsigned int>(index))
        throw_bad_option(option, "interface index " + std::to_string(index) + " is too large");
    return static_cast<unsigned int>(index);
}
inline std::uint32_t ipv4_multicast_index_value(unsigned int m) noexcept { return static_cast<std::uint32_t>(m); }
#endif

} // namespace tsock::detail

#if !BOOST_OS_LINUX
#include <tsock/detail/no_linux_options.hpp>
#endif

#endif // TSOCK_DETAIL_POSIX_PLATFORM_OPTIONS_HPP
