// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POLL_BACKENDS_HPP
#define TSOCK_DETAIL_POLL_BACKENDS_HPP

// The poller's backends this platform has: poll(2) or WSAPoll everywhere,
// epoll on Linux, kqueue on BSD and macOS. A backend the platform lacks is
// missing_poller, which basic_poller refuses with a static_assert.

#include <tsock/config.hpp>
#include <tsock/detail/poll_array_poller.hpp>

#if BOOST_OS_LINUX
#include <tsock/detail/posix/epoll_poller.hpp>
#elif BOOST_OS_MACOS || BOOST_OS_BSD
#include <tsock/detail/posix/kqueue_poller.hpp>
#endif

namespace tsock::detail {

struct missing_poller {
    static constexpr bool has_edge = false;
    static constexpr bool has_one_shot = false;
};

#if BOOST_OS_LINUX
using epoll_impl = epoll_poller;
#else
using epoll_impl = missing_poller;
#endif
#if BOOST_OS_MACOS || BOOST_OS_BSD
using kqueue_impl = kqueue_poller;
#else
using kqueue_impl = missing_poller;
#endif
#if BOOST_OS_WINDOWS
using poll_impl = missing_poller;
using wsapoll_impl = poll_array_poller;
#else
using poll_impl = poll_array_poller;
using wsapoll_impl = missing_poller;
#endif

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POLL_BACKENDS_HPP
