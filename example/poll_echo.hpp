// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The loop of poll_echo_server (and of the benchmarks' echo workload): one
// thread, one tsock::poller, many non-blocking connections, each echoed back.
//
//   std::atomic<bool> stop{false};
//   tsock::poller<> p;                                 // Token: std::uint64_t
//   auto l = tsock::create_server<tsock::stream, tsock::non_blocking>(ep);
//   std::thread t([&] { poll_echo::run_echo_server(l, p, stop); });
//   ...
//   stop = true;                                       // then wake the loop:
//   p.wake();                                          // one write, signal-safe
//   t.join();
//
// run_echo_server registers the listener and each connection it accepts,
// with tokens 0 (the listener) and 1, 2 ... (connection slots): give it a
// poller with nothing else registered. It returns when stop is seen true
// (after a wake, or the next event), having removed and closed every
// connection and removed the listener (which stays open: the caller's).
// Throws std::system_error when the poller or the listener fails; a
// connection that fails (reset ...) is only closed.
//
// Flow control: a connection whose echo could not be sent at once stops
// being read (its interest becomes writable) until the echo has gone, so a
// client that sends without reading holds at most one read's worth here.

#ifndef TSOCK_EXAMPLE_POLL_ECHO_HPP
#define TSOCK_EXAMPLE_POLL_ECHO_HPP

#include "poller_support.hpp"

#include <tsock/basic_listener.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <system_error>
#include <vector>

namespace poll_echo {

struct stats {
    std::uint64_t connections = 0; // accepted
    std::uint64_t bytes = 0;       // echoed
};

template <class Listener, class Backend>
    requires tsock::nonblocking_socket<Listener>
stats run_echo_server(Listener& listener, tsock::basic_poller<std::uint64_t, Backend>& poller,
                      const std::atomic<bool>& stop)
{
    using socket = typename Listener::socket;
    struct connection {
        socket s;
        std::size_t pending = 0; // bytes of buffer not yet echoed, from sent
        std::size_t sent = 0;
        std::array<std::byte, 16384> buffer;
    };
    constexpr std::uint64_t listener_token = 0;
    std::vector<std::unique_ptr<connection>> slots; // token i + 1; null: free
    std::vector<std::size_t> free_slots;
    stats done;

    const auto close = [&](std::uint64_t token) {
        connection& c = *slots[token - 1];
        poller.remove(c.s); // before the socket closes (the poller's rule)
        slots[token - 1].reset();
        free_slots.push_back(token - 1);
    };
    // Sends what is pending; false when the connection failed.
    const auto flush = [&](connection& c) {
        std::error_code ec;
        while (c.pending != 0) {
            const auto n = c.s.send(std::span(c.buffer).subspan(c.sent, c.pending), ec);
            if (ec)
                return false;
            if (!n)
                return true; // full: wait for writable
            c.sent += *n;
            c.pending -= *n;
            done.bytes += *n;
        }
        return true;
    };
    const auto accept_all = [&] {
        for (;;) {
            std::error_code ec;
            auto a = listener.accept(ec);
            if (ec || !a)
                return; // would block, or this one failed (ECONNABORTED, EMFILE ...)
            std::size_t slot = slots.size();
            if (free_slots.empty())
                slots.emplace_back();
            else {
                slot = free_slots.back();
                free_slots.pop_back();
            }
            slots[slot] = std::make_unique<connection>(std::move(a->socket));
            poller.add(slots[slot]->s, tsock::interest::readable, slot + 1);
            ++done.connections;
        }
    };
    // Reads once and echoes what it can; false when the connection is over.
    const auto serve = [&](connection& c, const tsock::poll_event<std::uint64_t>& e) {
        const bool was_pending = c.pending != 0;
        if (was_pending) {
            if (!flush(c))
                return false;
        } else if (e.readable() || e.error() || e.hang_up()) {
            std::error_code ec;
            const auto n = c.s.recv(c.buffer, ec);
            if (ec || (n && *n == 0))
                return false; // reset, or the client closed
            if (!n)
                return true;
            c.sent = 0;
            c.pending = *n;
            if (!flush(c))
                return false;
        }
        if ((c.pending != 0) != was_pending)
            poller.modify(c.s, c.pending != 0 ? tsock::interest::writable : tsock::interest::readable);
        return true;
    };

    poller.add(listener, tsock::interest::readable, listener_token);
    while (!stop.load(std::memory_order_relaxed)) {
        for (const auto e : poller.wait()) {
            if (e.token() == listener_token)
                accept_all();
            else if (!serve(*slots[e.token() - 1], e))
                close(e.token());
        }
    }
    for (std::size_t i = 0; i != slots.size(); ++i)
        if (slots[i])
            close(i + 1);
    poller.remove(listener);
    return done;
}

} // namespace poll_echo

#endif // TSOCK_EXAMPLE_POLL_ECHO_HPP
