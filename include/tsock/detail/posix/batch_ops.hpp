// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_BATCH_OPS_HPP
#define TSOCK_DETAIL_POSIX_BATCH_OPS_HPP

// Linux's batches: sendmmsg(2) and recvmmsg(2) over the headers of up to
// max_batch messages (detail/batch_ops.hpp picks this or the portable loop).

#include <tsock/batch.hpp>
#include <tsock/detail/socket_ops.hpp>

#include <cstddef>

#include <sys/socket.h>
#include <sys/uio.h>

namespace tsock::detail {

// The headers of one batch, on the caller's stack: set() each message, then
// one send or receive. Only the headers set are read or written.
class message_batch {
public:
    message_batch() noexcept {} // NOLINT: the arrays stay unset until set() fills each header

    // Message i: its bytes and its name (null and 0 on a connected socket).
    TSOCK_ALWAYS_INLINE void set(std::size_t i, void* data, std::size_t size, ::sockaddr* name,
                                 ::socklen_t name_size) noexcept
    {
        io_[i].iov_base = data;
        io_[i].iov_len = size;
        ::msghdr& m = headers_[i].msg_hdr;
        m.msg_name = name;
        m.msg_namelen = name_size;
        m.msg_iov = &io_[i];
        m.msg_iovlen = 1;
        m.msg_control = nullptr;
        m.msg_controllen = 0;
        m.msg_flags = 0;
    }

    // sendmmsg(2) of the first count messages, EINTR not retried (the
    // caller's loop does): how many went, or -1 with last_status() saying
    // why (only when none went: an error after the first is the next call's).
    TSOCK_ALWAYS_INLINE std::ptrdiff_t send(native_handle_type fd, std::size_t count) noexcept
    {
        return ::sendmmsg(fd, headers_, static_cast<unsigned>(count), send_flags);
    }

    // recvmmsg(2) of up to count messages: waits (on a blocking socket) for
    // the first only (MSG_WAITFORONE). How many arrived, or -1.
    TSOCK_ALWAYS_INLINE std::ptrdiff_t receive(native_handle_type fd, std::size_t count) noexcept
    {
        return ::recvmmsg(fd, headers_, static_cast<unsigned>(count), MSG_WAITFORONE, nullptr);
    }

    // After receive: message i's bytes stored, whether it was longer than its
    // buffer, and the length of its sender's name.
    std::size_t length(std::size_t i) const noexcept { return headers_[i].msg_len; }
    bool truncated(std::size_t i) const noexcept { return (headers_[i].msg_hdr.msg_flags & MSG_TRUNC) != 0; }
    ::socklen_t name_length(std::size_t i) const noexcept { return headers_[i].msg_hdr.msg_namelen; }

private:
    ::mmsghdr headers_[max_batch];
    ::iovec io_[max_batch];
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_BATCH_OPS_HPP
