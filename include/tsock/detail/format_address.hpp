// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_FORMAT_ADDRESS_HPP
#define TSOCK_DETAIL_FORMAT_ADDRESS_HPP

// constexpr writers for address text. Each writes into a buffer the caller
// sized with the matching max_*_length and returns the end of what it wrote.

#include <tsock/detail/escape.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace tsock::detail {

inline constexpr std::size_t max_v4_length = 15;                 // 255.255.255.255
inline constexpr std::size_t max_v6_length = 39 + 1 + 10;        // eight groups, '%', a 32-bit zone

// A string of at most N characters held by value: the constexpr result of
// formatting an address. Converts to std::string_view.
template <std::size_t N>
class fixed_text {
public:
    constexpr fixed_text() noexcept = default;
    constexpr char* data() noexcept { return chars_; }
    constexpr const char* data() const noexcept { return chars_; }
    constexpr std::size_t size() const noexcept { return size_; }
    constexpr void resize(std::size_t n) noexcept { size_ = std::uint8_t(n); }
    constexpr std::string_view view() const noexcept { return {chars_, size_}; }
    constexpr operator std::string_view() const noexcept { return view(); } // NOLINT
    friend constexpr bool operator==(const fixed_text& a, std::string_view b) noexcept { return a.view() == b; }

private:
    static_assert(N < 256, "fixed_text is for short strings");
    char chars_[N] = {};
    std::uint8_t size_ = 0;
};

// to_chars for formatted text: copies text to [first, last), or writes
// nothing and reports errc::value_too_large when it does not fit.
constexpr std::to_chars_result copy_text(std::string_view text, char* first, char* last) noexcept
{
    if (std::size_t(last - first) < text.size())
        return {last, std::errc::value_too_large};
    for (std::size_t i = 0; i != text.size(); ++i)
        first[i] = text.data()[i];
    return {first + text.size(), std::errc()};
}

constexpr char* write_decimal(char* out, std::uint32_t n) noexcept
{
    char digits[10];
    int count = 0;
    do {
        digits[count++] = char('0' + n % 10);
        n /= 10;
    } while (n != 0);
    while (count != 0)
        *out++ = digits[--count];
    return out;
}

// One byte in decimal, without a division loop.
constexpr char* write_octet(char* out, unsigned b) noexcept
{
    if (b >= 100) {
        *out++ = char('0' + b / 100);
        b %= 100;
        *out++ = char('0' + b / 10);
    } else if (b >= 10) {
        *out++ = char('0' + b / 10);
    }
    *out++ = char('0' + b % 10);
    return out;
}

constexpr char* format_v4(char* out, std::uint32_t value) noexcept
{
    out = write_octet(out, value >> 24);
    *out++ = '.';
    out = write_octet(out, (value >> 16) & 0xff);
    *out++ = '.';
    out = write_octet(out, (value >> 8) & 0xff);
    *out++ = '.';
    return write_octet(out, value & 0xff);
}

// One group in lower-case hex without leading zeros (RFC 5952 4.1, 4.3).
constexpr char* write_group(char* out, unsigned g) noexcept
{
    if (g >= 0x1000)
        *out++ = hex_digits[g >> 12];
    if (g >= 0x100)
        *out++ = hex_digits[(g >> 8) & 0xf];
    if (g >= 0x10)
        *out++ = hex_digits[(g >> 4) & 0xf];
    *out++ = hex_digits[g & 0xf];
    return out;
}

// RFC 5952: the longest run of two or more zero groups becomes "::" (the first
// such run on a tie); IPv4-mapped addresses end in dotted decimal (section 5).
constexpr char* format_v6(char* out, const std::array<std::uint8_t, 16>& b, std::uint32_t scope) noexcept
{
    unsigned g[8];
    for (int i = 0; i != 8; ++i)
        g[i] = unsigned(b[std::size_t(2 * i)]) << 8 | b[std::size_t(2 * i + 1)];
    const bool mapped = (g[0] | g[1] | g[2] | g[3] | g[4]) == 0 && g[5] == 0xffff;
    if (mapped) {
        constexpr std::string_view prefix = "::ffff:";
        for (char c : prefix)
            *out++ = c;
        out = format_v4(out, std::uint32_t(g[6]) << 16 | g[7]);
    } else {
        int best = -1, best_len = 1;
        for (int i = 0; i < 8;) {
            if (g[i] != 0) {
                ++i;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0)
                ++j;
            if (j - i > best_len) {
                best = i;
                best_len = j - i;
            }
            i = j;
        }
        for (int i = 0; i < 8; ++i) {
            if (i == best) {
                *out++ = ':';
                if (i == 0)
                    *out++ = ':';
                i += best_len - 1;
                continue;
            }
            out = write_group(out, g[i]);
            if (i != 7)
                *out++ = ':';
        }
    }
    if (scope != 0) {
        *out++ = '%';
        out = write_decimal(out, scope);
    }
    return out;
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_FORMAT_ADDRESS_HPP
