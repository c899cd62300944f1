// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_SYSTEM_HPP
#define TSOCK_DETAIL_WINDOWS_SYSTEM_HPP

// The system's socket headers and the constants tsock reads from them (see
// detail/posix/system.hpp); platform.hpp adds the error parts.
//
// Winsock 2 must come before <windows.h>; programs that include <windows.h>
// themselves should include tsock first or define WIN32_LEAN_AND_MEAN.
#ifndef WIN32_LEAN_AND_MEAN
#define WIN32_LEAN_AND_MEAN
#endif
#ifndef NOMINMAX
#define NOMINMAX
#endif
#include <winsock2.h>
#include <ws2tcpip.h>
#include <iphlpapi.h>
#include <netioapi.h>
#include <afunix.h> // sockaddr_un, after winsock2.h (Windows 10 1803 and later)

#include <cstddef>
#include <cstdint>

namespace tsock::detail {

// Longest interface name, terminating NUL included.
inline constexpr std::size_t interface_name_size = IF_MAX_STRING_SIZE + 1;

// tsock offers no local (AF_UNIX) sockets on Windows: it has no socketpair,
// and wine no AF_UNIX to test them on.
inline constexpr bool has_local_sockets = false;
inline constexpr bool has_socket_pair = false;

// Winsock start-up. WSAStartup must come before the first socket, and
// tsock promises no boilerplate for it (no init object for the user to
// hold): the first open_socket or resolve starts Winsock 2.2 through the
// function-local static below (a C++ magic static: once, thread-safe; later
// calls cost one check). Its destructor calls WSACleanup at exit, balancing
// the count; Winsock then closes the sockets still open, and closing one of
// them afterwards fails quietly. WSAStartup nests, so a program that calls
// it too is unaffected. POSIX has nothing of the kind.
struct winsock_session {
    int result;
    winsock_session() noexcept
    {
        ::WSADATA data;
        result = ::WSAStartup(MAKEWORD(2, 2), &data);
    }
    ~winsock_session()
    {
        if (result == 0)
            ::WSACleanup();
    }
    winsock_session(const winsock_session&) = delete;
    winsock_session& operator=(const winsock_session&) = delete;
};

// 0, or WSAStartup's error.
inline int start_winsock() noexcept
{
    static const winsock_session session;
    return session.result;
}
// What getaddrinfo and the first socket need started: Winsock.
inline int start_sockets() noexcept { return start_winsock(); }

// How shutdown() ends a connection.
inline constexpr int shut_receive = SD_RECEIVE;
inline constexpr int shut_send = SD_SEND;
inline constexpr int shut_both = SD_BOTH;

// Winsock's getaddrinfo has no EAI_SYSTEM: 0 (no code is 0 but success).
inline constexpr int eai_system = 0;

// The EAI codes not every system has (resolver_error's overflow, no_data,
// no_address_in_family); 0 where Winsock lacks the code.
inline constexpr int eai_overflow = 0;
inline constexpr int eai_nodata = EAI_NODATA;
inline constexpr int eai_addrfamily = 0;

// The flags of interface_flags. Windows has no IFF_* flags: Linux's values
// stand in, a distinct bit each, and detail/windows/interfaces.hpp derives
// some of them from what GetAdaptersAddresses says of an adapter.
inline constexpr unsigned iff_up = 0x1;
inline constexpr unsigned iff_broadcast = 0x2;
inline constexpr unsigned iff_debug = 0x4;
inline constexpr unsigned iff_loopback = 0x8;
inline constexpr unsigned iff_pointopoint = 0x10;
inline constexpr unsigned iff_running = 0x40;
inline constexpr unsigned iff_noarp = 0x80;
inline constexpr unsigned iff_promisc = 0x100;
inline constexpr unsigned iff_allmulti = 0x200;
inline constexpr unsigned iff_multicast = 0x1000;
inline constexpr unsigned iff_lower_up = 0x10000;
inline constexpr unsigned iff_dormant = 0x20000;

// getnameinfo's buffer sizes for the host and the service.
inline constexpr std::size_t max_host_text = NI_MAXHOST;
inline constexpr std::size_t max_service_text = NI_MAXSERV;

// No path fills sun_path, and no abstract names (Linux only).
inline constexpr bool local_path_fills_sun_path = false;
inline constexpr bool has_abstract_local_names = false;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_SYSTEM_HPP
