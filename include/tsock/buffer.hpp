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

// A built-in array of characters, such as a string literal ("...", u8"...",
// L"...", u"...", U"..."): sending one would send its terminating NUL too.
template <class B>
inline constexpr bool is_char_array = [] {
    using T = std::remove_cvref_t<B>;
    if constexpr (std::is_array_v<T>) {
        using E = std::remove_cv_t<std::remove_extent_t<T>>;
        return std::is_same_v<E, char> || std::is_same_v<E, char8_t> || std::is_same_v<E, wchar_t> ||
               std::is_same_v<E, char16_t> || std::is_same_v<E, char32_t>;
    } else {
        return false;
    }
}();

// Does a buffer passed as B&& outlive the call? A named one (an lvalue) does;
// a temporary does only when it refers to storage elsewhere (std::span, a
// view: std::ranges::enable_borrowed_range, which <string_view> declares).
template <class B>
inline constexpr bool outlives_call =
    std::is_lvalue_reference_v<B> || std::ranges::enable_borrowed_range<std::remove_cvref_t<B>>;

} // namespace detail

// Can B be sent as it is? (a byte_buffer that is not a string literal.)
template <class B>
concept sendable_buffer = byte_buffer<B> && !detail::is_char_array<B>;

// Can a B&& argument be received into? (writable bytes that outlive the
// call: not const, not a temporary container whose data would be lost.)
template <class B>
concept receivable_buffer = mutable_byte_buffer<std::remove_reference_t<B>> && detail::outlives_call<B>;

namespace detail {
// The element type of a sequence S (what *std::begin(s) refers to).
template <class S>
using sequence_element_t = std::remove_reference_t<decltype(*std::begin(std::declval<S&>()))>;
} // namespace detail

// Is S a sequence of buffers, for scatter/gather (sendmsg/recvmsg): a sized
// range whose elements are byte_buffers, such as std::array<std::string_view, 2>,
// std::vector<std::string>, std::span<const std::span<const std::byte>>? A
// buffer itself (a range of bytes) is not a sequence.
template <class S>
concept buffer_sequence = !byte_buffer<S> && requires(S& s) {
    std::begin(s);
    std::end(s);
    { std::size(s) } -> std::convertible_to<std::size_t>;
} && byte_buffer<detail::sequence_element_t<S>>;

// Can S's buffers be received into? (every element's bytes writable.)
template <class S>
concept mutable_buffer_sequence = buffer_sequence<S> && mutable_byte_buffer<detail::sequence_element_t<S>>;

// Can an S&& argument be received into? (writable buffers that outlive the
// call: a named sequence, or a temporary one of views such as std::span.)
template <class S>
concept receivable_buffer_sequence =
    mutable_buffer_sequence<std::remove_reference_t<S>> &&
    (detail::outlives_call<S> ||
     std::ranges::enable_borrowed_range<std::remove_cvref_t<detail::sequence_element_t<std::remove_reference_t<S>>>>);

namespace detail {

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
