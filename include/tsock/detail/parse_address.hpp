// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PARSE_ADDRESS_HPP
#define TSOCK_DETAIL_PARSE_ADDRESS_HPP

// The constexpr grammar of address text, on plain integers and byte arrays so
// that address_v4, address_v6 and inet_aton share it. Each parser reports the
// first problem and the offset where it was found.

#include <tsock/detail/platform.hpp>
#include <tsock/error.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace tsock::detail {

template <class T>
struct parse_result {
    T value{};
    error code{};          // error{} (zero) means success
    std::size_t where = 0; // offset of the problem in the text

    constexpr explicit operator bool() const noexcept { return code == error{}; }
};

constexpr bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

// The value of each character as a hex digit, 0xff for the others.
inline constexpr std::array<std::uint8_t, 256> hex_digit_values = [] {
    std::array<std::uint8_t, 256> table{};
    for (auto& v : table)
        v = 0xff;
    for (int c = 0; c != 10; ++c)
        table[std::size_t('0' + c)] = std::uint8_t(c);
    for (int c = 0; c != 6; ++c) {
        table[std::size_t('a' + c)] = std::uint8_t(10 + c);
        table[std::size_t('A' + c)] = std::uint8_t(10 + c);
    }
    return table;
}();

// The value of a hex digit, or -1.
constexpr int hex_value(char c) noexcept
{
    const unsigned v = hex_digit_values[static_cast<unsigned char>(c)];
    return v == 0xff ? -1 : int(v);
}

// Dotted decimal, the inet_pton grammar: exactly four parts of one to three
// digits, each at most 255, no leading zeros. Result in host order.
constexpr parse_result<std::uint32_t> parse_v4_checked(std::string_view text) noexcept
{
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    if (begin == end)
        return {0, error::empty_address, 0};
    const char* p = begin;
    std::uint32_t value = 0;
    for (int part = 0;; ++part) {
        const char* const start = p;
        if (p == end || !is_digit(*p)) {
            if (p != end && *p != '.')
                return {0, error::invalid_character, std::size_t(p - begin)};
            return {0, error::empty_part, std::size_t(p - begin)};
        }
        unsigned n = unsigned(*p++ - '0');
        while (p != end && is_digit(*p)) {
            if (p - start == 3)
                return {0, error::part_out_of_range, std::size_t(start - begin)};
            n = n * 10 + unsigned(*p++ - '0');
        }
        if (*start == '0' && p - start > 1)
            return {0, error::leading_zero, std::size_t(start - begin)};
        if (n > 255)
            return {0, error::part_out_of_range, std::size_t(start - begin)};
        value = (value << 8) | n;
        if (p == end) {
            if (part != 3)
                return {0, error::too_few_parts, text.size()};
            return {value, error{}, 0};
        }
        if (*p != '.')
            return {0, error::invalid_character, std::size_t(p - begin)};
        if (part == 3)
            return {0, error::too_many_parts, std::size_t(p - begin)};
        ++p;
    }
}

// parse_v4 for well-formed text, without a branch on how many digits each
// part has (which a branch predictor cannot guess on varied input). Anything
// else goes to parse_v4_checked, which reports what is wrong and where.
constexpr parse_result<std::uint32_t> parse_v4(std::string_view text) noexcept
{
    const std::size_t size = text.size();
    if (size < 7 || size > 15)
        return parse_v4_checked(text);
    char b[15 + 4] = {}; // zero after the text: '\0' is neither digit nor dot
    for (std::size_t i = 0; i != size; ++i)
        b[i] = text[i];
    std::size_t i = 0;
    std::uint32_t value = 0;
    bool bad = false;
    for (int part = 0; part != 4; ++part) {
        const unsigned d0 = unsigned(b[i]) - '0', d1 = unsigned(b[i + 1]) - '0', d2 = unsigned(b[i + 2]) - '0';
        const unsigned two = d1 < 10;
        const unsigned three = two & (d2 < 10);
        unsigned n = d0;
        n += (0u - two) & (n * 9 + d1);   // n * 10 + d1 when there is a second digit
        n += (0u - three) & (n * 9 + d2); // and a third
        bad |= (d0 >= 10) | (two & (d0 == 0)) | (n > 255);
        i += 1 + two + three;
        value = value << 8 | n;
        if (part != 3) {
            bad |= b[i] != '.';
            ++i;
        }
    }
    bad |= i != size;
    if (bad)
        return parse_v4_checked(text);
    return {value, error{}, 0};
}

// inet_aton's grammar, as glibc reads it: one to four parts separated by '.',
// each a C integer (decimal, 0 octal, 0x hex); the last part fills the bytes
// the others left. Unlike glibc, trailing text (even after a space) is an error.
constexpr parse_result<std::uint32_t> parse_aton(std::string_view text) noexcept
{
    const char* const begin = text.data();
    const char* const end = begin + text.size();
    if (begin == end)
        return {0, error::empty_address, 0};
    const char* p = begin;
    std::uint32_t parts[4] = {};
    std::size_t starts[4] = {};
    int count = 0;
    for (;;) {
        const char* const start = p;
        if (p == end || !is_digit(*p)) {
            if (p != end && *p != '.')
                return {0, error::invalid_character, std::size_t(p - begin)};
            return {0, error::empty_part, std::size_t(p - begin)};
        }
        std::uint64_t n = 0;
        unsigned base = 10;
        if (*p == '0') {
            ++p;
            base = 8;
            if (p != end && (*p == 'x' || *p == 'X') && p + 1 != end && hex_value(p[1]) >= 0) {
                base = 16;
                ++p;
            }
        }
        for (; p != end; ++p) {
            const int d = hex_value(*p);
            if (d < 0 || unsigned(d) >= base)
                break;
            n = n * base + unsigned(d);
            if (n > 0xffffffffu)
                return {0, error::part_out_of_range, std::size_t(start - begin)};
        }
        starts[count] = std::size_t(start - begin);
        parts[count++] = std::uint32_t(n);
        if (p == end)
            break;
        if (*p != '.')
            return {0, error::invalid_character, std::size_t(p - begin)};
        if (count == 4)
            return {0, error::too_many_parts, std::size_t(p - begin)};
        ++p;
    }
    // Every part but the last is one byte; the last fills what is left.
    std::uint32_t value = 0;
    for (int i = 0; i != count - 1; ++i) {
        if (parts[i] > 0xff)
            return {0, error::part_out_of_range, starts[i]};
        value |= parts[i] << (24 - 8 * i);
    }
    const std::uint32_t last = parts[count - 1];
    const std::uint32_t last_max = count == 1 ? 0xffffffffu : (std::uint32_t(1) << (8 * (5 - count))) - 1;
    if (last > last_max)
        return {0, error::part_out_of_range, starts[count - 1]};
    return {value | last, error{}, 0};
}

struct v6_value {
    std::array<std::uint8_t, 16> bytes{};
    std::uint32_t scope = 0;
};

// The zone after '%' (RFC 4007 section 11): all digits is a number, anything
// else names an interface, which only a run-time lookup can turn into an index.
constexpr parse_result<std::uint32_t> parse_zone(std::string_view zone, std::size_t offset) noexcept
{
    if (zone.empty())
        return {0, error::empty_zone, offset};
    bool numeric = true;
    for (std::size_t i = 0; i != zone.size(); ++i) {
        if (zone[i] == '\0')
            return {0, error::invalid_character, offset + i};
        numeric = numeric && is_digit(zone[i]);
    }
    if (numeric) {
        std::uint64_t n = 0;
        for (char c : zone) {
            n = n * 10 + unsigned(c - '0');
            if (n > 0xffffffffu)
                return {0, error::zone_out_of_range, offset};
        }
        return {std::uint32_t(n), error{}, 0};
    }
    if (zone.size() >= interface_name_size)
        return {0, error::zone_too_long, offset};
    if (std::is_constant_evaluated())
        return {0, error::zone_name_in_constant_expression, offset};
    const std::uint32_t index = interface_index(zone);
    if (index == 0)
        return {0, error::unknown_interface, offset};
    return {index, error{}, 0};
}

// RFC 4291 section 2.2 text, with an optional RFC 4007 zone.
constexpr parse_result<v6_value> parse_v6(std::string_view text) noexcept
{
    using result = parse_result<v6_value>;
    if (text.empty())
        return {{}, error::empty_address, 0};
    v6_value out;
    const std::size_t percent = text.find('%');
    const std::string_view zone = percent == std::string_view::npos ? std::string_view() : text.substr(percent + 1);
    if (percent != std::string_view::npos) {
        text = text.substr(0, percent);
        if (text.empty())
            return {{}, error::empty_address, 0};
    }

    const char* const begin = text.data();
    const char* const end = begin + text.size();
    const char* p = begin;
    std::uint16_t groups[8] = {};
    int count = 0;
    int gap = -1; // group index where "::" stands
    const char* gap_at = begin;
    auto at = [begin](const char* q) { return std::size_t(q - begin); };

    if (*p == ':') {
        if (p + 1 == end || p[1] != ':')
            return result{{}, error::misplaced_colon, 0};
        gap = 0;
        p += 2;
        if (p != end && *p == ':')
            return result{{}, error::misplaced_colon, at(p)};
    }
    while (p != end) {
        const char* const start = p;
        unsigned n = 0;
        int d;
        const char* const stop = end - p > 4 ? p + 4 : end;
        while (p != stop && (d = hex_value(*p)) >= 0) {
            n = (n << 4) | unsigned(d);
            ++p;
        }
        if (p - start == 4 && p != end && hex_value(*p) >= 0)
            ++p; // a fifth digit: group_too_long below
        if (p != end && *p == '.') {
            // An embedded IPv4 address: the rest of the text, two groups' worth.
            if (count > 6 || (gap >= 0 && count > 5))
                return result{{}, error::misplaced_ipv4, at(start)};
            const auto v4 = parse_v4(std::string_view(start, std::size_t(end - start)));
            if (!v4)
                return result{{}, v4.code, at(start) + v4.where};
            groups[count++] = std::uint16_t(v4.value >> 16);
            groups[count++] = std::uint16_t(v4.value & 0xffff);
            p = end;
            break;
        }
        if (p == start) {
            if (p == end || *p == ':')
                return result{{}, error::empty_part, at(p)};
            return result{{}, error::invalid_character, at(p)};
        }
        if (p - start > 4)
            return result{{}, error::group_too_long, at(start)};
        if (count == 8)
            return result{{}, error::too_many_groups, at(start)};
        groups[count++] = std::uint16_t(n);
        if (p == end)
            break;
        if (*p != ':')
            return result{{}, error::invalid_character, at(p)};
        ++p;
        if (p == end)
            return result{{}, error::misplaced_colon, at(p - 1)};
        if (*p == ':') {
            if (gap >= 0)
                return result{{}, error::multiple_double_colons, at(p - 1)};
            gap = count;
            gap_at = p - 1;
            ++p;
            if (p != end && *p == ':')
                return result{{}, error::misplaced_colon, at(p)};
        }
    }

    if (gap < 0) {
        if (count != 8)
            return result{{}, error::too_few_groups, text.size()};
    } else {
        if (count > 7)
            return result{{}, error::too_many_groups, at(gap_at)};
        const int tail = count - gap;
        for (int i = 0; i != tail; ++i) {
            groups[7 - i] = groups[count - 1 - i];
            groups[count - 1 - i] = 0;
        }
        for (int i = gap; i < 8 - tail; ++i)
            groups[i] = 0;
    }
    for (int i = 0; i != 8; ++i) {
        out.bytes[std::size_t(2 * i)] = std::uint8_t(groups[i] >> 8);
        out.bytes[std::size_t(2 * i + 1)] = std::uint8_t(groups[i] & 0xff);
    }
    if (percent != std::string_view::npos) {
        const auto scope = parse_zone(zone, percent + 1);
        if (!scope)
            return {{}, scope.code, scope.where};
        out.scope = scope.value;
    }
    return {out, error{}, 0};
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_PARSE_ADDRESS_HPP
