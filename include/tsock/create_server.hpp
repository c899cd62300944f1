// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CREATE_SERVER_HPP
#define TSOCK_CREATE_SERVER_HPP

// create_server(endpoint, options): Python's create_server, typed. Opens a
// listener for the endpoint's family, sets the options a server wants, binds
// and listens. The family comes from the endpoint type.

#include <tsock/basic_listener.hpp>
#include <tsock/detail/platform_options.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/endpoint.hpp>

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
    // system's default (net.ipv6.bindv6only), as Python does, and as
    // listen_on does. Any other endpoint: error::not_dual_stack.
    bool dual_stack = false;
};

namespace detail {
// Can create_server make a listener of Type for endpoints like Endpoint?
template <class Endpoint, class Type>
concept servable = endpoint<Endpoint> && Type::connection_oriented &&
                   family_of_t<Endpoint>::template supports<Type>;
} // namespace detail

// The listener, bound and listening; on failure ec is set and it is closed.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint>
    requires detail::servable<Endpoint, Type>
basic_listener<family_of_t<Endpoint>, Type, Mode> create_server(const Endpoint& ep, const server_options& o,
                                                                const Mode& mode, std::error_code& ec) noexcept
{
    using family = family_of_t<Endpoint>;
    using listener = basic_listener<family, Type, Mode>;
    ec.clear();
    const bool is_v6 = ep.family() == AF_INET6;
    if (o.dual_stack && !is_v6) {
        ec = make_error_code(error::not_dual_stack);
        return listener();
    }
    auto l = listener::open_for(ep, mode, ec);
    const auto native = l.native_handle();
    const int one = 1;
    if (!ec && family::is_ip && o.reuse_address)
        detail::set_system_error(ec, detail::set_option(native, SOL_SOCKET, detail::server_address_option, &one, sizeof one));
    if (!ec && o.reuse_port) {
        if (family::is_ip && detail::so_reuseport.available)
            detail::set_system_error(ec, detail::set_option(native, SOL_SOCKET, detail::so_reuseport.name, &one, sizeof one));
        else
            ec = std::make_error_code(std::errc::operation_not_supported);
    }
    if (!ec && is_v6) {
        const int only = o.dual_stack ? 0 : 1;
        detail::set_system_error(ec, detail::set_option(native, IPPROTO_IPV6, IPV6_V6ONLY, &only, sizeof only));
    }
    if (!ec)
        l.bind(ep, ec);
    if (!ec)
        l.listen(o.backlog, ec);
    return ec ? listener() : std::move(l);
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint>
    requires(detail::servable<Endpoint, Type> && std::default_initializable<Mode>)
basic_listener<family_of_t<Endpoint>, Type, Mode> create_server(const Endpoint& ep, const server_options& o,
                                                                std::error_code& ec) noexcept
{
    return create_server<Type, Mode>(ep, o, Mode{}, ec);
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint>
    requires(detail::servable<Endpoint, Type> && std::default_initializable<Mode>)
basic_listener<family_of_t<Endpoint>, Type, Mode> create_server(const Endpoint& ep, std::error_code& ec) noexcept
{
    return create_server<Type, Mode>(ep, server_options{}, Mode{}, ec);
}

// As above; throws std::system_error naming the endpoint.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint>
    requires(detail::servable<Endpoint, Type> && std::default_initializable<Mode>)
basic_listener<family_of_t<Endpoint>, Type, Mode> create_server(const Endpoint& ep, const server_options& o = {})
{
    return create_server<Type, Mode>(ep, o, Mode{});
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint>
    requires detail::servable<Endpoint, Type>
basic_listener<family_of_t<Endpoint>, Type, Mode> create_server(const Endpoint& ep, const server_options& o,
                                                                const Mode& mode)
{
    std::error_code ec;
    auto l = create_server<Type, Mode>(ep, o, mode, ec);
    if (ec)
        detail::throw_for(ec, "create_server", {ep.to_string()});
    return l;
}

template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint, class... Args>
    requires(detail::servable<Endpoint, Type> && detail::mode_missing<Mode, Args...>)
TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) create_server(const Endpoint&, Args&&...) TSOCK_DELETED;

// An error here means create_server of a connectionless type (datagram,
// raw): they do not listen; open a socket, bind it and recv_from.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Endpoint, class... Args>
    requires(endpoint<Endpoint> && !Type::connection_oriented)
TSOCK_REFUSED("create_server makes stream or seqpacket listeners: a datagram socket binds and uses recv_from")
create_server(const Endpoint&, Args&&...) TSOCK_DELETED;

} // namespace tsock

#endif // TSOCK_CREATE_SERVER_HPP
