// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_IF_READY_HPP
#define TSOCK_IF_READY_HPP

// if_ready<T>: what a non_blocking socket's call returns. A T when the call
// was done, or nothing when it would have had to wait (Python's
// BlockingIOError, here a normal outcome, not an error). In the
// std::error_code forms a failed call returns one that is neither (ec says
// why): an empty if_ready never reads as "peer closed" or "sent 0".
//
// It does not compare with numbers: `if (s.recv(buf) < 1)` would take
// "would block" for "peer closed". Test it first, then use *result.

#include <tsock/detail/refuse.hpp>
#include <tsock/detail/throw_exception.hpp>

#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock {

namespace detail {
struct ready_results;
}

template <class T>
class [[nodiscard]] if_ready {
    static_assert(std::is_default_constructible_v<T> && std::is_move_constructible_v<T>,
                  "if_ready<T> holds a default-constructible, movable T");

    enum class state : unsigned char { ready, blocked, failed };

public:
    using value_type = T;

    // A call that was done, with its value.
    constexpr if_ready(T value) noexcept(std::is_nothrow_move_constructible_v<T>) // NOLINT(google-explicit-constructor)
        : value_(std::move(value))
    {
    }

    // Was the call done? (false: it would block, or it failed.)
    constexpr bool has_value() const noexcept { return state_ == state::ready; }
    constexpr explicit operator bool() const noexcept { return has_value(); }
    // Did the call find the socket not ready (EAGAIN, EWOULDBLOCK)?
    constexpr bool would_block() const noexcept { return state_ == state::blocked; }
    // Did it fail (only in the std::error_code forms, which set ec)?
    constexpr bool failed() const noexcept { return state_ == state::failed; }

    // The value; only when has_value() (checked with an assertion in debug
    // builds, as std::optional's).
    constexpr T& operator*() & noexcept { return value_; }
    constexpr const T& operator*() const& noexcept { return value_; }
    constexpr T&& operator*() && noexcept { return std::move(value_); }
    constexpr T* operator->() noexcept { return &value_; }
    constexpr const T* operator->() const noexcept { return &value_; }

    // The value, or std::system_error(std::errc::operation_would_block)
    // when there is none.
    constexpr T& value() &
    {
        check();
        return value_;
    }
    constexpr const T& value() const&
    {
        check();
        return value_;
    }
    constexpr T&& value() &&
    {
        check();
        return std::move(value_);
    }
    template <class U>
    constexpr T value_or(U&& other) const&
    {
        return has_value() ? value_ : static_cast<T>(std::forward<U>(other));
    }

    // An error here means a non-blocking result was compared: it may be
    // empty (would block), which no number stands for. Test it, then *result.
    template <class U>
    friend TSOCK_REFUSED("a non-blocking result may be empty (would block): test it, then compare *result")
    operator==(const if_ready&, const U&) TSOCK_DELETED;
    template <class U>
    friend TSOCK_REFUSED("a non-blocking result may be empty (would block): test it, then compare *result")
    operator<=>(const if_ready&, const U&) TSOCK_DELETED;

    // An error here means a non-blocking result was used as its number (a
    // size_t, say): it may be empty (would block). Test it, then *result.
    template <class U, detail::reason_text Why = "a non-blocking result may be empty (would block): test it, then use *result">
        requires(std::is_arithmetic_v<U> && !std::is_same_v<U, bool>)
    TSOCK_REFUSED_CONSTRUCTOR("a non-blocking result may be empty (would block): test it, then use *result")
    operator U() const TSOCK_DELETED;

private:
    friend struct detail::ready_results;

    constexpr explicit if_ready(state s) noexcept : state_(s) {}
    static constexpr if_ready blocked() noexcept { return if_ready(state::blocked); }
    static constexpr if_ready failure() noexcept { return if_ready(state::failed); }

    constexpr void check() const
    {
        if (!has_value())
            detail::throw_exception(std::system_error(std::make_error_code(std::errc::operation_would_block),
                                                      "tsock: if_ready::value() of a call that was not done"));
    }

    T value_{};
    state state_ = state::ready;
};

} // namespace tsock

#endif // TSOCK_IF_READY_HPP
