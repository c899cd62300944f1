// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_server.hpp>
#include <tsock/options.hpp>

#define BOOST_TEST_MODULE create_server
#include <boost/test/unit_test.hpp>

#include "support/sandbox.hpp"
#include "support/socket_support.hpp"

#include <chrono>
#include <cstdint>
#include <fstream>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

// Servers listen on loopback with port 0 (the kernel picks), on the IPv6
// wildcard [::] where dual-stack behaviour is the point (clients come from
// 127.0.0.1 and ::1 only), on abstract names unique to this process and on
// paths in a private temporary directory. net.ipv6.bindv6only is changed only
// inside a network namespace the test makes. Expected values come from
// socket(7), ipv6(7) and the system calls themselves.

using namespace std::chrono_literals;
using namespace tsock_test;

using tsock::blocking;
using tsock::create_server;
using tsock::error;
using tsock::non_blocking;
using tsock::seqpacket;
using tsock::stream;
namespace options = tsock::options;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

using all_setup_types = std::tuple<on_ipv4, on_ipv6, on_inet_v4, on_inet_v6, on_abstract, on_path>;
using ip_setup_types = std::tuple<on_ipv4, on_ipv6, on_inet_v4, on_inet_v6>;
using local_setup_types = std::tuple<on_abstract, on_path>;

// The IPv6 wildcard, as each family that can hold it spells it.
struct any_ipv6 {
    using family = tsock::ipv6;
    tsock::ipv6_endpoint endpoint() const { return {tsock::address_v6::any(), 0}; }
};
struct any_inet_v6 {
    using family = tsock::inet;
    tsock::inet_endpoint endpoint() const { return tsock::ipv6_endpoint(tsock::address_v6::any(), 0); }
};
using wildcard_v6_setups = std::tuple<any_ipv6, any_inet_v6>;
using v4_and_v6_setups = std::tuple<on_ipv4, on_ipv6>;

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

std::string error_name(const std::error_code& ec)
{
    return ec ? std::string(ec.category().name()) + ":" + std::to_string(ec.value()) + " (" + ec.message() + ")"
              : std::string("ok");
}

template <class Endpoint>
Endpoint with_port(Endpoint ep, std::uint16_t port)
{
    ep.port(port);
    return ep;
}

// A client of ep in the timeout mode (so that a broken test fails instead of
// hanging).
template <class Family>
tsock::basic_socket<Family, stream, tsock::timeout> client_of(const typename Family::endpoint_type& ep)
{
    return tsock::basic_socket<Family, stream, tsock::timeout>::connect_to(ep, tsock::timeout{patience});
}

// A client connects, the listener accepts, data flows both ways.
template <class Listener>
void check_serves(Listener& l)
{
    using family = typename Listener::family_type;
    using type = typename Listener::type_policy;
    using client_socket = tsock::basic_socket<family, type, tsock::timeout>;
    auto client = connect_one<client_socket>(l.local_endpoint(), tsock::timeout{patience});
    auto accepted = accept_one(l);
    send_bytes(client, "hello");
    BOOST_TEST(recv_bytes(accepted.socket, 5) == "hello");
    send_bytes(accepted.socket, "world!");
    BOOST_TEST(recv_bytes(client, 6) == "world!");
}

// The code and what() of the std::system_error f throws (empty, and a
// failed check, if it throws none).
template <class F>
std::pair<std::error_code, std::string> thrown_by(F&& f)
{
    try {
        std::forward<F>(f)();
    } catch (const std::system_error& e) {
        return {e.code(), e.what()};
    }
    BOOST_ERROR("no std::system_error was thrown");
    return {};
}

} // namespace

// ---------------------------------------------------------------------------
// Every endpoint kind

BOOST_AUTO_TEST_CASE_TEMPLATE(serves_every_kind_of_endpoint, Setup, all_setup_types)
{
    using family = typename Setup::family;
    Setup setup;
    const auto ep = setup.endpoint();

    auto l = create_server(ep);
    static_assert(std::is_same_v<decltype(l), tsock::basic_listener<family, stream, blocking>>);
    std::error_code ec = make_error_code(std::errc::io_error);
    auto m = create_server(setup.endpoint(), {}, ec);
    BOOST_TEST(!ec, ec.message());
    static_assert(std::is_same_v<decltype(m), tsock::basic_listener<family, stream, blocking>>);

    for (auto* listener : {&l, &m}) {
        BOOST_REQUIRE(listener->is_open());
        const int fd = listener->native_handle();
        BOOST_TEST(is_cloexec(fd));
        BOOST_TEST(!is_nonblocking(fd));
        BOOST_TEST(listener->template get<options::accept_connections>());
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_TYPE) == SOCK_STREAM);
        const auto bound = listener->local_endpoint();
        if constexpr (family::is_ip) {
            BOOST_TEST(bound.port() != 0);
            BOOST_TEST(with_port(bound, 0) == ep);
            BOOST_TEST(int_option(fd, SOL_SOCKET, SO_DOMAIN) == tsock::detail::domain_of(ep));
        } else {
            BOOST_TEST(int_option(fd, SOL_SOCKET, SO_DOMAIN) == AF_UNIX);
        }
        check_serves(*listener);
    }
    if constexpr (!family::is_ip)
        BOOST_TEST(l.local_endpoint() == ep);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(serves_local_seqpacket, Setup, local_setup_types)
{
    Setup setup;
    const auto ep = setup.endpoint();
    auto l = create_server<seqpacket>(ep);
    static_assert(std::is_same_v<decltype(l), tsock::unix_seqpacket_listener>);
    BOOST_TEST(int_option(l.native_handle(), SOL_SOCKET, SO_TYPE) == SOCK_SEQPACKET);
    BOOST_TEST(l.local_endpoint() == ep);
    check_serves(l);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_backlog_of_one_still_accepts, Setup, all_setup_types)
{
    Setup setup;
    auto l = create_server(setup.endpoint(), {.backlog = 1});
    BOOST_TEST(l.template get<options::accept_connections>());
    check_serves(l);
    check_serves(l); // once the first was accepted, the next fits too
}

// ---------------------------------------------------------------------------
// SO_REUSEADDR

BOOST_AUTO_TEST_CASE_TEMPLATE(reuse_address_is_on_by_default_for_ip_and_off_when_asked, Setup, ip_setup_types)
{
    Setup setup;
    auto on = create_server(setup.endpoint());
    BOOST_TEST(on.template get<options::reuse_address>());
    auto off = create_server(setup.endpoint(), {.reuse_address = false});
    BOOST_TEST(!off.template get<options::reuse_address>());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reuse_address_is_ignored_for_local_endpoints, Setup, local_setup_types)
{
    Setup setup;
    auto l = create_server(setup.endpoint());
    BOOST_TEST(!l.template get<options::reuse_address>());
    check_serves(l);
}

// What SO_REUSEADDR is for: a restarted server binds its port while the
// connection it closed first lingers (FIN_WAIT2 or TIME_WAIT, bound to the
// port, with the reuse flag it inherited from its listener).
BOOST_AUTO_TEST_CASE_TEMPLATE(a_restarted_server_rebinds_over_a_lingering_connection, Setup, v4_and_v6_setups)
{
    Setup setup;
    auto first = create_server(setup.endpoint());
    const auto at = first.local_endpoint();
    {
        auto client = client_of<typename Setup::family>(at);
        auto accepted = first.accept();
        accepted.socket.close(); // the server closes first: its side lingers
        std::string buffer(8, '\0');
        BOOST_TEST(client.recv(buffer) == 0u);
    }
    first.close();

    std::error_code ec;
    auto without = create_server(at, {.reuse_address = false}, ec);
    BOOST_TEST((ec == std::errc::address_in_use), error_name(ec));
    BOOST_TEST(!without.is_open());
    auto restarted = create_server(at, {}, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(restarted.local_endpoint() == at);
}

// ---------------------------------------------------------------------------
// SO_REUSEPORT

BOOST_AUTO_TEST_CASE_TEMPLATE(reuse_port_lets_two_servers_share_a_port, Setup, ip_setup_types)
{
    Setup setup;
    auto first = create_server(setup.endpoint(), {.reuse_port = true});
    const auto at = first.local_endpoint();
    std::error_code ec;
    auto second = create_server(at, {.reuse_port = true}, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_REQUIRE(second.is_open());
    BOOST_TEST(second.local_endpoint() == at);
    BOOST_TEST(first.template get<options::reuse_port>());
    BOOST_TEST(second.template get<options::reuse_port>());
    // A connection goes to one of them.
    auto client = client_of<typename Setup::family>(at);
    ::pollfd both[2] = {{first.native_handle(), POLLIN, 0}, {second.native_handle(), POLLIN, 0}};
    BOOST_TEST(::poll(both, 2, int(patience.count())) == 1);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(without_reuse_port_the_second_server_is_address_in_use, Setup, ip_setup_types)
{
    const std::pair<bool, bool> cases[] = {{false, false}, {true, false}, {false, true}};
    for (const auto& [first_shares, second_shares] : cases) {
        BOOST_TEST_CONTEXT("reuse_port: first " << first_shares << ", second " << second_shares)
        {
            Setup setup;
            auto first = create_server(setup.endpoint(), {.reuse_port = first_shares});
            const auto at = first.local_endpoint();
            std::error_code ec;
            auto second = create_server(at, {.reuse_port = second_shares}, ec);
            BOOST_TEST((ec == std::errc::address_in_use), error_name(ec));
            BOOST_TEST(!second.is_open());
            BOOST_TEST(!first.template get<options::reuse_port>() == !first_shares);
        }
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(reuse_port_on_a_local_endpoint_is_not_supported, Setup, local_setup_types)
{
    Setup setup;
    const auto ep = setup.endpoint();
    std::error_code ec;
    auto l = create_server(ep, {.reuse_port = true}, ec);
    BOOST_TEST((ec == std::errc::operation_not_supported), error_name(ec));
    BOOST_TEST(!l.is_open());
    const auto [code, what] = thrown_by([&] { create_server(ep, {.reuse_port = true}); });
    BOOST_TEST((code == std::errc::operation_not_supported), error_name(code));
    BOOST_TEST(contains(what, "create_server"), what);
    // Refused before bind: the name is still free.
    if constexpr (std::is_same_v<Setup, on_path>)
        BOOST_TEST(setup.dir.entries() == 0);
    auto after = create_server(ep);
    BOOST_TEST(after.is_open());
}

// ---------------------------------------------------------------------------
// Dual stack

BOOST_AUTO_TEST_CASE_TEMPLATE(a_dual_stack_server_accepts_ipv4_as_mapped_addresses, Setup, wildcard_v6_setups)
{
    Setup setup;
    auto l = create_server(setup.endpoint(), {.dual_stack = true});
    BOOST_TEST(!l.template get<options::ipv6::only>());
    const auto port = l.local_endpoint().port();

    // The IPv4 half of the port is taken too.
    std::error_code ec;
    auto v4 = tsock::tcp_socket::open();
    v4.bind({tsock::address_v4::loopback(), port}, ec);
    BOOST_TEST((ec == std::errc::address_in_use), error_name(ec));

    auto client = client_of<tsock::ipv4>({tsock::address_v4::loopback(), port});
    auto accepted = l.accept();
    const tsock::ipv6_endpoint expected(tsock::address_v6::v4_mapped(tsock::address_v4::loopback()),
                                        client.local_endpoint().port());
    BOOST_TEST(accepted.peer == typename Setup::family::endpoint_type(expected));
    send_bytes(client, "v4");
    BOOST_TEST(recv_bytes(accepted.socket, 2) == "v4");

    // IPv6 clients too.
    auto client6 = client_of<tsock::ipv6>({tsock::address_v6::loopback(), port});
    BOOST_TEST(l.accept().socket.is_open());
}

BOOST_AUTO_TEST_CASE_TEMPLATE(an_ipv6_server_is_ipv6_only_without_dual_stack, Setup, wildcard_v6_setups)
{
    Setup setup;
    // An IPv6-only server leaves the IPv4 side of its port to others: a
    // socket binds it and never listens, so an IPv4 connect there is refused.
    // (The kernel chose the port for IPv6 alone: when some IPv4 socket holds
    // it, try another, a bounded number of times.)
    using listener = tsock::basic_listener<typename Setup::family, stream, blocking>;
    listener l;
    std::uint16_t port = 0;
    auto v4 = tsock::tcp_socket::open();
    std::error_code ec;
    for (int i = 0; i != 50; ++i) {
        l = create_server(setup.endpoint());
        port = l.local_endpoint().port();
        v4.bind({tsock::address_v4::loopback(), port}, ec);
        if (ec != std::errc::address_in_use)
            break;
    }
    BOOST_TEST_REQUIRE(!ec, "binding the IPv4 port: " << ec.message());
    BOOST_TEST(l.template get<options::ipv6::only>());
    auto client = tsock::tcp_socket::open();
    client.connect({tsock::address_v4::loopback(), port}, ec);
    BOOST_TEST((ec == std::errc::connection_refused), error_name(ec));

    auto client6 = client_of<tsock::ipv6>({tsock::address_v6::loopback(), port});
    const tsock::ipv6_endpoint expected(tsock::address_v6::loopback(), client6.local_endpoint().port());
    BOOST_TEST(l.accept().peer == typename Setup::family::endpoint_type(expected));
}

// create_server sets IPV6_V6ONLY itself, whatever net.ipv6.bindv6only says
// (a sysctl of the network namespace: changed only in the test's own).
BOOST_AUTO_TEST_CASE(ipv6_only_follows_dual_stack_whatever_the_system_default)
{
    for (const char* bindv6only : {"0", "1"}) {
        BOOST_TEST_CONTEXT("net.ipv6.bindv6only = " << bindv6only)
        {
            sandbox s;
            s.net = true;
            const auto answer = run_in_sandbox(s, [bindv6only] {
                {
                    std::ofstream sysctl("/proc/sys/net/ipv6/bindv6only");
                    sysctl << bindv6only << '\n';
                    if (!sysctl.flush())
                        throw std::runtime_error("cannot write net.ipv6.bindv6only");
                }
                std::string out;
                // listen_on agrees with create_server: IPv6-only, whatever
                // the system's default (it followed the default before).
                auto plain = tsock::tcp6_listener::listen_on({tsock::address_v6::any(), 0});
                out += std::to_string(int(plain.get<options::ipv6::only>()));
                auto dual = create_server(tsock::ipv6_endpoint(tsock::address_v6::any(), 0), {.dual_stack = true});
                out += std::to_string(int(dual.get<options::ipv6::only>()));
                auto single = create_server(tsock::ipv6_endpoint(tsock::address_v6::any(), 0));
                out += std::to_string(int(single.get<options::ipv6::only>()));
                // The dual-stack one takes an IPv4 client.
                std::error_code ec;
                auto client = tsock::basic_socket<tsock::ipv4, stream, tsock::timeout>::connect_to(
                    {tsock::address_v4::loopback(), dual.local_endpoint().port()}, tsock::timeout{patience}, ec);
                out += ec ? " " + ec.message() : " connected";
                return out;
            });
            BOOST_TEST(answer == "101 connected");
        }
    }
}

BOOST_AUTO_TEST_CASE(dual_stack_needs_an_ipv6_endpoint)
{
    const tsock::ipv4_endpoint v4(tsock::address_v4::loopback(), 0);
    const tsock::inet_endpoint inet_v4(v4);
    const auto local = tsock::local_endpoint::abstract(unique_name("dual"));

    std::error_code ec;
    auto a = create_server(v4, {.dual_stack = true}, ec);
    BOOST_TEST((ec == error::not_dual_stack), error_name(ec));
    BOOST_TEST(!a.is_open());
    auto b = create_server(inet_v4, {.dual_stack = true}, ec);
    BOOST_TEST((ec == error::not_dual_stack), error_name(ec));
    BOOST_TEST(!b.is_open());
    auto c = create_server(local, {.dual_stack = true}, ec);
    BOOST_TEST((ec == error::not_dual_stack), error_name(ec));
    BOOST_TEST(!c.is_open());

    {
        const auto [code, what] = thrown_by([&] { create_server(v4, {.dual_stack = true}); });
        BOOST_TEST((code == error::not_dual_stack), error_name(code));
        BOOST_TEST(contains(what, "\"127.0.0.1:0\""), what);
        BOOST_TEST(contains(what, "create_server"), what);
    }
    {
        const auto [code, what] = thrown_by([&] { create_server(inet_v4, {.dual_stack = true}); });
        BOOST_TEST((code == error::not_dual_stack), error_name(code));
        BOOST_TEST(contains(what, "\"127.0.0.1:0\""), what);
    }
}

// Past the wildcard, the bound address decides, and the kernel has the last
// word: binding a specific IPv6 address (::1) sets IPV6_V6ONLY (Linux's
// inet6_bind), and an IPv4-mapped address binds only with it off.
BOOST_AUTO_TEST_CASE(dual_stack_on_a_specific_ipv6_address)
{
    auto loopback = create_server(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0), {.dual_stack = true});
    BOOST_TEST(loopback.get<options::ipv6::only>()); // set by bind(2), not by create_server
    check_serves(loopback);

    const tsock::ipv6_endpoint mapped(tsock::address_v6::v4_mapped(tsock::address_v4::loopback()), 0);
    auto dual = create_server(mapped, {.dual_stack = true});
    BOOST_TEST(!dual.get<options::ipv6::only>());
    const auto port = dual.local_endpoint().port();
    auto client = client_of<tsock::ipv4>({tsock::address_v4::loopback(), port});
    BOOST_TEST(dual.accept().peer == tsock::ipv6_endpoint(mapped.address(), client.local_endpoint().port()));

    std::error_code ec;
    auto single = create_server(mapped, {}, ec);
    BOOST_TEST((ec == std::errc::invalid_argument), error_name(ec));
    BOOST_TEST(!single.is_open());
}

// ---------------------------------------------------------------------------
// Modes

BOOST_AUTO_TEST_CASE_TEMPLATE(a_non_blocking_server_accepts_nothing_when_nobody_waits, Setup, all_setup_types)
{
    Setup setup;
    auto l = create_server<stream, non_blocking>(setup.endpoint());
    static_assert(std::is_same_v<decltype(l), tsock::basic_listener<typename Setup::family, stream, non_blocking>>);
    BOOST_TEST(is_nonblocking(l.native_handle()));
    BOOST_TEST(!l.accept().has_value());
    std::error_code ec = make_error_code(std::errc::io_error);
    BOOST_TEST(!l.accept(ec).has_value());
    BOOST_TEST(!ec, ec.message());

    auto client = connect_one<tsock::basic_socket<typename Setup::family, stream, tsock::timeout>>(
        l.local_endpoint(), tsock::timeout{patience});
    auto accepted = accept_one(l);
    BOOST_TEST(is_nonblocking(accepted.socket.native_handle()));
    BOOST_TEST(is_cloexec(accepted.socket.native_handle()));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_timeout_server_times_out_in_accept, Setup, all_setup_types)
{
    Setup setup;
    std::error_code ec;
    auto l = create_server<stream, tsock::timeout>(setup.endpoint(), {}, tsock::timeout{200ms}, ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((l.timeout() == 200ms));
    BOOST_TEST(is_nonblocking(l.native_handle()));

    const auto took = time_of([&] { (void)l.accept(ec); });
    BOOST_TEST((ec == error::timed_out), error_name(ec));
    BOOST_TEST(ms(took) >= 200);
    BOOST_TEST(ms(took) < 5000);
    const auto [code, what] = thrown_by([&] { (void)l.accept(); });
    BOOST_TEST((code == error::timed_out), error_name(code));

    // With a client waiting, it accepts.
    l.timeout(patience);
    auto client = connect_one<tsock::basic_socket<typename Setup::family, stream, tsock::timeout>>(
        l.local_endpoint(), tsock::timeout{patience});
    BOOST_TEST(l.accept().socket.is_open());
}

// ---------------------------------------------------------------------------
// Failures

BOOST_AUTO_TEST_CASE_TEMPLATE(a_port_in_use_is_address_in_use_naming_the_endpoint, Setup, ip_setup_types)
{
    Setup setup;
    auto first = create_server(setup.endpoint());
    const auto at = first.local_endpoint();
    std::error_code ec;
    auto second = create_server(at, {}, ec);
    BOOST_TEST((ec == std::errc::address_in_use), error_name(ec));
    BOOST_TEST(!second.is_open());
    const auto [code, what] = thrown_by([&] { create_server(at); });
    BOOST_TEST((code == std::errc::address_in_use), error_name(code));
    BOOST_TEST(contains(what, "\"" + at.to_string() + "\""), what << " should name " << at);
    BOOST_TEST(contains(what, "create_server"), what);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(a_local_name_in_use_is_address_in_use_naming_it, Setup, local_setup_types)
{
    Setup setup;
    const auto ep = setup.endpoint();
    auto first = create_server(ep);
    std::error_code ec;
    auto second = create_server(ep, {}, ec);
    BOOST_TEST((ec == std::errc::address_in_use), error_name(ec));
    BOOST_TEST(!second.is_open());
    const auto [code, what] = thrown_by([&] { create_server(ep); });
    BOOST_TEST((code == std::errc::address_in_use), error_name(code));
    if constexpr (std::is_same_v<Setup, on_path>)
        BOOST_TEST(contains(what, ep.to_string()), what << " should name " << ep.to_string());
    BOOST_TEST(contains(what, "create_server"), what);
}
