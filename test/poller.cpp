// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/poller.hpp>

#define BOOST_TEST_MODULE poller
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>

#include <boost/core/demangle.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>
#include <vector>

#include <csignal>
#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;

using tsock::interest;
using tsock::non_blocking;
using tsock::readiness;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

using nb_tcp = tsock::basic_socket<tsock::ipv4, tsock::stream, non_blocking>;
using nb_tcp_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, non_blocking>;
using nb_local = tsock::basic_socket<tsock::local, tsock::stream, non_blocking>;

// The two backends Linux has: each behaviour test runs over both.
using backends = std::tuple<tsock::epoll_backend, tsock::poll_backend>;

std::pair<nb_local, nb_local> local_pair() { return tsock::socket_pair<tsock::stream, non_blocking>(); }

// The events of one wait, copied out of the poller's buffer.
template <class Poller, class... Timeout>
std::vector<tsock::poll_event<typename Poller::token_type>> events_of(Poller& p, Timeout... timeout)
{
    std::vector<tsock::poll_event<typename Poller::token_type>> out;
    for (const auto e : p.wait(timeout...))
        out.push_back(e);
    return out;
}

// The events of the first wait that has some (bounded by patience).
template <class Poller>
std::vector<tsock::poll_event<typename Poller::token_type>> next_events(Poller& p)
{
    const auto until = steady::now() + patience;
    while (steady::now() < until) {
        auto events = events_of(p, std::chrono::ceil<std::chrono::milliseconds>(until - steady::now()));
        if (!events.empty())
            return events;
    }
    BOOST_FAIL("no event within " << patience.count() << " ms");
    return {};
}

// The only event of the next wait that has some.
template <class Poller>
tsock::poll_event<typename Poller::token_type> only_event(Poller& p)
{
    auto events = next_events(p);
    BOOST_REQUIRE_EQUAL(events.size(), 1u);
    return events.front();
}

// A wait that must report nothing: long enough for an event that is
// coming to arrive (20 ms), not a synchronisation.
template <class Poller>
void expect_quiet(Poller& p)
{
    const auto events = events_of(p, 20ms);
    BOOST_TEST(events.empty(), events.size() << " unexpected events");
}

std::string drain(nb_local& s)
{
    std::string all;
    std::string buffer(4096, '\0');
    for (int i = 0; i != 1000; ++i) {
        const auto r = s.recv(buffer);
        if (!r || *r == 0)
            break;
        all.append(buffer, 0, *r);
    }
    return all;
}

// Sends a few bytes, which must go at once.
template <class S>
void put(S& s, std::string_view data)
{
    const auto r = s.send(data);
    BOOST_REQUIRE(r.has_value());
    BOOST_REQUIRE_EQUAL(*r, data.size());
}

template <class E>
bool is_code(const std::system_error& e, E expected)
{
    return e.code() == expected;
}

// A loopback port nobody listens on: one the kernel gave a listener that is
// closed again.
tsock::ipv4_endpoint dead_endpoint()
{
    auto l = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    return l.local_endpoint();
}

} // namespace

// ---------------------------------------------------------------------------
// Compile time

template <class P, class S>
concept can_add = requires(P& p, const S& s) { p.add(s, interest::readable, typename P::token_type{}); };
template <class P, class S, class Trigger>
concept can_add_with = requires(P& p, const S& s, Trigger t) { p.add(s, interest::readable, typename P::token_type{}, t); };
template <class P, class T>
concept can_wait_for = requires(P& p, T t) { p.wait(t); };

using epoll_poller = tsock::basic_poller<int, tsock::epoll_backend>;
using poll_poller = tsock::basic_poller<int, tsock::poll_backend>;
using blocking_tcp = tsock::tcp_socket;
using timeout_tcp = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>;

static_assert(std::is_same_v<tsock::default_poll_backend, tsock::epoll_backend>, "Linux's default is epoll");
static_assert(std::is_same_v<tsock::poller<int>, tsock::basic_poller<int, tsock::epoll_backend>>);
static_assert(tsock::epoll_backend::available && tsock::poll_backend::available);
static_assert(!tsock::wsapoll_backend::available && !tsock::kqueue_backend::available);
static_assert(epoll_poller::has_edge_triggered && epoll_poller::has_one_shot);
static_assert(!poll_poller::has_edge_triggered && poll_poller::has_one_shot);

// Tokens: at most 8 bytes, trivially copyable.
struct conn;
enum class slot : std::uint16_t {};
static_assert(tsock::poll_token<conn*> && tsock::poll_token<int> && tsock::poll_token<std::uint64_t> &&
              tsock::poll_token<slot> && tsock::poll_token<std::array<char, 8>>);
static_assert(!tsock::poll_token<std::array<char, 9>> && !tsock::poll_token<std::string>);

// What can be registered: non-blocking sockets and listeners, unchecked
// handles; not a blocking or timeout-mode socket.
static_assert(can_add<epoll_poller, nb_tcp> && can_add<epoll_poller, nb_tcp_listener> &&
              can_add<epoll_poller, nb_local> && can_add<epoll_poller, tsock::unchecked_handle>);
static_assert(!can_add<epoll_poller, blocking_tcp> && !can_add<epoll_poller, timeout_tcp> &&
              !can_add<poll_poller, blocking_tcp> && !can_add<epoll_poller, tsock::tcp_listener>);
static_assert(!can_add<epoll_poller, int>, "a descriptor number goes through unchecked_handle");
// Triggers: poll has no edge-triggered mode.
static_assert(can_add_with<epoll_poller, nb_tcp, tsock::trigger<true, false>> &&
              can_add_with<epoll_poller, nb_tcp, tsock::trigger<true, true>> &&
              can_add_with<poll_poller, nb_tcp, tsock::trigger<false, true>> &&
              can_add_with<poll_poller, nb_tcp, tsock::trigger<false, false>>);
static_assert(!can_add_with<poll_poller, nb_tcp, tsock::trigger<true, false>> &&
              !can_add_with<poll_poller, nb_tcp, tsock::trigger<true, true>>);
// Timeouts are durations.
static_assert(can_wait_for<epoll_poller, std::chrono::milliseconds> &&
              can_wait_for<epoll_poller, std::chrono::duration<double>>);
static_assert(!can_wait_for<epoll_poller, int> && !can_wait_for<epoll_poller, double>);
// The event range.
static_assert(std::ranges::forward_range<epoll_poller::events_type>);
static_assert(std::is_same_v<std::ranges::range_value_t<epoll_poller::events_type>, tsock::poll_event<int>>);
static_assert(!std::is_copy_constructible_v<epoll_poller>);

// ---------------------------------------------------------------------------
// Readiness

BOOST_AUTO_TEST_CASE_TEMPLATE(readable_after_data, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    BOOST_TEST(events_of(p, 0ms).empty());
    put(b, "x"sv);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 1);
    BOOST_TEST(e.readable());
    BOOST_TEST(!e.writable());
    BOOST_TEST(!e.error());
    BOOST_TEST(((e.what() & readiness::readable) == readiness::readable));
    BOOST_TEST(drain(a) == "x");
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(writable_with_room, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::writable, 2);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 2);
    BOOST_TEST(e.writable());
    BOOST_TEST(!e.readable());
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(peer_close_is_hang_up_or_end_of_stream, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 3);
    expect_quiet(p);
    b.close();
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 3);
    BOOST_TEST((e.readable() || e.hang_up()));
    std::string buffer(16, '\0');
    const auto r = a.recv(buffer);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(*r == 0u, "recv after the peer's close: " << *r << " bytes");
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(tcp_peer_close, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto l = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    auto c = nb_tcp::open_for(l.local_endpoint());
    (void)c.connect(l.local_endpoint());
    BOOST_REQUIRE(wait_for(l.native_handle(), POLLIN));
    auto server = std::move(l.accept()->socket);
    p.add(c, interest::readable, 4);
    server.close();
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 4);
    BOOST_TEST((e.readable() || e.hang_up()));
    std::string buffer(16, '\0');
    const auto r = c.recv(buffer);
    BOOST_REQUIRE(r.has_value());
    BOOST_TEST(*r == 0u);
    p.remove(c);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(non_blocking_connect_completes_writable, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto l = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    auto c = nb_tcp::open_for(l.local_endpoint());
    const auto status = c.connect(l.local_endpoint());
    BOOST_TEST((status == tsock::connect_status::in_progress || status == tsock::connect_status::connected));
    p.add(c, interest::writable, 5);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 5);
    BOOST_TEST(e.writable());
    BOOST_TEST(!e.error());
    BOOST_TEST(!c.pending_error());
    p.remove(c);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(non_blocking_connect_refused_is_an_error, B, backends)
{
    tsock::basic_poller<int, B> p;
    const auto ep = dead_endpoint();
    auto c = nb_tcp::open_for(ep);
    std::error_code ec;
    const auto status = c.connect(ep, ec);
    BOOST_REQUIRE_MESSAGE(status == tsock::connect_status::in_progress,
                          "loopback connect to a closed port: " << ec.message());
    p.add(c, interest::writable, 6);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 6);
    BOOST_TEST((e.error() || e.hang_up()));
    const auto pending = c.pending_error();
    BOOST_TEST((pending == std::errc::connection_refused), pending.message());
    p.remove(c);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(listener_readable_on_a_pending_connection, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto l = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    p.add(l, interest::readable, 7);
    expect_quiet(p);
    auto c = nb_tcp::open_for(l.local_endpoint());
    (void)c.connect(l.local_endpoint());
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 7);
    BOOST_TEST(e.readable());
    auto a = l.accept();
    BOOST_TEST(a.has_value());
    BOOST_TEST(events_of(p, 0ms).empty(), "the listener is quiet once its connection is accepted");
    p.remove(l);
}

// ---------------------------------------------------------------------------
// Triggers

BOOST_AUTO_TEST_CASE_TEMPLATE(level_triggered_reports_at_every_wait, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1, tsock::level_triggered);
    put(b, "x"sv);
    for (int i = 0; i != 3; ++i) {
        const auto e = only_event(p);
        BOOST_TEST(e.readable());
    }
    drain(a);
    BOOST_TEST(events_of(p, 0ms).empty());
    p.remove(a);
}

BOOST_AUTO_TEST_CASE(edge_triggered_reports_once_until_new_data)
{
    tsock::basic_poller<int, tsock::epoll_backend> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1, tsock::edge_triggered);
    put(b, "x"sv);
    BOOST_TEST(only_event(p).readable());
    expect_quiet(p); // "x" is still unread
    put(b, "y"sv);
    BOOST_TEST(only_event(p).readable());
    expect_quiet(p);
    BOOST_TEST(drain(a) == "xy");
    p.remove(a);
}

BOOST_AUTO_TEST_CASE(edge_triggered_one_shot)
{
    tsock::basic_poller<int, tsock::epoll_backend> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1, tsock::edge_triggered_one_shot);
    put(b, "x"sv);
    BOOST_TEST(only_event(p).readable());
    put(b, "y"sv);
    expect_quiet(p); // disarmed, new data or not
    p.rearm(a);
    BOOST_TEST(only_event(p).readable()); // armed again with unread data
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(one_shot_reports_once_until_rearmed, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 8, tsock::one_shot);
    put(b, "x"sv);
    BOOST_TEST(only_event(p).token() == 8);
    expect_quiet(p);
    put(b, "y"sv);
    expect_quiet(p);
    p.rearm(a);
    BOOST_TEST(only_event(p).token() == 8);
    expect_quiet(p);
    // modify arms it again too, with a new interest and token.
    p.modify(a, interest::readable | interest::writable, 9);
    const auto e = only_event(p);
    BOOST_TEST(e.token() == 9);
    BOOST_TEST((e.readable() && e.writable()));
    expect_quiet(p);
    p.modify(a, interest::writable);
    const auto w = only_event(p);
    BOOST_TEST(w.token() == 9, "modify without a token keeps it");
    BOOST_TEST((w.writable() && !w.readable()));
    BOOST_TEST(p.size() == 1u);
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(modify_changes_interest_and_token, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    expect_quiet(p);
    p.modify(a, interest::writable);
    auto e = only_event(p);
    BOOST_TEST((e.token() == 1 && e.writable()));
    p.modify(a, interest::none, 2);
    expect_quiet(p);
    put(b, "x"sv);
    p.modify(a, interest::readable, 3);
    e = only_event(p);
    BOOST_TEST((e.token() == 3 && e.readable() && !e.writable()));
    std::error_code ec;
    auto [c, d] = local_pair();
    p.modify(c, interest::readable, ec);
    BOOST_TEST(ec == tsock::error::not_registered);
    BOOST_CHECK_EXCEPTION(p.rearm(c), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::not_registered); });
    p.remove(a);
}

// watch: adds, changes, or (none) removes, so a paused source whose peer has
// gone reports nothing, where modify(none) would still report the hang-up.
BOOST_AUTO_TEST_CASE_TEMPLATE(watch_adds_changes_and_pauses, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.watch(a, interest::none, 1); // neither here nor wanted: nothing
    BOOST_TEST(!p.contains(a));
    p.watch(a, interest::readable, 1);
    BOOST_TEST(p.contains(a));
    expect_quiet(p);
    p.watch(a, interest::writable, 2);
    auto e = only_event(p);
    BOOST_TEST((e.token() == 2 && e.writable() && !e.readable()));
    p.watch(a, interest::none, 2); // paused
    BOOST_TEST(!p.contains(a));
    BOOST_TEST(p.size() == 0u);
    b.close();
    expect_quiet(p); // modify(none) would report the hang-up here
    std::error_code ec = make_error_code(tsock::error::timed_out);
    p.watch(a, interest::readable, 3, ec);
    BOOST_TEST(!ec);
    e = only_event(p);
    BOOST_TEST((e.token() == 3 && (e.readable() || e.hang_up())));
    p.remove(a);
}

// ---------------------------------------------------------------------------
// Registration and removal

BOOST_AUTO_TEST_CASE_TEMPLATE(no_events_after_remove, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    put(b, "x"sv);
    BOOST_TEST(events_of(p, 0ms).size() == 1u);
    p.remove(a);
    BOOST_TEST(!p.contains(a));
    BOOST_TEST(p.size() == 0u);
    expect_quiet(p);
    BOOST_CHECK_EXCEPTION(p.remove(a), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::not_registered); });
    std::error_code ec;
    p.remove(b, ec);
    BOOST_TEST(ec == tsock::error::not_registered);
    // Registered again, it reports again.
    p.add(a, interest::readable, 2);
    BOOST_TEST(only_event(p).token() == 2);
    p.remove(a, ec);
    BOOST_TEST(!ec);
}

// A handler that removes and closes another socket whose event is in the
// same batch: that event is never delivered.
BOOST_AUTO_TEST_CASE_TEMPLATE(remove_drops_events_of_the_current_batch, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a1, b1] = local_pair();
    auto [a2, b2] = local_pair();
    std::array<nb_local*, 3> by_token{nullptr, &a1, &a2}; // by token
    p.add(a1, interest::readable, 1);
    p.add(a2, interest::readable, 2);
    put(b1, "x"sv);
    put(b2, "y"sv);
    BOOST_REQUIRE_EQUAL(events_of(p, patience).size(), 2u); // both ready (level: still ready below)
    std::vector<int> seen;
    for (const auto e : p.wait(patience)) {
        seen.push_back(e.token());
        const auto other = static_cast<std::size_t>(3 - e.token());
        if (nb_local* s = by_token[other]) {
            p.remove(*s);
            s->close();
            by_token[other] = nullptr;
        }
    }
    BOOST_TEST(seen.size() == 1u, seen.size() << " events delivered; the second socket was removed and closed");
    BOOST_TEST(p.size() == 1u);
    p.remove(*by_token[static_cast<std::size_t>(seen.front())]);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(add_twice_is_already_registered, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    BOOST_CHECK_EXCEPTION(p.add(a, interest::writable, 2), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::already_registered); });
    std::error_code ec;
    p.add(a, interest::readable, 3, ec);
    BOOST_TEST(ec == tsock::error::already_registered);
    BOOST_TEST(p.size() == 1u);
    // The registration is the first one.
    put(b, "x"sv);
    const auto e = only_event(p);
    BOOST_TEST((e.token() == 1 && e.readable()));
    p.remove(a);
}

// The registration-lifetime rule: a socket closed while registered leaves
// its number registered; the socket that gets the number next is refused,
// until remove(new) clears the stale entry.
BOOST_AUTO_TEST_CASE_TEMPLATE(closed_without_remove, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    const int number = a.native_handle();
    p.add(a, interest::readable, 1);
    a.close();
    auto [c, d] = local_pair(); // the lowest free numbers: c gets a's
    BOOST_REQUIRE_EQUAL(c.native_handle(), number);
    BOOST_TEST(p.contains(c));
    BOOST_CHECK_EXCEPTION(p.add(c, interest::readable, 2), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::already_registered); });
    p.remove(c);
    BOOST_TEST(!p.contains(c));
    BOOST_TEST(p.size() == 0u);
    p.add(c, interest::readable, 2);
    put(d, "x"sv);
    const auto e = only_event(p);
    BOOST_TEST((e.token() == 2 && e.readable()));
    BOOST_TEST(drain(c) == "x");
    expect_quiet(p);
    p.remove(c);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reserved_token_is_refused, B, backends)
{
    tsock::basic_poller<std::uint64_t, B> p;
    auto [a, b] = local_pair();
    const std::uint64_t reserved = ~std::uint64_t(0);
    BOOST_CHECK_EXCEPTION(p.add(a, interest::readable, reserved), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::reserved_token); });
    BOOST_TEST(p.size() == 0u);
    BOOST_TEST(!p.contains(a));
    std::error_code ec;
    p.add(a, interest::readable, reserved, ec);
    BOOST_TEST(ec == tsock::error::reserved_token);
    p.add(a, interest::readable, reserved - 1);
    p.modify(a, interest::readable, reserved, ec);
    BOOST_TEST(ec == tsock::error::reserved_token);
    put(b, "x"sv);
    BOOST_TEST(only_event(p).token() == reserved - 1, "a refused modify keeps the registration");
    p.remove(a);
    // A narrower token cannot fill the 64 bits: -1 as an int is an ordinary token.
    tsock::basic_poller<int, B> q;
    q.add(a, interest::readable, -1);
    BOOST_TEST(only_event(q).token() == -1);
    q.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(contains_and_size, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    auto l = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0});
    BOOST_TEST(p.size() == 0u);
    BOOST_TEST(!p.contains(a));
    p.add(a, interest::readable, 1);
    p.add(b, interest::writable, 2);
    p.add(l, interest::readable, 3);
    BOOST_TEST(p.size() == 3u);
    BOOST_TEST((p.contains(a) && p.contains(b) && p.contains(l)));
    p.remove(b);
    BOOST_TEST(p.size() == 2u);
    BOOST_TEST((p.contains(a) && !p.contains(b)));
    p.remove(a);
    p.remove(l);
    BOOST_TEST(p.size() == 0u);
    using poller_type = tsock::basic_poller<int, B>;
    BOOST_CHECK_THROW(poller_type(0), std::invalid_argument);
}

// ---------------------------------------------------------------------------
// Tokens and unchecked handles

struct conn {
    nb_local socket;
    int reads = 0;
};

BOOST_AUTO_TEST_CASE_TEMPLATE(pointer_tokens, B, backends)
{
    tsock::basic_poller<conn*, B> p;
    auto [a1, b1] = local_pair();
    auto [a2, b2] = local_pair();
    conn c1{std::move(a1)};
    conn c2{std::move(a2)};
    p.add(c1.socket, interest::readable, &c1);
    p.add(c2.socket, interest::readable, &c2);
    put(b1, "1"sv);
    put(b2, "2"sv);
    for (int round = 0; round != 100 && (c1.reads == 0 || c2.reads == 0); ++round)
        for (const auto e : p.wait(patience)) {
            ++e.token()->reads;
            drain(e.token()->socket);
        }
    BOOST_TEST(c1.reads == 1);
    BOOST_TEST(c2.reads == 1);
    p.remove(c1.socket);
    p.remove(c2.socket);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(integer_and_enum_tokens, B, backends)
{
    auto [a, b] = local_pair();
    put(b, "x"sv);
    {
        tsock::basic_poller<std::uint16_t, B> p;
        p.add(a, interest::readable, std::uint16_t(0xffff));
        BOOST_TEST(only_event(p).token() == 0xffff);
        p.remove(a);
    }
    {
        tsock::basic_poller<slot, B> p;
        p.add(a, interest::readable, slot(42));
        BOOST_TEST((only_event(p).token() == slot(42)));
        p.remove(a);
    }
    {
        tsock::basic_poller<std::int64_t, B> p;
        p.add(a, interest::readable, std::int64_t(-2));
        BOOST_TEST(only_event(p).token() == -2);
        p.remove(a);
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(unchecked_eventfd, B, backends)
{
    const int fd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    BOOST_REQUIRE(fd >= 0);
    {
        tsock::basic_poller<int, B> p;
        const tsock::unchecked_handle h(fd);
        p.add(h, interest::readable, 11);
        BOOST_TEST(p.contains(h));
        expect_quiet(p);
        const std::uint64_t one = 1;
        BOOST_REQUIRE(::write(fd, &one, sizeof one) == sizeof one);
        const auto e = only_event(p);
        BOOST_TEST((e.token() == 11 && e.readable()));
        std::uint64_t value = 0;
        BOOST_REQUIRE(::read(fd, &value, sizeof value) == sizeof value);
        expect_quiet(p);
        p.remove(h);
    }
    ::close(fd);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(unchecked_pipe, B, backends)
{
    int fds[2];
    BOOST_REQUIRE(::pipe2(fds, O_CLOEXEC | O_NONBLOCK) == 0);
    {
        tsock::basic_poller<int, B> p;
        p.add(tsock::unchecked_handle(fds[0]), interest::readable, 0);
        p.add(tsock::unchecked_handle(fds[1]), interest::writable, 1);
        auto e = only_event(p);
        BOOST_TEST((e.token() == 1 && e.writable()));
        p.remove(tsock::unchecked_handle(fds[1]));
        BOOST_REQUIRE(::write(fds[1], "z", 1) == 1);
        e = only_event(p);
        BOOST_TEST((e.token() == 0 && e.readable()));
        ::close(fds[1]); // the writer goes: the reader hangs up once drained
        char c = 0;
        BOOST_REQUIRE(::read(fds[0], &c, 1) == 1);
        e = only_event(p);
        BOOST_TEST((e.token() == 0 && e.hang_up()));
        p.remove(tsock::unchecked_handle(fds[0]));
    }
    ::close(fds[0]);
}

// ---------------------------------------------------------------------------
// Batches smaller than the ready set

BOOST_AUTO_TEST_CASE_TEMPLATE(small_batches_starve_no_socket, B, backends)
{
    tsock::basic_poller<int, B> p(2);
    std::vector<std::pair<nb_local, nb_local>> pairs;
    for (int i = 0; i != 5; ++i) {
        pairs.push_back(local_pair());
        p.add(pairs.back().first, interest::readable, i);
        put(pairs.back().second, "x"sv);
    }
    std::set<int> seen;
    for (int w = 0; w != 3; ++w) {
        const auto events = events_of(p, patience);
        BOOST_TEST(events.size() <= 2u);
        BOOST_TEST(!events.empty());
        for (const auto& e : events)
            seen.insert(e.token());
    }
    BOOST_TEST(seen.size() == 5u, "over 3 waits of 2 events, " << seen.size() << " of 5 ready sockets reported");
    // And again, after a removal in between (the poll backend compacts).
    p.remove(pairs[1].first);
    seen.clear();
    for (int w = 0; w != 2; ++w)
        for (const auto& e : events_of(p, patience))
            seen.insert(e.token());
    BOOST_TEST((seen == std::set<int>{0, 2, 3, 4}));
    for (int i = 0; i != 5; ++i)
        if (i != 1)
            p.remove(pairs[static_cast<std::size_t>(i)].first);
}

// ---------------------------------------------------------------------------
// Waking and timeouts

BOOST_AUTO_TEST_CASE_TEMPLATE(wake_from_another_thread_ends_a_wait_for_ever, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    joining_thread waker([&p] {
        std::this_thread::sleep_for(50ms); // pacing: most likely after the wait began
        p.wake();
    });
    std::size_t n = 99;
    const auto took = time_of([&] { n = events_of(p).size(); });
    waker.join();
    BOOST_TEST(n == 0u);
    BOOST_TEST((took < patience), "woken after " << ms(took) << " ms");
    // The wake is used up: the next wait times out.
    BOOST_TEST((time_of([&] { BOOST_TEST(events_of(p, 30ms).empty()); }) >= 30ms));
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(wake_before_wait_ends_the_next_wait, B, backends)
{
    tsock::basic_poller<int, B> p;
    p.wake();
    const auto took = time_of([&] { BOOST_TEST(events_of(p).empty()); });
    BOOST_TEST((took < 1s), "took " << ms(took) << " ms");
    p.wake();
    p.wake(); // twice: one wait ends
    BOOST_TEST(events_of(p, patience).empty());
    BOOST_TEST((time_of([&] { BOOST_TEST(events_of(p, 30ms).empty()); }) >= 30ms));
    // A wake while a socket is ready: the socket's event is there.
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 5);
    put(b, "x"sv);
    p.wake();
    const auto events = events_of(p, patience);
    BOOST_REQUIRE_EQUAL(events.size(), 1u);
    BOOST_TEST(events.front().token() == 5);
    p.remove(a);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(timeouts_are_bounded, B, backends)
{
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    auto took = time_of([&] { BOOST_TEST(events_of(p, 50ms).empty()); });
    BOOST_TEST((took >= 50ms), ms(took));
    BOOST_TEST((took < 50ms + 2s), ms(took));
    took = time_of([&] { BOOST_TEST(events_of(p, std::chrono::duration<double>(0.03)).empty()); });
    BOOST_TEST((took >= 30ms), ms(took));
    took = time_of([&] { BOOST_TEST(events_of(p, 1ns).empty()); });
    BOOST_TEST((took < 1s), ms(took));
    took = time_of([&] { BOOST_TEST(events_of(p, 0ms).empty()); });
    BOOST_TEST((took < 100ms), ms(took));
    // Zero looks: a ready socket is reported.
    put(b, "x"sv);
    BOOST_TEST(events_of(p, 0ms).size() == 1u);
    BOOST_CHECK_EXCEPTION(p.wait(-1ms), std::system_error,
                          [](const std::system_error& x) { return is_code(x, tsock::error::negative_duration); });
    std::error_code ec;
    BOOST_TEST(p.wait(-1ns, ec).empty());
    BOOST_TEST(ec == tsock::error::negative_duration);
    BOOST_TEST(!p.wait(0ms, ec).empty());
    BOOST_TEST(!ec);
    BOOST_TEST(!p.wait(ec).empty());
    BOOST_TEST(!ec);
    // Beyond the clock's range: no limit (data is ready, so it returns).
    BOOST_TEST(!events_of(p, std::chrono::hours::max()).empty());
    p.remove(a);
}

// Signals (SIGUSR1 without SA_RESTART) every ~1 ms do not end a wait early,
// nor make it fail; a wait that gets an event still delivers it.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_signal_storm_does_not_interrupt_a_wait, B, backends)
{
    sigusr1_without_restart handler;
    tsock::basic_poller<int, B> p;
    auto [a, b] = local_pair();
    p.add(a, interest::readable, 1);
    const int before = handler.count();
    {
        joining_thread storm = signal_storm(::pthread_self(), 250, [] {});
        std::error_code ec;
        std::vector<tsock::poll_event<int>> events;
        const auto took = time_of([&] {
            for (const auto e : p.wait(200ms, ec))
                events.push_back(e);
        });
        storm.join();
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(events.empty());
        BOOST_TEST((took >= 200ms), ms(took));
        BOOST_TEST((took < 200ms + 5s), ms(took));
    }
    BOOST_TEST(handler.count() > before, "signals caught during the wait: " << handler.count() - before);
    {
        joining_thread storm = signal_storm(::pthread_self(), 100, [&b] { put(b, "after the storm"sv); });
        const auto e = only_event(p);
        storm.join();
        BOOST_TEST((e.token() == 1 && e.readable()));
    }
    p.remove(a);
}

// ---------------------------------------------------------------------------
// Load: 10,000 concurrent loopback connections through one poller, each
// echoing a checksummed message, every byte checked at both ends. Both ends
// do not fit in one process (the hard descriptor limit here is 20,000), so
// a forked child runs the clients (with its own epoll poller) and this
// process the echo server. Bounded: the child dies of SIGALRM, the server
// gives up at its deadline and kills and reaps the child.

namespace load {

constexpr std::uint32_t connections = 10000;
// Connections started and not yet fully echoed, at most: below the listen
// backlog (SOMAXCONN, 4096 here), so that no SYN is dropped for a full
// accept queue (a dropped SYN is retried a second later).
constexpr std::uint32_t in_flight = 2000;
constexpr auto limit = 60s;
constexpr std::uint32_t listener_token = ~std::uint32_t(0) - 1;

// The message of connection id: its id and size (4 bytes each, host order),
// size bytes of pattern, and their 64-bit FNV-1a.
std::size_t body_size(std::uint32_t id) { return 100 + (id * 7919u) % 1900u; }

std::uint64_t fnv1a(std::string_view bytes)
{
    std::uint64_t h = 14695981039346656037u;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211u;
    }
    return h;
}

std::string message(std::uint32_t id)
{
    const auto size = static_cast<std::uint32_t>(body_size(id));
    std::string m(8 + size + 8, '\0');
    std::memcpy(m.data(), &id, 4);
    std::memcpy(m.data() + 4, &size, 4);
    for (std::uint32_t i = 0; i != size; ++i)
        m[8 + i] = static_cast<char>(pattern_byte(std::uint64_t(id) * 4096u + i));
    const std::uint64_t sum = fnv1a(std::string_view(m).substr(8, size));
    std::memcpy(m.data() + 8 + size, &sum, 8);
    return m;
}

// What the server received is one whole message: size and checksum agree,
// and every byte is the pattern's.
bool valid(const std::string& m)
{
    if (m.size() < 16)
        return false;
    std::uint32_t id = 0;
    std::uint32_t size = 0;
    std::memcpy(&id, m.data(), 4);
    std::memcpy(&size, m.data() + 4, 4);
    if (id >= connections || size != body_size(id) || m.size() != 16u + size)
        return false;
    std::uint64_t sum = 0;
    std::memcpy(&sum, m.data() + 8 + size, 8);
    return sum == fnv1a(std::string_view(m).substr(8, size)) && m == message(id);
}

void raise_descriptor_limit()
{
    ::rlimit r{};
    if (::getrlimit(RLIMIT_NOFILE, &r) == 0 && r.rlim_cur < r.rlim_max) {
        r.rlim_cur = r.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &r);
    }
}

// The clients, in the child: the exit status says how it went (0: every
// echo checked; 3: a wrong byte; 4: a connection failed; 5: an exception).
[[noreturn]] void run_clients(const tsock::ipv4_endpoint& server) noexcept
{
    ::alarm(static_cast<unsigned>(limit.count()));
    raise_descriptor_limit();
    int status = 0;
    try {
        struct client {
            nb_tcp socket;
            std::string out;
            std::size_t sent = 0;
            std::size_t checked = 0;
        };
        std::vector<client> clients(connections);
        tsock::basic_poller<std::uint32_t, tsock::epoll_backend> p(512);
        std::uint32_t started = 0;
        std::uint32_t done = 0;
        std::string buffer(65536, '\0');
        while (done != connections && status == 0) {
            for (; started != connections && started - done < in_flight; ++started) {
                client& c = clients[started];
                c.out = message(started);
                c.socket = nb_tcp::open_for(server);
                (void)c.socket.connect(server);
                p.add(c.socket, interest::writable, started);
            }
            for (const auto e : p.wait(10s)) {
                client& c = clients[e.token()];
                if (c.sent != c.out.size()) {
                    if (e.error() || e.hang_up()) {
                        status = 4;
                        break;
                    }
                    if (const auto n = c.socket.send(std::string_view(c.out).substr(c.sent)))
                        c.sent += *n;
                    if (c.sent == c.out.size())
                        p.modify(c.socket, interest::readable);
                    continue;
                }
                const auto n = c.socket.recv(buffer);
                if (!n)
                    continue;
                if (*n == 0 || c.checked + *n > c.out.size() ||
                    std::memcmp(buffer.data(), c.out.data() + c.checked, *n) != 0) {
                    status = *n == 0 ? 4 : 3;
                    break;
                }
                c.checked += *n;
                if (c.checked == c.out.size()) {
                    p.remove(c.socket); // stays open: all 10,000 at once
                    ++done;
                }
            }
        }
    } catch (...) {
        status = 5;
    }
    ::_exit(status); // the sockets close with the process
}

struct server_stats {
    std::uint32_t accepted = 0;
    std::uint32_t valid = 0;
    std::uint32_t closed = 0;
    std::size_t most_registered = 0;
    bool timed_out = false;
};

// The echo server, here: echoes what each connection sends, checks the
// whole message when the client closes, then removes and closes it.
template <class Backend>
server_stats run_server(nb_tcp_listener& listener)
{
    struct connection {
        nb_tcp socket;
        std::string in;
        std::size_t echoed = 0;
        bool wants_writable = false;
    };
    server_stats stats;
    std::vector<connection> slots(connections);
    tsock::basic_poller<std::uint32_t, Backend> p;
    p.add(listener, interest::readable, listener_token);
    std::string buffer(65536, '\0');
    const auto until = steady::now() + limit;
    auto echo = [&](connection& c) {
        while (c.echoed != c.in.size()) {
            const auto n = c.socket.send(std::string_view(c.in).substr(c.echoed));
            if (!n)
                break;
            c.echoed += *n;
        }
        const bool wants = c.echoed != c.in.size();
        if (wants != c.wants_writable) {
            p.modify(c.socket, wants ? interest::readable | interest::writable : interest::readable);
            c.wants_writable = wants;
        }
    };
    while (stats.closed != connections) {
        if (steady::now() > until) {
            stats.timed_out = true;
            break;
        }
        for (const auto e : p.wait(1s)) {
            if (e.token() == listener_token) {
                for (int i = 0; i != 1024 && stats.accepted != connections; ++i) {
                    auto a = listener.accept();
                    if (!a)
                        break;
                    connection& c = slots[stats.accepted];
                    c.socket = std::move(a->socket);
                    p.add(c.socket, interest::readable, stats.accepted);
                    ++stats.accepted;
                }
                stats.most_registered = std::max(stats.most_registered, p.size());
                continue;
            }
            connection& c = slots[e.token()];
            if (e.writable())
                echo(c);
            if (!e.readable() && !e.hang_up() && !e.error())
                continue;
            std::error_code ec;
            const auto n = c.socket.recv(buffer, ec);
            if (!n && !ec)
                continue; // would block
            if (n && *n != 0) {
                c.in.append(buffer, 0, *n);
                echo(c);
                continue;
            }
            // The client's end (or an error): check, and let go.
            if (n && c.echoed == c.in.size() && valid(c.in))
                ++stats.valid;
            p.remove(c.socket);
            c.socket.close();
            c.in = std::string();
            ++stats.closed;
        }
    }
    p.remove(listener);
    return stats;
}

} // namespace load

BOOST_AUTO_TEST_CASE_TEMPLATE(load_10000_connections, B, backends)
{
    load::raise_descriptor_limit();
    ::rlimit r{};
    BOOST_REQUIRE(::getrlimit(RLIMIT_NOFILE, &r) == 0);
    BOOST_REQUIRE_MESSAGE(r.rlim_cur >= load::connections + 100, "RLIMIT_NOFILE " << r.rlim_cur);
    const int fds_before = open_fd_count();
    const auto start = steady::now();
    load::server_stats stats;
    int child_status = -1;
    {
        auto listener = nb_tcp_listener::listen_on({tsock::address_v4::loopback(), 0}, SOMAXCONN);
        const auto ep = listener.local_endpoint();
        const ::pid_t child = ::fork();
        BOOST_REQUIRE(child >= 0);
        if (child == 0) {
            ::close(listener.release()); // nothing in the child may throw into Boost.Test
            load::run_clients(ep);
        }
        try {
            stats = load::run_server<B>(listener);
        } catch (...) {
            ::kill(child, SIGKILL);
            ::waitpid(child, nullptr, 0);
            throw;
        }
        // Reap the child: it exits once its last echo is checked.
        const auto until = steady::now() + 10s;
        while (::waitpid(child, &child_status, WNOHANG) == 0) {
            if (stats.timed_out || steady::now() > until) {
                ::kill(child, SIGKILL);
                ::waitpid(child, &child_status, 0);
                break;
            }
            std::this_thread::sleep_for(5ms); // polling a child's exit, not synchronising threads
        }
    }
    const auto took = steady::now() - start;
    BOOST_TEST_MESSAGE("load, " << boost::core::demangle(typeid(B).name()) << ": " << load::connections
                                << " connections in " << ms(took) << " ms, at most " << stats.most_registered
                                << " registered at once");
    BOOST_TEST(!stats.timed_out);
    BOOST_TEST(stats.accepted == load::connections);
    BOOST_TEST(stats.valid == load::connections, stats.valid << " messages arrived whole and checked");
    BOOST_TEST(stats.closed == load::connections);
    BOOST_TEST(stats.most_registered == std::size_t(load::connections) + 1, "all at once, with the listener");
    BOOST_TEST((WIFEXITED(child_status) && WEXITSTATUS(child_status) == 0),
               "client process status " << child_status << " (exit 3: a wrong echo byte; 4: a connection failed; "
                                        "5: an exception; signal 14: its alarm)");
    BOOST_TEST(open_fd_count() == fds_before, "descriptors: " << fds_before << " before, " << open_fd_count()
                                                              << " after");
}
