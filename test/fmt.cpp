// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// Built without fmt as well (b2 does not look for it; CMake when
// find_package(fmt) fails): then one test case, skipped.
#if __has_include(<fmt/format.h>)
#include <tsock/fmt.hpp>

#define BOOST_TEST_MODULE fmt
#include <boost/test/unit_test.hpp>

#include <fmt/format.h>

#include <string_view>

#define TSOCK_TEST_FORMAT(...) fmt::format(__VA_ARGS__)
#define TSOCK_TEST_RUNTIME_FORMAT(f, value) fmt::format(fmt::runtime(f), value)

namespace tsock_test {
using format_error = fmt::format_error;
using parse_context = fmt::format_parse_context;
template <class T>
using formatter = fmt::formatter<T, char>;
} // namespace tsock_test

#include "support/formatting_cases.hpp"

#else

#define BOOST_TEST_MODULE fmt
#include <boost/test/unit_test.hpp>

namespace {
boost::test_tools::assertion_result fmt_installed(boost::unit_test::test_unit_id)
{
    boost::test_tools::assertion_result result(false);
    result.message() << "fmt is not installed (<fmt/format.h>)";
    return result;
}
} // namespace

BOOST_AUTO_TEST_CASE(fmt_formatters, *boost::unit_test::precondition(fmt_installed))
{
    BOOST_TEST(false); // not reached
}

#endif
