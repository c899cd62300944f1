// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#ifndef TSOCK_TEST_SUPPORT_ERRORS_HPP
#define TSOCK_TEST_SUPPORT_ERRORS_HPP

// Checks of throwing forms (include after <boost/test/unit_test.hpp>).

#include <tsock/error.hpp>

#include <string_view>
#include <system_error>

namespace tsock_test {

// f() must throw std::system_error with code expected and a what() that
// contains what_part (the input it quotes, say).
template <class F>
void check_error(F f, tsock::error expected, std::string_view what_part)
{
    try {
        f();
        BOOST_ERROR("no exception; expected " << make_error_code(expected).message());
    } catch (const std::system_error& e) {
        BOOST_TEST(e.code() == expected);
        BOOST_TEST(std::string_view(e.what()).find(what_part) != std::string_view::npos,
                   "what() is " << e.what() << "; expected it to contain " << what_part);
    }
}

// For BOOST_CHECK_EXCEPTION: the exception carries this code (a
// tsock::error) or one equivalent to this condition (a std::errc).
template <class E>
auto has_code(E expected)
{
    return [expected](const std::system_error& e) { return e.code() == expected; };
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_ERRORS_HPP
