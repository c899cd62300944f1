// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_ESCAPE_HPP
#define TSOCK_DETAIL_ESCAPE_HPP

// Lower-case hex digits, and bytes shown as \xNN in text for people.

#include <string>
#include <string_view>

namespace tsock::detail {

inline constexpr char hex_digits[] = "0123456789abcdef";

// Appends text with control bytes, non-ASCII, '\' and the characters of also
// shown as \xNN, so that a NUL or a terminal escape cannot garble the output.
inline void append_escaped(std::string& out, std::string_view text, std::string_view also = {})
{
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u >= 0x7f || c == '\\' || also.find(c) != std::string_view::npos) {
            out += "\\x";
            out += hex_digits[u >> 4];
            out += hex_digits[u & 0xf];
        } else {
            out += c;
        }
    }
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_ESCAPE_HPP
