// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_listener.hpp>

#define BOOST_TEST_MODULE basic_listener
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"
#include "support/socket_support.hpp"

#include <boost/mp11/algorithm.hpp>
#include <boost/mp11/list.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <optional>
#include <set>
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
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

// Listeners on loopback (port 0), abstract names unique to this process and
// paths in a private temporary directory; every wait is bounded and nothing
// sleeps to synchronise. Expected values come from listen(2), accept(2),
// tcp(7) and unix(7).

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;
namespace mp = boost::mp11;

using tsock::basic_listener;
using tsock::basic_socket;
using tsock::blocking;
using tsock::local_endpoint;
using tsock::non_blocking;
using tsock::seqpacket;
using tsock::stream;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

// Every kind of listener (IP streams, local streams and seqpackets) in one mode.
template <class Mode>
using listener_kinds_in =
    as_tuple<mp::mp_append<mp::mp_product<combo, all_setups, mp::mp_list<stream>, mp::mp_list<Mode>>,
                           mp::mp_product<combo, local_setups, mp::mp_list<seqpacket>, mp::mp_list<Mode>>>>;
using non_blocking_listeners = listener_kinds_in<non_blocking>;
using timeout_listeners = listener_kinds_in<tsock::timeout>;

template <class C>
using listener_of = basic_listener<typename C::family, typename C::type, typename C::mode>;

using storm_combos = as_tuple<mp::mp_product<combo, mp::mp_list<on_ipv4, on_abstract>, mp::mp_list<stream>, waiting_modes>>;
using ip_stream_setups = std::tuple<on_ipv4, on_ipv6, on_inet_v4, on_inet_v6>;
using v4_and_v6 = std::tuple<on_ipv4, on_ipv6>;
using connected_types = std::tuple<stream, seqpacket>;

} // namespace

// ---------------------------------------------------------------------------
// Compile-time shape

BOOST_AUTO_TEST_CASE(a_listener_is_its_handle_move_only_and_accepts_its_own_socket_type)
{
    mp::mp_for_each<connection_combos>([](auto c) {
        using C = decltype(c);
        using L = basic_listener<typename C::family, typename C::type, typename C::mode>;
        if constexpr (!is_timeout_mode<typename C::mode>)
            static_assert(sizeof(L) == sizeof(int), "blocking and non_blocking listeners are their descriptor");
        static_assert(!std::is_copy_constructible_v<L> && !std::is_copy_assignable_v<L>);
        static_assert(std::is_nothrow_move_constructible_v<L> && std::is_nothrow_move_assignable_v<L>);
        static_assert(std::is_same_v<typename L::socket, typename C::socket>, "accept gives the listener's mode");
        if constexpr (C::mode::waits)
            static_assert(std::is_same_v<typename L::accept_result, tsock::accepted<typename C::socket>>);
        else
            static_assert(std::is_same_v<typename L::accept_result, tsock::if_ready<tsock::accepted<typename C::socket>>>);
    });
    static_assert(std::is_same_v<tsock::tcp6_listener, basic_listener<tsock::ipv6, stream, blocking>>);
    static_assert(std::is_same_v<tsock::unix_seqpacket_listener, basic_listener<tsock::local, seqpacket, blocking>>);
    const tsock::tcp_listener unopened;
    BOOST_TEST(!unopened.is_open());
}

// ---------------------------------------------------------------------------
// Connect, accept, echo: every family, type and mode

BOOST_AUTO_TEST_CASE_TEMPLATE(connect_accept_and_echo, C, connection_combos)
{
    using M = typename C::mode;
    typename C::setup setup;
    auto c = connect_pair<typename C::type>(setup, test_mode<M>());
    static_assert(std::is_same_v<decltype(c.server), typename C::socket>);

    // Every descriptor is CLOEXEC, non-blocking exactly when the mode says.
    for (const int fd : {c.listener.native_handle(), c.client.native_handle(), c.server.native_handle()}) {
        BOOST_TEST(is_cloexec(fd));
        BOOST_TEST(is_nonblocking(fd) == M::nonblocking_handle);
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_TYPE) == C::type::value);
    }
    BOOST_TEST(int_option(c.listener.native_handle(), SOL_SOCKET, SO_ACCEPTCONN) == 1);
    BOOST_TEST(int_option(c.server.native_handle(), SOL_SOCKET, SO_ACCEPTCONN) == 0);
    if constexpr (is_timeout_mode<M>)
        BOOST_TEST((c.server.timeout() == c.listener.timeout()));

    // Names: the client's peer is the listener; accept names the client.
    const auto listening = c.listener.local_endpoint();
    BOOST_TEST(c.client.remote_endpoint() == listening);
    BOOST_TEST(c.server.local_endpoint() == listening);
    BOOST_TEST(c.server.remote_endpoint() == c.peer);
    BOOST_TEST(c.peer == c.client.local_endpoint()); // for local: both unnamed
    if constexpr (is_ip_setup<typename C::setup>)
        BOOST_TEST(listening.port() != 0);
    else
        BOOST_TEST((c.peer.kind() == local_endpoint::kind_type::unnamed));

    // Echo: each message comes back; message types keep the boundaries.
    const std::string_view messages[] = {"a", "two", std::string_view("with\0nul", 8), "the last message"};
    for (const auto m : messages)
        send_bytes(c.client, m);
    for (const auto m : messages) {
        const auto got = C::type::message_oriented ? recv_once(c.server, 64) : recv_bytes(c.server, m.size());
        BOOST_TEST(got == m);
        send_bytes(c.server, got);
    }
    for (const auto m : messages)
        BOOST_TEST((C::type::message_oriented ? recv_once(c.client, 64) : recv_bytes(c.client, m.size())) == m);

    // A second client gets a connection of its own.
    auto second = connect_one<typename C::socket>(listening, test_mode<M>());
    auto accepted = accept_one(c.listener);
    send_bytes(second, "second");
    BOOST_TEST(recv_bytes(accepted.socket, 6) == "second");
    if constexpr (is_ip_setup<typename C::setup>)
        BOOST_TEST(accepted.peer != c.peer);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(connections_are_accepted_in_the_order_they_came, Setup, ip_stream_setups)
{
    using family = typename Setup::family;
    Setup setup;
    auto l = basic_listener<family, stream>::listen_on(setup.endpoint());
    std::vector<basic_socket<family, stream>> clients;
    for (int i = 0; i != 3; ++i)
        clients.push_back(basic_socket<family, stream>::connect_to(l.local_endpoint()));
    for (auto& client : clients) {
        auto [server, peer] = l.accept();
        BOOST_TEST(peer == client.local_endpoint());
        client.send_all(client.local_endpoint().to_string());
        const auto expected = client.local_endpoint().to_string();
        std::string got(expected.size(), '\0');
        server.recv_exact(got);
        BOOST_TEST(got == expected);
    }
}

BOOST_AUTO_TEST_CASE(accepted_sockets_take_the_listener_s_current_timeout)
{
    auto l = basic_listener<tsock::ipv4, stream, tsock::timeout>::listen_on(
        tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0), SOMAXCONN, tsock::timeout{250ms});
    BOOST_TEST((l.timeout() == 250ms));
    auto a = basic_socket<tsock::ipv4, stream, tsock::timeout>::connect_to(l.local_endpoint(), tsock::timeout{patience});
    BOOST_TEST((l.accept().socket.timeout() == 250ms));
    l.timeout(std::chrono::seconds(7));
    auto b = basic_socket<tsock::ipv4, stream, tsock::timeout>::connect_to(l.local_endpoint(), tsock::timeout{patience});
    const auto second = l.accept();
    BOOST_TEST((second.socket.timeout() == std::chrono::seconds(7)));
    BOOST_TEST((a.timeout() == patience)); // the client's own, untouched
}

// ---------------------------------------------------------------------------
// Accepting with nothing pending

BOOST_AUTO_TEST_CASE_TEMPLATE(a_non_blocking_accept_with_nothing_pending_is_empty, C, non_blocking_listeners)
{
    typename C::setup setup;
    auto l = listener_of<C>::listen_on(setup.endpoint());
    std::error_code ec = make_error_code(std::errc::io_error);
    auto a = l.accept(ec);
    BOOST_TEST(!a.has_value());
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(a.would_block());
    bool blocked = false;
    BOOST_CHECK_NO_THROW(blocked = l.accept().would_block());
    BOOST_TEST(blocked);

    // Once a client connects, POLLIN, and accept has it.
    auto client = connect_one<typename C::socket>(l.local_endpoint(), non_blocking{});
    BOOST_REQUIRE(wait_for(l.native_handle(), POLLIN));
    auto c = l.accept(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_REQUIRE(c.has_value());
    BOOST_TEST(c->socket.is_open());
    BOOST_TEST(is_nonblocking(c->socket.native_handle()));
    BOOST_TEST(!l.accept(ec).has_value()); // and the queue is empty again
}

BOOST_AUTO_TEST_CASE_TEMPLATE(accept_times_out_when_nobody_connects, C, timeout_listeners)
{
    typename C::setup setup;
    auto l = listener_of<C>::listen_on(setup.endpoint(), SOMAXCONN, tsock::timeout{100ms});
    std::error_code ec;
    std::optional<tsock::accepted<typename listener_of<C>::socket>> a;
    auto took = time_of([&] { a.emplace(l.accept(ec)); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(!a->socket.is_open());
    BOOST_TEST(ms(took) >= 100);
    BOOST_TEST(ms(took) < ms(patience));
    BOOST_CHECK_EXCEPTION((void)l.accept(), std::system_error, has_code(tsock::error::timed_out));

    // A longer timeout set now is the one the next accept waits for.
    l.timeout(200ms);
    took = time_of([&] { a.emplace(l.accept(ec)); });
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 200);
    BOOST_TEST(ms(took) < ms(patience));

    // A connection that is waiting is taken at once.
    auto client = C::socket::connect_to(l.local_endpoint(), tsock::timeout{patience});
    a.emplace(l.accept(ec));
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(a->socket.is_open());
}

// A TCP listener with a backlog of 0 takes one connection; further SYNs are
// dropped, so a connect in the timeout mode meets its deadline.
BOOST_AUTO_TEST_CASE_TEMPLATE(connect_times_out_against_a_full_tcp_backlog, Setup, v4_and_v6)
{
    using S = basic_socket<typename Setup::family, stream, tsock::timeout>;
    Setup setup;
    auto l = basic_listener<typename Setup::family, stream>::listen_on(setup.endpoint(), 0);
    std::vector<S> clients;
    std::error_code ec;
    tsock_test::steady::duration took{};
    for (int i = 0; i != 8 && ec != tsock::error::timed_out; ++i) {
        took = time_of([&] { clients.push_back(S::connect_to(l.local_endpoint(), tsock::timeout{200ms}, ec)); });
        if (ec) {
            BOOST_TEST(!clients.back().is_open()); // a failed connect_to keeps no descriptor
        }
    }
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(ms(took) >= 200);
    BOOST_TEST(ms(took) < ms(patience));
}

// ---------------------------------------------------------------------------
// Binding errors

BOOST_AUTO_TEST_CASE_TEMPLATE(two_listeners_on_one_name_is_address_in_use, Setup, as_tuple<all_setups>)
{
    using L = basic_listener<typename Setup::family, stream>;
    Setup setup;
    auto first = L::listen_on(setup.endpoint());
    const auto taken = first.local_endpoint(); // for IP, an explicit port now
    std::error_code ec;
    auto second = L::listen_on(taken, ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    BOOST_TEST(!second.is_open());
    BOOST_CHECK_EXCEPTION(L::listen_on(taken), std::system_error, has_code(std::errc::address_in_use));
    // The failed attempts took nothing: the first still accepts.
    auto client = basic_socket<typename Setup::family, stream>::connect_to(taken);
    auto [server, peer] = first.accept();
    client.send_all("ok"sv);
    std::array<char, 2> buffer{};
    server.recv_exact(buffer);
    BOOST_TEST(std::string_view(buffer.data(), 2) == "ok");
}

// SO_REUSEADDR (set by listen_on, as Python's create_server does): a
// restarted server binds its port while the old connection is in TIME_WAIT.
BOOST_AUTO_TEST_CASE_TEMPLATE(a_restarted_ip_listener_binds_past_time_wait, Setup, v4_and_v6)
{
    using L = basic_listener<typename Setup::family, stream>;
    Setup setup;
    auto first = L::listen_on(setup.endpoint());
    const auto port = first.local_endpoint();
    {
        auto client = basic_socket<typename Setup::family, stream>::connect_to(port);
        auto [server, peer] = first.accept();
        server.close(); // the server closes first: its side goes to TIME_WAIT
        std::array<char, 1> buffer{};
        BOOST_TEST(client.recv(buffer) == 0u);
    }
    first.close();
    std::error_code ec;
    auto again = L::listen_on(port, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(again.local_endpoint() == port);
}

BOOST_AUTO_TEST_CASE(listening_on_an_address_of_another_host_fails)
{
    std::error_code ec;
    // 192.0.2.1 is TEST-NET-1 (RFC 5737): no interface here has it.
    auto l = tsock::tcp_listener::listen_on(tsock::ipv4_endpoint(tsock::address_v4({192, 0, 2, 1}), 0), ec);
    BOOST_TEST((ec == std::errc::address_not_available), ec.message());
    BOOST_TEST(!l.is_open());
}

// ---------------------------------------------------------------------------
// Filesystem names

BOOST_AUTO_TEST_CASE_TEMPLATE(a_filesystem_listener_makes_a_socket_file_that_its_owner_removes, T, connected_types)
{
    temp_dir dir;
    const std::string path = dir.file("listener");
    const auto ep = local_endpoint::path(path);
    {
        auto l = basic_listener<tsock::local, T>::listen_on(ep);
        struct stat st {};
        BOOST_REQUIRE(::stat(path.c_str(), &st) == 0);
        BOOST_TEST(S_ISSOCK(st.st_mode));
        BOOST_TEST(l.local_endpoint() == ep);
        auto client = basic_socket<tsock::local, T>::connect_to(ep);
        auto [server, peer] = l.accept();
        BOOST_TEST(client.remote_endpoint() == ep);
        BOOST_TEST(server.local_endpoint() == ep);
        send_bytes(client, "over the file system");
        BOOST_TEST(recv_bytes(server, 20) == "over the file system");
    }
    // The file outlives the listener; a new one cannot bind until it is gone.
    BOOST_TEST(dir.entries() == 1);
    std::error_code ec;
    auto blocked = basic_listener<tsock::local, T>::listen_on(ep, ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    BOOST_TEST(::unlink(path.c_str()) == 0);
    {
        auto again = basic_listener<tsock::local, T>::listen_on(ep, ec);
        BOOST_TEST(!ec, ec.message());
    }
    BOOST_TEST(::unlink(path.c_str()) == 0);
    BOOST_TEST(dir.entries() == 0);
    BOOST_TEST(dir.remove());
}

// ---------------------------------------------------------------------------
// Step by step, and adopt()

BOOST_AUTO_TEST_CASE(open_bind_listen_step_by_step)
{
    auto l = tsock::tcp6_listener::open();
    BOOST_TEST(is_cloexec(l.native_handle()));
    BOOST_TEST(int_option(l.native_handle(), SOL_SOCKET, SO_ACCEPTCONN) == 0);
    set_int_option(l.native_handle(), IPPROTO_IPV6, IPV6_V6ONLY, 1);
    l.bind(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0));
    l.listen(4);
    BOOST_TEST(int_option(l.native_handle(), SOL_SOCKET, SO_ACCEPTCONN) == 1);
    auto client = tsock::tcp6_socket::connect_to(l.local_endpoint());
    auto [server, peer] = l.accept();
    BOOST_TEST(peer == client.local_endpoint());

    // inet: opened for the endpoint's family.
    std::error_code ec;
    const tsock::inet_endpoint v4 = tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0);
    auto i = basic_listener<tsock::inet, stream, non_blocking>::open_for(v4, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(int_option(i.native_handle(), SOL_SOCKET, SO_DOMAIN) == AF_INET);
    BOOST_TEST(is_nonblocking(i.native_handle()));
    i.bind(v4);
    i.listen();
    BOOST_TEST(i.local_endpoint().is_v4());
    BOOST_TEST(!i.accept().has_value());
}

BOOST_AUTO_TEST_CASE(adopt_takes_a_listening_descriptor_after_checking_it)
{
    std::error_code ec;
    const int dgram = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(dgram >= 0);
    auto bad = tsock::tcp_listener::adopt(dgram, ec);
    BOOST_TEST((ec == tsock::error::type_mismatch), ec.message());
    BOOST_TEST(!bad.is_open());
    BOOST_TEST(is_open_fd(dgram));
    BOOST_TEST(::close(dgram) == 0);

    const int v6 = ::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(v6 >= 0);
    BOOST_CHECK_EXCEPTION(tsock::tcp_listener::adopt(v6), std::system_error, has_code(tsock::error::family_mismatch));
    BOOST_TEST(is_open_fd(v6));
    BOOST_TEST(::close(v6) == 0);

    // A descriptor bound and listening with the plain system calls.
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    BOOST_REQUIRE(fd >= 0);
    const auto loopback = tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0).to_native();
    BOOST_REQUIRE(::bind(fd, reinterpret_cast<const ::sockaddr*>(&loopback), sizeof loopback) == 0);
    BOOST_REQUIRE(::listen(fd, 4) == 0);
    {
        auto l = tsock::tcp_listener::adopt(fd);
        BOOST_TEST(l.native_handle() == fd);
        auto client = tsock::tcp_socket::connect_to(l.local_endpoint());
        auto [server, peer] = l.accept();
        BOOST_TEST(peer == client.local_endpoint());
    }
    BOOST_TEST(!is_open_fd(fd)); // its new owner closed it
}

BOOST_AUTO_TEST_CASE(a_listener_owns_its_descriptor)
{
    int fd = -1;
    {
        auto l = tsock::unix_stream_listener::listen_on(local_endpoint::abstract(unique_name("owned")));
        fd = l.native_handle();
    }
    BOOST_TEST(!is_open_fd(fd)); // at once, before anything can reuse the number

    auto l = tsock::tcp_listener::listen_on(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    const int lfd = l.native_handle();
    auto moved = std::move(l);
    BOOST_TEST(!l.is_open()); // NOLINT(bugprone-use-after-move)
    BOOST_TEST(moved.native_handle() == lfd);
    BOOST_TEST(is_open_fd(lfd));
    auto other = tsock::tcp_listener::listen_on(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    const int ofd = other.native_handle();
    other = std::move(moved); // closes what other held
    BOOST_TEST(!is_open_fd(ofd));
    BOOST_TEST(other.native_handle() == lfd);
    const int released = other.release();
    BOOST_TEST(!other.is_open());
    BOOST_TEST(is_open_fd(released));
    BOOST_TEST(::close(released) == 0);
}

// ---------------------------------------------------------------------------
// Signals

BOOST_AUTO_TEST_CASE_TEMPLATE(a_signal_storm_does_not_interrupt_accept, C, storm_combos)
{
    using M = typename C::mode;
    sigusr1_without_restart handler;
    joining_thread storm; // joined before the listener below closes
    typename C::setup setup;
    auto l = basic_listener<typename C::family, stream, M>::listen_on(setup.endpoint(), SOMAXCONN, test_mode<M>());
    std::error_code client_ec;
    storm = signal_storm(::pthread_self(), 150, [ep = l.local_endpoint(), &client_ec] {
        auto client = basic_socket<typename C::family, stream>::connect_to(ep, client_ec);
        if (!client_ec)
            client.send_all("came after the storm"sv, client_ec);
    });
    std::error_code ec;
    auto a = l.accept(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_REQUIRE(a.socket.is_open());
    std::string got(20, '\0');
    a.socket.recv_exact(got, ec);
    storm.join();
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(got == "came after the storm");
    BOOST_TEST(!client_ec, client_ec.message());
    BOOST_TEST(handler.count() > 0);
}

// A peer bound to a path that fills sun_path (108 bytes on Linux, no NUL)
// is a connection the kernel accepted: accept returns it, with that name,
// instead of an error about the name and a lost connection. recv_from
// likewise names a datagram sender with such a path.
BOOST_AUTO_TEST_CASE(a_peer_with_a_full_length_path_is_accepted_with_its_name)
{
    temp_dir dir;
    const auto full_path = [&](char c) {
        std::string p = dir.file("");
        p.append(local_endpoint::max_path_length - p.size(), c);
        return p;
    };
    BOOST_REQUIRE(full_path('l').size() == local_endpoint::max_path_length);
    const auto server_name = local_endpoint::path(full_path('l'));
    const auto client_name = local_endpoint::path(full_path('c'));

    auto l = tsock::unix_stream_listener::listen_on(server_name);
    auto c = tsock::unix_stream_socket::open();
    c.bind(client_name);
    c.connect(server_name);
    auto [s, peer] = l.accept();
    BOOST_TEST(s.is_open());
    BOOST_TEST(peer == client_name);
    BOOST_TEST(peer.name().size() == local_endpoint::max_path_length);
    BOOST_TEST(s.remote_endpoint() == client_name);

    auto u = tsock::unix_datagram_socket::open();
    auto v = tsock::unix_datagram_socket::open();
    const auto u_name = local_endpoint::path(full_path('u'));
    const auto v_name = local_endpoint::path(full_path('v'));
    u.bind(u_name);
    v.bind(v_name);
    BOOST_TEST(u.send_to(std::string_view("full"), v_name) == 4u);
    std::array<char, 8> buffer{};
    const auto r = v.recv_from(buffer);
    BOOST_TEST(r.size == 4u);
    BOOST_TEST(r.sender == u_name);
}
