// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BUFFER_HPP
#define TSOCK_BUFFER_HPP

// What send and recv take: any contiguous range of bytes or chars, by
// reference, with no copy (std::span<std::byte>, std::string,
// std::string_view, std::vector<char>, std::array<unsigned char, N>, ...).

#include <cstddef>
#include <ranges>
#include <span>
#include <type_traits>

namespace tsock {

// Is T one byte of data? (char, signed/unsigned char, char8_t, std::byte.)
template <class T>
concept byte_like = std::is_same_v<std::remove_cv_t<T>, char> || std::is_same_v<std::remove_cv_t<T>, unsigned char> ||
                    std::is_same_v<std::remove_cv_t<T>, signed char> ||
                    std::is_same_v<std::remove_cv_t<T>, char8_t> || std::is_same_v<std::remove_cv_t<T>, std::byte>;

// Can B be sent? (a contiguous, sized range of bytes.)
template <class B>
concept byte_buffer = std::ranges::contiguous_range<B> && std::ranges::sized_range<B> &&
                      byte_like<std::ranges::range_value_t<B>>;

// Can B be received into? (a byte_buffer whose bytes are writable.)
template <class B>
concept mutable_byte_buffer =
    byte_buffer<B> && !std::is_const_v<std::remove_reference_t<std::ranges::range_reference_t<B>>>;

namespace detail {

// A built-in array of char, such as a string literal: sending one would send
// its terminating NUL too, so send() refuses it (use std::string_view).
template <class B>
inline constexpr bool is_char_array =
    std::is_array_v<std::remove_cvref_t<B>> &&
    std::is_same_v<std::remove_cv_t<std::remove_extent_t<std::remove_cvref_t<B>>>, char>;

template <byte_buffer B>
std::span<const std::byte> as_bytes(const B& b) noexcept
{
    return {reinterpret_cast<const std::byte*>(std::ranges::data(b)), std::ranges::size(b)};
}

template <mutable_byte_buffer B>
std::span<std::byte> as_writable_bytes(B&& b) noexcept
{
    return {reinterpret_cast<std::byte*>(std::ranges::data(b)), std::ranges::size(b)};
}

} // namespace detail
} // namespace tsock

#endif // TSOCK_BUFFER_HPP
