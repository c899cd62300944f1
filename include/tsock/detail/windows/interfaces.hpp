// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_INTERFACES_HPP
#define TSOCK_DETAIL_WINDOWS_INTERFACES_HPP

// The interface listings on Windows, which has neither if_nameindex nor
// getifaddrs: GetAdaptersAddresses (iphlpapi) stands for both. Templates over
// the types of tsock/interfaces.hpp, as on POSIX.
//
// An interface's name is the one if_nametoindex and if_indextoname take
// (ConvertInterfaceLuidToNameA: "loopback_0", "ethernet_32768"), not the
// adapter's GUID nor its friendly name ("Ethernet 2"), so that names and
// indexes round-trip as on POSIX. Its index is the IPv4 one, or the IPv6 one
// where IPv4 is off. Windows has no IFF_* flags; they are derived as
// flags_of says. Errors are Win32 codes, in the Winsock category (its texts
// cover them).

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/platform.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

namespace tsock::detail {

// Calls each(const IP_ADAPTER_ADDRESSES&) for every adapter
// GetAdaptersAddresses(AF_UNSPEC, flags) lists; returns 0 or its error. The
// buffer grows while the list does (bounded: a list that keeps growing fails
// with ERROR_BUFFER_OVERFLOW).
template <class Each> unsigned long for_each_adapter(unsigned long flags, Each each)
{
    ULONG size = 16 * 1024; // Microsoft's advice: 15 KB is enough for most hosts
    std::vector<std::max_align_t> buffer;
    ULONG r = ERROR_BUFFER_OVERFLOW;
    for (int attempt = 0; attempt != 8 && r == ERROR_BUFFER_OVERFLOW; ++attempt) {
        buffer.resize(size / sizeof(std::max_align_t) + 1);
        size = static_cast<ULONG>(buffer.size() * sizeof(std::max_align_t));
        r = ::GetAdaptersAddresses(AF_UNSPEC, flags, nullptr,
                                   reinterpret_cast<::IP_ADAPTER_ADDRESSES*>(buffer.data()), &size);
    }
    if (r == ERROR_NO_DATA) // no adapter at all
        return 0;
    if (r != ERROR_SUCCESS)
        return r;
    for (auto* a = reinterpret_cast<const ::IP_ADAPTER_ADDRESSES*>(buffer.data()); a; a = a->Next)
        each(*a);
    return 0;
}

// The adapter's index and if_nametoindex name; false if it has no such name
// (it went away since the listing).
inline bool adapter_id(const ::IP_ADAPTER_ADDRESSES& a, unsigned& index, std::string& name)
{
    char text[interface_name_size] = {};
    if (::ConvertInterfaceLuidToNameA(&a.Luid, text, sizeof text) != NO_ERROR)
        return false;
    index = a.IfIndex != 0 ? a.IfIndex : a.Ipv6IfIndex;
    name = text;
    return true;
}

inline constexpr unsigned long names_only = GAA_FLAG_SKIP_UNICAST | GAA_FLAG_SKIP_ANYCAST |
                                            GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER |
                                            GAA_FLAG_SKIP_FRIENDLY_NAME;

// Every adapter's index and name (interface_names), in the order Windows
// lists them.
template <class Id>
std::vector<Id> list_interface_names(std::error_code& ec)
{
    std::vector<Id> out;
    const unsigned long r = for_each_adapter(names_only, [&](const ::IP_ADAPTER_ADDRESSES& a) {
        Id id;
        if (adapter_id(a, id.index, id.name))
            out.push_back(std::move(id));
    });
    if (r != 0) {
        ec = socket_error(static_cast<int>(r));
        return {};
    }
    ec.clear();
    return out;
}

// The IFF_* flags (Linux's values, see detail/windows/system.hpp) an adapter
// stands for: up and running when its operational status is up; loopback for
// the software loopback; point_to_point for PPP and tunnels; broadcast for
// Ethernet and Wi-Fi; multicast unless the adapter refuses multicast. The
// others (debug, no_arp, promiscuous, all_multicast, lower_up, dormant) are
// never set.
inline unsigned flags_of(const ::IP_ADAPTER_ADDRESSES& a) noexcept
{
    unsigned flags = 0;
    if (a.OperStatus == IfOperStatusUp)
        flags |= iff_up | iff_running;
    if (a.IfType == IF_TYPE_SOFTWARE_LOOPBACK)
        flags |= iff_loopback;
    else if (a.IfType == IF_TYPE_PPP || a.IfType == IF_TYPE_TUNNEL)
        flags |= iff_pointopoint;
    else if (a.IfType == IF_TYPE_ETHERNET_CSMACD || a.IfType == IF_TYPE_IEEE80211)
        flags |= iff_broadcast;
    if ((a.Flags & IP_ADAPTER_NO_MULTICAST) == 0)
        flags |= iff_multicast;
    return flags;
}

// An IPv4 prefix length's netmask, in host order.
constexpr std::uint32_t v4_mask(unsigned prefix) noexcept
{
    return prefix == 0 ? 0 : prefix >= 32 ? 0xffffffffu : ~std::uint32_t(0) << (32 - prefix);
}

// Adds a unicast address to nic. Windows gives the on-link prefix length,
// not a netmask nor a broadcast address: on a broadcast interface the
// broadcast address is the subnet's (address | ~netmask) when the prefix
// leaves room for one (up to /30); no peer address is known.
template <class Interface>
void add_address(Interface& nic, const ::IP_ADAPTER_UNICAST_ADDRESS& u)
{
    const ::sockaddr* sa = u.Address.lpSockaddr;
    if (!sa)
        return;
    const unsigned prefix = u.OnLinkPrefixLength;
    if (sa->sa_family == AF_INET && u.Address.iSockaddrLength >= int(sizeof(::sockaddr_in))) {
        ::sockaddr_in in{};
        std::memcpy(&in, sa, sizeof in);
        const address_v4 address(in.sin_addr);
        const std::uint32_t mask = v4_mask(prefix);
        typename decltype(nic.v4)::value_type v4{address, address_v4(mask), {}, {}};
        if ((unsigned(nic.flags) & iff_broadcast) != 0 && prefix <= 30)
            v4.broadcast = address_v4(address.to_uint() | ~mask);
        nic.v4.push_back(v4);
    } else if (sa->sa_family == AF_INET6 && u.Address.iSockaddrLength >= int(sizeof(::sockaddr_in6))) {
        ::sockaddr_in6 in6{};
        std::memcpy(&in6, sa, sizeof in6);
        nic.v6.push_back({address_v6(in6.sin6_addr, in6.sin6_scope_id), prefix <= 128 ? prefix : 128});
    }
}

// Every adapter with its unicast addresses (interfaces), in the order
// Windows lists them.
template <class Interface>
std::vector<Interface> list_interfaces(std::error_code& ec)
{
    std::vector<Interface> out;
    constexpr unsigned long flags = GAA_FLAG_SKIP_ANYCAST | GAA_FLAG_SKIP_MULTICAST | GAA_FLAG_SKIP_DNS_SERVER |
                                    GAA_FLAG_SKIP_FRIENDLY_NAME;
    const unsigned long r = for_each_adapter(flags, [&](const ::IP_ADAPTER_ADDRESSES& a) {
        Interface nic;
        if (!adapter_id(a, nic.index, nic.name))
            return;
        nic.flags = decltype(nic.flags)(flags_of(a));
        for (const auto* u = a.FirstUnicastAddress; u; u = u->Next)
            add_address(nic, *u);
        out.push_back(std::move(nic));
    });
    if (r != 0) {
        ec = socket_error(static_cast<int>(r));
        return {};
    }
    ec.clear();
    return out;
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_INTERFACES_HPP
