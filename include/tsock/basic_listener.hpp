// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BASIC_LISTENER_HPP
#define TSOCK_BASIC_LISTENER_HPP

// basic_listener<Family, Type, Mode>: a listening socket, a type of its own.
// It binds, listens and accepts; it has no send or recv. accept() returns a
// connected basic_socket<Family, Type, Mode> and the peer's endpoint.

#include <tsock/basic_socket.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/socket_base.hpp>

#include <system_error>
#include <type_traits>

namespace tsock {

// accept's answer: the connected socket and who it is connected to.
template <class Socket>
struct accepted {
    Socket socket;
    typename Socket::endpoint_type peer{};
};

template <socket_family Family, socket_type Type, blocking_mode Mode = blocking>
class basic_listener : public detail::socket_base<basic_listener<Family, Type, Mode>, Family, Type, Mode> {
    // An error here means a listener of a connectionless type: datagram and
    // raw sockets do not listen or accept; use basic_socket and recv_from.
    static_assert(Type::connection_oriented, "only stream and seqpacket sockets listen and accept");

    using base = detail::socket_base<basic_listener, Family, Type, Mode>;
    friend struct detail::socket_access;
    using base::handle_;
    using base::mode_;
    using status = detail::status;

public:
    using socket = basic_socket<Family, Type, Mode>; // what accept() returns
    using typename base::endpoint_type;
    using typename base::native_handle_type;
    // Blocking and timeout: accepted<socket>; non_blocking: if_ready of it.
    using accept_result = typename Mode::template result<accepted<socket>>;
    template <blocking_mode M>
    using rebind_mode = basic_listener<Family, Type, M>;

    basic_listener() noexcept = default;
    basic_listener(basic_listener&&) noexcept = default;
    basic_listener& operator=(basic_listener&&) noexcept = default;

    // Opens a socket for ep, binds and listens (Python's create_server, for
    // one endpoint, with its defaults: SO_REUSEADDR on POSIX, so that a
    // restarted server binds while old connections linger, and
    // SO_EXCLUSIVEADDRUSE on Windows, whose SO_REUSEADDR would let another
    // socket take the port; an IPv6 endpoint is IPv6-only, as create_server
    // makes it unless asked for dual stack).
    static basic_listener listen_on(const endpoint_type& ep, int backlog = SOMAXCONN)
        requires std::default_initializable<Mode>
    {
        return listen_on(ep, backlog, Mode{});
    }
    static basic_listener listen_on(const endpoint_type& ep, int backlog, Mode mode)
    {
        std::error_code ec;
        auto l = listen_on(ep, backlog, mode, ec);
        detail::throw_if(ec, "listen_on");
        return l;
    }
    static basic_listener listen_on(const endpoint_type& ep, std::error_code& ec) noexcept
        requires std::default_initializable<Mode>
    {
        return listen_on(ep, SOMAXCONN, Mode{}, ec);
    }
    static basic_listener listen_on(const endpoint_type& ep, int backlog, std::error_code& ec) noexcept
        requires std::default_initializable<Mode>
    {
        return listen_on(ep, backlog, Mode{}, ec);
    }
    static basic_listener listen_on(const endpoint_type& ep, int backlog, Mode mode, std::error_code& ec) noexcept
    {
        basic_listener l = base::open_for(ep, mode, ec);
        if (ec)
            return basic_listener();
        if constexpr (Family::is_ip) {
            const int one = 1;
            detail::set_system_error(ec, detail::set_option(l.handle_, SOL_SOCKET, detail::server_address_option, &one,
                                                     sizeof one));
            if (!ec && detail::domain_of(ep) == AF_INET6)
                detail::set_system_error(ec, detail::set_option(l.handle_, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one));
        }
        if (!ec)
            l.bind(ep, ec);
        if (!ec)
            l.listen(backlog, ec);
        return ec ? basic_listener() : std::move(l);
    }
    template <class E, class... Args>
        requires(!detail::foreign_endpoint<E, endpoint_type> && detail::mode_missing<Mode, Args...>)
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) listen_on(const E&, Args&&...) TSOCK_DELETED;
    template <class E, class... Args>
        requires detail::foreign_endpoint<E, endpoint_type>
    static TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) listen_on(const E&, Args&&...) TSOCK_DELETED;

    // listen(2).
    void listen(int backlog = SOMAXCONN)
    {
        std::error_code ec;
        listen(backlog, ec);
        detail::throw_if(ec, "listen");
    }
    void listen(int backlog, std::error_code& ec) noexcept { detail::set_system_error(ec, detail::listen(handle_, backlog)); }
    void listen(std::error_code& ec) noexcept { listen(SOMAXCONN, ec); }

    // accept4(2): the connected socket (CLOEXEC, same mode) and its peer.
    // (Windows: accept, and the socket made non-inheritable.)
    // Non-blocking: empty when no connection is waiting. Timeout: fails with
    // error::timed_out at the deadline.
    [[nodiscard]] TSOCK_ALWAYS_INLINE accept_result accept()
    {
        const auto fill = [&](accepted<socket>& r) TSOCK_ALWAYS_INLINE_LAMBDA { return accept_into(r); };
        return base::template fill_or_throw<accepted<socket>>(unconnected(), fill, "accept");
    }
    [[nodiscard]] TSOCK_ALWAYS_INLINE accept_result accept(std::error_code& ec) noexcept
    {
        const auto fill = [&](accepted<socket>& r) TSOCK_ALWAYS_INLINE_LAMBDA { return accept_into(r); };
        return base::template fill_or_set<accepted<socket>>(unconnected(), fill, ec);
    }

    // An error here means send or recv on a listener: it only accepts;
    // the socket accept() returns sends and receives.
    template <class... Args>
    TSOCK_REFUSED("a listener only accepts: send and receive on the socket accept() returns")
    send(Args&&...) TSOCK_DELETED;
    template <class... Args>
    TSOCK_REFUSED("a listener only accepts: send and receive on the socket accept() returns")
    recv(Args&&...) TSOCK_DELETED;

private:
    basic_listener(native_handle_type h, const Mode& mode) noexcept : base(h, mode) {}

    // The socket an accepted connection goes into: its handle is written
    // by accept_into, whatever the call's outcome.
    // (A maker, not a socket: the result's member is built in place, never
    // moved from a temporary.)
    auto unconnected() const noexcept
    {
        return [this]() noexcept { return detail::socket_access::make<socket>(detail::for_overwrite, mode_); };
    }

    // accept4 straight into the result (built in the caller's object): the
    // kernel writes the peer's name into r.peer where the endpoint holds its
    // sockaddr, so nothing is copied. 0, or why not (r then holds no socket
    // and the endpoint's default).
    TSOCK_ALWAYS_INLINE status accept_into(accepted<socket>& r) noexcept
    {
        native_handle_type h = detail::invalid_handle;
        const status s = accept_one(h, r.peer);
        detail::socket_access::handle(r.socket) = h;
        return s;
    }

    // accept4 into h and peer: 0, or why not (h is then invalid_handle and
    // peer the endpoint's default).
    TSOCK_ALWAYS_INLINE status accept_one(native_handle_type& h, endpoint_type& peer) noexcept
    {
        detail::name_slot<endpoint_type> name(peer);
        ::socklen_t len = name.capacity;
        status s = 0;
        this->perform(POLLIN, s, [&] {
            len = name.capacity;
            status st = 0;
            h = detail::accept(handle_, name.data(), &len, Mode::nonblocking_handle, st);
            return st;
        });
        if (s) [[unlikely]] {
            h = detail::invalid_handle;
            peer = endpoint_type(); // nothing was accepted: not a name left to the system
            return s;
        }
        // A failed call always sets errno (WSAGetLastError): no status, a
        // handle. The socket's destructor then needs no test.
        TSOCK_ASSUME(h != detail::invalid_handle);
        // Every name the kernel gives is one the endpoint types can hold
        // (a 108-byte local path too), so this fails only for a family of
        // the user's whose endpoint cannot: the connection is then closed.
        s = name.take(len);
        if (s) [[unlikely]] {
            s = drop(h, s);
            h = detail::invalid_handle;
        }
        return s;
    }

    // Closes a connection accepted with a name its endpoint cannot hold; s,
    // why. Out of line, so that no status lives across a call on the path
    // every accept takes (the compiler would save a register for it).
    TSOCK_COLD static status drop(native_handle_type h, status s) noexcept
    {
        (void)detail::close_socket(h);
        return s;
    }
};

template <socket_family Family, blocking_mode Mode = blocking>
using stream_listener = basic_listener<Family, stream, Mode>;
template <socket_family Family, blocking_mode Mode = blocking>
using seqpacket_listener = basic_listener<Family, seqpacket, Mode>;

using tcp_listener = stream_listener<ipv4>;
using tcp6_listener = stream_listener<ipv6>;
using unix_stream_listener = stream_listener<local>;
using unix_seqpacket_listener = seqpacket_listener<local>;

} // namespace tsock

#endif // TSOCK_BASIC_LISTENER_HPP
