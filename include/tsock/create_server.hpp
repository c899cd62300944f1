// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CREATE_SERVER_HPP
#define TSOCK_CREATE_SERVER_HPP

// create_server(endpoint, options): Python's create_server, typed. Opens a
// listener for the endpoint's family, sets the options a server wants, binds
// and listens. The family comes from the endpoint type.

#include <tsock/basic_listener.hpp>
#include <tsock/detail/family_of.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/options.hpp>

#include <system_error>

namespace tsock {

struct server_options {
    int backlog = SOMAXCONN;
    // SO_REUSEADDR (IP only; ignored for a local endpoint): a restarted
    // server binds while old connections linger in TIME_WAIT. On Windows,
    // where SO_REUSEADDR would let another socket take the port over (and
    // TIME_WAIT needs nothing), it sets SO_EXCLUSIVEADDRUSE instead, never
    // SO_REUSEADDR.
    bool reuse_address = true;
    // SO_REUSEPORT: several listeners share the port, the kernel spreads the
    // connections. IP only (a local endpoint, or Windows, which has no
    // SO_REUSEPORT: operation_not_supported).
    bool reuse_port = false;
    // An IPv6 endpoint that also accepts IPv4 (as ::ffff:a.b.c.d), with
    // IPV6_V6ONLY off. Without it an IPv6 server is IPv6-only, whatever the
    // system's default (net.ipv6.bindv6only), as Python does. Any other
    // endpoint: error::not_dual_stack.
    bool dual_stack = false;
};

// The listener, bound and listening; on failure ec is set and it is closed.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint,
          class Family = detail::family_of_t<Endpoint>>
basic_listener<Family, Type, Mode> create_server(const Endpoint& ep, const server_options& o, std::error_code& ec,
                                                 Mode mode = {}) noexcept
{
    using listener = basic_listener<Family, Type, Mode>;
    ec.clear();
    const bool is_v6 = detail::domain_of(ep) == AF_INET6;
    if (o.dual_stack && !is_v6) {
        ec = make_error_code(error::not_dual_stack);
        return listener();
    }
    auto l = listener::open_for(ep, ec, mode);
    if constexpr (Family::is_ip) {
#if BOOST_OS_WINDOWS
        if (!ec && o.reuse_address)
            l.set(options::exclusive_address_use(true), ec);
        if (!ec && o.reuse_port)
            ec = std::make_error_code(std::errc::operation_not_supported); // no SO_REUSEPORT
#else
        if (!ec && o.reuse_address)
            l.set(options::reuse_address(true), ec);
        if (!ec && o.reuse_port)
            l.set(options::reuse_port(true), ec);
#endif
    } else if (!ec && o.reuse_port) {
        ec = std::make_error_code(std::errc::operation_not_supported); // SO_REUSEPORT is for IP
    }
    if constexpr (settable_option_for<options::ipv6::only, Family, Type>) {
        if (!ec && is_v6)
            l.set(options::ipv6::only(!o.dual_stack), ec);
    }
    if (!ec)
        l.bind(ep, ec);
    if (!ec)
        l.listen(o.backlog, ec);
    return ec ? listener() : std::move(l);
}

// As above; throws std::system_error naming the endpoint.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint,
          class Family = detail::family_of_t<Endpoint>>
basic_listener<Family, Type, Mode> create_server(const Endpoint& ep, const server_options& o = {}, Mode mode = {})
{
    std::error_code ec;
    auto l = create_server<Type, Mode>(ep, o, ec, mode);
    if (ec)
        detail::throw_for(ec, "create_server", {ep.to_string()});
    return l;
}

} // namespace tsock

#endif // TSOCK_CREATE_SERVER_HPP
