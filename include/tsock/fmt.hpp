// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_FMT_HPP
#define TSOCK_FMT_HPP

// The fmt library (https://fmt.dev; tested with 9.1, Debian 12's) for
// tsock's addresses and endpoints: fmt::formatter<T> for address_v4,
// address_v6, ipv4_endpoint, ipv6_endpoint, inet_endpoint and
// local_endpoint, as tsock/format.hpp gives them to std::format. "{}" writes what operator<< writes
// (to_string()); the spec is a string's: fill, alignment, width, a precision
// (which cuts the text) and the type s; anything else is a
// fmt::format_error, at compile time when the format string is a constant.
//
// Opt in by including this header: it is the only tsock header that
// includes <fmt/format.h>, and the program links fmt (fmt::fmt in CMake) or
// defines FMT_HEADER_ONLY.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/formatter_text.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include <fmt/format.h>

#include <string_view>

namespace tsock::detail {

// parse() is fmt's string formatter's; format() hands it the text.
template <class T>
struct fmt_text_formatter : fmt::formatter<fmt::string_view, char> {
    template <class FormatContext>
    auto format(const T& value, FormatContext& ctx) const -> decltype(ctx.out())
    {
        const fmt::formatter<fmt::string_view, char>& text_formatter = *this;
        return with_text(value, [&](std::string_view text) {
            return text_formatter.format(fmt::string_view(text.data(), text.size()), ctx);
        });
    }
};

} // namespace tsock::detail

template <>
struct fmt::formatter<tsock::address_v4, char> : tsock::detail::fmt_text_formatter<tsock::address_v4> {};
template <>
struct fmt::formatter<tsock::address_v6, char> : tsock::detail::fmt_text_formatter<tsock::address_v6> {};
template <>
struct fmt::formatter<tsock::ipv4_endpoint, char> : tsock::detail::fmt_text_formatter<tsock::ipv4_endpoint> {};
template <>
struct fmt::formatter<tsock::ipv6_endpoint, char> : tsock::detail::fmt_text_formatter<tsock::ipv6_endpoint> {};
template <>
struct fmt::formatter<tsock::inet_endpoint, char> : tsock::detail::fmt_text_formatter<tsock::inet_endpoint> {};
template <>
struct fmt::formatter<tsock::local_endpoint, char> : tsock::detail::fmt_text_formatter<tsock::local_endpoint> {};

#endif // TSOCK_FMT_HPP
