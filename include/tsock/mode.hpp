// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_MODE_HPP
#define TSOCK_MODE_HPP

// Blocking mode policies: how a socket's operations wait.
//   blocking      calls wait as long as needed; EINTR is retried inside tsock
//   non_blocking  calls never wait; "would block" is an empty optional (or a
//                 connect_status), never an error
//   timeout       Python's settimeout: each call, including send_all,
//                 recv_exact, connect and accept, fails with
//                 tsock::error::timed_out once its deadline passes

#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>

#include <concepts>

namespace tsock {

struct blocking {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = false; // O_NONBLOCK on the descriptor
};

struct non_blocking {
    static constexpr bool waits = false;
    static constexpr bool nonblocking_handle = true;
};

// Holds the per-call deadline. The descriptor itself is non-blocking; a call
// that would block waits with poll() for what is left of its time.
struct timeout {
    static constexpr bool waits = true;
    static constexpr bool nonblocking_handle = true;
    using duration = std::chrono::nanoseconds;

    duration value = std::chrono::seconds(30);
};

// Is M a blocking mode policy? (whether calls wait, and whether the
// descriptor is non-blocking.)
template <class M>
concept blocking_mode = std::default_initializable<M> && requires {
    { M::waits } -> std::convertible_to<bool>;
    { M::nonblocking_handle } -> std::convertible_to<bool>;
};

} // namespace tsock

#endif // TSOCK_MODE_HPP
