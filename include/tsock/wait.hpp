// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_WAIT_HPP
#define TSOCK_WAIT_HPP

// Waiting on one socket, Python's select([s], [], [], t):
//
//   if (tsock::wait_readable(s, 2s)) ...recv will not wait...
//   tsock::wait_writable(s);                      // for ever
//   auto r = s.connect(ep);                       // non_blocking: in_progress
//   if (r == tsock::connect_status::in_progress)
//       r = tsock::complete_connect(s, 5s);       // connected, or in_progress
//                                                 // at the timeout; throws
//                                                 // when the connect failed
//
// Any socket or listener, in any mode (on a blocking socket it answers "would
// a call wait?"). Readable: data, a pending connection (listener), the end
// of the stream, or a pending error; writable: room to send, or an error.
// Timeouts are std::chrono durations: zero only looks; negative is
// error::negative_duration. A signal does not end a wait. Each returns true
// when ready and false at the timeout; the error_code forms return false
// with ec set on failure.

#include <tsock/basic_socket.hpp>
#include <tsock/concepts.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/error.hpp>
#include <tsock/mode.hpp>

#include <system_error>

namespace tsock {

namespace detail {

// The deadline a timeout gives: max() for none; s set when it is negative.
template <class Rep, class Period>
std::chrono::steady_clock::time_point wait_deadline(std::chrono::duration<Rep, Period> timeout, status& s) noexcept
{
    const auto t = to_nanoseconds(timeout);
    if (t < std::chrono::nanoseconds::zero()) [[unlikely]] {
        s = status_of(error::negative_duration);
        return {};
    }
    return deadline_after(t);
}

// 0 when ready; error::timed_out (negated) at the deadline (a deadline
// already passed looks once); or the error, s first.
inline status wait_one(native_handle_type h, short events, std::chrono::steady_clock::time_point deadline,
                       status s) noexcept
{
    return s ? s : wait_ready(h, events, deadline);
}

// true (ready), false (timed out), or throws.
inline bool ready_or_throw(status s, const char* what)
{
    if (s == status_of(error::timed_out))
        return false;
    if (s) [[unlikely]]
        throw_status(s, what);
    return true;
}
// true (ready), false (timed out, ec clear; or failed, ec set).
inline bool ready_or_error(status s, std::error_code& ec) noexcept
{
    if (s == status_of(error::timed_out)) {
        clear_error(ec);
        return false;
    }
    set_error(ec, s);
    return s == 0;
}

} // namespace detail

template <any_socket S>
bool wait_readable(const S& s)
{
    return detail::ready_or_throw(
        detail::wait_ready(s.native_handle(), POLLIN, std::chrono::steady_clock::time_point::max()), "wait_readable");
}
template <any_socket S>
bool wait_readable(const S& s, std::error_code& ec) noexcept
{
    return detail::ready_or_error(
        detail::wait_ready(s.native_handle(), POLLIN, std::chrono::steady_clock::time_point::max()), ec);
}
template <any_socket S, class Rep, class Period>
bool wait_readable(const S& s, std::chrono::duration<Rep, Period> timeout)
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    return detail::ready_or_throw(detail::wait_one(s.native_handle(), POLLIN, deadline, st), "wait_readable");
}
template <any_socket S, class Rep, class Period>
bool wait_readable(const S& s, std::chrono::duration<Rep, Period> timeout, std::error_code& ec) noexcept
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    return detail::ready_or_error(detail::wait_one(s.native_handle(), POLLIN, deadline, st), ec);
}

template <any_socket S>
bool wait_writable(const S& s)
{
    return detail::ready_or_throw(
        detail::wait_ready(s.native_handle(), POLLOUT, std::chrono::steady_clock::time_point::max()), "wait_writable");
}
template <any_socket S>
bool wait_writable(const S& s, std::error_code& ec) noexcept
{
    return detail::ready_or_error(
        detail::wait_ready(s.native_handle(), POLLOUT, std::chrono::steady_clock::time_point::max()), ec);
}
template <any_socket S, class Rep, class Period>
bool wait_writable(const S& s, std::chrono::duration<Rep, Period> timeout)
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    return detail::ready_or_throw(detail::wait_one(s.native_handle(), POLLOUT, deadline, st), "wait_writable");
}
template <any_socket S, class Rep, class Period>
bool wait_writable(const S& s, std::chrono::duration<Rep, Period> timeout, std::error_code& ec) noexcept
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    return detail::ready_or_error(detail::wait_one(s.native_handle(), POLLOUT, deadline, st), ec);
}

// An error here means a number was given for a timeout.
template <class S, class T, class... Args>
    requires std::is_arithmetic_v<T>
TSOCK_REFUSED("a wait takes a std::chrono duration: write 2s or std::chrono::milliseconds(500)")
wait_readable(const S&, T, Args&&...) TSOCK_DELETED;
template <class S, class T, class... Args>
    requires std::is_arithmetic_v<T>
TSOCK_REFUSED("a wait takes a std::chrono duration: write 2s or std::chrono::milliseconds(500)")
wait_writable(const S&, T, Args&&...) TSOCK_DELETED;

namespace detail {

// Waits for the connect under way on s to end, then reads its outcome.
template <class S>
status complete_connect_status(const S& s, std::chrono::steady_clock::time_point deadline, status st) noexcept
{
    if (st)
        return st;
    st = wait_connected(s.native_handle(), deadline);
    if (st)
        return st;
    return status_of(s.pending_error());
}

} // namespace detail

// Finishes the connect a non-blocking socket started (connect returned
// in_progress): waits until it ends or the timeout passes. connected, or
// in_progress at the timeout (call again to wait more); a failed connect
// (refused, unreachable) throws std::system_error, or, in the error_code
// form, returns failed with ec set. A socket with no connect under way is
// reported as connected when it is connected and as its error otherwise.
template <nonblocking_socket S>
    requires data_socket<S>
connect_status complete_connect(const S& s)
{
    const auto st = detail::complete_connect_status(s, std::chrono::steady_clock::time_point::max(), 0);
    if (st) [[unlikely]]
        detail::throw_status(st, "complete_connect");
    return connect_status::connected;
}
template <nonblocking_socket S, class Rep, class Period>
    requires data_socket<S>
connect_status complete_connect(const S& s, std::chrono::duration<Rep, Period> timeout)
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    st = detail::complete_connect_status(s, deadline, st);
    if (st == detail::status_of(error::timed_out))
        return connect_status::in_progress;
    if (st) [[unlikely]]
        detail::throw_status(st, "complete_connect");
    return connect_status::connected;
}
template <nonblocking_socket S>
    requires data_socket<S>
connect_status complete_connect(const S& s, std::error_code& ec) noexcept
{
    const auto st = detail::complete_connect_status(s, std::chrono::steady_clock::time_point::max(), 0);
    detail::set_error(ec, st);
    return st ? connect_status::failed : connect_status::connected;
}
template <nonblocking_socket S, class Rep, class Period>
    requires data_socket<S>
connect_status complete_connect(const S& s, std::chrono::duration<Rep, Period> timeout, std::error_code& ec) noexcept
{
    detail::status st = 0;
    const auto deadline = detail::wait_deadline(timeout, st);
    st = detail::complete_connect_status(s, deadline, st);
    if (st == detail::status_of(error::timed_out)) {
        detail::clear_error(ec);
        return connect_status::in_progress;
    }
    detail::set_error(ec, st);
    return st ? connect_status::failed : connect_status::connected;
}
// An error here means complete_connect was asked of a waiting socket, whose
// connect waits by itself.
template <class S, class... Args>
    requires(any_socket<S> && !nonblocking_socket<S>)
TSOCK_REFUSED("complete_connect finishes a non_blocking socket's connect: a blocking or timeout-mode connect "
              "already waits until it is done")
complete_connect(const S&, Args&&...) TSOCK_DELETED;

} // namespace tsock

#endif // TSOCK_WAIT_HPP
