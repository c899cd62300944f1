// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/mode.hpp>

#define BOOST_TEST_MODULE mode
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"
#include "support/fd_guard.hpp"
#include "support/joining_thread.hpp"
#include "support/socket_support.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/create_connection.hpp>

#include <array>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <thread>
#include <type_traits>

#include <fcntl.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

// Modes carry their behaviour: how a call waits (begin, wait, deadline)
// and what it returns (result, finish). These tests drive real sockets
// through each mode, a mode written here (as a user would), mode changes
// and adoption, and the timeout rules for odd durations.

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

// blocking and non_blocking hold nothing (a socket stays the size of its
// handle); timeout holds exactly its duration.
static_assert(std::is_empty_v<tsock::blocking> && std::is_empty_v<tsock::non_blocking>);
static_assert(sizeof(tsock::timeout) == sizeof(tsock::timeout::duration));
static_assert(tsock::blocking::waits && !tsock::blocking::nonblocking_handle);
static_assert(!tsock::non_blocking::waits && tsock::non_blocking::nonblocking_handle);
static_assert(tsock::timeout::waits && tsock::timeout::nonblocking_handle);

// Results: plain values in the waiting modes, if_ready in non_blocking.
static_assert(std::is_same_v<tsock::blocking::result<int>, int>);
static_assert(std::is_same_v<tsock::timeout::result<int>, int>);
static_assert(std::is_same_v<tsock::non_blocking::result<int>, tsock::if_ready<int>>);

// No default duration: a timeout says how long, with a unit.
static_assert(!std::is_default_constructible_v<tsock::timeout>);
static_assert(std::is_constructible_v<tsock::timeout, std::chrono::milliseconds>);
static_assert(std::is_constructible_v<tsock::timeout, std::chrono::duration<double>>);
static_assert(!std::is_constructible_v<tsock::timeout, int>);
static_assert(!std::is_constructible_v<tsock::timeout, double>);
static_assert(tsock::stateful_mode<tsock::timeout> && !tsock::stateful_mode<tsock::blocking>);

namespace {

// A mode of the user's own: the descriptor is non-blocking and a call that
// would block waits with poll() as long as it takes, counting its waits.
// Results are plain values (it reuses what the blocking mode returns).
struct patient_mode {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = true;
    template <class T>
    using result = T;

    struct call {};
    call begin(tsock::call_status&) const noexcept { return {}; }
    static inline int waited = 0;
    static bool wait(call, tsock::native_handle_type h, short events, tsock::call_status& s) noexcept
    {
        if (s != EAGAIN && s != EWOULDBLOCK)
            return false;
        ++waited;
        ::pollfd p{h, events, 0};
        if (::poll(&p, 1, 10'000) != 1) {
            s = ETIMEDOUT;
            return false;
        }
        return true;
    }
    static std::chrono::steady_clock::time_point deadline(call) noexcept
    {
        return std::chrono::steady_clock::time_point::max();
    }
    template <class T>
    static T finish(T value, tsock::call_status s, std::error_code& ec) noexcept
    {
        return tsock::blocking::finish<T>(std::move(value), s, ec);
    }
    template <class T>
    static T finish_or_throw(T value, tsock::call_status s, const char* what)
    {
        return tsock::blocking::finish_or_throw<T>(std::move(value), s, what);
    }
};
static_assert(tsock::blocking_mode<patient_mode>);

// Flags only: no behaviour, which is no longer a mode.
struct flags_only_mode {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = true;
};
static_assert(!tsock::blocking_mode<flags_only_mode> && !tsock::blocking_mode<int>);
static_assert(flags_only_mode::waits && flags_only_mode::nonblocking_handle); // (its flags are fine)

using tsock_test::fd_guard;

template <class Mode>
using pair_of = std::pair<tsock::basic_socket<tsock::local, tsock::stream, Mode>,
                          tsock::basic_socket<tsock::local, tsock::stream, Mode>>;

} // namespace

BOOST_AUTO_TEST_CASE(durations_convert_without_overflow)
{
    BOOST_TEST(tsock::timeout{250ms}.value().count() == 250'000'000);
    BOOST_TEST(tsock::timeout{std::chrono::duration<double>(1.5)}.value().count() == 1'500'000'000);
    // Too large for nanoseconds: saturates (no deadline), never wraps.
    BOOST_TEST((tsock::timeout{std::chrono::hours::max()}.value() == std::chrono::nanoseconds::max()));
    BOOST_TEST((tsock::timeout{std::chrono::duration<double>(1e300)}.value() == std::chrono::nanoseconds::max()));
    BOOST_TEST((tsock::timeout{std::chrono::hours::min()}.value() == std::chrono::nanoseconds::min()));
    // NaN is no duration: negative, so refused where used.
    const double nan = std::numeric_limits<double>::quiet_NaN();
    BOOST_TEST(tsock::timeout{std::chrono::duration<double>(nan)}.value().count() < 0);
    tsock::timeout t{1s};
    t = 2s;
    BOOST_TEST((t.value() == 2s));
}

BOOST_AUTO_TEST_CASE(a_negative_timeout_fails_every_call_at_once)
{
    for (const auto d : {std::chrono::nanoseconds(-1), std::chrono::nanoseconds::min()}) {
        auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{d});
        std::array<char, 4> buffer{};
        std::error_code ec;
        const auto took = time_of([&] { (void)a.recv(buffer, ec); });
        BOOST_TEST((ec == tsock::error::negative_duration), ec.message());
        BOOST_TEST(ms(took) < 1000);
        BOOST_CHECK_EXCEPTION((void)a.send("x"sv), std::system_error, has_code(tsock::error::negative_duration));
        BOOST_CHECK_EXCEPTION(a.send_all("x"sv), std::system_error, has_code(tsock::error::negative_duration));
        // connect by name refuses it the same way
        std::error_code by_name;
        (void)tsock::create_connection<tsock::stream, tsock::timeout>("127.0.0.1", "9", {}, tsock::timeout{d}, by_name);
        BOOST_TEST((by_name == tsock::error::negative_duration), by_name.message());
    }
}

BOOST_AUTO_TEST_CASE(a_zero_timeout_fails_at_once_unless_the_call_is_ready)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{0s});
    std::array<char, 4> buffer{};
    std::error_code ec;
    const auto took = time_of([&] { (void)a.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) < 1000);
    BOOST_TEST(b.send("hey"sv) == 3u);
    BOOST_TEST(a.recv(buffer) == 3u); // ready: no wait, no timeout
}

// The timeout mode reads the clock when a call first has to wait, not when
// it starts (a call whose data is there reads none), and keeps that one
// deadline for the rest of the call (send_all's later waits included).
BOOST_AUTO_TEST_CASE(a_timeout_call_fixes_its_deadline_at_its_first_wait)
{
    using clock = std::chrono::steady_clock;
    const tsock::timeout mode{50ms};
    tsock::call_status s = 0;
    auto c = mode.begin(s);
    BOOST_TEST(s == 0);
    // Before any wait, the deadline a call would get is the duration from now.
    const auto before = clock::now();
    const auto pending = mode.deadline(c);
    BOOST_TEST((pending >= before + 50ms && pending <= clock::now() + 50ms));

    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(mode);
    const auto first_wait = clock::now(); // after begin(): a deadline read there is earlier
    s = EAGAIN;                          // as a recv that would block reports it
    BOOST_TEST(!mode.wait(c, a.native_handle(), POLLIN, s)); // nothing comes
    BOOST_TEST(s == -static_cast<int>(tsock::error::timed_out)); // a tsock::error, negated
    const auto fixed = mode.deadline(c);
    BOOST_TEST((fixed >= first_wait + 50ms && fixed <= clock::now()));

    // A later wait of the same call keeps that deadline, which has passed:
    // it looks once and times out at once.
    s = EAGAIN;
    const auto took = time_of([&] { BOOST_TEST(!mode.wait(c, a.native_handle(), POLLIN, s)); });
    BOOST_TEST(s == -static_cast<int>(tsock::error::timed_out));
    BOOST_TEST((mode.deadline(c) == fixed));
    BOOST_TEST(ms(took) < 1000);
}

BOOST_AUTO_TEST_CASE(the_largest_timeout_is_no_deadline)
{
    for (const auto d : {std::chrono::nanoseconds::max(), std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::hours(100'000))}) {
        auto pair = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{d});
        auto& a = pair.first;
        auto& b = pair.second;
        tsock_test::joining_thread writer([&b] {
            std::this_thread::sleep_for(50ms); // so that a waits (not synchronisation: a waits either way)
            b.send_all("late"sv);
        });
        std::array<char, 4> buffer{};
        a.recv_exact(buffer);
        BOOST_TEST(std::string_view(buffer.data(), 4) == "late");
    }
}

BOOST_AUTO_TEST_CASE(an_empty_buffer_returns_at_once_in_every_mode)
{
    std::string empty;
    {
        auto [a, b] = tsock::socket_pair<tsock::stream, tsock::blocking>();
        BOOST_TEST(a.recv(empty) == 0u); // would otherwise wait forever: nothing is sent
    }
    {
        auto [a, b] = tsock::socket_pair<tsock::datagram, tsock::timeout>(tsock::timeout{30s});
        const auto took = time_of([&] { BOOST_TEST(a.recv(empty) == 0u); });
        BOOST_TEST(ms(took) < 1000); // not the 30 s timeout
        BOOST_TEST(b.send("kept"sv) == 4u);
        std::array<char, 8> buffer{};
        BOOST_TEST(a.recv(empty) == 0u);  // and consumes nothing
        BOOST_TEST(a.recv(buffer) == 4u); // the datagram is still there, whole
    }
    {
        auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
        const auto r = a.recv(empty);
        BOOST_TEST(r.has_value());
        BOOST_TEST(*r == 0u);
    }
}

BOOST_AUTO_TEST_CASE(a_mode_of_the_users_own_runs_the_calls)
{
    patient_mode::waited = 0;
    auto pair = tsock::socket_pair<tsock::stream, patient_mode>();
    auto& a = pair.first;
    auto& b = pair.second;
    BOOST_TEST(is_nonblocking(a.native_handle()));
    tsock_test::joining_thread writer([&b] {
        std::this_thread::sleep_for(50ms);
        b.send_all("user mode"sv);
    });
    std::array<char, 9> buffer{};
    a.recv_exact(buffer); // would block at first: the mode's wait polls
    BOOST_TEST(std::string_view(buffer.data(), buffer.size()) == "user mode");
    BOOST_TEST(patient_mode::waited >= 1);
}

BOOST_AUTO_TEST_CASE(with_mode_changes_the_type_and_the_descriptor_flag)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::blocking>();
    const int fd = a.native_handle();
    BOOST_TEST(!is_nonblocking(fd));

    auto nb = std::move(a).with_mode<tsock::non_blocking>();
    BOOST_TEST(!a.is_open()); // the descriptor moved, not a copy
    BOOST_TEST(nb.native_handle() == fd);
    BOOST_TEST(is_nonblocking(fd));
    std::array<char, 4> buffer{};
    BOOST_TEST(nb.recv(buffer).would_block());

    auto t = std::move(nb).with_mode(tsock::timeout{100ms});
    BOOST_TEST(t.native_handle() == fd);
    BOOST_TEST(is_nonblocking(fd));
    BOOST_TEST((t.timeout() == 100ms)); // Python's gettimeout
    std::error_code ec;
    (void)t.recv(buffer, ec);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    t.timeout(tsock::timeout{50ms}); // settimeout
    BOOST_TEST((t.timeout() == 50ms));

    auto back = std::move(t).with_mode<tsock::blocking>();
    BOOST_TEST(!is_nonblocking(fd));
    BOOST_TEST(b.send("ok"sv) == 2u);
    BOOST_TEST(back.recv(buffer) == 2u);
}

BOOST_AUTO_TEST_CASE(adopt_makes_the_descriptor_flag_match_the_mode)
{
    int fds[2];
    BOOST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0, fds) == 0);
    // A non-blocking descriptor adopted as blocking: made blocking, so recv
    // waits for data instead of throwing EAGAIN.
    auto a = tsock::unix_stream_socket::adopt(fds[0]);
    BOOST_TEST(!is_nonblocking(fds[0]));
    // A blocking descriptor adopted in the timeout mode: made non-blocking,
    // so the deadline holds instead of a hang.
    const int flags = ::fcntl(fds[1], F_GETFL);
    BOOST_REQUIRE(::fcntl(fds[1], F_SETFL, flags & ~O_NONBLOCK) == 0);
    using timed = tsock::basic_socket<tsock::local, tsock::stream, tsock::timeout>;
    auto b = timed::adopt(fds[1], tsock::timeout{100ms});
    BOOST_TEST(is_nonblocking(fds[1]));
    std::array<char, 4> buffer{};
    std::error_code ec;
    const auto took = time_of([&] { (void)b.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) < ms(patience));
    BOOST_TEST(b.send("go"sv) == 2u);
    BOOST_TEST(a.recv(buffer) == 2u);
}

BOOST_AUTO_TEST_CASE(adopt_duplicate_is_fromfd_and_duplicate_is_dup)
{
    int fds[2];
    BOOST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) == 0);
    const fd_guard keep0(fds[0]), keep1(fds[1]);
    auto a = tsock::unix_stream_socket::adopt_duplicate(fds[0]);
    BOOST_TEST(a.native_handle() != fds[0]);
    BOOST_TEST(::fcntl(fds[0], F_GETFD) >= 0); // the caller's descriptor stays open
    BOOST_TEST(is_cloexec(a.native_handle()));
    auto d = a.duplicate();
    BOOST_TEST(d.native_handle() != a.native_handle());
    BOOST_TEST(::write(fds[1], "xy", 2) == 2);
    std::array<char, 1> one{};
    BOOST_TEST(a.recv(one) == 1u); // the same socket through every descriptor
    BOOST_TEST(d.recv(one) == 1u);
    BOOST_TEST(one[0] == 'y');
    std::error_code ec;
    (void)tsock::udp_socket::adopt_duplicate(fds[0], ec);
    BOOST_TEST((ec == tsock::error::type_mismatch), ec.message());
}
