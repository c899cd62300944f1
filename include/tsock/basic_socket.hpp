// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BASIC_SOCKET_HPP
#define TSOCK_BASIC_SOCKET_HPP

// basic_socket<Family, Type, Mode>: a socket that sends and receives. The
// socket is its handle (plus the timeout's duration in the timeout mode);
// every call is the system call it names. An operation exists only where it
// makes sense (send_to for datagram and raw sockets, send_all for waiting
// stream sockets ...): concepts and requires-expressions see it absent, and
// a call to it anyway is refused with the reason on the first error line.
// The endpoints of the aliases' families (ipv4, ipv6, local) come with it;
// inet sockets need <tsock/inet_endpoint.hpp> as well.

#include <tsock/batch.hpp>
#include <tsock/buffer.hpp>
#include <tsock/detail/batch_ops.hpp>
#include <tsock/detail/io_vectors.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/socket_base.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>
#include <tsock/message_flags.hpp>

#include <cstddef>
#include <cstdint>
#include <system_error>
#include <type_traits>
#include <utility>

// The reasons a buffer is refused (the first error line says them).
#define TSOCK_REASON_CHAR_ARRAY                                                                                        \
    "a string literal (a character array) would be sent with its terminating NUL: pass std::string_view"
#define TSOCK_REASON_NOT_A_BUFFER                                                                                      \
    "not a buffer: pass contiguous bytes (std::string_view, std::span<const std::byte>, std::vector<char> ...)"
#define TSOCK_REASON_CONST_BUFFER "cannot receive into a const buffer or a std::string_view: pass writable bytes"
#define TSOCK_REASON_TEMPORARY_BUFFER                                                                                  \
    "cannot receive into a temporary buffer: the data would be lost with it; pass a named buffer or a std::span"

namespace tsock {

// What a non-blocking connect() did. failed only in the std::error_code
// form, which sets ec; never "connected" with an error.
enum class connect_status {
    connected,   // at once (local sockets, loopback sometimes)
    in_progress, // wait for writability, then read pending_error()
    failed,      // ec says why
};

// recv_from's answer: how many bytes, and from whom.
template <class Endpoint>
struct received_from {
    std::size_t size = 0;
    Endpoint sender{};
};

namespace detail {

// B, as a send buffer, is refused: why (0 when it is fine).
template <class B>
concept refused_send_buffer = !byte_buffer<B> || is_char_array<B>;
// B&&, as a receive buffer, is refused.
template <class B>
concept refused_recv_buffer = !receivable_buffer<B>;

} // namespace detail

template <socket_family Family, socket_type Type, blocking_mode Mode = blocking>
class basic_socket : public detail::socket_base<basic_socket<Family, Type, Mode>, Family, Type, Mode> {
    using base = detail::socket_base<basic_socket, Family, Type, Mode>;
    friend struct detail::socket_access;
    using base::handle_;
    using base::mode_;
    using status = detail::status;

    template <class T>
    using result = typename Mode::template result<T>;

    static constexpr bool waits = Mode::waits;
    static constexpr bool is_stream = !Type::message_oriented;
    static constexpr bool connectionless = !Type::connection_oriented;

public:
    using typename base::endpoint_type;
    using typename base::native_handle_type;
    // The same socket type in another mode (with_mode's result).
    template <blocking_mode M>
    using rebind_mode = basic_socket<Family, Type, M>;

    // Not open. (open(), connect_to() or adopt() make an open one.)
    basic_socket() noexcept = default;
    basic_socket(basic_socket&&) noexcept = default;
    basic_socket& operator=(basic_socket&&) noexcept = default;

    // Opens a socket for ep and connects it (Python's create_connection for
    // one endpoint). In the timeout mode the whole call has the deadline.
    static basic_socket connect_to(const endpoint_type& ep)
        requires waits && std::default_initializable<Mode>
    {
        return connect_to(ep, Mode{});
    }
    static basic_socket connect_to(const endpoint_type& ep, Mode mode)
        requires waits
    {
        auto s = base::open_for(ep, mode);
        if (const status st = s.connect_status_of(ep)) [[unlikely]]
            base::throw_call_error(st, "connect");
        return s;
    }
    static basic_socket connect_to(const endpoint_type& ep, std::error_code& ec) noexcept
        requires waits && std::default_initializable<Mode>
    {
        return connect_to(ep, Mode{}, ec);
    }
    static basic_socket connect_to(const endpoint_type& ep, Mode mode, std::error_code& ec) noexcept
        requires waits
    {
        status st = 0;
        const auto h = detail::open_socket(detail::domain_of(ep), Type::value, Type::protocol,
                                           Mode::nonblocking_handle, st);
        basic_socket s;
        if (!st) {
            s = basic_socket(h, mode);
            st = s.connect_status_of(ep);
            if (st)
                s = basic_socket();
        }
        base::set_call_error(ec, st);
        return s;
    }
    // An error here means connect_to on a non-blocking socket: it would have
    // to wait. Use open_for, connect (in_progress), then wait for writability.
    template <class... Args>
        requires(!waits)
    static TSOCK_REFUSED("connect_to waits for the connection: a non_blocking socket uses open_for, then connect")
    connect_to(Args&&...) TSOCK_DELETED;
    template <class E, class... Args>
        requires(waits && !detail::foreign_endpoint<E, endpoint_type> && detail::mode_missing<Mode, Args...>)
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) connect_to(const E&, Args&&...) TSOCK_DELETED;
    template <class E, class... Args>
        requires(waits && detail::foreign_endpoint<E, endpoint_type>)
    static TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) connect_to(const E&, Args&&...) TSOCK_DELETED;

    // connect(2); the std::error_code form is Python's connect_ex. Waiting
    // modes return when connected (or fail: error::timed_out at the timeout
    // mode's deadline). A datagram socket gets a default peer.
    void connect(const endpoint_type& ep)
        requires waits
    {
        const status s = connect_status_of(ep);
        if (s) [[unlikely]]
            base::throw_call_error(s, "connect");
    }
    void connect(const endpoint_type& ep, std::error_code& ec) noexcept
        requires waits
    {
        base::set_call_error(ec, connect_status_of(ep));
    }
    // Non-blocking: connected, or in_progress (wait for writability, then
    // read pending_error()); failed only with ec set.
    [[nodiscard]] connect_status connect(const endpoint_type& ep)
        requires(!waits)
    {
        const status s = start_connect(ep);
        if (s && !connect_pending(s)) [[unlikely]]
            detail::throw_system_error(s, "connect");
        return s ? connect_status::in_progress : connect_status::connected;
    }
    [[nodiscard]] connect_status connect(const endpoint_type& ep, std::error_code& ec) noexcept
        requires(!waits)
    {
        const status s = start_connect(ep);
        const bool failed = s && !connect_pending(s);
        detail::set_system_error(ec, failed ? s : 0);
        return failed ? connect_status::failed : s ? connect_status::in_progress : connect_status::connected;
    }

    template <class E, class... Args>
        requires detail::foreign_endpoint<E, endpoint_type>
    TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) connect(const E&, Args&&...) TSOCK_DELETED;

    // An error here means listen or accept on a socket: listening is a
    // listener's (a type of its own), made by listen_on.
    template <class... Args>
    TSOCK_REFUSED("only a listener listens and accepts: use basic_listener (tcp_listener ...)::listen_on(endpoint)")
    listen(Args&&...) TSOCK_DELETED;
    template <class... Args>
    TSOCK_REFUSED("only a listener listens and accepts: use basic_listener (tcp_listener ...)::listen_on(endpoint)")
    accept(Args&&...) TSOCK_DELETED;

    // The outcome of a non-blocking connect (SO_ERROR); reading clears it.
    [[nodiscard]] std::error_code pending_error() const noexcept
    {
        const status s = detail::pending_status(handle_);
        return s ? detail::to_error_code(s) : std::error_code();
    }

    // send(2) with MSG_NOSIGNAL: how many bytes went. On a stream maybe fewer
    // than asked, so the count is [[nodiscard]] (the rest is the caller's to
    // send, or send_all's); a message goes whole or fails, so there the
    // count is the size and may be ignored, as send_to's (a non-blocking
    // if_ready is [[nodiscard]] by its class).
    template <sendable_buffer B>
        requires is_stream
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> send(const B& buffer, send_flags flags = send_flags::none)
    {
        return send_throwing(detail::as_bytes(buffer), flags);
    }
    template <sendable_buffer B>
        requires(!is_stream)
    TSOCK_ALWAYS_INLINE result<std::size_t> send(const B& buffer, send_flags flags = send_flags::none)
    {
        return send_throwing(detail::as_bytes(buffer), flags);
    }
    template <sendable_buffer B>
        requires is_stream
    [[nodiscard]] result<std::size_t> send(const B& buffer, std::error_code& ec) noexcept
    {
        return send_or_set(detail::as_bytes(buffer), send_flags::none, ec);
    }
    template <sendable_buffer B>
        requires(!is_stream)
    result<std::size_t> send(const B& buffer, std::error_code& ec) noexcept
    {
        return send_or_set(detail::as_bytes(buffer), send_flags::none, ec);
    }
    template <sendable_buffer B>
        requires is_stream
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> send(const B& buffer, send_flags flags, std::error_code& ec) noexcept
    {
        return send_or_set(detail::as_bytes(buffer), flags, ec);
    }
    template <sendable_buffer B>
        requires(!is_stream)
    TSOCK_ALWAYS_INLINE result<std::size_t> send(const B& buffer, send_flags flags, std::error_code& ec) noexcept
    {
        return send_or_set(detail::as_bytes(buffer), flags, ec);
    }
    template <class B, class... Args>
        requires(detail::is_char_array<B>)
    TSOCK_REFUSED(TSOCK_REASON_CHAR_ARRAY) send(const B&, Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(!byte_buffer<B> && !detail::is_char_array<B> && !buffer_sequence<B>)
    TSOCK_REFUSED(TSOCK_REASON_NOT_A_BUFFER) send(const B&, Args&&...) TSOCK_DELETED;
    template <sendable_buffer B, class... Args>
    TSOCK_REFUSED("send takes send_flags: recv_flags are for recv") send(const B&, recv_flags, Args&&...) TSOCK_DELETED;

    // recv(2): how many bytes arrived; on a stream 0 means the peer closed.
    // An empty buffer returns 0 at once (Python's recv(0)). On a message
    // socket (datagram, seqpacket, raw) a message longer than the buffer is
    // error::message_truncated: its head is in the buffer, the rest is lost,
    // and the call reports it (never as a whole message).
    template <receivable_buffer B>
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> recv(B&& buffer, recv_flags flags = recv_flags::none)
    {
        std::size_t n = 0;
        const status s = recv_some(detail::as_writable_bytes(buffer), int(flags), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "recv");
    }
    template <receivable_buffer B>
    [[nodiscard]] result<std::size_t> recv(B&& buffer, std::error_code& ec) noexcept
    {
        return recv(std::forward<B>(buffer), recv_flags::none, ec);
    }
    template <receivable_buffer B>
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> recv(B&& buffer, recv_flags flags, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = recv_some(detail::as_writable_bytes(buffer), int(flags), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    template <class B, class... Args>
        requires(!byte_buffer<std::remove_reference_t<B>> && !buffer_sequence<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_NOT_A_BUFFER) recv(B&&, Args&&...) TSOCK_DELETED;
    template <class S, class... Args>
        requires(buffer_sequence<std::remove_reference_t<S>> && !mutable_buffer_sequence<std::remove_reference_t<S>>)
    TSOCK_REFUSED(TSOCK_REASON_CONST_BUFFER) recv(S&&, Args&&...) TSOCK_DELETED;
    template <class S, class... Args>
        requires(mutable_buffer_sequence<std::remove_reference_t<S>> && !receivable_buffer_sequence<S>)
    TSOCK_REFUSED(TSOCK_REASON_TEMPORARY_BUFFER) recv(S&&, Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(byte_buffer<std::remove_reference_t<B>> && !mutable_byte_buffer<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_CONST_BUFFER) recv(B&&, Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(mutable_byte_buffer<std::remove_reference_t<B>> && !detail::outlives_call<B>)
    TSOCK_REFUSED(TSOCK_REASON_TEMPORARY_BUFFER) recv(B&&, Args&&...) TSOCK_DELETED;
    template <receivable_buffer B, class... Args>
    TSOCK_REFUSED("recv takes recv_flags: send_flags are for send") recv(B&&, send_flags, Args&&...) TSOCK_DELETED;

    // Python's sendall: sends every byte, looping over partial sends (waiting
    // stream sockets). Timeout: one deadline for the whole call. The
    // std::error_code form returns how many went before the error.
    template <sendable_buffer B>
        requires(waits && is_stream)
    void send_all(const B& buffer)
    {
        std::size_t done = 0;
        const status s = send_everything(detail::as_bytes(buffer), done);
        if (s) [[unlikely]]
            base::throw_call_error(s, "send_all");
    }
    template <sendable_buffer B>
        requires(waits && is_stream)
    std::size_t send_all(const B& buffer, std::error_code& ec) noexcept
    {
        std::size_t done = 0;
        base::set_call_error(ec, send_everything(detail::as_bytes(buffer), done));
        return done;
    }
    // An error here means send_all on a non-blocking socket (it would have to
    // wait: use send and a poller) or on a message socket (use send).
    template <class... Args>
        requires(!waits)
    TSOCK_REFUSED("send_all waits until everything is sent: not on a non_blocking socket (use send)")
    send_all(Args&&...) TSOCK_DELETED;
    template <class... Args>
        requires(waits && !is_stream)
    TSOCK_REFUSED("send_all is for byte streams: a message goes whole with send")
    send_all(Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(waits && is_stream && detail::is_char_array<B>)
    TSOCK_REFUSED(TSOCK_REASON_CHAR_ARRAY) send_all(const B&, Args&&...) TSOCK_DELETED;

    // Receives exactly the buffer's size, looping over partial reads (waiting
    // stream sockets); the peer closing first is error::end_of_stream. The
    // std::error_code form returns how many arrived before the error.
    template <receivable_buffer B>
        requires(waits && is_stream)
    void recv_exact(B&& buffer)
    {
        std::size_t done = 0;
        const status s = recv_everything(detail::as_writable_bytes(buffer), done);
        if (s) [[unlikely]]
            detail::throw_status(s, "recv_exact");
    }
    template <receivable_buffer B>
        requires(waits && is_stream)
    std::size_t recv_exact(B&& buffer, std::error_code& ec) noexcept
    {
        std::size_t done = 0;
        detail::set_error(ec, recv_everything(detail::as_writable_bytes(buffer), done));
        return done;
    }
    template <class... Args>
        requires(!waits)
    TSOCK_REFUSED("recv_exact waits until everything arrived: not on a non_blocking socket (use recv)")
    recv_exact(Args&&...) TSOCK_DELETED;
    template <class... Args>
        requires(waits && !is_stream)
    TSOCK_REFUSED("recv_exact is for byte streams: a message arrives whole with recv")
    recv_exact(Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(waits && is_stream && !receivable_buffer<B> && mutable_byte_buffer<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_TEMPORARY_BUFFER) recv_exact(B&&, Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(waits && is_stream && !mutable_byte_buffer<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_CONST_BUFFER) recv_exact(B&&, Args&&...) TSOCK_DELETED;

    // sendto(2): one datagram to ep (datagram and raw sockets). Not
    // [[nodiscard]]: a datagram goes whole or not at all, so a waiting mode's
    // count is always the buffer's size (Python's tutorials ignore it too);
    // the non-blocking if_ready is [[nodiscard]] by its class.
    template <sendable_buffer B>
        requires(connectionless)
    TSOCK_ALWAYS_INLINE result<std::size_t> send_to(const B& buffer, const endpoint_type& ep)
    {
        std::size_t n = 0;
        const status s = send_one_to(detail::as_bytes(buffer), ep, n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send_to");
    }
    template <sendable_buffer B>
        requires(connectionless)
    TSOCK_ALWAYS_INLINE result<std::size_t> send_to(const B& buffer, const endpoint_type& ep,
                                                    std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = send_one_to(detail::as_bytes(buffer), ep, n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // An error here means send_to on a connection-oriented socket: it sends
    // to its peer, with send.
    template <class... Args>
        requires(!connectionless)
    TSOCK_REFUSED("send_to is for datagram and raw sockets: a connected stream or seqpacket socket uses send")
    send_to(Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(connectionless && detail::is_char_array<B>)
    TSOCK_REFUSED(TSOCK_REASON_CHAR_ARRAY) send_to(const B&, Args&&...) TSOCK_DELETED;
    template <sendable_buffer B, class E, class... Args>
        requires(connectionless && detail::foreign_endpoint<E, endpoint_type>)
    TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) send_to(const B&, const E&, Args&&...) TSOCK_DELETED;

    // recvfrom(2): one datagram and its sender (datagram and raw sockets). A
    // datagram longer than the buffer is error::message_truncated, as recv.
    template <receivable_buffer B>
        requires(connectionless)
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<received_from<endpoint_type>> recv_from(B&& buffer)
    {
        const auto bytes = detail::as_writable_bytes(buffer);
        const auto fill = [&](received_from<endpoint_type>& r) TSOCK_ALWAYS_INLINE_LAMBDA {
            return recv_one_from(bytes, r);
        };
        return base::template fill_or_throw<received_from<endpoint_type>>(std::size_t(0), fill, "recv_from");
    }
    template <receivable_buffer B>
        requires(connectionless)
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<received_from<endpoint_type>> recv_from(B&& buffer,
                                                                                   std::error_code& ec) noexcept
    {
        const auto bytes = detail::as_writable_bytes(buffer);
        const auto fill = [&](received_from<endpoint_type>& r) TSOCK_ALWAYS_INLINE_LAMBDA {
            return recv_one_from(bytes, r);
        };
        return base::template fill_or_set<received_from<endpoint_type>>(std::size_t(0), fill, ec);
    }
    template <class... Args>
        requires(!connectionless)
    TSOCK_REFUSED("recv_from is for datagram and raw sockets: a connected stream or seqpacket socket uses recv")
    recv_from(Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(connectionless && !receivable_buffer<B> && mutable_byte_buffer<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_TEMPORARY_BUFFER) recv_from(B&&, Args&&...) TSOCK_DELETED;
    template <class B, class... Args>
        requires(connectionless && byte_buffer<std::remove_reference_t<B>> &&
                 !mutable_byte_buffer<std::remove_reference_t<B>>)
    TSOCK_REFUSED(TSOCK_REASON_CONST_BUFFER) recv_from(B&&, Args&&...) TSOCK_DELETED;

    // Scatter/gather: the calls above over a sequence of buffers (a range
    // whose elements are buffers: std::array<std::string_view, 2>, a
    // std::vector<std::span<std::byte>> ...), in one sendmsg/recvmsg
    // (WSASend/WSARecv on Windows), with the single-buffer calls' contract:
    // a message is the buffers' bytes in order, a received one fills them in
    // order and is error::message_truncated when longer than all of them.
    // More buffers than IOV_MAX (1024 on Linux) is error::too_many_buffers
    // (a std::array of more does not compile): never split, see
    // detail/io_vectors.hpp.
    template <buffer_sequence S>
    [[nodiscard]] result<std::size_t> send(const S& buffers, send_flags flags = send_flags::none)
    {
        std::size_t n = 0;
        const status s = send_sequence(buffers, int(flags), nullptr, 0, n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send");
    }
    template <buffer_sequence S>
    [[nodiscard]] result<std::size_t> send(const S& buffers, std::error_code& ec) noexcept
    {
        return send(buffers, send_flags::none, ec);
    }
    template <buffer_sequence S>
    [[nodiscard]] result<std::size_t> send(const S& buffers, send_flags flags, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = send_sequence(buffers, int(flags), nullptr, 0, n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    template <class S>
        requires receivable_buffer_sequence<S>
    [[nodiscard]] result<std::size_t> recv(S&& buffers, recv_flags flags = recv_flags::none)
    {
        std::size_t n = 0;
        const status s = recv_sequence(buffers, int(flags), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "recv");
    }
    template <class S>
        requires receivable_buffer_sequence<S>
    [[nodiscard]] result<std::size_t> recv(S&& buffers, std::error_code& ec) noexcept
    {
        return recv(std::forward<S>(buffers), recv_flags::none, ec);
    }
    template <class S>
        requires receivable_buffer_sequence<S>
    [[nodiscard]] result<std::size_t> recv(S&& buffers, recv_flags flags, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = recv_sequence(buffers, int(flags), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // send_all over buffers: every byte of every buffer, in order.
    template <buffer_sequence S>
        requires(waits && is_stream)
    void send_all(const S& buffers)
    {
        std::size_t done = 0;
        const status s = send_sequence_all(buffers, done);
        if (s) [[unlikely]]
            detail::throw_status(s, "send_all");
    }
    template <buffer_sequence S>
        requires(waits && is_stream)
    std::size_t send_all(const S& buffers, std::error_code& ec) noexcept
    {
        std::size_t done = 0;
        detail::set_error(ec, send_sequence_all(buffers, done));
        return done;
    }
    // recv_exact over buffers: fills each in order, all of them.
    template <class S>
        requires(waits && is_stream && receivable_buffer_sequence<S>)
    void recv_exact(S&& buffers)
    {
        std::size_t done = 0;
        const status s = recv_sequence_all(buffers, done);
        if (s) [[unlikely]]
            detail::throw_status(s, "recv_exact");
    }
    template <class S>
        requires(waits && is_stream && receivable_buffer_sequence<S>)
    std::size_t recv_exact(S&& buffers, std::error_code& ec) noexcept
    {
        std::size_t done = 0;
        detail::set_error(ec, recv_sequence_all(buffers, done));
        return done;
    }
    // send_to over buffers: one datagram made of them.
    template <buffer_sequence S>
        requires(connectionless)
    [[nodiscard]] result<std::size_t> send_to(const S& buffers, const endpoint_type& ep)
    {
        const detail::name_of<endpoint_type> name(ep);
        std::size_t n = 0;
        const status s = send_sequence(buffers, 0, name.data(), name.size(), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send_to");
    }
    template <buffer_sequence S>
        requires(connectionless)
    [[nodiscard]] result<std::size_t> send_to(const S& buffers, const endpoint_type& ep, std::error_code& ec) noexcept
    {
        const detail::name_of<endpoint_type> name(ep);
        std::size_t n = 0;
        const status s = send_sequence(buffers, 0, name.data(), name.size(), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // recv_from over buffers: one datagram spread over them, and its sender.
    template <class S>
        requires(connectionless && receivable_buffer_sequence<S>)
    [[nodiscard]] result<received_from<endpoint_type>> recv_from(S&& buffers)
    {
        const auto fill = [&](received_from<endpoint_type>& r) { return recv_sequence_from(buffers, r); };
        return base::template fill_or_throw<received_from<endpoint_type>>(std::size_t(0), fill, "recv_from");
    }
    template <class S>
        requires(connectionless && receivable_buffer_sequence<S>)
    [[nodiscard]] result<received_from<endpoint_type>> recv_from(S&& buffers, std::error_code& ec) noexcept
    {
        const auto fill = [&](received_from<endpoint_type>& r) { return recv_sequence_from(buffers, r); };
        return base::template fill_or_set<received_from<endpoint_type>>(std::size_t(0), fill, ec);
    }

    // shutdown(2): ends one or both directions of a connection.
    void shutdown(shutdown_type how)
        requires(!connectionless)
    {
        if (const status s = detail::shutdown(handle_, int(how))) [[unlikely]]
            detail::throw_system_error(s, "shutdown");
    }
    void shutdown(shutdown_type how, std::error_code& ec) noexcept
        requires(!connectionless)
    {
        detail::set_system_error(ec, detail::shutdown(handle_, int(how)));
    }
    template <class... Args>
        requires(connectionless)
    TSOCK_REFUSED("shutdown ends a connection: datagram and raw sockets have none")
    shutdown(Args&&...) TSOCK_DELETED;

    // getpeername(2).
    endpoint_type remote_endpoint() const
    {
        std::error_code ec;
        auto ep = remote_endpoint(ec);
        detail::throw_if(ec, "remote_endpoint");
        return ep;
    }
    endpoint_type remote_endpoint(std::error_code& ec) const noexcept
    {
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        detail::set_system_error(ec, detail::peer_name(handle_, reinterpret_cast<::sockaddr*>(&native), &len));
        if (ec)
            return endpoint_type();
        return endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
    }

    // Bytes ready to read now (FIONREAD).
    [[nodiscard]] std::size_t available() const
    {
        std::error_code ec;
        const auto n = available(ec);
        detail::throw_if(ec, "available");
        return n;
    }
    [[nodiscard]] std::size_t available(std::error_code& ec) const noexcept
    {
        status s = 0;
        const auto n = detail::available(handle_, s);
        detail::set_system_error(ec, s);
        return n;
    }

    // ---- Batches of datagrams, and files (send_many, recv_many, sendfile) ----

    // sendmmsg(2) on Linux, a loop of sendto elsewhere: the batch's
    // datagrams (datagram_to: bytes and endpoint; any contiguous range), in
    // order, in one system call, at most max_batch of them. How many went:
    // fewer than the batch when it is longer than max_batch or when one
    // could not go (a call from there says why). Waits as the mode says for
    // the first datagram only; non_blocking: empty when none could go. An
    // empty batch is 0 at once, with no system call.
    template <class Batch>
        requires(connectionless && detail::batch_of<Batch, datagram_to<endpoint_type>>)
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> send_many(const Batch& batch)
    {
        std::size_t n = 0;
        const status s = send_batch(std::data(batch), std::size(batch), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send_many");
    }
    template <class Batch>
        requires(connectionless && detail::batch_of<Batch, datagram_to<endpoint_type>>)
    [[nodiscard]] TSOCK_ALWAYS_INLINE result<std::size_t> send_many(const Batch& batch, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = send_batch(std::data(batch), std::size(batch), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // The same on a connected datagram socket: a batch of buffers (each a
    // datagram) to its peer.
    template <class Batch>
        requires(connectionless && detail::send_buffer_batch<Batch>)
    [[nodiscard]] result<std::size_t> send_many(const Batch& batch)
    {
        std::size_t n = 0;
        const status s = send_batch(std::data(batch), std::size(batch), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send_many");
    }
    template <class Batch>
        requires(connectionless && detail::send_buffer_batch<Batch>)
    [[nodiscard]] result<std::size_t> send_many(const Batch& batch, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = send_batch(std::data(batch), std::size(batch), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }

    // recvmmsg(2) with MSG_WAITFORONE on Linux, a loop of recvfrom elsewhere:
    // up to as many datagrams as both buffers and results hold (at most
    // max_batch), datagram i into buffers[i], its size, sender and status
    // (received_datagram: a truncated one says so) into results[i]. Waits as
    // the mode says for the first, then takes only what has arrived. How
    // many arrived (results past it are left as they were); non_blocking:
    // empty when none had. An empty batch is 0 at once.
    template <class Buffers, class Results>
        requires(connectionless && detail::recv_buffer_batch<std::remove_reference_t<Buffers>> &&
                 detail::outlives_call<Buffers> && detail::result_batch<Results, endpoint_type>)
    [[nodiscard]] result<std::size_t> recv_many(Buffers&& buffers, Results&& results)
    {
        std::size_t n = 0;
        const status s = recv_batch(std::data(buffers), std::data(results), batch_size(buffers, results), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "recv_many");
    }
    template <class Buffers, class Results>
        requires(connectionless && detail::recv_buffer_batch<std::remove_reference_t<Buffers>> &&
                 detail::outlives_call<Buffers> && detail::result_batch<Results, endpoint_type>)
    [[nodiscard]] result<std::size_t> recv_many(Buffers&& buffers, Results&& results, std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = recv_batch(std::data(buffers), std::data(results), batch_size(buffers, results), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // An error here means send_many or recv_many on a connection-oriented
    // socket: a byte stream has no datagrams to batch (use send or send_all).
    template <class... Args>
        requires(!connectionless)
    TSOCK_REFUSED("send_many and recv_many batch datagrams: only datagram and raw sockets have them")
    send_many(Args&&...) TSOCK_DELETED;
    template <class... Args>
        requires(!connectionless)
    TSOCK_REFUSED("send_many and recv_many batch datagrams: only datagram and raw sockets have them")
    recv_many(Args&&...) TSOCK_DELETED;

    // Python's sendfile: up to count bytes (by default all) of a file from
    // offset on, stopping at its end; the file is a POSIX descriptor (on
    // Windows a C runtime one: _open, _fileno). sendfile(2) on Linux, reads
    // and sends elsewhere; the file's position is neither read nor (but on
    // Windows) moved. Stream sockets. Waiting modes send until count or the
    // file's end (timeout: one deadline for the whole call) and return how
    // many bytes went (the std::error_code form: how many went before the
    // error); non_blocking makes one step: empty when nothing could go.
    std::size_t sendfile(int file, std::uint64_t offset = 0, std::size_t count = std::size_t(-1))
        requires(waits && is_stream)
    {
        std::size_t done = 0;
        const status s = send_file_all(file, offset, count, done);
        if (s) [[unlikely]]
            base::throw_call_error(s, "sendfile");
        return done;
    }
    std::size_t sendfile(int file, std::uint64_t offset, std::size_t count, std::error_code& ec) noexcept
        requires(waits && is_stream)
    {
        std::size_t done = 0;
        base::set_call_error(ec, send_file_all(file, offset, count, done));
        return done;
    }
    [[nodiscard]] result<std::size_t> sendfile(int file, std::uint64_t offset = 0, std::size_t count = std::size_t(-1))
        requires(!waits && is_stream)
    {
        std::size_t n = 0;
        const status s = send_file_step(file, offset, count, n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "sendfile");
    }
    [[nodiscard]] result<std::size_t> sendfile(int file, std::uint64_t offset, std::size_t count,
                                               std::error_code& ec) noexcept
        requires(!waits && is_stream)
    {
        std::size_t n = 0;
        const status s = send_file_step(file, offset, count, n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    // An error here means sendfile on a message socket: a file is a byte
    // stream, and would be cut into datagrams nobody asked for.
    template <class... Args>
        requires(!is_stream)
    TSOCK_REFUSED("sendfile is for stream sockets: a message socket sends each datagram with send")
    sendfile(Args&&...) TSOCK_DELETED;

private:
    // Fills a batch's headers from entries (datagram_to or buffers), then
    // one sendmmsg as the mode says: 0 or why; n: how many went.
    template <class Entry>
    TSOCK_ALWAYS_INLINE status send_batch(const Entry* entries, std::size_t count, std::size_t& n) noexcept
    {
        if (count == 0)
            return 0;
        if (count > max_batch)
            count = max_batch;
        detail::message_batch batch;
        if constexpr (std::is_same_v<Entry, datagram_to<endpoint_type>>) {
            detail::batch_names<endpoint_type> names;
            for (std::size_t i = 0; i != count; ++i) {
                ::socklen_t size = 0;
                ::sockaddr* name = names.to_send(entries[i].to, i, size);
                // The header's pointer is not const, but sendmmsg only reads.
                batch.set(i, const_cast<std::byte*>(entries[i].data), entries[i].size, name, size);
            }
            return send_prepared(batch, count, n);
        } else {
            for (std::size_t i = 0; i != count; ++i) {
                const auto bytes = detail::as_bytes(entries[i]);
                batch.set(i, const_cast<std::byte*>(bytes.data()), bytes.size(), nullptr, 0);
            }
            return send_prepared(batch, count, n);
        }
    }
    TSOCK_ALWAYS_INLINE status send_prepared(detail::message_batch& batch, std::size_t count, std::size_t& n) noexcept
    {
        status s = 0;
        this->perform(POLLOUT, s, [&] {
            const auto r = batch.send(handle_, count);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        return s;
    }

    template <class Buffers, class Results>
    static std::size_t batch_size(const Buffers& buffers, const Results& results) noexcept
    {
        const std::size_t a = std::size(buffers), b = std::size(results);
        return a < b ? a : b;
    }

    // One recvmmsg into buffers as the mode says, then each datagram's size,
    // sender and status into out: 0 or why none arrived; n: how many did.
    template <class Buffer>
    status recv_batch(Buffer* buffers, received_datagram<endpoint_type>* out, std::size_t count,
                      std::size_t& n) noexcept
    {
        if (count == 0)
            return 0;
        if (count > max_batch)
            count = max_batch;
        detail::message_batch batch;
        detail::batch_names<endpoint_type> names;
        for (std::size_t i = 0; i != count; ++i) {
            const auto bytes = detail::as_writable_bytes(buffers[i]);
            batch.set(i, bytes.data(), bytes.size(), names.to_receive(out[i].sender, i), names.capacity);
        }
        status s = 0;
        this->perform(POLLIN, s, [&] {
            const auto r = batch.receive(handle_, count);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        if (s) [[unlikely]]
            return s;
        for (std::size_t i = 0; i != n; ++i) {
            received_datagram<endpoint_type>& r = out[i];
            r.size = batch.length(i);
            r.status = names.take(r.sender, i, batch.name_length(i));
            if (batch.truncated(i) && !r.status) [[unlikely]]
                r.status = detail::status_of(error::message_truncated);
        }
        return 0;
    }

    // sendfile's steps until count bytes went or the file ended, under one
    // call state (one deadline): 0 or why it stopped; done: how many went.
    status send_file_all(int file, std::uint64_t offset, std::size_t count, std::size_t& done) noexcept
    {
        status s = 0;
        auto c = mode_.begin(s);
        if (s) [[unlikely]]
            return s;
        while (done != count) {
            const auto r = detail::send_file_once(handle_, file, offset + done, count - done);
            if (r < 0) [[unlikely]] {
                s = detail::last_status();
                if (detail::interrupted(s))
                    continue;
                if (!mode_.wait(c, handle_, POLLOUT, s))
                    return s;
                continue;
            }
            if (r == 0)
                break; // the file ends here
            done += std::size_t(r);
        }
        return 0;
    }
    // One step (the non_blocking mode's sendfile).
    status send_file_step(int file, std::uint64_t offset, std::size_t count, std::size_t& n) noexcept
    {
        if (count == 0)
            return 0;
        status s = 0;
        this->perform(POLLOUT, s, [&] {
            const auto r = detail::send_file_once(handle_, file, offset, count);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        return s;
    }

public:
    // ---- end of batches and files ----

private:
    basic_socket(native_handle_type h, const Mode& mode) noexcept : base(h, mode) {}
    basic_socket(detail::for_overwrite_t, const Mode& mode) noexcept : base(detail::for_overwrite, mode) {}

    static bool connect_pending(status s) noexcept
    {
        // Under way (EINPROGRESS, or EINTR: the signal only cut the wait
        // short; WSAEWOULDBLOCK on Windows); anything else is an error.
        return s == detail::connect_in_progress || s == detail::connect_interrupted;
    }

    // connect(2) on this socket: 0, or its status.
    status start_connect(const endpoint_type& ep) noexcept
    {
        const auto native = ep.to_native();
        return detail::connect(handle_, reinterpret_cast<const ::sockaddr*>(&native), ep.native_size());
    }

    // A waiting mode's connect: 0, or why it failed. Inlined into each form
    // (a program connects from few places): out of line, it costs a call,
    // its frame and its unwind entry, more than it saves.
    TSOCK_ALWAYS_INLINE status connect_status_of(const endpoint_type& ep) noexcept
    {
        status s = 0;
        const auto c = mode_.begin(s);
        if (s) [[unlikely]]
            return s;
        s = start_connect(ep);
        if (!s || !connect_pending(s))
            return s;
        // Wait for the connection to complete, then read its outcome.
        s = detail::wait_connected(handle_, mode_.deadline(c));
        if (s)
            return s;
        return detail::pending_status(handle_);
    }

    // send's two forms, for every type (the public overloads differ only in
    // [[nodiscard]]).
    TSOCK_ALWAYS_INLINE result<std::size_t> send_throwing(detail::byte_run<const std::byte> bytes, send_flags flags)
    {
        std::size_t n = 0;
        const status s = send_some(bytes, int(flags), n);
        return Mode::template finish_or_throw<std::size_t>(n, s, "send");
    }
    TSOCK_ALWAYS_INLINE result<std::size_t> send_or_set(detail::byte_run<const std::byte> bytes, send_flags flags,
                                                        std::error_code& ec) noexcept
    {
        std::size_t n = 0;
        const status s = send_some(bytes, int(flags), n);
        return Mode::template finish<std::size_t>(n, s, ec);
    }
    TSOCK_ALWAYS_INLINE status send_some(detail::byte_run<const std::byte> bytes, int flags, std::size_t& n) noexcept
    {
        status s = 0;
        this->perform(POLLOUT, s, [&] {
            const auto r = detail::send_once(handle_, bytes.data(), bytes.size(), flags);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        return s;
    }

    TSOCK_ALWAYS_INLINE status recv_some(detail::byte_run<std::byte> bytes, int flags, std::size_t& n) noexcept
    {
        if (bytes.size() == 0)
            return 0; // Python's recv(0): at once, nothing consumed
        status s = 0;
        if constexpr (is_stream) {
            this->perform(POLLIN, s, [&] {
                const auto r = detail::recv_once(handle_, bytes.data(), bytes.size(), flags);
                n = r < 0 ? 0 : std::size_t(r);
                return r < 0 ? detail::last_status() : 0;
            });
        } else {
            bool truncated = false;
            this->perform(POLLIN, s, [&] {
                const auto r = detail::recv_message(handle_, bytes.data(), bytes.size(), flags, truncated);
                n = r < 0 ? 0 : std::size_t(r);
                return r < 0 ? detail::last_status() : 0;
            });
            if (!s && truncated) [[unlikely]]
                s = detail::status_of(error::message_truncated);
        }
        return s;
    }

    TSOCK_ALWAYS_INLINE status send_everything(detail::byte_run<const std::byte> bytes, std::size_t& done) noexcept
    {
        return this->template perform_all<false>(POLLOUT, bytes.size(), done, [&] {
            return detail::send_once(handle_, bytes.data() + done, bytes.size() - done, 0);
        });
    }

    status recv_everything(detail::byte_run<std::byte> bytes, std::size_t& done) noexcept
    {
        return this->template perform_all<true>(POLLIN, bytes.size(), done, [&] {
            return detail::recv_once(handle_, bytes.data() + done, bytes.size() - done, 0);
        });
    }

    TSOCK_ALWAYS_INLINE status send_one_to(detail::byte_run<const std::byte> bytes, const endpoint_type& ep,
                                           std::size_t& n) noexcept
    {
        const detail::name_of<endpoint_type> name(ep);
        status s = 0;
        this->perform(POLLOUT, s, [&] {
            const auto r = detail::send_to(handle_, bytes.data(), bytes.size(), 0, name.data(), name.size());
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        return s;
    }

    // The sender's name goes straight into out.sender where the endpoint
    // holds its sockaddr (detail::name_slot): no copy, no conversion.
    TSOCK_ALWAYS_INLINE status recv_one_from(detail::byte_run<std::byte> bytes,
                                             received_from<endpoint_type>& out) noexcept
    {
        detail::name_slot<endpoint_type> name(out.sender);
        ::socklen_t len = name.capacity;
        bool truncated = false;
        status s = 0;
        this->perform(POLLIN, s, [&] {
            len = name.capacity;
            const auto r = detail::recv_message(handle_, bytes.data(), bytes.size(), 0, name.data(), &len, truncated);
            out.size = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        if (s) [[unlikely]] {
            out.sender = endpoint_type(); // nothing was received: not a name left to the system
            return s;
        }
        s = name.take(len);
        if (s) [[unlikely]]
            return s;
        return truncated ? detail::status_of(error::message_truncated) : 0;
    }

    // The scatter/gather calls' bodies (out of the single-buffer calls' way:
    // those keep their instruction counts).
    template <class S>
    status send_sequence(const S& buffers, int flags, const ::sockaddr* to, ::socklen_t to_size,
                         std::size_t& n) noexcept
    {
        detail::io_vectors<const S, false> v;
        status s = v.fill(buffers);
        if (s) [[unlikely]]
            return s;
        this->perform(POLLOUT, s, [&] {
            const auto r = detail::send_vectors_once(handle_, v.data(), v.size(), flags, to, to_size);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        return s;
    }

    template <class S>
    status recv_sequence(S& buffers, int flags, std::size_t& n) noexcept
    {
        detail::io_vectors<S, true> v;
        status s = v.fill(buffers);
        if (s) [[unlikely]]
            return s;
        if (v.total() == 0)
            return 0; // as recv(empty buffer): at once, nothing consumed
        bool truncated = false;
        this->perform(POLLIN, s, [&] {
            const auto r = detail::recv_vectors_once(handle_, v.data(), v.size(), flags, nullptr, nullptr, truncated);
            n = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        if (!s && truncated && !is_stream) [[unlikely]]
            s = detail::status_of(error::message_truncated);
        return s;
    }

    template <class S>
    status send_sequence_all(const S& buffers, std::size_t& done) noexcept
    {
        detail::io_vectors<const S, false> v;
        if (const status s = v.fill(buffers)) [[unlikely]]
            return s;
        std::size_t seen = 0;
        return this->template perform_all<false>(POLLOUT, v.total(), done, [&] {
            v.consume(done - seen); // what the last call sent, maybe up to inside a buffer
            seen = done;
            return detail::send_vectors_once(handle_, v.data(), v.size(), 0, nullptr, 0);
        });
    }

    template <class S>
    status recv_sequence_all(S& buffers, std::size_t& done) noexcept
    {
        detail::io_vectors<S, true> v;
        if (const status s = v.fill(buffers)) [[unlikely]]
            return s;
        std::size_t seen = 0;
        bool truncated = false; // never on a stream
        return this->template perform_all<true>(POLLIN, v.total(), done, [&] {
            v.consume(done - seen);
            seen = done;
            return detail::recv_vectors_once(handle_, v.data(), v.size(), 0, nullptr, nullptr, truncated);
        });
    }

    template <class S>
    status recv_sequence_from(S& buffers, received_from<endpoint_type>& out) noexcept
    {
        detail::io_vectors<S, true> v;
        status s = v.fill(buffers);
        if (s) [[unlikely]] {
            out.sender = endpoint_type();
            return s;
        }
        detail::name_slot<endpoint_type> name(out.sender);
        ::socklen_t len = name.capacity;
        bool truncated = false;
        this->perform(POLLIN, s, [&] {
            len = name.capacity;
            const auto r = detail::recv_vectors_once(handle_, v.data(), v.size(), 0, name.data(), &len, truncated);
            out.size = r < 0 ? 0 : std::size_t(r);
            return r < 0 ? detail::last_status() : 0;
        });
        if (s) [[unlikely]] {
            out.sender = endpoint_type();
            return s;
        }
        s = name.take(len);
        if (s) [[unlikely]]
            return s;
        return truncated ? detail::status_of(error::message_truncated) : 0;
    }
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

namespace detail {
// Can socketpair(2) make a pair of Family and Type here? (AF_UNIX stream,
// datagram and seqpacket, where the platform has socketpair.)
template <class Family, class Type>
concept pairable = has_socket_pair && std::is_same_v<typename Family::endpoint_type, local_endpoint> &&
                   Family::template supports<Type>;
} // namespace detail

// Python's socketpair: two connected local sockets of Type (stream,
// datagram or seqpacket), CLOEXEC, and NONBLOCK when the mode wants it.
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local>
    requires detail::pairable<Family, Type>
auto socket_pair(Mode mode, std::error_code& ec) noexcept
{
    using socket = basic_socket<Family, Type, Mode>;
    detail::native_handle_type fds[2] = {detail::invalid_handle, detail::invalid_handle};
    detail::set_system_error(ec, detail::open_socket_pair(Family::domain, Type::value, Type::protocol,
                                                   Mode::nonblocking_handle, fds));
    if (ec)
        return std::pair<socket, socket>();
    return std::pair<socket, socket>(detail::socket_access::make<socket>(fds[0], mode),
                                     detail::socket_access::make<socket>(fds[1], mode));
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local>
    requires(detail::pairable<Family, Type> && std::default_initializable<Mode>)
auto socket_pair(std::error_code& ec) noexcept
{
    return socket_pair<Type, Mode, Family>(Mode{}, ec);
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local>
    requires detail::pairable<Family, Type>
auto socket_pair(Mode mode)
{
    std::error_code ec;
    auto pair = socket_pair<Type, Mode, Family>(mode, ec);
    detail::throw_if(ec, "socketpair");
    return pair;
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local>
    requires(detail::pairable<Family, Type> && std::default_initializable<Mode>)
auto socket_pair()
{
    return socket_pair<Type, Mode, Family>(Mode{});
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local, class... Args>
    requires(detail::pairable<Family, Type> && detail::mode_missing<Mode, Args...>)
TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) socket_pair(Args&&...) TSOCK_DELETED;
// An error here means socket_pair of a family or platform without
// socketpair(2): only local (AF_UNIX) pairs exist, and not on Windows
// (connect two TCP sockets on loopback there).
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = local, class... Args>
    requires(!detail::pairable<Family, Type>)
TSOCK_REFUSED("socket_pair makes local (AF_UNIX) stream, datagram or seqpacket pairs, where socketpair exists")
socket_pair(Args&&...) TSOCK_DELETED;

} // namespace tsock

#endif // TSOCK_BASIC_SOCKET_HPP
