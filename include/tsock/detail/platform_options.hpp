// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PLATFORM_OPTIONS_HPP
#define TSOCK_DETAIL_PLATFORM_OPTIONS_HPP

// The socket options' platform parts (option names that differ or are
// missing, the structures behind them), picked once per platform. Every
// option of options.hpp exists on every platform; its available says whether
// the platform has it, from the platform_option_name here.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/platform_options.hpp>
#else
#include <tsock/detail/posix/platform_options.hpp>
#endif

#include <cstddef>

namespace tsock::detail {

// TCP_CA_NAME_MAX of the Linux kernel's include/net/tcp.h, not exported to
// user space: a congestion control name and its NUL (TCP_CONGESTION is
// Linux's: elsewhere this only sizes the unavailable option).
inline constexpr std::size_t tcp_congestion_name_size = 16;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_PLATFORM_OPTIONS_HPP
