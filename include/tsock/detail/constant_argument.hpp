// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_CONSTANT_ARGUMENT_HPP
#define TSOCK_DETAIL_CONSTANT_ARGUMENT_HPP

// Parameters that take "exactly a T, or a constant checked while compiling"
// (htons's argument, a port): a consteval constructor template taking
// `const I& v`. Overload resolution cannot tell a constant from a run-time
// value, but the constructor can while it runs: TSOCK_IS_CONSTANT(v) is
// false when v names a run-time variable (binding the reference reads
// nothing). Calling a non-constexpr function there is the compile error, and
// that function's name says what is wrong: g++ puts it on its first error
// line. Clang's first error line names the consteval constructor instead;
// TSOCK_ERROR_IF puts the reason there (clang evaluates the condition with
// the call's arguments; no attribute elsewhere).
//
// A run-time value that is not a plain variable (port + 1, f()) fails with
// g++ before the constructor runs: "the value of 'port' is not usable in a
// constant expression".

#include <tsock/config.hpp>

#if BOOST_COMP_GNUC || BOOST_COMP_CLANG
#define TSOCK_IS_CONSTANT(v) __builtin_constant_p(v)
#else
#define TSOCK_IS_CONSTANT(v) true // the compiler's own "not a constant expression" then
#endif

#if BOOST_COMP_CLANG
// -Wgcc-compat (in -Wpedantic) would call diagnose_if a clang extension.
#define TSOCK_ERROR_IF(condition, message)                                                                            \
    _Pragma("clang diagnostic push") _Pragma("clang diagnostic ignored \"-Wgcc-compat\"")                            \
        __attribute__((diagnose_if(condition, message, "error"))) _Pragma("clang diagnostic pop")
#else
#define TSOCK_ERROR_IF(condition, message)
#endif

#endif // TSOCK_DETAIL_CONSTANT_ARGUMENT_HPP
