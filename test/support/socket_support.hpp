// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.

#ifndef TSOCK_TEST_SUPPORT_SOCKET_SUPPORT_HPP
#define TSOCK_TEST_SUPPORT_SOCKET_SUPPORT_HPP

// What the socket tests share (include after <boost/test/unit_test.hpp>):
// where to listen (loopback with port 0, abstract names unique to this
// process, paths in a private temporary directory), the product of families,
// types and modes to run a template test over, mode-independent send, recv,
// connect and accept (non_blocking ones wait with poll, every wait bounded),
// descriptor checks, the transfer pattern, the descriptor-leak fixture and
// the signal storm. Nothing here sleeps to synchronise.

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>

#include "joining_thread.hpp"

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tsock_test {

using namespace std::chrono_literals;
using steady = std::chrono::steady_clock;

// How long a test waits for something that should happen at once: long
// enough for a loaded machine under a sanitizer, short enough to fail.
inline constexpr std::chrono::milliseconds patience = std::chrono::seconds(10);

// ---------------------------------------------------------------------------
// Descriptors

inline bool is_cloexec(int fd)
{
    const int flags = ::fcntl(fd, F_GETFD);
    return flags != -1 && (flags & FD_CLOEXEC) != 0;
}

inline bool is_nonblocking(int fd)
{
    const int flags = ::fcntl(fd, F_GETFL);
    return flags != -1 && (flags & O_NONBLOCK) != 0;
}

// False exactly when fd names no open descriptor (EBADF).
inline bool is_open_fd(int fd)
{
    errno = 0;
    return ::fcntl(fd, F_GETFD) != -1 || errno != EBADF;
}

// An int socket option (SO_TYPE, SO_DOMAIN, ...), or -1.
inline int int_option(int fd, int level, int name)
{
    int value = 0;
    ::socklen_t len = sizeof value;
    return ::getsockopt(fd, level, name, &value, &len) == 0 ? value : -1;
}

inline void set_int_option(int fd, int level, int name, int value)
{
    BOOST_REQUIRE_MESSAGE(::setsockopt(fd, level, name, &value, sizeof value) == 0,
                          "setsockopt: " << std::error_code(errno, std::system_category()).message());
}

// Shrinks the sender's SO_SNDBUF and the receiver's SO_RCVBUF, so that a
// transfer of a few MiB fills them and the sender has to wait. Local: 4 KiB.
// TCP: 64 KiB, since below that a loopback transfer stalls on delayed ACKs
// (40 ms each).
template <class Sender, class Receiver>
void shrink_buffers(const Sender& sender, const Receiver& receiver)
{
    const int size = Sender::family_type::is_ip ? 65536 : 4096;
    set_int_option(sender.native_handle(), SOL_SOCKET, SO_SNDBUF, size);
    set_int_option(receiver.native_handle(), SOL_SOCKET, SO_RCVBUF, size);
}

// Entries of /proc/self/fd (the directory's own descriptor included, the
// same at every count).
inline int open_fd_count()
{
    DIR* d = ::opendir("/proc/self/fd");
    if (d == nullptr)
        return -1;
    int n = 0;
    while (const ::dirent* e = ::readdir(d))
        if (std::string_view(e->d_name) != "." && std::string_view(e->d_name) != "..")
            ++n;
    ::closedir(d);
    return n;
}

// Global fixture: the suite ends with as many open descriptors as it began.
struct fd_leak_check {
    int at_start = -1;
    void setup() { at_start = open_fd_count(); }
    void teardown()
    {
        const int at_end = open_fd_count();
        BOOST_TEST(at_start > 0);
        BOOST_TEST(at_end == at_start, "open descriptors: " << at_start << " at start, " << at_end << " at end");
    }
};

// Waits (poll, bounded by limit) until fd is ready for events.
inline bool wait_for(int fd, short events, std::chrono::milliseconds limit = patience)
{
    const auto until = steady::now() + limit;
    for (int i = 0; i != 1000; ++i) {
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - steady::now()).count();
        if (left <= 0)
            return false;
        ::pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, static_cast<int>(left));
        if (r > 0)
            return true;
        if (r == 0 || errno != EINTR)
            return false;
    }
    return false;
}

// ---------------------------------------------------------------------------
// Names

// A name no other test, and no other process, uses.
inline std::string unique_name(std::string_view tag)
{
    static std::atomic<unsigned> counter{0};
    return "tsock-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) + "-" +
           std::string(tag);
}

// A private directory under /tmp (mkdtemp; /tmp, not $TMPDIR, so that the
// socket paths in it fit sun_path); remove() takes away the socket files made
// in it and the directory. The destructor does so as well, for a test that
// failed half-way.
class temp_dir {
public:
    temp_dir()
    {
        char name[] = "/tmp/tsock-test-XXXXXX";
        if (::mkdtemp(name) == nullptr)
            throw std::system_error(errno, std::system_category(), "mkdtemp");
        path_ = name;
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir() { remove(); }

    const std::string& path() const noexcept { return path_; }
    std::string file(std::string_view name) const { return path_ + "/" + std::string(name); }

    // Removes the directory and what is in it: true when all went.
    bool remove() noexcept
    {
        if (path_.empty())
            return true;
        std::error_code ec;
        const bool ok = std::filesystem::remove_all(path_, ec) != 0 && !ec;
        path_.clear();
        return ok;
    }

    // How many entries the directory has.
    int entries() const
    {
        std::error_code ec;
        int n = 0;
        for (std::filesystem::directory_iterator i(path_, ec), end; !ec && i != end; i.increment(ec))
            ++n;
        return n;
    }

private:
    std::string path_;
};

// ---------------------------------------------------------------------------
// Where a test listens or binds: endpoint() gives a fresh one each call.

struct on_ipv4 {
    using family = tsock::ipv4;
    tsock::ipv4_endpoint endpoint() const { return {tsock::address_v4::loopback(), 0}; }
};
struct on_ipv6 {
    using family = tsock::ipv6;
    tsock::ipv6_endpoint endpoint() const { return {tsock::address_v6::loopback(), 0}; }
};
struct on_inet_v4 {
    using family = tsock::inet;
    tsock::inet_endpoint endpoint() const { return tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0); }
};
struct on_inet_v6 {
    using family = tsock::inet;
    tsock::inet_endpoint endpoint() const { return tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0); }
};
struct on_abstract {
    using family = tsock::local;
    tsock::local_endpoint endpoint() const { return tsock::local_endpoint::abstract(unique_name("abstract")); }
};
struct on_path {
    using family = tsock::local;
    temp_dir dir;
    int next = 0;
    tsock::local_endpoint endpoint() { return tsock::local_endpoint::path(dir.file("s" + std::to_string(next++))); }
};

template <class Setup>
inline constexpr bool is_ip_setup = Setup::family::is_ip;

// ---------------------------------------------------------------------------
// Products of policies for BOOST_AUTO_TEST_CASE_TEMPLATE.

template <class Setup, class Type, class Mode>
struct combo {
    using setup = Setup;
    using family = typename Setup::family;
    using type = Type;
    using mode = Mode;
    using socket = tsock::basic_socket<family, Type, Mode>;
};

using all_modes = boost::mp11::mp_list<tsock::blocking, tsock::non_blocking, tsock::timeout>;
using waiting_modes = boost::mp11::mp_list<tsock::blocking, tsock::timeout>;
using ip_setups = boost::mp11::mp_list<on_ipv4, on_ipv6, on_inet_v4, on_inet_v6>;
using local_setups = boost::mp11::mp_list<on_abstract, on_path>;
using all_setups = boost::mp11::mp_append<ip_setups, local_setups>;

template <class L>
using as_tuple = boost::mp11::mp_rename<L, std::tuple>;

// Connections: IP streams, local streams and seqpackets; in every mode.
template <class Modes>
using connection_combos_in =
    as_tuple<boost::mp11::mp_append<boost::mp11::mp_product<combo, ip_setups, boost::mp11::mp_list<tsock::stream>, Modes>,
                                    boost::mp11::mp_product<combo, local_setups,
                                                            boost::mp11::mp_list<tsock::stream, tsock::seqpacket>, Modes>>>;
using connection_combos = connection_combos_in<all_modes>;

// Byte streams only (TCP over both families, local stream).
template <class Modes>
using stream_combos_in = as_tuple<boost::mp11::mp_product<combo, all_setups, boost::mp11::mp_list<tsock::stream>, Modes>>;

// Datagrams, every family.
using datagram_combos = as_tuple<boost::mp11::mp_product<combo, all_setups, boost::mp11::mp_list<tsock::datagram>, all_modes>>;

// ---------------------------------------------------------------------------
// Modes

template <class Mode>
constexpr bool is_timeout_mode = std::is_same_v<Mode, tsock::timeout>;

// The mode a test passes: the timeout mode with a deadline that a working
// test never reaches (and a broken one does, instead of hanging).
template <class Mode>
Mode test_mode()
{
    if constexpr (is_timeout_mode<Mode>)
        return tsock::timeout{patience};
    else
        return Mode{};
}

// ---------------------------------------------------------------------------
// Mode-independent operations. In the non_blocking mode each waits for
// readiness with poll first; every loop is bounded.

// Sends all of data: a message type in one send, a stream in as many as
// it takes.
template <class Socket>
void send_bytes(Socket& s, std::string_view data)
{
    using mode = typename Socket::mode_type;
    std::size_t done = 0;
    for (int i = 0; i != 100000 && done != data.size(); ++i) {
        std::size_t n = 0;
        if constexpr (mode::waits) {
            n = s.send(data.substr(done));
        } else {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            const auto r = s.send(data.substr(done));
            if (!r)
                continue;
            n = *r;
        }
        if constexpr (Socket::type_policy::message_oriented)
            BOOST_REQUIRE_EQUAL(n, data.size());
        done += n;
    }
    BOOST_REQUIRE_EQUAL(done, data.size());
}

// One recv of at most max bytes; "" is the peer's end of stream.
template <class Socket>
std::string recv_once(Socket& s, std::size_t max = 4096)
{
    std::string buffer(max, '\0');
    if constexpr (Socket::mode_type::waits) {
        buffer.resize(s.recv(buffer));
        return buffer;
    } else {
        for (int i = 0; i != 1000; ++i) {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLIN));
            if (const auto r = s.recv(buffer)) {
                buffer.resize(*r);
                return buffer;
            }
        }
        throw std::runtime_error("recv_once: readable, yet every recv would block");
    }
}

// Exactly n bytes (a stream may need several recvs).
template <class Socket>
std::string recv_bytes(Socket& s, std::size_t n)
{
    std::string got;
    for (int i = 0; i != 100000 && got.size() != n; ++i) {
        const auto part = recv_once(s, n - got.size());
        BOOST_REQUIRE_MESSAGE(!part.empty(), "end of stream after " << got.size() << " of " << n << " bytes");
        got += part;
    }
    BOOST_REQUIRE_EQUAL(got.size(), n);
    return got;
}

// One datagram and its sender.
template <class Socket>
std::pair<std::string, typename Socket::endpoint_type> recv_datagram(Socket& s, std::size_t max = 4096)
{
    std::string buffer(max, '\0');
    if constexpr (Socket::mode_type::waits) {
        const auto r = s.recv_from(buffer);
        buffer.resize(r.size);
        return {buffer, r.sender};
    } else {
        for (int i = 0; i != 1000; ++i) {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLIN));
            if (const auto r = s.recv_from(buffer)) {
                buffer.resize(r->size);
                return {buffer, r->sender};
            }
        }
        throw std::runtime_error("recv_datagram: readable, yet every recv_from would block");
    }
}

template <class Socket>
void send_datagram(Socket& s, std::string_view data, const typename Socket::endpoint_type& to)
{
    std::size_t n = 0;
    if constexpr (Socket::mode_type::waits) {
        n = s.send_to(data, to);
    } else {
        BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
        const auto r = s.send_to(data, to);
        BOOST_REQUIRE(r.has_value());
        n = *r;
    }
    BOOST_REQUIRE_EQUAL(n, data.size());
}

// Connects a new socket to ep: connect_to in the waiting modes; open_for,
// connect, poll for POLLOUT and SO_ERROR in the non_blocking one.
template <class Socket>
Socket connect_one(const typename Socket::endpoint_type& ep, typename Socket::mode_type mode)
{
    if constexpr (Socket::mode_type::waits) {
        return Socket::connect_to(ep, mode);
    } else {
        auto s = Socket::open_for(ep, mode);
        const auto status = s.connect(ep);
        if (status == tsock::connect_status::in_progress) {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            const auto e = s.pending_error();
            BOOST_REQUIRE_MESSAGE(!e, "connect: " << e.message());
        }
        return s;
    }
}

// Accepts one connection (waiting for it in the non_blocking mode).
template <class Listener>
auto accept_one(Listener& l)
{
    if constexpr (Listener::mode_type::waits) {
        return l.accept();
    } else {
        for (int i = 0; i != 1000; ++i) {
            BOOST_REQUIRE(wait_for(l.native_handle(), POLLIN));
            if (auto a = l.accept())
                return std::move(*a);
        }
        throw std::runtime_error("accept_one: readable, yet every accept would block");
    }
}

// A listener, a client connected to it, and the accepted server side.
template <class Family, class Type, class Mode>
struct connection {
    tsock::basic_listener<Family, Type, Mode> listener;
    tsock::basic_socket<Family, Type, Mode> client;
    tsock::basic_socket<Family, Type, Mode> server;
    typename Family::endpoint_type peer; // as accept reported the client
};

template <class Type, class Mode, class Setup>
connection<typename Setup::family, Type, Mode> connect_pair(Setup& setup, Mode mode = test_mode<Mode>())
{
    using family = typename Setup::family;
    connection<family, Type, Mode> c;
    c.listener = tsock::basic_listener<family, Type, Mode>::listen_on(setup.endpoint(), SOMAXCONN, mode);
    c.client = connect_one<tsock::basic_socket<family, Type, Mode>>(c.listener.local_endpoint(), mode);
    auto accepted = accept_one(c.listener);
    c.server = std::move(accepted.socket);
    c.peer = accepted.peer;
    return c;
}

// ---------------------------------------------------------------------------
// The transfer pattern: byte i of a stream is (i * 2654435761) >> 24 in 32
// bits (Knuth's multiplicative hash), so a lost, doubled or reordered block
// shows.

inline std::byte pattern_byte(std::uint64_t i)
{
    return static_cast<std::byte>((static_cast<std::uint32_t>(i) * 2654435761u) >> 24);
}

inline constexpr std::size_t max_pattern_size = std::size_t(64) << 20;

// The first size bytes of the pattern (at most 64 MiB), computed once: the
// first call must come before any thread that reads it starts.
inline std::span<const std::byte> pattern(std::size_t size)
{
    static const std::vector<std::byte> bytes = [] {
        std::vector<std::byte> b(max_pattern_size);
        for (std::size_t i = 0; i != b.size(); ++i)
            b[i] = pattern_byte(i);
        return b;
    }();
    if (size > bytes.size())
        throw std::length_error("pattern: at most 64 MiB");
    return std::span(bytes).first(size);
}

// The index of the first byte of b that breaks the pattern from offset on,
// or b.size().
inline std::size_t pattern_mismatch(std::span<const std::byte> b, std::uint64_t offset)
{
    if (offset + b.size() <= max_pattern_size &&
        std::memcmp(b.data(), pattern(max_pattern_size).data() + offset, b.size()) == 0)
        return b.size();
    for (std::size_t i = 0; i != b.size(); ++i)
        if (b[i] != pattern_byte(offset + i))
            return i;
    return b.size();
}

// ---------------------------------------------------------------------------
// Signal storms: a no-op SIGUSR1 handler installed without SA_RESTART, so
// that a blocking system call it interrupts fails with EINTR.

class sigusr1_without_restart {
public:
    sigusr1_without_restart()
    {
        caught().store(0);
        struct sigaction sa {};
        sa.sa_handler = &on_signal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = 0; // no SA_RESTART
        installed_ = ::sigaction(SIGUSR1, &sa, &old_) == 0;
        BOOST_REQUIRE(installed_);
    }
    sigusr1_without_restart(const sigusr1_without_restart&) = delete;
    sigusr1_without_restart& operator=(const sigusr1_without_restart&) = delete;
    ~sigusr1_without_restart()
    {
        if (installed_)
            ::sigaction(SIGUSR1, &old_, nullptr);
    }

    static int count() noexcept { return caught().load(); }

private:
    static std::atomic<int>& caught() noexcept
    {
        static std::atomic<int> n{0};
        return n;
    }
    static void on_signal(int) noexcept { caught().fetch_add(1, std::memory_order_relaxed); }

    struct sigaction old_ {};
    bool installed_ = false;
};

// Sends target SIGUSR1 signals 1 ms apart (pacing, not synchronisation),
// then runs after(); the returned thread joins when destroyed.
template <class After>
joining_thread signal_storm(pthread_t target, int signals, After after)
{
    return joining_thread([target, signals, after = std::move(after)]() mutable {
        for (int i = 0; i != signals; ++i) {
            ::pthread_kill(target, SIGUSR1);
            std::this_thread::sleep_for(1ms);
        }
        after();
    });
}

// Milliseconds, for messages and comparisons.
inline long long ms(steady::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); }

// How long f took.
template <class F>
steady::duration time_of(F&& f)
{
    const auto start = steady::now();
    std::forward<F>(f)();
    return steady::now() - start;
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_SOCKET_SUPPORT_HPP
