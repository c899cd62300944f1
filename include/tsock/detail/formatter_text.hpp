// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_FORMATTER_TEXT_HPP
#define TSOCK_DETAIL_FORMATTER_TEXT_HPP

// The text that the formatters of tsock/format.hpp (std::format) and
// tsock/fmt.hpp (fmt) hand to their library's string formatter: what
// operator<< writes, the same as to_string().

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>

namespace tsock::detail {

// Returns write(text), text a std::string_view valid during the call.
// Addresses and IP endpoints: to_chars into a buffer of max_string_length
// on the stack, no allocation. local_endpoint: a path as it is held, an
// abstract name escaped by to_string() (which allocates).
template <class T, class Write>
decltype(auto) with_text(const T& value, Write&& write)
{
    if constexpr (std::is_same_v<T, local_endpoint>) {
        if (value.kind() != local_endpoint::kind_type::abstract)
            return write(value.name()); // to_string() is the name, or "" when unnamed
        const std::string text = value.to_string();
        return write(std::string_view(text));
    } else {
        char buffer[T::max_string_length];
        // Never errc::value_too_large: the buffer holds the longest text.
        const auto r = value.to_chars(buffer, buffer + T::max_string_length);
        return write(std::string_view(buffer, std::size_t(r.ptr - buffer)));
    }
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_FORMATTER_TEXT_HPP
