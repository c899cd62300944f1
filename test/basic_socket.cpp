// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#define BOOST_TEST_MODULE basic_socket
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"
#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
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

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

// Every test runs on loopback (port 0), abstract names unique to this
// process, or paths in a private temporary directory; waits are bounded and
// nothing sleeps to synchronise. Expected values come from the socket(7),
// tcp(7), unix(7) manuals and from the system calls themselves.

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;
namespace mp = boost::mp11;

using tsock::basic_socket;
using tsock::blocking;
using tsock::connect_status;
using tsock::datagram;
using tsock::local_endpoint;
using tsock::non_blocking;
using tsock::seqpacket;
using tsock::stream;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

// What an endpoint's family is (inet: decided by the endpoint).
template <class Endpoint>
int domain_of(const Endpoint& ep)
{
    return ep.family();
}

// An endpoint of setup's family where nobody listens: one that a socket
// bound (so the kernel picked it, or the path exists) and closed again.
template <class Setup>
typename Setup::family::endpoint_type closed_endpoint(Setup& setup)
{
    const auto ep = setup.endpoint();
    auto probe = basic_socket<typename Setup::family, stream>::open_for(ep);
    probe.bind(ep);
    return probe.local_endpoint();
}

// The types socket_pair makes.
using pair_types = std::tuple<stream, datagram, seqpacket>;

// Opening needs no name: the path variant would only add a directory.
using open_combos = as_tuple<mp::mp_append<
    mp::mp_product<combo, mp::mp_list<on_ipv4, on_ipv6, on_inet_v4, on_inet_v6, on_abstract>,
                   mp::mp_list<stream, datagram>, all_modes>,
    mp::mp_product<combo, mp::mp_list<on_abstract>, mp::mp_list<seqpacket>, all_modes>>>;

using tcp_combos = as_tuple<mp::mp_product<combo, ip_setups, mp::mp_list<stream>, all_modes>>;

} // namespace

// ---------------------------------------------------------------------------
// Compile-time shape

BOOST_AUTO_TEST_CASE(a_socket_is_its_handle_move_only_with_noexcept_moves)
{
    mp::mp_for_each<mp::mp_append<connection_combos, datagram_combos>>([](auto c) {
        using S = typename decltype(c)::socket;
        using M = typename decltype(c)::mode;
        if constexpr (!is_timeout_mode<M>)
            static_assert(sizeof(S) == sizeof(int), "blocking and non_blocking sockets are their descriptor");
        static_assert(!std::is_copy_constructible_v<S> && !std::is_copy_assignable_v<S>);
        static_assert(std::is_nothrow_move_constructible_v<S> && std::is_nothrow_move_assignable_v<S>);
        static_assert(std::is_nothrow_default_constructible_v<S>);
        static_assert(std::is_same_v<typename S::native_handle_type, int>);
    });
    static_assert(sizeof(tsock::tcp_socket) == sizeof(int));
    static_assert(sizeof(basic_socket<tsock::ipv6, stream, non_blocking>) == sizeof(int));
    static_assert(sizeof(basic_socket<tsock::local, seqpacket, non_blocking>) == sizeof(int));
    static_assert(sizeof(basic_socket<tsock::inet, datagram, blocking>) == sizeof(int));
    static_assert(std::is_same_v<tsock::udp6_socket, basic_socket<tsock::ipv6, datagram, blocking>>);
    static_assert(std::is_same_v<tsock::unix_seqpacket_socket, basic_socket<tsock::local, seqpacket, blocking>>);

    const tsock::tcp_socket unopened;
    BOOST_TEST(!unopened.is_open());
    BOOST_TEST(unopened.native_handle() == -1);
}

// ---------------------------------------------------------------------------
// Opening

BOOST_AUTO_TEST_CASE_TEMPLATE(open_gives_a_cloexec_socket_of_its_family_type_and_mode, C, open_combos)
{
    using S = typename C::socket;
    using M = typename C::mode;
    typename C::setup setup;
    const auto ep = setup.endpoint();

    std::vector<S> sockets;
    sockets.push_back(S::open_for(ep, test_mode<M>()));
    std::error_code ec = make_error_code(std::errc::io_error);
    sockets.push_back(S::open_for(ep, test_mode<M>(), ec));
    BOOST_TEST(!ec, ec.message());
    if constexpr (requires { C::family::domain; }) {
        sockets.push_back(S::open(test_mode<M>()));
        ec = make_error_code(std::errc::io_error);
        sockets.push_back(S::open(test_mode<M>(), ec));
        BOOST_TEST(!ec, ec.message());
    }
    for (auto& s : sockets) {
        BOOST_REQUIRE(s.is_open());
        const int fd = s.native_handle();
        BOOST_TEST(is_cloexec(fd));
        BOOST_TEST(is_nonblocking(fd) == M::nonblocking_handle);
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_TYPE) == C::type::value);
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_DOMAIN) == domain_of(ep));
        if constexpr (is_timeout_mode<M>)
            BOOST_TEST((s.timeout() == patience));
    }
}

using pair_combos = as_tuple<mp::mp_product<combo, mp::mp_list<on_abstract>, mp::mp_rename<pair_types, mp::mp_list>, all_modes>>;

BOOST_AUTO_TEST_CASE_TEMPLATE(socket_pair_is_connected_cloexec_and_in_its_mode, C, pair_combos)
{
    using M = typename C::mode;
    using T = typename C::type;
    auto [a, b] = tsock::socket_pair<T, M>(test_mode<M>());
    static_assert(std::is_same_v<decltype(a), basic_socket<tsock::local, T, M>>);
    for (const int fd : {a.native_handle(), b.native_handle()}) {
        BOOST_TEST(is_cloexec(fd));
        BOOST_TEST(is_nonblocking(fd) == M::nonblocking_handle);
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_TYPE) == T::value);
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_DOMAIN) == AF_UNIX);
    }
    BOOST_TEST(a.native_handle() != b.native_handle());
    // Both ends are unnamed, and each is the other's peer.
    BOOST_TEST(a.local_endpoint() == local_endpoint());
    BOOST_TEST(b.remote_endpoint() == local_endpoint());
    BOOST_TEST((a.local_endpoint().kind() == local_endpoint::kind_type::unnamed));

    send_bytes(a, "ping");
    BOOST_TEST(recv_bytes(b, 4) == "ping");
    send_bytes(b, "pong!");
    BOOST_TEST(recv_bytes(a, 5) == "pong!");

    std::error_code ec = make_error_code(std::errc::io_error);
    auto [c, d] = tsock::socket_pair<T, M>(test_mode<M>(), ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST((c.is_open() && d.is_open()));
}

// ---------------------------------------------------------------------------
// Datagrams

BOOST_AUTO_TEST_CASE_TEMPLATE(datagrams_keep_their_boundaries_and_name_their_sender, C, datagram_combos)
{
    using S = typename C::socket;
    const auto mode = test_mode<typename C::mode>();
    typename C::setup setup;
    const auto ep_a = setup.endpoint();
    const auto ep_b = setup.endpoint();
    auto a = S::open_for(ep_a, mode);
    auto b = S::open_for(ep_b, mode);
    a.bind(ep_a);
    b.bind(ep_b);
    const auto at_a = a.local_endpoint();
    const auto at_b = b.local_endpoint();
    BOOST_TEST(at_a != at_b);
    if constexpr (is_ip_setup<typename C::setup>) {
        BOOST_TEST(at_a.port() != 0);
        BOOST_TEST(domain_of(at_a) == domain_of(ep_a));
    } else {
        BOOST_TEST(at_a == ep_a); // the name round-trips through getsockname
        BOOST_TEST(at_b == ep_b);
    }

    // Three datagrams, one of them empty: three receives of their own sizes.
    send_datagram(a, "ab", at_b);
    send_datagram(a, "", at_b);
    send_datagram(a, "cde", at_b);
    for (const std::string_view expected : {"ab"sv, ""sv, "cde"sv}) {
        const auto [data, sender] = recv_datagram(b);
        BOOST_TEST(data == expected);
        BOOST_TEST(sender == at_a);
    }
    // A datagram larger than the buffer is an error (its head is in the
    // buffer, the rest is gone): 10 bytes into 4, through recv_from and recv.
    for (int via_recv = 0; via_recv != 2; ++via_recv) {
        send_datagram(b, "0123456789", at_a);
        send_datagram(b, "next", at_a);
        BOOST_REQUIRE(wait_for(a.native_handle(), POLLIN));
        std::array<char, 4> small{};
        std::error_code ec;
        bool failed = false;
        if (via_recv) {
            const auto r = a.recv(small, ec);
            if constexpr (C::mode::waits)
                failed = r == 0u;
            else
                failed = r.failed();
        } else {
            const auto r = a.recv_from(small, ec);
            if constexpr (C::mode::waits)
                failed = r.size == 0u;
            else
                failed = r.failed();
        }
        BOOST_TEST((ec == tsock::error::message_truncated), ec.message());
        BOOST_TEST(failed); // no size beside the error
        BOOST_TEST(std::string_view(small.data(), small.size()) == "0123");
        BOOST_TEST(recv_datagram(a).first == "next"); // the next datagram is whole
        send_datagram(b, "0123456789", at_a);           // and the throwing form throws
        BOOST_CHECK_EXCEPTION((void)recv_datagram(a, 4), std::system_error, has_code(tsock::error::message_truncated));
    }
}

// A message goes whole or fails: send's and send_to's counts on a message
// socket may be ignored (this file compiles with -Werror, so a
// [[nodiscard]] there would fail the build); a stream's send count may not
// (fewer bytes may go), which only a warning can say.
BOOST_AUTO_TEST_CASE(a_message_sockets_send_count_may_be_ignored)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    a.send(std::string_view("one"));
    std::error_code ec;
    a.send(std::string_view("two"), ec);
    BOOST_TEST(!ec);
    a.send(std::string_view("three"), tsock::send_flags::none, ec);
    BOOST_TEST(!ec);
    std::string buffer(16, '\0');
    for (const std::string_view want : {"one", "two", "three"}) {
        const std::size_t n = b.recv(buffer);
        BOOST_TEST(std::string_view(buffer).substr(0, n) == want);
    }
}

BOOST_AUTO_TEST_CASE(an_unbound_sender_is_unnamed_over_local_and_autobound_over_udp)
{
    auto receiver = tsock::unix_datagram_socket::open();
    const auto name = local_endpoint::abstract(unique_name("receiver"));
    receiver.bind(name);
    auto anonymous = tsock::unix_datagram_socket::open();
    BOOST_TEST(anonymous.send_to("hello"sv, name) == 5u);
    std::array<char, 16> buffer{};
    std::error_code ec;
    const auto r = receiver.recv_from(buffer, ec); // recvfrom(2) gives a length of 0 for an unbound sender
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(r.size == 5u);
    BOOST_TEST((r.sender.kind() == local_endpoint::kind_type::unnamed));
    BOOST_TEST(r.sender == local_endpoint());

    auto udp_receiver = tsock::udp_socket::open();
    udp_receiver.bind(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    auto udp_sender = tsock::udp_socket::open();
    BOOST_TEST(udp_sender.local_endpoint() == tsock::ipv4_endpoint()); // unbound: 0.0.0.0:0
    BOOST_TEST(udp_sender.send_to("x"sv, udp_receiver.local_endpoint()) == 1u);
    const auto u = udp_receiver.recv_from(buffer);
    BOOST_TEST(u.size == 1u);
    BOOST_TEST(u.sender.port() == udp_sender.local_endpoint().port()); // sendto bound it
    BOOST_TEST(u.sender.port() != 0);
}

using connected_datagram_combos =
    as_tuple<mp::mp_product<combo, mp::mp_list<on_ipv4, on_inet_v6, on_abstract>, mp::mp_list<datagram>, all_modes>>;

BOOST_AUTO_TEST_CASE_TEMPLATE(a_connected_datagram_socket_sends_and_receives_without_names, C, connected_datagram_combos)
{
    using S = typename C::socket;
    const auto mode = test_mode<typename C::mode>();
    typename C::setup setup;
    const auto ep_a = setup.endpoint();
    const auto ep_b = setup.endpoint();
    auto a = S::open_for(ep_a, mode);
    auto b = S::open_for(ep_b, mode);
    a.bind(ep_a);
    b.bind(ep_b);
    if constexpr (C::mode::waits) {
        a.connect(b.local_endpoint());
    } else {
        const auto status = a.connect(b.local_endpoint());
        BOOST_TEST((status == connect_status::connected)); // a datagram connect only names the peer
    }
    BOOST_TEST(a.remote_endpoint() == b.local_endpoint());
    send_bytes(a, "via send");
    const auto [data, sender] = recv_datagram(b);
    BOOST_TEST(data == "via send");
    BOOST_TEST(sender == a.local_endpoint());
    send_datagram(b, "via send_to", a.local_endpoint());
    BOOST_TEST(recv_once(a) == "via send_to");
}

BOOST_AUTO_TEST_CASE_TEMPLATE(seqpacket_keeps_message_boundaries, M, as_tuple<all_modes>)
{
    auto [a, b] = tsock::socket_pair<seqpacket, M>(test_mode<M>());
    send_bytes(a, "one");
    send_bytes(a, "three");
    send_bytes(a, "fifteen bytes!!");
    BOOST_TEST(recv_once(b, 64) == "one");
    BOOST_TEST(recv_once(b, 64) == "three");
    // A message longer than the buffer is an error, never passed as a whole
    // one: its head is in the buffer, the rest is dropped.
    std::array<char, 4> small{};
    std::error_code truncated;
    const auto n = b.recv(small, truncated);
    BOOST_TEST((truncated == tsock::error::message_truncated), truncated.message());
    if constexpr (M::waits)
        BOOST_TEST(n == 0u);
    else
        BOOST_TEST(n.failed());
    BOOST_TEST(std::string_view(small.data(), 4) == "fift");
    send_bytes(a, "four");
    BOOST_TEST(recv_once(b, 64) == "four");
}

// ---------------------------------------------------------------------------
// End of stream, half-close, reset, refusal

BOOST_AUTO_TEST_CASE_TEMPLATE(orderly_shutdown_reads_as_end_of_stream, C, connection_combos)
{
    typename C::setup setup;
    auto c = connect_pair<typename C::type>(setup, test_mode<typename C::mode>());
    send_bytes(c.server, "last words");
    c.server.shutdown(tsock::shutdown_type::send);
    BOOST_TEST(recv_bytes(c.client, 10) == "last words");
    BOOST_TEST(recv_once(c.client).empty()); // recv returns 0
    BOOST_TEST(recv_once(c.client).empty()); // and keeps doing so
}

BOOST_AUTO_TEST_CASE_TEMPLATE(after_a_half_close_the_peer_still_answers, C, connection_combos)
{
    typename C::setup setup;
    auto c = connect_pair<typename C::type>(setup, test_mode<typename C::mode>());
    send_bytes(c.client, "question");
    c.client.shutdown(tsock::shutdown_type::send);
    BOOST_TEST(recv_bytes(c.server, 8) == "question");
    BOOST_TEST(recv_once(c.server).empty()); // the client's end of stream
    send_bytes(c.server, "answer");          // the other direction is still open
    BOOST_TEST(recv_bytes(c.client, 6) == "answer");
    c.server.close();
    BOOST_TEST(recv_once(c.client).empty());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(recv_exact_reports_an_early_end_of_stream, C, stream_combos_in<waiting_modes>)
{
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<typename C::mode>());
    c.server.send_all("abc"sv);
    c.server.close();
    std::array<char, 10> buffer{};
    std::error_code ec;
    BOOST_TEST(c.client.recv_exact(buffer, ec) == 3u);
    BOOST_TEST((ec == tsock::error::end_of_stream), ec.message());
    BOOST_TEST(std::string_view(buffer.data(), 3) == "abc");
    BOOST_CHECK_EXCEPTION(c.client.recv_exact(buffer), std::system_error, has_code(tsock::error::end_of_stream));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_reset_by_the_peer_is_connection_reset, C, tcp_combos)
{
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<typename C::mode>());
    const ::linger abort{1, 0}; // close() sends RST
    BOOST_REQUIRE(::setsockopt(c.server.native_handle(), SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
    c.server.close();
    if constexpr (!C::mode::waits)
        BOOST_REQUIRE(wait_for(c.client.native_handle(), POLLIN));
    std::array<std::byte, 16> buffer{};
    std::error_code ec;
    (void)c.client.recv(buffer, ec);
    BOOST_TEST((ec == std::errc::connection_reset), ec.message());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(connecting_where_nobody_listens_is_refused, C, stream_combos_in<all_modes>)
{
    using S = typename C::socket;
    using M = typename C::mode;
    typename C::setup setup;
    const auto ep = closed_endpoint(setup);

    auto s = S::open_for(ep, test_mode<M>());
    std::error_code ec;
    if constexpr (!M::waits) {
        const auto status = s.connect(ep, ec);
        if (!ec) { // in progress: the outcome comes with POLLOUT, in SO_ERROR
            BOOST_TEST((status == connect_status::in_progress));
            BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
            ec = s.pending_error();
            BOOST_TEST(!s.pending_error()); // reading SO_ERROR cleared it
        } else {
            BOOST_TEST((status == connect_status::failed)); // never "connected" with an error
        }
    } else {
        s.connect(ep, ec); // returns nothing: there is no status to misread
    }
    BOOST_TEST((ec == std::errc::connection_refused), ec.message());

    if constexpr (M::waits) {
        BOOST_CHECK_EXCEPTION(S::connect_to(ep, test_mode<M>()), std::system_error, has_code(std::errc::connection_refused));
        auto t = S::open_for(ep, test_mode<M>());
        BOOST_CHECK_EXCEPTION(t.connect(ep), std::system_error, has_code(std::errc::connection_refused));
        ec.clear();
        const auto u = S::connect_to(ep, test_mode<M>(), ec);
        BOOST_TEST((ec == std::errc::connection_refused), ec.message());
        BOOST_TEST(!u.is_open()); // a failed connect_to keeps no descriptor

        // The exception names the call, then the error's own message.
        try {
            auto v = S::open_for(ep, test_mode<M>());
            v.connect(ep);
            BOOST_FAIL("connect did not throw");
        } catch (const std::system_error& e) {
            BOOST_TEST((e.code() == std::errc::connection_refused));
            BOOST_TEST(std::string(e.what()) == "tsock: connect: " + e.code().message());
        }
    }
}

BOOST_AUTO_TEST_CASE(connecting_to_a_missing_path_is_no_such_file)
{
    temp_dir dir;
    auto s = tsock::unix_stream_socket::open();
    std::error_code ec;
    s.connect(local_endpoint::path(dir.file("missing")), ec);
    BOOST_TEST((ec == std::errc::no_such_file_or_directory), ec.message());
    BOOST_TEST(dir.entries() == 0);
}

// ---------------------------------------------------------------------------
// Non-blocking: would-block is an empty optional, never an error

BOOST_AUTO_TEST_CASE_TEMPLATE(an_empty_non_blocking_socket_would_block, T, pair_types)
{
    auto [a, b] = tsock::socket_pair<T, non_blocking>();
    std::array<char, 8> buffer{};
    std::error_code ec = make_error_code(std::errc::io_error);
    const auto r = a.recv(buffer, ec);
    BOOST_TEST(!r.has_value());
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(r.would_block());
    tsock::if_ready<std::size_t> thrown_r = 1;
    BOOST_CHECK_NO_THROW(thrown_r = a.recv(buffer));
    BOOST_TEST(thrown_r.would_block());
    BOOST_TEST(a.available() == 0u);

    // Sending until the peer's queue is full would block as well.
    const std::string chunk(T::message_oriented ? 512 : 65536, 'x');
    bool would_block = false;
    for (int i = 0; i != 100000 && !would_block; ++i) {
        const auto n = b.send(chunk, ec);
        BOOST_REQUIRE_MESSAGE(!ec, ec.message());
        would_block = !n.has_value();
    }
    BOOST_TEST(would_block);
    BOOST_TEST(a.available() > 0u);
}

using v4_and_inet_v6 = std::tuple<on_ipv4, on_inet_v6>;

BOOST_AUTO_TEST_CASE_TEMPLATE(non_blocking_ip_sockets_would_block_too, Setup, v4_and_inet_v6)
{
    Setup setup;
    auto c = connect_pair<stream>(setup, non_blocking{});
    std::array<unsigned char, 8> buffer{};
    std::error_code ec = make_error_code(std::errc::io_error);
    BOOST_TEST(!c.client.recv(buffer, ec).has_value());
    BOOST_TEST(!ec, ec.message());

    using U = basic_socket<typename Setup::family, datagram, non_blocking>;
    auto u = U::open_for(setup.endpoint());
    u.bind(setup.endpoint());
    ec = make_error_code(std::errc::io_error);
    BOOST_TEST(!u.recv_from(buffer, ec).has_value());
    BOOST_TEST(!ec, ec.message());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_non_blocking_connect_completes_with_a_clear_pending_error, Setup, as_tuple<all_setups>)
{
    using family = typename Setup::family;
    Setup setup;
    auto l = tsock::basic_listener<family, stream>::listen_on(setup.endpoint());
    const auto ep = l.local_endpoint();
    auto s = basic_socket<family, stream, non_blocking>::open_for(ep);
    std::error_code ec = make_error_code(std::errc::io_error);
    const auto status = s.connect(ep, ec);
    BOOST_REQUIRE_MESSAGE(!ec, ec.message());
    BOOST_TEST((status == connect_status::in_progress || status == connect_status::connected));
    BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
    BOOST_TEST(!s.pending_error(), s.pending_error().message());
    BOOST_TEST(s.remote_endpoint() == ep);
    auto [server, peer] = l.accept();
    if constexpr (is_ip_setup<Setup>)
        BOOST_TEST(peer == s.local_endpoint());
    send_bytes(s, "done");
    BOOST_TEST(recv_bytes(server, 4) == "done");
}

// A local listener whose backlog is full: a non-blocking connect(2) fails
// with EAGAIN, which for AF_UNIX is not "in progress": nothing completes
// later. Whatever tsock reports, it must not be a connection that is not
// there.
using non_waiting_or_timeout = std::tuple<non_blocking, tsock::timeout>;

BOOST_AUTO_TEST_CASE_TEMPLATE(connecting_to_a_full_local_backlog_never_reports_a_phantom_connection, M,
                              non_waiting_or_timeout)
{
    const auto name = local_endpoint::abstract(unique_name("full"));
    auto l = tsock::unix_stream_listener::listen_on(name, 0);
    using S = basic_socket<tsock::local, stream, M>;
    std::vector<S> clients;
    int phantoms = 0;
    int refusals = 0;
    for (int i = 0; i != 4; ++i) {
        std::error_code ec;
        M mode = [] {
            if constexpr (is_timeout_mode<M>)
                return tsock::timeout{std::chrono::milliseconds(100)};
            else
                return M{};
        }();
        auto s = S::open_for(name, mode, ec);
        BOOST_REQUIRE(!ec);
        if constexpr (!M::waits) {
            const auto status = s.connect(name, ec);
            if (!ec && status == connect_status::in_progress) {
                BOOST_REQUIRE(wait_for(s.native_handle(), POLLOUT));
                ec = s.pending_error();
            }
        } else {
            s.connect(name, ec);
        }
        if (ec) {
            ++refusals;
            continue;
        }
        std::error_code peer_ec;
        s.remote_endpoint(peer_ec);
        if (peer_ec) // "connected", but getpeername says it is not
            ++phantoms;
        clients.push_back(std::move(s));
    }
    BOOST_TEST(phantoms == 0, phantoms << " connects reported success on an unconnected socket");
    BOOST_TEST(refusals > 0); // backlog 0 holds one or two; four cannot all fit
}

// ---------------------------------------------------------------------------
// The timeout mode

BOOST_AUTO_TEST_CASE_TEMPLATE(recv_times_out_on_a_silent_peer, T, pair_types)
{
    const auto limit = std::chrono::milliseconds(100);
    auto [a, b] = tsock::socket_pair<T, tsock::timeout>(tsock::timeout{limit});
    BOOST_TEST((a.timeout() == limit));
    std::array<char, 8> buffer{};
    std::error_code ec;
    std::size_t n = 99;
    const auto took = time_of([&] { n = a.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(n == 0u);
    BOOST_TEST(ms(took) >= 100); // not before the deadline
    BOOST_TEST(ms(took) < ms(patience));
    BOOST_CHECK_EXCEPTION((void)a.recv(buffer), std::system_error, has_code(tsock::error::timed_out));
    // What arrives later is received as usual.
    BOOST_TEST(b.send("late"sv) == 4u);
    BOOST_TEST(a.recv(buffer) == 4u);
}

using timeout_stream_combos = stream_combos_in<mp::mp_list<tsock::timeout>>;

BOOST_AUTO_TEST_CASE_TEMPLATE(tcp_and_local_recv_time_out_on_a_silent_peer, C, timeout_stream_combos)
{
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<tsock::timeout>());
    c.client.timeout(std::chrono::milliseconds(100));
    std::array<std::byte, 8> buffer{};
    std::error_code ec;
    const auto took = time_of([&] { (void)c.client.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 100);
    BOOST_TEST(ms(took) < ms(patience));
}

BOOST_AUTO_TEST_CASE(recv_from_times_out_on_a_silent_network)
{
    const auto limit = std::chrono::milliseconds(100);
    auto u = basic_socket<tsock::ipv6, datagram, tsock::timeout>::open(tsock::timeout{limit});
    u.bind(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0));
    std::array<char, 8> buffer{};
    std::error_code ec;
    const auto took = time_of([&] { (void)u.recv_from(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 100);
    BOOST_TEST(ms(took) < ms(patience));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(recv_exact_times_out_and_says_how_much_came, C, timeout_stream_combos)
{
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, tsock::timeout{std::chrono::milliseconds(100)});
    BOOST_TEST((c.server.timeout() == std::chrono::milliseconds(100)));
    c.client.send_all("abc"sv);
    std::array<char, 10> buffer{};
    std::error_code ec;
    std::size_t n = 0;
    const auto took = time_of([&] { n = c.server.recv_exact(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(n == 3u);
    BOOST_TEST(std::string_view(buffer.data(), 3) == "abc");
    BOOST_TEST(ms(took) >= 100);
    BOOST_TEST(ms(took) < ms(patience));
    BOOST_CHECK_EXCEPTION(c.server.recv_exact(buffer), std::system_error, has_code(tsock::error::timed_out));
}

using tcp_and_local_setups = std::tuple<on_ipv4, on_ipv6, on_abstract>;

BOOST_AUTO_TEST_CASE_TEMPLATE(send_all_times_out_into_a_peer_that_never_reads, Setup, tcp_and_local_setups)
{
    Setup setup;
    auto c = connect_pair<stream>(setup, test_mode<tsock::timeout>());
    shrink_buffers(c.client, c.server);
    const auto data = pattern(16u << 20); // far more than both buffers hold

    c.client.timeout(std::chrono::milliseconds(100));
    std::error_code ec;
    std::size_t sent = 0;
    const auto took = time_of([&] { sent = c.client.send_all(data, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(sent < data.size());
    BOOST_TEST(ms(took) >= 100);
    BOOST_TEST(ms(took) < ms(patience));

    // Exactly what send_all counted arrives, and nothing more.
    std::vector<std::byte> got(sent);
    c.server.recv_exact(got);
    BOOST_TEST(pattern_mismatch(got, 0) == got.size());
    c.server.timeout(std::chrono::milliseconds(50));
    std::array<std::byte, 1> more{};
    (void)c.server.recv(more, ec);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
}

BOOST_AUTO_TEST_CASE(changing_the_timeout_takes_effect_on_the_next_call)
{
    auto [a, b] = tsock::socket_pair<stream, tsock::timeout>(tsock::timeout{std::chrono::milliseconds(100)});
    std::array<char, 4> buffer{};
    std::error_code ec;

    a.timeout(std::chrono::milliseconds(300)); // longer: a call that still used 100 ms would return early
    BOOST_TEST((a.timeout() == std::chrono::milliseconds(300)));
    auto took = time_of([&] { (void)a.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 300);
    BOOST_TEST(ms(took) < ms(patience));

    a.timeout(std::chrono::milliseconds(20));
    took = time_of([&] { (void)a.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 20);
    BOOST_TEST(ms(took) < ms(patience));

    // Zero: data already there is taken; otherwise timed_out at once.
    a.timeout(std::chrono::nanoseconds(0));
    took = time_of([&] { (void)a.recv(buffer, ec); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) < ms(patience));
    b.send_all("now"sv);
    BOOST_TEST(a.recv(buffer, ec) == 3u);
    BOOST_TEST(!ec, ec.message());

    // The timeout moves with the socket.
    a.timeout(std::chrono::milliseconds(70));
    auto moved = std::move(a);
    BOOST_TEST((moved.timeout() == std::chrono::milliseconds(70)));
    tsock::basic_socket<tsock::local, stream, tsock::timeout> assigned;
    assigned = std::move(moved);
    BOOST_TEST((assigned.timeout() == std::chrono::milliseconds(70)));
}

// ---------------------------------------------------------------------------
// Bulk transfer through small buffers

using bulk_combos = as_tuple<mp::mp_product<combo, mp::mp_list<on_ipv4, on_abstract>, mp::mp_list<stream>, waiting_modes>>;

BOOST_AUTO_TEST_CASE_TEMPLATE(send_all_delivers_64_MiB_through_small_buffers, C, bulk_combos)
{
    using M = typename C::mode;
    constexpr std::size_t total = std::size_t(64) << 20;
    // One deadline for the whole send_all.
    const M mode = [] {
        if constexpr (is_timeout_mode<M>)
            return M{std::chrono::seconds(120)};
        else
            return M{};
    }();

    joining_thread reader; // joined after the client below is closed
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, mode);
    shrink_buffers(c.client, c.server); // a thousandth of the data, or less
    const auto data = pattern(total);

    struct {
        std::error_code ec;
        std::uint64_t received = 0;
        std::uint64_t first_bad = ~std::uint64_t(0);
        std::size_t after_end = 1;
    } seen;
    reader = joining_thread([server = std::move(c.server), &seen]() mutable {
        std::vector<std::byte> chunk(1000003); // odd size: chunks straddle the sender's
        while (seen.received != total) {
            const auto part = std::span(chunk).first(std::min<std::size_t>(chunk.size(), total - seen.received));
            const auto n = server.recv_exact(part, seen.ec);
            if (const auto bad = pattern_mismatch(std::span(part).first(n), seen.received);
                bad != n && seen.first_bad == ~std::uint64_t(0))
                seen.first_bad = seen.received + bad;
            seen.received += n;
            if (seen.ec)
                return;
        }
        seen.after_end = server.recv(chunk, seen.ec); // 0: the sender closed, nothing extra came
    });
    std::error_code ec;
    const auto sent = c.client.send_all(data, ec);
    c.client.close();
    reader.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(sent == total);
    BOOST_TEST(!seen.ec, seen.ec.message());
    BOOST_TEST(seen.received == total);
    BOOST_TEST(seen.first_bad == ~std::uint64_t(0), "first wrong byte at " << seen.first_bad);
    BOOST_TEST(seen.after_end == 0u);
}

// ---------------------------------------------------------------------------
// SIGPIPE

BOOST_AUTO_TEST_CASE_TEMPLATE(writing_to_a_closed_peer_fails_without_sigpipe, C, connection_combos)
{
    struct sigaction before {};
    BOOST_REQUIRE(::sigaction(SIGPIPE, nullptr, &before) == 0);
    BOOST_REQUIRE_MESSAGE(before.sa_handler == SIG_DFL, "SIGPIPE must kill, for this test to mean anything");

    typename C::setup setup;
    auto c = connect_pair<typename C::type>(setup, test_mode<typename C::mode>());
    c.server.close();
    std::error_code ec;
    const auto until = steady::now() + patience;
    for (int i = 0; i != 100000 && !ec && steady::now() < until; ++i) {
        if constexpr (!C::mode::waits)
            BOOST_REQUIRE(wait_for(c.client.native_handle(), POLLOUT));
        (void)c.client.send("x"sv, ec); // TCP: the first sends go, the peer answers with RST
    }
    BOOST_TEST((ec == std::errc::broken_pipe || ec == std::errc::connection_reset), ec.message());
    BOOST_CHECK_THROW((void)c.client.send("x"sv), std::system_error);

    if constexpr (C::mode::waits && !C::type::message_oriented) {
        auto d = connect_pair<stream>(setup, test_mode<typename C::mode>());
        d.server.close();
        const std::vector<char> data(1u << 20, 'y');
        BOOST_CHECK_EXCEPTION(d.client.send_all(data), std::system_error, [](const std::system_error& e) {
            return e.code() == std::errc::broken_pipe || e.code() == std::errc::connection_reset;
        });
    }

    struct sigaction after {};
    BOOST_REQUIRE(::sigaction(SIGPIPE, nullptr, &after) == 0);
    BOOST_TEST((after.sa_handler == SIG_DFL)); // tsock did not get there by ignoring SIGPIPE
}

// ---------------------------------------------------------------------------
// Owning the descriptor

BOOST_AUTO_TEST_CASE(moves_release_close_and_the_destructor_own_the_descriptor)
{
    // The destructor closes.
    int fd = -1;
    {
        auto s = tsock::udp_socket::open();
        fd = s.native_handle();
        BOOST_REQUIRE(is_open_fd(fd));
    }
    BOOST_TEST(!is_open_fd(fd)); // checked at once, before anything can reuse the number

    // A moved-from socket gives up its descriptor and closes nothing.
    auto [a, b] = tsock::socket_pair<stream>();
    const int fd_a = a.native_handle();
    tsock::unix_stream_socket target;
    {
        auto moved = std::move(a);
        BOOST_TEST(!a.is_open()); // NOLINT(bugprone-use-after-move): what a move leaves is the point
        BOOST_TEST(a.native_handle() == -1);
        BOOST_TEST(moved.native_handle() == fd_a);
        target = std::move(moved);
        BOOST_TEST(!moved.is_open()); // NOLINT(bugprone-use-after-move)
    }
    BOOST_TEST(is_open_fd(fd_a));
    BOOST_TEST(target.native_handle() == fd_a);
    target.send_all("still here"sv);
    std::array<char, 10> buffer{};
    b.recv_exact(buffer);
    BOOST_TEST(std::string_view(buffer.data(), buffer.size()) == "still here");

    // Move assignment closes what the target held.
    auto [c, d] = tsock::socket_pair<stream>();
    const int fd_c = c.native_handle();
    c = std::move(target);
    BOOST_TEST(!is_open_fd(fd_c));
    BOOST_TEST(c.native_handle() == fd_a);
    auto& alias = c;
    c = std::move(alias); // self-move keeps the descriptor
    BOOST_TEST(is_open_fd(fd_a));

    // release() hands the descriptor over: the socket forgets it.
    const int released = c.release();
    BOOST_TEST(released == fd_a);
    BOOST_TEST(!c.is_open());
    BOOST_TEST(is_open_fd(released));
    c = tsock::unix_stream_socket(); // destroying or replacing c must not close it
    BOOST_TEST(is_open_fd(released));
    BOOST_TEST(::close(released) == 0);

    // close() closes once; again, it is a no-op.
    const int fd_d = d.native_handle();
    std::error_code ec = make_error_code(std::errc::io_error);
    d.close(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(!d.is_open());
    BOOST_TEST(!is_open_fd(fd_d));
    ec = make_error_code(std::errc::io_error);
    d.close(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_CHECK_NO_THROW(d.close());
}

// ---------------------------------------------------------------------------
// Signals: EINTR never surfaces from a waiting call

BOOST_AUTO_TEST_CASE_TEMPLATE(a_signal_storm_does_not_interrupt_recv_exact, C, bulk_combos)
{
    sigusr1_without_restart handler;
    joining_thread storm; // joined before the sockets below close
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<typename C::mode>());
    const std::string message = "after the storm";
    std::error_code peer_ec;
    storm = signal_storm(::pthread_self(), 150, [peer = std::move(c.server), &message, &peer_ec]() mutable {
        peer.send_all(message, peer_ec);
    });
    std::string got(message.size(), '\0');
    std::error_code ec;
    const auto n = c.client.recv_exact(got, ec);
    storm.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(n == message.size());
    BOOST_TEST(got == message);
    BOOST_TEST(!peer_ec, peer_ec.message());
    BOOST_TEST(handler.count() > 0);
}

using storm_send_combos = as_tuple<mp::mp_product<combo, mp::mp_list<on_ipv6, on_abstract>, mp::mp_list<stream>, waiting_modes>>;

BOOST_AUTO_TEST_CASE_TEMPLATE(a_signal_storm_does_not_interrupt_send_all, C, storm_send_combos)
{
    sigusr1_without_restart handler;
    joining_thread storm;
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<typename C::mode>());
    shrink_buffers(c.client, c.server);
    const auto data = pattern(2u << 20); // more than the buffers: send_all waits for the reader
    struct {
        std::error_code ec;
        std::size_t mismatch = 0;
    } seen;
    storm = signal_storm(::pthread_self(), 150, [peer = std::move(c.server), &seen, size = data.size()]() mutable {
        std::vector<std::byte> got(size);
        peer.recv_exact(got, seen.ec);
        seen.mismatch = pattern_mismatch(got, 0);
    });
    std::error_code ec;
    const auto sent = c.client.send_all(data, ec);
    c.client.close();
    storm.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(sent == data.size());
    BOOST_TEST(!seen.ec, seen.ec.message());
    BOOST_TEST(seen.mismatch == data.size());
    BOOST_TEST(handler.count() > 0);
}

// ---------------------------------------------------------------------------
// Local names

BOOST_AUTO_TEST_CASE(abstract_names_may_hold_nul_bytes)
{
    const std::string base = unique_name("nul");
    const auto with_x = local_endpoint::abstract(base + std::string("\0x", 2));
    const auto with_y = local_endpoint::abstract(base + std::string("\0y", 2)); // differs after the NUL only
    const auto prefix = local_endpoint::abstract(base);                         // the bytes before the NUL
    auto a = tsock::unix_datagram_socket::open();
    auto b = tsock::unix_datagram_socket::open();
    auto c = tsock::unix_datagram_socket::open();
    a.bind(with_x);
    b.bind(with_y);
    c.bind(prefix);
    BOOST_TEST(a.local_endpoint() == with_x);
    BOOST_TEST(a.local_endpoint().name().size() == base.size() + 2);
    BOOST_TEST((a.local_endpoint().kind() == local_endpoint::kind_type::abstract));
    BOOST_TEST(b.local_endpoint() == with_y);
    BOOST_TEST(c.local_endpoint() == prefix);

    std::array<char, 16> buffer{};
    BOOST_TEST(a.send_to("a to b"sv, with_y) == 6u);
    auto r = b.recv_from(buffer);
    BOOST_TEST(std::string_view(buffer.data(), r.size) == "a to b");
    BOOST_TEST(r.sender == with_x);
    BOOST_TEST(b.send_to("b to c"sv, prefix) == 6u);
    r = c.recv_from(buffer);
    BOOST_TEST(std::string_view(buffer.data(), r.size) == "b to c");
    BOOST_TEST(r.sender == with_y);
    BOOST_TEST(c.send_to("c to a"sv, with_x) == 6u);
    r = a.recv_from(buffer);
    BOOST_TEST(std::string_view(buffer.data(), r.size) == "c to a");
    BOOST_TEST(r.sender == prefix);

    // A name is taken until its socket closes.
    auto d = tsock::unix_datagram_socket::open();
    std::error_code ec;
    d.bind(with_x, ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    a.close();
    d.bind(with_x, ec);
    BOOST_TEST(!ec, ec.message());

    // The longest abstract name round-trips; one byte more is refused.
    std::string longest = unique_name("long");
    longest.resize(local_endpoint::max_abstract_length, '\0');
    const auto longest_ep = local_endpoint::abstract(longest);
    auto e = tsock::unix_datagram_socket::open();
    e.bind(longest_ep);
    BOOST_TEST(e.local_endpoint() == longest_ep);
    BOOST_TEST(e.local_endpoint().name().size() == local_endpoint::max_abstract_length);
    const auto too_long = local_endpoint::abstract(longest + "!", ec);
    BOOST_TEST((ec == tsock::error::address_too_long), ec.message());
    BOOST_TEST(too_long == local_endpoint());
}

BOOST_AUTO_TEST_CASE(a_filesystem_name_is_a_socket_file_until_unlinked)
{
    temp_dir dir;
    const std::string path = dir.file("dgram");
    const auto ep = local_endpoint::path(path);
    {
        auto s = tsock::unix_datagram_socket::open();
        s.bind(ep);
        struct stat st {};
        BOOST_REQUIRE(::stat(path.c_str(), &st) == 0);
        BOOST_TEST(S_ISSOCK(st.st_mode));
        BOOST_TEST(s.local_endpoint() == ep);
        BOOST_TEST((s.local_endpoint().kind() == local_endpoint::kind_type::path));

        auto sender = tsock::unix_datagram_socket::open();
        sender.bind(local_endpoint::path(dir.file("sender")));
        BOOST_TEST(sender.send_to("by path"sv, ep) == 7u);
        std::array<char, 16> buffer{};
        const auto r = s.recv_from(buffer);
        BOOST_TEST(std::string_view(buffer.data(), r.size) == "by path");
        BOOST_TEST(r.sender == local_endpoint::path(dir.file("sender")));

        // The name stays taken while the file exists.
        auto again = tsock::unix_datagram_socket::open();
        std::error_code ec;
        again.bind(ep, ec);
        BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    }
    // Closing does not remove the file: that is the owner's job.
    BOOST_TEST(dir.entries() == 2);
    BOOST_TEST(::unlink(path.c_str()) == 0);
    BOOST_TEST(::unlink(dir.file("sender").c_str()) == 0);
    BOOST_TEST(dir.entries() == 0);
    BOOST_TEST(dir.remove());
}

BOOST_AUTO_TEST_CASE(the_longest_path_fits_and_a_longer_one_is_refused)
{
    temp_dir dir;
    // 107 bytes: sun_path (108) holds it and its NUL.
    const std::string longest = dir.file(std::string(local_endpoint::max_path_length - dir.path().size() - 1, 'p'));
    BOOST_REQUIRE_EQUAL(longest.size(), local_endpoint::max_path_length);
    {
        auto s = tsock::unix_datagram_socket::open();
        s.bind(local_endpoint::path(longest));
        BOOST_TEST(s.local_endpoint() == local_endpoint::path(longest));
    }
    BOOST_TEST(::unlink(longest.c_str()) == 0);

    for (const std::size_t size : {local_endpoint::max_path_length + 1, std::size_t(200)}) {
        const std::string path = dir.file(std::string(size - dir.path().size() - 1, 'q'));
        BOOST_REQUIRE_EQUAL(path.size(), size);
        std::error_code ec;
        const auto ep = local_endpoint::path(path, ec);
        BOOST_TEST((ec == tsock::error::address_too_long), ec.message());
        BOOST_TEST(ep == local_endpoint());
        BOOST_CHECK_EXCEPTION(local_endpoint::path(path), std::system_error, has_code(tsock::error::address_too_long));
    }
    BOOST_TEST(dir.entries() == 0); // nothing was created
    BOOST_TEST(dir.remove());
}

// ---------------------------------------------------------------------------
// adopt()

BOOST_AUTO_TEST_CASE(adopt_checks_the_type_and_family_and_leaves_a_mismatch_to_the_caller)
{
    std::error_code ec;

    const int dgram = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(dgram >= 0);
    auto s = tsock::tcp_socket::adopt(dgram, ec);
    BOOST_TEST((ec == tsock::error::type_mismatch), ec.message());
    BOOST_TEST(!s.is_open());
    BOOST_CHECK_EXCEPTION(tsock::tcp_socket::adopt(dgram), std::system_error, has_code(tsock::error::type_mismatch));
    BOOST_TEST(is_open_fd(dgram)); // still the caller's
    BOOST_TEST(::close(dgram) == 0);

    const int v6 = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(v6 >= 0);
    s = tsock::tcp_socket::adopt(v6, ec);
    BOOST_TEST((ec == tsock::error::family_mismatch), ec.message());
    BOOST_TEST(!s.is_open());
    BOOST_CHECK_EXCEPTION(tsock::tcp_socket::adopt(v6), std::system_error, has_code(tsock::error::family_mismatch));
    BOOST_TEST(is_open_fd(v6));

    const int seq = ::socket(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(seq >= 0);
    auto u = tsock::unix_stream_socket::adopt(seq, ec);
    BOOST_TEST((ec == tsock::error::type_mismatch), ec.message());
    BOOST_TEST(is_open_fd(seq));
    const int unix_stream = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(unix_stream >= 0);
    auto inet = basic_socket<tsock::inet, stream>::adopt(unix_stream, ec);
    BOOST_TEST((ec == tsock::error::family_mismatch), ec.message());
    BOOST_TEST(!inet.is_open());
    BOOST_TEST(::close(seq) == 0);
    BOOST_TEST(::close(unix_stream) == 0);

    // Not a socket, or no descriptor at all: the system's answer.
    int pipe_fds[2];
    BOOST_REQUIRE(::pipe2(pipe_fds, O_CLOEXEC) == 0);
    s = tsock::tcp_socket::adopt(pipe_fds[0], ec);
    BOOST_TEST((ec == std::errc::not_a_socket), ec.message());
    BOOST_TEST(::close(pipe_fds[0]) == 0);
    BOOST_TEST(::close(pipe_fds[1]) == 0);
    s = tsock::tcp_socket::adopt(-1, ec);
    BOOST_TEST((ec == std::errc::bad_file_descriptor), ec.message());

    // inet takes either IP family; the IPv6 one is the v6 stream socket above.
    auto either = basic_socket<tsock::inet, stream>::adopt(v6, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(either.native_handle() == v6);
    const int v4 = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(v4 >= 0);
    auto either4 = basic_socket<tsock::inet, stream>::adopt(v4);
    BOOST_TEST(either4.native_handle() == v4);
    BOOST_TEST(either4.local_endpoint().is_v4());

    // A matching descriptor is adopted and works (and is closed by its new owner).
    auto l = tsock::tcp_listener::listen_on(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(fd >= 0);
    {
        auto adopted = tsock::tcp_socket::adopt(fd);
        BOOST_TEST(adopted.native_handle() == fd);
        adopted.connect(l.local_endpoint());
        auto [server, peer] = l.accept();
        BOOST_TEST(peer == adopted.local_endpoint());
        adopted.send_all("adopted"sv);
        std::array<char, 7> buffer{};
        server.recv_exact(buffer);
        BOOST_TEST(std::string_view(buffer.data(), buffer.size()) == "adopted");
    }
    BOOST_TEST(!is_open_fd(fd));

    // A non-blocking descriptor for a non_blocking socket.
    const int nb = ::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    BOOST_REQUIRE(nb >= 0);
    auto adopted_nb = basic_socket<tsock::ipv6, datagram, non_blocking>::adopt(nb);
    std::array<char, 4> buffer{};
    BOOST_TEST(!adopted_nb.recv(buffer).has_value());
}

// ---------------------------------------------------------------------------
// Buffers, flags, names of a connection

BOOST_AUTO_TEST_CASE(every_contiguous_byte_range_is_a_buffer)
{
    auto [a, b] = tsock::socket_pair<seqpacket>(); // one message per recv: sizes are exact

    const std::string text = "string";
    BOOST_TEST(a.send(text) == 6u);
    std::string into_string(16, '\0');
    BOOST_TEST(b.recv(into_string) == 6u);
    BOOST_TEST(into_string.substr(0, 6) == "string");

    BOOST_TEST(a.send("string_view"sv) == 11u);
    std::vector<char> into_chars(16);
    BOOST_TEST(b.recv(into_chars) == 11u);
    BOOST_TEST(std::string_view(into_chars.data(), 11) == "string_view");

    const std::vector<char> chars = {'v', 'e', 'c'};
    BOOST_TEST(a.send(chars) == 3u);
    std::vector<unsigned char> into_uchars(16);
    BOOST_TEST(b.recv(into_uchars) == 3u);
    BOOST_TEST((into_uchars[0] == 'v' && into_uchars[1] == 'e' && into_uchars[2] == 'c'));

    const std::vector<unsigned char> uchars = {0x00, 0xff, 0x80};
    BOOST_TEST(a.send(uchars) == 3u);
    std::array<std::byte, 16> into_bytes{};
    BOOST_TEST(b.recv(into_bytes) == 3u);
    BOOST_TEST((into_bytes[0] == std::byte{0x00} && into_bytes[1] == std::byte{0xff} && into_bytes[2] == std::byte{0x80}));

    const std::array<std::byte, 4> bytes = {std::byte{1}, std::byte{2}, std::byte{3}, std::byte{4}};
    BOOST_TEST(a.send(bytes) == 4u);
    std::array<std::byte, 16> storage{};
    BOOST_TEST(b.recv(std::span<std::byte>(storage).subspan(2, 8)) == 4u); // a span, passed as a temporary
    BOOST_TEST((storage[1] == std::byte{0} && storage[2] == std::byte{1} && storage[5] == std::byte{4}));

    BOOST_TEST(a.send(std::span<const std::byte>(bytes).first(2)) == 2u);
    char into_array[16] = {};
    BOOST_TEST(b.recv(into_array) == 2u);
    BOOST_TEST((into_array[0] == 1 && into_array[1] == 2));

    const std::u8string utf8 = u8"h\u00e9";
    BOOST_TEST(a.send(utf8) == 3u);
    BOOST_TEST(b.recv(into_array) == 3u);
    BOOST_TEST(std::memcmp(into_array, utf8.data(), 3) == 0);

    // The send_all / recv_exact side of a stream takes the same ranges.
    auto [s, t] = tsock::socket_pair<stream>();
    s.send_all(text);
    s.send_all(std::span<const std::byte>(bytes));
    std::string six(6, '\0');
    t.recv_exact(six);
    BOOST_TEST(six == "string");
    std::array<std::byte, 4> four{};
    t.recv_exact(std::span<std::byte>(four));
    BOOST_TEST((four == bytes));
}

BOOST_AUTO_TEST_CASE(peek_and_available_leave_the_data_queued)
{
    auto [a, b] = tsock::socket_pair<stream>();
    BOOST_TEST(b.available() == 0u);
    a.send_all("queued"sv);
    BOOST_TEST(b.available() == 6u);
    std::array<char, 6> buffer{};
    BOOST_TEST(b.recv(buffer, tsock::recv_flags::peek) == 6u);
    BOOST_TEST(std::string_view(buffer.data(), 6) == "queued");
    BOOST_TEST(b.available() == 6u);
    buffer = {};
    BOOST_TEST(b.recv(buffer, tsock::recv_flags::wait_all) == 6u);
    BOOST_TEST(std::string_view(buffer.data(), 6) == "queued");
    BOOST_TEST(b.available() == 0u);
}

BOOST_AUTO_TEST_CASE(an_unconnected_socket_has_no_remote_endpoint)
{
    auto s = tsock::tcp6_socket::open();
    std::error_code ec;
    s.remote_endpoint(ec);
    BOOST_TEST((ec == std::errc::not_connected), ec.message());
    BOOST_CHECK_EXCEPTION(s.remote_endpoint(), std::system_error, has_code(std::errc::not_connected));
    BOOST_TEST(s.local_endpoint() == tsock::ipv6_endpoint()); // unbound: [::]:0
    const tsock::tcp_socket closed;
    closed.local_endpoint(ec);
    BOOST_TEST((ec == std::errc::bad_file_descriptor), ec.message());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(both_ends_of_a_connection_name_each_other, C, tcp_combos)
{
    typename C::setup setup;
    auto c = connect_pair<stream>(setup, test_mode<typename C::mode>());
    BOOST_TEST(c.client.remote_endpoint() == c.listener.local_endpoint());
    BOOST_TEST(c.server.local_endpoint() == c.listener.local_endpoint());
    BOOST_TEST(c.server.remote_endpoint() == c.client.local_endpoint());
    BOOST_TEST(c.peer == c.client.local_endpoint());
    BOOST_TEST(c.client.local_endpoint().port() != c.listener.local_endpoint().port());
}

// ---------------------------------------------------------------------------
// The largest timeout

// Python's settimeout(None) is blocking; the nearest here is the largest
// duration. A call must wait (here: for a reader), not fail at once, nor
// overflow computing now() + timeout. Last in the file: an overflow stops
// the program under UBSan.
BOOST_AUTO_TEST_CASE(the_largest_timeout_waits_instead_of_failing_at_once)
{
    joining_thread reader;
    auto [a, b] = tsock::socket_pair<stream, tsock::timeout>(tsock::timeout{std::chrono::nanoseconds::max()});
    b.timeout(patience);
    set_int_option(a.native_handle(), SOL_SOCKET, SO_SNDBUF, 4096);
    const auto data = pattern(4u << 20);
    struct {
        std::error_code ec;
        std::size_t mismatch = 0;
    } seen;
    reader = joining_thread([peer = std::move(b), &seen, size = data.size()]() mutable {
        std::vector<std::byte> got(size);
        peer.recv_exact(got, seen.ec);
        seen.mismatch = pattern_mismatch(got, 0);
    });
    std::error_code ec;
    const auto sent = a.send_all(data, ec); // more than the buffers hold: it has to wait
    a.close();                              // a reader still waiting sees the end of the stream
    reader.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(sent == data.size());
    BOOST_TEST(!seen.ec, seen.ec.message());
    BOOST_TEST(seen.mismatch == data.size());
}
