// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_STATUS_HPP
#define TSOCK_DETAIL_STATUS_HPP

// A call's status (detail::status: 0, a system error value, or a
// tsock::error negated) and what becomes of it: a std::error_code, built
// only when the call failed, or an exception.

#include <tsock/detail/socket_ops.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>

#include <string>
#include <system_error>

namespace tsock::detail {

constexpr status status_of(error e) noexcept { return -static_cast<int>(e); }

// The status of a std::error_code: a tsock::error's, or a system error's
// (for the conversions that report one, such as an endpoint's from_native).
inline status status_of(const std::error_code& ec) noexcept
{
    if (!ec)
        return 0;
    return ec.category() == error_category() ? status_of(static_cast<error>(ec.value())) : ec.value();
}

// The std::error_code of a system error value and of a tsock::error value,
// both out of line and cold. (Inlined, the system one is a call of
// libstdc++'s system_category(), which is declared const: GCC then hoists
// it from the failure paths of a loop of calls into the loop itself, a call
// per round on the path that never fails.)
TSOCK_COLD std::error_code system_error_code(int value) noexcept { return socket_error(value); }
TSOCK_COLD std::error_code tsock_error_code(int value) noexcept { return make_error_code(static_cast<error>(value)); }

// A failed status's std::error_code. Inlined, so that where the optimiser
// sees that only system errors arrive (their values are positive: see
// system_status), the tsock::error branch, and with it tsock's error
// category, is left out of the program.
TSOCK_ALWAYS_INLINE std::error_code to_error_code(status s) noexcept
{
    return s > 0 ? system_error_code(s) : tsock_error_code(-s);
}

// s, which can only be 0 or a system error value, and the optimiser told
// so: the tsock::error branch of the conversions below is left out where s
// comes from.
TSOCK_ALWAYS_INLINE status system_only(status s) noexcept
{
#if defined(__GNUC__) || defined(__clang__)
    if (s < 0)
        __builtin_unreachable();
#elif defined(_MSC_VER)
    __assume(s >= 0);
#endif
    return s;
}

// ec = the status's error, or cleared (only when it holds one: see clear_error).
TSOCK_ALWAYS_INLINE void set_error(std::error_code& ec, status s) noexcept
{
    if (s) [[unlikely]]
        ec = to_error_code(s);
    else
        clear_error(ec);
}

// The same for a status that can only be 0 or a system error value (the
// calls of detail/socket_ops, a mode that adds no errors of its own): no
// tsock::error branch for the optimiser to prove dead.
TSOCK_ALWAYS_INLINE void set_system_error(std::error_code& ec, status s) noexcept
{
    if (s) [[unlikely]]
        ec = system_error_code(s);
    else
        clear_error(ec);
}

// What tsock's calls throw: a std::system_error whose what() reads
// "tsock: <call>: <the error's message>" (cut at 255 bytes). Composed into
// the object with a copy loop rather than with std::string operations,
// which the standard library inlines at every throw site (about 2.5 KB of
// code), or snprintf (one more import).
class call_error final : public std::system_error {
public:
    call_error(const std::error_code& ec, const char* call) : std::system_error(ec)
    {
        std::size_t n = 0;
        for (const char* part : {"tsock: ", call, ": ", std::system_error::what()})
            for (; *part && n != sizeof text_ - 1; ++part)
                text_[n++] = *part;
        text_[n] = '\0';
    }
    const char* what() const noexcept override { return text_; }

private:
    char text_[256];
};

// Flattened: std::system_error's constructor, inlined here, calls the
// category's message() in cold code. Left out of line, it is a function of
// its own, where GCC guesses tsock's category as the likely one and links
// its message() and 40 messages into every program that throws (3.5 KB).
[[noreturn]] TSOCK_FLATTEN TSOCK_COLD void throw_error(const std::error_code& ec, const char* what)
{
#if TSOCK_NO_EXCEPTIONS
    throw_exception(call_error(ec, what));
#else
    throw call_error(ec, what); // made in place: no copy of the object to link
#endif
}

inline void throw_if(const std::error_code& ec, const char* what)
{
    if (ec) [[unlikely]]
        throw_error(ec, what);
}

// One out-of-line thrower per kind of error, so that a call site that can
// only fail with a system error (see to_error_code) references only the
// first: the throw site is a call with two arguments.
[[noreturn]] TSOCK_COLD void throw_system_error(int value, const char* what) { throw_error(socket_error(value), what); }
[[noreturn]] TSOCK_COLD void throw_tsock_error(int value, const char* what)
{
    throw_error(make_error_code(static_cast<error>(value)), what);
}

// Throws a failed status's error.
[[noreturn]] TSOCK_ALWAYS_INLINE void throw_status(status s, const char* what)
{
    if (s > 0)
        throw_system_error(s, what);
    throw_tsock_error(-s, what);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_STATUS_HPP
