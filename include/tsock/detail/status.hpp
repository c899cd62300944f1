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

#include <cstdio>
#include <string>
#include <system_error>

namespace tsock::detail {

constexpr status status_of(error e) noexcept { return -static_cast<int>(e); }

// The status of an error the ec forms of detail/socket_ops reported (the
// socket category's value, or a tsock::error's).
inline status status_of(const std::error_code& ec) noexcept
{
    if (!ec)
        return 0;
    return ec.category() == error_category() ? -ec.value() : ec.value();
}

// socket(2) as open_socket(..., ec) makes it, with a status.
inline native_handle_type open_socket(int domain, int type, int protocol, bool nonblocking, status& s) noexcept
{
    std::error_code ec;
    const auto h = open_socket(domain, type, protocol, nonblocking, ec);
    s = status_of(ec);
    return h;
}

inline std::error_code to_error_code(status s) noexcept
{
    return s < 0 ? make_error_code(static_cast<error>(-s)) : socket_error(s);
}

// ec = the status's error, or cleared (only when it holds one: see clear_error).
inline void set_error(std::error_code& ec, status s) noexcept
{
    if (s) [[unlikely]]
        ec = to_error_code(s);
    else
        clear_error(ec);
}

// What tsock's calls throw: a std::system_error whose what() reads
// "tsock: <call>: <the error's message>". Composed with one snprintf into
// the object rather than with std::string operations, which the standard
// library inlines at every throw site (about 2.5 KB of code).
class call_error final : public std::system_error {
public:
    call_error(const std::error_code& ec, const char* call) : std::system_error(ec)
    {
        std::snprintf(text_, sizeof text_, "tsock: %s: %s", call, std::system_error::what());
    }
    const char* what() const noexcept override { return text_; }

private:
    char text_[256];
};

[[noreturn]] TSOCK_COLD void throw_error(const std::error_code& ec, const char* what)
{
    throw_exception(call_error(ec, what));
}

inline void throw_if(const std::error_code& ec, const char* what)
{
    if (ec) [[unlikely]]
        throw_error(ec, what);
}

[[noreturn]] TSOCK_COLD void throw_status(status s, const char* what) { throw_error(to_error_code(s), what); }

} // namespace tsock::detail

#endif // TSOCK_DETAIL_STATUS_HPP
