// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POLL_SYSTEM_HPP
#define TSOCK_DETAIL_POLL_SYSTEM_HPP

// The poller's platform parts (see detail/*/poll_system.hpp): the pollfd
// structure and its bits, which backends exist, the descriptor table and
// the wake-up channel.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/poll_system.hpp>
#else
#include <tsock/detail/posix/poll_system.hpp>
#endif

#endif // TSOCK_DETAIL_POLL_SYSTEM_HPP
