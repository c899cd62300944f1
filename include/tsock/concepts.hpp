// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CONCEPTS_HPP
#define TSOCK_CONCEPTS_HPP

// The concepts a library writes generic socket code against. Each asks what
// a type can do (the operations tsock's sockets have only where they make
// sense), so a wrong socket is refused by name: "any_stream_socket<S> was
// not satisfied". The policy concepts (socket_family, socket_type,
// blocking_mode), endpoint and socket_option live with what they describe.

#include <tsock/buffer.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/family.hpp>
#include <tsock/mode.hpp>
#include <tsock/socket_option.hpp>
#include <tsock/socket_type.hpp>

#include <concepts>
#include <cstddef>
#include <span>
#include <type_traits>

namespace tsock {

// Is S a tsock socket or listener? (a move-only owner of a native handle,
// with its family, type and mode policies and its endpoint type.)
template <class S>
concept any_socket = std::movable<S> && !std::copy_constructible<S> && requires(const S& s) {
    typename S::family_type;
    typename S::type_policy;
    typename S::mode_type;
    requires endpoint<typename S::endpoint_type>;
    { s.native_handle() } -> std::same_as<typename S::native_handle_type>;
    { s.is_open() } -> std::same_as<bool>;
};

// Is S a listener? (a socket that accepts connected sockets; no send/recv.)
template <class S>
concept any_listener = any_socket<S> && requires(S& l) {
    typename S::socket;
    l.accept();
};

// Can S send and receive bytes? (a connected-or-connectable socket: not a
// listener.)
template <class S>
concept data_socket = any_socket<S> && requires(S& s, std::span<const std::byte> out, std::span<std::byte> in) {
    s.send(out);
    s.recv(in);
};

// Is S a connected byte stream (TCP, AF_UNIX stream)?
template <class S>
concept any_stream_socket = data_socket<S> && S::type_policy::connection_oriented && !S::type_policy::message_oriented;

// Is S a connected socket that keeps message boundaries (SOCK_SEQPACKET)?
template <class S>
concept any_seqpacket_socket = data_socket<S> && S::type_policy::connection_oriented && S::type_policy::message_oriented;

// Is S a connectionless message socket (datagram, raw): send_to and
// recv_from with endpoints?
template <class S>
concept any_datagram_socket =
    data_socket<S> && !S::type_policy::connection_oriented &&
    requires(S& s, std::span<const std::byte> out, std::span<std::byte> in, const typename S::endpoint_type& to) {
        s.send_to(out, to);
        s.recv_from(in);
    };

// Does every call of S wait until it is done (blocking and timeout modes)?
// Its calls return plain values; send_all and recv_exact exist on streams.
template <class S>
concept waiting_socket = any_socket<S> && S::mode_type::waits;

// Does no call of S ever wait (non_blocking)? Its calls return if_ready<T>;
// it is what a poller takes.
template <class S>
concept nonblocking_socket = any_socket<S> && !S::mode_type::waits;

// A waiting byte stream: the sockets send_all and recv_exact exist for.
template <class S>
concept waiting_stream_socket = any_stream_socket<S> && waiting_socket<S>;

// Is S a socket (or listener) of family F?
template <class S, class F>
concept socket_of_family = any_socket<S> && std::same_as<typename S::family_type, F>;

} // namespace tsock

#endif // TSOCK_CONCEPTS_HPP
