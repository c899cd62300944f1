// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_PLATFORM_HPP
#define TSOCK_DETAIL_POSIX_PLATFORM_HPP

#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netdb.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstdint>
#include <system_error>

namespace tsock::detail {

// Longest interface name, terminating NUL included (IF_NAMESIZE).
inline constexpr std::size_t interface_name_size = IF_NAMESIZE;

// Local (AF_UNIX) sockets, and socketpair(2) for them.
inline constexpr bool has_local_sockets = true;
inline constexpr bool has_socket_pair = true;

// The category of the socket calls' errors (errno values), and the
// std::error_code of one (from errno or SO_ERROR).
inline const std::error_category& socket_category() noexcept { return std::system_category(); }
inline std::error_code socket_error(int value) noexcept { return {value, std::system_category()}; }

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_PLATFORM_HPP
