// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_PLATFORM_HPP
#define TSOCK_DETAIL_POSIX_PLATFORM_HPP

#include <arpa/inet.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstddef>
#include <cstdint>

namespace tsock::detail {

// Longest interface name, terminating NUL included (IF_NAMESIZE).
inline constexpr std::size_t interface_name_size = IF_NAMESIZE;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_PLATFORM_HPP
