// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_SERVER_HPP
#define TSOCK_SERVER_HPP

// Python's socketserver, typed (POSIX):
//
//   tsock::server srv(std::move(listener), [](auto& sock, const auto& peer) { ... },
//                     tsock::thread_pool{8});
//   std::jthread t([&] { srv.serve_forever(); });
//   ...
//   bool all_done = srv.stop(5s);  // from any thread, or from a handler
//
// server<Listener, Handler, Policy>: accepts on a listener (blocking or
// timeout mode) and runs handler(socket&, const endpoint&) for each
// connection. Policies: one_at_a_time (on the serving thread),
// thread_per_connection, thread_pool{n}. max_connections limits the
// handlers running at once: over the limit, the server stops accepting, so
// a new connection waits in the listen queue (the kernel's backlog), never
// accepted-and-closed.
//
// datagram_server<Socket, Handler>: handler(bytes, sender, reply) per
// datagram, on the serving thread; reply(buffer) sends to the sender.
//
// Errors: a handler that throws loses only its connection (the socket is
// closed): the exception goes to the error callback with the peer, and the
// server serves on. The default callback prints one line to stderr.
//
// Stopping: the serving thread waits in poll(2) on the listener and on a
// pipe of its own; stop() writes to the pipe, so a waiting accept is woken
// at once, without a polling period (a timeout-mode listener polled every
// few milliseconds would spend wake-ups for nothing and still add latency).
// Accept is called only when poll says a connection is waiting; Linux keeps
// a connection reset in the queue, so accept does not block then. (On
// systems that drop it, use a timeout-mode listener: its accept is bounded.)
// stop(timeout) stops accepting, lets running handlers finish and waits for
// them up to timeout; it says whether all finished. serve_forever returns
// once every handler has returned and every thread is joined. A stopped
// server stays stopped. The pool's and the connection threads are joined by
// serve_forever, never detached.
//
// poll_server<Listener, Handler>: one thread on the poller, for a
// non-blocking listener; handler(socket&, const endpoint&) is called each
// time a connection is readable (or closed by its peer) and returns whether
// to keep it. Over max_connections the listener leaves the poller, so new
// connections wait in the listen queue. stop() ends the loop after the
// current callback and closes the open connections.

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/error.hpp>
#include <tsock/poller.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <list>
#include <mutex>
#include <ostream>
#include <span>
#include <sstream>
#include <string>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace tsock {

// The concurrency policies.
struct one_at_a_time {};         // each handler on the serving thread, in turn
struct thread_per_connection {}; // a new thread per connection
struct thread_pool {             // n threads take connections in turn
    std::size_t threads = 4;
};

namespace detail {

// The stop signal: a pipe the serving thread polls beside its socket.
class wake_pipe {
public:
    wake_pipe()
    {
#if defined(__APPLE__)
        // No pipe2: the flags after the fact (a fork in between may inherit it).
        if (::pipe(fds_) != 0)
            throw std::system_error(errno, std::generic_category(), "pipe");
        for (int fd : fds_) {
            ::fcntl(fd, F_SETFD, FD_CLOEXEC);
            ::fcntl(fd, F_SETFL, O_NONBLOCK);
        }
#else
        if (::pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0)
            throw std::system_error(errno, std::generic_category(), "pipe2");
#endif
    }
    wake_pipe(const wake_pipe&) = delete;
    wake_pipe& operator=(const wake_pipe&) = delete;
    ~wake_pipe()
    {
        ::close(fds_[0]);
        ::close(fds_[1]);
    }
    // One byte stays in the pipe: every later wait sees it, so a stopped
    // server never waits again.
    void wake() noexcept
    {
        const char b = 1;
        [[maybe_unused]] auto n = ::write(fds_[1], &b, 1);
    }
    // Waits for h to be readable or for wake(); true when h is readable and
    // no stop was asked for.
    bool wait(int h) const noexcept
    {
        std::array<pollfd, 2> p{{{h, POLLIN, 0}, {fds_[0], POLLIN, 0}}};
        for (;;) {
            const int n = ::poll(p.data(), p.size(), -1);
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0 || p[1].revents != 0)
                return false;
            return p[0].revents != 0;
        }
    }

    int read_end() const noexcept { return fds_[0]; }

private:
    int fds_[2] = {-1, -1};
};

// The default error callback: one line on stderr.
template <class Endpoint>
void print_server_error(const Endpoint& peer, std::exception_ptr e) noexcept
{
    try {
        std::ostringstream line;
        line << "tsock server: ";
        if constexpr (requires(std::ostream& os) { os << peer; })
            line << peer;
        else
            line << "a peer";
        line << ": ";
        try {
            std::rethrow_exception(e);
        } catch (const std::exception& x) {
            line << x.what();
        } catch (...) {
            line << "unknown exception";
        }
        line << '\n';
        std::fputs(line.str().c_str(), stderr);
    } catch (...) {
    }
}

// Runs f, sending what it throws to on_error.
template <class Endpoint, class OnError, class F>
void guarded(const Endpoint& peer, OnError& on_error, F&& f) noexcept
{
    try {
        f();
    } catch (...) {
        try {
            on_error(peer, std::current_exception());
        } catch (...) {
        }
    }
}

// Stops and waits, shared by both servers.
class server_state {
public:
    // Stops accepting (or receiving), lets the running handlers finish and
    // waits up to timeout for them; true when all finished. Any thread; a
    // handler that calls it does not wait for itself.
    template <class Rep, class Period>
    bool stop(std::chrono::duration<Rep, Period> timeout)
    {
        std::unique_lock lock(mutex_);
        stopping_ = true;
        pipe_.wake();
        changed_.notify_all();
        const std::size_t self = current_ == this ? 1 : 0;
        // From a handler, serve_forever cannot return before it: wait for
        // the other handlers only.
        return changed_.wait_for(lock, timeout, [&] { return running_ <= self && (self != 0 || !serving_); });
    }
    bool stop() { return stop(std::chrono::seconds(10)); }
    bool stopping() const
    {
        std::lock_guard lock(mutex_);
        return stopping_;
    }

protected:
    // serve_forever's start: false when stop() came first. A server that
    // serves on its own thread alone counts that thread as its one running
    // handler (handlers 1), so that stop() waits for the loop to end.
    bool begin_serving(std::size_t handlers)
    {
        std::lock_guard lock(mutex_);
        if (stopping_)
            return false;
        serving_ = true;
        running_ += handlers;
        return true;
    }
    // serve_forever's end, for such a server.
    void end_serving(std::size_t handlers)
    {
        std::lock_guard lock(mutex_);
        running_ -= handlers;
        serving_ = false;
        changed_.notify_all();
    }

    mutable std::mutex mutex_;
    std::condition_variable changed_;
    detail::wake_pipe pipe_;
    bool stopping_ = false;
    bool serving_ = false;
    std::size_t running_ = 0; // handlers running or queued
    // The server whose handler this thread runs (stop does not wait for it).
    static inline thread_local const server_state* current_ = nullptr;
};

} // namespace detail

template <class Listener, class Handler, class Policy = one_at_a_time>
class server : public detail::server_state {
public:
    using socket = typename Listener::socket;
    using endpoint_type = typename Listener::endpoint_type;
    using error_handler = std::function<void(const endpoint_type&, std::exception_ptr)>;

    // An error here means a non-blocking listener: the server waits in
    // accept; give it a blocking or timeout-mode listener.
    static_assert(requires(Listener& l) { l.accept().socket; }, "server needs a blocking or timeout-mode listener");
    static_assert(std::is_invocable_v<Handler&, socket&, const endpoint_type&>,
                  "the handler takes (socket&, const endpoint&)");

    // max_connections: at most this many handlers at once (for a pool, at
    // most its thread count is useful; the smaller one counts).
    server(Listener listener, Handler handler, Policy policy = {}, std::size_t max_connections = 0,
           error_handler on_error = detail::print_server_error<endpoint_type>)
        : listener_(std::move(listener)), handler_(std::move(handler)), policy_(policy),
          limit_(max_connections == 0 ? ~std::size_t(0) : max_connections), on_error_(std::move(on_error))
    {
        if constexpr (std::is_same_v<Policy, one_at_a_time>)
            limit_ = 1;
        if constexpr (std::is_same_v<Policy, thread_pool>)
            limit_ = std::min(limit_, std::max<std::size_t>(policy_.threads, 1));
    }
    server(const server&) = delete;
    server& operator=(const server&) = delete;
    ~server() { stop(std::chrono::seconds(0)); }

    const Listener& listener() const noexcept { return listener_; }

    // Accepts and serves until stop(); returns when every handler has
    // returned. Throws only what the listener's poll fails with.
    void serve_forever() { serve(~std::size_t(0)); }

    // The same for the next `connections` connections only (Python's
    // handle_request, n times): accepts that many (or until stop()), then
    // accepts no more and returns when their handlers have returned. The
    // listener stays open: later connections wait in its queue for the next
    // serve.
    void serve(std::size_t connections)
    {
        if (connections == 0 || !begin_serving(0))
            return;
        std::vector<std::thread> pool;
        if constexpr (std::is_same_v<Policy, thread_pool>)
            for (std::size_t i = 0; i < std::max<std::size_t>(policy_.threads, 1); ++i)
                pool.emplace_back([this] { pool_worker(); });
        accept_loop(connections);
        std::unique_lock lock(mutex_);
        const bool stopped = stopping_;
        stopping_ = true; // the pool workers leave once the queue is empty
        changed_.notify_all();
        lock.unlock();
        for (auto& t : pool)
            t.join();
        lock.lock();
        // A connection thread leaves threads_ as its last locked step.
        changed_.wait(lock, [&] { return running_ == 0 && threads_.empty(); });
        reap(lock);
        serving_ = false;
        stopping_ = stopped; // after serve(n), another serve may follow; after stop(), none
        changed_.notify_all();
    }

private:
    void accept_loop(std::size_t connections)
    {
        for (std::size_t accepted = 0; accepted != connections;) {
            {
                // Over the limit: do not accept; the connection waits in
                // the listen queue.
                std::unique_lock lock(mutex_);
                changed_.wait(lock, [&] { return stopping_ || running_ < limit_; });
                reap(lock);
                if (stopping_)
                    return;
            }
            if (!pipe_.wait(int(listener_.native_handle())))
                return;
            std::error_code ec;
            auto a = listener_.accept(ec);
            if (ec) {
                // timed_out (a timeout-mode listener) or a connection
                // gone before accept: try again. Anything else (EMFILE)
                // goes to the callback, then a pause so as not to spin.
                if (ec == std::errc::timed_out || ec == std::errc::connection_aborted ||
                    ec == std::errc::resource_unavailable_try_again)
                    continue;
                detail::guarded(endpoint_type{}, on_error_, [&] { throw std::system_error(ec, "accept"); });
                std::unique_lock lock(mutex_);
                changed_.wait_for(lock, std::chrono::milliseconds(10), [&] { return stopping_; });
                continue;
            }
            ++accepted;
            dispatch(std::move(a));
        }
    }

    void dispatch(accepted<socket> a)
    {
        std::unique_lock lock(mutex_);
        ++running_;
        if constexpr (std::is_same_v<Policy, one_at_a_time>) {
            lock.unlock();
            run(a);
        } else if constexpr (std::is_same_v<Policy, thread_pool>) {
            queue_.push_back(std::move(a));
            changed_.notify_all();
        } else {
            auto it = threads_.emplace(threads_.end());
            const endpoint_type peer = a.peer;
            try {
                // The thread moves itself to finished_ when done; the
                // accept loop joins it there.
                *it = std::thread([this, it, a = std::move(a)]() mutable {
                    run(a);
                    std::lock_guard l(mutex_);
                    finished_.push_back(std::move(*it));
                    threads_.erase(it);
                    changed_.notify_all();
                });
            } catch (...) {
                // No thread (EAGAIN): this connection is lost (its socket
                // closed with the lambda), not the server.
                threads_.erase(it);
                --running_;
                lock.unlock();
                detail::guarded(peer, on_error_, [] { throw; });
            }
        }
    }

    // One connection: the handler, then the socket closed, then counted.
    void run(accepted<socket>& a) noexcept
    {
        current_ = this;
        detail::guarded(a.peer, on_error_, [&] { handler_(a.socket, std::as_const(a.peer)); });
        current_ = nullptr;
        { auto done = std::move(a.socket); } // closed before counted: stop() means all sockets closed
        std::lock_guard lock(mutex_);
        --running_;
        changed_.notify_all();
    }

    void pool_worker()
    {
        std::unique_lock lock(mutex_);
        for (;;) {
            changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
            if (queue_.empty())
                return; // stopping, nothing left
            auto a = std::move(queue_.front());
            queue_.pop_front();
            lock.unlock();
            run(a);
            lock.lock();
        }
    }

    // Joins the connection threads that have finished.
    void reap(std::unique_lock<std::mutex>& lock)
    {
        auto done = std::move(finished_);
        finished_.clear();
        lock.unlock();
        for (auto& t : done)
            t.join();
        lock.lock();
    }

    Listener listener_;
    Handler handler_;
    Policy policy_;
    std::size_t limit_;
    error_handler on_error_;
    std::deque<accepted<socket>> queue_;  // thread_pool: accepted, not yet taken
    std::list<std::thread> threads_;      // thread_per_connection: running
    std::vector<std::thread> finished_;   // thread_per_connection: to join
};

// One thread, the poller: see the top of this file.
template <class Listener, class Handler>
class poll_server : public detail::server_state {
public:
    using socket = typename Listener::socket;
    using endpoint_type = typename Listener::endpoint_type;
    using error_handler = std::function<void(const endpoint_type&, std::exception_ptr)>;

    // An error here means a blocking or timeout-mode listener: one thread
    // serves every connection, so each must be non-blocking; use server
    // for a waiting listener.
    static_assert(std::is_same_v<typename Listener::mode_type, non_blocking>,
                  "poll_server needs a non_blocking listener");
    static_assert(std::is_invocable_r_v<bool, Handler&, socket&, const endpoint_type&>,
                  "the handler takes (socket&, const endpoint&) and returns whether to keep the connection");

    poll_server(Listener listener, Handler handler, std::size_t max_connections = 0,
                error_handler on_error = detail::print_server_error<endpoint_type>)
        : listener_(std::move(listener)), handler_(std::move(handler)),
          limit_(max_connections == 0 ? ~std::size_t(0) : max_connections), on_error_(std::move(on_error))
    {
    }
    ~poll_server() { stop(std::chrono::seconds(0)); }

    const Listener& listener() const noexcept { return listener_; }

    // Accepts and serves until stop(); the connections still open are
    // closed when it returns.
    void serve_forever()
    {
        if (!begin_serving(1))
            return;
        // Wakes the poller when stop() is called: the pipe, as the others.
        poller_.add(unchecked_handle{pipe_.read_end()}, interest::readable, wake_token());
        poller_.add(listener_, interest::readable, nullptr);
        bool listening = true;
        current_ = this;
        while (!stopping()) {
            for (auto e : poller_.wait()) {
                if (e.token() == wake_token())
                    break;
                if (e.token() == nullptr) {
                    accept_one();
                    continue;
                }
                serve_one(e.token());
            }
            // Over the limit, the listener waits outside the poller.
            if (listening && conns_.size() >= limit_)
                poller_.remove(listener_);
            else if (!listening && conns_.size() < limit_)
                poller_.add(listener_, interest::readable, nullptr);
            listening = conns_.size() < limit_;
        }
        current_ = nullptr;
        for (auto& c : conns_)
            poller_.remove(c.socket);
        conns_.clear();
        end_serving(1);
    }

private:
    using connection = accepted<socket>;
    static connection* wake_token() noexcept { return reinterpret_cast<connection*>(std::uintptr_t(1)); }

    void accept_one()
    {
        std::error_code ec;
        auto r = listener_.accept(ec);
        if (ec || !r)
            return; // gone before accept, or EMFILE: the next event tries again
        conns_.push_back(std::move(*r));
        connection* c = &conns_.back();
        poller_.add(c->socket, interest::readable, c, ec);
        if (ec) {
            conns_.pop_back();
            detail::guarded(endpoint_type{}, on_error_, [&] { throw std::system_error(ec, "poller add"); });
        }
    }

    void serve_one(connection* c)
    {
        bool keep = false;
        detail::guarded(c->peer, on_error_, [&] { keep = handler_(c->socket, std::as_const(c->peer)); });
        if (keep)
            return;
        poller_.remove(c->socket); // also drops its events left in this batch
        conns_.remove_if([c](const connection& x) { return &x == c; });
    }

    Listener listener_;
    Handler handler_;
    std::size_t limit_;
    error_handler on_error_;
    poller<connection*> poller_;
    std::list<connection> conns_; // stable addresses: they are the tokens
};

// A datagram server: handler(std::span<const std::byte> data, const endpoint& sender, reply)
// for each datagram, in turn on the serving thread; reply(buffer) sends
// buffer to the sender (send_to). Same stop and error semantics as server.
template <class Socket, class Handler>
class datagram_server : public detail::server_state {
public:
    using endpoint_type = typename Socket::endpoint_type;
    using error_handler = std::function<void(const endpoint_type&, std::exception_ptr)>;

    // One reply channel: the socket and the datagram's sender.
    class reply {
    public:
        template <class B>
        void operator()(const B& buffer) const
        {
            (void)socket_.send_to(buffer, sender_);
        }

    private:
        friend datagram_server;
        reply(Socket& s, const endpoint_type& e) noexcept : socket_(s), sender_(e) {}
        Socket& socket_;
        const endpoint_type& sender_;
    };

    static_assert(std::is_invocable_v<Handler&, std::span<const std::byte>, const endpoint_type&, const reply&>,
                  "the handler takes (std::span<const std::byte>, const endpoint&, const reply&)");

    datagram_server(Socket socket, Handler handler, error_handler on_error = detail::print_server_error<endpoint_type>,
                    std::size_t max_datagram = 65536)
        : socket_(std::move(socket)), handler_(std::move(handler)), on_error_(std::move(on_error)),
          buffer_(max_datagram)
    {
    }
    ~datagram_server() { stop(std::chrono::seconds(0)); }

    const Socket& socket() const noexcept { return socket_; }

    // Receives and handles until stop().
    void serve_forever()
    {
        if (!begin_serving(1))
            return;
        while (pipe_.wait(int(socket_.native_handle()))) {
            std::error_code ec;
            auto r = socket_.recv_from(std::span<std::byte>(buffer_), ec);
            if (ec)
                continue; // timed out, or an ICMP error of an earlier reply
            current_ = this;
            const std::span<const std::byte> data(buffer_.data(), r.size);
            detail::guarded(r.sender, on_error_,
                            [&] { handler_(data, std::as_const(r.sender), reply(socket_, r.sender)); });
            current_ = nullptr;
        }
        end_serving(1);
    }

private:
    Socket socket_;
    Handler handler_;
    error_handler on_error_;
    std::vector<std::byte> buffer_;
};

} // namespace tsock

#endif // TSOCK_SERVER_HPP
