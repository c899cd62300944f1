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
#include <string_view>

namespace tsock::detail {

// Longest interface name, terminating NUL included (IF_NAMESIZE).
inline constexpr std::size_t interface_name_size = IF_NAMESIZE;

// if_nametoindex for a name that is known to be shorter than
// interface_name_size and free of NULs; 0 when there is no such interface.
inline std::uint32_t interface_index(std::string_view name) noexcept
{
    char buffer[interface_name_size] = {};
    for (std::size_t i = 0; i != name.size(); ++i)
        buffer[i] = name[i];
    return ::if_nametoindex(buffer);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_PLATFORM_HPP
