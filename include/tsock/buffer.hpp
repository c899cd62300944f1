// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BUFFER_HPP
#define TSOCK_BUFFER_HPP

// What send and recv take: any contiguous range of bytes or chars, by
// reference, with no copy (std::span<std::byte>, std::string,
// std::string_view, std::vector<char>, std::array<unsigned char, N>, ...).

#include <concepts>
#include <cstddef>
#include <string_view> // std::data and std::size (<iterator> has them too, but is larger)
#include <type_traits>
#include <utility>

namespace tsock {

// Is T one byte of data? (char, signed/unsigned char, char8_t, std::byte.)
template <class T>
concept byte_like = std::is_same_v<std::remove_cv_t<T>, char> || std::is_same_v<std::remove_cv_t<T>, unsigned char> ||
                    std::is_same_v<std::remove_cv_t<T>, signed char> ||
                    std::is_same_v<std::remove_cv_t<T>, char8_t> || std::is_same_v<std::remove_cv_t<T>, std::byte>;

namespace detail {
// The element type of B's contiguous storage. std::data and std::size, not
// <ranges>: with libstdc++ that header alone is 43k lines.
template <class B>
using buffer_element_t = std::remove_pointer_t<decltype(std::data(std::declval<B&>()))>;
} // namespace detail

// Can B be sent? (contiguous bytes with a size: std::data and std::size.)
template <class B>
concept byte_buffer = requires(B& b) {
    { std::data(b) } -> std::convertible_to<const volatile void*>;
    { std::size(b) } -> std::convertible_to<std::size_t>;
} && byte_like<detail::buffer_element_t<B>>;

// Can B be received into? (a byte_buffer whose bytes are writable.)
template <class B>
concept mutable_byte_buffer = byte_buffer<B> && !std::is_const_v<detail::buffer_element_t<B>>;

namespace detail {

// A built-in array of char, such as a string literal: sending one would send
// its terminating NUL too, so send() refuses it (use std::string_view).
template <class B>
inline constexpr bool is_char_array =
    std::is_array_v<std::remove_cvref_t<B>> &&
    std::is_same_v<std::remove_cv_t<std::remove_extent_t<std::remove_cvref_t<B>>>, char>;

// A buffer's bytes: where they start and how many. Not std::span, whose
// constructor checks iterator concepts that cost more to compile than a call.
template <class Byte>
struct byte_run {
    Byte* first;
    std::size_t count;

    constexpr Byte* data() const noexcept { return first; }
    constexpr std::size_t size() const noexcept { return count; }
};

template <byte_buffer B>
byte_run<const std::byte> as_bytes(const B& b) noexcept
{
    return {reinterpret_cast<const std::byte*>(std::data(b)), static_cast<std::size_t>(std::size(b))};
}

template <mutable_byte_buffer B>
byte_run<std::byte> as_writable_bytes(B&& b) noexcept
{
    return {reinterpret_cast<std::byte*>(std::data(b)), static_cast<std::size_t>(std::size(b))};
}

} // namespace detail
} // namespace tsock

#endif // TSOCK_BUFFER_HPP
