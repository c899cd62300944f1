// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/mode.hpp>

#define BOOST_TEST_MODULE mode
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <type_traits>

// blocking and non_blocking hold nothing (a socket stays the size of its
// handle); timeout holds exactly its duration.
static_assert(std::is_empty_v<tsock::blocking> && std::is_empty_v<tsock::non_blocking>);
static_assert(sizeof(tsock::timeout) == sizeof(tsock::timeout::duration));
static_assert(tsock::blocking::waits && !tsock::blocking::nonblocking_handle);
static_assert(!tsock::non_blocking::waits && tsock::non_blocking::nonblocking_handle);
// The timeout mode waits, but with poll() on a non-blocking descriptor, so a
// deadline can cut a call short.
static_assert(tsock::timeout::waits && tsock::timeout::nonblocking_handle);

struct user_mode {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = true;
};
struct not_default_constructible {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = false;
    explicit not_default_constructible(int) {}
};
static_assert(tsock::blocking_mode<tsock::blocking> && tsock::blocking_mode<tsock::non_blocking>);
static_assert(tsock::blocking_mode<tsock::timeout> && tsock::blocking_mode<user_mode>);
static_assert(!tsock::blocking_mode<int> && !tsock::blocking_mode<not_default_constructible>);

BOOST_AUTO_TEST_CASE(timeout_holds_its_duration)
{
    tsock::timeout t{std::chrono::milliseconds(250)};
    BOOST_TEST(t.value.count() == 250'000'000);
    t.value = std::chrono::seconds(2);
    BOOST_TEST(std::chrono::duration_cast<std::chrono::milliseconds>(t.value).count() == 2000);
    BOOST_TEST(tsock::timeout{}.value.count() > 0); // a default that does wait
}
