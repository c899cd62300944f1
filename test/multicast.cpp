// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/multicast.hpp>

#define BOOST_TEST_MODULE multicast
#include <boost/test/unit_test.hpp>

#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/mode.hpp>

#include <boost/predef/os.h>

#include <net/if.h>
#include <netinet/in.h>

#include <chrono>
#include <cstdint>
#include <string>
#include <system_error>
#include <type_traits>

// The memberships on loopback: their shape, where they apply, join and leave
// as the kernel sees them (a second join is EADDRINUSE, a leave of nothing
// EADDRNOTAVAIL), and a datagram to a group joined on lo. Across hosts, with
// sources that are and are not joined: test/netns/multicast.sh.

namespace {

namespace opt = tsock::options;
using namespace std::chrono_literals;
using namespace tsock::literals;
using udp_timeout = tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::timeout>;
using udp6_timeout = tsock::basic_socket<tsock::ipv6, tsock::datagram, tsock::timeout>;

template <class S, class O>
concept can_set = requires(S& s, const O& o)
{
    s.set(o);
};

std::uint32_t lo_index()
{
    const std::uint32_t lo = ::if_nametoindex("lo");
    BOOST_REQUIRE(lo != 0u);
    return lo;
}

} // namespace

BOOST_AUTO_TEST_CASE(memberships_are_typed_by_family)
{
    // A group of one family is an option of that family's sockets only.
    static_assert(can_set<tsock::udp_socket, opt::ip::join_group>);
    static_assert(can_set<tsock::udp_socket, opt::ip::join_source_group>);
    static_assert(can_set<tsock::udp_socket, opt::ip::join_group_by_index>);
    static_assert(can_set<tsock::udp_socket, opt::ip::leave_source_group_by_index>);
    static_assert(!can_set<tsock::udp_socket, opt::ipv6::join_group>);
    static_assert(!can_set<tsock::udp_socket, opt::ipv6::join_source_group>);
    static_assert(can_set<tsock::udp6_socket, opt::ipv6::join_source_group>);
    static_assert(!can_set<tsock::udp6_socket, opt::ip::join_group>);
    static_assert(!can_set<tsock::udp6_socket, opt::ip::join_source_group_by_index>);
    static_assert(!can_set<tsock::tcp_socket, opt::ip::join_source_group>);
    static_assert(can_set<tsock::udp_socket, opt::ip::multicast_interface_by_index>);
    static_assert(!can_set<tsock::udp6_socket, opt::ip::multicast_interface_by_index>);
    // And the constructors take that family's addresses only.
    static_assert(std::is_constructible_v<opt::ip::join_group, tsock::address_v4, tsock::address_v4>);
    static_assert(!std::is_constructible_v<opt::ip::join_group, tsock::address_v6>);
    static_assert(!std::is_constructible_v<opt::ip::join_group, tsock::address_v4, unsigned>); // by index: _by_index
    static_assert(!std::is_constructible_v<opt::ip::join_source_group, tsock::address_v4, tsock::address_v6>);
    static_assert(!std::is_constructible_v<opt::ipv6::join_group, tsock::address_v4, unsigned>);
    static_assert(
        !std::is_constructible_v<opt::ipv6::join_source_group, tsock::address_v6, tsock::address_v4, unsigned>);

    // The bytes are the system's structures; level and name its constants.
    static_assert(sizeof(opt::ip::join_group) == sizeof(::ip_mreq));
    static_assert(sizeof(opt::ip::join_source_group) == sizeof(::ip_mreq_source));
    static_assert(sizeof(opt::ip::join_group_by_index) == sizeof(::group_req));
    static_assert(sizeof(opt::ipv6::join_source_group) == sizeof(::group_source_req));
    static_assert(opt::ip::join_source_group::level == IPPROTO_IP
        && opt::ip::join_source_group::name == IP_ADD_SOURCE_MEMBERSHIP);
    static_assert(opt::ip::leave_source_group_by_index::level == IPPROTO_IP
        && opt::ip::leave_source_group_by_index::name == MCAST_LEAVE_SOURCE_GROUP);
    static_assert(opt::ipv6::join_source_group::level == IPPROTO_IPV6
        && opt::ipv6::join_source_group::name == MCAST_JOIN_SOURCE_GROUP);
}

BOOST_AUTO_TEST_CASE(values_read_back)
{
    const auto group = "232.1.2.3"_ipv4;
    const auto source = "198.18.0.1"_ipv4;
    const auto here = "127.0.0.1"_ipv4;
    BOOST_TEST((opt::ip::join_group(group).value() == opt::ip::membership{group, tsock::address_v4::any()}));
    BOOST_TEST((opt::ip::leave_group(group, here).value() == opt::ip::membership{group, here}));
    BOOST_TEST(
        (opt::ip::join_source_group(group, source, here).value() == opt::ip::source_membership{group, source, here}));
    BOOST_TEST((opt::ip::join_group_by_index(group, 7).value() == opt::ip::indexed_membership{group, 7}));
    BOOST_TEST((opt::ip::join_source_group_by_index(group, source, 7).value()
        == opt::ip::indexed_source_membership{group, source, 7}));
    const auto group6 = "ff3e::8000:1"_ipv6;
    const auto source6 = "fd5e:feed::1"_ipv6;
    BOOST_TEST((opt::ipv6::join_group(group6, 3).value() == opt::ipv6::membership{group6, 3}));
    BOOST_TEST((
        opt::ipv6::leave_source_group(group6, source6, 3).value() == opt::ipv6::source_membership{group6, source6, 3}));
    const opt::ipv6::source_membership m{group6, source6, 4};
    BOOST_TEST((opt::ipv6::join_source_group(m).value() == m));
}

BOOST_AUTO_TEST_CASE(ipv4_join_and_leave_on_loopback)
{
    const auto group = "239.255.42.1"_ipv4;
    const auto source = "127.0.0.1"_ipv4;
    const std::uint32_t lo = lo_index();
    auto s = tsock::udp_socket::open();
    std::error_code ec;

    // By interface address.
    s.set(opt::ip::join_group(group, tsock::address_v4::loopback()));
    s.set(opt::ip::join_group(group, tsock::address_v4::loopback()), ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message()); // a member already
    s.set(opt::ip::leave_group(group, tsock::address_v4::loopback()));
    s.set(opt::ip::leave_group(group, tsock::address_v4::loopback()), ec);
    BOOST_TEST((ec == std::errc::address_not_available), ec.message()); // no longer one

    // By interface index.
    s.set(opt::ip::join_group_by_index(group, lo));
    s.set(opt::ip::join_group_by_index(group, lo), ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    s.set(opt::ip::leave_group_by_index(group, lo));

    // Source-specific, by address and by index.
    s.set(opt::ip::join_source_group(group, source, tsock::address_v4::loopback()));
    // A second join of the same source fails (Linux says EADDRNOTAVAIL).
    s.set(opt::ip::join_source_group(group, source, tsock::address_v4::loopback()), ec);
    BOOST_TEST(bool(ec));
    s.set(opt::ip::leave_source_group(group, source, tsock::address_v4::loopback()));
    s.set(opt::ip::join_source_group_by_index(group, source, lo));
    s.set(opt::ip::leave_source_group_by_index(group, source, lo));
    s.set(opt::ip::leave_source_group_by_index(group, source, lo), ec); // left already
    BOOST_TEST(bool(ec));

    // Not a multicast group: the kernel's EINVAL.
    s.set(opt::ip::join_group(tsock::address_v4::loopback(), tsock::address_v4::loopback()), ec);
    BOOST_TEST((ec == std::errc::invalid_argument), ec.message());
}

BOOST_AUTO_TEST_CASE(ipv6_join_and_leave_on_loopback)
{
    const auto group = "ff02::4242"_ipv6;
    const auto source = "::1"_ipv6;
    const std::uint32_t lo = lo_index();
    auto s = tsock::udp6_socket::open();
    std::error_code ec;

    s.set(opt::ipv6::join_group(group, lo));
    s.set(opt::ipv6::join_group(group, lo), ec);
    BOOST_TEST((ec == std::errc::address_in_use), ec.message());
    s.set(opt::ipv6::leave_group(group, lo));
    s.set(opt::ipv6::leave_group(group, lo), ec);
    BOOST_TEST((ec == std::errc::address_not_available), ec.message());

    // The interface from the group's scope id: ff02::4242%lo.
    tsock::address_v6 scoped = group;
    scoped.scope_id(lo);
    const opt::ipv6::join_group j(scoped);
    BOOST_TEST(j.value().interface_index == lo);
    BOOST_TEST(j.value().group == group); // the scope travels as the index
    s.set(j);
    s.set(opt::ipv6::leave_group(scoped));

    // Source-specific.
    s.set(opt::ipv6::join_source_group(group, source, lo));
    s.set(opt::ipv6::join_source_group(group, source, lo), ec); // joined already
    BOOST_TEST(bool(ec));
    s.set(opt::ipv6::leave_source_group(group, source, lo));
    s.set(opt::ipv6::leave_source_group(group, source, lo), ec); // left already
    BOOST_TEST(bool(ec));

    // The same options on an inet socket (IPv6 underneath).
    auto i = tsock::basic_socket<tsock::inet, tsock::datagram>::open_for(tsock::inet_endpoint(tsock::ipv6_endpoint()));
    i.set(opt::ipv6::join_group(group, lo));
    i.set(opt::ipv6::leave_group(group, lo));
}

BOOST_AUTO_TEST_CASE(a_datagram_to_a_group_joined_on_loopback_arrives)
{
    const auto group = "239.255.42.2"_ipv4;
    auto receiver = udp_timeout::open(tsock::timeout{5s});
    receiver.set(opt::reuse_address(true));
    receiver.bind(tsock::ipv4_endpoint(tsock::address_v4::any(), 0));
    const auto port = receiver.local_endpoint().port();
    receiver.set(opt::ip::join_group(group, tsock::address_v4::loopback()));

    auto sender = tsock::udp_socket::open();
    sender.set(opt::ip::multicast_interface(tsock::address_v4::loopback()));
    sender.set(opt::ip::multicast_loop(true));
    sender.set(opt::ip::multicast_ttl(1));
    const std::string text = "to the group";
    BOOST_TEST(sender.send_to(text, tsock::ipv4_endpoint(group, port)) == text.size());

    std::string got(64, '\0');
    const auto r = receiver.recv_from(got);
    got.resize(r.size);
    BOOST_TEST(got == text);
    BOOST_TEST(r.sender.address() == tsock::address_v4::loopback());

    // The sending interface by index: lo's again.
    static_assert(opt::ip::multicast_interface_by_index::available == bool(BOOST_OS_LINUX || BOOST_OS_MACOS));
    if constexpr (opt::ip::multicast_interface_by_index::available) {
        sender.set(opt::ip::multicast_interface_by_index(lo_index()));
        BOOST_TEST(sender.send_to(text, tsock::ipv4_endpoint(group, port)) == text.size());
        got.assign(64, '\0');
        got.resize(receiver.recv_from(got).size);
        BOOST_TEST(got == text);
        BOOST_TEST(opt::ip::multicast_interface_by_index(7).value() == 7u);
    }
    receiver.set(opt::ip::leave_group(group, tsock::address_v4::loopback()));
}
