// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/config.hpp>

#define BOOST_TEST_MODULE config
#if defined(TSOCK_TEST_HEADER_ONLY) // mingw: no linked Boost.Test there
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif

#include <string>

// Exactly one platform branch is taken, and Predef's answer matches the
// compiler's own macros.
static_assert((BOOST_OS_WINDOWS != 0) != (BOOST_OS_LINUX != 0 || BOOST_OS_MACOS != 0 || BOOST_OS_BSD != 0));
#if defined(__linux__)
static_assert(BOOST_OS_LINUX != 0);
#endif
#if defined(_WIN32)
static_assert(BOOST_OS_WINDOWS != 0);
#endif

BOOST_AUTO_TEST_CASE(builtin_bswap_flag_matches_the_compiler)
{
#if defined(__GNUC__) || defined(__clang__)
    BOOST_TEST(TSOCK_HAS_BUILTIN_BSWAP == 1);
#else
    BOOST_TEST(TSOCK_HAS_BUILTIN_BSWAP == 0);
#endif
}

BOOST_AUTO_TEST_CASE(compiled_as_cxx20_or_later)
{
    BOOST_TEST(TSOCK_CPLUSPLUS >= 202002L);
}

BOOST_AUTO_TEST_CASE(version_macros_form_a_version)
{
    const std::string version = std::to_string(TSOCK_VERSION_MAJOR) + "." + std::to_string(TSOCK_VERSION_MINOR) +
                                "." + std::to_string(TSOCK_VERSION_PATCH);
#if defined(TSOCK_PROJECT_VERSION)
    BOOST_TEST(version == TSOCK_PROJECT_VERSION); // the build system's version
#endif
    BOOST_TEST(TSOCK_VERSION_MAJOR >= 0);
    BOOST_TEST(version.size() >= 5u);
}

BOOST_AUTO_TEST_CASE(one_integer_version_orders_as_the_parts)
{
    static_assert(TSOCK_VERSION == TSOCK_VERSION_MAJOR * 100000 + TSOCK_VERSION_MINOR * 100 + TSOCK_VERSION_PATCH);
    static_assert(TSOCK_VERSION_MINOR < 1000 && TSOCK_VERSION_PATCH < 100, "a part overflows into the next");
#if TSOCK_VERSION < 100 // usable in #if, as BOOST_VERSION is
    BOOST_FAIL("TSOCK_VERSION is below 0.1.0");
#endif
    BOOST_TEST(TSOCK_VERSION / 100000 == TSOCK_VERSION_MAJOR);
    BOOST_TEST(TSOCK_VERSION / 100 % 1000 == TSOCK_VERSION_MINOR);
    BOOST_TEST(TSOCK_VERSION % 100 == TSOCK_VERSION_PATCH);
}
