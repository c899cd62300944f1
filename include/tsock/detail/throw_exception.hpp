// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_THROW_EXCEPTION_HPP
#define TSOCK_DETAIL_THROW_EXCEPTION_HPP

// Every throw of tsock goes through throw_exception (placeholder: replaced
// by the no-exceptions hook).

#include <cstdio>
#include <cstdlib>

namespace tsock::detail {

template <class E>
[[noreturn]] void throw_exception(const E& e)
{
#if defined(__cpp_exceptions)
    throw e;
#else
    std::fprintf(stderr, "tsock: %s\n", e.what());
    std::abort();
#endif
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_THROW_EXCEPTION_HPP
