// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// An echo server on one thread, over a tsock::poller: any number of
// connections, each echoed as it sends. poll_echo_server.cpp runs it from
// the command line; the benchmarks (test/bench/poll_echo_servers.hpp) run
// this same loop against the same loop written with raw epoll.
//
//   poll_echo::server<tsock::basic_listener<tsock::inet, tsock::stream, tsock::non_blocking>> s(std::move(l));
//   std::atomic<bool> stop{false};
//   std::thread t([&] { s.run(stop); });
//   ...
//   stop = true;
//   s.wake();            // from any thread (or a signal handler)
//
// The loop: level-triggered; each event's token is its connection (the
// listener's is null); one recv per readiness into the connection's 4 KiB
// buffer, the echo sent at once; only when the socket is full does the
// connection wait for writable (and is not read meanwhile, so a client that
// sends without reading holds one buffer here); a connection that the peer
// closed or that failed is removed from the poller, then closed.

#ifndef TSOCK_EXAMPLE_POLL_ECHO_HPP
#define TSOCK_EXAMPLE_POLL_ECHO_HPP

#include <tsock/basic_listener.hpp>
#include <tsock/concepts.hpp>
#include <tsock/options.hpp>
#include <tsock/poller.hpp>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <system_error>
#include <utility>
#include <vector>

// The event handlers below are inlined into the loop whatever GCC's size
// heuristics say: GCC 12 at -O2 would call them instead, which costs more
// than the handler itself (doc/performance.md, "Poller echo", gives both
// figures).
#if defined(__GNUC__)
#define POLL_ECHO_INLINE [[gnu::always_inline]] inline
#else
#define POLL_ECHO_INLINE inline
#endif

namespace poll_echo {

template <class Listener, class Backend = tsock::default_poll_backend>
    requires tsock::any_listener<Listener> && tsock::nonblocking_socket<Listener>
class server {
public:
    using socket = typename Listener::socket;
    struct connection {
        explicit connection(socket s) : sock(std::move(s)) {}
        socket sock;
        std::size_t out_offset = 0; // the echo not sent yet: out_len bytes from here
        std::size_t out_len = 0;
        std::array<std::byte, 4096> buffer;
    };

    explicit server(Listener listener) : listener_(std::move(listener))
    {
        poller_.add(listener_, tsock::interest::readable, nullptr);
    }

    // Waits for events and handles them until stop is set (then wake()).
    void run(const std::atomic<bool>& stop)
    {
        while (!stop.load(std::memory_order_relaxed))
            poll_once();
    }
    // One wait, and the events it returned.
    void poll_once()
    {
        for (const auto e : poller_.wait()) {
            connection* const c = e.token();
            if (c == nullptr) {
                accept_all();
                continue;
            }
            try {
                serve(*c);
            } catch (const std::system_error&) {
                close(*c); // recv or send failed (reset ...): this connection only
            }
        }
    }
    // Ends the current (or next) wait: from any thread, or a signal handler.
    void wake() const noexcept { poller_.wake(); }

    auto local_endpoint() const { return listener_.local_endpoint(); }
    std::uint64_t accepted() const noexcept { return accepted_.load(std::memory_order_relaxed); }
    // Read these once run has returned (echoed is the loop thread's own).
    std::uint64_t echoed() const noexcept { return echoed_; }

private:
    void accept_all()
    {
        for (;;) {
            std::error_code ec;
            auto a = listener_.accept(ec);
            if (!a)
                return; // none waiting, or this one failed (ECONNABORTED, EMFILE ...)
            auto c = std::make_unique<connection>(std::move(a->socket));
            if constexpr (tsock::settable_option_for<tsock::options::tcp::no_delay, typename socket::family_type,
                                                     typename socket::type_policy>)
                c->sock.set(tsock::options::tcp::no_delay(true));
            poller_.add(c->sock, tsock::interest::readable, c.get());
            const auto slot = static_cast<std::size_t>(c->sock.native_handle());
            if (connections_.size() <= slot)
                connections_.resize(slot + 1);
            connections_[slot] = std::move(c);
            accepted_.fetch_add(1, std::memory_order_relaxed);
        }
    }
    // recv and send throw std::system_error when they fail; poll_once
    // closes the connection then.
    POLL_ECHO_INLINE void serve(connection& c)
    {
        if (c.out_len == 0) {
            const auto got = c.sock.recv(std::span(c.buffer));
            if (!got)
                return; // would block
            if (*got == 0)
                return close(c); // closed by the peer
            echoed_ += *got;
            c.out_offset = 0;
            c.out_len = *got;
            if (!flush(c))
                poller_.modify(c.sock, tsock::interest::writable); // the socket is full: wait
        } else if (flush(c)) {
            poller_.modify(c.sock, tsock::interest::readable);
        }
    }
    // Sends what is left of the echo; false: the socket is full.
    POLL_ECHO_INLINE static bool flush(connection& c)
    {
        while (c.out_len != 0) {
            const auto sent = c.sock.send(std::span(c.buffer.data() + c.out_offset, c.out_len));
            if (!sent)
                return false;
            c.out_offset += *sent;
            c.out_len -= *sent;
        }
        return true;
    }
    void close(connection& c)
    {
        poller_.remove(c.sock); // before the socket closes: the poller's rule
        connections_[static_cast<std::size_t>(c.sock.native_handle())].reset();
    }

    Listener listener_;
    tsock::basic_poller<connection*, Backend> poller_;
    std::vector<std::unique_ptr<connection>> connections_; // by descriptor
    std::atomic<std::uint64_t> accepted_{0};
    std::uint64_t echoed_ = 0;
};

} // namespace poll_echo

#endif // TSOCK_EXAMPLE_POLL_ECHO_HPP
