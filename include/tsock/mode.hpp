// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_MODE_HPP
#define TSOCK_MODE_HPP

// Blocking mode policies: how a socket's operations wait, and what they
// return. The behaviour lives here, not in the sockets:
//   blocking      calls wait as long as needed; EINTR is retried inside
//                 tsock; results are plain values
//   non_blocking  calls never wait; results are if_ready<T>, empty when the
//                 call would block (never an error, never a number)
//   timeout       Python's settimeout: the descriptor is non-blocking, and a
//                 call that would block waits with poll() for what is left of
//                 its deadline (one per call, fixed at its first wait), then
//                 fails with tsock::error::timed_out; results are plain values
//
// A mode of your own is a copyable type with what blocking_mode asks for
// (see the concept below): a socket runs each call as
//     call c = mode.begin(s);                      // s: 0 or why not to start
//     do s = the system call; while (s && mode.wait(c, handle, events, s));
// (wait may update c: the timeout mode fixes its deadline on its first wait;
// wait and deadline may be static, as the blocking mode's are)
//     return M::finish(value, s, ec);              // or finish_or_throw
// and opens its descriptor non-blocking when M::nonblocking_handle.

#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/if_ready.hpp>

#include <concepts>
#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock {

// A socket's native handle (int on POSIX, SOCKET on Windows).
using native_handle_type = detail::native_handle_type;
// How a system call ended, as a mode sees it: 0 for success, a system error
// value (errno, WSAGetLastError()), or a tsock::error negated.
using call_status = detail::status;

// The mode of a socket that is not open (a default-constructed socket): a
// mode that holds state and has no default constructor takes this tag.
struct closed_socket_t {
    explicit closed_socket_t() = default;
};
inline constexpr closed_socket_t closed_socket{};

namespace detail {

// The waiting modes' results: the value itself. A failed call returns T{}
// with ec set, or throws.
struct value_results {
    template <class T>
    using result = T;

    template <class T>
    TSOCK_ALWAYS_INLINE static T finish(T value, status s, std::error_code& ec) noexcept
    {
        if (s) [[unlikely]] {
            ec = to_error_code(s);
            return T{};
        }
        clear_error(ec);
        return value;
    }
    template <class T>
    TSOCK_ALWAYS_INLINE static T finish_or_throw(T value, status s, const char* what)
    {
        if (s) [[unlikely]]
            throw_status(s, what);
        return value;
    }
};

// The non-blocking mode's results: if_ready<T>, empty when the call would
// block; a real error sets ec (and the result is empty and failed()), or
// throws.
struct ready_results {
    template <class T>
    using result = if_ready<T>;

    template <class T>
    static if_ready<T> finish(T value, status s, std::error_code& ec) noexcept
    {
        if (s) [[unlikely]] {
            if (would_block(s)) {
                clear_error(ec);
                return if_ready<T>::blocked();
            }
            ec = to_error_code(s);
            return if_ready<T>::failure();
        }
        clear_error(ec);
        return if_ready<T>(std::move(value));
    }
    template <class T>
    static if_ready<T> finish_or_throw(T value, status s, const char* what)
    {
        if (s) [[unlikely]] {
            if (would_block(s))
                return if_ready<T>::blocked();
            throw_status(s, what);
        }
        return if_ready<T>(std::move(value));
    }
};

// from + d, saturating: a duration beyond the clock's range is no deadline
// (time_point::max(), which the waits read as "no limit").
inline std::chrono::steady_clock::time_point time_after(std::chrono::steady_clock::time_point from,
                                                        std::chrono::nanoseconds d) noexcept
{
    using time_point = std::chrono::steady_clock::time_point;
    if (d >= time_point::max() - from)
        return time_point::max();
    return from + std::chrono::duration_cast<std::chrono::steady_clock::duration>(d);
}
inline std::chrono::steady_clock::time_point deadline_after(std::chrono::nanoseconds d) noexcept
{
    return time_after(std::chrono::steady_clock::now(), d);
}

// Any std::chrono duration as nanoseconds, saturating instead of
// overflowing (hours::max() is nanoseconds::max(): no deadline); a NaN is
// negative, and so refused like one.
template <class Rep, class Period>
constexpr std::chrono::nanoseconds to_nanoseconds(std::chrono::duration<Rep, Period> d) noexcept
{
    using ns = std::chrono::nanoseconds;
    const long double v = static_cast<long double>(d.count()) * Period::num * 1000000000.0L / Period::den;
    if (!(v == v)) // NaN
        return ns(-1);
    if (v >= static_cast<long double>(ns::max().count()))
        return ns::max();
    if (v <= static_cast<long double>(ns::min().count()))
        return ns::min();
    if constexpr (std::is_floating_point_v<Rep>)
        return ns(static_cast<ns::rep>(v));
    else
        return std::chrono::duration_cast<ns>(d);
}

} // namespace detail

// Calls wait as long as they must; the descriptor blocks.
struct blocking : detail::value_results {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = false;

    struct call {};
    constexpr call begin(call_status&) const noexcept { return {}; }
    // A blocking descriptor only says "would block" when the user set
    // SO_RCVTIMEO/SO_SNDTIMEO: that is the call's error.
    static constexpr bool wait(call, native_handle_type, short, call_status&) noexcept { return false; }
    // Until when a call that must wait (connect) may: no limit.
    static constexpr std::chrono::steady_clock::time_point deadline(call) noexcept
    {
        return std::chrono::steady_clock::time_point::max();
    }
    friend constexpr bool operator==(blocking, blocking) noexcept { return true; }
};

// Calls never wait: "would block" is an empty if_ready (or, for connect,
// connect_status::in_progress).
struct non_blocking : detail::ready_results {
    static constexpr bool waits = false;
    static constexpr bool nonblocking_handle = true;

    struct call {};
    constexpr call begin(call_status&) const noexcept { return {}; }
    static constexpr bool wait(call, native_handle_type, short, call_status&) noexcept { return false; }
    // Never waits.
    static constexpr std::chrono::steady_clock::time_point deadline(call) noexcept
    {
        return std::chrono::steady_clock::time_point::min();
    }
    friend constexpr bool operator==(non_blocking, non_blocking) noexcept { return true; }
};

// Python's settimeout(t): each call (send_all, recv_exact, connect and
// accept included) has one deadline, t after it first has to wait (the
// first attempt is the system call itself; the clock is read only when it
// would block), and fails with tsock::error::timed_out when it passes. Any std::chrono duration, integer
// or floating: zero fails at once whatever would wait, a duration too large
// for nanoseconds (hours::max()) means no deadline, and a negative one
// (nanoseconds::min() too) makes every call fail with
// tsock::error::negative_duration. There is no default: say how long.
class timeout : public detail::value_results {
public:
    using duration = std::chrono::nanoseconds;
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = true;

    template <class Rep, class Period>
    constexpr timeout(std::chrono::duration<Rep, Period> d) noexcept // NOLINT(google-explicit-constructor)
        : value_(detail::to_nanoseconds(d))
    {
    }
    // The mode of a socket that is not open.
    constexpr explicit timeout(closed_socket_t) noexcept {}

    // An error here means a number was given for a timeout: say its unit
    // with std::chrono (2s, 500ms, std::chrono::seconds(2)).
    template <class T>
        requires std::is_arithmetic_v<T>
    TSOCK_REFUSED_CONSTRUCTOR("a timeout is a std::chrono duration: write 2s or std::chrono::milliseconds(500)")
    timeout(T, TSOCK_REASON_PARAMETER("a timeout is a std::chrono duration: write 2s or std::chrono::milliseconds(500)")) TSOCK_DELETED;

    // Python's gettimeout.
    constexpr duration value() const noexcept { return value_; }

    // A call's state: its deadline, fixed when the call first has to wait.
    // The clock is read then, not when the call starts: a call that never
    // waits (its data was there) reads no clock, as a C programmer's loop
    // reads none until poll() needs a timeout. (The system calls made
    // before that first wait did not block: their time is not counted.)
    struct call {
        std::chrono::steady_clock::time_point deadline = not_started();
    };
    call begin(call_status& s) const noexcept
    {
        if (value_ < duration::zero()) [[unlikely]]
            s = detail::status_of(error::negative_duration);
        return {};
    }
    // Would block: on the call's first wait, fixes its deadline (now + the
    // duration); waits for what is left of it, then tells the call to try
    // again (true) or why not (false, s: timed_out or poll's).
    bool wait(call& c, native_handle_type h, short events, call_status& s) const noexcept
    {
        if (!detail::would_block(s))
            return false;
        if (c.deadline == not_started())
            c.deadline = detail::deadline_after(value_);
        s = detail::wait_ready(h, events, c.deadline);
        return s == 0;
    }
    // The deadline of a call about to wait in one piece (connect): fixed by
    // an earlier wait, or the duration from now.
    std::chrono::steady_clock::time_point deadline(const call& c) const noexcept
    {
        return c.deadline == not_started() ? detail::deadline_after(value_) : c.deadline;
    }

    friend constexpr bool operator==(timeout a, timeout b) noexcept { return a.value_ == b.value_; }

private:
    // A call's deadline before its first wait (no clock reads that early).
    static constexpr std::chrono::steady_clock::time_point not_started() noexcept
    {
        return std::chrono::steady_clock::time_point::min();
    }

    duration value_{};
};

// An optional limit on how long something may take (connect's overall
// timeout, Happy Eyeballs' delay): none by default, or any std::chrono
// duration, converted as the timeout mode converts it (saturating; a
// negative one is refused with error::negative_duration where it is used).
class time_limit {
public:
    constexpr time_limit() noexcept = default;
    template <class Rep, class Period>
    constexpr time_limit(std::chrono::duration<Rep, Period> d) noexcept // NOLINT(google-explicit-constructor)
        : value_(detail::to_nanoseconds(d)), set_(true)
    {
    }
    constexpr time_limit(const timeout& t) noexcept : value_(t.value()), set_(true) {} // NOLINT

    // An error here means a number was given for a duration: say its unit
    // with std::chrono (5s, 250ms, std::chrono::seconds(5)).
    template <class T>
        requires std::is_arithmetic_v<T>
    TSOCK_REFUSED_CONSTRUCTOR("a timeout or delay is a std::chrono duration: write 5s or std::chrono::seconds(5)")
    time_limit(T, TSOCK_REASON_PARAMETER("a timeout or delay is a std::chrono duration: write 5s or std::chrono::seconds(5)")) TSOCK_DELETED;

    constexpr bool has_value() const noexcept { return set_; }
    constexpr explicit operator bool() const noexcept { return set_; }
    // The duration (zero when there is none).
    constexpr std::chrono::nanoseconds value() const noexcept { return value_; }
    constexpr std::chrono::nanoseconds operator*() const noexcept { return value_; }
    constexpr bool is_negative() const noexcept { return set_ && value_ < std::chrono::nanoseconds::zero(); }

    friend constexpr bool operator==(const time_limit&, const time_limit&) noexcept = default;

private:
    std::chrono::nanoseconds value_{};
    bool set_ = false;
};

// Is M a blocking mode policy? (whether calls wait and whether the
// descriptor is non-blocking; the per-call state begin() makes, what a call
// that would block does (wait), and what calls return (finish).)
template <class M>
concept blocking_mode =
    std::copyable<M> &&
    requires(const M& m, call_status& s, typename M::call& c, native_handle_type h, short events,
             std::error_code& ec) {
        { M::waits } -> std::convertible_to<bool>;
        { M::nonblocking_handle } -> std::convertible_to<bool>;
        { m.begin(s) } -> std::same_as<typename M::call>;
        { m.wait(c, h, events, s) } -> std::same_as<bool>;
        { m.deadline(c) } -> std::same_as<std::chrono::steady_clock::time_point>;
        { M::template finish<std::size_t>(std::size_t(), s, ec) } -> std::same_as<typename M::template result<std::size_t>>;
        { M::template finish_or_throw<std::size_t>(std::size_t(), s, "") } -> std::same_as<typename M::template result<std::size_t>>;
    };

// Does M hold state a socket needs given (the timeout's duration), so that
// it has no default and factories take it?
template <class M>
concept stateful_mode = blocking_mode<M> && !std::default_initializable<M>;

static_assert(blocking_mode<blocking> && blocking_mode<non_blocking> && blocking_mode<timeout>);

namespace detail {

// The mode a socket that is not open holds.
template <class M>
constexpr M closed_mode() noexcept
{
    if constexpr (std::default_initializable<M>)
        return M{};
    else
        return M(closed_socket);
}

} // namespace detail
} // namespace tsock

#endif // TSOCK_MODE_HPP
