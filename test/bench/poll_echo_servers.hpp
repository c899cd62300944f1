// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BENCH_POLL_ECHO_SERVERS_HPP
#define TSOCK_BENCH_POLL_ECHO_SERVERS_HPP

// The readiness-loop echo servers of the benchmarks (bench_throughput's
// echo, bench_poll_echo's instruction count), one loop in three spellings:
//   tsock_poll_echo  the example's server (example/poll_echo.hpp):
//                    tsock::poller<connection*> over tsock's non_blocking
//                    listener and sockets, written as the poller header
//                    teaches
//   raw_poll_echo    the same loop over epoll_wait, accept4, recv and send:
//                    the floor
//   asio_poll_echo   standalone Asio's io_context (async_accept,
//                    async_read_some, async_write): the peer
// Each listens on 127.0.0.1 (a port the kernel picks), echoes what every
// connection sends, and offers
//   poll_once()  one wait and the events it returned (Asio: io_context::poll)
//   run()        poll_once() until stop()
//   stop()       from any thread: ends run()
//   port(), echoed() (bytes echoed so far), accepted()
//
// The same work in tsock and raw: level-triggered; the token of an event is
// the connection's address (the listener's is null); one recv per readiness
// into a 4 KiB buffer, the echo sent at once, writable interest only after a
// partial send and readable again when it is flushed; a connection the peer
// closed, or whose recv or send threw, is unregistered, then closed. The stop mechanism is the same too:
// wait for ever, a flag checked after each wait and a wake-up through an
// edge-triggered eventfd whose events carry a reserved key (tsock's poller
// has its own eventfd and skips its key in the events range; raw registers
// one and skips it in the loop). Neither reads a clock per wait: tsock's
// wait(100ms) would read steady_clock once per wait, which a raw loop
// checking a stop flag every 100 ms would not need to do, so both wait for
// ever and stop through the eventfd instead.

#include "poll_echo.hpp" // example/: the tsock server, and POLL_ECHO_INLINE

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/options.hpp>
#include <tsock/poller.hpp>

#if defined(TSOCK_BENCH_HAVE_ASIO)
#include <asio/buffer.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>
#endif

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <system_error>
#include <utility>
#include <vector>

// The event handlers of both loops (serve, flush) are inlined into the loop
// alike (POLL_ECHO_INLINE, from the example), whatever GCC's size
// heuristics say: left to them, GCC 12 at -O2 inlines raw's handler but
// calls tsock's (the estimate of tsock's recv and send, before
// optimisation, is larger; the code they make is the same), and the loop
// would then measure that call, not the library (as bench_pingpong's
// BENCH_INLINE; doc/performance.md gives both figures).

namespace poll_echo {

constexpr std::size_t buffer_size = 4096;
constexpr int backlog = 4096;

[[noreturn]] inline void fail_errno(const char* what) { throw std::system_error(errno, std::system_category(), what); }
inline int check(int r, const char* what)
{
    if (r < 0)
        fail_errno(what);
    return r;
}

// One connection. out_len > 0: an echo waits for the socket to be writable.
template <class Socket> struct connection {
    explicit connection(Socket s) : socket(std::move(s)) { }
    Socket socket;
    std::size_t out_offset = 0;
    std::size_t out_len = 0;
    std::array<unsigned char, buffer_size> buffer;
};

// ---------------------------------------------------------------- tsock

class tsock_poll_echo {
public:
    using listener = tsock::stream_listener<tsock::ipv4, tsock::non_blocking>;

    tsock_poll_echo() : server_(listener::listen_on({tsock::address_v4::loopback(), 0}, backlog)) { }
    std::uint16_t port() const { return server_.local_endpoint().port(); }
    std::uint64_t echoed() const noexcept { return server_.echoed(); }
    std::uint64_t accepted() const noexcept { return server_.accepted(); }
    void stop() noexcept
    {
        stop_.store(true, std::memory_order_relaxed);
        server_.wake();
    }
    void run() { server_.run(stop_); }
    [[gnu::noinline]] void poll_once() { server_.poll_once(); }

private:
    server<listener, tsock::epoll_backend> server_;
    std::atomic<bool> stop_{false};
};

// ---------------------------------------------------------------- raw

// An owned descriptor.
class fd_owner {
public:
    explicit fd_owner(int fd) noexcept : fd_(fd) { }
    fd_owner(fd_owner&& other) noexcept : fd_(std::exchange(other.fd_, -1)) { }
    fd_owner& operator=(fd_owner&&) = delete;
    ~fd_owner()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const noexcept { return fd_; }

private:
    int fd_;
};

class raw_poll_echo {
public:
    using conn = connection<fd_owner>;

    raw_poll_echo()
        : listener_(check(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0), "socket")),
          ep_(check(::epoll_create1(EPOLL_CLOEXEC), "epoll_create1")),
          wake_(check(::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK), "eventfd")),
          events_(std::make_unique<::epoll_event[]>(max_events))
    {
        const int one = 1;
        check(::setsockopt(listener_.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt");
        ::sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        check(::bind(listener_.get(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a), "bind");
        check(::listen(listener_.get(), backlog), "listen");
        control(EPOLL_CTL_ADD, wake_.get(), EPOLLIN | EPOLLET, wake_key);
        control(EPOLL_CTL_ADD, listener_.get(), EPOLLIN, 0);
    }
    std::uint16_t port() const
    {
        ::sockaddr_in a{};
        ::socklen_t len = sizeof a;
        check(::getsockname(listener_.get(), reinterpret_cast<::sockaddr*>(&a), &len), "getsockname");
        return ntohs(a.sin_port);
    }
    std::uint64_t echoed() const noexcept { return echoed_; }
    std::uint64_t accepted() const noexcept { return accepted_.load(std::memory_order_relaxed); }
    void stop() noexcept
    {
        stop_.store(true, std::memory_order_relaxed);
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = ::write(wake_.get(), &one, sizeof one);
    }
    void run()
    {
        while (!stop_.load(std::memory_order_relaxed))
            poll_once();
    }

    [[gnu::noinline]] void poll_once()
    {
        int n;
        while ((n = ::epoll_wait(ep_.get(), events_.get(), max_events, -1)) < 0)
            if (errno != EINTR)
                fail_errno("epoll_wait");
        for (std::size_t i = 0; i != std::size_t(n); ++i) {
            const std::uint64_t key = events_[i].data.u64;
            if (key == wake_key)
                continue;
            conn* const c = reinterpret_cast<conn*>(key);
            if (c == nullptr) {
                accept_all();
                continue;
            }
            try {
                serve(*c);
            } catch (const std::system_error&) {
                close(c->socket.get());
            }
        }
    }

private:
    static constexpr int max_events = 256; // tsock's default
    static constexpr std::uint64_t wake_key = ~std::uint64_t(0);

    void control(int op, int fd, std::uint32_t events, std::uint64_t key)
    {
        ::epoll_event e{};
        e.events = events;
        e.data.u64 = key;
        check(::epoll_ctl(ep_.get(), op, fd, &e), "epoll_ctl");
    }
    void accept_all()
    {
        for (;;) {
            ::sockaddr_in peer{};
            ::socklen_t len = sizeof peer;
            const int fd
                = ::accept4(listener_.get(), reinterpret_cast<::sockaddr*>(&peer), &len, SOCK_CLOEXEC | SOCK_NONBLOCK);
            if (fd < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK)
                    return;
                if (errno == EINTR)
                    continue;
                fail_errno("accept4");
            }
            auto c = std::make_unique<conn>(fd_owner(fd));
            const int one = 1;
            check(::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), "setsockopt(TCP_NODELAY)");
            control(EPOLL_CTL_ADD, fd, EPOLLIN, reinterpret_cast<std::uint64_t>(c.get()));
            if (conns_.size() <= std::size_t(fd))
                conns_.resize(std::size_t(fd) + 1);
            conns_[std::size_t(fd)] = std::move(c);
            accepted_.fetch_add(1, std::memory_order_relaxed);
        }
    }
    POLL_ECHO_INLINE void serve(conn& c)
    {
        const int fd = c.socket.get();
        if (c.out_len == 0) {
            const auto got = recv(fd, c.buffer.data(), c.buffer.size());
            if (got < 0)
                return; // would block
            if (got == 0)
                return close(fd);
            echoed_ += std::size_t(got);
            c.out_offset = 0;
            c.out_len = std::size_t(got);
            if (!flush(c))
                control(EPOLL_CTL_MOD, fd, EPOLLOUT, reinterpret_cast<std::uint64_t>(&c));
        } else if (flush(c)) {
            control(EPOLL_CTL_MOD, fd, EPOLLIN, reinterpret_cast<std::uint64_t>(&c));
        }
    }
    void close(int fd)
    {
        check(::epoll_ctl(ep_.get(), EPOLL_CTL_DEL, fd, nullptr), "epoll_ctl");
        conns_[std::size_t(fd)].reset();
    }
    // What tsock's non_blocking recv and send do: retry EINTR, -1 for would
    // block, throw any other error; send with MSG_NOSIGNAL.
    static ::ssize_t recv(int fd, void* data, std::size_t size)
    {
        for (;;) {
            const auto n = ::recv(fd, data, size, 0);
            if (n >= 0)
                return n;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return -1;
            if (errno != EINTR)
                fail_errno("recv");
        }
    }
    static ::ssize_t send(int fd, const void* data, std::size_t size)
    {
        for (;;) {
            const auto n = ::send(fd, data, size, MSG_NOSIGNAL);
            if (n >= 0)
                return n;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return -1;
            if (errno != EINTR)
                fail_errno("send");
        }
    }
    POLL_ECHO_INLINE static bool flush(conn& c)
    {
        while (c.out_len != 0) {
            const auto sent = send(c.socket.get(), c.buffer.data() + c.out_offset, c.out_len);
            if (sent < 0)
                return false;
            c.out_offset += std::size_t(sent);
            c.out_len -= std::size_t(sent);
        }
        return true;
    }

    fd_owner listener_;
    fd_owner ep_;
    fd_owner wake_;
    std::unique_ptr<::epoll_event[]> events_;
    std::vector<std::unique_ptr<conn>> conns_; // by descriptor
    std::uint64_t echoed_ = 0;
    std::atomic<std::uint64_t> accepted_{0};
    std::atomic<bool> stop_{false};
};

// ---------------------------------------------------------------- Asio

#if defined(TSOCK_BENCH_HAVE_ASIO)
// io_context on one thread; each connection loops async_read_some, then
// async_write of what it read.
class asio_poll_echo {
    using tcp = asio::ip::tcp;

    struct session {
        session(asio_poll_echo& o, tcp::socket s) : owner(o), socket(std::move(s)) { }
        asio_poll_echo& owner;
        tcp::socket socket;
        std::array<unsigned char, buffer_size> buffer;

        void read()
        {
            socket.async_read_some(asio::buffer(buffer), [this](const std::error_code& ec, std::size_t n) {
                if (ec == asio::error::eof) {
                    std::error_code ignored;
                    socket.close(ignored);
                } else if (ec) {
                    owner.failed(ec, "async_read_some");
                } else {
                    owner.echoed_ += n;
                    asio::async_write(
                        socket, asio::buffer(buffer.data(), n), [this](const std::error_code& e, std::size_t) {
                            if (e)
                                owner.failed(e, "async_write");
                            else
                                read();
                        });
                }
            });
        }
    };

public:
    asio_poll_echo() : acceptor_(ctx_)
    {
        const tcp::endpoint any_port(asio::ip::address_v4::loopback(), 0);
        acceptor_.open(any_port.protocol());
        acceptor_.set_option(tcp::acceptor::reuse_address(true));
        acceptor_.bind(any_port);
        acceptor_.listen(backlog);
        accept_next();
    }
    std::uint16_t port() const { return acceptor_.local_endpoint().port(); }
    std::uint64_t echoed() const noexcept { return echoed_; }
    std::uint64_t accepted() const noexcept { return accepted_.load(std::memory_order_relaxed); }
    void stop() { ctx_.stop(); }
    void run()
    {
        ctx_.run();
        throw_failure();
    }
    [[gnu::noinline]] void poll_once()
    {
        ctx_.poll();
        throw_failure();
    }

private:
    void accept_next()
    {
        acceptor_.async_accept([this](const std::error_code& ec, tcp::socket s) {
            if (ec) {
                failed(ec, "async_accept");
                return;
            }
            s.set_option(tcp::no_delay(true));
            sessions_.push_back(std::make_unique<session>(*this, std::move(s)));
            sessions_.back()->read();
            accepted_.fetch_add(1, std::memory_order_relaxed);
            accept_next();
        });
    }
    void failed(const std::error_code& ec, const char* what)
    {
        if (!error_) {
            error_ = ec;
            error_what_ = what;
        }
        ctx_.stop();
    }
    void throw_failure() const
    {
        if (error_)
            throw std::system_error(error_, std::string("echo server (asio): ") + error_what_);
    }

    asio::io_context ctx_{1};
    tcp::acceptor acceptor_;
    std::vector<std::unique_ptr<session>> sessions_; // destroyed before ctx_
    std::uint64_t echoed_ = 0;
    std::atomic<std::uint64_t> accepted_{0};
    std::error_code error_;
    const char* error_what_ = "";
};
#endif

} // namespace poll_echo

#endif // TSOCK_BENCH_POLL_ECHO_SERVERS_HPP
