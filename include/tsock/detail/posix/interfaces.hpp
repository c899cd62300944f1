// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_INTERFACES_HPP
#define TSOCK_DETAIL_POSIX_INTERFACES_HPP

// The interface listings on POSIX: if_nameindex and getifaddrs. Templates
// over the types of tsock/interfaces.hpp that they fill (Id: interface_id,
// Interface: network_interface), which include this before defining them.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/owned_list.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/sockaddr.hpp>

#include <bit>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tsock::detail {

// An index and a name, as list_interfaces reads them.
struct name_index {
    unsigned index = 0;
    std::string name;
};

struct free_name_index {
    void operator()(struct ::if_nameindex* p) const noexcept { ::if_freenameindex(p); }
};
struct free_interface_addresses {
    void operator()(::ifaddrs* p) const noexcept { ::freeifaddrs(p); }
};

// if_nameindex: every interface's index and name (interface_names).
template <class Id>
std::vector<Id> list_interface_names(std::error_code& ec)
{
    ec.clear();
    errno = 0;
    const owned_list<struct ::if_nameindex, free_name_index> list(::if_nameindex());
    if (!list) {
        ec = {errno != 0 ? errno : ENOBUFS, std::system_category()};
        return {};
    }
    std::vector<Id> out;
    for (const auto* p = list.get(); p->if_index != 0 && p->if_name; ++p)
        out.push_back({p->if_index, p->if_name});
    return out;
}

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

template <class Interface>
void add_address(Interface& nic, const ::ifaddrs& a)
{
    const ::sockaddr* sa = a.ifa_addr;
    if (sa && sa->sa_family == AF_INET) {
        typename decltype(nic.v4)::value_type v4{v4_of(sa), a.ifa_netmask ? v4_of(a.ifa_netmask) : address_v4(), {}, {}};
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

// getifaddrs, with the indexes of one if_nameindex: every interface with its
// addresses (interfaces).
template <class Interface>
std::vector<Interface> list_interfaces(std::error_code& ec)
{
    ec.clear();
    ::ifaddrs* raw = nullptr;
    if (::getifaddrs(&raw) != 0) {
        ec = {errno, std::system_category()};
        return {};
    }
    const owned_list<::ifaddrs, free_interface_addresses> list(raw);
    // Indexes from one if_nameindex; a name it lacks (an interface new since)
    // is looked up on its own.
    std::error_code names_ec;
    std::unordered_map<std::string, unsigned> index_of;
    for (auto& id : list_interface_names<name_index>(names_ec))
        index_of.emplace(std::move(id.name), id.index);
    std::vector<Interface> out;
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
            // 0 if the interface went away.
            const unsigned index = known != index_of.end() ? known->second : interface_index(name);
            out.push_back({index, std::move(name), decltype(Interface::flags)(a->ifa_flags), {}, {}});
        }
        add_address(out[at->second], *a);
    }
    return out;
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_INTERFACES_HPP
