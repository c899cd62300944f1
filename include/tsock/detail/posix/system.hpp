// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_SYSTEM_HPP
#define TSOCK_DETAIL_POSIX_SYSTEM_HPP

// The system's socket headers and the constants tsock reads from them,
// with no standard library header beyond <cstddef>: what the tag headers
// (socket_type.hpp, message_flags.hpp) need. platform.hpp adds the error
// parts.

#include <tsock/config.hpp>

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>

#include <cstddef>

namespace tsock::detail {

// Longest interface name, terminating NUL included (IF_NAMESIZE).
inline constexpr std::size_t interface_name_size = IF_NAMESIZE;

// Local (AF_UNIX) sockets, and socketpair(2) for them.
inline constexpr bool has_local_sockets = true;
inline constexpr bool has_socket_pair = true;

// How shutdown() ends a connection.
inline constexpr int shut_receive = SHUT_RD;
inline constexpr int shut_send = SHUT_WR;
inline constexpr int shut_both = SHUT_RDWR;

// getaddrinfo's "see errno" code; 0 (no code is 0 but success) where there
// is none.
#if defined(EAI_SYSTEM)
inline constexpr int eai_system = EAI_SYSTEM;
#else
inline constexpr int eai_system = 0;
#endif

// The EAI codes not every system has (resolver_error's overflow, no_data,
// no_address_in_family); 0 where this one lacks the code.
#if defined(EAI_OVERFLOW)
inline constexpr int eai_overflow = EAI_OVERFLOW;
#else
inline constexpr int eai_overflow = 0;
#endif
#if defined(EAI_NODATA)
inline constexpr int eai_nodata = EAI_NODATA;
#else
inline constexpr int eai_nodata = 0;
#endif
#if defined(EAI_ADDRFAMILY)
inline constexpr int eai_addrfamily = EAI_ADDRFAMILY;
#else
inline constexpr int eai_addrfamily = 0;
#endif

// The IFF_* flags of interface_flags. IFF_LOWER_UP and IFF_DORMANT are
// <linux/if.h>'s (<net/if.h> lacks them); elsewhere they are bits that no
// system's getifaddrs sets, so that only Linux reports them.
inline constexpr unsigned iff_up = IFF_UP;
inline constexpr unsigned iff_broadcast = IFF_BROADCAST;
inline constexpr unsigned iff_debug = IFF_DEBUG;
inline constexpr unsigned iff_loopback = IFF_LOOPBACK;
inline constexpr unsigned iff_pointopoint = IFF_POINTOPOINT;
inline constexpr unsigned iff_running = IFF_RUNNING;
inline constexpr unsigned iff_noarp = IFF_NOARP;
inline constexpr unsigned iff_promisc = IFF_PROMISC;
inline constexpr unsigned iff_allmulti = IFF_ALLMULTI;
inline constexpr unsigned iff_multicast = IFF_MULTICAST;
inline constexpr unsigned iff_lower_up = BOOST_OS_LINUX ? 0x10000u : 0x40000000u;
inline constexpr unsigned iff_dormant = BOOST_OS_LINUX ? 0x20000u : 0x80000000u;

// getnameinfo's buffer sizes for the host and the service.
#if defined(NI_MAXHOST)
inline constexpr std::size_t max_host_text = NI_MAXHOST;
inline constexpr std::size_t max_service_text = NI_MAXSERV;
#else
inline constexpr std::size_t max_host_text = 1025;
inline constexpr std::size_t max_service_text = 32;
#endif

// Linux: a path may fill sun_path with no NUL, and a sun_path that starts
// with a NUL holds an abstract name (unix(7)).
inline constexpr bool local_path_fills_sun_path = BOOST_OS_LINUX != 0;
inline constexpr bool has_abstract_local_names = BOOST_OS_LINUX != 0;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_SYSTEM_HPP
