// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_PLATFORM_OPTIONS_HPP

// The socket options' platform parts (option names that differ, the
// structures behind them), picked once per platform. Which options exist at
// all is options.hpp's business.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/platform_options.hpp>
#else
#include <tsock/detail/posix/platform_options.hpp>
#endif

#endif // TSOCK_DETAIL_PLATFORM_OPTIONS_HPP
