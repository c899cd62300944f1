// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_INTERFACES_HPP
#define TSOCK_INTERFACES_HPP

// The host's network interfaces: names and indexes (Python's if_nameindex,
// if_nametoindex, if_indextoname), and with getifaddrs their flags and IPv4
// and IPv6 addresses, typed. On Windows the listings come from
// GetAdaptersAddresses, the names are if_nametoindex's ("loopback_0"), and
// the flags are derived (see detail/windows/interfaces.hpp).

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/interfaces.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>

#include <cerrno>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

namespace tsock {

namespace detail {

// Sets ec unless name could be an interface's: a NUL inside would cut it
// short; an empty name is no interface's (no_such_interface). An over-long
// one, or on Linux one with a ':', detail::interface_index answers with 0
// and errno untouched: no_such_interface too.
inline bool interface_name_ok(std::string_view name, std::error_code& ec) noexcept
{
    if (name.find('\0') != std::string_view::npos)
        ec = make_error_code(error::embedded_nul);
    else if (name.empty())
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

// An interface's index and name: one pair of Python's if_nameindex.
struct interface_id {
    unsigned index = 0;
    std::string name;
    friend bool operator==(const interface_id&, const interface_id&) = default;
};

// An interface's IFF_* flags, typed (the system's values). A value may hold
// bits without a name here.
enum class interface_flags : unsigned {
    none = 0,
    up = detail::iff_up,                     // administratively up
    broadcast = detail::iff_broadcast,       // has a broadcast address
    debug = detail::iff_debug,
    loopback = detail::iff_loopback,
    point_to_point = detail::iff_pointopoint, // has a peer address instead of a broadcast one
    running = detail::iff_running,           // up, and the link is operational
    no_arp = detail::iff_noarp,
    promiscuous = detail::iff_promisc,
    all_multicast = detail::iff_allmulti,    // receives all multicast packets
    multicast = detail::iff_multicast,       // supports multicast
    // Linux's IFF_LOWER_UP and IFF_DORMANT: only Linux sets them.
    lower_up = detail::iff_lower_up,         // the driver signals carrier
    dormant = detail::iff_dormant,           // the driver signals dormant
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

// Python's if_nameindex: every interface's index and name, in the order the
// system lists them. Sets ec (the system's error) and returns {} on failure.
// Windows: the adapters GetAdaptersAddresses lists.
inline std::vector<interface_id> interface_names(std::error_code& ec)
{
    return detail::list_interface_names<interface_id>(ec);
}
// As above; throws std::system_error.
inline std::vector<interface_id> interface_names()
{
    std::error_code ec;
    auto names = interface_names(ec);
    if (ec)
        detail::throw_for(ec, "interface_names", {});
    return names;
}

// Every interface (getifaddrs) with its index, flags and IPv4 and IPv6
// addresses: one entry per interface, in the order getifaddrs first names
// them. An IPv4 address under a Linux label ("eth0:1") belongs to its
// interface ("eth0"). Sets ec (the system's error) and returns {} on failure.
// Windows: GetAdaptersAddresses's adapters and unicast addresses, the IPv4
// netmask from the prefix length, the broadcast address computed from it,
// no peer address; flags as detail/windows/interfaces.hpp derives them.
inline std::vector<network_interface> interfaces(std::error_code& ec)
{
    return detail::list_interfaces<network_interface>(ec);
}
// As above; throws std::system_error.
inline std::vector<network_interface> interfaces()
{
    std::error_code ec;
    auto result = interfaces(ec);
    if (ec)
        detail::throw_for(ec, "interfaces", {});
    return result;
}

} // namespace tsock

#endif // TSOCK_INTERFACES_HPP
