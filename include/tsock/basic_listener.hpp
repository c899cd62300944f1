// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BASIC_LISTENER_HPP
#define TSOCK_BASIC_LISTENER_HPP

// basic_listener<Family, Type, Mode>: a listening socket, a type of its own.
// It binds, listens and accepts; it has no send or recv. accept() returns a
// connected basic_socket<Family, Type, Mode> and the peer's endpoint.

#include <tsock/basic_socket.hpp>
#include <tsock/detail/socket_base.hpp>

#include <optional>
#include <system_error>
#include <type_traits>

namespace tsock {

// accept's answer: the connected socket and who it is connected to.
template <class Socket>
struct accepted {
    Socket socket;
    typename Socket::endpoint_type peer;
};

template <socket_family Family, socket_type Type, blocking_mode Mode = blocking>
class basic_listener : public detail::socket_base<basic_listener<Family, Type, Mode>, Family, Type, Mode> {
    // An error here means a listener of a connectionless type: datagram and
    // raw sockets do not listen or accept; use basic_socket and recv_from.
    static_assert(Type::connection_oriented, "only stream and seqpacket sockets listen and accept");

    using base = detail::socket_base<basic_listener, Family, Type, Mode>;
    using base::handle_;

public:
    using socket = basic_socket<Family, Type, Mode>; // what accept() returns
    using typename base::endpoint_type;
    using typename base::native_handle_type;
    using accept_result = std::conditional_t<Mode::waits, accepted<socket>, std::optional<accepted<socket>>>;

    basic_listener() noexcept = default;
    basic_listener(basic_listener&&) noexcept = default;
    basic_listener& operator=(basic_listener&&) noexcept = default;

    // Opens a socket for ep, binds and listens (Python's create_server, for
    // one endpoint). On POSIX it sets SO_REUSEADDR first, as Python does, so
    // that a restarted server can bind while old connections linger; on
    // Windows SO_EXCLUSIVEADDRUSE instead (its SO_REUSEADDR would let another
    // socket bind the port in use).
    static basic_listener listen_on(const endpoint_type& ep, std::error_code& ec, int backlog = SOMAXCONN,
                                    Mode mode = {}) noexcept
    {
        basic_listener l = base::open_for(ep, ec, mode);
        if (ec)
            return basic_listener();
        if constexpr (Family::is_ip) {
            const int one = 1;
            detail::set_option(l.handle_, SOL_SOCKET, detail::server_address_option, &one, sizeof one, ec);
        }
        if (!ec)
            l.bind(ep, ec);
        if (!ec)
            l.listen(backlog, ec);
        return ec ? basic_listener() : std::move(l);
    }
    static basic_listener listen_on(const endpoint_type& ep, int backlog = SOMAXCONN, Mode mode = {})
    {
        std::error_code ec;
        auto l = listen_on(ep, ec, backlog, mode);
        detail::throw_if(ec, "listen_on");
        return l;
    }

    // listen(2).
    void listen(int backlog, std::error_code& ec) noexcept { detail::listen(handle_, backlog, ec); }
    void listen(int backlog = SOMAXCONN)
    {
        std::error_code ec;
        listen(backlog, ec);
        detail::throw_if(ec, "listen");
    }

    // accept4(2): the connected socket (CLOEXEC, same mode) and its peer.
    // (Windows: accept, and the socket made non-inheritable.)
    // Non-blocking: empty when no connection is waiting. Timeout: fails with
    // error::timed_out at the deadline.
    accept_result accept(std::error_code& ec) noexcept
    {
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        const auto h = this->with_wait(POLLIN, this->deadline(), ec, [&](std::error_code& e) {
            len = sizeof native;
            return detail::accept(handle_, reinterpret_cast<::sockaddr*>(&native), &len, Mode::nonblocking_handle, e);
        });
        if (ec) {
            if constexpr (!Mode::waits) {
                if (detail::would_block(ec)) {
                    ec.clear();
                    return std::nullopt;
                }
            }
            return accepted<socket>{socket(), endpoint_type()};
        }
        socket s(detail::own_handle, h, this->mode_);
        auto peer = endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
        return accepted<socket>{std::move(s), peer};
    }
    accept_result accept()
    {
        std::error_code ec;
        auto r = accept(ec);
        detail::throw_if(ec, "accept");
        return r;
    }

    // For tsock's own use (open, adopt): owns h unchecked.
    basic_listener(detail::own_handle_t, native_handle_type h, Mode mode) noexcept : base(h, mode) {}
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
