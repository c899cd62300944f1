// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CONFIG_HPP
#define TSOCK_CONFIG_HPP

// Platform detection is Boost.Predef's, once, here: the rest of tsock tests
// TSOCK_* or BOOST_* values with #if, never #ifdef.
#include <boost/predef/compiler.h>
#include <boost/predef/os.h>
#include <boost/predef/other/endian.h>

#if defined(_MSVC_LANG)
#define TSOCK_CPLUSPLUS _MSVC_LANG
#else
#define TSOCK_CPLUSPLUS __cplusplus
#endif

// An error here means tsock was compiled as C++17 or older: it needs C++20.
static_assert(TSOCK_CPLUSPLUS >= 202002L, "tsock requires C++20 (-std=c++20 or later)");

// The hot paths of send and recv (the call and its status, nothing else)
// are inlined into the caller whatever the compiler's size heuristics say:
// a call boundary around them costs more than they do.
#if defined(__GNUC__) || defined(__clang__)
#define TSOCK_ALWAYS_INLINE [[gnu::always_inline]] inline
#elif defined(_MSC_VER)
#define TSOCK_ALWAYS_INLINE __forceinline
#else
#define TSOCK_ALWAYS_INLINE inline
#endif
// The same for a lambda, written after its parameter list: a hot path's
// call handed to the helper that runs it (recv_from, accept).
#if defined(__GNUC__) || defined(__clang__)
#define TSOCK_ALWAYS_INLINE_LAMBDA __attribute__((always_inline))
#else
#define TSOCK_ALWAYS_INLINE_LAMBDA
#endif

// The error paths (building and throwing an exception) are kept out of the
// callers and out of their hot code: one out-of-line copy, in the cold
// section.
// TSOCK_NOINLINE keeps a function out of its callers (see its uses).
// TSOCK_FLATTEN inlines every call inside a function into it (see its use).
#if defined(__GNUC__) || defined(__clang__)
#define TSOCK_NOINLINE [[gnu::noinline]]
#define TSOCK_COLD [[gnu::cold, gnu::noinline]] inline
#define TSOCK_FLATTEN [[gnu::flatten]]
#elif defined(_MSC_VER)
#define TSOCK_NOINLINE __declspec(noinline)
#define TSOCK_COLD __declspec(noinline) inline
#define TSOCK_FLATTEN
#else
#define TSOCK_NOINLINE
#define TSOCK_COLD inline
#define TSOCK_FLATTEN
#endif

// Tells the optimiser a fact it cannot see for itself (a call that
// succeeded returned a valid handle), so that it drops the tests the fact
// decides. The fact must hold: the behaviour is undefined otherwise.
#if defined(__clang__)
#define TSOCK_ASSUME(fact) __builtin_assume(fact)
#elif defined(__GNUC__)
#define TSOCK_ASSUME(fact) (static_cast<bool>(fact) ? void(0) : __builtin_unreachable())
#elif defined(_MSC_VER)
#define TSOCK_ASSUME(fact) __assume(fact)
#else
#define TSOCK_ASSUME(fact) void(0)
#endif

// The version: its parts, and one integer to compare, as BOOST_VERSION
// (major * 100000 + minor * 100 + patch: 0.1.0 is 100, 1.2.3 is 100203).
// CMake's project() reads the parts from here.
#define TSOCK_VERSION_MAJOR 0
#define TSOCK_VERSION_MINOR 1
#define TSOCK_VERSION_PATCH 0
#define TSOCK_VERSION (TSOCK_VERSION_MAJOR * 100000 + TSOCK_VERSION_MINOR * 100 + TSOCK_VERSION_PATCH)

// GCC and Clang give constexpr byte-swap builtins; elsewhere tsock uses shifts,
// which optimising compilers turn into the same single instruction.
#if BOOST_COMP_GNUC || BOOST_COMP_CLANG
#define TSOCK_HAS_BUILTIN_BSWAP 1
#else
#define TSOCK_HAS_BUILTIN_BSWAP 0
#endif

// Exceptions. Every throwing form throws through detail::throw_exception
// (detail/throw_exception.hpp). TSOCK_NO_EXCEPTIONS is 1 when the compiler
// has exceptions off (-fno-exceptions: no __cpp_exceptions); define it to 1
// yourself to take that path with exceptions on. On that path a throwing form
// that fails calls tsock::exception_handler(e) when TSOCK_USER_EXCEPTION_HANDLER
// is 1 (you define that function, once), and otherwise writes e.what() to
// stderr and calls std::abort(). The std::error_code& forms never get there.
// Define both the same way in every translation unit of a program.
#if !defined(TSOCK_NO_EXCEPTIONS)
#if defined(__cpp_exceptions) || defined(_CPPUNWIND)
#define TSOCK_NO_EXCEPTIONS 0
#else
#define TSOCK_NO_EXCEPTIONS 1
#endif
#endif
#if !defined(TSOCK_USER_EXCEPTION_HANDLER)
#define TSOCK_USER_EXCEPTION_HANDLER 0
#endif

#endif // TSOCK_CONFIG_HPP
