// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_PLATFORM_HPP
#define TSOCK_DETAIL_WINDOWS_PLATFORM_HPP

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

#include <cstddef>
#include <cstdint>

namespace tsock::detail {

// Longest interface name, terminating NUL included.
inline constexpr std::size_t interface_name_size = IF_MAX_STRING_SIZE + 1;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_PLATFORM_HPP
