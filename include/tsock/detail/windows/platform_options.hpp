// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP

// Winsock has no TCP_KEEPIDLE and friends, and ip_mreq for memberships.

#include <tsock/detail/ip_mreq.hpp>

#endif // TSOCK_DETAIL_WINDOWS_PLATFORM_OPTIONS_HPP
