// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_REVERSE_RESOLVE_HPP
#define TSOCK_REVERSE_RESOLVE_HPP

// reverse_resolve(endpoint): getnameinfo, typed. The host and service names
// of an IPv4, IPv6 or inet endpoint (Python's getnameinfo).

#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/resolver_error.hpp>

#include <cerrno>
#include <cstddef>
#include <string>
#include <system_error>
#include <type_traits>

namespace tsock {

// getnameinfo's NI_* flags, typed.
enum class name_flags : int {
    none = 0,
    numeric_host = NI_NUMERICHOST,   // the address as text, no lookup
    numeric_service = NI_NUMERICSERV, // the port as digits, no services lookup
    name_required = NI_NAMEREQD,     // fail (host_not_found) rather than give the address as text
    datagram = NI_DGRAM,             // the port's service for UDP (some differ from TCP's)
    no_fqdn = NI_NOFQDN,             // only the host part of a local host's name
};

constexpr name_flags operator|(name_flags a, name_flags b) noexcept { return name_flags(int(a) | int(b)); }
constexpr name_flags operator&(name_flags a, name_flags b) noexcept { return name_flags(int(a) & int(b)); }
constexpr bool has(name_flags set, name_flags flag) noexcept { return (int(set) & int(flag)) == int(flag); }

// reverse_resolve's answer.
struct name_info {
    std::string host;    // a name, or the address as text
    std::string service; // a service name, or the port as digits
};

namespace detail {
template <class Endpoint>
inline constexpr bool is_ip_endpoint = std::is_same_v<Endpoint, ipv4_endpoint> ||
                                       std::is_same_v<Endpoint, ipv6_endpoint> ||
                                       std::is_same_v<Endpoint, inet_endpoint>;
} // namespace detail

// getnameinfo(ep). Sets ec (resolver_category, or errno's value) and returns
// empty names on failure.
template <class Endpoint>
name_info reverse_resolve(const Endpoint& ep, name_flags flags, std::error_code& ec)
{
    // An error here means an endpoint that is not IP: only IPv4 and IPv6
    // addresses have host names.
    static_assert(detail::is_ip_endpoint<Endpoint>, "reverse_resolve takes an IPv4, IPv6 or inet endpoint");
    if (const int started = detail::start_sockets(); started != 0) { // getnameinfo needs Winsock started
        ec = detail::socket_error(started);
        return {};
    }
    const auto native = ep.to_native();
    char host[detail::max_host_text] = {};
    char service[detail::max_service_text] = {};
    errno = 0;
    const int r = ::getnameinfo(reinterpret_cast<const ::sockaddr*>(&native), ep.native_size(), host, sizeof host,
                                service, sizeof service, int(flags));
    ec = detail::resolver_code(r, errno);
    if (ec)
        return {};
    return {host, service};
}
template <class Endpoint>
name_info reverse_resolve(const Endpoint& ep, std::error_code& ec)
{
    return reverse_resolve(ep, name_flags::none, ec);
}
// As above; throws std::system_error naming the endpoint.
template <class Endpoint>
name_info reverse_resolve(const Endpoint& ep, name_flags flags = name_flags::none)
{
    std::error_code ec;
    auto info = reverse_resolve(ep, flags, ec);
    if (ec)
        detail::throw_for(ec, "reverse_resolve", {ep.to_string()});
    return info;
}

} // namespace tsock

#endif // TSOCK_REVERSE_RESOLVE_HPP
