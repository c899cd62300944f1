// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SOCKET_OPS_HPP
#define TSOCK_DETAIL_SOCKET_OPS_HPP

// The system calls on native handles, one thin inline function each, picked
// once per platform. The typed classes above add types, not logic. Each
// returns its status: 0, or the system's error value (status_of_result).

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/socket_ops.hpp>
#else
#include <tsock/detail/posix/socket_ops.hpp>
#endif

namespace tsock::detail {

// The calls that read the same on every platform (Winsock's options take
// char pointers, which POSIX's void pointers accept too).
inline status bind(native_handle_type h, const ::sockaddr* sa, ::socklen_t len) noexcept
{
    return status_of_result(::bind(h, sa, len));
}

inline status listen(native_handle_type h, int backlog) noexcept { return status_of_result(::listen(h, backlog)); }

// connect(2). EINTR is not retried (a second connect would say EALREADY);
// the caller treats EINTR like EINPROGRESS and waits for the outcome.
inline status connect(native_handle_type h, const ::sockaddr* sa, ::socklen_t len) noexcept
{
    return status_of_result(::connect(h, sa, len));
}

inline status shutdown(native_handle_type h, int how) noexcept { return status_of_result(::shutdown(h, how)); }

inline status local_name(native_handle_type h, ::sockaddr* sa, ::socklen_t* len) noexcept
{
    return status_of_result(::getsockname(h, sa, len));
}

inline status peer_name(native_handle_type h, ::sockaddr* sa, ::socklen_t* len) noexcept
{
    return status_of_result(::getpeername(h, sa, len));
}

inline status set_option(native_handle_type h, int level, int name, const void* value, ::socklen_t len) noexcept
{
    return status_of_result(::setsockopt(h, level, name, static_cast<const char*>(value), len));
}

inline status get_option(native_handle_type h, int level, int name, void* value, ::socklen_t* len) noexcept
{
    return status_of_result(::getsockopt(h, level, name, static_cast<char*>(value), len));
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_SOCKET_OPS_HPP
