// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP

// Winsock has SO_EXCLUSIVEADDRUSE, none of the POSIX and Linux options below
// (as tsock offers them: no SO_REUSEPORT, SO_RCVLOWAT, TCP_KEEPIDLE and
// friends).

#include <tsock/detail/no_linux_options.hpp>
#include <tsock/detail/option_storage.hpp>
#include <tsock/detail/platform.hpp>

#include <cstdint>
#include <string>
#include <string_view>

namespace tsock::detail {

// The options not every platform has (see platform_option_name and
// detail/posix/platform_options.hpp); the Linux ones are in
// no_linux_options.hpp.
inline constexpr platform_option_name so_exclusiveaddruse{SO_EXCLUSIVEADDRUSE, true};
inline constexpr platform_option_name so_reuseport{};
inline constexpr platform_option_name so_rcvlowat{};
inline constexpr platform_option_name so_sndlowat{};
inline constexpr platform_option_name tcp_keepidle{};
inline constexpr platform_option_name tcp_keepintvl{};
inline constexpr platform_option_name tcp_keepcnt{};
// Winsock has these, but tsock has no recv_msg there (WSARecvMsg) to read
// the control messages they switch on.
inline constexpr platform_option_name ip_pktinfo{};
inline constexpr platform_option_name ip_recvttl{};
inline constexpr platform_option_name ip_recvtos{};
inline constexpr platform_option_name ipv6_recvpktinfo{};
inline constexpr platform_option_name ipv6_recvhoplimit{};
inline constexpr platform_option_name ipv6_recvtclass{};

// Stand-ins for the types of the credentials SO_PEERCRED reports, and for
// Linux's ucred (SO_PEERCRED is not available here).
using process_id = int;
using user_id = unsigned;
using group_id = unsigned;
struct peer_credentials_native {
    process_id pid;
    user_id uid;
    group_id gid;
};

// SO_SNDLOWAT is not available here; its access is the POSIX one.
inline constexpr option_access send_low_watermark_access = option_access::get_set;

// IPv4's sending interface by index (see detail/posix/platform_options.hpp):
// IP_MULTICAST_IF takes an index where its DWORD, in network order, is in
// 0.0.0.0/8 (0.0.0.0 itself meaning "by route"); so an index of 2^24 or more
// cannot be given, and throws std::system_error(std::errc::invalid_argument).
inline constexpr platform_option_name ip_multicast_if_index{IP_MULTICAST_IF, true};
using ipv4_multicast_index_native = DWORD;
inline DWORD ipv4_multicast_index(std::uint32_t index, std::string_view option)
{
    if (index >= (1u << 24))
        throw_bad_option(option, "interface index " + std::to_string(index) + " is too large");
    return ::htonl(index);
}
inline std::uint32_t ipv4_multicast_index_value(DWORD m) noexcept { return ::ntohl(m); }

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP
