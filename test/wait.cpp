// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/wait.hpp>

#define BOOST_TEST_MODULE wait
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;

using tsock::connect_status;
using tsock::non_blocking;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

using nb_tcp = tsock::basic_socket<tsock::ipv4, tsock::stream, non_blocking>;
using modes = std::tuple<tsock::blocking, tsock::timeout, non_blocking>;

template <class Mode>
auto pair_in()
{
    return tsock::socket_pair<tsock::stream, Mode>(test_mode<Mode>());
}

// A few bytes that must go at once.
template <class S>
void put(S& s, std::string_view data)
{
    std::size_t n = 0;
    if constexpr (S::mode_type::waits)
        n = s.send(data);
    else {
        const auto r = s.send(data);
        BOOST_REQUIRE(r.has_value());
        n = *r;
    }
    BOOST_REQUIRE_EQUAL(n, data.size());
}

bool is_code(const std::system_error& e, std::error_code expected) { return e.code() == expected; }

// A loopback port nobody listens on: one the kernel gave a listener that is
// closed again.
tsock::ipv4_endpoint dead_endpoint()
{
    auto l = tsock::tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    return l.local_endpoint();
}

} // namespace

// ---------------------------------------------------------------------------
// Compile time

template <class S, class T>
concept can_wait_readable = requires(const S& s, T t) { tsock::wait_readable(s, t); };
template <class S, class T>
concept can_wait_writable = requires(const S& s, T t) { tsock::wait_writable(s, t); };
template <class S>
concept can_complete_connect = requires(const S& s) { tsock::complete_connect(s); };

using timeout_tcp = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>;
static_assert(can_wait_readable<tsock::tcp_socket, std::chrono::milliseconds> &&
              can_wait_readable<nb_tcp, std::chrono::duration<double>> &&
              can_wait_readable<tsock::tcp_listener, std::chrono::seconds> &&
              can_wait_writable<timeout_tcp, std::chrono::nanoseconds>);
static_assert(!can_wait_readable<tsock::tcp_socket, int> && !can_wait_writable<nb_tcp, double>,
              "a timeout is a duration, not a number");
static_assert(can_complete_connect<nb_tcp>);
static_assert(!can_complete_connect<tsock::tcp_socket> && !can_complete_connect<timeout_tcp>,
              "a waiting socket's connect waits by itself");
static_assert(!can_complete_connect<tsock::basic_listener<tsock::ipv4, tsock::stream, non_blocking>>);

// ---------------------------------------------------------------------------
// wait_readable, wait_writable

BOOST_AUTO_TEST_CASE_TEMPLATE(readable_after_data, M, modes)
{
    auto [a, b] = pair_in<M>();
    BOOST_TEST(!tsock::wait_readable(a, 0ms));
    BOOST_TEST(!tsock::wait_readable(a, 10ms));
    put(b, "x"sv);
    BOOST_TEST(tsock::wait_readable(a, patience));
    BOOST_TEST(tsock::wait_readable(a));
    // Zero looks: a socket that is ready is reported.
    BOOST_TEST(tsock::wait_readable(a, 0ms));
    BOOST_TEST(tsock::wait_readable(a, 1ns));
    std::error_code ec = std::make_error_code(std::errc::io_error);
    BOOST_TEST(tsock::wait_readable(a, ec));
    BOOST_TEST(!ec);
    ec = std::make_error_code(std::errc::io_error);
    BOOST_TEST(tsock::wait_readable(a, 0ms, ec));
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(readable_at_the_end_of_the_stream, M, modes)
{
    auto [a, b] = pair_in<M>();
    BOOST_TEST(!tsock::wait_readable(a, 0ms));
    b.close();
    BOOST_TEST(tsock::wait_readable(a, patience));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(writable_with_room, M, modes)
{
    auto [a, b] = pair_in<M>();
    BOOST_TEST(tsock::wait_writable(a));
    BOOST_TEST(tsock::wait_writable(a, 0ms));
    BOOST_TEST(tsock::wait_writable(a, patience));
    std::error_code ec = std::make_error_code(std::errc::io_error);
    BOOST_TEST(tsock::wait_writable(a, ec));
    BOOST_TEST(!ec);
    ec = std::make_error_code(std::errc::io_error);
    BOOST_TEST(tsock::wait_writable(a, 5ms, ec));
    BOOST_TEST(!ec);
}

// A full send buffer: not writable, until the peer reads.
BOOST_AUTO_TEST_CASE(not_writable_when_full)
{
    auto [a, b] = pair_in<non_blocking>();
    const std::string chunk(65536, 'z');
    for (int i = 0; i != 10000; ++i)
        if (!a.send(chunk))
            break;
    BOOST_TEST(!tsock::wait_writable(a, 20ms));
    std::error_code ec;
    BOOST_TEST(!tsock::wait_writable(a, 0ms, ec));
    BOOST_TEST(!ec, "a timeout is no error");
    std::string sink(65536, '\0');
    for (int i = 0; i != 100000; ++i)
        if (!b.recv(sink))
            break;
    BOOST_TEST(tsock::wait_writable(a, patience));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(timeout_returns_false_in_about_the_time, M, modes)
{
    auto [a, b] = pair_in<M>();
    auto took = time_of([&] { BOOST_TEST(!tsock::wait_readable(a, 50ms)); });
    BOOST_TEST((took >= 50ms), ms(took));
    BOOST_TEST((took < 50ms + 2s), ms(took));
    std::error_code ec = std::make_error_code(std::errc::io_error);
    took = time_of([&] { BOOST_TEST(!tsock::wait_readable(a, std::chrono::duration<double>(0.03), ec)); });
    BOOST_TEST(!ec);
    BOOST_TEST((took >= 30ms), ms(took));
    took = time_of([&] { BOOST_TEST(!tsock::wait_readable(a, 0ms)); });
    BOOST_TEST((took < 100ms), ms(took));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(negative_timeout_is_negative_duration, M, modes)
{
    auto [a, b] = pair_in<M>();
    const auto negative = make_error_code(tsock::error::negative_duration);
    BOOST_CHECK_EXCEPTION((void)tsock::wait_readable(a, -1ms), std::system_error,
                          [&](const std::system_error& x) { return is_code(x, negative); });
    BOOST_CHECK_EXCEPTION((void)tsock::wait_writable(a, -1ns), std::system_error,
                          [&](const std::system_error& x) { return is_code(x, negative); });
    std::error_code ec;
    BOOST_TEST(!tsock::wait_readable(a, -1s, ec));
    BOOST_TEST((ec == negative));
    ec.clear();
    BOOST_TEST(!tsock::wait_writable(a, std::chrono::duration<double>(-0.5), ec));
    BOOST_TEST((ec == negative));
}

BOOST_AUTO_TEST_CASE(listener_readable_on_a_pending_connection)
{
    auto l = tsock::tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    BOOST_TEST(!tsock::wait_readable(l, 0ms));
    BOOST_TEST(!tsock::wait_readable(l, 10ms));
    auto c = tsock::tcp_socket::connect_to(l.local_endpoint());
    BOOST_TEST(tsock::wait_readable(l, patience));
    BOOST_TEST(tsock::wait_readable(l));
    auto a = l.accept();
    BOOST_TEST(a.socket.is_open());
    BOOST_TEST(!tsock::wait_readable(l, 0ms));
}

// Signals every ~1 ms (SIGUSR1 without SA_RESTART) do not end a wait early.
BOOST_AUTO_TEST_CASE(a_signal_storm_does_not_end_a_wait)
{
    sigusr1_without_restart handler;
    auto [a, b] = pair_in<non_blocking>();
    {
        joining_thread storm = signal_storm(::pthread_self(), 250, [] {});
        std::error_code ec;
        bool ready = true;
        const auto took = time_of([&] { ready = tsock::wait_readable(a, 200ms, ec); });
        storm.join();
        BOOST_TEST(!ready);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST((took >= 200ms), ms(took));
    }
    BOOST_TEST(handler.count() > 0);
    joining_thread storm = signal_storm(::pthread_self(), 100, [&b] { (void)b.send("late"sv); });
    BOOST_TEST(tsock::wait_readable(a));
    storm.join();
}

// ---------------------------------------------------------------------------
// complete_connect

BOOST_AUTO_TEST_CASE(complete_connect_connected)
{
    auto l = tsock::tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    for (int form = 0; form != 4; ++form) {
        auto c = nb_tcp::open_for(l.local_endpoint());
        const auto started = c.connect(l.local_endpoint());
        BOOST_TEST((started == connect_status::in_progress || started == connect_status::connected));
        std::error_code ec = std::make_error_code(std::errc::io_error);
        connect_status r = connect_status::failed;
        switch (form) {
        case 0: r = tsock::complete_connect(c); break;
        case 1: r = tsock::complete_connect(c, patience); break;
        case 2: r = tsock::complete_connect(c, ec); break;
        default: r = tsock::complete_connect(c, patience, ec); break;
        }
        BOOST_TEST((r == connect_status::connected), "form " << form);
        if (form >= 2)
            BOOST_TEST(!ec, ec.message());
        auto a = l.accept();
        BOOST_TEST(a.socket.is_open());
        // Connected: it stays so (the outcome was read once).
        BOOST_TEST((tsock::complete_connect(c, 0ms) == connect_status::connected));
    }
}

BOOST_AUTO_TEST_CASE(complete_connect_refused)
{
    const auto ep = dead_endpoint();
    for (int form = 0; form != 4; ++form) {
        auto c = nb_tcp::open_for(ep);
        std::error_code ec;
        const auto started = c.connect(ep, ec);
        BOOST_REQUIRE_MESSAGE(started == connect_status::in_progress, "loopback connect: " << ec.message());
        if (form < 2) {
            BOOST_CHECK_EXCEPTION(form == 0 ? (void)tsock::complete_connect(c)
                                            : (void)tsock::complete_connect(c, patience),
                                  std::system_error, [](const std::system_error& x) { return x.code() == std::errc::connection_refused; });
        } else {
            const auto r = form == 2 ? tsock::complete_connect(c, ec) : tsock::complete_connect(c, patience, ec);
            BOOST_TEST((r == connect_status::failed));
            BOOST_TEST((ec == std::errc::connection_refused), ec.message());
        }
    }
}

// A connect that cannot end in time: a listener with a backlog of 0 takes
// one connection into its queue; with the queue full, Linux drops the next
// SYNs (the client retries after a second), so that connect stays under way.
BOOST_AUTO_TEST_CASE(complete_connect_timeout_is_in_progress)
{
    auto l = tsock::tcp_listener::listen_on({tsock::address_v4::loopback(), 0}, 0);
    std::vector<nb_tcp> clients;
    std::optional<std::size_t> stuck;
    for (std::size_t i = 0; i != 8 && !stuck; ++i) {
        clients.push_back(nb_tcp::open_for(l.local_endpoint()));
        if (clients.back().connect(l.local_endpoint()) == connect_status::connected)
            continue;
        if (tsock::complete_connect(clients.back(), 200ms) == connect_status::in_progress)
            stuck = i;
    }
    BOOST_REQUIRE_MESSAGE(stuck, "every connect to a listener with a full backlog completed");
    auto& c = clients[*stuck];
    const auto took = time_of([&] { BOOST_TEST((tsock::complete_connect(c, 50ms) == connect_status::in_progress)); });
    BOOST_TEST((took >= 50ms), ms(took));
    BOOST_TEST((took < 50ms + 2s), ms(took));
    std::error_code ec = std::make_error_code(std::errc::io_error);
    BOOST_TEST((tsock::complete_connect(c, 0ms, ec) == connect_status::in_progress));
    BOOST_TEST(!ec, "in progress is no error");
    const auto negative = make_error_code(tsock::error::negative_duration);
    BOOST_TEST((tsock::complete_connect(c, -1ms, ec) == connect_status::failed));
    BOOST_TEST((ec == negative));
    BOOST_CHECK_EXCEPTION((void)tsock::complete_connect(c, -1ms), std::system_error,
                          [&](const std::system_error& x) { return is_code(x, negative); });
}
