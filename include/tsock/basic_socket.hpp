// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BASIC_SOCKET_HPP
#define TSOCK_BASIC_SOCKET_HPP

// basic_socket<Family, Type, Mode>: a socket that sends and receives. The
// socket is its handle (plus the timeout's duration in the timeout mode);
// every call is the system call it names. What the type does not allow does
// not compile: send_to on a stream socket, send_all on a non-blocking one...
// The endpoints of the aliases' families (ipv4, ipv6, local) come with it;
// inet sockets need <tsock/inet_endpoint.hpp> as well.

#include <tsock/buffer.hpp>
#include <tsock/detail/socket_base.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>
#include <tsock/message_flags.hpp>

#include <cstddef>
#include <optional>
#include <system_error>
#include <type_traits>

namespace tsock {

// What a non-blocking connect() did.
enum class connect_status {
    connected,   // at once (local sockets, loopback sometimes)
    in_progress, // wait for writability, then check error (SO_ERROR)
};

// recv_from's answer: how many bytes, and from whom.
template <class Endpoint>
struct received_from {
    std::size_t size;
    Endpoint sender;
};

template <socket_family Family, socket_type Type, blocking_mode Mode = blocking>
class basic_socket : public detail::socket_base<basic_socket<Family, Type, Mode>, Family, Type, Mode> {
    using base = detail::socket_base<basic_socket, Family, Type, Mode>;
    using base::handle_;
    static constexpr bool is_non_blocking = !Mode::waits;

    // An operation's result: the value, or in the non_blocking mode an
    // optional that is empty when the call would block.
    template <class T>
    using result = std::conditional_t<is_non_blocking, std::optional<T>, T>;

    template <class T>
    static result<T> finish(T value, std::error_code& ec) noexcept
    {
        if constexpr (is_non_blocking) {
            if (ec && detail::would_block(ec)) {
                ec.clear();
                return std::nullopt;
            }
        }
        return value;
    }

public:
    using typename base::endpoint_type;
    using typename base::native_handle_type;

    // Not open. (open(), connect_to() or adopt() make an open one.)
    basic_socket() noexcept = default;
    basic_socket(basic_socket&&) noexcept = default;
    basic_socket& operator=(basic_socket&&) noexcept = default;

    // Opens a socket for ep and connects it (Python's create_connection for
    // one endpoint). In the timeout mode the whole call has the deadline.
    static basic_socket connect_to(const endpoint_type& ep, Mode mode = {})
        requires(Mode::waits)
    {
        auto s = base::open_for(ep, mode);
        s.connect(ep);
        return s;
    }
    static basic_socket connect_to(const endpoint_type& ep, std::error_code& ec, Mode mode = {}) noexcept
        requires(Mode::waits)
    {
        auto s = base::open_for(ep, ec, mode);
        if (!ec)
            s.connect(ep, ec);
        if (ec)
            s = basic_socket();
        return s;
    }

    // connect(2). The std::error_code form is Python's connect_ex. Blocking:
    // waits for the outcome. Timeout: fails with error::timed_out at the
    // deadline. Both then return connected. Non-blocking: returns connected
    // or in_progress (wait for writability, then read pending_error()).
    connect_status connect(const endpoint_type& ep, std::error_code& ec) noexcept
    {
        const auto native = ep.to_native();
        const auto until = this->deadline();
        detail::connect(handle_, reinterpret_cast<const ::sockaddr*>(&native), ep.native_size(), ec);
        if (!ec)
            return connect_status::connected;
        // Under way (EINPROGRESS, or EINTR: the signal only cut the wait
        // short; WSAEWOULDBLOCK on Windows), or else an error in every mode.
        const bool pending = ec.value() == detail::connect_in_progress || ec.value() == detail::connect_interrupted;
        if (ec.category() != detail::socket_category() || !pending)
            return connect_status::connected; // ec says why
        if constexpr (is_non_blocking) {
            ec.clear();
            return connect_status::in_progress;
        } else {
            // Wait for the connection to complete, then read its outcome.
            const auto until_or_never = std::is_same_v<Mode, tsock::timeout> ? until : std::chrono::steady_clock::time_point::max();
#if BOOST_OS_WINDOWS
            // select, not WSAPoll (see wait_connected).
            if (!detail::wait_connected(handle_, until_or_never, ec)) {
#else
            if (!detail::wait_until(handle_, POLLOUT, until_or_never, ec)) {
#endif
                if constexpr (std::is_same_v<Mode, tsock::timeout>) {
                    if (!ec)
                        ec = make_error_code(error::timed_out);
                }
                return connect_status::connected;
            }
            ec = pending_error();
            return connect_status::connected;
        }
    }
    connect_status connect(const endpoint_type& ep)
    {
        std::error_code ec;
        auto r = connect(ep, ec);
        detail::throw_if(ec, "connect");
        return r;
    }

    // The outcome of a non-blocking connect (SO_ERROR); clears it.
    std::error_code pending_error() const noexcept
    {
        int value = 0;
        ::socklen_t len = sizeof value;
        std::error_code ec;
        detail::get_option(handle_, SOL_SOCKET, SO_ERROR, &value, &len, ec);
        return ec ? ec : detail::socket_error(value);
    }

    // send(2) with MSG_NOSIGNAL: how many bytes went (maybe fewer than asked).
    template <byte_buffer B>
    result<std::size_t> send(const B& buffer, send_flags flags, std::error_code& ec) noexcept
    {
        // An error here means a string literal or char array was passed: it
        // would send its terminating NUL too. Pass std::string_view("...").
        static_assert(!detail::is_char_array<B>, "send: a char array would include its terminating NUL; use std::string_view");
        const auto bytes = detail::as_bytes(buffer);
        const auto n = this->with_wait(POLLOUT, this->deadline(), ec, [&](std::error_code& e) {
            return detail::send(handle_, bytes.data(), bytes.size(), int(flags), e);
        });
        return finish(n < 0 ? std::size_t(0) : std::size_t(n), ec);
    }
    template <byte_buffer B>
    result<std::size_t> send(const B& buffer, std::error_code& ec) noexcept
    {
        return send(buffer, send_flags::none, ec);
    }
    template <byte_buffer B>
    result<std::size_t> send(const B& buffer, send_flags flags = send_flags::none)
    {
        if constexpr (std::is_same_v<Mode, blocking>) {
            // The system call and nothing else: no std::error_code unless it fails.
            static_assert(!detail::is_char_array<B>, "send: a char array would include its terminating NUL; use std::string_view");
            const auto bytes = detail::as_bytes(buffer);
            const auto n = detail::send(handle_, bytes.data(), bytes.size(), int(flags));
            if (n < 0) [[unlikely]]
                detail::throw_last_error("send");
            return std::size_t(n);
        } else {
            std::error_code ec;
            auto r = send(buffer, flags, ec);
            detail::throw_if(ec, "send");
            return r;
        }
    }

    // recv(2): how many bytes arrived; 0 means the peer closed (stream).
    template <mutable_byte_buffer B>
    result<std::size_t> recv(B&& buffer, recv_flags flags, std::error_code& ec) noexcept
    {
        const auto bytes = detail::as_writable_bytes(buffer);
        const auto n = this->with_wait(POLLIN, this->deadline(), ec, [&](std::error_code& e) {
            return detail::recv(handle_, bytes.data(), bytes.size(), int(flags), e);
        });
        return finish(n < 0 ? std::size_t(0) : std::size_t(n), ec);
    }
    template <mutable_byte_buffer B>
    result<std::size_t> recv(B&& buffer, std::error_code& ec) noexcept
    {
        return recv(buffer, recv_flags::none, ec);
    }
    template <mutable_byte_buffer B>
    result<std::size_t> recv(B&& buffer, recv_flags flags = recv_flags::none)
    {
        if constexpr (std::is_same_v<Mode, blocking>) {
            const auto bytes = detail::as_writable_bytes(buffer);
            const auto n = detail::recv(handle_, bytes.data(), bytes.size(), int(flags));
            if (n < 0) [[unlikely]]
                detail::throw_last_error("recv");
            return std::size_t(n);
        } else {
            std::error_code ec;
            auto r = recv(buffer, flags, ec);
            detail::throw_if(ec, "recv");
            return r;
        }
    }

    // Python's sendall: sends every byte, looping over partial sends. Returns
    // how many went (all of them unless ec is set). Timeout: one deadline for
    // the whole call.
    template <byte_buffer B>
    std::size_t send_all(const B& buffer, std::error_code& ec) noexcept
    {
        // An error here means send_all on a non-blocking socket (it would have
        // to wait: use send and a poller) or on a message socket (a message is
        // sent whole or not at all: use send).
        static_assert(Mode::waits, "send_all waits until everything is sent: not on a non_blocking socket");
        static_assert(!Type::message_oriented, "send_all is for byte streams: a message goes whole with send");
        static_assert(!detail::is_char_array<B>, "send_all: a char array would include its terminating NUL; use std::string_view");
        const auto bytes = detail::as_bytes(buffer);
        const auto until = this->deadline();
        std::size_t done = 0;
        ec.clear();
        while (done != bytes.size()) {
            const auto n = this->with_wait(POLLOUT, until, ec, [&](std::error_code& e) {
                return detail::send(handle_, bytes.data() + done, bytes.size() - done, 0, e);
            });
            if (ec)
                break;
            done += std::size_t(n);
        }
        return done;
    }
    template <byte_buffer B>
    void send_all(const B& buffer)
    {
        std::error_code ec;
        send_all(buffer, ec);
        detail::throw_if(ec, "send_all");
    }

    // Receives exactly buffer's size, looping over partial reads; the peer
    // closing first is error::end_of_stream. Returns how many arrived.
    template <mutable_byte_buffer B>
    std::size_t recv_exact(B&& buffer, std::error_code& ec) noexcept
    {
        static_assert(Mode::waits, "recv_exact waits until everything arrived: not on a non_blocking socket");
        static_assert(!Type::message_oriented, "recv_exact is for byte streams: a message arrives whole with recv");
        const auto bytes = detail::as_writable_bytes(buffer);
        const auto until = this->deadline();
        std::size_t done = 0;
        ec.clear();
        while (done != bytes.size()) {
            const auto n = this->with_wait(POLLIN, until, ec, [&](std::error_code& e) {
                return detail::recv(handle_, bytes.data() + done, bytes.size() - done, 0, e);
            });
            if (ec)
                break;
            if (n == 0) {
                ec = make_error_code(error::end_of_stream);
                break;
            }
            done += std::size_t(n);
        }
        return done;
    }
    template <mutable_byte_buffer B>
    void recv_exact(B&& buffer)
    {
        std::error_code ec;
        recv_exact(buffer, ec);
        detail::throw_if(ec, "recv_exact");
    }

    // sendto(2): one datagram to ep (datagram and raw sockets).
    template <byte_buffer B>
    result<std::size_t> send_to(const B& buffer, const endpoint_type& ep, std::error_code& ec) noexcept
    {
        // An error here means send_to on a connection-oriented socket: it
        // sends to its peer, with send.
        static_assert(!Type::connection_oriented, "send_to is for datagram and raw sockets: a connected stream uses send");
        static_assert(!detail::is_char_array<B>, "send_to: a char array would include its terminating NUL; use std::string_view");
        const auto bytes = detail::as_bytes(buffer);
        const auto native = ep.to_native();
        const auto n = this->with_wait(POLLOUT, this->deadline(), ec, [&](std::error_code& e) {
            return detail::send_to(handle_, bytes.data(), bytes.size(), 0, reinterpret_cast<const ::sockaddr*>(&native),
                                   ep.native_size(), e);
        });
        return finish(n < 0 ? std::size_t(0) : std::size_t(n), ec);
    }
    template <byte_buffer B>
    result<std::size_t> send_to(const B& buffer, const endpoint_type& ep)
    {
        std::error_code ec;
        auto r = send_to(buffer, ep, ec);
        detail::throw_if(ec, "send_to");
        return r;
    }

    // recvfrom(2): one datagram and its sender (datagram and raw sockets).
    template <mutable_byte_buffer B>
    result<received_from<endpoint_type>> recv_from(B&& buffer, std::error_code& ec) noexcept
    {
        static_assert(!Type::connection_oriented, "recv_from is for datagram and raw sockets: a connected stream uses recv");
        const auto bytes = detail::as_writable_bytes(buffer);
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        const auto n = this->with_wait(POLLIN, this->deadline(), ec, [&](std::error_code& e) {
            len = sizeof native;
            return detail::recv_from(handle_, bytes.data(), bytes.size(), 0, reinterpret_cast<::sockaddr*>(&native), &len, e);
        });
        received_from<endpoint_type> r{0, endpoint_type()};
        if (!ec) {
            r.size = std::size_t(n);
            r.sender = endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
        }
        return finish(r, ec);
    }
    template <mutable_byte_buffer B>
    result<received_from<endpoint_type>> recv_from(B&& buffer)
    {
        std::error_code ec;
        auto r = recv_from(buffer, ec);
        detail::throw_if(ec, "recv_from");
        return r;
    }

    // shutdown(2): ends one or both directions of a connection.
    void shutdown(shutdown_type how, std::error_code& ec) noexcept
    {
        static_assert(Type::connection_oriented, "shutdown is for connected stream and seqpacket sockets");
        detail::shutdown(handle_, int(how), ec);
    }
    void shutdown(shutdown_type how)
    {
        std::error_code ec;
        shutdown(how, ec);
        detail::throw_if(ec, "shutdown");
    }

    // getpeername(2).
    endpoint_type remote_endpoint(std::error_code& ec) const noexcept
    {
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        detail::peer_name(handle_, reinterpret_cast<::sockaddr*>(&native), &len, ec);
        if (ec)
            return endpoint_type();
        return endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
    }
    endpoint_type remote_endpoint() const
    {
        std::error_code ec;
        auto ep = remote_endpoint(ec);
        detail::throw_if(ec, "remote_endpoint");
        return ep;
    }

    // Bytes ready to read now (FIONREAD).
    std::size_t available(std::error_code& ec) const noexcept { return detail::available(handle_, ec); }
    std::size_t available() const
    {
        std::error_code ec;
        const auto n = available(ec);
        detail::throw_if(ec, "available");
        return n;
    }

    // For tsock's own use (open, accept, socket_pair): owns h unchecked.
    basic_socket(detail::own_handle_t, native_handle_type h, Mode mode) noexcept : base(h, mode) {}
};

// The socket is its handle: no other state in the blocking and non_blocking
// modes; the timeout mode adds its duration.
static_assert(sizeof(basic_socket<ipv4, stream, blocking>) == sizeof(detail::native_handle_type));
static_assert(sizeof(basic_socket<ipv4, stream, non_blocking>) == sizeof(detail::native_handle_type));
static_assert(sizeof(basic_socket<ipv4, stream, timeout>) <= sizeof(timeout) + alignof(timeout));

template <socket_family Family, blocking_mode Mode = blocking>
using stream_socket = basic_socket<Family, stream, Mode>;
template <socket_family Family, blocking_mode Mode = blocking>
using datagram_socket = basic_socket<Family, datagram, Mode>;
template <socket_family Family, blocking_mode Mode = blocking>
using seqpacket_socket = basic_socket<Family, seqpacket, Mode>;

using tcp_socket = stream_socket<ipv4>;
using tcp6_socket = stream_socket<ipv6>;
using udp_socket = datagram_socket<ipv4>;
using udp6_socket = datagram_socket<ipv6>;
using unix_stream_socket = stream_socket<local>;
using unix_datagram_socket = datagram_socket<local>;
using unix_seqpacket_socket = seqpacket_socket<local>;

#if BOOST_OS_WINDOWS
// An error here means socket_pair on Windows: it has no socketpair, and
// tsock has no local sockets there. Connect two TCP sockets on loopback.
template <socket_type Type = stream, blocking_mode Mode = blocking, class... Args>
void socket_pair(Args&&...)
{
    static_assert(sizeof(Type) == 0, "socket_pair: Windows has no socketpair (and tsock no local sockets there)");
}
#else
// Python's socketpair: two connected local sockets (CLOEXEC, and NONBLOCK
// when the mode wants it).
template <socket_type Type = stream, blocking_mode Mode = blocking>
auto socket_pair(std::error_code& ec, Mode mode = {}) noexcept
{
    using socket = basic_socket<local, Type, Mode>;
    detail::native_handle_type fds[2] = {detail::invalid_handle, detail::invalid_handle};
    if (!detail::open_socket_pair(AF_UNIX, Type::value, Type::protocol, Mode::nonblocking_handle, fds, ec))
        return std::pair<socket, socket>();
    return std::pair<socket, socket>(socket(detail::own_handle, fds[0], mode), socket(detail::own_handle, fds[1], mode));
}
template <socket_type Type = stream, blocking_mode Mode = blocking>
auto socket_pair(Mode mode = {})
{
    std::error_code ec;
    auto pair = socket_pair<Type, Mode>(ec, mode);
    detail::throw_if(ec, "socketpair");
    return pair;
}
#endif

} // namespace tsock

#endif // TSOCK_BASIC_SOCKET_HPP
