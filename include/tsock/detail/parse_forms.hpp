// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PARSE_FORMS_HPP
#define TSOCK_DETAIL_PARSE_FORMS_HPP

// The three public forms of every text parser (throwing, std::error_code&,
// std::optional), over one constexpr parser that returns a parse_result<V>;
// make(V) builds the public value.

#include <tsock/detail/parse_address.hpp>
#include <tsock/detail/throw_error.hpp>

#include <optional>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace tsock::detail {

// Throws std::system_error naming kind, the text and the offset. In a
// constant expression, it calls the function fault_of(r, text) names for the
// fault first (detail/parse_faults.hpp): that name is the compile error,
// rather than throw_parse_error's.
template <class T, class Parse, class Make, class Fault>
constexpr T parse_or_throw(std::string_view kind, std::string_view text, Parse parse, Make make, Fault fault_of)
{
    const auto r = parse(text);
    if (!r) {
        if (std::is_constant_evaluated())
            fault_of(r, text)();
        throw_parse_error(kind, text, r.code, r.where);
    }
    return make(r.value);
}

// Sets ec; a default T on failure.
template <class T, class Parse, class Make>
T parse_or_set(std::string_view text, std::error_code& ec, Parse parse, Make make) noexcept
{
    const auto r = parse(text);
    ec = r ? std::error_code() : make_error_code(r.code);
    return r ? make(r.value) : T();
}

// Empty on failure.
template <class T, class Parse, class Make>
constexpr std::optional<T> parse_or_empty(std::string_view text, Parse parse, Make make) noexcept
{
    const auto r = parse(text);
    if (!r)
        return std::nullopt;
    return make(r.value);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_PARSE_FORMS_HPP
