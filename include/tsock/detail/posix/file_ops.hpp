// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_FILE_OPS_HPP
#define TSOCK_DETAIL_POSIX_FILE_OPS_HPP

// One step of sendfile: up to count bytes of a file, from offset, onto a
// socket. sendfile(2) on Linux; a pread and a send elsewhere. Neither moves
// the file's own position.

#include <tsock/config.hpp>
#include <tsock/detail/socket_ops.hpp>

#include <cstddef>
#include <cstdint>

#include <sys/types.h>
#include <unistd.h>
#if BOOST_OS_LINUX
#include <sys/sendfile.h>
#endif

namespace tsock::detail {

// A file as sendfile reads it: a POSIX descriptor.
using file_handle_type = int;

// How many bytes went (0: the file ends at offset), or -1 with
// last_status() saying why (the socket's error or the file's). EINTR is
// not retried: the caller's loop does.
inline std::ptrdiff_t send_file_once(native_handle_type socket, file_handle_type file, std::uint64_t offset,
                                     std::size_t count) noexcept
{
#if BOOST_OS_LINUX
    // At most what one call moves (Linux's MAX_RW_COUNT, just under 2 GiB):
    // a larger count (the default: "to the end") that would pass the largest
    // offset is EINVAL.
    constexpr std::size_t most = 0x7ffff000;
    auto at = static_cast<::off_t>(offset);
    return ::sendfile(socket, file, &at, count < most ? count : most);
#else
    // Through a buffer: what a send takes that the read gave is sent, and a
    // short send leaves the rest for the next step (which reads it again).
    char buffer[16384];
    const auto r = ::pread(file, buffer, count < sizeof buffer ? count : sizeof buffer, static_cast<::off_t>(offset));
    if (r <= 0)
        return r;
    return send_once(socket, buffer, std::size_t(r), 0);
#endif
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_FILE_OPS_HPP
