// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// tsock's sockets over Winsock 2, on loopback (port 0), under wine or
// Windows. Cross-compiled by test/windows/run.sh with header-only Boost.Test.
// Every wait is bounded: blocking sockets get SO_RCVTIMEO and SO_SNDTIMEO,
// the others deadlines; nothing sleeps to synchronise.
#include <tsock.hpp> // winsock2.h before Boost.Test's windows.h

#define BOOST_TEST_MODULE windows_sockets
#include <boost/test/included/unit_test.hpp>

#include <algorithm>
#include <array>
#include <chrono>
#include <climits>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

using namespace std::chrono_literals;
using namespace std::string_view_literals;
namespace opt = tsock::options;
using tsock::blocking;
using tsock::connect_status;
using tsock::non_blocking;
using steady = std::chrono::steady_clock;

namespace {

constexpr std::chrono::milliseconds patience = 10s;

// Before any tsock socket: Winsock is not started (nothing else in this
// program calls WSAStartup), so a raw socket() fails. Read at static
// initialisation, before any test runs.
const int raw_socket_error_before_tsock = [] {
    const ::SOCKET s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s != INVALID_SOCKET) {
        ::closesocket(s);
        return 0;
    }
    return ::WSAGetLastError();
}();

// Whether h names an open socket now.
bool is_socket(::SOCKET h)
{
    int type = 0;
    int len = sizeof type;
    return ::getsockopt(h, SOL_SOCKET, SO_TYPE, reinterpret_cast<char*>(&type), &len) == 0;
}

// Open sockets among the first 64Ki handle values (wine has no handle count:
// GetProcessHandleCount says 0).
int open_socket_count()
{
    int n = 0;
    for (std::uintptr_t h = 4; h != 0x10000; h += 4)
        n += is_socket(static_cast<::SOCKET>(h)) ? 1 : 0;
    return n;
}

// The suite ends with as many open sockets as it began.
struct socket_leak_check {
    int at_start = -1;
    void setup() { at_start = open_socket_count(); }
    void teardown()
    {
        const int at_end = open_socket_count();
        BOOST_TEST(at_end == at_start, "open sockets: " << at_start << " at start, " << at_end << " at end");
    }
};

bool inheritable(::SOCKET h)
{
    DWORD flags = 0;
    return ::GetHandleInformation(reinterpret_cast<::HANDLE>(h), &flags) == 0 || (flags & HANDLE_FLAG_INHERIT) != 0;
}

// Waits (WSAPoll, bounded) until h is ready for events.
bool wait_for(::SOCKET h, short events, std::chrono::milliseconds limit = patience)
{
    ::WSAPOLLFD p{h, events, 0};
    return ::WSAPoll(&p, 1, static_cast<int>(limit.count())) > 0;
}

template <class E>
auto has_code(E expected)
{
    return [expected](const std::system_error& e) { return e.code() == expected; };
}

long long ms(steady::duration d) { return std::chrono::duration_cast<std::chrono::milliseconds>(d).count(); }

struct on_ipv4 {
    using family = tsock::ipv4;
    static tsock::ipv4_endpoint endpoint() { return {tsock::address_v4::loopback(), 0}; }
};
struct on_ipv6 {
    using family = tsock::ipv6;
    static tsock::ipv6_endpoint endpoint() { return {tsock::address_v6::loopback(), 0}; }
};
struct on_inet_v4 {
    using family = tsock::inet;
    static tsock::inet_endpoint endpoint() { return tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0); }
};
struct on_inet_v6 {
    using family = tsock::inet;
    static tsock::inet_endpoint endpoint() { return tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0); }
};

template <class Setup, class Mode>
struct combo {
    using setup = Setup;
    using family = typename Setup::family;
    using mode = Mode;
    using socket = tsock::basic_socket<family, tsock::stream, Mode>;
    using listener = tsock::basic_listener<family, tsock::stream, Mode>;
    using udp = tsock::basic_socket<family, tsock::datagram, Mode>;
};

using all_combos = std::tuple<combo<on_ipv4, blocking>, combo<on_ipv4, non_blocking>, combo<on_ipv4, tsock::timeout>,
                              combo<on_ipv6, blocking>, combo<on_ipv6, non_blocking>, combo<on_ipv6, tsock::timeout>,
                              combo<on_inet_v4, blocking>, combo<on_inet_v6, tsock::timeout>>;
using waiting_combos = std::tuple<combo<on_ipv4, blocking>, combo<on_ipv4, tsock::timeout>, combo<on_ipv6, blocking>,
                                  combo<on_inet_v6, tsock::timeout>>;
using setups = std::tuple<on_ipv4, on_ipv6>;

template <class Mode>
Mode test_mode()
{
    if constexpr (std::is_same_v<Mode, tsock::timeout>)
        return tsock::timeout{patience};
    else
        return Mode{};
}

// A blocking socket gets receive and send timeouts, so that a broken test
// fails instead of hanging. The others wait with deadlines already.
template <class S>
S& bounded(S& s)
{
    if constexpr (std::is_same_v<typename S::mode_type, blocking>) {
        s.set(opt::receive_timeout(patience));
        s.set(opt::send_timeout(patience));
    }
    return s;
}

template <class S>
void send_bytes(S& s, std::string_view data)
{
    std::size_t done = 0;
    for (int i = 0; i != 100000 && done != data.size(); ++i) {
        if constexpr (S::mode_type::waits) {
            done += s.send(data.substr(done));
        } else {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            if (const auto n = s.send(data.substr(done)))
                done += *n;
        }
    }
    BOOST_REQUIRE_EQUAL(done, data.size());
}

template <class S>
std::string recv_once(S& s, std::size_t max = 4096)
{
    std::string buffer(max, '\0');
    if constexpr (S::mode_type::waits) {
        buffer.resize(s.recv(buffer));
        return buffer;
    } else {
        for (int i = 0; i != 1000; ++i) {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLIN));
            if (const auto n = s.recv(buffer)) {
                buffer.resize(*n);
                return buffer;
            }
        }
        BOOST_FAIL("readable, yet every recv would block");
        return {};
    }
}

template <class S>
std::string recv_bytes(S& s, std::size_t n)
{
    std::string got;
    for (int i = 0; i != 100000 && got.size() != n; ++i) {
        const auto part = recv_once(s, n - got.size());
        BOOST_REQUIRE_MESSAGE(!part.empty(), "end of stream after " << got.size() << " of " << n << " bytes");
        got += part;
    }
    return got;
}

template <class S>
S connect_one(const typename S::endpoint_type& ep, typename S::mode_type mode)
{
    if constexpr (S::mode_type::waits) {
        auto s = S::connect_to(ep, mode);
        bounded(s);
        return s;
    } else {
        auto s = S::open_for(ep, mode);
        if (s.connect(ep) == connect_status::in_progress) {
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            const auto e = s.pending_error();
            BOOST_REQUIRE_MESSAGE(!e, "connect: " << e.message());
        }
        return s;
    }
}

template <class L>
auto accept_one(L& l)
{
    if constexpr (L::mode_type::waits) {
        // Called only once the client connected: the connection is queued.
        auto a = l.accept();
        bounded(a.socket);
        return a;
    } else {
        for (int i = 0; i != 1000; ++i) {
            BOOST_REQUIRE(wait_for(l.native_handle(), POLLIN));
            if (auto a = l.accept())
                return std::move(*a);
        }
        BOOST_FAIL("readable, yet every accept would block");
        return typename L::accept_result::value_type{};
    }
}

template <class C>
struct connection {
    typename C::listener listener;
    typename C::socket client;
    typename C::socket server;
    typename C::family::endpoint_type peer;
};

template <class C>
connection<C> connect_pair()
{
    connection<C> c;
    const auto mode = test_mode<typename C::mode>();
    c.listener = C::listener::listen_on(C::setup::endpoint(), SOMAXCONN, mode);
    c.client = connect_one<typename C::socket>(c.listener.local_endpoint(), mode);
    auto a = accept_one(c.listener);
    c.server = std::move(a.socket);
    c.peer = a.peer;
    return c;
}

// An endpoint where nobody listens: a port a socket bound and holds, not
// listening (a connection to it is refused at once).
template <class Family>
struct unlistened {
    tsock::basic_socket<Family, tsock::stream> holder;
    typename Family::endpoint_type at;
};
template <class Setup>
unlistened<typename Setup::family> unlistened_port()
{
    using family = typename Setup::family;
    unlistened<family> u{tsock::basic_socket<family, tsock::stream>::open_for(Setup::endpoint()), {}};
    u.holder.bind(Setup::endpoint());
    u.at = u.holder.local_endpoint();
    return u;
}

// A port no socket holds now (bound once by a probe, then closed).
template <class Setup>
typename Setup::family::endpoint_type free_port()
{
    return unlistened_port<Setup>().at;
}

} // namespace

BOOST_TEST_GLOBAL_FIXTURE(socket_leak_check);

// ---------------------------------------------------------------------------
// Start-up, handles, errors

BOOST_AUTO_TEST_CASE(winsock_starts_with_the_first_socket_without_user_code)
{
    BOOST_TEST(raw_socket_error_before_tsock == WSANOTINITIALISED);
    auto s = tsock::tcp_socket::open();
    BOOST_TEST(s.is_open());
    BOOST_TEST(tsock::detail::start_winsock() == 0);
    const ::SOCKET raw = ::socket(AF_INET, SOCK_DGRAM, 0); // started for raw calls too
    BOOST_TEST((raw != INVALID_SOCKET));
    ::closesocket(raw);
}

BOOST_AUTO_TEST_CASE(a_socket_is_its_handle)
{
    static_assert(std::is_same_v<tsock::tcp_socket::native_handle_type, ::SOCKET>);
    static_assert(sizeof(tsock::tcp_socket) == sizeof(::SOCKET));
    static_assert(sizeof(tsock::basic_socket<tsock::ipv6, tsock::datagram, non_blocking>) == sizeof(::SOCKET));
    static_assert(std::is_nothrow_move_constructible_v<tsock::tcp_listener>);
    const tsock::tcp_socket unopened;
    BOOST_TEST(!unopened.is_open());
    BOOST_TEST((unopened.native_handle() == INVALID_SOCKET));
}

BOOST_AUTO_TEST_CASE(sockets_tsock_makes_are_not_inherited)
{
    auto l = tsock::tcp_listener::listen_on(on_ipv4::endpoint());
    BOOST_TEST(!inheritable(l.native_handle()));
    auto u = tsock::udp6_socket::open();
    BOOST_TEST(!inheritable(u.native_handle()));
    auto c = tsock::tcp_socket::connect_to(l.local_endpoint());
    BOOST_TEST(!inheritable(c.native_handle()));
    auto a = l.accept();
    BOOST_TEST(!inheritable(a.socket.native_handle()));
}

BOOST_AUTO_TEST_CASE(winsock_errors_compare_with_std_errc)
{
    using tsock::detail::socket_error;
    BOOST_TEST((socket_error(WSAECONNREFUSED) == std::errc::connection_refused));
    BOOST_TEST((socket_error(WSAEWOULDBLOCK) == std::errc::operation_would_block));
    BOOST_TEST((socket_error(WSAEADDRINUSE) == std::errc::address_in_use));
    BOOST_TEST((socket_error(WSAECONNRESET) == std::errc::connection_reset));
    BOOST_TEST((socket_error(WSAENOTSOCK) == std::errc::not_a_socket));
    BOOST_TEST((socket_error(WSAETIMEDOUT) == std::errc::timed_out));
    BOOST_TEST((socket_error(WSAESHUTDOWN) == std::errc::broken_pipe));
    BOOST_TEST((socket_error(WSAECONNREFUSED) != std::errc::connection_reset));
    BOOST_TEST(socket_error(WSAECONNREFUSED).category().name() == std::string("winsock"));
    BOOST_TEST(socket_error(WSAECONNREFUSED).value() == WSAECONNREFUSED); // the code itself
    BOOST_TEST(socket_error(WSAECONNREFUSED).message() == "connection refused");
    BOOST_TEST(tsock::detail::would_block(WSAEWOULDBLOCK));
    BOOST_TEST(!tsock::detail::would_block(WSAEINPROGRESS));
    // A code without a std::errc twin stays itself; every code has a text.
    const auto down = socket_error(WSAEHOSTDOWN).default_error_condition();
    BOOST_TEST(down.value() == WSAEHOSTDOWN);
    BOOST_TEST((down.category() == tsock::detail::winsock_category()));
    BOOST_TEST(!socket_error(123456).message().empty());
    const auto system_text = socket_error(ERROR_INVALID_HANDLE).message(); // FormatMessage's, trimmed
    BOOST_TEST(!system_text.empty());
    BOOST_TEST(system_text.find_last_of("\r\n.") != system_text.size() - 1, system_text);
}

BOOST_AUTO_TEST_CASE(sizes_above_int_max_are_clamped_not_wrapped)
{
    using tsock::detail::io_size;
    BOOST_TEST(io_size(0) == 0);
    BOOST_TEST(io_size(5) == 5);
    BOOST_TEST(io_size(std::size_t(INT_MAX)) == INT_MAX);
    BOOST_TEST(io_size(std::size_t(INT_MAX) + 1) == INT_MAX);
    BOOST_TEST(io_size(std::size_t(UINT_MAX) + 2) == INT_MAX); // would wrap to 1 as an int
    BOOST_TEST(io_size(SIZE_MAX) == INT_MAX);
}

// ---------------------------------------------------------------------------
// TCP

BOOST_AUTO_TEST_CASE_TEMPLATE(tcp_round_trip, C, all_combos)
{
    auto c = connect_pair<C>();
    BOOST_TEST(c.peer == c.client.local_endpoint());
    BOOST_TEST(c.client.remote_endpoint() == c.listener.local_endpoint());
    BOOST_TEST(c.server.remote_endpoint() == c.client.local_endpoint());
    send_bytes(c.client, "ping");
    BOOST_TEST(recv_bytes(c.server, 4) == "ping");
    send_bytes(c.server, "pong!");
    BOOST_TEST(recv_bytes(c.client, 5) == "pong!");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(send_all_and_recv_exact_move_a_mebibyte, C, waiting_combos)
{
    auto c = connect_pair<C>();
    std::string data(std::size_t(1) << 20, '\0');
    for (std::size_t i = 0; i != data.size(); ++i)
        data[i] = static_cast<char>((i * 2654435761u) >> 24);
    std::size_t sent = 0;
    std::error_code send_ec;
    {
        std::jthread sender([&] { sent = c.client.send_all(data, send_ec); });
        std::string got(data.size(), '\0');
        std::error_code ec;
        BOOST_TEST(c.server.recv_exact(got, ec) == data.size());
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST((got == data));
    }
    BOOST_TEST(!send_ec, send_ec.message());
    BOOST_TEST(sent == data.size());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(shutdown_send_is_end_of_stream_for_the_peer, C, waiting_combos)
{
    auto c = connect_pair<C>();
    send_bytes(c.client, "last");
    c.client.shutdown(tsock::shutdown_type::send);
    BOOST_TEST(recv_bytes(c.server, 4) == "last");
    std::string buffer(8, '\0');
    BOOST_TEST(c.server.recv(buffer) == 0u); // end of stream
    std::error_code ec;
    BOOST_TEST(c.server.recv_exact(buffer, ec) == 0u);
    BOOST_TEST((ec == tsock::error::end_of_stream), ec.message());
    BOOST_CHECK_EXCEPTION(c.server.recv_exact(buffer), std::system_error, has_code(tsock::error::end_of_stream));
    // The other direction still works (half close).
    send_bytes(c.server, "still");
    BOOST_TEST(recv_bytes(c.client, 5) == "still");
    // Sending after shutdown(send) is an error, comparable to POSIX's EPIPE.
    (void)c.client.send("x"sv, ec);
    BOOST_TEST((ec == std::errc::broken_pipe), ec.message());
    c.server.shutdown(tsock::shutdown_type::both);
    BOOST_TEST(c.client.recv(buffer) == 0u);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(connecting_where_nobody_listens_is_refused, C, all_combos)
{
    using S = typename C::socket;
    using M = typename C::mode;
    const auto u = unlistened_port<typename C::setup>();
    auto s = S::open_for(u.at, test_mode<M>());
    std::error_code ec;
    const auto start = steady::now();
    if constexpr (!M::waits) {
        const auto status = s.connect(u.at, ec);
        if (!ec) {
            BOOST_TEST((status == connect_status::in_progress));
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            ec = s.pending_error();
        } else {
            BOOST_TEST((status == connect_status::failed));
        }
    } else {
        s.connect(u.at, ec);
    }
    BOOST_TEST((ec == std::errc::connection_refused), ec.message());
    BOOST_TEST(ms(steady::now() - start) < ms(patience)); // refused, not timed out
    if constexpr (M::waits) {
        BOOST_CHECK_EXCEPTION(S::connect_to(u.at, test_mode<M>()), std::system_error,
                              has_code(std::errc::connection_refused));
        ec.clear();
        const auto t = S::connect_to(u.at, test_mode<M>(), ec);
        BOOST_TEST((ec == std::errc::connection_refused), ec.message());
        BOOST_TEST(!t.is_open()); // a failed connect_to keeps no handle
    }
}

// The accepted socket has the listener's (the mode's) blocking state.
BOOST_AUTO_TEST_CASE_TEMPLATE(accepted_sockets_block_as_their_mode_says, Setup, setups)
{
    std::string buffer(4, '\0');
    {
        auto c = connect_pair<combo<Setup, blocking>>();
        c.server.set(opt::receive_timeout(200ms));
        std::error_code ec;
        const auto start = steady::now();
        (void)c.server.recv(buffer, ec); // blocks until SO_RCVTIMEO
        BOOST_TEST((ec == std::errc::timed_out), ec.message());
        BOOST_TEST(ms(steady::now() - start) >= 150);
    }
    {
        auto c = connect_pair<combo<Setup, non_blocking>>();
        std::error_code ec;
        const auto r = c.server.recv(buffer, ec);
        BOOST_TEST(!r.has_value()); // would block: empty, no error
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST(!c.listener.accept().has_value()); // nobody waiting
    }
    {
        auto c = connect_pair<combo<Setup, tsock::timeout>>();
        c.server.timeout(200ms);
        std::error_code ec;
        const auto start = steady::now();
        (void)c.server.recv(buffer, ec);
        BOOST_TEST((ec == tsock::error::timed_out), ec.message());
        const auto took = ms(steady::now() - start);
        BOOST_TEST(took >= 150);
        BOOST_TEST(took < 5000);
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(the_timeout_mode_times_out_every_call, Setup, setups)
{
    using C = combo<Setup, tsock::timeout>;
    auto c = connect_pair<C>();
    c.client.timeout(200ms);
    c.listener.timeout(200ms);
    std::string buffer(4, '\0');
    std::error_code ec;
    auto start = steady::now();
    (void)c.listener.accept(ec);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_CHECK_EXCEPTION((void)c.listener.accept(), std::system_error, has_code(tsock::error::timed_out));
    send_bytes(c.server, "ab");
    BOOST_TEST(c.client.recv_exact(buffer, ec) == 2u); // two of four, then the deadline
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(steady::now() - start) < 5000);

    // send_all against a peer that never reads: the deadline covers the call.
    c.client.set(opt::send_buffer_size(65536));
    c.server.set(opt::receive_buffer_size(65536));
    const std::string big(std::size_t(64) << 20, 'x');
    start = steady::now();
    const auto sent = c.client.send_all(big, ec);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(sent < big.size());
    BOOST_TEST(ms(steady::now() - start) < 5000);
}

BOOST_AUTO_TEST_CASE(available_counts_the_bytes_ready)
{
    auto c = connect_pair<combo<on_ipv4, blocking>>();
    BOOST_TEST(c.server.available() == 0u);
    send_bytes(c.client, "hello");
    std::string peek(5, '\0');
    for (int i = 0; i != 1000 && c.server.recv(peek, tsock::recv_flags::peek) != 5; ++i) {
    }
    BOOST_TEST(c.server.available() == 5u);
    BOOST_TEST(recv_bytes(c.server, 5) == "hello");
    BOOST_TEST(c.server.available() == 0u);
    tsock::tcp_socket closed;
    std::error_code ec;
    (void)closed.available(ec);
    BOOST_TEST((ec == std::errc::not_a_socket), ec.message());
}

// ---------------------------------------------------------------------------
// UDP

BOOST_AUTO_TEST_CASE_TEMPLATE(udp_send_to_and_recv_from, C, all_combos)
{
    using U = typename C::udp;
    const auto mode = test_mode<typename C::mode>();
    auto a = U::open_for(C::setup::endpoint(), mode);
    auto b = U::open_for(C::setup::endpoint(), mode);
    bounded(a);
    bounded(b);
    a.bind(C::setup::endpoint());
    b.bind(C::setup::endpoint());
    std::string buffer(64, '\0');
    if constexpr (!C::mode::waits) {
        std::error_code ec;
        BOOST_TEST(!b.recv_from(buffer, ec).has_value()); // nothing there yet
        BOOST_TEST(!ec, ec.message());
    }
    const std::string_view message = "datagram";
    if constexpr (C::mode::waits) {
        BOOST_TEST(a.send_to(message, b.local_endpoint()) == message.size());
        const auto r = b.recv_from(buffer);
        BOOST_TEST(std::string_view(buffer).substr(0, r.size) == message);
        BOOST_TEST(r.sender == a.local_endpoint());
    } else {
        BOOST_TEST(a.send_to(message, b.local_endpoint()).value() == message.size());
        BOOST_REQUIRE(wait_for(b.native_handle(), POLLIN));
        const auto r = b.recv_from(buffer);
        BOOST_REQUIRE(r.has_value());
        BOOST_TEST(std::string_view(buffer).substr(0, r->size) == message);
        BOOST_TEST(r->sender == a.local_endpoint());
    }
    // Connected datagram sockets use send and recv.
    if constexpr (C::mode::waits)
        a.connect(b.local_endpoint());
    else
        BOOST_TEST((a.connect(b.local_endpoint()) == connect_status::connected));
    send_bytes(a, "one");
    BOOST_TEST(recv_once(b, 64) == "one");
}

// Scatter/gather through WSASend/WSARecv (WSASendTo/WSARecvFrom): the
// buffers' bytes in order, a datagram longer than them reported truncated.
BOOST_AUTO_TEST_CASE(scatter_gather_over_wsabuf_arrays)
{
    auto l = tsock::tcp_listener::listen_on(on_ipv4::endpoint());
    auto c = tsock::tcp_socket::connect_to(l.local_endpoint());
    auto a = l.accept().socket;
    std::string big(300000, 'q');
    big.front() = '<';
    big.back() = '>';
    {
        std::jthread sender([&] { c.send_all(std::array<std::string_view, 3>{"head", ""sv, big}); });
        std::string head(4, '\0'), body(big.size(), '\0');
        a.recv_exact(std::array{std::span<char>(head), std::span<char>(body)});
        BOOST_TEST(head == "head");
        BOOST_TEST((body == big));
    }
    auto u = tsock::udp_socket::open();
    auto v = tsock::udp_socket::open();
    u.bind(on_ipv4::endpoint());
    v.bind(on_ipv4::endpoint());
    BOOST_TEST(u.send_to(std::array{"ab"sv, "cde"sv}, v.local_endpoint()) == 5u);
    std::string x(1, '\0'), y(8, '\0');
    const auto r = v.recv_from(std::array{std::span<char>(x), std::span<char>(y)});
    BOOST_TEST(r.size == 5u);
    BOOST_TEST(x + y.substr(0, 4) == "abcde");
    BOOST_TEST(r.sender == u.local_endpoint());
    BOOST_TEST(u.send_to(std::array{"0123456789"sv}, v.local_endpoint()) == 10u);
    std::error_code ec;
    (void)v.recv_from(std::array{std::span<char>(x), std::span<char>(y).first(3)}, ec);
    BOOST_TEST(ec == tsock::error::message_truncated);
    BOOST_TEST(x + y.substr(0, 3) == "0123");
    const std::vector<std::string_view> many(1025, "x"sv);
    (void)u.send_to(many, v.local_endpoint(), ec);
    BOOST_TEST(ec == tsock::error::too_many_buffers);
}

BOOST_AUTO_TEST_CASE(available_on_udp_counts_the_waiting_datagram)
{
    auto a = tsock::udp_socket::open();
    auto b = tsock::udp_socket::open();
    bounded(b);
    b.bind(on_ipv4::endpoint());
    (void)a.send_to("12345"sv, b.local_endpoint());
    BOOST_REQUIRE(wait_for(b.native_handle(), POLLIN));
    BOOST_TEST(b.available() == 5u);
}

// The portable batches (a loop of sendto and recvfrom on Winsock): in
// order, with senders, a datagram longer than its buffer reported.
BOOST_AUTO_TEST_CASE(send_many_and_recv_many_loop_over_winsock)
{
    auto a = tsock::udp_socket::open();
    auto b = tsock::udp_socket::open();
    bounded(a);
    bounded(b);
    a.bind(on_ipv4::endpoint());
    b.bind(on_ipv4::endpoint());
    const auto to = b.local_endpoint();
    using entry = tsock::datagram_to<tsock::ipv4_endpoint>;
    const std::vector<entry> out = {entry("one"sv, to), entry("two, longer than eight"sv, to), entry("three"sv, to)};
    BOOST_TEST(a.send_many(out) == 3u);
    std::vector<std::string> buffers(4, std::string(8, '\0'));
    std::vector<tsock::received_datagram<tsock::ipv4_endpoint>> in(4);
    std::size_t got = 0;
    for (int round = 0; round != 10 && got != 3; ++round) {
        BOOST_REQUIRE(wait_for(b.native_handle(), POLLIN));
        got += b.recv_many(std::span(buffers).subspan(got), std::span(in).subspan(got));
    }
    BOOST_REQUIRE(got == 3u);
    BOOST_TEST(buffers[0].substr(0, in[0].size) == "one");
    BOOST_TEST(in[1].truncated());
    BOOST_TEST(buffers[1] == "two, lon");
    BOOST_TEST(buffers[2].substr(0, in[2].size) == "three");
    for (std::size_t i = 0; i != 3; ++i)
        BOOST_TEST(in[i].sender == a.local_endpoint());
    // Nothing more: a non-blocking socket's batch is empty.
    auto nb = std::move(b).with_mode<non_blocking>();
    BOOST_TEST(!nb.recv_many(buffers, in).has_value());
}

// sendfile's read and send loop: a temporary file's exact bytes.
BOOST_AUTO_TEST_CASE(sendfile_sends_a_file_over_winsock)
{
    std::string text(100000, '\0');
    for (std::size_t i = 0; i != text.size(); ++i)
        text[i] = char('a' + i % 23);
    std::FILE* f = std::tmpfile();
    BOOST_REQUIRE(f != nullptr);
    BOOST_REQUIRE(std::fwrite(text.data(), 1, text.size(), f) == text.size());
    BOOST_REQUIRE(std::fflush(f) == 0);
    auto c = connect_pair<combo<on_ipv4, blocking>>();
    bounded(c.client);
    bounded(c.server);
    std::string got;
    std::thread reader([&] { got = recv_bytes(c.server, text.size() + 50); });
    std::error_code ec;
    const std::size_t sent = c.client.sendfile(_fileno(f), 0, std::size_t(-1), ec);
    const std::size_t slice = c.client.sendfile(_fileno(f), 500, 50, ec);
    reader.join();
    std::fclose(f); // tmpfile's file is removed as it closes
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(sent == text.size());
    BOOST_TEST(slice == 50u);
    BOOST_TEST((got == text + text.substr(500, 50)));
}

// ---------------------------------------------------------------------------
// Options

BOOST_AUTO_TEST_CASE(options_round_trip)
{
    auto c = connect_pair<combo<on_ipv4, blocking>>();
    auto& s = c.client;
    s.set(opt::tcp::no_delay(true));
    BOOST_TEST(s.get<opt::tcp::no_delay>()); // Windows answers with one byte
    s.set(opt::tcp::no_delay(false));
    BOOST_TEST(!s.get<opt::tcp::no_delay>());
    s.set(opt::keep_alive(true));
    BOOST_TEST(s.get<opt::keep_alive>());
    s.set(opt::receive_buffer_size(100000));
    BOOST_TEST(s.get<opt::receive_buffer_size>() == 100000); // not doubled, unlike Linux
    s.set(opt::linger(std::chrono::seconds(3)));
    BOOST_TEST((s.get<opt::linger>() == std::optional<std::chrono::seconds>(3)));
    s.set(opt::linger(std::nullopt));
    BOOST_TEST(!s.get<opt::linger>().has_value());
    s.set(opt::receive_timeout(1500ms));
    BOOST_TEST((s.get<opt::receive_timeout>() == 1500ms));
    s.set(opt::receive_timeout(1ms + 1us)); // milliseconds on Windows: rounded up
    BOOST_TEST((s.get<opt::receive_timeout>() == 2ms));
    BOOST_TEST(!s.get<opt::error>());
    BOOST_TEST(s.get<opt::type>() == SOCK_STREAM);
    BOOST_TEST(c.listener.get<opt::accept_connections>());
    BOOST_TEST(!s.get<opt::accept_connections>());

    auto u = tsock::udp_socket::open();
    u.set(opt::reuse_address(true));
    BOOST_TEST(u.get<opt::reuse_address>());
    u.set(opt::reuse_address(false));
    BOOST_TEST(!u.get<opt::reuse_address>());
    u.set(opt::broadcast(true));
    BOOST_TEST(u.get<opt::broadcast>());
    u.set(opt::exclusive_address_use(true));
    BOOST_TEST(u.get<opt::exclusive_address_use>());
    u.set(opt::ip::multicast_ttl(4));
    BOOST_TEST(u.get<opt::ip::multicast_ttl>() == 4);
}

// Every option is declared; those Windows lacks say so, and a socket refuses
// them (run.sh checks the message).
template <class Socket, class O>
concept can_set = requires(Socket& s, const O& o) { s.set(o); };
template <class Socket, class O>
concept can_get = requires(Socket& s) { s.template get<O>(); };

BOOST_AUTO_TEST_CASE(options_windows_lacks_are_declared_and_refused)
{
    static_assert(opt::exclusive_address_use::available && opt::reuse_address::available);
    static_assert(!opt::reuse_port::available && !opt::receive_low_watermark::available &&
                  !opt::send_low_watermark::available && !opt::tcp::keep_idle::available &&
                  !opt::tcp::keep_interval::available && !opt::tcp::keep_count::available);
    static_assert(!opt::domain::available && !opt::peer_credentials::available && !opt::bind_to_device::available &&
                  !opt::tcp::user_timeout::available && !opt::tcp::congestion::available);
    static_assert(can_set<tsock::tcp_socket, opt::exclusive_address_use>);
    static_assert(!can_set<tsock::tcp_socket, opt::reuse_port> && !can_get<tsock::tcp_socket, opt::reuse_port>);
    static_assert(!can_set<tsock::tcp_socket, opt::tcp::keep_idle> && !can_get<tsock::tcp_socket, opt::domain>);
    BOOST_TEST(opt::exclusive_address_use::name == SO_EXCLUSIVEADDRUSE);
    // Their values are still values (a portable program may build one).
    BOOST_TEST(opt::tcp::keep_idle(std::chrono::seconds(5)).value() == std::chrono::seconds(5));
    BOOST_TEST((opt::peer_credentials(opt::credentials{1, 2, 3}).value() == opt::credentials{1, 2, 3}));
}

// The memberships have the same shape as on POSIX: IPv4 by interface
// address (ip_mreq, ip_mreq_source) or by index (GROUP_REQ,
// GROUP_SOURCE_REQ), IPv6 by index; their values read back.
BOOST_AUTO_TEST_CASE(memberships_are_winsock_structures)
{
    const auto group = tsock::address_v4(tsock::address_v4::bytes_type{232, 1, 2, 3});
    const auto source = tsock::address_v4(tsock::address_v4::bytes_type{198, 18, 0, 1});
    static_assert(sizeof(opt::ip::join_group) == sizeof(::ip_mreq));
    static_assert(sizeof(opt::ip::join_source_group) == sizeof(::ip_mreq_source));
    static_assert(sizeof(opt::ip::join_group_by_index) == sizeof(::GROUP_REQ));
    static_assert(sizeof(opt::ipv6::join_source_group) == sizeof(::GROUP_SOURCE_REQ));
    BOOST_TEST(opt::ip::join_source_group::name == IP_ADD_SOURCE_MEMBERSHIP);
    BOOST_TEST(opt::ip::join_group_by_index::name == MCAST_JOIN_GROUP);
    BOOST_TEST((opt::ip::join_source_group(group, source).value() ==
                opt::ip::source_membership{group, source, tsock::address_v4::any()}));
    BOOST_TEST((opt::ip::join_source_group_by_index(group, source, 3).value() ==
                opt::ip::indexed_source_membership{group, source, 3}));
    const auto group6 = tsock::address_v6::parse("ff3e::8000:1");
    const auto source6 = tsock::address_v6::parse("fd5e:feed::1");
    BOOST_TEST((opt::ipv6::join_source_group(group6, source6, 2).value() ==
                opt::ipv6::source_membership{group6, source6, 2}));
    // The sending interface by index: IP_MULTICAST_IF with the index in
    // 0.0.0.0/8, so one of 2^24 or more is refused.
    static_assert(opt::ip::multicast_interface_by_index::available);
    BOOST_TEST(opt::ip::multicast_interface_by_index::name == IP_MULTICAST_IF);
    BOOST_TEST(opt::ip::multicast_interface_by_index(5).value() == 5u);
    BOOST_CHECK_THROW(opt::ip::multicast_interface_by_index(1u << 24), std::system_error);
}

// The EAI codes Winsock lacks have values of tsock's own, distinct, with a
// text; EAI_NODATA is Winsock's.
BOOST_AUTO_TEST_CASE(resolver_errors_winsock_lacks_are_declared)
{
    using tsock::resolver_error;
    const std::vector<resolver_error> codes = {resolver_error::host_not_found, resolver_error::try_again,
                                               resolver_error::no_recovery,    resolver_error::family_not_supported,
                                               resolver_error::socket_type_not_supported,
                                               resolver_error::service_not_found, resolver_error::bad_flags,
                                               resolver_error::out_of_memory,  resolver_error::overflow,
                                               resolver_error::no_data,        resolver_error::no_address_in_family};
    for (std::size_t i = 0; i != codes.size(); ++i)
        for (std::size_t j = i + 1; j != codes.size(); ++j)
            BOOST_TEST(int(codes[i]) != int(codes[j]));
    BOOST_TEST(int(resolver_error::no_data) == EAI_NODATA);
    BOOST_TEST(make_error_code(resolver_error::overflow).message() == "Argument buffer overflow");
    BOOST_TEST(make_error_code(resolver_error::no_address_in_family).message() ==
               "Address family for hostname not supported");
    BOOST_TEST(!make_error_code(resolver_error::no_data).message().empty());
}

// The outcome of a failed non-blocking connect, through the typed option.
BOOST_AUTO_TEST_CASE(the_error_option_reads_a_refused_connect)
{
    const auto u = unlistened_port<on_ipv4>();
    auto s = tsock::basic_socket<tsock::ipv4, tsock::stream, non_blocking>::open();
    std::error_code ec;
    if (s.connect(u.at, ec) == connect_status::in_progress) {
        BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
        ec = s.get<opt::error>();
    }
    BOOST_TEST((ec == std::errc::connection_refused), ec.message());
}

// ---------------------------------------------------------------------------
// Servers: SO_EXCLUSIVEADDRUSE, never SO_REUSEADDR

BOOST_AUTO_TEST_CASE_TEMPLATE(create_server_asks_for_the_port_exclusively, Setup, setups)
{
    auto server = tsock::create_server(Setup::endpoint());
    BOOST_TEST(server.template get<opt::exclusive_address_use>());
    BOOST_TEST(!server.template get<opt::reuse_address>());
    auto plain = tsock::create_server(Setup::endpoint(), {.reuse_address = false});
    BOOST_TEST(!plain.template get<opt::exclusive_address_use>());
    BOOST_TEST(!plain.template get<opt::reuse_address>());
    auto l = tsock::basic_listener<typename Setup::family, tsock::stream>::listen_on(Setup::endpoint());
    BOOST_TEST(l.template get<opt::exclusive_address_use>());
    BOOST_TEST(!l.template get<opt::reuse_address>());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_second_server_on_the_port_is_address_in_use, Setup, setups)
{
    auto first = tsock::create_server(Setup::endpoint());
    const auto at = first.local_endpoint();
    std::error_code ec;
    auto second = tsock::create_server(at, {}, ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    BOOST_TEST(!second.is_open());
    BOOST_CHECK_EXCEPTION(tsock::create_server(at), std::system_error, has_code(std::errc::address_in_use));
    using L = tsock::basic_listener<typename Setup::family, tsock::stream>;
    ec.clear();
    auto third = L::listen_on(at, ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    // SO_REUSEADDR does not take the port over either.
    auto thief = tsock::basic_socket<typename Setup::family, tsock::stream>::open();
    thief.set(opt::reuse_address(true));
    thief.bind(at, ec);
    BOOST_TEST((ec == std::errc::permission_denied || ec == std::errc::address_in_use), ec.message());
    // The first still serves.
    auto client = tsock::basic_socket<typename Setup::family, tsock::stream>::connect_to(at);
    auto accepted = first.accept();
    BOOST_TEST(accepted.peer == client.local_endpoint());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reuse_port_is_not_supported, Setup, setups)
{
    const auto at = free_port<Setup>();
    std::error_code ec;
    auto l = tsock::create_server(at, {.reuse_port = true}, ec);
    BOOST_TEST((ec == std::errc::operation_not_supported), ec.message());
    BOOST_TEST(!l.is_open());
    BOOST_CHECK_EXCEPTION(tsock::create_server(at, {.reuse_port = true}), std::system_error,
                          has_code(std::errc::operation_not_supported));
    auto after = tsock::create_server(at); // refused before bind: the port is free
    BOOST_TEST(after.local_endpoint() == at);
}

BOOST_AUTO_TEST_CASE(a_dual_stack_server_accepts_ipv4_as_mapped_addresses)
{
    auto l = tsock::create_server(tsock::ipv6_endpoint{tsock::address_v6::any(), 0}, {.dual_stack = true});
    BOOST_TEST(!l.get<opt::ipv6::only>());
    const auto port = l.local_endpoint().port();
    auto client = tsock::tcp_socket::connect_to({tsock::address_v4::loopback(), port});
    auto a = l.accept();
    const tsock::ipv6_endpoint expected(tsock::address_v6::v4_mapped(tsock::address_v4::loopback()),
                                        client.local_endpoint().port());
    BOOST_TEST(a.peer == expected);
    auto v6_only = tsock::create_server(tsock::ipv6_endpoint{tsock::address_v6::any(), 0});
    BOOST_TEST(v6_only.get<opt::ipv6::only>());
    std::error_code ec;
    tsock::create_server(tsock::ipv4_endpoint{tsock::address_v4::loopback(), 0}, {.dual_stack = true}, ec);
    BOOST_TEST((ec == tsock::error::not_dual_stack), ec.message());
}

// ---------------------------------------------------------------------------
// Closing, moving, adopting

BOOST_AUTO_TEST_CASE(the_destructor_and_close_close_the_handle)
{
    ::SOCKET h = INVALID_SOCKET;
    {
        auto s = tsock::tcp_socket::open();
        h = s.native_handle();
        BOOST_TEST(is_socket(h));
    }
    BOOST_TEST(!is_socket(h));

    auto s = tsock::udp_socket::open();
    h = s.native_handle();
    s.close();
    BOOST_TEST(!s.is_open());
    BOOST_TEST(!is_socket(h));
    s.close(); // again: nothing to do
    std::error_code ec;
    (void)s.send_to("x"sv, {tsock::address_v4::loopback(), 9}, ec);
    BOOST_TEST((ec == std::errc::not_a_socket), ec.message());
    BOOST_CHECK_EXCEPTION(s.local_endpoint(), std::system_error, has_code(std::errc::not_a_socket));
}

BOOST_AUTO_TEST_CASE(moving_hands_the_handle_over)
{
    auto c = connect_pair<combo<on_ipv4, blocking>>();
    const ::SOCKET h = c.client.native_handle();
    tsock::tcp_socket moved(std::move(c.client));
    BOOST_TEST(!c.client.is_open());
    BOOST_TEST((c.client.native_handle() == INVALID_SOCKET));
    BOOST_TEST((moved.native_handle() == h));
    send_bytes(moved, "moved");
    BOOST_TEST(recv_bytes(c.server, 5) == "moved");

    // Assigning over an open socket closes it first.
    auto other = tsock::tcp_socket::open();
    const ::SOCKET old = other.native_handle();
    other = std::move(moved);
    BOOST_TEST(!is_socket(old));
    BOOST_TEST((other.native_handle() == h));
    BOOST_TEST(!moved.is_open());

    // release: the handle is the caller's now.
    const ::SOCKET released = other.release();
    BOOST_TEST(!other.is_open());
    BOOST_TEST(is_socket(released));
    BOOST_TEST(::closesocket(released) == 0);

    auto timed = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>::open(tsock::timeout{3s});
    auto timed2 = std::move(timed);
    BOOST_TEST((timed2.timeout() == 3s)); // the mode moves with the handle
}

BOOST_AUTO_TEST_CASE(adopt_checks_the_family_and_type)
{
    const auto raw = [](int family, int type) {
        return ::WSASocketW(family, type, 0, nullptr, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    };
    std::error_code ec;
    const ::SOCKET tcp4 = raw(AF_INET, SOCK_STREAM); // unbound: no name to read the family from
    auto as_udp = tsock::udp_socket::adopt(tcp4, ec);
    BOOST_TEST((ec == tsock::error::type_mismatch), ec.message());
    auto as_tcp6 = tsock::tcp6_socket::adopt(tcp4, ec);
    BOOST_TEST((ec == tsock::error::family_mismatch), ec.message());
    BOOST_TEST(is_socket(tcp4)); // still the caller's
    auto as_tcp = tsock::tcp_socket::adopt(tcp4, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((as_tcp.native_handle() == tcp4));

    auto as_inet = tsock::basic_socket<tsock::inet, tsock::datagram>::adopt(raw(AF_INET6, SOCK_DGRAM), ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(as_inet.is_open());
    BOOST_CHECK_EXCEPTION(tsock::tcp_socket::adopt(INVALID_SOCKET), std::system_error,
                          has_code(std::errc::not_a_socket));
}

// ---------------------------------------------------------------------------
// resolve (getaddrinfo from ws2tcpip.h; Winsock started by resolve itself)

BOOST_AUTO_TEST_CASE(resolve_gives_typed_endpoints)
{
    const auto v4 = tsock::resolve<tsock::ipv4>("127.0.0.1", 80, tsock::resolve_flags::numeric_host);
    BOOST_REQUIRE(!v4.empty());
    BOOST_TEST(v4.front() == tsock::ipv4_endpoint(tsock::address_v4::loopback(), 80));
    const auto v6 = tsock::resolve<tsock::ipv6>("::1", "443", tsock::resolve_flags::numeric_host);
    BOOST_REQUIRE(!v6.empty());
    BOOST_TEST(v6.front() == tsock::ipv6_endpoint(tsock::address_v6::loopback(), 443));
    const auto any = tsock::resolve<tsock::inet>("localhost", "8080");
    BOOST_TEST(!any.empty());
    for (const tsock::inet_endpoint& ep : any) {
        BOOST_TEST(ep.port() == 8080);
        BOOST_TEST((ep == tsock::inet_endpoint(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 8080)) ||
                    ep == tsock::inet_endpoint(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 8080))),
                   ep);
    }
    // What it resolves, a socket connects to.
    auto l = tsock::tcp_listener::listen_on(on_ipv4::endpoint());
    const auto at = tsock::resolve<tsock::ipv4>("127.0.0.1", l.local_endpoint().port(),
                                                tsock::resolve_flags::numeric_host);
    auto c = tsock::tcp_socket::connect_to(at.front());
    BOOST_TEST(l.accept().peer == c.local_endpoint());
}

BOOST_AUTO_TEST_CASE(resolve_reports_bad_names)
{
    std::error_code ec;
    tsock::resolve<tsock::ipv4>("not an address", "80", tsock::resolve_flags::numeric_host, ec);
    BOOST_TEST((ec == tsock::resolver_error::host_not_found), ec.message());
    BOOST_TEST(!ec.message().empty());
    tsock::resolve<tsock::ipv4>("local\0host"sv, "80", ec);
    BOOST_TEST((ec == tsock::error::embedded_nul), ec.message());
    tsock::resolve<tsock::ipv4>("127.0.0.1", "65536", tsock::resolve_flags::none, ec);
    BOOST_TEST((ec == tsock::error::port_out_of_range), ec.message());
    BOOST_CHECK_EXCEPTION(tsock::resolve<tsock::ipv4>("", "80"), std::system_error, has_code(tsock::error::empty_host));
}

// ---------------------------------------------------------------------------
// connect by name and over lists (Python's create_connection): select over
// the sockets under way, FIONBIO cleared on the winner in the waiting modes

BOOST_AUTO_TEST_CASE(connect_falls_back_from_a_refused_address_to_the_next)
{
    const auto refusing = unlistened_port<on_ipv4>();
    auto l = tsock::tcp_listener::listen_on(on_ipv4::endpoint());
    const std::vector<tsock::ipv4_endpoint> order{refusing.at, l.local_endpoint()};
    std::vector<tsock::connect_attempt> report;
    tsock::connect_options o;
    o.timeout = patience;
    o.report = &report;
    auto c = tsock::create_connection(order, o);
    BOOST_REQUIRE(report.size() == 2u);
    BOOST_TEST((report[0].error == std::errc::connection_refused), report[0].error.message());
    BOOST_TEST(!report[1].error);
    auto a = l.accept();
    BOOST_TEST(a.peer == c.local_endpoint());
    // The blocking socket it returns blocks (FIONBIO cleared): a recv waits
    // for the byte sent after it started.
    c.set(opt::receive_timeout(patience));
    std::thread sender([&] {
        std::this_thread::sleep_for(50ms);
        (void)a.socket.send("x"sv);
    });
    std::string byte(1, '\0');
    std::error_code ec;
    const auto start = steady::now();
    const auto n = c.recv(byte, ec);
    const auto waited = steady::now() - start;
    sender.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(n == 1u);
    BOOST_TEST(byte == "x");
    BOOST_TEST(waited >= 20ms); // it waited: a non-blocking recv fails at once
}

BOOST_AUTO_TEST_CASE(connect_error_lists_every_refused_address)
{
    const auto first = unlistened_port<on_ipv4>();
    const auto second = unlistened_port<on_ipv4>();
    const std::vector<tsock::ipv4_endpoint> order{first.at, second.at};
    bool thrown = false;
    try {
        tsock::create_connection(order);
    } catch (const tsock::connect_error& e) {
        thrown = true;
        BOOST_TEST((e.code() == std::errc::connection_refused), e.code().message());
        BOOST_REQUIRE(e.attempts().size() == 2u);
        const std::string what = e.what();
        for (const auto& at : order)
            BOOST_TEST(what.find(at.to_string()) != std::string::npos, what);
    }
    BOOST_TEST(thrown);
    std::error_code ec;
    auto none = tsock::create_connection(std::vector<tsock::ipv4_endpoint>{}, ec);
    BOOST_TEST((ec == tsock::error::no_endpoints), ec.message());
    BOOST_TEST(!none.is_open());
}

BOOST_AUTO_TEST_CASE(connect_by_name_in_every_mode_and_happy_eyeballs)
{
    auto l = tsock::tcp_listener::listen_on(on_ipv4::endpoint());
    const auto port = std::to_string(l.local_endpoint().port());
    tsock::connect_options o;
    o.timeout = patience;
    auto b = tsock::create_connection("127.0.0.1", port, o);
    BOOST_TEST(l.accept().peer == b.local_endpoint());
    auto n = tsock::create_connection<tsock::stream, non_blocking>("127.0.0.1", port, o);
    BOOST_TEST(l.accept().peer == n.local_endpoint());
    auto t = tsock::create_connection<tsock::stream, tsock::timeout>("127.0.0.1", port, o, tsock::timeout{patience});
    BOOST_TEST(l.accept().peer == t.local_endpoint());
    // Happy Eyeballs over an IPv6 address where nobody listens and the IPv4
    // listener: the IPv4 attempt wins.
    const auto refusing_v6 = unlistened_port<on_ipv6>();
    const std::vector<tsock::inet_endpoint> both{tsock::inet_endpoint(refusing_v6.at),
                                                 tsock::inet_endpoint(l.local_endpoint())};
    std::vector<tsock::connect_attempt> report;
    o.happy_eyeballs = 10ms;
    o.report = &report;
    auto h = tsock::create_connection(both, o);
    BOOST_TEST(h.is_open());
    BOOST_TEST(l.accept().peer == h.local_endpoint());
    BOOST_REQUIRE(report.size() == 2u);
    BOOST_TEST(!report[1].error);
    // A negative duration is refused before any attempt.
    std::error_code ec;
    o.timeout = -1ms;
    tsock::create_connection("127.0.0.1", port, o, ec);
    BOOST_TEST((ec == tsock::error::negative_duration), ec.message());
}
