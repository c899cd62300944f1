// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_INTERFACES_HPP
#define TSOCK_INTERFACES_HPP

// The host's network interfaces: names and indexes (Python's if_nameindex,
// if_nametoindex, if_indextoname), and with getifaddrs their flags and IPv4
// and IPv6 addresses, typed.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/owned_list.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/sockaddr.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>

#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <vector>

namespace tsock {

namespace detail {

// Sets ec unless name could be an interface's: a NUL inside would cut it
// short; an empty or over-long name is no interface's (no_such_interface),
// nor on Linux one with a ':', which the kernel would read as "eth0:label"
// and answer for eth0.
inline bool interface_name_ok(std::string_view name, std::error_code& ec) noexcept
{
    if (name.find('\0') != std::string_view::npos)
        ec = make_error_code(error::embedded_nul);
    else if (name.empty() || name.size() >= interface_name_size ||
             (BOOST_OS_LINUX && name.find(':') != std::string_view::npos))
        ec = make_error_code(error::no_such_interface);
    return !ec;
}

// The error for errno after if_nametoindex or if_indextoname failed: "no
// such device" (ENODEV, ENXIO; or none set, as on Windows) is ours.
inline std::error_code interface_error(int e) noexcept
{
    if (e == 0 || e == ENODEV || e == ENXIO)
        return make_error_code(error::no_such_interface);
    return {e, std::system_category()};
}

} // namespace detail

// Python's if_nametoindex: the index of the interface called name. Sets ec
// to error::no_such_interface (also for an empty name or one longer than an
// interface name can be), error::embedded_nul, or the system's error; then
// returns 0.
inline unsigned interface_index(std::string_view name, std::error_code& ec) noexcept
{
    ec.clear();
    if (!detail::interface_name_ok(name, ec))
        return 0;
    errno = 0;
    const unsigned index = detail::interface_index(name);
    if (index == 0)
        ec = detail::interface_error(errno);
    return index;
}
// As above; throws std::system_error whose what() quotes name.
inline unsigned interface_index(std::string_view name)
{
    std::error_code ec;
    const unsigned index = interface_index(name, ec);
    if (ec)
        detail::throw_for(ec, "interface_index", {name});
    return index;
}

// Python's if_indextoname: the name of the interface numbered index. Sets ec
// (error::no_such_interface, or the system's error) and returns "" on failure.
inline std::string interface_name(unsigned index, std::error_code& ec)
{
    ec.clear();
    char name[detail::interface_name_size] = {};
    errno = 0;
    if (::if_indextoname(index, name) == nullptr) {
        ec = detail::interface_error(errno);
        return {};
    }
    return name;
}
// As above; throws std::system_error whose what() quotes index.
inline std::string interface_name(unsigned index)
{
    std::error_code ec;
    auto name = interface_name(index, ec);
    if (ec)
        detail::throw_for(ec, "interface_name", {std::to_string(index)});
    return name;
}

// What follows (if_nameindex, getifaddrs) is POSIX; Windows would need
// GetAdaptersAddresses, which tsock does not wrap.
#if !BOOST_OS_WINDOWS

// An interface's index and name: one pair of Python's if_nameindex.
struct interface_id {
    unsigned index = 0;
    std::string name;
    friend bool operator==(const interface_id&, const interface_id&) = default;
};

namespace detail {
struct free_name_index {
    void operator()(struct ::if_nameindex* p) const noexcept { ::if_freenameindex(p); }
};
struct free_interface_addresses {
    void operator()(::ifaddrs* p) const noexcept { ::freeifaddrs(p); }
};
} // namespace detail

// Python's if_nameindex: every interface's index and name, in the order the
// system lists them. Sets ec (the system's error) and returns {} on failure.
inline std::vector<interface_id> interface_names(std::error_code& ec)
{
    ec.clear();
    errno = 0;
    const detail::owned_list<struct ::if_nameindex, detail::free_name_index> list(::if_nameindex());
    if (!list) {
        ec = {errno != 0 ? errno : ENOBUFS, std::system_category()};
        return {};
    }
    std::vector<interface_id> out;
    for (const auto* p = list.get(); p->if_index != 0 && p->if_name; ++p)
        out.push_back({p->if_index, p->if_name});
    return out;
}
inline std::vector<interface_id> interface_names()
{
    std::error_code ec;
    auto names = interface_names(ec);
    if (ec)
        detail::throw_for(ec, "interface_names", {});
    return names;
}

// An interface's IFF_* flags, typed. A value may hold bits without a name here.
enum class interface_flags : unsigned {
    none = 0,
    up = IFF_UP,                     // administratively up
    broadcast = IFF_BROADCAST,       // has a broadcast address
    debug = IFF_DEBUG,
    loopback = IFF_LOOPBACK,
    point_to_point = IFF_POINTOPOINT, // has a peer address instead of a broadcast one
    running = IFF_RUNNING,           // up, and the link is operational
    no_arp = IFF_NOARP,
    promiscuous = IFF_PROMISC,
    all_multicast = IFF_ALLMULTI,    // receives all multicast packets
    multicast = IFF_MULTICAST,       // supports multicast
#if BOOST_OS_LINUX
    // <linux/if.h>'s IFF_LOWER_UP and IFF_DORMANT, which <net/if.h> lacks.
    lower_up = 0x10000,              // the driver signals carrier
    dormant = 0x20000,               // the driver signals dormant
#endif
};

constexpr interface_flags operator|(interface_flags a, interface_flags b) noexcept
{
    return interface_flags(unsigned(a) | unsigned(b));
}
constexpr interface_flags operator&(interface_flags a, interface_flags b) noexcept
{
    return interface_flags(unsigned(a) & unsigned(b));
}
// True when set holds every bit of flag.
constexpr bool has(interface_flags set, interface_flags flag) noexcept
{
    return (unsigned(set) & unsigned(flag)) == unsigned(flag);
}

// An IPv4 address of an interface.
struct interface_address_v4 {
    address_v4 address;
    address_v4 netmask;
    std::optional<address_v4> broadcast; // on a broadcast interface, when one is set
    std::optional<address_v4> peer;      // on a point-to-point interface: the other end
    friend bool operator==(const interface_address_v4&, const interface_address_v4&) = default;
};

// An IPv6 address of an interface; a link-local one carries the interface's
// index as its scope id.
struct interface_address_v6 {
    address_v6 address;
    unsigned prefix_length = 0; // 0 to 128
    friend bool operator==(const interface_address_v6&, const interface_address_v6&) = default;
};

// An interface with its addresses, IPv4 and IPv6 apart. Other families
// (AF_PACKET, AF_LINK) give no address but do make the interface appear.
struct network_interface {
    unsigned index = 0; // 0 if the interface went away during the call
    std::string name;
    interface_flags flags = interface_flags::none;
    std::vector<interface_address_v4> v4;
    std::vector<interface_address_v6> v6;
    friend bool operator==(const network_interface&, const network_interface&) = default;
};

namespace detail {

// A copy of a sockaddr as Native. On the BSDs a netmask's sockaddr may be
// shorter than its family's (sa_len), so only that much is copied there.
template <class Native>
Native copy_sockaddr(const ::sockaddr* sa) noexcept
{
    Native out{};
    std::memcpy(&out, sa, sockaddr_length_within(*sa, sizeof out));
    return out;
}

inline address_v4 v4_of(const ::sockaddr* sa) noexcept { return address_v4(copy_sockaddr<::sockaddr_in>(sa).sin_addr); }

inline void add_address(network_interface& nic, const ::ifaddrs& a)
{
    const ::sockaddr* sa = a.ifa_addr;
    if (sa && sa->sa_family == AF_INET) {
        interface_address_v4 v4{v4_of(sa), a.ifa_netmask ? v4_of(a.ifa_netmask) : address_v4(), {}, {}};
        // The broadcast address, or the peer's. Where neither is set glibc
        // gives the address itself, which is neither.
        const ::sockaddr* other = a.ifa_dstaddr;
        if (other && other->sa_family == AF_INET && v4_of(other) != v4.address) {
            if (a.ifa_flags & IFF_POINTOPOINT)
                v4.peer = v4_of(other);
            else if (a.ifa_flags & IFF_BROADCAST)
                v4.broadcast = v4_of(other);
        }
        nic.v4.push_back(v4);
    } else if (sa && sa->sa_family == AF_INET6) {
        const auto in6 = copy_sockaddr<::sockaddr_in6>(sa);
        unsigned prefix = 0;
        if (a.ifa_netmask) {
            const auto mask = copy_sockaddr<::sockaddr_in6>(a.ifa_netmask);
            for (std::size_t i = 0; i != 16 && prefix == 8 * i; ++i)
                prefix += unsigned(std::countl_one(static_cast<unsigned char>(mask.sin6_addr.s6_addr[i])));
        }
        nic.v6.push_back({address_v6(in6.sin6_addr, in6.sin6_scope_id), prefix});
    }
}

} // namespace detail

// Every interface (getifaddrs) with its index, flags and IPv4 and IPv6
// addresses: one entry per interface, in the order getifaddrs first names
// them. An IPv4 address under a Linux label ("eth0:1") belongs to its
// interface ("eth0"). Sets ec (the system's error) and returns {} on failure.
inline std::vector<network_interface> interfaces(std::error_code& ec)
{
    ec.clear();
    ::ifaddrs* raw = nullptr;
    if (::getifaddrs(&raw) != 0) {
        ec = {errno, std::system_category()};
        return {};
    }
    const detail::owned_list<::ifaddrs, detail::free_interface_addresses> list(raw);
    // Indexes from one if_nameindex; a name it lacks (an interface new since)
    // is looked up on its own.
    std::error_code names_ec;
    std::unordered_map<std::string, unsigned> index_of;
    for (auto& id : interface_names(names_ec))
        index_of.emplace(std::move(id.name), id.index);
    std::vector<network_interface> out;
    std::unordered_map<std::string, std::size_t> position;
    for (const ::ifaddrs* a = list.get(); a; a = a->ifa_next) {
        std::string name = a->ifa_name ? a->ifa_name : "";
        auto known = index_of.find(name);
        if (const auto colon = name.find(':'); known == index_of.end() && colon != std::string::npos) {
            known = index_of.find(name.substr(0, colon)); // a label: "eth0:1" is on "eth0"
            if (known != index_of.end())
                name = known->first;
        }
        const auto [at, added] = position.emplace(name, out.size());
        if (added) {
            std::error_code gone; // the interface went away: index 0
            const unsigned index = known != index_of.end() ? known->second : interface_index(name, gone);
            out.push_back({index, std::move(name), interface_flags(a->ifa_flags), {}, {}});
        }
        detail::add_address(out[at->second], *a);
    }
    return out;
}
inline std::vector<network_interface> interfaces()
{
    std::error_code ec;
    auto result = interfaces(ec);
    if (ec)
        detail::throw_for(ec, "interfaces", {});
    return result;
}

#endif // !BOOST_OS_WINDOWS

} // namespace tsock

#endif // TSOCK_INTERFACES_HPP
