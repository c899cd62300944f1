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
#include <tsock/detail/names.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/resolver_error.hpp>

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

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
    case NO_DATA: return make_error_code(resolver_error(eai_no_data)); // no_data, or host_not_found

    default: return saved_errno != 0 ? socket_error(saved_errno) : std::error_code(EIO, std::system_category());
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

// Converts what lookup(use, h_error, saved_errno), one of the host database
// calls of detail/names.hpp, found; sets ec from its answer when it found
// nothing.
template <class Address, class Lookup> host_entry<Address> host_lookup(Lookup lookup, std::error_code& ec)
{
    host_entry<Address> entry;
    bool found = false;
    int h_error = 0;
    int saved_errno = 0;
    const int r = lookup(
        [&](const ::hostent* h) {
            entry = to_host_entry<Address>(*h);
            found = true;
        },
        h_error, saved_errno);
    if (found) {
        ec.clear();
        return entry;
    }
    ec = r != 0 && r != ERANGE && h_error == 0 ? socket_error(r) : host_error(h_error, saved_errno);
    return {};
}

inline host_entry<address_v4> host_by_name(const char* name, std::error_code& ec)
{
    return host_lookup<address_v4>(
        [name](auto use, int& h_error, int& saved_errno) { return detail::host_by_name(name, use, h_error, saved_errno); },
        ec);
}

template <class Address>
host_entry<Address> host_by_address(const Address& a, int family, std::error_code& ec)
{
    const auto bytes = a.to_bytes();
    return host_lookup<Address>(
        [&](auto use, int& h_error, int& saved_errno) {
            return detail::host_by_address(bytes.data(), bytes.size(), family, use, h_error, saved_errno);
        },
        ec);
}

} // namespace detail

// The host database's entry for host: its name, aliases and IPv4 addresses
// (gethostbyname_r; Winsock's gethostbyname on Windows; Python's
// gethostbyname_ex). Sets ec to a resolver error
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
// (gethostbyaddr_r; Winsock's gethostbyaddr on Windows; Python's
// gethostbyaddr). Sets ec as host_entry_by_name.
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
