// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/concepts.hpp>

#define BOOST_TEST_MODULE concepts
#include <boost/test/unit_test.hpp>

#include "support/joining_thread.hpp"
#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/options.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <linux/netlink.h>
#include <linux/vm_sockets.h>
#include <poll.h>
#include <sys/socket.h>

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using tsock_test::patience;

// ===========================================================================
// What each socket and listener can do, as requires-expressions see it.
//
// A requires-expression is only SFINAE inside a template, so each question
// is a small concept of its own; each answer below is a static_assert of its
// own, so that a wrong one names the question.

namespace {

template <class S>
concept has_send_to = requires(S& s, std::string_view b, const typename S::endpoint_type& e) { s.send_to(b, e); };
template <class S>
concept has_recv_from = requires(S& s, std::string& b) { s.recv_from(b); };
template <class S>
concept has_send_all = requires(S& s, std::string_view b) { s.send_all(b); };
template <class S>
concept has_recv_exact = requires(S& s, std::string& b) { s.recv_exact(b); };
template <class S>
concept has_shutdown = requires(S& s) { s.shutdown(tsock::shutdown_type::both); };
// The mode is passed: the timeout mode has no default (see open below).
template <class S>
concept has_connect_to =
    requires(const typename S::endpoint_type& e, const typename S::mode_type& m) { S::connect_to(e, m); };
template <class S>
concept connect_returns_nothing =
    requires(S& s, const typename S::endpoint_type& e) { { s.connect(e) } -> std::same_as<void>; };
template <class S>
concept connect_returns_status =
    requires(S& s, const typename S::endpoint_type& e) { { s.connect(e) } -> std::same_as<tsock::connect_status>; };
template <class S>
concept has_timeout = requires(const S& s) { { s.timeout() } -> std::same_as<std::chrono::nanoseconds>; };
template <class S>
concept sets_timeout = requires(S& s, const typename S::mode_type& m) { s.timeout(m); };
template <class S>
concept recv_into_temporary_string = requires(S& s) { s.recv(std::string(16, '\0')); };
template <class S>
concept recv_into_temporary_vector = requires(S& s) { s.recv(std::vector<char>(16)); };
template <class S>
concept recv_into_named_string = requires(S& s, std::string& named) { s.recv(named); };
template <class S>
concept recv_into_span_over_named_string = requires(S& s, std::string& named) { s.recv(std::span(named)); };
template <class S>
concept recv_into_string_view = requires(S& s, std::string_view v) { s.recv(v); };
template <class S>
concept send_string_literal = requires(S& s) { s.send("a literal"); };
template <class S>
concept send_string_view = requires(S& s, std::string_view b) { s.send(b); };
template <class S>
concept send_ints = requires(S& s, std::vector<int>& v) { s.send(v); };
template <class S>
concept sets_tcp_no_delay = requires(S& s) { s.set(tsock::options::tcp::no_delay(true)); };
template <class S>
concept has_open = requires { S::open(); };
template <class S>
concept has_open_with_mode = requires(const typename S::mode_type& m) { S::open(m); };
template <class S>
concept has_open_for =
    requires(const typename S::endpoint_type& e, const typename S::mode_type& m) { S::open_for(e, m); };
template <class S>
concept has_accept = requires(S& s) { s.accept(); };
template <class S>
concept has_listen = requires(S& s) { s.listen(); };
template <class S, class R>
concept recv_returns = requires(S& s, std::span<std::byte> b) { { s.recv(b) } -> std::same_as<R>; };
template <class S, class R>
concept accept_returns = requires(S& s) { { s.accept() } -> std::same_as<R>; };

template <class Family>
inline constexpr bool is_inet = std::is_same_v<Family, tsock::inet>;

} // namespace

// The other family a socket is not of.
template <class Family>
using other_family = std::conditional_t<std::is_same_v<Family, tsock::local>, tsock::ipv4, tsock::local>;

// A socket of Family, Type, Mode: which concepts it models, and which
// operations it has. Instantiated below for every combination.
template <class Family, class Type, class Mode>
struct socket_expectations {
    using S = tsock::basic_socket<Family, Type, Mode>;
    static constexpr bool is_stream = Type::value == SOCK_STREAM;
    static constexpr bool is_seqpacket = Type::value == SOCK_SEQPACKET;
    static constexpr bool is_datagram = Type::value == SOCK_DGRAM;
    static constexpr bool waits = !std::is_same_v<Mode, tsock::non_blocking>;
    static constexpr bool is_timeout = std::is_same_v<Mode, tsock::timeout>;

    // The named concepts.
    static_assert(tsock::any_socket<S>, "every socket is any_socket");
    static_assert(!tsock::any_listener<S>, "a socket is not a listener");
    static_assert(tsock::data_socket<S>, "every socket is a data_socket");
    static_assert(tsock::any_stream_socket<S> == is_stream, "any_stream_socket: exactly the stream sockets");
    static_assert(tsock::any_seqpacket_socket<S> == is_seqpacket, "any_seqpacket_socket: exactly the seqpackets");
    static_assert(tsock::any_datagram_socket<S> == is_datagram, "any_datagram_socket: exactly the datagram sockets");
    static_assert(tsock::waiting_socket<S> == waits, "waiting_socket: blocking and timeout");
    static_assert(tsock::nonblocking_socket<S> == !waits, "nonblocking_socket: non_blocking");
    static_assert(tsock::waiting_stream_socket<S> == (is_stream && waits), "waiting_stream_socket");
    static_assert(tsock::socket_of_family<S, Family>, "socket_of_family of its own family");
    static_assert(!tsock::socket_of_family<S, other_family<Family>>, "not socket_of_family of another");
    static_assert(tsock::endpoint<typename S::endpoint_type>, "its endpoint_type is an endpoint");

    // The operations.
    static_assert(has_send_to<S> == is_datagram, "send_to only on connectionless sockets");
    static_assert(has_recv_from<S> == is_datagram, "recv_from only on connectionless sockets");
    static_assert(has_send_all<S> == (is_stream && waits), "send_all only on waiting stream sockets");
    static_assert(has_recv_exact<S> == (is_stream && waits), "recv_exact only on waiting stream sockets");
    static_assert(has_shutdown<S> == !is_datagram, "shutdown only on connection-oriented sockets");
    static_assert(has_connect_to<S> == waits, "connect_to only in the waiting modes");
    static_assert(connect_returns_nothing<S> == waits, "a waiting connect returns nothing");
    static_assert(connect_returns_status<S> == !waits, "a non-blocking connect returns connect_status");
    static_assert(has_timeout<S> == is_timeout, "timeout() only in the timeout mode");
    static_assert(sets_timeout<S> == is_timeout, "timeout(mode) only in the timeout mode");
    static_assert(!recv_into_temporary_string<S>, "no recv into a temporary std::string");
    static_assert(!recv_into_temporary_vector<S>, "no recv into a temporary std::vector");
    static_assert(recv_into_named_string<S>, "recv into a named std::string");
    static_assert(recv_into_span_over_named_string<S>, "recv into a std::span over a named std::string");
    static_assert(!recv_into_string_view<S>, "no recv into a std::string_view (const bytes)");
    static_assert(!send_string_literal<S>, "no send of a string literal (its NUL)");
    static_assert(send_string_view<S>, "send of a std::string_view");
    static_assert(!send_ints<S>, "no send of ints (not bytes)");
    static_assert(sets_tcp_no_delay<S> == (Family::is_ip && is_stream), "tcp::no_delay only on IP stream sockets");
    static_assert(has_open_with_mode<S> == !is_inet<Family>, "open(mode): not for inet (use open_for)");
    static_assert(has_open_for<S>, "open_for(endpoint, mode) for every family");
    static_assert(!has_accept<S> && !has_listen<S>, "a socket does not listen or accept");
    static_assert(recv_returns<S, std::conditional_t<waits, std::size_t, tsock::if_ready<std::size_t>>>,
                  "recv returns a size (waiting) or if_ready of one (non_blocking)");
};

// open() without a mode: for the modes with a default. Not asked of the
// timeout mode: there `requires { S::open(); }` (connect_to(e) too) is a
// hard error, the static_assert in detail::default_mode, instead of false.
template <class Family, class Type, class Mode>
    requires std::default_initializable<Mode>
struct open_expectations {
    using S = tsock::basic_socket<Family, Type, Mode>;
    static_assert(has_open<S> == !is_inet<Family>, "open(): not for inet (use open_for)");
};

template <class Family, class Type, class Mode>
struct listener_expectations {
    using L = tsock::basic_listener<Family, Type, Mode>;
    using S = tsock::basic_socket<Family, Type, Mode>;
    static constexpr bool waits = !std::is_same_v<Mode, tsock::non_blocking>;

    static_assert(tsock::any_socket<L>, "a listener is any_socket");
    static_assert(tsock::any_listener<L>, "a listener is any_listener");
    static_assert(!tsock::data_socket<L>, "a listener is not a data_socket");
    static_assert(!tsock::any_stream_socket<L> && !tsock::any_seqpacket_socket<L> && !tsock::any_datagram_socket<L>,
                  "a listener is no kind of data socket");
    static_assert(tsock::waiting_socket<L> == waits && tsock::nonblocking_socket<L> == !waits, "its mode");
    static_assert(tsock::socket_of_family<L, Family>, "socket_of_family of its own family");
    static_assert(std::is_same_v<typename L::socket, S>, "it accepts sockets of its family, type and mode");
    static_assert(!send_string_view<L>, "a listener has no send");
    static_assert(!recv_into_named_string<L>, "a listener has no recv");
    static_assert(!has_send_to<L> && !has_recv_from<L>, "a listener has no send_to or recv_from");
    static_assert(!has_send_all<L> && !has_recv_exact<L>, "a listener has no send_all or recv_exact");
    static_assert(!has_shutdown<L>, "a listener has no shutdown");
    static_assert(!has_connect_to<L>, "a listener does not connect");
    static_assert(has_accept<L> && has_listen<L>, "a listener listens and accepts");
    static_assert(accept_returns<L, std::conditional_t<waits, tsock::accepted<S>, tsock::if_ready<tsock::accepted<S>>>>,
                  "accept returns accepted<socket> (waiting) or if_ready of it (non_blocking)");
    static_assert(has_open_with_mode<L> == !is_inet<Family>, "open(mode): not for inet (use open_for)");
    static_assert(sets_tcp_no_delay<L> == Family::is_ip, "tcp::no_delay on an IP stream listener (inherited)");
};

// Every family x type x mode tsock has.
template struct socket_expectations<tsock::ipv4, tsock::stream, tsock::blocking>;
template struct socket_expectations<tsock::ipv4, tsock::stream, tsock::non_blocking>;
template struct socket_expectations<tsock::ipv4, tsock::stream, tsock::timeout>;
template struct socket_expectations<tsock::ipv4, tsock::datagram, tsock::blocking>;
template struct socket_expectations<tsock::ipv4, tsock::datagram, tsock::non_blocking>;
template struct socket_expectations<tsock::ipv4, tsock::datagram, tsock::timeout>;
template struct socket_expectations<tsock::ipv6, tsock::stream, tsock::blocking>;
template struct socket_expectations<tsock::ipv6, tsock::stream, tsock::non_blocking>;
template struct socket_expectations<tsock::ipv6, tsock::stream, tsock::timeout>;
template struct socket_expectations<tsock::ipv6, tsock::datagram, tsock::blocking>;
template struct socket_expectations<tsock::ipv6, tsock::datagram, tsock::non_blocking>;
template struct socket_expectations<tsock::ipv6, tsock::datagram, tsock::timeout>;
template struct socket_expectations<tsock::inet, tsock::stream, tsock::blocking>;
template struct socket_expectations<tsock::inet, tsock::stream, tsock::non_blocking>;
template struct socket_expectations<tsock::inet, tsock::stream, tsock::timeout>;
template struct socket_expectations<tsock::inet, tsock::datagram, tsock::blocking>;
template struct socket_expectations<tsock::inet, tsock::datagram, tsock::non_blocking>;
template struct socket_expectations<tsock::inet, tsock::datagram, tsock::timeout>;
template struct socket_expectations<tsock::local, tsock::stream, tsock::blocking>;
template struct socket_expectations<tsock::local, tsock::stream, tsock::non_blocking>;
template struct socket_expectations<tsock::local, tsock::stream, tsock::timeout>;
template struct socket_expectations<tsock::local, tsock::datagram, tsock::blocking>;
template struct socket_expectations<tsock::local, tsock::datagram, tsock::non_blocking>;
template struct socket_expectations<tsock::local, tsock::datagram, tsock::timeout>;
template struct socket_expectations<tsock::local, tsock::seqpacket, tsock::blocking>;
template struct socket_expectations<tsock::local, tsock::seqpacket, tsock::non_blocking>;
template struct socket_expectations<tsock::local, tsock::seqpacket, tsock::timeout>;

template struct open_expectations<tsock::ipv4, tsock::stream, tsock::blocking>;
template struct open_expectations<tsock::ipv4, tsock::datagram, tsock::non_blocking>;
template struct open_expectations<tsock::ipv6, tsock::stream, tsock::non_blocking>;
template struct open_expectations<tsock::ipv6, tsock::datagram, tsock::blocking>;
template struct open_expectations<tsock::inet, tsock::stream, tsock::blocking>;
template struct open_expectations<tsock::inet, tsock::datagram, tsock::non_blocking>;
template struct open_expectations<tsock::local, tsock::stream, tsock::blocking>;
template struct open_expectations<tsock::local, tsock::seqpacket, tsock::non_blocking>;

// Every family x connection-oriented type x mode.
template struct listener_expectations<tsock::ipv4, tsock::stream, tsock::blocking>;
template struct listener_expectations<tsock::ipv4, tsock::stream, tsock::non_blocking>;
template struct listener_expectations<tsock::ipv4, tsock::stream, tsock::timeout>;
template struct listener_expectations<tsock::ipv6, tsock::stream, tsock::blocking>;
template struct listener_expectations<tsock::ipv6, tsock::stream, tsock::non_blocking>;
template struct listener_expectations<tsock::ipv6, tsock::stream, tsock::timeout>;
template struct listener_expectations<tsock::inet, tsock::stream, tsock::blocking>;
template struct listener_expectations<tsock::inet, tsock::stream, tsock::non_blocking>;
template struct listener_expectations<tsock::inet, tsock::stream, tsock::timeout>;
template struct listener_expectations<tsock::local, tsock::stream, tsock::blocking>;
template struct listener_expectations<tsock::local, tsock::stream, tsock::non_blocking>;
template struct listener_expectations<tsock::local, tsock::stream, tsock::timeout>;
template struct listener_expectations<tsock::local, tsock::seqpacket, tsock::blocking>;
template struct listener_expectations<tsock::local, tsock::seqpacket, tsock::non_blocking>;
template struct listener_expectations<tsock::local, tsock::seqpacket, tsock::timeout>;

// What is not a socket is none of them.
static_assert(!tsock::any_socket<int> && !tsock::any_socket<tsock::ipv4_endpoint> && !tsock::any_socket<std::string>);
static_assert(!tsock::data_socket<int> && !tsock::any_listener<int>);
// A reference is not a socket type (the concepts take the type itself).
static_assert(!tsock::any_socket<tsock::tcp_socket&>);

// ===========================================================================
// Generic code written against the concepts.

namespace {

// Runs call (one send or recv of s) until it is done: at once in a waiting
// mode; in the non_blocking mode after poll says s is ready for events,
// again while it would block (bounded: a peer that never gets ready fails
// the test instead of hanging it).
template <class S, class Call>
auto when_done(S& s, short events, Call call)
{
    if constexpr (tsock::waiting_socket<S>) {
        return call();
    } else {
        for (int i = 0; i != 1000; ++i) {
            if (!tsock_test::wait_for(s.native_handle(), events))
                break;
            if (auto r = call())
                return *std::move(r);
        }
        throw std::runtime_error("a non-blocking socket never got ready");
    }
}

// Sends every byte: send_all on a waiting stream, send and poll otherwise.
template <tsock::any_stream_socket S>
void send_everything(S& s, std::span<const std::byte> bytes)
{
    if constexpr (tsock::waiting_stream_socket<S>) {
        s.send_all(bytes);
    } else {
        for (int i = 0; i != 1 << 20 && !bytes.empty(); ++i)
            bytes = bytes.subspan(when_done(s, POLLOUT, [&] { return s.send(bytes); }));
        if (!bytes.empty())
            throw std::runtime_error("send_everything: too many partial sends");
    }
}

// Copies what arrives on from to to until from's peer ends its stream:
// how many bytes. Any two byte streams, of any families and modes.
std::size_t relay(tsock::any_stream_socket auto& from, tsock::any_stream_socket auto& to)
{
    std::array<std::byte, 4096> chunk{};
    std::size_t total = 0;
    for (int i = 0; i != 1 << 20; ++i) {
        const std::size_t n = when_done(from, POLLIN, [&] { return from.recv(chunk); });
        if (n == 0)
            return total;
        send_everything(to, std::span<const std::byte>(chunk).first(n));
        total += n;
    }
    throw std::runtime_error("relay: no end of stream after 4 GiB");
}

// An echo server's step: receives one datagram and sends it back to its
// sender; how many bytes. A sender without a name (the other end of a
// socketpair, whose recvfrom reports none) gets it back over the connection.
std::size_t reflect_once(tsock::any_datagram_socket auto& s)
{
    using endpoint = typename std::remove_reference_t<decltype(s)>::endpoint_type;
    std::array<std::byte, 2048> message{};
    const auto got = when_done(s, POLLIN, [&] { return s.recv_from(message); });
    const auto reply = std::span<const std::byte>(message).first(got.size);
    const std::size_t sent = got.sender == endpoint{}
                                 ? when_done(s, POLLOUT, [&] { return s.send(reply); })
                                 : when_done(s, POLLOUT, [&] { return s.send_to(reply, got.sender); });
    if (sent != got.size)
        throw std::runtime_error("reflect_once: the datagram did not go back whole");
    return sent;
}

// Reads a line: the bytes up to '\n' (not kept) into out, one recv of one
// byte at a time, so that nothing after the line is consumed. True for a
// whole line; false when the peer ended the stream first or max bytes came
// without a '\n' (out holds them).
bool read_line(tsock::waiting_stream_socket auto& s, std::string& out, std::size_t max)
{
    out.clear();
    char c = 0;
    while (out.size() != max) {
        if (s.recv(std::span<char>(&c, 1)) == 0)
            return false;
        if (c == '\n')
            return true;
        out += c;
    }
    return false;
}

// What the generic functions accept, as the compiler sees it.
template <class A, class B>
concept relays = requires(A& a, B& b) { relay(a, b); };
template <class S>
concept reflects = requires(S& s) { reflect_once(s); };
template <class S>
concept reads_lines = requires(S& s, std::string& out) { read_line(s, out, std::size_t(80)); };

} // namespace

static_assert(relays<tsock::tcp_socket, tsock::tcp_socket>, "relay: TCP to TCP");
static_assert(relays<tsock::unix_stream_socket, tsock::tcp6_socket>, "relay: across families");
static_assert(relays<tsock::stream_socket<tsock::inet, tsock::non_blocking>,
                     tsock::stream_socket<tsock::local, tsock::timeout>>,
              "relay: across modes");
static_assert(!relays<tsock::udp_socket, tsock::udp_socket>, "relay refuses datagram sockets");
static_assert(!relays<tsock::tcp_socket, tsock::udp_socket>, "relay refuses a datagram destination");
static_assert(!relays<tsock::unix_seqpacket_socket, tsock::unix_seqpacket_socket>, "relay refuses seqpacket sockets");
static_assert(!relays<tsock::tcp_listener, tsock::tcp_socket>, "relay refuses a listener");
static_assert(!relays<std::string, std::string>, "relay refuses what is not a socket");

static_assert(reflects<tsock::udp_socket>, "reflect_once: UDP");
static_assert(reflects<tsock::unix_datagram_socket>, "reflect_once: local datagram");
static_assert(reflects<tsock::datagram_socket<tsock::inet, tsock::non_blocking>>, "reflect_once: non_blocking inet");
static_assert(!reflects<tsock::tcp_socket>, "reflect_once refuses a stream socket");
static_assert(!reflects<tsock::unix_seqpacket_socket>, "reflect_once refuses a seqpacket socket");
static_assert(!reflects<tsock::unix_stream_listener>, "reflect_once refuses a listener");

static_assert(reads_lines<tsock::tcp_socket>, "read_line: a blocking TCP socket");
static_assert(reads_lines<tsock::stream_socket<tsock::local, tsock::timeout>>, "read_line: a timeout local stream");
static_assert(!reads_lines<tsock::stream_socket<tsock::ipv4, tsock::non_blocking>>, "read_line refuses non_blocking");
static_assert(!reads_lines<tsock::udp_socket>, "read_line refuses a datagram socket");
static_assert(!reads_lines<tsock::unix_seqpacket_socket>, "read_line refuses a seqpacket socket");
static_assert(!reads_lines<tsock::tcp_listener>, "read_line refuses a listener");

// ---------------------------------------------------------------------------
// Run time: relay

namespace {

// Writes size bytes of the pattern into writer, which ends its stream; relay
// copies them from source (writer's peer) to sink, which then ends its
// stream; reader (sink's peer) must get them all, in order. writer and
// reader are waiting stream sockets (the timeout mode, so that a broken
// relay fails instead of hanging); source and sink any stream sockets.
template <class Writer, class Source, class Sink, class Reader>
void check_relay(Writer& writer, Source& source, Sink& sink, Reader& reader, std::size_t size)
{
    const auto sent = tsock_test::pattern(size);
    std::exception_ptr writer_error;
    std::exception_ptr reader_error;
    std::vector<std::byte> received;
    std::size_t relayed = 0;
    {
        tsock_test::joining_thread write_thread([&] {
            try {
                writer.send_all(sent);
                writer.shutdown(tsock::shutdown_type::send);
            } catch (...) {
                writer_error = std::current_exception();
                std::error_code ignored; // the relay sees an end of stream, not a hang
                writer.shutdown(tsock::shutdown_type::both, ignored);
            }
        });
        tsock_test::joining_thread read_thread([&] {
            try {
                std::array<std::byte, 8192> chunk{};
                for (int i = 0; i != 1 << 20; ++i) {
                    const std::size_t n = reader.recv(chunk);
                    if (n == 0)
                        return;
                    received.insert(received.end(), chunk.begin(), chunk.begin() + static_cast<std::ptrdiff_t>(n));
                }
            } catch (...) {
                reader_error = std::current_exception();
            }
        });
        try {
            relayed = relay(source, sink);
            sink.shutdown(tsock::shutdown_type::send);
        } catch (const std::exception& e) {
            BOOST_ERROR("relay: " << e.what());
            std::error_code ignored;
            sink.shutdown(tsock::shutdown_type::both, ignored);
            source.shutdown(tsock::shutdown_type::both, ignored);
        }
    }
    const auto message = [](const std::exception_ptr& p) -> std::string {
        try {
            std::rethrow_exception(p);
        } catch (const std::exception& e) {
            return e.what();
        }
    };
    BOOST_TEST(!writer_error, "writer: " << (writer_error ? message(writer_error) : ""));
    BOOST_TEST(!reader_error, "reader: " << (reader_error ? message(reader_error) : ""));
    BOOST_TEST(relayed == size);
    BOOST_TEST(received.size() == size);
    BOOST_TEST(tsock_test::pattern_mismatch(received, 0) == received.size());
}

constexpr std::size_t relay_size = std::size_t(1) << 20;

template <class Setup>
void relay_over_tcp()
{
    Setup setup;
    auto in = tsock_test::connect_pair<tsock::stream, tsock::timeout>(setup);
    auto out = tsock_test::connect_pair<tsock::stream, tsock::timeout>(setup);
    check_relay(in.client, in.server, out.client, out.server, relay_size);
}

} // namespace

BOOST_AUTO_TEST_CASE(relay_tcp_ipv4) { relay_over_tcp<tsock_test::on_ipv4>(); }
BOOST_AUTO_TEST_CASE(relay_tcp_ipv6_on_loopback) { relay_over_tcp<tsock_test::on_ipv6>(); }
BOOST_AUTO_TEST_CASE(relay_tcp_inet) { relay_over_tcp<tsock_test::on_inet_v6>(); }

BOOST_AUTO_TEST_CASE(relay_local_stream)
{
    auto in = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    auto out = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    check_relay(in.first, in.second, out.first, out.second, relay_size);
}

// Source and sink of different families and modes: a blocking local
// stream into a non_blocking TCP socket, and back.
BOOST_AUTO_TEST_CASE(relay_across_families_and_modes)
{
    tsock_test::on_ipv4 setup;
    {
        auto in = tsock::socket_pair<tsock::stream, tsock::blocking>();
        auto writer = std::move(in.first).with_mode(tsock::timeout{patience});
        auto tcp = tsock_test::connect_pair<tsock::stream, tsock::timeout>(setup);
        auto sink = std::move(tcp.client).with_mode<tsock::non_blocking>();
        check_relay(writer, in.second, sink, tcp.server, relay_size);
    }
    {
        auto tcp = tsock_test::connect_pair<tsock::stream, tsock::timeout>(setup);
        auto source = std::move(tcp.server).with_mode<tsock::non_blocking>();
        auto out = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
        check_relay(tcp.client, source, out.first, out.second, relay_size);
    }
}

// Nothing to copy: the source's peer ends the stream at once.
BOOST_AUTO_TEST_CASE(relay_of_an_empty_stream)
{
    auto in = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    auto out = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    in.first.shutdown(tsock::shutdown_type::send);
    BOOST_TEST(relay(in.second, out.first) == 0u);
    BOOST_TEST(out.second.available() == 0u);
}

// ---------------------------------------------------------------------------
// Run time: reflect_once

namespace {

template <class Setup, class Mode>
void reflect_bound(Mode mode)
{
    using socket = tsock::basic_socket<typename Setup::family, tsock::datagram, Mode>;
    Setup setup;
    const auto server_name = setup.endpoint();
    auto server = socket::open_for(server_name, mode);
    server.bind(server_name);
    const auto client_name = setup.endpoint();
    auto client = socket::open_for(client_name, mode);
    client.bind(client_name);

    const std::string_view ping = "ping \0 with a NUL"sv;
    tsock_test::send_datagram(client, ping, server.local_endpoint());
    BOOST_TEST(reflect_once(server) == ping.size());
    const auto [reply, sender] = tsock_test::recv_datagram(client);
    BOOST_TEST(reply == ping);
    BOOST_TEST((sender == server.local_endpoint()));
}

} // namespace

BOOST_AUTO_TEST_CASE(reflect_udp_ipv4) { reflect_bound<tsock_test::on_ipv4>(tsock::timeout{patience}); }
BOOST_AUTO_TEST_CASE(reflect_udp_ipv6) { reflect_bound<tsock_test::on_ipv6>(tsock::timeout{patience}); }
BOOST_AUTO_TEST_CASE(reflect_udp_inet_non_blocking) { reflect_bound<tsock_test::on_inet_v4>(tsock::non_blocking{}); }
BOOST_AUTO_TEST_CASE(reflect_unix_datagram_bound) { reflect_bound<tsock_test::on_abstract>(tsock::timeout{patience}); }

// A socketpair: the sender has no name, and the reply goes back over the
// pair's connection.
BOOST_AUTO_TEST_CASE(reflect_unix_datagram_pair)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram, tsock::timeout>(tsock::timeout{patience});
    const std::string_view ping = "ping";
    BOOST_TEST(a.send(ping) == ping.size());
    BOOST_TEST(reflect_once(b) == ping.size());
    std::string reply(16, '\0');
    reply.resize(a.recv(reply));
    BOOST_TEST(reply == ping);
}

// ---------------------------------------------------------------------------
// Run time: read_line

namespace {

template <class S>
void check_read_line(S& writer, S& reader)
{
    writer.send_all(std::string_view("first\nsecond\n\nlong line\nthird"));
    writer.shutdown(tsock::shutdown_type::send);
    std::string line;
    BOOST_TEST(read_line(reader, line, 80));
    BOOST_TEST(line == "first");
    BOOST_TEST(read_line(reader, line, 80));
    BOOST_TEST(line == "second");
    BOOST_TEST(read_line(reader, line, 80));
    BOOST_TEST(line == "");
    // Bounded: four bytes, no '\n' among them; the rest is still there.
    BOOST_TEST(!read_line(reader, line, 4));
    BOOST_TEST(line == "long");
    BOOST_TEST(read_line(reader, line, 80));
    BOOST_TEST(line == " line");
    // The end of the stream before a '\n'.
    BOOST_TEST(!read_line(reader, line, 80));
    BOOST_TEST(line == "third");
    BOOST_TEST(!read_line(reader, line, 80));
    BOOST_TEST(line == "");
}

} // namespace

BOOST_AUTO_TEST_CASE(read_line_local_stream)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    check_read_line(a, b);
}

BOOST_AUTO_TEST_CASE(read_line_tcp)
{
    tsock_test::on_ipv6 setup;
    auto c = tsock_test::connect_pair<tsock::stream, tsock::blocking>(setup);
    check_read_line(c.client, c.server);
}

// ===========================================================================
// A family of the user's: AF_VSOCK (virtio sockets, vsock(7)), defined
// here with tsock's public API only.

struct vsock;

// A context id and a port (sockaddr_vm).
class vsock_endpoint {
public:
    using native_type = ::sockaddr_vm;
    using family_type = vsock;
    static constexpr int family() noexcept { return AF_VSOCK; }

    constexpr vsock_endpoint() noexcept = default;
    constexpr vsock_endpoint(std::uint32_t cid, std::uint32_t port) noexcept : cid_(cid), port_(port) {}

    constexpr std::uint32_t cid() const noexcept { return cid_; }
    constexpr std::uint32_t port() const noexcept { return port_; }

    native_type to_native() const noexcept
    {
        native_type n{};
        n.svm_family = AF_VSOCK;
        n.svm_cid = cid_;
        n.svm_port = port_;
        return n;
    }
    constexpr ::socklen_t native_size() const noexcept { return sizeof(native_type); }
    static vsock_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        native_type n{};
        if (sa == nullptr || length < ::socklen_t(sizeof n) || sa->sa_family != AF_VSOCK) {
            ec = make_error_code(tsock::error::bad_endpoint);
            return {};
        }
        std::memcpy(&n, sa, sizeof n);
        ec.clear();
        return {n.svm_cid, n.svm_port};
    }

    friend constexpr bool operator==(const vsock_endpoint&, const vsock_endpoint&) noexcept = default;

private:
    std::uint32_t cid_ = VMADDR_CID_ANY;
    std::uint32_t port_ = VMADDR_PORT_ANY;
};

// The family policy: stream and seqpacket sockets.
struct vsock {
    using endpoint_type = vsock_endpoint;
    static constexpr int domain = AF_VSOCK;
    static constexpr bool is_ip = false;
    static constexpr std::string_view name = "vsock";
    template <class Type>
    static constexpr bool supports = Type::value == SOCK_STREAM || Type::value == SOCK_SEQPACKET;
};

using vsock_socket = tsock::basic_socket<vsock, tsock::stream, tsock::timeout>;
using vsock_listener = tsock::basic_listener<vsock, tsock::stream, tsock::timeout>;

static_assert(tsock::endpoint<vsock_endpoint>, "the user's endpoint models tsock::endpoint");
static_assert(std::is_same_v<tsock::family_of_t<vsock_endpoint>, vsock>, "family_of_t reads its family_type");
static_assert(tsock::socket_family<vsock>, "the user's family models tsock::socket_family");
static_assert(tsock::any_stream_socket<tsock::basic_socket<vsock, tsock::stream>>, "a vsock stream is a stream");
static_assert(tsock::waiting_stream_socket<vsock_socket>, "and a waiting_stream_socket in the timeout mode");
static_assert(tsock::any_seqpacket_socket<tsock::basic_socket<vsock, tsock::seqpacket>>, "a vsock seqpacket");
static_assert(tsock::socket_of_family<vsock_socket, vsock> && !tsock::socket_of_family<vsock_socket, tsock::local>);
static_assert(tsock::any_listener<vsock_listener>, "a vsock listener is any_listener");
static_assert(relays<tsock::basic_socket<vsock, tsock::stream>, tsock::tcp_socket>, "relay takes a vsock stream");
static_assert(relays<tsock::unix_stream_socket, vsock_socket>, "relay writes to a vsock stream");
static_assert(reads_lines<vsock_socket>, "read_line takes a vsock stream");
static_assert(!reflects<vsock_socket>, "reflect_once refuses a vsock stream");
static_assert(!has_send_to<vsock_socket> && has_send_all<vsock_socket> && has_shutdown<vsock_socket>);
static_assert(!sets_tcp_no_delay<vsock_socket>, "no TCP option on a non-IP family");

BOOST_AUTO_TEST_CASE(vsock_endpoint_round_trip)
{
    const vsock_endpoint e(VMADDR_CID_LOCAL, 1234);
    const auto native = e.to_native();
    std::error_code ec;
    BOOST_TEST((vsock_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&native), e.native_size(), ec) == e));
    BOOST_TEST(!ec);
    const auto v4 = tsock::ipv4_endpoint(tsock::address_v4::loopback(), 80).to_native();
    (void)vsock_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&v4), sizeof v4, ec);
    BOOST_TEST(ec == tsock::error::bad_endpoint);
}

namespace {

// Has this kernel vsock loopback (the vsock_loopback module)? A vsock
// socket binds to CID 1 only then (EADDRNOTAVAIL otherwise, at once).
boost::test_tools::assertion_result vsock_loopback(boost::unit_test::test_unit_id)
{
    std::error_code ec;
    auto s = tsock::basic_socket<vsock, tsock::stream>::open(ec);
    if (!ec)
        s.bind(vsock_endpoint(VMADDR_CID_LOCAL, VMADDR_PORT_ANY), ec);
    boost::test_tools::assertion_result r(!ec);
    if (ec)
        r.message() << "no vsock loopback here (a vsock socket on CID 1: " << ec.message() << ")";
    return r;
}

} // namespace

// Over vsock loopback (CID 1), when this kernel has it; skipped otherwise.
BOOST_AUTO_TEST_CASE(relay_over_vsock_loopback, *boost::unit_test::precondition(vsock_loopback))
{
    std::error_code ec;
    auto listener = vsock_listener::listen_on(vsock_endpoint(VMADDR_CID_LOCAL, VMADDR_PORT_ANY), SOMAXCONN,
                                              tsock::timeout{patience}, ec);
    BOOST_TEST_REQUIRE(!ec, "listen on CID 1: " << ec.message());
    const auto name = listener.local_endpoint();
    BOOST_TEST(name.cid() == VMADDR_CID_LOCAL);
    auto writer = vsock_socket::connect_to(name, tsock::timeout{patience}, ec);
    if (ec) {
        // Bound, yet no loopback transport to connect over: not this test's
        // failure.
        BOOST_TEST_MESSAGE("no vsock loopback here (connect to CID 1: " << ec.message() << "); skipped");
        return;
    }
    auto source = listener.accept().socket;
    auto out = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{patience});
    check_relay(writer, source, out.first, out.second, relay_size);
}

// ===========================================================================
// A connectionless family of the user's: AF_NETLINK datagrams (the socket
// is only checked at compile time here; example/netlink_family.cpp runs one).

struct netlink;

class netlink_endpoint {
public:
    using native_type = ::sockaddr_nl;
    using family_type = netlink;
    static constexpr int family() noexcept { return AF_NETLINK; }

    constexpr netlink_endpoint() noexcept = default;
    constexpr explicit netlink_endpoint(std::uint32_t port_id) noexcept : port_id_(port_id) {}

    native_type to_native() const noexcept
    {
        native_type n{};
        n.nl_family = AF_NETLINK;
        n.nl_pid = port_id_;
        return n;
    }
    constexpr ::socklen_t native_size() const noexcept { return sizeof(native_type); }
    static netlink_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        native_type n{};
        if (sa == nullptr || length < ::socklen_t(sizeof n) || sa->sa_family != AF_NETLINK) {
            ec = make_error_code(tsock::error::bad_endpoint);
            return {};
        }
        std::memcpy(&n, sa, sizeof n);
        ec.clear();
        return netlink_endpoint(n.nl_pid);
    }

    friend constexpr bool operator==(const netlink_endpoint&, const netlink_endpoint&) noexcept = default;

private:
    std::uint32_t port_id_ = 0;
};

struct netlink {
    using endpoint_type = netlink_endpoint;
    static constexpr int domain = AF_NETLINK;
    static constexpr bool is_ip = false;
    static constexpr std::string_view name = "netlink";
    template <class Type>
    static constexpr bool supports = Type::value == SOCK_RAW || Type::value == SOCK_DGRAM;
};

using netlink_socket = tsock::basic_socket<netlink, tsock::datagram>;

static_assert(tsock::endpoint<netlink_endpoint> && tsock::socket_family<netlink>);
static_assert(tsock::any_datagram_socket<netlink_socket>, "a netlink datagram socket is any_datagram_socket");
static_assert(tsock::any_datagram_socket<tsock::basic_socket<netlink, tsock::raw<NETLINK_ROUTE>>>, "and a raw one");
static_assert(!tsock::any_stream_socket<netlink_socket> && !has_shutdown<netlink_socket>);
static_assert(reflects<netlink_socket>, "reflect_once takes a netlink socket");
static_assert(!relays<netlink_socket, netlink_socket>, "relay refuses it");
