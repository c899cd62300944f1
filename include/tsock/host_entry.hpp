// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_HOST_ENTRY_HPP
#define TSOCK_HOST_ENTRY_HPP

// The host database (hostent), typed: host_entry_by_name and
// host_entry_by_address answer with its view of a host (name, aliases,
// addresses), which getaddrinfo does not give. Code that only wants
// addresses reads better with resolve<ipv4>(host, service). Python's
// spellings (gethostbyname_ex, gethostbyaddr, gethostbyname) are in
// <tsock/python.hpp>.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/name_checks.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/resolver_error.hpp>

#include <boost/predef/library/c/gnu.h>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#if !BOOST_LIB_C_GNU
#include <mutex>
#endif

namespace tsock {

// A host database entry: Python's (hostname, aliaslist, ipaddrlist).
template <class Address>
struct host_entry {
    std::string name;
    std::vector<std::string> aliases;
    std::vector<Address> addresses;
};

namespace detail {

// The resolver error for gethostbyname_r's h_errno.
inline std::error_code host_error(int h_error, int saved_errno) noexcept
{
    switch (h_error) {
    case HOST_NOT_FOUND: return make_error_code(resolver_error::host_not_found);
    case TRY_AGAIN: return make_error_code(resolver_error::try_again);
    case NO_RECOVERY: return make_error_code(resolver_error::no_recovery);
#if defined(EAI_NODATA)
    case NO_DATA: return make_error_code(resolver_error::no_data);
#else
    case NO_DATA: return make_error_code(resolver_error::host_not_found);
#endif
    default: return {saved_errno != 0 ? saved_errno : EIO, std::system_category()};
    }
}

template <class Address>
host_entry<Address> to_host_entry(const ::hostent& h)
{
    host_entry<Address> entry;
    entry.name = h.h_name ? h.h_name : "";
    for (char** alias = h.h_aliases; alias && *alias; ++alias)
        entry.aliases.emplace_back(*alias);
    constexpr std::size_t size = std::tuple_size_v<typename Address::bytes_type>;
    if (h.h_length != int(size))
        return entry;
    for (char** address = h.h_addr_list; address && *address; ++address) {
        typename Address::bytes_type bytes;
        std::memcpy(bytes.data(), *address, size);
        entry.addresses.emplace_back(bytes);
    }
    return entry;
}

// Calls lookup(hostent&, buffer, size, hostent**, int* h_errno) with a buffer
// that grows on ERANGE (up to 1 MiB), and converts the entry it found.
template <class Address, class Lookup>
host_entry<Address> host_lookup(Lookup lookup, std::error_code& ec)
{
    std::vector<char> buffer(1024);
    for (;;) {
        ::hostent storage{};
        ::hostent* found = nullptr;
        int h_error = 0;
        errno = 0;
        const int r = lookup(storage, buffer.data(), buffer.size(), &found, &h_error);
        if (r == ERANGE && buffer.size() < (std::size_t(1) << 20)) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (r == 0 && found) {
            ec.clear();
            return to_host_entry<Address>(*found);
        }
        ec = r != 0 && r != ERANGE && h_error == 0 ? std::error_code(r, std::system_category())
                                                    : host_error(h_error, errno);
        return {};
    }
}

#if !BOOST_LIB_C_GNU
// Without the _r functions the C library's static hostent is shared: one
// lookup at a time.
inline std::mutex& host_database_mutex()
{
    static std::mutex m;
    return m;
}
#endif

inline host_entry<address_v4> host_by_name(const char* name, std::error_code& ec)
{
#if BOOST_LIB_C_GNU
    return host_lookup<address_v4>(
        [name](::hostent& h, char* buffer, std::size_t size, ::hostent** found, int* h_error) {
            return ::gethostbyname_r(name, &h, buffer, size, found, h_error);
        },
        ec);
#else
    std::lock_guard lock(host_database_mutex());
    const ::hostent* h = ::gethostbyname(name);
    if (!h) {
        ec = host_error(h_errno, errno);
        return {};
    }
    ec.clear();
    return to_host_entry<address_v4>(*h);
#endif
}

template <class Address>
host_entry<Address> host_by_address(const Address& a, int family, std::error_code& ec)
{
    const auto bytes = a.to_bytes();
#if BOOST_LIB_C_GNU
    return host_lookup<Address>(
        [&](::hostent& h, char* buffer, std::size_t size, ::hostent** found, int* h_error) {
            return ::gethostbyaddr_r(bytes.data(), ::socklen_t(bytes.size()), family, &h, buffer, size, found,
                                     h_error);
        },
        ec);
#else
    std::lock_guard lock(host_database_mutex());
    const ::hostent* h = ::gethostbyaddr(bytes.data(), ::socklen_t(bytes.size()), family);
    if (!h) {
        ec = host_error(h_errno, errno);
        return {};
    }
    ec.clear();
    return to_host_entry<Address>(*h);
#endif
}

} // namespace detail

// The host database's entry for host: its name, aliases and IPv4 addresses
// (gethostbyname_r; Python's gethostbyname_ex). Sets ec to a resolver error
// (host_not_found, ...), or to error::empty_host, embedded_nul,
// name_too_long or label_too_long for a name refused before the lookup.
inline host_entry<address_v4> host_entry_by_name(std::string_view host, std::error_code& ec)
{
    ec.clear();
    detail::check_host(host, false, ec);
    if (ec)
        return {};
    char text[detail::max_name_length + 2] = {};
    host.copy(text, host.size());
    return detail::host_by_name(text, ec);
}
// As above; throws std::system_error naming the call and host.
inline host_entry<address_v4> host_entry_by_name(std::string_view host)
{
    std::error_code ec;
    auto entry = host_entry_by_name(host, ec);
    if (ec)
        detail::throw_for(ec, "host_entry_by_name", {host});
    return entry;
}

// The host database's entry for an address: its name, aliases and addresses
// (gethostbyaddr_r; Python's gethostbyaddr). Sets ec as host_entry_by_name.
inline host_entry<address_v4> host_entry_by_address(const address_v4& a, std::error_code& ec)
{
    return detail::host_by_address(a, AF_INET, ec);
}
inline host_entry<address_v6> host_entry_by_address(const address_v6& a, std::error_code& ec)
{
    return detail::host_by_address(a, AF_INET6, ec);
}
// As above; throws std::system_error naming the call and the address.
template <class Address>
    requires std::is_same_v<Address, address_v4> || std::is_same_v<Address, address_v6>
host_entry<Address> host_entry_by_address(const Address& a)
{
    std::error_code ec;
    auto entry = host_entry_by_address(a, ec);
    if (ec)
        detail::throw_for(ec, "host_entry_by_address", {a.to_string()});
    return entry;
}

} // namespace tsock

#endif // TSOCK_HOST_ENTRY_HPP
