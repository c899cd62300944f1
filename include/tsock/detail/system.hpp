// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SYSTEM_HPP
#define TSOCK_DETAIL_SYSTEM_HPP

// The platform's socket headers and plain constants, without the standard
// library's error and string headers (detail/platform.hpp adds those): the
// one include of the tag headers.
#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/system.hpp>
#else
#include <tsock/detail/posix/system.hpp>
#endif

#endif // TSOCK_DETAIL_SYSTEM_HPP
