// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_MULTICAST_HPP
#define TSOCK_MULTICAST_HPP

// Multicast group membership as socket options, typed per family: the IPv4
// ones (options::ip) take address_v4 groups and apply to IPv4 (and inet)
// datagram and raw sockets, the IPv6 ones (options::ipv6) take address_v6
// groups and apply to IPv6 (and inet) ones, so a group of one family on a
// socket of the other does not compile.
//
//   namespace opt = tsock::options;
//   udp.set(opt::ip::join_group(group));                           // any source, route picks the interface
//   udp.set(opt::ip::join_group(group, "198.18.0.2"_ipv4));        // on the interface with this address
//   udp.set(opt::ip::join_group_by_index(group, if_index));        // on the interface with this index
//   udp.set(opt::ip::join_source_group(group, source));            // only what source sends (SSM)
//   udp6.set(opt::ipv6::join_group(group6, if_index));
//   udp6.set(opt::ipv6::join_source_group(group6, source6, if_index));
//
// Every shape here is portable (Linux, BSD, macOS, Windows): IPv4 by
// interface address is ip_mreq / ip_mreq_source (IP_ADD_MEMBERSHIP,
// IP_ADD_SOURCE_MEMBERSHIP), by interface index the protocol-independent
// group_req / group_source_req of RFC 3678 (MCAST_JOIN_GROUP,
// MCAST_JOIN_SOURCE_GROUP), which are also IPv6's source-specific forms.
// Linux's ip_mreqn, which takes both, is not used: what it adds is the index,
// which group_req gives everywhere.
//
// The sending side is in options.hpp (ip::multicast_ttl, ip::multicast_loop,
// ip::multicast_interface by address, ipv6::multicast_hops,
// ipv6::multicast_loop, ipv6::multicast_interface by index), but for
// ip::multicast_interface_by_index, here.
//
// All membership options are set-only.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/option_storage.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/sockaddr.hpp>
#include <tsock/options.hpp>

#include <concepts>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

namespace tsock {

namespace options::ip {

// An any-source IPv4 membership: the group, on the interface with this
// address (0.0.0.0: chosen by route).
struct membership {
    address_v4 group;
    address_v4 interface_address;
    friend constexpr bool operator==(const membership&, const membership&) = default;
};

// A source-specific IPv4 membership (SSM, RFC 4607): datagrams to group from
// source only, on the interface with this address (0.0.0.0: by route).
struct source_membership {
    address_v4 group;
    address_v4 source;
    address_v4 interface_address;
    friend constexpr bool operator==(const source_membership&, const source_membership&) = default;
};

// The same two with the interface chosen by its index (if_nametoindex,
// tsock::interfaces; 0: chosen by route).
struct indexed_membership {
    address_v4 group;
    std::uint32_t interface_index = 0;
    friend constexpr bool operator==(const indexed_membership&, const indexed_membership&) = default;
};
struct indexed_source_membership {
    address_v4 group;
    address_v4 source;
    std::uint32_t interface_index = 0;
    friend constexpr bool operator==(const indexed_source_membership&, const indexed_source_membership&) = default;
};

} // namespace options::ip

namespace options::ipv6 {

// An any-source IPv6 membership: the group on the interface with this index
// (0: chosen by route).
struct membership {
    address_v6 group;
    std::uint32_t interface_index = 0;
    friend constexpr bool operator==(const membership&, const membership&) = default;
};

// A source-specific IPv6 membership: datagrams to group from source only.
struct source_membership {
    address_v6 group;
    address_v6 source;
    std::uint32_t interface_index = 0;
    friend constexpr bool operator==(const source_membership&, const source_membership&) = default;
};

} // namespace options::ipv6

namespace detail {

// The public options are aliases of these templates, not classes derived
// from them: clang does not report the unavailable attribute of an inherited
// constructor, so a refused one would compile.

// The reasons a membership option gives for a misuse: an interface index
// where it takes an address, an address of the other family.
#define TSOCK_MULTICAST_BY_ADDRESS_                                                                                    \
    "this IPv4 membership takes the address of the interface; by index: the ip::..._by_index options"
#define TSOCK_MULTICAST_OTHER_FAMILY_                                                                                  \
    "a group or source of the other family: options::ip is for IPv4, options::ipv6 for IPv6"
#define TSOCK_MULTICAST_V6_ON_V4_ "an IPv6 group or source: use the memberships of options::ipv6, on an IPv6 socket"
#define TSOCK_MULTICAST_V4_ON_V6_ "an IPv4 group or source: use the memberships of options::ip, on an IPv4 socket"

template <class T>
concept ipv6_address_argument = std::same_as<std::remove_cvref_t<T>, address_v6>;
template <class T>
concept ipv4_address_argument = std::same_as<std::remove_cvref_t<T>, address_v4>;

// An interface index as the system's field holds it; one that does not fit
// throws std::system_error(std::errc::invalid_argument) naming the option.
template <class Field> Field checked_interface_index(std::uint32_t index, std::string_view option)
{
    if (!std::in_range<Field>(index))
        throw_bad_option(option, "interface index " + std::to_string(index) + " is too large");
    return static_cast<Field>(index);
}

// group_req's and group_source_req's addresses are sockaddr_storage holding
// a sockaddr_in or sockaddr_in6.
inline ::sockaddr_storage multicast_sockaddr(const address_v4& a) noexcept
{
    ::sockaddr_in in{};
    in.sin_family = AF_INET;
    in.sin_addr = a.to_in_addr();
    set_sockaddr_length(in, sizeof in);
    ::sockaddr_storage s{};
    std::memcpy(&s, &in, sizeof in);
    return s;
}
inline ::sockaddr_storage multicast_sockaddr(const address_v6& a) noexcept
{
    ::sockaddr_in6 in{};
    in.sin6_family = AF_INET6;
    in.sin6_addr = a.to_in6_addr();
    in.sin6_scope_id = static_cast<decltype(in.sin6_scope_id)>(a.scope_id());
    set_sockaddr_length(in, sizeof in);
    ::sockaddr_storage s{};
    std::memcpy(&s, &in, sizeof in);
    return s;
}
template <class Address> Address multicast_address(const ::sockaddr_storage& s) noexcept
{
    if constexpr (std::is_same_v<Address, address_v4>) {
        ::sockaddr_in in;
        std::memcpy(&in, &s, sizeof in);
        return address_v4(in.sin_addr);
    } else {
        ::sockaddr_in6 in;
        std::memcpy(&in, &s, sizeof in);
        return address_v6(in.sin6_addr, static_cast<std::uint32_t>(in.sin6_scope_id));
    }
}

// Where memberships apply: datagram and raw sockets of the group's family.
template <class Family, class Type>
inline constexpr bool ipv4_multicast = where::ipv4_or_inet<Family>&& where::multicast<Type>;
template <class Family, class Type>
inline constexpr bool ipv6_multicast = where::ipv6_or_inet<Family>&& where::multicast<Type>;

// IP_ADD_MEMBERSHIP, IP_DROP_MEMBERSHIP (ip_mreq).
template <int Name>
class ipv4_membership_option : public option_base<IPPROTO_IP, Name, option_access::set>,
                               public option_storage<::ip_mreq> {
public:
    using value_type = options::ip::membership;

    constexpr ipv4_membership_option() noexcept = default;
    explicit ipv4_membership_option(const value_type& m) noexcept
    {
        this->native_.imr_multiaddr = m.group.to_in_addr();
        this->native_.imr_interface = m.interface_address.to_in_addr();
    }
    // The group on the interface with this address (0.0.0.0: chosen by route).
    explicit ipv4_membership_option(
        const address_v4& group, const address_v4& interface_address = address_v4::any()) noexcept
        : ipv4_membership_option(value_type{group, interface_address})
    {
    }
    // An error here means an interface index where this option takes the
    // interface's address: the _by_index options take an index.
    template <class Index>
        requires std::integral<Index>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_BY_ADDRESS_)
    ipv4_membership_option(const address_v4&, Index, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_BY_ADDRESS_)) TSOCK_DELETED;
    // An error here means an IPv6 group given to an IPv4 option.
    template <class Address>
        requires ipv6_address_argument<Address>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_V6_ON_V4_)
    explicit ipv4_membership_option(const Address&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_V6_ON_V4_)) TSOCK_DELETED;
    template <class Address, class Interface>
        requires ipv6_address_argument<Address>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_V6_ON_V4_)
    ipv4_membership_option(
        const Address&, const Interface&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_V6_ON_V4_)) TSOCK_DELETED;

    value_type value() const noexcept
    {
        return {address_v4(this->native_.imr_multiaddr), address_v4(this->native_.imr_interface)};
    }

    template <class Family, class Type> static constexpr bool applies_to = ipv4_multicast<Family, Type>;
};

// IP_ADD_SOURCE_MEMBERSHIP, IP_DROP_SOURCE_MEMBERSHIP (ip_mreq_source).
template <int Name>
class ipv4_source_membership_option : public option_base<IPPROTO_IP, Name, option_access::set>,
                                      public option_storage<::ip_mreq_source> {
public:
    using value_type = options::ip::source_membership;

    constexpr ipv4_source_membership_option() noexcept = default;
    explicit ipv4_source_membership_option(const value_type& m) noexcept
    {
        this->native_.imr_multiaddr = m.group.to_in_addr();
        this->native_.imr_sourceaddr = m.source.to_in_addr();
        this->native_.imr_interface = m.interface_address.to_in_addr();
    }
    // group from source, on the interface with this address (0.0.0.0: by route).
    ipv4_source_membership_option(const address_v4& group, const address_v4& source,
        const address_v4& interface_address = address_v4::any()) noexcept
        : ipv4_source_membership_option(value_type{group, source, interface_address})
    {
    }
    // An error here means an interface index where this option takes the
    // interface's address.
    template <class Index>
        requires std::integral<Index>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_BY_ADDRESS_)
    ipv4_source_membership_option(
        const address_v4&, const address_v4&, Index, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_BY_ADDRESS_)) TSOCK_DELETED;
    // An error here means an IPv6 group or source given to an IPv4 option.
    template <class Group, class Source>
        requires(ipv6_address_argument<Group> || ipv6_address_argument<Source>)
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_V6_ON_V4_)
    ipv4_source_membership_option(
        const Group&, const Source&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_V6_ON_V4_)) TSOCK_DELETED;

    value_type value() const noexcept
    {
        return {address_v4(this->native_.imr_multiaddr), address_v4(this->native_.imr_sourceaddr),
            address_v4(this->native_.imr_interface)};
    }

    template <class Family, class Type> static constexpr bool applies_to = ipv4_multicast<Family, Type>;
};

// MCAST_JOIN_GROUP, MCAST_LEAVE_GROUP (group_req) at Level, for Membership's
// group type (IPv4 by index; not used for IPv6, whose ipv6_mreq is the same).
template <option_label Label, int Level, int Name, class Membership>
class group_req_option : public option_base<Level, Name, option_access::set>, public option_storage<::group_req> {
    using address_type = decltype(Membership::group);
    using other_address = std::conditional_t<std::is_same_v<address_type, address_v4>, address_v6, address_v4>;

public:
    using value_type = Membership;

    constexpr group_req_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) for an interface
    // index the system's structure cannot hold.
    explicit group_req_option(const value_type& m)
    {
        this->native_.gr_interface
            = checked_interface_index<decltype(this->native_.gr_interface)>(m.interface_index, Label.view());
        this->native_.gr_group = multicast_sockaddr(m.group);
    }
    // The group on the interface with this index (0: chosen by route).
    explicit group_req_option(const address_type& group, std::uint32_t interface_index = 0)
        : group_req_option(value_type{group, interface_index})
    {
    }
    // An error here means a group of the other family.
    template <class Address, class Index>
        requires std::same_as<Address, other_address>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_OTHER_FAMILY_)
    group_req_option(const Address&, const Index&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_OTHER_FAMILY_)) TSOCK_DELETED;

    value_type value() const noexcept
    {
        return {multicast_address<address_type>(this->native_.gr_group),
            static_cast<std::uint32_t>(this->native_.gr_interface)};
    }

    template <class Family, class Type>
    static constexpr bool applies_to
        = Level == IPPROTO_IP ? ipv4_multicast<Family, Type> : ipv6_multicast<Family, Type>;
};

// MCAST_JOIN_SOURCE_GROUP, MCAST_LEAVE_SOURCE_GROUP (group_source_req) at
// Level, for Membership's address type.
template <option_label Label, int Level, int Name, class Membership>
class group_source_req_option : public option_base<Level, Name, option_access::set>,
                                public option_storage<::group_source_req> {
    using address_type = decltype(Membership::group);
    using other_address = std::conditional_t<std::is_same_v<address_type, address_v4>, address_v6, address_v4>;

public:
    using value_type = Membership;

    constexpr group_source_req_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) for an interface
    // index the system's structure cannot hold.
    explicit group_source_req_option(const value_type& m)
    {
        this->native_.gsr_interface
            = checked_interface_index<decltype(this->native_.gsr_interface)>(m.interface_index, Label.view());
        this->native_.gsr_group = multicast_sockaddr(m.group);
        this->native_.gsr_source = multicast_sockaddr(m.source);
    }
    // group from source on the interface with this index (0: chosen by route).
    group_source_req_option(const address_type& group, const address_type& source, std::uint32_t interface_index)
        : group_source_req_option(value_type{group, source, interface_index})
    {
    }
    // An error here means a group or source of the other family.
    template <class Group, class Source, class Index>
        requires(std::same_as<Group, other_address> || std::same_as<Source, other_address>)
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_OTHER_FAMILY_)
    group_source_req_option(
        const Group&, const Source&, const Index&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_OTHER_FAMILY_)) TSOCK_DELETED;

    value_type value() const noexcept
    {
        return {multicast_address<address_type>(this->native_.gsr_group),
            multicast_address<address_type>(this->native_.gsr_source),
            static_cast<std::uint32_t>(this->native_.gsr_interface)};
    }

    template <class Family, class Type>
    static constexpr bool applies_to
        = Level == IPPROTO_IP ? ipv4_multicast<Family, Type> : ipv6_multicast<Family, Type>;
};

// IPV6_JOIN_GROUP, IPV6_LEAVE_GROUP (ipv6_mreq: the group and an interface index).
template <option_label Label, int Name>
class ipv6_membership_option : public option_base<IPPROTO_IPV6, Name, option_access::set>,
                               public option_storage<::ipv6_mreq> {
public:
    using value_type = options::ipv6::membership;

    constexpr ipv6_membership_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) for an interface
    // index the system's structure cannot hold.
    explicit ipv6_membership_option(const value_type& m)
    {
        this->native_.ipv6mr_multiaddr = m.group.to_in6_addr();
        this->native_.ipv6mr_interface
            = checked_interface_index<decltype(this->native_.ipv6mr_interface)>(m.interface_index, Label.view());
    }
    // The group on the interface with this index (0: chosen by route).
    explicit ipv6_membership_option(const address_v6& group, std::uint32_t interface_index)
        : ipv6_membership_option(value_type{group, interface_index})
    {
    }
    // The group on the interface its scope id names (ff02::1%eth0), or
    // chosen by route when it has none.
    explicit ipv6_membership_option(const address_v6& group)
        : ipv6_membership_option(value_type{group, group.scope_id()})
    {
    }
    // An error here means an IPv4 group given to an IPv6 option.
    template <class Address>
        requires ipv4_address_argument<Address>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_V4_ON_V6_)
    explicit ipv6_membership_option(const Address&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_V4_ON_V6_)) TSOCK_DELETED;
    template <class Address, class Index>
        requires ipv4_address_argument<Address>
    TSOCK_REFUSED_CONSTRUCTOR(TSOCK_MULTICAST_V4_ON_V6_)
    ipv6_membership_option(
        const Address&, const Index&, TSOCK_REASON_PARAMETER(TSOCK_MULTICAST_V4_ON_V6_)) TSOCK_DELETED;

    value_type value() const noexcept
    {
        return {address_v6(this->native_.ipv6mr_multiaddr), static_cast<std::uint32_t>(this->native_.ipv6mr_interface)};
    }

    template <class Family, class Type> static constexpr bool applies_to = ipv6_multicast<Family, Type>;
};

#undef TSOCK_MULTICAST_V6_ON_V4_
#undef TSOCK_MULTICAST_V4_ON_V6_
#undef TSOCK_MULTICAST_BY_ADDRESS_
#undef TSOCK_MULTICAST_OTHER_FAMILY_

} // namespace detail

namespace options::ip {

// IP_ADD_MEMBERSHIP: join group (any source) on the interface with an address.
using join_group = detail::ipv4_membership_option<IP_ADD_MEMBERSHIP>;
// IP_DROP_MEMBERSHIP: leave what join_group joined.
using leave_group = detail::ipv4_membership_option<IP_DROP_MEMBERSHIP>;

// IP_ADD_SOURCE_MEMBERSHIP: receive what source sends to group (only that,
// unless the group is also joined any-source), on the interface with an address.
using join_source_group = detail::ipv4_source_membership_option<IP_ADD_SOURCE_MEMBERSHIP>;
// IP_DROP_SOURCE_MEMBERSHIP: leave what join_source_group joined.
using leave_source_group = detail::ipv4_source_membership_option<IP_DROP_SOURCE_MEMBERSHIP>;

// MCAST_JOIN_GROUP at IPPROTO_IP: join_group with the interface by index.
using join_group_by_index
    = detail::group_req_option<"ip::join_group_by_index", IPPROTO_IP, MCAST_JOIN_GROUP, indexed_membership>;
// MCAST_LEAVE_GROUP at IPPROTO_IP: leave what join_group_by_index joined.
using leave_group_by_index
    = detail::group_req_option<"ip::leave_group_by_index", IPPROTO_IP, MCAST_LEAVE_GROUP, indexed_membership>;
// MCAST_JOIN_SOURCE_GROUP at IPPROTO_IP: join_source_group by interface index.
using join_source_group_by_index = detail::group_source_req_option<"ip::join_source_group_by_index", IPPROTO_IP,
    MCAST_JOIN_SOURCE_GROUP, indexed_source_membership>;
// MCAST_LEAVE_SOURCE_GROUP at IPPROTO_IP: leave what join_source_group_by_index joined.
using leave_source_group_by_index = detail::group_source_req_option<"ip::leave_source_group_by_index", IPPROTO_IP,
    MCAST_LEAVE_SOURCE_GROUP, indexed_source_membership>;

// IP_MULTICAST_IF by interface index, set only (Linux reads back an address):
// the interface multicast is sent from; 0: chosen by route. Linux and
// FreeBSD (ip_mreqn), macOS (IP_MULTICAST_IFINDEX), Windows (an index below
// 2^24); available = false elsewhere.
struct multicast_interface_by_index
    : detail::option_base<IPPROTO_IP, detail::ip_multicast_if_index.name, detail::option_access::set>,
      detail::option_storage<detail::ipv4_multicast_index_native> {
    using value_type = std::uint32_t;
    static constexpr bool available = detail::ip_multicast_if_index.available;

    constexpr multicast_interface_by_index() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) for an index the
    // system's structure cannot hold.
    explicit multicast_interface_by_index(std::uint32_t interface_index)
        : option_storage(detail::ipv4_multicast_index(interface_index, "ip::multicast_interface_by_index"))
    {
    }

    value_type value() const noexcept { return detail::ipv4_multicast_index_value(native_); }

    template <class Family, class Type>
    static constexpr bool applies_to = detail::ipv4_multicast<Family, Type>;
};

} // namespace options::ip

namespace options::ipv6 {

// IPV6_JOIN_GROUP: join group (any source) on the interface with an index.
using join_group = detail::ipv6_membership_option<"ipv6::join_group", IPV6_JOIN_GROUP>;
// IPV6_LEAVE_GROUP: leave what join_group joined.
using leave_group = detail::ipv6_membership_option<"ipv6::leave_group", IPV6_LEAVE_GROUP>;

// MCAST_JOIN_SOURCE_GROUP at IPPROTO_IPV6: receive what source sends to group.
using join_source_group = detail::group_source_req_option<"ipv6::join_source_group", IPPROTO_IPV6,
    MCAST_JOIN_SOURCE_GROUP, source_membership>;
// MCAST_LEAVE_SOURCE_GROUP at IPPROTO_IPV6: leave what join_source_group joined.
using leave_source_group = detail::group_source_req_option<"ipv6::leave_source_group", IPPROTO_IPV6,
    MCAST_LEAVE_SOURCE_GROUP, source_membership>;

} // namespace options::ipv6

} // namespace tsock

#endif // TSOCK_MULTICAST_HPP
