// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/format.hpp>

#define BOOST_TEST_MODULE format
#include <boost/test/unit_test.hpp>

// TSOCK_TEST_EXPECT_STD_FORMAT comes from test/CMakeLists.txt: whether a
// std::format call compiled there with this test's flags. (b2 does not
// check; it builds with g++ 12, which has no <format>.)
#if defined(TSOCK_TEST_EXPECT_STD_FORMAT)
static_assert(TSOCK_HAS_STD_FORMAT == TSOCK_TEST_EXPECT_STD_FORMAT,
              "TSOCK_HAS_STD_FORMAT disagrees with what this standard library can do");
#endif

#if TSOCK_HAS_STD_FORMAT

#include <format>
#include <string_view>

#define TSOCK_TEST_FORMAT(...) std::format(__VA_ARGS__)
#define TSOCK_TEST_RUNTIME_FORMAT(f, value) std::vformat(f, std::make_format_args(value))

namespace tsock_test {
using format_error = std::format_error;
using parse_context = std::format_parse_context;
template <class T>
using formatter = std::formatter<T, char>;
} // namespace tsock_test

#include "support/formatting_cases.hpp"

#else

// No <format>: the header defines its macro and nothing else.
#if defined(TSOCK_ADDRESS_V4_HPP) || defined(TSOCK_LOCAL_ENDPOINT_HPP) || defined(TSOCK_DETAIL_FORMATTER_TEXT_HPP)
#error "tsock/format.hpp includes tsock headers where there is no <format>"
#endif

BOOST_AUTO_TEST_CASE(no_std_format)
{
    BOOST_TEST(TSOCK_HAS_STD_FORMAT == 0);
    BOOST_TEST_MESSAGE("no <format> in this standard library: the std::formatter tests are skipped");
}

#endif
