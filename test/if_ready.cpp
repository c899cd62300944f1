// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/if_ready.hpp>

#define BOOST_TEST_MODULE if_ready
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>

#include <poll.h>
#include <unistd.h>

using namespace std::string_view_literals;

// ---------------------------------------------------------------------------
// Compile time

// It does not compare with numbers: "would block" is no number. (A concept
// each, since a requires-expression is only SFINAE inside a template.)
template <class R>
concept compares_with_int = requires(R r) { r < 1; };
template <class R>
concept equals_int = requires(R r) { r == 1; };
template <class R>
concept differs_from_int = requires(R r) { r != 1; };
template <class R>
concept int_equals = requires(R r) { 1 == r; };
template <class R>
concept int_compares_with = requires(R r) { 1 > r; };
template <class R>
concept three_way_compares_with_int = requires(R r) { r <=> 1; };
template <class R>
concept compares_with_size = requires(R r, std::size_t n) { r >= n; };
template <class R>
concept value_compares_with_int = requires(R r) { *r < 1; };

using size_result = tsock::if_ready<std::size_t>;
static_assert(!compares_with_int<size_result>, "if_ready < 1 is refused");
static_assert(!equals_int<size_result>, "if_ready == 1 is refused");
static_assert(!differs_from_int<size_result>, "if_ready != 1 is refused");
static_assert(!int_equals<size_result>, "1 == if_ready is refused");
static_assert(!int_compares_with<size_result>, "1 > if_ready is refused");
static_assert(!three_way_compares_with_int<size_result>, "if_ready <=> 1 is refused");
static_assert(!compares_with_size<size_result>, "if_ready >= a size is refused");
static_assert(value_compares_with_int<size_result>, "*if_ready < 1 is fine");
// The control: the concepts do see a comparison where there is one.
static_assert(compares_with_int<std::size_t> && equals_int<std::size_t> && int_equals<std::size_t>);

// A value converts to a ready result; the result tests only explicitly.
static_assert(std::is_convertible_v<std::size_t, size_result>);
static_assert(!std::is_convertible_v<size_result, bool> && std::is_constructible_v<bool, size_result>);
static_assert(!std::is_convertible_v<size_result, std::size_t>, "no implicit way back to a number");
static_assert(std::is_same_v<size_result::value_type, std::size_t>);

// constexpr, as std::optional.
constexpr tsock::if_ready<int> ready_three(3);
static_assert(ready_three.has_value() && static_cast<bool>(ready_three) && !ready_three.would_block() &&
              !ready_three.failed());
static_assert(*ready_three == 3 && ready_three.value() == 3 && ready_three.value_or(7) == 3);

// What the modes return.
static_assert(std::is_same_v<tsock::non_blocking::result<std::size_t>, size_result>);
static_assert(std::is_same_v<tsock::blocking::result<std::size_t>, std::size_t>);
static_assert(std::is_same_v<tsock::timeout::result<std::size_t>, std::size_t>);
using nb_pair_socket = tsock::basic_socket<tsock::local, tsock::stream, tsock::non_blocking>;
static_assert(
    std::is_same_v<decltype(std::declval<nb_pair_socket&>().recv(std::declval<std::string&>())), size_result>);
static_assert(std::is_same_v<decltype(std::declval<nb_pair_socket&>().send(std::string_view())), size_result>);

// ---------------------------------------------------------------------------
// Run time, on non-blocking socket pairs of every type socketpair makes.

using pair_types = std::tuple<tsock::stream, tsock::datagram, tsock::seqpacket>;

BOOST_AUTO_TEST_CASE_TEMPLATE(nothing_to_read_would_block, Type, pair_types)
{
    auto [a, b] = tsock::socket_pair<Type, tsock::non_blocking>();
    std::array<char, 16> buffer{};
    const auto r = a.recv(buffer);
    BOOST_TEST(r.would_block());
    BOOST_TEST(!r.has_value());
    BOOST_TEST(!r);
    BOOST_TEST(!r.failed());
    BOOST_TEST(r.value_or(42u) == 42u);

    // The std::error_code form: would block is no error, and ec is cleared.
    std::error_code ec = std::make_error_code(std::errc::io_error);
    const auto e = a.recv(buffer, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(e.would_block());
    BOOST_TEST(!e.failed());
    BOOST_TEST(!e.has_value());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(data_makes_a_value, Type, pair_types)
{
    auto [a, b] = tsock::socket_pair<Type, tsock::non_blocking>();
    const auto sent = b.send("hello"sv);
    BOOST_TEST_REQUIRE(sent.has_value());
    BOOST_TEST(*sent == 5u);
    BOOST_REQUIRE(tsock_test::wait_for(a.native_handle(), POLLIN));

    std::array<char, 16> buffer{};
    std::error_code ec = std::make_error_code(std::errc::io_error);
    auto r = a.recv(buffer, ec);
    BOOST_TEST(!ec);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(static_cast<bool>(r));
    BOOST_TEST(!r.would_block());
    BOOST_TEST(!r.failed());
    BOOST_TEST(*r == 5u);
    BOOST_TEST(r.value() == 5u);
    BOOST_TEST(std::as_const(r).value() == 5u);
    BOOST_TEST(std::move(r).value() == 5u);
    BOOST_TEST(r.value_or(42u) == 5u);
    BOOST_TEST(std::string_view(buffer.data(), 5) == "hello");

    // Read: nothing left, it would block again.
    BOOST_TEST(a.recv(buffer).would_block());
}

// The peer's end of stream is a value, 0: neither would_block nor failed.
BOOST_AUTO_TEST_CASE(end_of_stream_is_a_ready_zero)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
    b.close();
    BOOST_REQUIRE(tsock_test::wait_for(a.native_handle(), POLLIN));
    std::array<char, 16> buffer{};
    const auto r = a.recv(buffer);
    BOOST_TEST_REQUIRE(r.has_value());
    BOOST_TEST(*r == 0u);
    BOOST_TEST(!r.would_block());
    BOOST_TEST(!r.failed());
}

// value() of an empty result throws std::system_error(operation_would_block),
// in each of its forms.
BOOST_AUTO_TEST_CASE(value_of_an_empty_result_throws)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
    std::array<char, 16> buffer{};
    auto r = a.recv(buffer);
    BOOST_TEST_REQUIRE(r.would_block());

    const auto throws_would_block = [](auto&& f) {
        try {
            (void)f();
            BOOST_ERROR("value() of an empty if_ready did not throw");
        } catch (const std::system_error& e) {
            BOOST_TEST((e.code() == std::errc::operation_would_block));
        }
    };
    throws_would_block([&] { return r.value(); });
    throws_would_block([&] { return std::as_const(r).value(); });
    throws_would_block([&] { return std::move(r).value(); });
    BOOST_TEST(r.value_or(7u) == 7u);
    BOOST_TEST(r.value_or(0) == 0u); // any type that converts to T
}

// A real error in the std::error_code form: ec says why, and the result is
// failed(), neither a value (not "peer closed", not "sent 0") nor
// would_block. (The first wave returned optional(0) here.)
BOOST_AUTO_TEST_CASE(error_code_form_on_a_closed_socket_fails)
{
    tsock::basic_socket<tsock::local, tsock::stream, tsock::non_blocking> closed;
    BOOST_TEST_REQUIRE(!closed.is_open());
    std::array<char, 16> buffer{};

    std::error_code ec;
    const auto r = closed.recv(buffer, ec);
    BOOST_TEST((ec == std::errc::bad_file_descriptor), ec.message());
    BOOST_TEST(r.failed());
    BOOST_TEST(!r.would_block());
    BOOST_TEST(!r.has_value());
    BOOST_TEST(!r);
    BOOST_TEST(r.value_or(99u) == 99u);

    ec.clear();
    const auto s = closed.send("x"sv, ec);
    BOOST_TEST((ec == std::errc::bad_file_descriptor), ec.message());
    BOOST_TEST(s.failed());
    BOOST_TEST(!s.would_block());
    BOOST_TEST(!s.has_value());

    // The throwing form throws the error, never returns an empty result.
    BOOST_CHECK_THROW((void)closed.recv(buffer), std::system_error);
}

// A descriptor closed behind the socket's back: the same.
BOOST_AUTO_TEST_CASE(error_code_form_on_a_stale_descriptor_fails)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram, tsock::non_blocking>();
    BOOST_REQUIRE(::close(a.native_handle()) == 0);
    std::array<char, 16> buffer{};
    std::error_code ec;
    const auto r = a.recv_from(buffer, ec);
    BOOST_TEST((ec == std::errc::bad_file_descriptor), ec.message());
    BOOST_TEST(r.failed());
    BOOST_TEST(!r.would_block());
    BOOST_TEST(!r.has_value());
    // Closed already: a must not close that number again (nothing here
    // opened a descriptor in between that could have taken it).
    (void)a.release();
}

// A non-blocking listener: no connection waiting is would_block; then an
// accepted socket, through operator->.
BOOST_AUTO_TEST_CASE(accept_result)
{
    tsock_test::on_abstract setup;
    using listener_type = tsock::basic_listener<tsock::local, tsock::stream, tsock::non_blocking>;
    auto listener = listener_type::listen_on(setup.endpoint());
    auto none = listener.accept();
    BOOST_TEST(none.would_block());
    BOOST_TEST(!none.failed());

    auto client = tsock_test::connect_one<tsock::basic_socket<tsock::local, tsock::stream, tsock::non_blocking>>(
        listener.local_endpoint(), tsock::non_blocking{});
    BOOST_REQUIRE(tsock_test::wait_for(listener.native_handle(), POLLIN));
    auto got = listener.accept();
    BOOST_TEST_REQUIRE(got.has_value());
    BOOST_TEST(got->socket.is_open());
    BOOST_TEST(tsock_test::is_nonblocking(got->socket.native_handle()));
    auto taken = std::move(got).value();
    BOOST_TEST(taken.socket.is_open());
}
