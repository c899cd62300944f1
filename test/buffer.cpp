// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/buffer.hpp>

#define BOOST_TEST_MODULE buffer
#include <boost/test/unit_test.hpp>

#include <array>
#include <cstddef>
#include <list>
#include <span>
#include <string>
#include <string_view>
#include <vector>

using tsock::byte_buffer;
using tsock::mutable_byte_buffer;

// Any contiguous range of byte-sized things is a buffer; writable ones can
// be received into.
static_assert(byte_buffer<std::string> && mutable_byte_buffer<std::string&>);
static_assert(byte_buffer<std::string_view> && !mutable_byte_buffer<std::string_view>);
static_assert(byte_buffer<std::vector<char>> && byte_buffer<std::vector<unsigned char>>);
static_assert(byte_buffer<std::array<std::byte, 4>> && mutable_byte_buffer<std::array<std::byte, 4>&>);
static_assert(byte_buffer<std::span<const std::byte>> && !mutable_byte_buffer<std::span<const std::byte>>);
static_assert(mutable_byte_buffer<std::span<std::byte>> && mutable_byte_buffer<char (&)[8]>);
static_assert(byte_buffer<std::u8string> && byte_buffer<std::vector<signed char>>);
static_assert(!byte_buffer<std::vector<int>> && !byte_buffer<std::list<char>> && !byte_buffer<std::vector<bool>>);
static_assert(!mutable_byte_buffer<const std::string&>);
// A char array (a string literal) would carry its NUL: send refuses it.
static_assert(tsock::detail::is_char_array<const char (&)[6]> && tsock::detail::is_char_array<char[3]>);
static_assert(!tsock::detail::is_char_array<std::byte[3]> && !tsock::detail::is_char_array<std::string>);

BOOST_AUTO_TEST_CASE(views_alias_the_original_bytes)
{
    std::string text = "abc";
    const auto view = tsock::detail::as_bytes(text);
    BOOST_TEST(static_cast<const void*>(view.data()) == static_cast<const void*>(text.data()));
    BOOST_TEST(view.size() == 3u);
    auto writable = tsock::detail::as_writable_bytes(text);
    writable.data()[1] = std::byte{'X'};
    BOOST_TEST(text == "aXc"); // no copy: the write lands in the string

    std::vector<unsigned char> v(5);
    BOOST_TEST(tsock::detail::as_writable_bytes(v).size() == 5u);
    const std::array<std::byte, 0> empty{};
    BOOST_TEST(tsock::detail::as_bytes(empty).size() == 0u);
}
