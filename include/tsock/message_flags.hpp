// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_MESSAGE_FLAGS_HPP
#define TSOCK_MESSAGE_FLAGS_HPP

// Typed MSG_* flags: send and recv take different types, so a receive-only
// flag (peek) cannot reach send, nor a send-only one (dont_route) recv.

#include <tsock/detail/system.hpp>

namespace tsock {

enum class send_flags : int {
    none = 0,
    out_of_band = MSG_OOB,      // urgent data (stream sockets)
    dont_route = MSG_DONTROUTE, // bypass routing, directly connected hosts only
};

enum class recv_flags : int {
    none = 0,
    peek = MSG_PEEK,            // look without consuming
    out_of_band = MSG_OOB,      // read urgent data (stream sockets)
    wait_all = MSG_WAITALL,     // wait for the whole buffer (stream sockets)
};

constexpr send_flags operator|(send_flags a, send_flags b) noexcept { return send_flags(int(a) | int(b)); }
constexpr recv_flags operator|(recv_flags a, recv_flags b) noexcept { return recv_flags(int(a) | int(b)); }

// How shutdown() ends a connection: SHUT_RD, SHUT_WR, SHUT_RDWR.
enum class shutdown_type : int {
    receive = detail::shut_receive,
    send = detail::shut_send,
    both = detail::shut_both,
};

} // namespace tsock

#endif // TSOCK_MESSAGE_FLAGS_HPP
