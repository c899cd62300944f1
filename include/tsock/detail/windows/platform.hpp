// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_PLATFORM_HPP
#define TSOCK_DETAIL_WINDOWS_PLATFORM_HPP

#include <tsock/detail/windows/system.hpp>
#include <tsock/detail/windows/winsock_error.hpp>

#endif // TSOCK_DETAIL_WINDOWS_PLATFORM_HPP
