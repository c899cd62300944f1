// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_GROWING_BUFFER_HPP
#define TSOCK_DETAIL_GROWING_BUFFER_HPP

// The buffer of the reentrant database calls (gethostbyname_r,
// getservbyname_r, ...), which answer ERANGE when it is too small.

#include <cerrno>
#include <cstddef>
#include <vector>

namespace tsock::detail {

inline constexpr std::size_t database_buffer_size = 1024;
inline constexpr std::size_t database_buffer_limit = std::size_t(1) << 20;

// Calls call(char* buffer, std::size_t size), which returns 0 or an errno
// value, with a buffer of size bytes (at least 1) that doubles while it
// answers ERANGE, up to 1 MiB; returns its last answer. call copies what it
// found: the buffer is gone when this returns.
template <class Call>
int with_growing_buffer(Call call, std::size_t size = database_buffer_size)
{
    std::vector<char> buffer(size == 0 ? 1 : size);
    for (;;) {
        const int r = call(buffer.data(), buffer.size());
        if (r != ERANGE || buffer.size() >= database_buffer_limit)
            return r;
        buffer.resize(buffer.size() * 2);
    }
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_GROWING_BUFFER_HPP
