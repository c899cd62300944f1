// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_THROW_EXCEPTION_HPP
#define TSOCK_DETAIL_THROW_EXCEPTION_HPP

// The one place where tsock throws, so that tsock also compiles without
// exceptions (TSOCK_NO_EXCEPTIONS, see config.hpp), as boost::throw_exception
// does for Boost.

#include <tsock/config.hpp>

#include <exception>
#include <type_traits>

#if TSOCK_NO_EXCEPTIONS
#include <cstdio>
#include <cstdlib>
#endif

namespace tsock {

#if TSOCK_USER_EXCEPTION_HANDLER
// Yours to define, once, when TSOCK_USER_EXCEPTION_HANDLER is 1: what a
// throwing form calls instead of throwing when TSOCK_NO_EXCEPTIONS is 1. e is
// what it would have thrown (a std::system_error or a class derived from it);
// it lives only for the call. It may throw (when exceptions are on), longjmp
// or exit; if it returns, tsock calls std::abort(). A link error naming
// tsock::exception_handler means TSOCK_USER_EXCEPTION_HANDLER is 1 and no
// translation unit defines it.
void exception_handler(const std::exception& e);
#endif

namespace detail {

// Throws e. Without exceptions: hands e to tsock::exception_handler, or
// writes "tsock: exceptions are off, aborting on: <what()>" to stderr; then
// std::abort().
template <class E>
[[noreturn]] void throw_exception(const E& e)
{
    // An error here means a tsock throw site passed something that is not an
    // exception class: tsock throws only classes derived from std::exception.
    static_assert(std::is_base_of_v<std::exception, E>, "tsock throws only std::exception classes");
#if !TSOCK_NO_EXCEPTIONS
    // An error here ("exceptions disabled") means TSOCK_NO_EXCEPTIONS was
    // defined to 0 in a build with -fno-exceptions: leave it undefined.
    throw e;
#else
#if TSOCK_USER_EXCEPTION_HANDLER
    ::tsock::exception_handler(e);
#else
    std::fputs("tsock: exceptions are off, aborting on: ", stderr);
    std::fputs(e.what(), stderr);
    std::fputc('\n', stderr);
#endif
    std::abort();
#endif
}

} // namespace detail
} // namespace tsock

#endif // TSOCK_DETAIL_THROW_EXCEPTION_HPP
