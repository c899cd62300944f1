// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SOCKET_OPS_HPP
#define TSOCK_DETAIL_SOCKET_OPS_HPP

// The system calls on native handles, one thin inline function each, picked
// once per platform. The typed classes above add types, not logic.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/socket_ops.hpp>
#else
#include <tsock/detail/posix/socket_ops.hpp>
#endif

#endif // TSOCK_DETAIL_SOCKET_OPS_HPP
