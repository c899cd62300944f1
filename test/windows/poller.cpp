// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// tsock's poller over WSAPoll, on loopback (port 0), under wine or Windows.
// Cross-compiled by test/windows/run.sh with header-only Boost.Test. Every
// wait is bounded; the only sleep paces the thread that wakes the poller.
#include <tsock.hpp> // winsock2.h before Boost.Test's windows.h

#define BOOST_TEST_MODULE windows_poller
#include <boost/test/included/unit_test.hpp>

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using tsock::interest;
using steady = std::chrono::steady_clock;

namespace {

constexpr std::chrono::milliseconds patience = 10s;

using nb_tcp = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>;
using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;
using poller = tsock::basic_poller<int, tsock::wsapoll_backend>;

static_assert(std::is_same_v<tsock::default_poll_backend, tsock::wsapoll_backend>);
static_assert(!poller::has_edge_triggered && poller::has_one_shot);
static_assert(!tsock::epoll_backend::available && !tsock::poll_backend::available);

long long ms(steady::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); }

// A connected pair on loopback (no socketpair on Windows), and the listener.
struct tcp_pair {
    nb_listener listener = nb_listener::listen_on({tsock::address_v4::loopback(), 0});
    nb_tcp client;
    nb_tcp server;
    tcp_pair()
    {
        client = nb_tcp::open_for(listener.local_endpoint());
        (void)client.connect(listener.local_endpoint());
        BOOST_REQUIRE(tsock::wait_readable(listener, patience));
        auto a = listener.accept();
        BOOST_REQUIRE(a.has_value());
        server = std::move(a->socket);
        BOOST_REQUIRE((tsock::complete_connect(client, patience) == tsock::connect_status::connected));
    }
};

std::vector<tsock::poll_event<int>> events_of(poller& p, std::chrono::milliseconds timeout)
{
    std::vector<tsock::poll_event<int>> out;
    for (const auto e : p.wait(timeout))
        out.push_back(e);
    return out;
}

// The only event of the first wait that has some (bounded).
tsock::poll_event<int> only_event(poller& p)
{
    const auto until = steady::now() + patience;
    while (steady::now() < until) {
        const auto events = events_of(p, std::chrono::ceil<std::chrono::milliseconds>(until - steady::now()));
        if (!events.empty()) {
            BOOST_REQUIRE_EQUAL(events.size(), 1u);
            return events.front();
        }
    }
    BOOST_FAIL("no event within the patience");
    return {0, tsock::readiness::none};
}

void expect_quiet(poller& p) { BOOST_TEST(events_of(p, 20ms).empty()); }

void put(nb_tcp& s, std::string_view data)
{
    const auto r = s.send(data);
    BOOST_REQUIRE(r.has_value());
    BOOST_REQUIRE_EQUAL(*r, data.size());
}

void drain(nb_tcp& s)
{
    std::string buffer(4096, '\0');
    for (int i = 0; i != 1000; ++i) {
        const auto r = s.recv(buffer);
        if (!r || *r == 0)
            break;
    }
}

} // namespace

BOOST_AUTO_TEST_CASE(readable_after_data)
{
    tcp_pair c;
    poller p;
    p.add(c.server, interest::readable, 1);
    BOOST_TEST(events_of(p, 0ms).empty());
    put(c.client, "x"sv);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 1);
    BOOST_TEST(e.readable());
    BOOST_TEST(!e.writable());
    // Level-triggered: again while unread.
    BOOST_TEST(only_event(p).readable());
    drain(c.server);
    expect_quiet(p);
    p.remove(c.server);
}

BOOST_AUTO_TEST_CASE(writable)
{
    tcp_pair c;
    poller p;
    p.add(c.client, interest::writable, 2);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 2);
    BOOST_TEST(e.writable());
    p.remove(c.client);
}

BOOST_AUTO_TEST_CASE(listener_readable)
{
    auto l = nb_listener::listen_on({tsock::address_v4::loopback(), 0});
    poller p;
    p.add(l, interest::readable, 3);
    expect_quiet(p);
    auto client = nb_tcp::open_for(l.local_endpoint());
    (void)client.connect(l.local_endpoint());
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 3);
    BOOST_TEST(e.readable());
    auto a = l.accept();
    BOOST_TEST(a.has_value());
    p.remove(l);
}

BOOST_AUTO_TEST_CASE(remove_and_registration_errors)
{
    tcp_pair c;
    poller p;
    p.add(c.server, interest::readable, 1);
    BOOST_TEST(p.contains(c.server));
    BOOST_TEST(p.size() == 1u);
    std::error_code ec;
    p.add(c.server, interest::readable, 2, ec);
    BOOST_TEST((ec == tsock::error::already_registered));
    put(c.client, "x"sv);
    p.remove(c.server);
    BOOST_TEST(!p.contains(c.server));
    BOOST_TEST(p.size() == 0u);
    expect_quiet(p);
    p.remove(c.server, ec);
    BOOST_TEST((ec == tsock::error::not_registered));
    p.add(c.server, interest::readable, 4);
    BOOST_TEST(only_event(p).token() == 4);
    p.remove(c.server);
}

// A handler that removes another socket whose event is in the same batch:
// that event is never delivered.
BOOST_AUTO_TEST_CASE(remove_drops_events_of_the_current_batch)
{
    tcp_pair c1;
    tcp_pair c2;
    poller p;
    nb_tcp* by_token[3] = {nullptr, &c1.server, &c2.server};
    p.add(c1.server, interest::readable, 1);
    p.add(c2.server, interest::readable, 2);
    put(c1.client, "x"sv);
    put(c2.client, "y"sv);
    for (int i = 0; i != 100 && events_of(p, patience).size() != 2u; ++i) {
    }
    std::vector<int> seen;
    for (const auto e : p.wait(patience)) {
        seen.push_back(e.token());
        const int other = 3 - e.token();
        if (by_token[other]) {
            p.remove(*by_token[other]);
            by_token[other]->close();
            by_token[other] = nullptr;
        }
    }
    BOOST_TEST(seen.size() == 1u);
    p.remove(*by_token[seen.front()]);
}

BOOST_AUTO_TEST_CASE(wake_from_another_thread)
{
    poller p;
    tcp_pair c;
    p.add(c.server, interest::readable, 1);
    std::thread waker([&p] {
        std::this_thread::sleep_for(50ms); // pacing
        p.wake();
    });
    const auto start = steady::now();
    std::size_t n = 99;
    for (const auto e : p.wait()) {
        (void)e;
        ++n;
    }
    const auto took = steady::now() - start;
    waker.join();
    BOOST_TEST(n == 99u, "a wake reports no event");
    BOOST_TEST(took < patience, ms(took));
    // Used up: the next wait times out; a wake before a wait ends it.
    expect_quiet(p);
    p.wake();
    const auto again = steady::now();
    BOOST_TEST(events_of(p, patience).empty());
    BOOST_TEST((steady::now() - again < 5s));
    p.remove(c.server);
}

BOOST_AUTO_TEST_CASE(one_shot)
{
    tcp_pair c;
    poller p;
    p.add(c.server, interest::readable, 7, tsock::one_shot);
    put(c.client, "x"sv);
    BOOST_TEST(only_event(p).token() == 7);
    expect_quiet(p);
    p.rearm(c.server);
    BOOST_TEST(only_event(p).token() == 7);
    expect_quiet(p);
    p.modify(c.server, interest::readable, 8);
    BOOST_TEST(only_event(p).token() == 8);
    expect_quiet(p);
    p.remove(c.server);
}

BOOST_AUTO_TEST_CASE(timeouts)
{
    tcp_pair c;
    poller p;
    p.add(c.server, interest::readable, 1);
    auto start = steady::now();
    BOOST_TEST(events_of(p, 50ms).empty());
    auto took = steady::now() - start;
    BOOST_TEST(took >= 50ms, ms(took));
    BOOST_TEST(took < 50ms + 2s, ms(took));
    start = steady::now();
    BOOST_TEST(events_of(p, 0ms).empty());
    BOOST_TEST((steady::now() - start < 500ms));
    std::error_code ec;
    BOOST_TEST(p.wait(-1ms, ec).empty());
    BOOST_TEST((ec == tsock::error::negative_duration));
    BOOST_CHECK_THROW(p.wait(-1ms), std::system_error);
    p.remove(c.server);
}

BOOST_AUTO_TEST_CASE(peer_close)
{
    tcp_pair c;
    poller p;
    p.add(c.server, interest::readable, 1);
    c.client.close();
    const auto e = only_event(p);
    BOOST_TEST((e.readable() || e.hang_up()));
    std::string buffer(16, '\0');
    const auto r = c.server.recv(buffer);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(*r == 0u);
    p.remove(c.server);
}
