// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_THROW_ERROR_HPP
#define TSOCK_DETAIL_THROW_ERROR_HPP

#include <tsock/detail/escape.hpp>
#include <tsock/detail/throw_exception.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>
#include <system_error>

namespace tsock::detail {

// Appends text in quotes, with quotes, control bytes and non-ASCII escaped
// (\xNN), so that a NUL or a terminal escape in bad input cannot garble the
// message.
inline void append_quoted(std::string& out, std::string_view text)
{
    out += '"';
    append_escaped(out, text, "\"");
    out += '"';
}

// Throws std::system_error whose what() reads, for example:
// invalid IPv6 address "1::2::3" at offset 4: IPv6 address has more than one '::'
[[noreturn]] inline void throw_parse_error(std::string_view kind, std::string_view text, error code,
                                           std::size_t where)
{
    std::string what = "invalid ";
    what += kind;
    what += ' ';
    append_quoted(what, text);
    what += " at offset ";
    what += std::to_string(where);
    throw_exception(std::system_error(make_error_code(code), what));
}

// Throws std::system_error whose what() names the call and its quoted
// arguments, for example: tsock: resolve "no.such.host" "http": Name or
// service not known.
[[noreturn]] inline void throw_for(const std::error_code& ec, std::string_view call,
                                   std::initializer_list<std::string_view> arguments)
{
    std::string what = "tsock: ";
    what += call;
    for (const auto argument : arguments) {
        what += ' ';
        append_quoted(what, argument);
    }
    throw_exception(std::system_error(ec, what));
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_THROW_ERROR_HPP
