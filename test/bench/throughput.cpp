// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Loopback TCP throughput, each workload in three implementations:
//   tsock  tsock's sockets and listeners
//   raw    hand-written POSIX calls: the physical limit
//   asio   standalone Asio (built when CMake found asio.hpp)
// Workloads:
//   bulk    one connection, 1 GiB in 64 KiB writes; the receiver checks every
//           byte against a pattern derived from its offset (MiB/s)
//   accept  a client thread connects and closes, the server thread accepts
//           and closes (connections/s)
//   echo    one server thread, a readiness loop over 1,000 non-blocking
//           connections (tsock: tsock::poller; raw: epoll; Asio:
//           io_context; poll_echo_servers.hpp); epoll-driven clients send
//           a 64-byte request each and wait for its echo (requests/s)
// Both ends run in this process, on loopback. After one unmeasured, shorter
// warm-up run each, the implementations run interleaved, their order rotated
// every round (the machine may be noisy); the table gives medians, the ratio
// to raw and the median of the same-round ratios to raw.
//
//   bench_throughput [bench|bulk|accept|echo] [--quick] [--reps N] ...   (--help)
//
// Exit status: 0 done, 1 a failure (message on stderr), 2 bad arguments,
// 3 a run that did not finish in time (watchdog), 4 SIGPIPE.

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/options.hpp>

#include "poll_echo_servers.hpp"

#if defined(TSOCK_BENCH_HAVE_ASIO)
#include <asio/buffer.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>
#endif

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <fstream>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace {

using clock_type = std::chrono::steady_clock;
using namespace std::chrono_literals;

double seconds_between(clock_type::time_point from, clock_type::time_point to)
{
    return std::chrono::duration<double>(to - from).count();
}

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }
[[noreturn]] void fail_errno(const char* what) { throw std::system_error(errno, std::system_category(), what); }

// Throws errno's error when a system call returned < 0.
template <class T> T check(T r, const char* what)
{
    if (r < 0)
        fail_errno(what);
    return r;
}

// ---------------------------------------------------------------- plumbing

// An owned descriptor, for the raw implementations and the load generators.
class raw_fd {
public:
    raw_fd() noexcept = default;
    explicit raw_fd(int fd) noexcept : fd_(fd) { }
    raw_fd(raw_fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) { }
    raw_fd& operator=(raw_fd&& other) noexcept
    {
        if (this != &other) {
            reset();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    ~raw_fd() { reset(); }
    int get() const noexcept { return fd_; }
    void reset() noexcept
    {
        if (fd_ >= 0)
            ::close(std::exchange(fd_, -1));
    }

private:
    int fd_ = -1;
};

::sockaddr_in loopback_address(std::uint16_t port)
{
    ::sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    return a;
}

// socket + SO_REUSEADDR + bind(127.0.0.1:0) + listen.
raw_fd raw_listen(int backlog, bool nonblocking)
{
    raw_fd l(check(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), 0), "socket"));
    const int one = 1;
    check(::setsockopt(l.get(), SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt");
    const auto a = loopback_address(0);
    check(::bind(l.get(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a), "bind");
    check(::listen(l.get(), backlog), "listen");
    return l;
}

std::uint16_t raw_port(int fd)
{
    ::sockaddr_in a{};
    ::socklen_t len = sizeof a;
    check(::getsockname(fd, reinterpret_cast<::sockaddr*>(&a), &len), "getsockname");
    return ntohs(a.sin_port);
}

// A blocking socket connected to 127.0.0.1:port.
raw_fd raw_connect(std::uint16_t port)
{
    raw_fd s(check(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket"));
    const auto a = loopback_address(port);
    while (::connect(s.get(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a) != 0)
        if (errno != EINTR)
            fail_errno("connect");
    return s;
}

void set_no_delay(int fd)
{
    const int one = 1;
    check(::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), "setsockopt(TCP_NODELAY)");
}

// A thread whose exception join() rethrows. The function (and what it owns,
// such as a socket) is destroyed on that thread when it ends, so a failing
// end closes its socket and wakes its peer.
class worker {
public:
    template <class F>
    explicit worker(F f)
        : thread_([this, g = std::move(f)]() mutable {
              try {
                  auto h = std::move(g);
                  h();
              } catch (...) {
                  error_ = std::current_exception();
              }
          })
    {
    }
    worker(const worker&) = delete;
    worker& operator=(const worker&) = delete;
    ~worker()
    {
        if (thread_.joinable())
            thread_.join();
    }
    void join()
    {
        thread_.join();
        if (error_)
            std::rethrow_exception(std::exchange(error_, nullptr));
    }

private:
    std::exception_ptr error_;
    std::thread thread_;
};

// Joins all, then rethrows the first error in argument order.
template <class... W> void join_all(W&... ws)
{
    std::exception_ptr first;
    auto one = [&](worker& w) {
        try {
            w.join();
        } catch (...) {
            if (!first)
                first = std::current_exception();
        }
    };
    (one(ws), ...);
    if (first)
        std::rethrow_exception(first);
}

// Ends the process when an armed run outlives its bound: the last resort
// against a call that blocks for ever (every loop is bounded, a blocking
// system call waiting for a peer that died may not be).
class watchdog {
public:
    watchdog() : thread_([this] { watch(); }) { }
    watchdog(const watchdog&) = delete;
    watchdog& operator=(const watchdog&) = delete;
    ~watchdog()
    {
        {
            std::lock_guard lock(mutex_);
            quit_ = true;
        }
        cv_.notify_one();
        thread_.join();
    }
    void arm(std::string what, std::chrono::duration<double> bound)
    {
        {
            std::lock_guard lock(mutex_);
            what_ = std::move(what);
            deadline_ = clock_type::now() + std::chrono::duration_cast<clock_type::duration>(bound);
            bound_ = bound.count();
            armed_ = true;
        }
        cv_.notify_one();
    }
    void disarm()
    {
        std::lock_guard lock(mutex_);
        armed_ = false;
    }

private:
    void watch()
    {
        std::unique_lock lock(mutex_);
        while (!quit_) {
            if (!armed_) {
                cv_.wait(lock);
                continue;
            }
            if (cv_.wait_until(lock, deadline_) == std::cv_status::timeout && armed_
                && clock_type::now() >= deadline_) {
                std::fprintf(
                    stderr, "bench_throughput: %s did not finish within %.0f s; giving up\n", what_.c_str(), bound_);
                std::_Exit(3);
            }
        }
    }

    std::mutex mutex_;
    std::condition_variable cv_;
    bool quit_ = false;
    bool armed_ = false;
    std::string what_;
    clock_type::time_point deadline_;
    double bound_ = 0;
    std::thread thread_;
};

// Raises the soft RLIMIT_NOFILE to at least needed descriptors.
void raise_fd_limit(std::uint64_t needed)
{
    ::rlimit r{};
    check(::getrlimit(RLIMIT_NOFILE, &r), "getrlimit(RLIMIT_NOFILE)");
    if (r.rlim_cur != RLIM_INFINITY && r.rlim_cur >= needed)
        return;
    if (r.rlim_cur == RLIM_INFINITY)
        return;
    if (r.rlim_max != RLIM_INFINITY && r.rlim_max < needed)
        fail("RLIMIT_NOFILE: " + std::to_string(needed) + " descriptors needed, the hard limit is "
            + std::to_string(r.rlim_max) + " (raise it, e.g. ulimit -Hn, or pass a smaller --conns)");
    r.rlim_cur = needed;
    check(::setrlimit(RLIMIT_NOFILE, &r), "setrlimit(RLIMIT_NOFILE)");
}

enum class impl { tsock, raw, asio };
constexpr std::array all_impls{impl::tsock, impl::raw, impl::asio};

const char* name_of(impl i)
{
    switch (i) {
    case impl::tsock:
        return "tsock";
    case impl::raw:
        return "raw";
    case impl::asio:
        return "asio";
    }
    return "?";
}

constexpr bool have_asio =
#if defined(TSOCK_BENCH_HAVE_ASIO)
    true;
#else
    false;
#endif

#if !defined(TSOCK_BENCH_HAVE_ASIO)
[[noreturn]] void no_asio() { fail("built without Asio"); }
#endif

struct config {
    std::uint64_t bulk_bytes = std::uint64_t(1) << 30;
    double accept_seconds = 1.0;
    std::uint64_t accept_max = 20000; // per run; a fresh listener port each run keeps TIME_WAIT out of the way
    double echo_seconds = 2.0;
    double echo_warmup = 0.3;
    std::size_t echo_conns = 1000;
    std::size_t client_threads = 1;
    int reps = 5;
    bool pin = false; // server ends on CPU 0, client ends on CPU 1
};

constexpr unsigned server_cpu = 0;
constexpr unsigned client_cpu = 1;

// With --pin, binds the calling thread to cpu (modulo the CPUs there are).
void pin_to(const config& cfg, unsigned cpu)
{
    if (!cfg.pin)
        return;
    ::cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu % std::max(1u, std::thread::hardware_concurrency()), &set);
    if (const int e = ::pthread_setaffinity_np(::pthread_self(), sizeof set, &set); e != 0)
        throw std::system_error(e, std::system_category(), "pthread_setaffinity_np");
}

const auto tsock_loopback = tsock::address_v4::loopback();

// ---------------------------------------------------------------- bulk

constexpr std::size_t chunk = 64 * 1024;
constexpr std::uint64_t pattern_key = 0x9e37'79b9'7f4a'7c15;

// The 8-byte word at stream offset 8k is k + pattern_key in native byte
// order: each byte is a function of its offset, so a lost, duplicated or
// reordered byte shows (unless it happens to equal the expected one; the
// shift it causes for every later byte does not).
std::uint64_t pattern_word(std::uint64_t k) { return k + pattern_key; }

unsigned char pattern_byte(std::uint64_t offset)
{
    const std::uint64_t w = pattern_word(offset / 8);
    unsigned char b[8];
    std::memcpy(b, &w, 8);
    return b[offset % 8];
}

// Two words per SSE2 instruction (a GCC and Clang vector extension): the
// pattern costs the sender and the receiver less than the copies the kernel
// makes, so that the figures are mostly the sockets'.
using word_pair = std::uint64_t __attribute__((vector_size(16)));
constexpr word_pair two_words = {2, 2};

// Fills words with the pattern's words first, first + 1, ...
void fill_pattern(std::span<std::uint64_t> words, std::uint64_t first)
{
    word_pair v = {pattern_word(first), pattern_word(first + 1)};
    std::size_t i = 0;
    for (; i + 2 <= words.size(); i += 2, v += two_words)
        std::memcpy(words.data() + i, &v, sizeof v);
    for (; i < words.size(); ++i)
        words[i] = pattern_word(first + i);
}

// Checks n received bytes that begin at stream offset `offset`.
void check_pattern(const unsigned char* p, std::uint64_t offset, std::size_t n)
{
    std::uint64_t diff = 0;
    std::size_t i = 0;
    for (; i < n && (offset + i) % 8 != 0; ++i)
        diff |= std::uint64_t(p[i] ^ pattern_byte(offset + i));
    const std::uint64_t k = (offset + i) / 8;
    word_pair expected = {pattern_word(k), pattern_word(k + 1)};
    word_pair d = {0, 0};
    for (; i + 16 <= n; i += 16, expected += two_words) {
        word_pair w;
        std::memcpy(&w, p + i, sizeof w);
        d |= w ^ expected;
    }
    diff |= d[0] | d[1];
    for (; i < n; ++i)
        diff |= std::uint64_t(p[i] ^ pattern_byte(offset + i));
    if (diff == 0)
        return;
    for (i = 0; i < n; ++i)
        if (p[i] != pattern_byte(offset + i))
            fail("bulk: byte at offset " + std::to_string(offset + i) + " is " + std::to_string(p[i]) + ", expected "
                + std::to_string(pattern_byte(offset + i)));
}

// Sends total bytes of the pattern in chunk-sized writes through send_all
// (which must send all it is given); returns when it started.
template <class SendAll> clock_type::time_point send_pattern(SendAll send_all, std::uint64_t total)
{
    std::vector<std::uint64_t> words(chunk / 8);
    const auto bytes = std::as_bytes(std::span(words));
    const auto start = clock_type::now();
    for (std::uint64_t offset = 0; offset < total; offset += chunk) {
        fill_pattern(words, offset / 8);
        send_all(bytes.first(std::size_t(std::min<std::uint64_t>(chunk, total - offset))));
    }
    return start;
}

// Receives through recv_some (0 = end of stream) until total bytes and the
// end of stream arrived, checking each piece; returns when the last byte came.
template <class RecvSome> clock_type::time_point receive_pattern(RecvSome recv_some, std::uint64_t total)
{
    std::vector<unsigned char> buffer(chunk);
    std::uint64_t got = 0;
    while (got < total) {
        const std::size_t n = recv_some(std::span(buffer));
        if (n == 0)
            fail("bulk: end of stream after " + std::to_string(got) + " of " + std::to_string(total) + " bytes");
        if (n > total - got)
            fail("bulk: more bytes than were sent");
        check_pattern(buffer.data(), got, n);
        got += n;
    }
    const auto end = clock_type::now();
    if (recv_some(std::span(buffer)) != 0)
        fail("bulk: bytes after the last one sent");
    return end;
}

// Runs the two ends on their own threads; MiB/s from the first send to the last byte.
template <class Sender, class Receiver> double run_bulk(Sender sender, Receiver receiver, const config& cfg)
{
    const std::uint64_t total = cfg.bulk_bytes;
    clock_type::time_point start, end;
    worker r([&, f = std::move(receiver)]() mutable {
        pin_to(cfg, server_cpu);
        end = f();
    });
    worker s([&, f = std::move(sender)]() mutable {
        pin_to(cfg, client_cpu);
        start = f();
    });
    join_all(r, s);
    return double(total) / double(1 << 20) / seconds_between(start, end);
}

double bulk_tsock(const config& cfg)
{
    const auto total = cfg.bulk_bytes;
    auto l = tsock::tcp_listener::listen_on({tsock_loopback, 0}, 1);
    auto c = tsock::tcp_socket::connect_to({tsock_loopback, l.local_endpoint().port()});
    auto s = std::move(l.accept().socket);
    return run_bulk(
        [c = std::move(c), total]() mutable {
            return send_pattern([&](std::span<const std::byte> b) { c.send_all(b); }, total);
        },
        [s = std::move(s), total]() mutable {
            return receive_pattern([&](std::span<unsigned char> b) { return s.recv(b); }, total);
        },
        cfg);
}

double bulk_raw(const config& cfg)
{
    const auto total = cfg.bulk_bytes;
    auto l = raw_listen(1, false);
    auto c = raw_connect(raw_port(l.get()));
    raw_fd s(check(::accept4(l.get(), nullptr, nullptr, SOCK_CLOEXEC), "accept4"));
    return run_bulk(
        [c = std::move(c), total]() mutable {
            return send_pattern(
                [&](std::span<const std::byte> b) {
                    while (!b.empty()) {
                        const auto n = ::send(c.get(), b.data(), b.size(), MSG_NOSIGNAL);
                        if (n < 0 && errno == EINTR)
                            continue;
                        b = b.subspan(std::size_t(check(n, "send")));
                    }
                },
                total);
        },
        [s = std::move(s), total]() mutable {
            return receive_pattern(
                [&](std::span<unsigned char> b) {
                    for (;;) {
                        const auto n = ::recv(s.get(), b.data(), b.size(), 0);
                        if (n < 0 && errno == EINTR)
                            continue;
                        return std::size_t(check(n, "recv"));
                    }
                },
                total);
        },
        cfg);
}

#if defined(TSOCK_BENCH_HAVE_ASIO)
using asio::ip::tcp;

// Asio's synchronous calls, as tsock's and raw are blocking.
double bulk_asio(const config& cfg)
{
    const auto total = cfg.bulk_bytes;
    asio::io_context ctx(1);
    tcp::acceptor l(ctx, tcp::endpoint(asio::ip::address_v4::loopback(), 0));
    tcp::socket c(ctx);
    c.connect(l.local_endpoint());
    tcp::socket s = l.accept();
    return run_bulk(
        [c = std::move(c), total]() mutable {
            return send_pattern(
                [&](std::span<const std::byte> b) { asio::write(c, asio::buffer(b.data(), b.size())); }, total);
        },
        [s = std::move(s), total]() mutable {
            return receive_pattern(
                [&](std::span<unsigned char> b) {
                    std::error_code ec;
                    const std::size_t n = s.read_some(asio::buffer(b.data(), b.size()), ec);
                    if (ec == asio::error::eof)
                        return std::size_t(0);
                    if (ec)
                        throw std::system_error(ec, "read_some");
                    return n;
                },
                total);
        },
        cfg);
}
#endif

double bulk(impl i, const config& cfg)
{
    switch (i) {
    case impl::tsock:
        return bulk_tsock(cfg);
    case impl::raw:
        return bulk_raw(cfg);
    case impl::asio:
#if defined(TSOCK_BENCH_HAVE_ASIO)
        return bulk_asio(cfg);
#else
        no_asio();
#endif
    }
    return 0;
}

// ---------------------------------------------------------------- accept

// The client may run this many connections ahead of the server: more would
// overflow the accept queue, and a dropped SYN costs a one-second retransmit.
constexpr std::uint64_t accept_window = 256;

struct accept_state {
    std::atomic<std::uint64_t> accepted{0};
    std::atomic<std::uint64_t> total{~std::uint64_t(0)}; // connections the client made, once it stopped
    std::atomic<bool> server_failed{false};
};

// Connects and closes until the deadline or max_count, then once more so
// that a server blocked in accept wakes up to see the total. On failure it
// shuts the listener down, which wakes the server's accept with an error.
template <class ConnectClose>
void accept_client(ConnectClose connect_close, accept_state& st, int listener, clock_type::time_point deadline,
    std::uint64_t max_count)
{
    try {
        std::uint64_t made = 0;
        while (made < max_count && clock_type::now() < deadline) {
            while (made - st.accepted.load(std::memory_order_relaxed) >= accept_window) {
                if (st.server_failed.load() || clock_type::now() > deadline + 10s)
                    fail("accept: the server stopped accepting");
                std::this_thread::yield();
            }
            connect_close();
            ++made;
        }
        st.total.store(made + 1);
        connect_close();
    } catch (...) {
        ::shutdown(listener, SHUT_RDWR);
        throw;
    }
}

// Accepts and closes until it has accepted all the client made.
template <class AcceptClose> void accept_server(AcceptClose accept_close, accept_state& st)
{
    try {
        std::uint64_t n = 0;
        do {
            accept_close();
            st.accepted.store(++n, std::memory_order_relaxed);
        } while (n != st.total.load());
    } catch (...) {
        st.server_failed = true;
        throw;
    }
}

// Connections per second, from the client's start to the last accept.
template <class ConnectClose, class AcceptClose>
double run_accept(ConnectClose connect_close, AcceptClose accept_close, int listener, const config& cfg)
{
    accept_state st;
    const auto start = clock_type::now();
    const auto deadline
        = start + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(cfg.accept_seconds));
    clock_type::time_point end;
    worker server([&] {
        pin_to(cfg, server_cpu);
        accept_server(accept_close, st);
        end = clock_type::now();
    });
    worker client([&] {
        pin_to(cfg, client_cpu);
        accept_client(connect_close, st, listener, deadline, cfg.accept_max);
    });
    join_all(client, server);
    return double(st.accepted.load()) / seconds_between(start, end);
}

double accept_tsock(const config& cfg)
{
    auto l = tsock::tcp_listener::listen_on({tsock_loopback, 0}, 4096);
    const tsock::ipv4_endpoint ep{tsock_loopback, l.local_endpoint().port()};
    return run_accept(
        [&] { auto s = tsock::tcp_socket::connect_to(ep); }, [&] { auto a = l.accept(); }, l.native_handle(), cfg);
}

double accept_raw(const config& cfg)
{
    auto l = raw_listen(4096, false);
    const auto port = raw_port(l.get());
    return run_accept([&] { auto s = raw_connect(port); },
        [&] {
            ::sockaddr_in peer{};
            ::socklen_t len = sizeof peer;
            int fd;
            while ((fd = ::accept4(l.get(), reinterpret_cast<::sockaddr*>(&peer), &len, SOCK_CLOEXEC)) < 0)
                if (errno != EINTR)
                    fail_errno("accept4");
            ::close(fd);
        },
        l.get(), cfg);
}

#if defined(TSOCK_BENCH_HAVE_ASIO)
double accept_asio(const config& cfg)
{
    asio::io_context ctx(1);
    tcp::acceptor l(ctx);
    const tcp::endpoint any_port(asio::ip::address_v4::loopback(), 0);
    l.open(any_port.protocol());
    l.set_option(tcp::acceptor::reuse_address(true));
    l.bind(any_port);
    l.listen(4096);
    const auto ep = l.local_endpoint();
    return run_accept(
        [&] {
            tcp::socket s(ctx);
            s.connect(ep);
        },
        [&] { tcp::socket s = l.accept(); }, l.native_handle(), cfg);
}
#endif

double accept_rate(impl i, const config& cfg)
{
    switch (i) {
    case impl::tsock:
        return accept_tsock(cfg);
    case impl::raw:
        return accept_raw(cfg);
    case impl::asio:
#if defined(TSOCK_BENCH_HAVE_ASIO)
        return accept_asio(cfg);
#else
        no_asio();
#endif
    }
    return 0;
}

// ---------------------------------------------------------------- echo

constexpr std::size_t request_size = 64;

// A server under test: listening once constructed; run() serves on the
// calling thread until stop() (from another thread).
class echo_server {
public:
    virtual ~echo_server() = default;
    virtual std::uint16_t port() const = 0;
    virtual std::uint64_t accepted() const = 0; // connections accepted so far (any thread)
    virtual void run() = 0;
    virtual void stop() = 0;
};

// The servers' loops are in poll_echo_servers.hpp (shared with
// bench_poll_echo, whose instruction count guards them).
template <class Server> class echo_server_of final : public echo_server {
public:
    std::uint16_t port() const override { return server_.port(); }
    std::uint64_t accepted() const override { return server_.accepted(); }
    void run() override { server_.run(); }
    void stop() override { server_.stop(); }

private:
    Server server_;
};

std::unique_ptr<echo_server> make_echo_server(impl i)
{
    switch (i) {
    case impl::tsock:
        return std::make_unique<echo_server_of<poll_echo::tsock_poll_echo>>();
    case impl::raw:
        return std::make_unique<echo_server_of<poll_echo::raw_poll_echo>>();
    case impl::asio:
#if defined(TSOCK_BENCH_HAVE_ASIO)
        return std::make_unique<echo_server_of<poll_echo::asio_poll_echo>>();
#else
        no_asio();
#endif
    }
    return nullptr;
}

// One client connection: a request in flight at a time.
struct echo_client {
    raw_fd fd;
    std::uint32_t id = 0;
    std::uint64_t seq = 0;
    std::size_t got = 0;
    std::array<unsigned char, request_size> request{};
    std::array<unsigned char, request_size> reply{};

    // The next request, its bytes derived from (id, seq), sent whole.
    void send_next()
    {
        ++seq;
        for (std::size_t i = 0; i != request_size / 8; ++i) {
            const std::uint64_t w = (seq * 8 + i) ^ (std::uint64_t(id) << 40) ^ pattern_key;
            std::memcpy(request.data() + 8 * i, &w, 8);
        }
        const auto n = ::send(fd.get(), request.data(), request.size(), MSG_NOSIGNAL);
        if (n < 0)
            fail_errno("echo client: send");
        if (std::size_t(n) != request.size())
            fail("echo client: short send of a request");
    }
};

// Connects n clients in batches, each batch accepted before the next (the
// accept queue stays short), then makes them non-blocking.
std::vector<echo_client> connect_clients(std::uint16_t port, std::size_t n, const echo_server& server)
{
    constexpr std::size_t batch = 100;
    std::vector<echo_client> clients(n);
    for (std::size_t first = 0; first < n; first += batch) {
        const std::size_t last = std::min(n, first + batch);
        for (std::size_t i = first; i != last; ++i) {
            clients[i].fd = raw_connect(port);
            clients[i].id = std::uint32_t(i);
        }
        const auto give_up = clock_type::now() + 10s;
        while (server.accepted() < last) {
            if (clock_type::now() > give_up)
                fail("echo: the server accepted " + std::to_string(server.accepted()) + " of " + std::to_string(last)
                    + " connections in 10 s");
            std::this_thread::sleep_for(100us);
        }
    }
    for (auto& c : clients) {
        const int flags = check(::fcntl(c.fd.get(), F_GETFL), "fcntl");
        check(::fcntl(c.fd.get(), F_SETFL, flags | O_NONBLOCK), "fcntl");
        set_no_delay(c.fd.get());
    }
    return clients;
}

// Drives its clients until `end`, then waits for the echoes in flight;
// returns the requests completed between count_from and end.
std::uint64_t drive_clients(
    std::span<echo_client> clients, clock_type::time_point count_from, clock_type::time_point end)
{
    raw_fd ep(check(::epoll_create1(EPOLL_CLOEXEC), "epoll_create1"));
    for (std::size_t i = 0; i != clients.size(); ++i) {
        ::epoll_event e{};
        e.events = EPOLLIN;
        e.data.u64 = i;
        check(::epoll_ctl(ep.get(), EPOLL_CTL_ADD, clients[i].fd.get(), &e), "epoll_ctl");
    }
    for (auto& c : clients)
        c.send_next();
    std::size_t in_flight = clients.size();
    std::uint64_t counted = 0;
    const auto give_up = end + 10s;
    std::array<::epoll_event, 256> events;
    while (in_flight != 0) {
        const int n = ::epoll_wait(ep.get(), events.data(), int(events.size()), 10);
        if (n < 0 && errno != EINTR)
            fail_errno("echo client: epoll_wait");
        const auto now = clock_type::now();
        if (now > give_up)
            fail("echo: " + std::to_string(in_flight) + " echoes still missing 10 s after the end");
        for (int i = 0; i < n; ++i) {
            auto& c = clients[std::size_t(events[std::size_t(i)].data.u64)];
            const auto r = ::recv(c.fd.get(), c.reply.data() + c.got, request_size - c.got, 0);
            if (r < 0) {
                if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)
                    continue;
                fail_errno("echo client: recv");
            }
            if (r == 0)
                fail("echo client: the server closed a connection");
            c.got += std::size_t(r);
            if (c.got < request_size)
                continue;
            if (c.reply != c.request)
                fail("echo client: an echo differs from its request");
            c.got = 0;
            if (now >= count_from && now < end)
                ++counted;
            if (now < end)
                c.send_next();
            else
                --in_flight;
        }
    }
    return counted;
}

// Requests per second over cfg.echo_seconds, after cfg.echo_warmup.
double echo(impl i, const config& cfg)
{
    auto server = make_echo_server(i);
    worker serving([&] {
        pin_to(cfg, server_cpu);
        server->run();
    });
    std::uint64_t total = 0;
    try {
        // Whatever happens below: clients closed, then the server stopped.
        struct stopper {
            echo_server& s;
            ~stopper() { s.stop(); }
        } stop_server{*server};
        auto clients = connect_clients(server->port(), cfg.echo_conns, *server);
        const std::size_t threads = std::max<std::size_t>(1, std::min(cfg.client_threads, clients.size()));
        const auto start = clock_type::now() + 10ms;
        const auto count_from
            = start + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(cfg.echo_warmup));
        const auto end = count_from
            + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(cfg.echo_seconds));
        std::vector<std::uint64_t> counts(threads);
        std::vector<std::unique_ptr<worker>> drivers;
        for (std::size_t t = 0; t != threads; ++t) {
            const std::size_t first = clients.size() * t / threads;
            const std::size_t last = clients.size() * (t + 1) / threads;
            const std::span<echo_client> mine(clients.data() + first, last - first);
            drivers.push_back(std::make_unique<worker>([&counts, &cfg, t, mine, start, count_from, end] {
                pin_to(cfg, client_cpu);
                std::this_thread::sleep_until(start);
                counts[t] = drive_clients(mine, count_from, end);
            }));
        }
        std::exception_ptr first_error;
        for (auto& d : drivers) {
            try {
                d->join();
            } catch (...) {
                if (!first_error)
                    first_error = std::current_exception();
            }
        }
        if (first_error)
            std::rethrow_exception(first_error);
        for (auto c : counts)
            total += c;
    } catch (...) {
        // The server's error, if any, is the cause: report it first.
        const auto client_error = std::current_exception();
        serving.join();
        std::rethrow_exception(client_error);
    }
    serving.join();
    return double(total) / cfg.echo_seconds;
}

// ---------------------------------------------------------------- harness

struct benchmark {
    const char* name;
    const char* unit;
    double (*run)(impl, const config&);
    double (*bound)(const config&); // seconds after which the watchdog ends the program
    config (*warmup)(const config&); // a shorter run, not measured
};

const benchmark benchmarks[] = {
    {"bulk", "MiB/s", bulk, [](const config& c) { return 60.0 + double(c.bulk_bytes) / double(10 << 20); },
        [](const config& c) {
            config w = c;
            w.bulk_bytes = std::max<std::uint64_t>(chunk, c.bulk_bytes / 8);
            return w;
        }},
    {"accept", "conn/s", accept_rate, [](const config& c) { return 60.0 + c.accept_seconds; },
        [](const config& c) {
            config w = c;
            w.accept_seconds = c.accept_seconds / 4;
            w.accept_max = c.accept_max / 4;
            return w;
        }},
    {"echo", "req/s", echo, [](const config& c) { return 90.0 + c.echo_warmup + c.echo_seconds; },
        [](const config& c) {
            config w = c;
            w.echo_warmup = 0;
            w.echo_seconds = c.echo_seconds / 4;
            return w;
        }},
};

struct row {
    const benchmark* bench;
    impl i;
    std::vector<double> values;
};

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t m = v.size() / 2;
    return v.size() % 2 != 0 ? v[m] : (v[m - 1] + v[m]) / 2;
}

std::string load_average()
{
    std::ifstream f("/proc/loadavg");
    std::string a, b, c;
    f >> a >> b >> c;
    return f ? a + " " + b + " " + c : std::string("?");
}

// Runs one benchmark: a warm-up per implementation, then cfg.reps rounds
// over all implementations, the order rotated every round.
std::vector<row> run_benchmark(const benchmark& b, const std::vector<impl>& impls, const config& cfg, watchdog& dog)
{
    std::vector<row> rows;
    for (auto i : impls)
        rows.push_back({&b, i, {}});
    auto one = [&](impl i, const config& c, const std::string& what) {
        dog.arm(what, std::chrono::duration<double>(b.bound(c)));
        const double v = b.run(i, c);
        dog.disarm();
        return v;
    };
    for (auto i : impls)
        one(i, b.warmup(cfg), std::string(b.name) + " " + name_of(i) + " warm-up");
    for (int r = 0; r != cfg.reps; ++r) {
        std::fprintf(stderr, "%-7s round %d/%d:", b.name, r + 1, cfg.reps);
        for (std::size_t k = 0; k != rows.size(); ++k) {
            auto& rw = rows[(k + std::size_t(r)) % rows.size()];
            const double v
                = one(rw.i, cfg, std::string(b.name) + " " + name_of(rw.i) + " round " + std::to_string(r + 1));
            rw.values.push_back(v);
            std::fprintf(stderr, "  %s %.0f", name_of(rw.i), v);
        }
        std::fprintf(stderr, " %s\n", b.unit);
    }
    return rows;
}

// "vs raw": the ratio of the medians; "paired": the median of the ratios
// within a round (neighbours in time, so less exposed to a drifting load).
void print_table(const std::vector<row>& rows)
{
    std::printf("%-9s %-6s %10s  %-7s %7s %7s   %s\n", "benchmark", "impl", "median", "unit", "vs raw", "paired",
        "min .. max (rounds)");
    for (const auto& r : rows) {
        const row* raw = nullptr;
        for (const auto& o : rows)
            if (o.bench == r.bench && o.i == impl::raw)
                raw = &o;
        char ratio[16] = "-", paired[16] = "-";
        if (raw != nullptr) {
            std::vector<double> per_round;
            for (std::size_t k = 0; k != r.values.size(); ++k)
                per_round.push_back(r.values[k] / raw->values[k]);
            std::snprintf(ratio, sizeof ratio, "%.3f", median(r.values) / median(raw->values));
            std::snprintf(paired, sizeof paired, "%.3f", median(per_round));
        }
        const auto [lo, hi] = std::minmax_element(r.values.begin(), r.values.end());
        std::printf("%-9s %-6s %10.0f  %-7s %7s %7s   %.0f .. %.0f (%zu)\n", r.bench->name, name_of(r.i),
            median(r.values), r.bench->unit, ratio, paired, *lo, *hi, r.values.size());
    }
}

void usage(std::FILE* out)
{
    std::fprintf(out,
        "usage: bench_throughput [bench|bulk|accept|echo] [options]\n"
        "  bench               all three (the default)\n"
        "  --quick             a smoke test of a few seconds: 2 rounds, 32 MiB, short runs\n"
        "  --reps N            measured rounds per implementation (default 5)\n"
        "  --impl LIST         comma-separated subset of tsock,raw,asio (default: all built)\n"
        "  --bytes N[K|M|G]    bulk: bytes per run (default 1G)\n"
        "  --seconds S         accept and echo: measured seconds per run (default 1 and 2)\n"
        "  --conns N           echo: concurrent connections (default 1000)\n"
        "  --client-threads N  echo: client threads (default 1)\n"
        "  --pin               server ends on CPU 0, client ends on CPU 1 (default: the scheduler decides)\n");
}

struct bad_argument : std::runtime_error {
    using std::runtime_error::runtime_error;
};

template <class T> T parse_number(std::string_view s, std::string_view option)
{
    T v{};
    const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size())
        throw bad_argument(std::string(option) + ": not a number: " + std::string(s));
    return v;
}

std::uint64_t parse_bytes(std::string_view s)
{
    std::uint64_t scale = 1;
    if (!s.empty()) {
        switch (s.back()) {
        case 'K':
        case 'k':
            scale = 1 << 10;
            break;
        case 'M':
        case 'm':
            scale = 1 << 20;
            break;
        case 'G':
        case 'g':
            scale = 1 << 30;
            break;
        default:
            break;
        }
        if (scale != 1)
            s.remove_suffix(1);
    }
    const auto v = parse_number<std::uint64_t>(s, "--bytes") * scale;
    if (v == 0)
        throw bad_argument("--bytes: must be positive");
    return v;
}

extern "C" void on_sigpipe(int)
{
    static const char message[]
        = "bench_throughput: SIGPIPE: a send without MSG_NOSIGNAL wrote to a closed connection\n";
    [[maybe_unused]] const auto n = ::write(2, message, sizeof message - 1);
    ::_exit(4);
}

int run(int argc, char** argv)
{
    config cfg;
    std::string command = "bench";
    std::vector<impl> impls;
    for (auto i : all_impls)
        if (i != impl::asio || have_asio)
            impls.push_back(i);
    bool quick = false;
    std::optional<int> reps;
    std::optional<std::uint64_t> bytes;
    std::optional<double> seconds;
    std::vector<std::string_view> args(argv + 1, argv + argc);
    for (std::size_t k = 0; k < args.size(); ++k) {
        const auto a = args[k];
        auto value = [&] {
            if (k + 1 == args.size())
                throw bad_argument(std::string(a) + ": needs a value");
            return args[++k];
        };
        if (a == "-h" || a == "--help") {
            usage(stdout);
            return 0;
        } else if (a == "bench" || a == "bulk" || a == "accept" || a == "echo") {
            command = a;
        } else if (a == "--pin") {
            cfg.pin = true;
        } else if (a == "--quick") {
            quick = true;
        } else if (a == "--reps") {
            reps = parse_number<int>(value(), a);
            if (*reps < 1)
                throw bad_argument("--reps: at least 1");
        } else if (a == "--bytes") {
            bytes = parse_bytes(value());
        } else if (a == "--seconds") {
            seconds = parse_number<double>(value(), a);
            if (!(*seconds > 0))
                throw bad_argument("--seconds: must be positive");
        } else if (a == "--conns") {
            cfg.echo_conns = parse_number<std::size_t>(value(), a);
            if (cfg.echo_conns == 0)
                throw bad_argument("--conns: at least 1");
        } else if (a == "--client-threads") {
            cfg.client_threads = parse_number<std::size_t>(value(), a);
            if (cfg.client_threads == 0)
                throw bad_argument("--client-threads: at least 1");
        } else if (a == "--impl") {
            impls.clear();
            std::string_view list = value();
            while (!list.empty()) {
                const auto comma = list.find(',');
                const auto name = list.substr(0, comma);
                list = comma == list.npos ? std::string_view() : list.substr(comma + 1);
                const auto it
                    = std::find_if(all_impls.begin(), all_impls.end(), [&](impl i) { return name == name_of(i); });
                if (it == all_impls.end())
                    throw bad_argument("--impl: unknown implementation " + std::string(name));
                if (*it == impl::asio && !have_asio)
                    throw bad_argument("--impl: this build has no Asio");
                if (std::find(impls.begin(), impls.end(), *it) == impls.end())
                    impls.push_back(*it);
            }
            if (impls.empty())
                throw bad_argument("--impl: empty list");
        } else {
            throw bad_argument("unknown argument " + std::string(a));
        }
    }
    if (quick) {
        cfg.reps = 2;
        cfg.bulk_bytes = 32 << 20;
        cfg.accept_seconds = 0.15;
        cfg.echo_seconds = 0.3;
        cfg.echo_warmup = 0.1;
    }
    if (reps)
        cfg.reps = *reps;
    if (bytes)
        cfg.bulk_bytes = *bytes;
    if (seconds)
        cfg.accept_seconds = cfg.echo_seconds = *seconds;

    ::signal(SIGPIPE, on_sigpipe);
    if (command == "bench" || command == "echo")
        raise_fd_limit(2 * cfg.echo_conns + 64);

    std::fprintf(stderr, "bench_throughput: %u cores, load average %s\n", std::thread::hardware_concurrency(),
        load_average().c_str());
    std::vector<row> rows;
    {
        watchdog dog;
        for (const auto& b : benchmarks) {
            if (command != "bench" && command != b.name)
                continue;
            auto r = run_benchmark(b, impls, cfg, dog);
            rows.insert(rows.end(), r.begin(), r.end());
        }
    }
    print_table(rows);
    std::printf("(%d rounds; bulk %llu bytes; accept %g s; echo %zu connections, %zu client thread%s, %g s;%s load "
                "average %s)\n",
        cfg.reps, static_cast<unsigned long long>(cfg.bulk_bytes), cfg.accept_seconds, cfg.echo_conns,
        cfg.client_threads, cfg.client_threads == 1 ? "" : "s", cfg.echo_seconds, cfg.pin ? " pinned;" : "",
        load_average().c_str());
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        return run(argc, argv);
    } catch (const bad_argument& e) {
        std::fprintf(stderr, "bench_throughput: %s\n", e.what());
        usage(stderr);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_throughput: error: %s\n", e.what());
        return 1;
    }
}
