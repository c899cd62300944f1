// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Ping-pong over loopback: tsock, hand-written POSIX calls ("raw", the
// floor) and standalone Asio, each over TCP (TCP_NODELAY on both ends),
// connected UDP and AF_UNIX stream sockets (socketpair). One process, two
// threads: the client sends 64 bytes and receives them back, the echoer
// receives 64 bytes and sends them back. In the single workload all three
// use blocking sockets and make the same four system calls per round trip:
// send, recv, recv, send.
//
//   bench_pingpong <tsock|raw|asio> <tcp|udp|unix> [workload] <round_trips>
//       exactly that many round trips, one line of output; the setup is the
//       same for 0 round trips, so callgrind and strace can subtract it
//       (test/bench/instructions.sh). The workload (tsock and raw only,
//       Asio for single and whole_ec; over tcp and unix, but for single):
//         single    blocking send and recv (the default; every impl, proto)
//         whole     blocking send_all and recv_exact, throwing
//         whole_ec  the same in the std::error_code form (raw: the same
//                   loops, failures reported as a std::error_code)
//         timeout   send and recv in tsock's timeout mode (5 s: a
//                   non-blocking descriptor, poll() only when a call would
//                   block, one deadline per call), both ends on one thread
//                   in lockstep: every recv finds its data there, no call
//                   waits, and the counts are the same on every run
//         timeout_wait  the same on two threads: the peer's data is often
//                   not there yet, and the call waits; how often varies
//                   from run to run
//   bench_pingpong bench [--seconds S] [--reps R]
//       every implementation and protocol, interleaved; median round trips/s
//       (the single workload)
//   bench_pingpong impls
//       the implementations this binary has (asio only when built with it)

#include <tsock.hpp>

#if defined(TSOCK_BENCH_HAVE_ASIO)
#include <asio.hpp>
#endif

#include <algorithm>
#include <array>
#include <cerrno>
#include <climits>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <mutex>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

namespace {

using clock_type = std::chrono::steady_clock;

constexpr std::size_t message_size = 64;
using message = std::array<std::byte, message_size>;

// The client reads the clock once every this many round trips.
constexpr std::uint64_t clock_interval = 1024;

struct bench_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

std::string errno_text(std::string_view what, int e)
{
    return std::string(what) + ": " + std::strerror(e);
}

// A transfer of other than 64 bytes: a failed call (n < 0, errno says why),
// the peer gone (0), or a short transfer, which invalidates the benchmark.
[[noreturn, gnu::cold, gnu::noinline]] void bad_transfer(const char* what, long long n, int saved_errno)
{
    if (n < 0)
        throw bench_error(errno_text(what, saved_errno));
    if (n == 0)
        throw bench_error(std::string(what) + ": 0 bytes, the peer closed early");
    throw bench_error(std::string(what) + ": " + std::to_string(n) +
                      " bytes instead of 64: a short transfer, the benchmark is invalid");
}

template <class N>
void expect_full(N n, const char* what)
{
    if (n != static_cast<N>(message_size)) [[unlikely]]
        bad_transfer(what, static_cast<long long>(n), errno);
}

// The measuring side: up to count round trips, stopping early at the
// deadline. Returns how many it made.
template <class Conn>
std::uint64_t ping(Conn& c, std::uint64_t count, clock_type::time_point deadline)
{
    message out{};
    message in{};
    std::uint64_t done = 0;
    for (; done != count; ++done) {
        if (done % clock_interval == 0 && clock_type::now() >= deadline)
            break;
        expect_full(c.send(out), "send");
        expect_full(c.recv(in), "recv");
    }
    return done;
}

// The other side: echoes until the client's end signal (recv returns 0),
// at most limit messages.
template <class Conn>
void echo(Conn& c, std::uint64_t limit)
{
    message buf{};
    for (std::uint64_t i = 0;; ++i) {
        const auto n = c.recv(buf);
        if (n == 0)
            return;
        if (i == limit)
            throw bench_error("more messages than round trips");
        expect_full(n, "recv");
        expect_full(c.send(buf), "send");
    }
}

// The harness's own wrappers around each implementation's send and recv are
// inlined into the loops alike: otherwise GCC's size heuristics inline one
// wrapper and not another (tsock's datagram recv, with its truncation check,
// crossed the limit), and the figures would measure that call, not the
// library. The same for Asio's below.
#define BENCH_INLINE [[gnu::always_inline]] inline

// raw: what a careful C programmer writes, with tsock's semantics: sends
// with MSG_NOSIGNAL and retries EINTR, as tsock's blocking calls do, and on
// a message socket receives with MSG_TRUNC so that a datagram longer than
// the buffer is an error (EMSGSIZE), as tsock reports it, never a silent cut.
// The caller checks for all 64 bytes and reads errno when not.
template <bool Message>
class raw_conn_t {
public:
    explicit raw_conn_t(int fd) noexcept : fd_(fd) {}
    raw_conn_t(raw_conn_t&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    raw_conn_t& operator=(raw_conn_t&&) = delete;
    ~raw_conn_t()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }

    int native_handle() const noexcept { return fd_; }
    BENCH_INLINE ::ssize_t send(const message& m) const noexcept
    {
        ::ssize_t n;
        do
            n = ::send(fd_, m.data(), m.size(), MSG_NOSIGNAL);
        while (n < 0 && errno == EINTR);
        return n;
    }
    BENCH_INLINE ::ssize_t recv(message& m) const noexcept
    {
        ::ssize_t n;
        do
            n = ::recv(fd_, m.data(), m.size(), Message ? MSG_TRUNC : 0);
        while (n < 0 && errno == EINTR);
        if (Message && n > ::ssize_t(m.size())) {
            errno = EMSGSIZE;
            return -1;
        }
        return n;
    }

    // The end signal: end of stream, or an empty datagram.
    void finish(bool stream) const
    {
        const auto r = stream ? ::shutdown(fd_, SHUT_WR) : ::send(fd_, nullptr, 0, MSG_NOSIGNAL);
        if (r < 0)
            throw bench_error(errno_text("finish", errno));
    }

private:
    int fd_;
};
using raw_conn = raw_conn_t<false>;
using raw_datagram_conn = raw_conn_t<true>;

// raw, whole messages: loops until every byte has moved, as tsock's
// send_all and recv_exact do: send with MSG_NOSIGNAL, EINTR retried, stop at
// an error (-1, errno says why) or, receiving, at the peer's end (fewer
// bytes than asked; 0 when none came).
class raw_whole_conn : public raw_conn {
public:
    explicit raw_whole_conn(raw_conn c) noexcept : raw_conn(std::move(c)) {}

    BENCH_INLINE ::ssize_t send(const message& m) const noexcept
    {
        std::size_t done = 0;
        while (done != m.size()) {
            const ::ssize_t n = ::send(native_handle(), m.data() + done, m.size() - done, MSG_NOSIGNAL);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return -1;
            }
            done += std::size_t(n);
        }
        return ::ssize_t(done);
    }
    BENCH_INLINE ::ssize_t recv(message& m) const noexcept
    {
        std::size_t done = 0;
        while (done != m.size()) {
            const ::ssize_t n = ::recv(native_handle(), m.data() + done, m.size() - done, 0);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                return -1;
            }
            if (n == 0)
                break;
            done += std::size_t(n);
        }
        return ::ssize_t(done);
    }
};

// The timeout of the timeout workload, tsock's and raw's.
constexpr std::chrono::seconds call_timeout{5};

// CLOCK_MONOTONIC in nanoseconds.
std::int64_t monotonic_ns() noexcept
{
    ::timespec t{};
    ::clock_gettime(CLOCK_MONOTONIC, &t);
    return std::int64_t(t.tv_sec) * 1'000'000'000 + t.tv_nsec;
}

// Waits with poll() until fd is ready for events or the deadline (monotonic
// nanoseconds; INT64_MAX: none) has passed, a wait cut at INT_MAX ms going
// on and EINTR waiting again for what is left: true when ready, false with
// errno set (ETIMEDOUT at the deadline). A deadline already passed still
// looks once. (tsock's timeout mode, as a C programmer writes it.)
bool wait_until(int fd, short events, std::int64_t deadline) noexcept
{
    for (;;) {
        int ms = -1;
        if (deadline != INT64_MAX) {
            const std::int64_t left = deadline - monotonic_ns();
            const std::int64_t left_ms = left <= 0 ? 0 : (left + 999'999) / 1'000'000;
            ms = left_ms > INT_MAX ? INT_MAX : int(left_ms);
        }
        ::pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, ms);
        if (r > 0)
            return true;
        if (r == 0 && ms != INT_MAX) {
            errno = ETIMEDOUT;
            return false;
        }
        if (r < 0 && errno != EINTR)
            return false;
    }
}

// raw, timeout mode: a non-blocking descriptor; each send and recv is tried
// at once, and only when it would block does the call read the clock (once:
// its deadline is the timeout from then) and wait with poll() for what is
// left; past the deadline it fails with ETIMEDOUT. A negative timeout fails
// every call (EINVAL), as tsock's does.
class raw_timeout_conn : public raw_conn {
public:
    raw_timeout_conn(raw_conn c, std::int64_t timeout_ns) : raw_conn(std::move(c)), timeout_ns_(timeout_ns)
    {
        int on = 1;
        if (::ioctl(native_handle(), FIONBIO, &on) < 0)
            throw bench_error(errno_text("ioctl(FIONBIO)", errno));
    }

    BENCH_INLINE ::ssize_t send(const message& m) const noexcept
    {
        return with_deadline(POLLOUT, [&] { return ::send(native_handle(), m.data(), m.size(), MSG_NOSIGNAL); });
    }
    BENCH_INLINE ::ssize_t recv(message& m) const noexcept
    {
        return with_deadline(POLLIN, [&] { return ::recv(native_handle(), m.data(), m.size(), 0); });
    }

private:
    template <class Call>
    BENCH_INLINE ::ssize_t with_deadline(short events, Call call) const noexcept
    {
        if (timeout_ns_ < 0) {
            errno = EINVAL;
            return -1;
        }
        std::int64_t deadline = 0;
        bool waited = false;
        for (;;) {
            const ::ssize_t n = call();
            if (n >= 0)
                return n;
            if (errno == EINTR)
                continue;
            if (errno != EAGAIN && errno != EWOULDBLOCK)
                return -1;
            if (!waited) {
                const std::int64_t now = monotonic_ns();
                deadline = timeout_ns_ >= INT64_MAX - now ? INT64_MAX : now + timeout_ns_;
                waited = true;
            }
            if (!wait_until(native_handle(), events, deadline))
                return -1;
        }
    }

    std::int64_t timeout_ns_;
};

// tsock: blocking sockets, the throwing send and recv.
template <class Socket>
class tsock_conn {
public:
    explicit tsock_conn(Socket s) noexcept : s_(std::move(s)) {}

    Socket& socket() noexcept { return s_; }
    int native_handle() const noexcept { return s_.native_handle(); }
    BENCH_INLINE std::size_t send(const message& m) { return s_.send(m); }
    BENCH_INLINE std::size_t recv(message& m) { return s_.recv(m); }

    void finish(bool /*stream: known from the type*/)
    {
        if constexpr (Socket::type_policy::connection_oriented)
            s_.shutdown(tsock::shutdown_type::send);
        else
            (void)s_.send(std::span<const std::byte>()); // an empty datagram: the end
    }

protected:
    Socket s_;
};

// tsock, whole messages: send_all and recv_exact, throwing, as a user writes
// them. The peer's end at a message boundary (error::end_of_stream) is the
// echoer's end signal, which it reads as 0 bytes, as raw's; any other
// failure throws on.
template <class Socket>
class tsock_whole_conn : public tsock_conn<Socket> {
public:
    using tsock_conn<Socket>::tsock_conn;

    BENCH_INLINE std::size_t send(const message& m)
    {
        this->s_.send_all(m);
        return m.size();
    }
    BENCH_INLINE std::size_t recv(message& m)
    {
        try {
            this->s_.recv_exact(m);
        } catch (const std::system_error& e) {
            if (e.code() == tsock::error::end_of_stream)
                return 0;
            throw;
        }
        return m.size();
    }
};

// The failure of an std::error_code form, as an exception of the benchmark.
[[noreturn, gnu::cold, gnu::noinline]] void bad_code(const char* what, std::error_code ec)
{
    throw bench_error(std::string(what) + ": " + ec.message());
}

// tsock, whole messages, the std::error_code form: how many bytes moved;
// the peer's end before any byte of a message reads as 0 bytes.
template <class Socket>
class tsock_whole_ec_conn : public tsock_conn<Socket> {
public:
    using tsock_conn<Socket>::tsock_conn;

    BENCH_INLINE std::size_t send(const message& m)
    {
        std::error_code ec;
        const std::size_t n = this->s_.send_all(m, ec);
        if (ec) [[unlikely]]
            bad_code("send_all", ec);
        return n;
    }
    BENCH_INLINE std::size_t recv(message& m)
    {
        std::error_code ec;
        const std::size_t n = this->s_.recv_exact(m, ec);
        if (ec) [[unlikely]] {
            if (ec == tsock::error::end_of_stream)
                return n;
            bad_code("recv_exact", ec);
        }
        return n;
    }
};

// raw, whole messages, reporting errors as a std::error_code as a C++
// program of raw calls does (the counterpart of whole_ec): raw_whole_conn's
// loops; a failure becomes {errno, system_category()}, checked as tsock's
// caller checks it. Each call declares its error_code, as whole_ec's
// caller does.
class raw_whole_ec_conn : public raw_whole_conn {
public:
    using raw_whole_conn::raw_whole_conn;

    BENCH_INLINE std::size_t send(const message& m) const { return reported(raw_whole_conn::send(m), "send"); }
    BENCH_INLINE std::size_t recv(message& m) const { return reported(raw_whole_conn::recv(m), "recv"); }

private:
    // n, or its failure as an error_code, checked.
    BENCH_INLINE static std::size_t reported(::ssize_t n, const char* what)
    {
        std::error_code ec;
        if (n < 0) [[unlikely]]
            ec.assign(errno, std::system_category());
        if (ec) [[unlikely]]
            bad_code(what, ec);
        return std::size_t(n);
    }
};

#if defined(TSOCK_BENCH_HAVE_ASIO)
// Asio: blocking sockets, send and receive with an error_code (the throwing
// receive would report a stream's end as an exception).
// Whole: asio::write and asio::read (every byte of the message, the
// error_code forms: the whole_ec workload's counterpart).
template <class Socket, bool Whole = false>
class asio_conn {
public:
    explicit asio_conn(Socket s) noexcept : s_(std::move(s)) {}

    int native_handle() noexcept { return s_.native_handle(); }
    BENCH_INLINE std::size_t send(const message& m)
    {
        asio::error_code ec;
        std::size_t n;
        if constexpr (Whole)
            n = asio::write(s_, asio::buffer(m), ec);
        else
            n = s_.send(asio::buffer(m), 0, ec);
        if (ec) [[unlikely]]
            throw std::system_error(ec, "asio send");
        return n;
    }
    BENCH_INLINE std::size_t recv(message& m)
    {
        asio::error_code ec;
        std::size_t n;
        if constexpr (Whole)
            n = asio::read(s_, asio::buffer(m), ec);
        else
            n = s_.receive(asio::buffer(m), 0, ec);
        if (ec) [[unlikely]] {
            if (ec == asio::error::eof)
                return n; // Whole: the bytes before the end (0 at a message boundary)
            throw std::system_error(ec, "asio receive");
        }
        return n;
    }

    void finish(bool stream)
    {
        if (stream)
            s_.shutdown(asio::socket_base::shutdown_send);
        else
            s_.send(asio::const_buffer());
    }

private:
    Socket s_;
};
#endif

// What the two threads of a run share: the first failure, and both sockets,
// shut down on a failure or at the time limit so that a thread blocked in
// recv wakes up (recv returns 0) and the run ends.
class session {
public:
    session(int a, int b) noexcept : fds_{a, b} {}

    // Runs f on this thread; an exception fails the session.
    template <class F>
    void guard(const char* who, F f) noexcept
    {
        try {
            f();
        } catch (const std::exception& e) {
            fail(std::string(who) + ": " + e.what());
        }
        const std::lock_guard lock(m_);
        ++finished_;
        done_.notify_all();
    }

    void fail(std::string why) noexcept
    {
        const std::lock_guard lock(m_);
        if (error_.empty())
            error_ = std::move(why);
        for (int fd : fds_)
            ::shutdown(fd, SHUT_RDWR);
    }

    // Waits for both threads; past the deadline, fails the session.
    void wait(clock_type::time_point deadline)
    {
        std::unique_lock lock(m_);
        if (!done_.wait_until(lock, deadline, [&] { return finished_ == 2; })) {
            lock.unlock();
            fail("no end by the time limit (a hang)");
        }
    }

    void throw_if_failed()
    {
        const std::lock_guard lock(m_);
        if (!error_.empty())
            throw bench_error(error_);
    }

private:
    std::array<int, 2> fds_;
    std::mutex m_;
    std::condition_variable done_;
    int finished_ = 0;
    std::string error_;
};

struct run_options {
    std::uint64_t round_trips = 0;     // at most this many, measured
    std::uint64_t warmup = 0;          // this many first, not measured
    clock_type::duration time_limit{}; // of the measured part
    bool stream = false;               // set by run(): how the client ends
    bool lockstep = false;             // set by run(): both ends on one thread
};

struct run_result {
    std::uint64_t round_trips = 0;
    double seconds = 0;
};

// The client's part of a run that started then: the warm-up, then the
// measured round trips.
template <class Conn>
run_result ping_run(Conn& client, const run_options& o, clock_type::time_point started)
{
    if (ping(client, o.warmup, started + o.time_limit) != o.warmup)
        throw bench_error("the warm-up took the whole time limit");
    run_result r;
    const auto start = clock_type::now();
    r.round_trips = ping(client, o.round_trips, start + o.time_limit);
    r.seconds = std::chrono::duration<double>(clock_type::now() - start).count();
    return r;
}

// The client on one thread, the echoer on another; joins both.
template <class Conn>
run_result run_session(Conn& client, Conn& server, const run_options& o)
{
    session s(client.native_handle(), server.native_handle());
    run_result r;
    const auto started = clock_type::now();
    std::thread echoer([&] { s.guard("echoer", [&] { echo(server, o.warmup + o.round_trips); }); });
    std::thread measurer;
    try {
        measurer = std::thread([&] {
            s.guard("client", [&] {
                r = ping_run(client, o, started);
                client.finish(o.stream);
            });
        });
    } catch (const std::exception& e) {
        s.fail(std::string("client thread: ") + e.what());
        echoer.join();
        throw;
    }
    s.wait(started + 2 * o.time_limit + std::chrono::seconds(10));
    measurer.join();
    echoer.join();
    s.throw_if_failed();
    return r;
}

// Both ends on one thread, for the lockstep runs: a round trip is the
// client's send, the echoer's recv and send, then the client's recv. Each
// recv finds its data already there (a send on loopback has reached the
// peer's socket when it returns), so no call ever has to wait: the counts
// are those of the calls' path without waiting, the same on every run.
template <class Conn>
class lockstep_pair {
public:
    lockstep_pair(Conn& client, Conn& server) noexcept : client_(client), server_(server) {}

    BENCH_INLINE std::size_t send(const message& m)
    {
        expect_full(client_.send(m), "send");
        expect_full(server_.recv(buf_), "echoer recv");
        expect_full(server_.send(buf_), "echoer send");
        return m.size();
    }
    BENCH_INLINE auto recv(message& m) { return client_.recv(m); }

private:
    Conn& client_;
    Conn& server_;
    message buf_{};
};

// The run of a pair of connections: lockstep on this thread, or a session
// of two threads.
template <class Conn>
run_result run_pair(Conn& client, Conn& server, const run_options& o)
{
    if (!o.lockstep)
        return run_session(client, server, o);
    lockstep_pair<Conn> both(client, server);
    return ping_run(both, o, clock_type::now());
}

enum class impl_id { tsock, raw, asio };
enum class proto_id { tcp, udp, unix_stream };
enum class workload_id { single, whole, whole_ec, timeout, timeout_wait };

constexpr std::array<std::string_view, 3> impl_names = {"tsock", "raw", "asio"};
constexpr std::array<std::string_view, 3> proto_names = {"tcp", "udp", "unix"};
constexpr std::array<std::string_view, 5> workload_names = {"single", "whole", "whole_ec", "timeout", "timeout_wait"};

#if defined(TSOCK_BENCH_HAVE_ASIO)
constexpr std::array<impl_id, 3> built_impls = {impl_id::tsock, impl_id::raw, impl_id::asio};
#else
constexpr std::array<impl_id, 2> built_impls = {impl_id::tsock, impl_id::raw};
#endif
constexpr std::array<proto_id, 3> all_protos = {proto_id::tcp, proto_id::udp, proto_id::unix_stream};

std::string_view name(impl_id i) { return impl_names[static_cast<std::size_t>(i)]; }
std::string_view name(proto_id p) { return proto_names[static_cast<std::size_t>(p)]; }
std::string_view name(workload_id w) { return workload_names[static_cast<std::size_t>(w)]; }

// Over a tcp or unix pair of blocking tsock sockets; wrap makes each socket
// the connection the workload runs on.
template <class Wrap>
run_result run_tsock_stream(proto_id p, const run_options& o, Wrap wrap)
{
    switch (p) {
    case proto_id::tcp: {
        auto listener = tsock::tcp_listener::listen_on({tsock::address_v4::loopback(), 0}, 1);
        auto c = tsock::tcp_socket::connect_to(listener.local_endpoint());
        auto s = std::move(listener.accept().socket);
        listener.close();
        c.set(tsock::options::tcp::no_delay(true));
        s.set(tsock::options::tcp::no_delay(true));
        auto client = wrap(std::move(c));
        auto server = wrap(std::move(s));
        return run_pair(client, server, o);
    }
    case proto_id::unix_stream: {
        auto [a, b] = tsock::socket_pair();
        auto client = wrap(std::move(a));
        auto server = wrap(std::move(b));
        return run_pair(client, server, o);
    }
    case proto_id::udp:
        break;
    }
    throw bench_error("this workload runs over tcp and unix only");
}

run_result run_tsock(proto_id p, workload_id w, const run_options& o)
{
    switch (w) {
    case workload_id::single:
        if (p == proto_id::udp) {
            const tsock::ipv4_endpoint loopback_any_port{tsock::address_v4::loopback(), 0};
            tsock_conn client(tsock::udp_socket::open());
            tsock_conn server(tsock::udp_socket::open());
            client.socket().bind(loopback_any_port);
            server.socket().bind(loopback_any_port);
            client.socket().connect(server.socket().local_endpoint());
            server.socket().connect(client.socket().local_endpoint());
            return run_session(client, server, o);
        }
        return run_tsock_stream(p, o, [](auto s) { return tsock_conn(std::move(s)); });
    case workload_id::whole:
        return run_tsock_stream(p, o, [](auto s) { return tsock_whole_conn<decltype(s)>(std::move(s)); });
    case workload_id::whole_ec:
        return run_tsock_stream(p, o, [](auto s) { return tsock_whole_ec_conn<decltype(s)>(std::move(s)); });
    case workload_id::timeout:
    case workload_id::timeout_wait:
        return run_tsock_stream(p, o, [](auto s) { return tsock_conn(std::move(s).with_mode(tsock::timeout{call_timeout})); });
    }
    throw bench_error("unknown workload");
}

int checked(int r, const char* what)
{
    if (r < 0)
        throw bench_error(errno_text(what, errno));
    return r;
}

::sockaddr_in loopback_any_port()
{
    ::sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = 0;
    return a;
}

// socket(2) bound to 127.0.0.1 on a port the kernel picks; addr is its name.
template <class Conn = raw_conn>
Conn raw_bound(int type, ::sockaddr_in& addr)
{
    Conn s(checked(::socket(AF_INET, type | SOCK_CLOEXEC, 0), "socket"));
    addr = loopback_any_port();
    ::socklen_t len = sizeof addr;
    checked(::bind(s.native_handle(), reinterpret_cast<const ::sockaddr*>(&addr), len), "bind");
    checked(::getsockname(s.native_handle(), reinterpret_cast<::sockaddr*>(&addr), &len), "getsockname");
    return s;
}

template <class Conn>
void raw_connect(const Conn& s, const ::sockaddr_in& addr)
{
    checked(::connect(s.native_handle(), reinterpret_cast<const ::sockaddr*>(&addr), sizeof addr), "connect");
}

// Over a tcp or unix pair of blocking descriptors (udp too for the single
// workload); wrap makes each the connection the workload runs on.
template <class Wrap>
run_result run_raw(proto_id p, const run_options& o, Wrap wrap)
{
    switch (p) {
    case proto_id::tcp: {
        ::sockaddr_in addr{};
        raw_conn listener = raw_bound(SOCK_STREAM, addr);
        checked(::listen(listener.native_handle(), 1), "listen");
        raw_conn c(checked(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket"));
        raw_connect(c, addr);
        raw_conn s(checked(::accept4(listener.native_handle(), nullptr, nullptr, SOCK_CLOEXEC), "accept4"));
        const int one = 1;
        for (const raw_conn* x : {&c, &s})
            checked(::setsockopt(x->native_handle(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), "setsockopt");
        auto client = wrap(std::move(c));
        auto server = wrap(std::move(s));
        return run_pair(client, server, o);
    }
    case proto_id::udp: {
        if constexpr (std::is_invocable_v<Wrap, raw_datagram_conn>) {
            ::sockaddr_in client_addr{};
            ::sockaddr_in server_addr{};
            auto c = raw_bound<raw_datagram_conn>(SOCK_DGRAM, client_addr);
            auto s = raw_bound<raw_datagram_conn>(SOCK_DGRAM, server_addr);
            raw_connect(c, server_addr);
            raw_connect(s, client_addr);
            auto client = wrap(std::move(c));
            auto server = wrap(std::move(s));
            return run_pair(client, server, o);
        }
        break;
    }
    case proto_id::unix_stream: {
        int fds[2] = {-1, -1};
        checked(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds), "socketpair");
        raw_conn c(fds[0]);
        raw_conn s(fds[1]);
        auto client = wrap(std::move(c));
        auto server = wrap(std::move(s));
        return run_pair(client, server, o);
    }
    }
    throw bench_error("this workload runs over tcp and unix only");
}

// The single workload's connections are the descriptors as they are.
struct raw_as_is {
    template <class Conn>
    Conn operator()(Conn c) const noexcept
    {
        return c;
    }
};

run_result run_raw(proto_id p, workload_id w, const run_options& o)
{
    switch (w) {
    case workload_id::single:
        return run_raw(p, o, raw_as_is{});
    case workload_id::whole:
        return run_raw(p, o, [](raw_conn c) { return raw_whole_conn(std::move(c)); });
    case workload_id::whole_ec:
        return run_raw(p, o, [](raw_conn c) { return raw_whole_ec_conn(std::move(c)); });
    case workload_id::timeout:
    case workload_id::timeout_wait:
        return run_raw(p, o, [](raw_conn c) {
            return raw_timeout_conn(std::move(c), std::chrono::nanoseconds(call_timeout).count());
        });
    }
    throw bench_error("unknown workload");
}

#if defined(TSOCK_BENCH_HAVE_ASIO)
template <bool Whole>
run_result run_asio(proto_id p, const run_options& o)
{
    asio::io_context io;
    const auto loopback = asio::ip::address_v4::loopback();
    switch (p) {
    case proto_id::tcp: {
        using asio::ip::tcp;
        tcp::acceptor acceptor(io, tcp::endpoint(loopback, 0));
        tcp::socket c(io);
        c.connect(acceptor.local_endpoint());
        tcp::socket s = acceptor.accept();
        acceptor.close();
        c.set_option(tcp::no_delay(true));
        s.set_option(tcp::no_delay(true));
        asio_conn<decltype(c), Whole> client(std::move(c));
        asio_conn<decltype(s), Whole> server(std::move(s));
        return run_session(client, server, o);
    }
    case proto_id::udp:
        if constexpr (Whole) {
            throw bench_error("whole messages run over tcp and unix only");
        } else {
            using asio::ip::udp;
            udp::socket c(io, udp::endpoint(loopback, 0));
            udp::socket s(io, udp::endpoint(loopback, 0));
            c.connect(s.local_endpoint());
            s.connect(c.local_endpoint());
            asio_conn<decltype(c)> client(std::move(c));
            asio_conn<decltype(s)> server(std::move(s));
            return run_session(client, server, o);
        }
    case proto_id::unix_stream: {
        asio::local::stream_protocol::socket c(io);
        asio::local::stream_protocol::socket s(io);
        asio::local::connect_pair(c, s);
        asio_conn<decltype(c), Whole> client(std::move(c));
        asio_conn<decltype(s), Whole> server(std::move(s));
        return run_session(client, server, o);
    }
    }
    throw bench_error("unknown protocol");
}
#endif

run_result run_impl(impl_id i, proto_id p, workload_id w, const run_options& o)
{
    switch (i) {
    case impl_id::tsock:
        return run_tsock(p, w, o);
    case impl_id::raw:
        return run_raw(p, w, o);
    case impl_id::asio:
        if (w != workload_id::single && w != workload_id::whole_ec)
            throw bench_error("Asio runs the single and whole_ec workloads only (no timeout mode for its "
                              "synchronous calls; its throwing read reports the stream's end as an error)");
#if defined(TSOCK_BENCH_HAVE_ASIO)
        if (w == workload_id::whole_ec)
            return run_asio<true>(p, o);
        return run_asio<false>(p, o);
#else
        break;
#endif
    }
    throw bench_error("not built in (standalone Asio was not found)");
}

run_result run(impl_id i, proto_id p, run_options o, workload_id w = workload_id::single)
{
    o.stream = p != proto_id::udp;
    o.lockstep = w == workload_id::timeout;
    try {
        return run_impl(i, p, w, o);
    } catch (const std::exception& e) {
        throw bench_error(std::string(name(i)) + " " + std::string(name(p)) + " " + std::string(name(w)) + ": " +
                          e.what());
    }
}

template <class Id, std::size_t N>
Id parse_name(std::string_view arg, const std::array<std::string_view, N>& names, const char* what)
{
    for (std::size_t k = 0; k != N; ++k)
        if (names[k] == arg)
            return static_cast<Id>(k);
    throw std::invalid_argument(std::string("unknown ") + what + " '" + std::string(arg) + "'");
}

template <class T>
T parse_number(std::string_view arg, const char* what)
{
    T value{};
    const auto [end, ec] = std::from_chars(arg.data(), arg.data() + arg.size(), value);
    if (ec != std::errc() || end != arg.data() + arg.size())
        throw std::invalid_argument(std::string("not a valid ") + what + ": '" + std::string(arg) + "'");
    return value;
}

// bench_pingpong <impl> <proto> [workload] <round_trips>
int run_exact(std::span<const std::string_view> args)
{
    const auto i = parse_name<impl_id>(args[0], impl_names, "implementation");
    const auto p = parse_name<proto_id>(args[1], proto_names, "protocol");
    const auto w = args.size() > 3 ? parse_name<workload_id>(args[2], workload_names, "workload") : workload_id::single;
    const auto count = parse_number<std::uint64_t>(args.back(), "round trip count");
    // Generous: callgrind runs this about 50 times slower.
    const run_options o{.round_trips = count, .time_limit = std::chrono::minutes(2)};
    const run_result r = run(i, p, o, w);
    if (r.round_trips != count)
        throw bench_error(std::string(name(i)) + " " + std::string(name(p)) + " " + std::string(name(w)) +
                          ": only " + std::to_string(r.round_trips) + " of " + std::to_string(count) +
                          " round trips within the time limit");
    std::printf("%s %s %s: %llu round trips\n", name(i).data(), name(p).data(), name(w).data(),
                static_cast<unsigned long long>(r.round_trips));
    return 0;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 != 0 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

// bench_pingpong bench [--seconds S] [--reps R]
int run_bench(std::span<const std::string_view> args)
{
    double seconds = 0.5;
    unsigned reps = 5;
    for (std::size_t k = 0; k < args.size(); k += 2) {
        if (k + 1 == args.size())
            throw std::invalid_argument("missing value after " + std::string(args[k]));
        if (args[k] == "--seconds")
            seconds = parse_number<double>(args[k + 1], "number of seconds");
        else if (args[k] == "--reps")
            reps = parse_number<unsigned>(args[k + 1], "number of repetitions");
        else
            throw std::invalid_argument("unknown option '" + std::string(args[k]) + "'");
    }
    if (!(seconds > 0 && seconds <= 60) || reps == 0 || reps > 1000)
        throw std::invalid_argument("want 0 < seconds <= 60 and 1 <= reps <= 1000");

    const run_options o{
        .round_trips = std::uint64_t(1) << 40,
        .warmup = 1000,
        .time_limit = std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(seconds)),
    };
    constexpr std::size_t n_impls = built_impls.size();
    std::array<std::array<std::vector<double>, 3>, 3> rates; // [proto][impl]
    for (unsigned rep = 0; rep != reps; ++rep) {
        for (proto_id p : all_protos) {
            for (std::size_t k = 0; k != n_impls; ++k) {
                const impl_id i = built_impls[(k + rep) % n_impls]; // a different order each time
                const run_result r = run(i, p, o);
                if (r.round_trips == 0 || r.seconds <= 0)
                    throw bench_error(std::string(name(i)) + " " + std::string(name(p)) + ": no round trips");
                rates[std::size_t(p)][std::size_t(i)].push_back(double(r.round_trips) / r.seconds);
            }
        }
    }

    std::printf("ping-pong, 64-byte messages, loopback, blocking sockets: median of %u runs of %.2f s\n", reps,
                seconds);
    std::printf("%-6s %-6s %14s %9s\n", "proto", "impl", "round trips/s", "vs raw");
    for (proto_id p : all_protos) {
        const double raw = median(rates[std::size_t(p)][std::size_t(impl_id::raw)]);
        for (impl_id i : built_impls) {
            const double m = median(rates[std::size_t(p)][std::size_t(i)]);
            std::printf("%-6s %-6s %14.0f %9.3f\n", name(p).data(), name(i).data(), m, m / raw);
        }
    }
    return 0;
}

void usage(std::FILE* out)
{
    std::fputs("usage: bench_pingpong <tsock|raw|asio> <tcp|udp|unix> [single|whole|whole_ec|timeout|timeout_wait] <round_trips>\n"
               "       bench_pingpong bench [--seconds S] [--reps R]\n"
               "       bench_pingpong impls\n",
               out);
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    try {
        if (args.size() == 1 && args[0] == "impls") {
            for (impl_id i : built_impls)
                std::printf("%s%s", i == built_impls[0] ? "" : " ", name(i).data());
            std::printf("\n");
            return 0;
        }
        if (args.size() == 1 && (args[0] == "--help" || args[0] == "-h")) {
            usage(stdout);
            return 0;
        }
        if (!args.empty() && args[0] == "bench")
            return run_bench(std::span(args).subspan(1));
        if (args.size() == 3 || args.size() == 4)
            return run_exact(args);
        usage(stderr);
        return 2;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "bench_pingpong: %s\n", e.what());
        usage(stderr);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_pingpong: %s\n", e.what());
        return 1;
    }
}
