// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PARSE_FAULTS_HPP
#define TSOCK_DETAIL_PARSE_FAULTS_HPP

// What a text that does not parse says while compiling: in a literal
// ("10.0.0.256"_ipv4) or in a parse() evaluated as a constant expression
// (constexpr auto e = ipv4_endpoint::parse("10.0.0.1:99999")). Each fault is
// a function that is not constexpr on purpose, and whose name is the
// diagnostic: the *_fault functions pick it from the error (and, for
// endpoints, from where in the text it lies), and the caller calls it, so
// that the compiler's first error line names it. (They return it rather than
// call it, so that no "in constexpr expansion of f((tsock::error)...)" line
// comes first.)

#include <tsock/detail/parse_address.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace tsock::detail {

// A fault: calling one in a constant expression is the compile error.
using fault = void (*)();

// IPv4 address text. (The names say literal: the literals came first.)
inline void ipv4_literal_is_empty() {}
inline void ipv4_literal_has_an_unexpected_character() {}
inline void ipv4_literal_has_a_part_with_a_leading_zero() {}
inline void ipv4_literal_has_a_part_above_255() {}
inline void ipv4_literal_has_fewer_than_four_parts() {}
inline void ipv4_literal_has_more_than_four_parts() {}
inline void ipv4_literal_has_an_empty_part() {}

constexpr fault ipv4_fault(error e) noexcept
{
    switch (e) {
    case error::empty_address: return ipv4_literal_is_empty;
    case error::leading_zero: return ipv4_literal_has_a_part_with_a_leading_zero;
    case error::part_out_of_range: return ipv4_literal_has_a_part_above_255;
    case error::too_few_parts: return ipv4_literal_has_fewer_than_four_parts;
    case error::too_many_parts: return ipv4_literal_has_more_than_four_parts;
    case error::empty_part: return ipv4_literal_has_an_empty_part;
    default: return ipv4_literal_has_an_unexpected_character;
    }
}

// IPv6 address text.
inline void ipv6_literal_is_empty() {}
inline void ipv6_literal_has_an_unexpected_character() {}
inline void ipv6_literal_has_an_empty_group() {}
inline void ipv6_literal_has_a_group_of_more_than_four_hex_digits() {}
inline void ipv6_literal_has_fewer_than_eight_groups_and_no_double_colon() {}
inline void ipv6_literal_has_too_many_groups() {}
inline void ipv6_literal_has_more_than_one_double_colon() {}
inline void ipv6_literal_has_a_lone_colon_at_an_end_or_a_triple_colon() {}
inline void ipv6_literal_has_a_misplaced_ipv4_part() {}
inline void ipv6_literal_has_a_bad_embedded_ipv4_part() {}
inline void ipv6_literal_has_an_empty_zone() {}
inline void ipv6_literal_has_a_zone_above_4294967295() {}
inline void ipv6_literal_zone_names_need_run_time_lookup_use_a_number() {}

constexpr fault ipv6_fault(error e) noexcept
{
    switch (e) {
    case error::empty_address: return ipv6_literal_is_empty;
    case error::empty_part: return ipv6_literal_has_an_empty_group;
    case error::group_too_long: return ipv6_literal_has_a_group_of_more_than_four_hex_digits;
    case error::too_few_groups: return ipv6_literal_has_fewer_than_eight_groups_and_no_double_colon;
    case error::too_many_groups: return ipv6_literal_has_too_many_groups;
    case error::multiple_double_colons: return ipv6_literal_has_more_than_one_double_colon;
    case error::misplaced_colon: return ipv6_literal_has_a_lone_colon_at_an_end_or_a_triple_colon;
    case error::misplaced_ipv4: return ipv6_literal_has_a_misplaced_ipv4_part;
    case error::leading_zero:
    case error::part_out_of_range:
    case error::too_few_parts:
    case error::too_many_parts: return ipv6_literal_has_a_bad_embedded_ipv4_part;
    case error::empty_zone: return ipv6_literal_has_an_empty_zone;
    case error::zone_out_of_range: return ipv6_literal_has_a_zone_above_4294967295;
    case error::zone_too_long:
    case error::zone_name_in_constant_expression: return ipv6_literal_zone_names_need_run_time_lookup_use_a_number;
    default: return ipv6_literal_has_an_unexpected_character;
    }
}

// The fault of a text that parse_or_throw's parser refused (r), for each
// parser. parse_or_throw calls what they return in a constant expression.
constexpr fault ipv4_text_fault(const parse_result<std::uint32_t>& r, std::string_view) noexcept
{
    return ipv4_fault(r.code);
}
constexpr fault ipv6_text_fault(const parse_result<v6_value>& r, std::string_view) noexcept
{
    return ipv6_fault(r.code);
}

inline void inet_aton_text_is_empty() {}
inline void inet_aton_text_has_an_unexpected_character() {}
inline void inet_aton_text_has_an_empty_part() {}
inline void inet_aton_text_has_a_part_too_large_for_its_bytes() {}
inline void inet_aton_text_has_more_than_four_parts() {}

constexpr fault aton_text_fault(const parse_result<std::uint32_t>& r, std::string_view) noexcept
{
    switch (r.code) {
    case error::empty_address: return inet_aton_text_is_empty;
    case error::empty_part: return inet_aton_text_has_an_empty_part;
    case error::part_out_of_range: return inet_aton_text_has_a_part_too_large_for_its_bytes;
    case error::too_many_parts: return inet_aton_text_has_more_than_four_parts;
    default: return inet_aton_text_has_an_unexpected_character;
    }
}

inline void endpoint_has_no_port() {}
inline void endpoint_port_has_a_character_that_is_not_a_digit() {}
inline void endpoint_port_is_above_65535() {}
inline void ipv6_endpoint_needs_brackets_around_the_address() {}
inline void ipv6_endpoint_has_no_closing_bracket() {}
inline void ipv6_endpoint_needs_a_colon_between_bracket_and_port() {}

// The port's faults (parse_port's errors).
constexpr fault port_fault(error e) noexcept
{
    switch (e) {
    case error::empty_part: return endpoint_has_no_port;
    case error::part_out_of_range: return endpoint_port_is_above_65535;
    default: return endpoint_port_has_a_character_that_is_not_a_digit;
    }
}

// "a.b.c.d:port": a fault of the address, else of the port.
template <class Result>
constexpr fault v4_endpoint_text_fault(const Result& r, std::string_view text) noexcept
{
    const auto address = parse_v4(text.substr(0, text.find(':')));
    return address ? port_fault(r.code) : ipv4_fault(address.code);
}

// "[address]:port": the brackets, the address, the colon, the port.
template <class Result>
constexpr fault v6_endpoint_text_fault(const Result& r, std::string_view text) noexcept
{
    if (text.empty())
        return ipv6_fault(r.code);
    if (text[0] != '[')
        return ipv6_endpoint_needs_brackets_around_the_address;
    const std::size_t close = text.find(']');
    const auto address = parse_v6(text.substr(1, close == std::string_view::npos ? close : close - 1));
    if (!address)
        return ipv6_fault(address.code);
    if (close == std::string_view::npos)
        return ipv6_endpoint_has_no_closing_bracket;
    if (close + 1 != text.size() && text[close + 1] != ':')
        return ipv6_endpoint_needs_a_colon_between_bracket_and_port;
    return port_fault(r.code);
}

inline void local_path_is_empty() {}
inline void local_path_does_not_fit_sun_path() {}
inline void local_path_has_a_nul_byte() {}

constexpr fault local_path_fault(error e) noexcept
{
    switch (e) {
    case error::empty_address: return local_path_is_empty;
    case error::address_too_long: return local_path_does_not_fit_sun_path;
    default: return local_path_has_a_nul_byte;
    }
}

// (Abstract names are Linux's; local_endpoint::abstract refuses them
// elsewhere before it gets here.)
inline void abstract_local_name_does_not_fit_sun_path() {}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_PARSE_FAULTS_HPP
