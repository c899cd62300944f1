// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_IO_VECTORS_HPP
#define TSOCK_DETAIL_IO_VECTORS_HPP

// A sequence of buffers as the system's scatter/gather array (iovec on
// POSIX, WSABUF on Windows), on the stack: no heap allocation. Its room is
// the sequence's size when the type fixes it (std::array, a C array, a span
// of fixed extent), else the most the system takes in one call (IOV_MAX).
// More buffers than that are refused, never split: splitting a datagram's
// buffers would send two datagrams, and a stream's split would look like a
// partial send the caller did not cause. send_all and recv_exact advance
// across the buffers, a partial transfer ending anywhere inside one.

#include <tsock/buffer.hpp>
#include <tsock/detail/socket_ops.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace tsock::detail {

inline constexpr std::size_t dynamic_count = std::size_t(-1);

// How many buffers a sequence of type S holds, when its type says so; else
// dynamic_count.
template <class S>
constexpr std::size_t static_count() noexcept
{
    using T = std::remove_cvref_t<S>;
    if constexpr (std::is_bounded_array_v<T>)
        return std::extent_v<T>;
    else if constexpr (requires { std::tuple_size<T>::value; })
        return std::tuple_size<T>::value;
    else if constexpr (requires { T::extent; })
        return T::extent; // std::span: dynamic_extent is size_t(-1), as dynamic_count
    else
        return dynamic_count;
}

template <class S, bool Writable>
class io_vectors {
    static constexpr std::size_t known = static_count<S>();
    // An error here means a std::array (or C array, fixed-extent span) of
    // more buffers than the system takes in one scatter/gather call: pass
    // fewer, or send them in several calls.
    static_assert(known == dynamic_count || known <= max_io_vectors,
                  "more buffers than the system takes in one scatter/gather call (IOV_MAX)");

public:
    static constexpr std::size_t capacity = known == dynamic_count ? max_io_vectors : known == 0 ? 1 : known;

    // Takes the buffers of s: 0, or error::too_many_buffers (a run-time
    // sized sequence longer than IOV_MAX; nothing is sent or received).
    status fill(S& s) noexcept
    {
        if (std::size_t(std::size(s)) > capacity) [[unlikely]]
            return status_of(error::too_many_buffers);
        for (auto&& b : s) {
            if (count_ == capacity) [[unlikely]] // a range whose size() did not tell
                return status_of(error::too_many_buffers);
            if constexpr (Writable) {
                const auto bytes = detail::as_writable_bytes(b); // qualified: no ADL to std::as_writable_bytes
                v_[count_] = make_io_vector(bytes.data(), bytes.size());
            } else {
                const auto bytes = detail::as_bytes(b);
                v_[count_] = make_io_vector(bytes.data(), bytes.size());
            }
            total_ += io_vector_size(v_[count_]);
            ++count_;
        }
        return 0;
    }

    // The vectors not yet consumed, and their number.
    io_vector* data() noexcept { return v_ + first_; }
    std::size_t size() const noexcept { return count_ - first_; }
    // The bytes of all the buffers.
    std::size_t total() const noexcept { return total_; }

    // Moves past n more bytes (a partial transfer): whole vectors are
    // dropped, the one it ends inside starts later.
    void consume(std::size_t n) noexcept
    {
        while (first_ != count_) {
            const std::size_t len = io_vector_size(v_[first_]);
            if (n < len) {
                skip_bytes(v_[first_], n);
                return;
            }
            n -= len;
            ++first_;
        }
    }

private:
    io_vector v_[capacity]; // the first count_ are set by fill
    std::size_t count_ = 0;
    std::size_t first_ = 0;
    std::size_t total_ = 0;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_IO_VECTORS_HPP
