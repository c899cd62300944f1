// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_FILE_OPS_HPP
#define TSOCK_DETAIL_WINDOWS_FILE_OPS_HPP

// One step of sendfile on Windows: a ReadFile at offset, then a send. The
// file is a C runtime descriptor (_open, _fileno), as POSIX's is an int.

#include <tsock/config.hpp>
#include <tsock/detail/socket_ops.hpp>

#include <cstddef>
#include <cstdint>

#include <io.h>

namespace tsock::detail {

using file_handle_type = int;

// How many bytes went (0: the file ends at offset), or -1 with
// last_status() saying why. ReadFile at an offset moves the file's position
// (Windows has no pread); tsock never reads it.
inline std::ptrdiff_t send_file_once(native_handle_type socket, file_handle_type file, std::uint64_t offset,
                                     std::size_t count) noexcept
{
    const auto h = reinterpret_cast<::HANDLE>(::_get_osfhandle(file));
    if (h == INVALID_HANDLE_VALUE) {
        ::WSASetLastError(WSAEBADF);
        return -1;
    }
    char buffer[16384];
    ::OVERLAPPED at{};
    at.Offset = static_cast<::DWORD>(offset);
    at.OffsetHigh = static_cast<::DWORD>(offset >> 32);
    ::DWORD got = 0;
    const ::DWORD want = count < sizeof buffer ? static_cast<::DWORD>(count) : ::DWORD(sizeof buffer);
    if (!::ReadFile(h, buffer, want, &got, &at)) {
        if (::GetLastError() == ERROR_HANDLE_EOF)
            return 0;
        ::WSASetLastError(static_cast<int>(::GetLastError()));
        return -1;
    }
    if (got == 0)
        return 0;
    return send_once(socket, buffer, got, 0);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_FILE_OPS_HPP
