// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_FORMAT_HPP
#define TSOCK_FORMAT_HPP

// std::format for tsock's addresses and endpoints: std::formatter<T, char>
// for address_v4, address_v6, ipv4_endpoint, ipv6_endpoint, inet_endpoint
// and local_endpoint. "{}" writes what operator<< writes (to_string()), and
// the replacement field takes the spec of a string: fill, alignment and
// width ("{:>21}", "{:*^41}", "{:<{}}"), a precision, which cuts the text as
// it cuts a string, and the type s. Anything else (a type d or x, a sign,
// '#', '0') is a std::format_error, at compile time when the format string
// is a constant one.
//
// Only where the standard library has <format>. TSOCK_HAS_STD_FORMAT says
// which: 1, or 0 where it has none, and then this header declares nothing
// else (libstdc++ 12, the one g++ 12 of Debian 12 uses, has no <format>).
// libc++ 16 has it with -fexperimental-library only, and even then does not
// define __cpp_lib_format: that case is recognised here.
//
// Not part of <tsock.hpp>: <format> is a cost only the users of this header
// pay. tsock/fmt.hpp is the same for the fmt library.

#include <version>

#if defined(__cpp_lib_format) \
    || (defined(_LIBCPP_VERSION) && _LIBCPP_VERSION >= 160000 && !defined(_LIBCPP_HAS_NO_INCOMPLETE_FORMAT))
#    define TSOCK_HAS_STD_FORMAT 1
#else
#    define TSOCK_HAS_STD_FORMAT 0
#endif

#if TSOCK_HAS_STD_FORMAT

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/formatter_text.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include <format>
#include <string_view>

namespace tsock::detail {

// parse() is the string formatter's (constexpr: a bad spec in a constant
// format string does not compile); format() hands it the text.
template <class T>
struct std_text_formatter : std::formatter<std::string_view, char> {
    template <class FormatContext>
    auto format(const T& value, FormatContext& ctx) const
    {
        const std::formatter<std::string_view, char>& text_formatter = *this;
        return with_text(value, [&](std::string_view text) { return text_formatter.format(text, ctx); });
    }
};

} // namespace tsock::detail

template <>
struct std::formatter<tsock::address_v4, char> : tsock::detail::std_text_formatter<tsock::address_v4> {};
template <>
struct std::formatter<tsock::address_v6, char> : tsock::detail::std_text_formatter<tsock::address_v6> {};
template <>
struct std::formatter<tsock::ipv4_endpoint, char> : tsock::detail::std_text_formatter<tsock::ipv4_endpoint> {};
template <>
struct std::formatter<tsock::ipv6_endpoint, char> : tsock::detail::std_text_formatter<tsock::ipv6_endpoint> {};
template <>
struct std::formatter<tsock::inet_endpoint, char> : tsock::detail::std_text_formatter<tsock::inet_endpoint> {};
template <>
struct std::formatter<tsock::local_endpoint, char> : tsock::detail::std_text_formatter<tsock::local_endpoint> {};

#endif // TSOCK_HAS_STD_FORMAT

#endif // TSOCK_FORMAT_HPP
