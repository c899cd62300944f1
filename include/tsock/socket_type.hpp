// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_SOCKET_TYPE_HPP
#define TSOCK_SOCKET_TYPE_HPP

// Socket type policies: the SOCK_* constant, the default protocol, and what
// the type's sockets can do (connect? keep message boundaries?).

#include <tsock/detail/system.hpp>

#include <concepts>

namespace tsock {

// SOCK_STREAM: a connected byte stream (TCP, UNIX stream).
struct stream {
    static constexpr int value = SOCK_STREAM;
    static constexpr int protocol = 0;
    static constexpr bool connection_oriented = true;
    static constexpr bool message_oriented = false;
    static constexpr char name[] = "stream";
};

// SOCK_DGRAM: datagrams, unconnected unless connect() names a default peer.
struct datagram {
    static constexpr int value = SOCK_DGRAM;
    static constexpr int protocol = 0;
    static constexpr bool connection_oriented = false;
    static constexpr bool message_oriented = true;
    static constexpr char name[] = "datagram";
};

// SOCK_SEQPACKET: connected, reliable, message boundaries kept.
struct seqpacket {
    static constexpr int value = SOCK_SEQPACKET;
    static constexpr int protocol = 0;
    static constexpr bool connection_oriented = true;
    static constexpr bool message_oriented = true;
    static constexpr char name[] = "seqpacket";
};

// SOCK_RAW with an IP protocol number (IPPROTO_ICMP, IPPROTO_ICMPV6, ...).
template <int Protocol>
struct raw {
    static constexpr int value = SOCK_RAW;
    static constexpr int protocol = Protocol;
    static constexpr bool connection_oriented = false;
    static constexpr bool message_oriented = true;
    static constexpr char name[] = "raw";
};

// Is T a socket type policy? (a SOCK_* value, a protocol, and whether it is
// connection- and message-oriented.) Write your own to add a type.
template <class T>
concept socket_type = requires {
    { T::value } -> std::convertible_to<int>;
    { T::protocol } -> std::convertible_to<int>;
    { T::connection_oriented } -> std::convertible_to<bool>;
    { T::message_oriented } -> std::convertible_to<bool>;
};

} // namespace tsock

#endif // TSOCK_SOCKET_TYPE_HPP
