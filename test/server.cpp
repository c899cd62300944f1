// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>
#include <tsock/options.hpp>

#define BOOST_TEST_MODULE server
#include <boost/test/unit_test.hpp>

#include "support/joining_thread.hpp"
#include "support/socket_support.hpp"

#include <atomic>
#include <chrono>
#include <cstddef>
#include <exception>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <future>
#include <string_view>
#include <vector>

// Servers on 127.0.0.1 port 0; clients in timeout mode with tsock_test's
// patience, so a broken server fails a test instead of hanging it. Handlers
// that must overlap meet at a barrier built from a counter and a condition
// variable, each wait bounded.

using namespace std::chrono_literals;
using namespace tsock_test;

namespace {

using listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::blocking>;
using client = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>;
using peer_socket = listener::socket;

listener loopback_listener() { return listener::listen_on({tsock::address_v4::loopback(), 0}); }

client connect(const listener& l) { return client::connect_to(l.local_endpoint(), tsock::timeout{patience}); }

// Sends msg, reads it back, checks the bytes.
void echo_once(const listener& l, const std::string& msg)
{
    auto c = connect(l);
    c.send_all(msg);
    std::string back(msg.size(), '\0');
    c.recv_exact(back);
    BOOST_TEST(back == msg);
}

// Echoes until the peer closes.
struct echo {
    void operator()(peer_socket& s, const tsock::ipv4_endpoint&) const
    {
        char buf[256];
        for (;;) {
            const std::size_t n = s.recv(buf);
            if (n == 0)
                return;
            s.send_all(std::string_view(buf, n));
        }
    }
};

// Counts handlers running at once, and the most there were.
struct concurrency {
    std::atomic<int> now{0};
    std::atomic<int> most{0};
    void enter()
    {
        const int n = ++now;
        int m = most.load();
        while (n > m && !most.compare_exchange_weak(m, n)) {
        }
    }
    void leave() { --now; }
};

// Waits (bounded) until count reaches n.
struct gate {
    std::mutex m;
    std::condition_variable cv;
    int count = 0;
    bool open = false;
    void arrive()
    {
        std::lock_guard l(m);
        ++count;
        cv.notify_all();
    }
    bool wait_count(int n)
    {
        std::unique_lock l(m);
        return cv.wait_for(l, patience, [&] { return count >= n; });
    }
    void release()
    {
        std::lock_guard l(m);
        open = true;
        cv.notify_all();
    }
    bool wait_open()
    {
        std::unique_lock l(m);
        return cv.wait_for(l, patience, [&] { return open; });
    }
};

template <class Server>
struct serving {
    Server& srv;
    joining_thread t;
    explicit serving(Server& s) : srv(s), t([&s] { s.serve_forever(); }) {}
    ~serving() { srv.stop(patience); }
};

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

BOOST_AUTO_TEST_CASE(one_at_a_time_echoes)
{
    const int before = open_fd_count();
    {
        tsock::server srv(loopback_listener(), echo{});
        serving s(srv);
        for (int i = 0; i != 3; ++i)
            echo_once(srv.listener(), "hello " + std::to_string(i));
        BOOST_TEST(srv.stop(patience));
    }
    BOOST_TEST(open_fd_count() == before);
}

using threaded_policies = std::tuple<tsock::thread_per_connection, tsock::thread_pool>;

BOOST_AUTO_TEST_CASE_TEMPLATE(many_clients_at_once, Policy, threaded_policies)
{
    const int before = open_fd_count();
    {
        concurrency c;
        auto handler = [&](peer_socket& s, const tsock::ipv4_endpoint& p) {
            c.enter();
            echo{}(s, p);
            c.leave();
        };
        Policy policy{};
        if constexpr (std::is_same_v<Policy, tsock::thread_pool>)
            policy.threads = 20;
        tsock::server srv(loopback_listener(), handler, policy);
        serving s(srv);
        // 20 clients connected at once, each echoing twice.
        std::vector<client> clients;
        for (int i = 0; i != 20; ++i)
            clients.push_back(connect(srv.listener()));
        for (int round = 0; round != 2; ++round)
            for (std::size_t i = 0; i != clients.size(); ++i) {
                const std::string msg = "client " + std::to_string(i) + " round " + std::to_string(round);
                clients[i].send_all(msg);
                std::string back(msg.size(), '\0');
                clients[i].recv_exact(back);
                BOOST_TEST(back == msg);
            }
        BOOST_TEST(c.most.load() == 20);
        clients.clear();
        BOOST_TEST(srv.stop(patience));
        BOOST_TEST(c.now.load() == 0);
    }
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(limit_is_respected, Policy, threaded_policies)
{
    concurrency c;
    gate g;
    auto handler = [&](peer_socket& s, const tsock::ipv4_endpoint&) {
        c.enter();
        g.arrive();
        g.wait_open();
        s.send_all(std::string_view("x"));
        c.leave();
    };
    Policy policy{};
    if constexpr (std::is_same_v<Policy, tsock::thread_pool>)
        policy.threads = 8;
    tsock::server srv(loopback_listener(), handler, policy, 3);
    serving s(srv);
    std::vector<client> clients;
    for (int i = 0; i != 8; ++i)
        clients.push_back(connect(srv.listener())); // the kernel completes them: they wait in the queue
    BOOST_REQUIRE(g.wait_count(3));
    BOOST_TEST(c.now.load() == 3);
    g.release();
    for (auto& cl : clients) {
        char b = 0;
        cl.recv_exact(std::span<char>(&b, 1));
        BOOST_TEST(b == 'x');
    }
    BOOST_TEST(c.most.load() == 3);
    BOOST_TEST(srv.stop(patience));
}

BOOST_AUTO_TEST_CASE(handler_that_throws_loses_only_its_connection)
{
    std::mutex m;
    std::vector<std::string> errors;
    std::vector<tsock::ipv4_endpoint> peers;
    auto handler = [](peer_socket& s, const tsock::ipv4_endpoint& p) {
        char buf[16];
        const std::size_t n = s.recv(buf);
        if (std::string_view(buf, n) == "boom")
            throw std::runtime_error("boom from " + p.to_string());
        s.send_all(std::string_view(buf, n));
    };
    auto on_error = [&](const tsock::ipv4_endpoint& p, std::exception_ptr e) {
        std::lock_guard l(m);
        peers.push_back(p);
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& x) {
            errors.emplace_back(x.what());
        }
    };
    tsock::server srv(loopback_listener(), handler, tsock::thread_per_connection{}, 0, on_error);
    serving s(srv);
    auto bad = connect(srv.listener());
    const auto bad_ep = bad.local_endpoint();
    bad.send_all(std::string_view("boom"));
    char b = 0;
    BOOST_TEST(bad.recv(std::span<char>(&b, 1)) == 0u); // the server closed it
    echo_once(srv.listener(), "next");
    BOOST_TEST(srv.stop(patience));
    std::lock_guard l(m);
    BOOST_REQUIRE_EQUAL(errors.size(), 1u);
    BOOST_TEST(errors[0] == "boom from " + bad_ep.to_string());
    BOOST_TEST(peers[0] == bad_ep);
}

BOOST_AUTO_TEST_CASE(client_that_resets_mid_request)
{
    std::atomic<int> failures{0};
    auto on_error = [&](const tsock::ipv4_endpoint&, std::exception_ptr) { ++failures; };
    auto handler = [](peer_socket& s, const tsock::ipv4_endpoint&) {
        std::string req(100, '\0');
        s.recv_exact(req); // the client sends 10 bytes and resets: this throws
        s.send_all(req);
    };
    tsock::server srv(loopback_listener(), handler, tsock::thread_pool{2}, 0, on_error);
    serving s(srv);
    {
        auto c = connect(srv.listener());
        c.send_all(std::string_view("0123456789"));
        c.set(tsock::options::linger(0s));
    } // close with SO_LINGER 0: RST
    {
        auto c = connect(srv.listener());
        const std::string msg(100, 'a');
        c.send_all(msg);
        std::string back(100, '\0');
        c.recv_exact(back);
        BOOST_TEST(back == msg);
    }
    BOOST_TEST(srv.stop(patience));
    BOOST_TEST(failures.load() == 1);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(stop_while_handlers_run, Policy, threaded_policies)
{
    gate g;
    std::atomic<int> finished{0};
    auto handler = [&](peer_socket& s, const tsock::ipv4_endpoint&) {
        g.arrive();
        g.wait_open();
        s.send_all(std::string_view("done"));
        ++finished;
    };
    tsock::server srv(loopback_listener(), handler, Policy{});
    serving s(srv);
    std::vector<client> clients;
    for (int i = 0; i != 4; ++i)
        clients.push_back(connect(srv.listener()));
    BOOST_REQUIRE(g.wait_count(4));
    // Too short for the handlers, which wait for the gate: false, bounded.
    const auto t0 = std::chrono::steady_clock::now();
    BOOST_TEST(!srv.stop(50ms));
    BOOST_TEST((std::chrono::steady_clock::now() - t0 < patience));
    // No new connection is accepted after stop.
    BOOST_TEST(srv.stopping());
    g.release();
    BOOST_TEST(srv.stop(patience));
    BOOST_TEST(finished.load() == 4);
    for (auto& c : clients) {
        std::string back(4, '\0');
        c.recv_exact(back);
        BOOST_TEST(back == "done");
    }
}

BOOST_AUTO_TEST_CASE(stop_from_a_handler)
{
    tsock::server<listener, std::function<void(peer_socket&, const tsock::ipv4_endpoint&)>,
                  tsock::thread_per_connection>* self = nullptr;
    std::atomic<bool> stopped{false};
    tsock::server srv(loopback_listener(),
                      std::function<void(peer_socket&, const tsock::ipv4_endpoint&)>(
                          [&](peer_socket&, const tsock::ipv4_endpoint&) { stopped = self->stop(patience); }),
                      tsock::thread_per_connection{});
    self = &srv;
    joining_thread t([&] { srv.serve_forever(); });
    auto c = connect(srv.listener());
    t = joining_thread(); // serve_forever returns
    BOOST_TEST(stopped.load());
}

// serve(n): n connections served, then it returns (the handlers done);
// the next connection waits in the listen queue for the next serve.
using all_policies = std::tuple<tsock::one_at_a_time, tsock::thread_per_connection, tsock::thread_pool>;
BOOST_AUTO_TEST_CASE_TEMPLATE(serve_n_connections_then_return, Policy, all_policies)
{
    const int before = open_fd_count();
    {
        std::atomic<int> handled{0};
        auto handler = [&](peer_socket& s, const tsock::ipv4_endpoint& p) {
            echo{}(s, p);
            ++handled;
        };
        tsock::server srv(loopback_listener(), handler, Policy{});
        srv.serve(0); // nothing to serve: returns at once
        std::promise<void> returned;
        auto served = returned.get_future();
        {
            joining_thread t([&] {
                srv.serve(3);
                returned.set_value();
            });
            for (int i = 0; i != 3; ++i)
                echo_once(srv.listener(), "request " + std::to_string(i));
            BOOST_TEST((served.wait_for(patience) == std::future_status::ready));
        }
        BOOST_TEST(handled.load() == 3); // every handler had returned
        // A fourth client connects (the listener is open) and is served by
        // the next serve, not before.
        auto late = connect(srv.listener());
        late.send_all(std::string_view("late"));
        joining_thread t([&] { srv.serve(1); });
        std::string back(4, '\0');
        late.recv_exact(back);
        BOOST_TEST(back == "late");
        late.close();
    }
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(datagram_server_replies)
{
    using udp = tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::blocking>;
    using udp_client = tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::timeout>;
    const int before = open_fd_count();
    {
        auto sock = udp::open_for({tsock::address_v4::loopback(), 0});
        sock.bind({tsock::address_v4::loopback(), 0});
        std::atomic<int> errors{0};
        auto handler = [](std::span<const std::byte> data, const tsock::ipv4_endpoint&, const auto& reply) {
            const std::string_view text(reinterpret_cast<const char*>(data.data()), data.size());
            if (text == "boom")
                throw std::runtime_error("boom");
            reply("Hello, " + std::string(text) + "!");
        };
        tsock::datagram_server srv(std::move(sock), handler,
                                   [&](const tsock::ipv4_endpoint&, std::exception_ptr) { ++errors; });
        serving s(srv);
        auto c = udp_client::open_for(srv.socket().local_endpoint(), tsock::timeout{patience});
        (void)c.send_to(std::string_view("boom"), srv.socket().local_endpoint());
        for (const std::string name : {"ann", "bob"}) {
            (void)c.send_to(name, srv.socket().local_endpoint());
            std::string back(64, '\0');
            const auto r = c.recv_from(back);
            BOOST_TEST(back.substr(0, r.size) == "Hello, " + name + "!");
            BOOST_TEST(r.sender == srv.socket().local_endpoint());
        }
        BOOST_TEST(srv.stop(patience));
        BOOST_TEST(errors.load() == 1);
    }
    BOOST_TEST(open_fd_count() == before);
}

// A timeout-mode listener serves as well (its accept has its own deadline);
// the default error callback prints a line to stderr and the server serves on.
BOOST_AUTO_TEST_CASE(timeout_listener_and_default_error_callback)
{
    using timed_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::timeout>;
    auto l = timed_listener::listen_on({tsock::address_v4::loopback(), 0}, SOMAXCONN, tsock::timeout{patience});
    std::atomic<int> calls{0};
    auto handler = [&](timed_listener::socket& s, const tsock::ipv4_endpoint&) {
        if (++calls == 1)
            throw std::runtime_error("expected by the test (default error callback)");
        s.send_all(std::string_view("ok"));
    };
    tsock::server srv(std::move(l), handler, tsock::thread_pool{2});
    serving s(srv);
    const auto ep = srv.listener().local_endpoint();
    {
        auto c = client::connect_to(ep, tsock::timeout{patience});
        char b = 0;
        BOOST_TEST(c.recv(std::span<char>(&b, 1)) == 0u);
    }
    auto c = client::connect_to(ep, tsock::timeout{patience});
    std::string back(2, '\0');
    c.recv_exact(back);
    BOOST_TEST(back == "ok");
    BOOST_TEST(srv.stop(patience));
}

// The poller policy: one thread, a callback per readiness.
BOOST_AUTO_TEST_CASE(poll_server_echoes_and_survives_a_throw)
{
    using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;
    const int before = open_fd_count();
    {
        std::atomic<int> errors{0};
        auto handler = [](nb_listener::socket& s, const tsock::ipv4_endpoint&) {
            char buf[256];
            const auto r = s.recv(buf);
            if (!r)
                return true; // nothing yet
            if (*r == 0)
                return false; // the peer closed
            if (std::string_view(buf, *r) == "boom")
                throw std::runtime_error("boom");
            const auto sent = s.send(std::string_view(buf, *r)); // small: the send buffer has room
            return sent && *sent == *r;
        };
        tsock::poll_server srv(nb_listener::listen_on({tsock::address_v4::loopback(), 0}), handler, 0,
                               [&](const tsock::ipv4_endpoint&, std::exception_ptr) { ++errors; });
        serving s(srv);
        const auto ep = srv.listener().local_endpoint();
        {
            auto bad = client::connect_to(ep, tsock::timeout{patience});
            bad.send_all(std::string_view("boom"));
            char b = 0;
            BOOST_TEST(bad.recv(std::span<char>(&b, 1)) == 0u);
        }
        std::vector<client> clients;
        for (int i = 0; i != 20; ++i)
            clients.push_back(client::connect_to(ep, tsock::timeout{patience}));
        for (std::size_t i = 0; i != clients.size(); ++i) {
            const std::string msg = "client " + std::to_string(i);
            clients[i].send_all(msg);
            std::string back(msg.size(), '\0');
            clients[i].recv_exact(back);
            BOOST_TEST(back == msg);
        }
        BOOST_TEST(srv.stop(patience)); // with 20 connections open: closed by the server
        for (auto& c : clients) {
            char b = 0;
            BOOST_TEST(c.recv(std::span<char>(&b, 1)) == 0u);
        }
        BOOST_TEST(errors.load() == 1);
    }
    BOOST_TEST(open_fd_count() == before);
}

// Over the limit the poll server does not accept: the second client is
// answered only after the first has gone.
BOOST_AUTO_TEST_CASE(poll_server_limit)
{
    using nb_listener = tsock::basic_listener<tsock::ipv4, tsock::stream, tsock::non_blocking>;
    auto handler = [](nb_listener::socket& s, const tsock::ipv4_endpoint&) {
        char buf[64];
        const auto r = s.recv(buf);
        if (!r)
            return true;
        if (*r == 0)
            return false;
        (void)s.send(std::string_view(buf, *r));
        return true;
    };
    tsock::poll_server srv(nb_listener::listen_on({tsock::address_v4::loopback(), 0}), handler, 1);
    serving s(srv);
    const auto ep = srv.listener().local_endpoint();
    auto first = client::connect_to(ep, tsock::timeout{patience});
    first.send_all(std::string_view("a"));
    std::string back(1, '\0');
    first.recv_exact(back);
    auto second = client::connect_to(ep, tsock::timeout{patience});
    second.send_all(std::string_view("b"));
    // A negative check, so a short bound: no answer while first is open.
    BOOST_TEST(!wait_for(int(second.native_handle()), POLLIN, 200ms));
    first.close();
    second.recv_exact(back);
    BOOST_TEST(back == "b");
    BOOST_TEST(srv.stop(patience));
}
