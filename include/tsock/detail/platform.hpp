// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PLATFORM_HPP
#define TSOCK_DETAIL_PLATFORM_HPP

// The one place that picks the platform's socket headers. Both branches
// provide the same names in tsock::detail.
#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/platform.hpp>
#else
#include <tsock/detail/posix/platform.hpp>
#endif

#endif // TSOCK_DETAIL_PLATFORM_HPP
