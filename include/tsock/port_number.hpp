// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_PORT_NUMBER_HPP
#define TSOCK_PORT_NUMBER_HPP

// port_number: what every tsock function that takes a port takes (endpoints,
// resolve, service_by_port). A port never narrows silently:
//
//   ipv4_endpoint(a, 8080)                     a constant: checked while compiling
//   ipv4_endpoint(a, std::uint16_t(p))         exactly std::uint16_t: every value is a port
//   ipv4_endpoint(a, port_number::checked(n))  any other integer: checked at run time
//
// ipv4_endpoint(a, 70000) does not compile, nor does an int variable passed
// as it is.

#include <tsock/config.hpp>
#include <tsock/detail/constant_argument.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>

#include <compare>
#include <concepts>
#include <cstdint>
#include <string>
#include <system_error>
#include <type_traits>

namespace tsock {

namespace detail {

// Reached only while compiling a port that is not one: each name is the
// diagnostic. Not constexpr on purpose.
inline void port_out_of_range_the_port_must_be_0_to_65535() noexcept {}
inline void a_run_time_port_must_be_std_uint16_t_or_go_through_port_number_checked() noexcept {}

// Whether the integer p is 0 to 65535; true for a non-integer (clang
// substitutes into a constructor's diagnose_if before it checks constraints).
template <class I> constexpr bool is_port(const I& p) noexcept
{
    if constexpr (!std::integral<I> || std::same_as<I, bool>)
        return true;
    else if constexpr (std::is_signed_v<I>)
        return p >= 0 && static_cast<unsigned long long>(p) <= 0xffffu;
    else
        return static_cast<unsigned long long>(p) <= 0xffffu;
}

} // namespace detail

// A TCP or UDP port in host order, 0 to 65535 (0: let the system choose).
class port_number {
public:
    using value_type = std::uint16_t;

    // Port 0.
    constexpr port_number() noexcept = default;

    // Exactly a std::uint16_t: every value is a port.
    template <class T>
        requires std::same_as<T, std::uint16_t>
    constexpr port_number(T port) noexcept : value_(port) // NOLINT(google-explicit-constructor)
    {
    }

    // An integer constant, checked while compiling. An error naming
    // tsock::detail::port_out_of_range_the_port_must_be_0_to_65535 here
    // means the constant is no port; one naming
    // a_run_time_port_must_be_std_uint16_t_or_go_through_port_number_checked
    // means a run-time value of another type (an int variable): write
    // port_number::checked(value), or convert it yourself.
    template <std::integral I>
        requires(!std::same_as<I, std::uint16_t> && !std::same_as<I, bool>)
    consteval port_number(const I& port) noexcept // NOLINT(google-explicit-constructor)
        TSOCK_ERROR_IF(!TSOCK_IS_CONSTANT(port), "a run-time port must be std::uint16_t or go through "
                                                 "port_number::checked(value), which refuses a value out of range")
        TSOCK_ERROR_IF(TSOCK_IS_CONSTANT(port) && !detail::is_port(port),
                       "port out of range: the port must be 0 to 65535")
        : value_(constant(port))
    {
    }

    // Any integer, checked at run time: throws std::system_error with
    // error::port_out_of_range, naming the value, unless it is 0 to 65535.
    // In a constant expression, a value out of range does not compile.
    template <std::integral I>
        requires(!std::same_as<I, bool>)
    static constexpr port_number checked(I port)
    {
        if (!detail::is_port(port)) {
            if (std::is_constant_evaluated())
                detail::port_out_of_range_the_port_must_be_0_to_65535();
            else
                detail::throw_for(make_error_code(error::port_out_of_range), "port_number::checked",
                                  {std::to_string(port)});
        }
        return port_number(static_cast<value_type>(port));
    }
    // As checked(port); sets ec to error::port_out_of_range (and returns port
    // 0) instead of throwing.
    template <std::integral I>
        requires(!std::same_as<I, bool>)
    static port_number checked(I port, std::error_code& ec) noexcept
    {
        if (!detail::is_port(port)) {
            ec = make_error_code(error::port_out_of_range);
            return {};
        }
        ec.clear();
        return port_number(static_cast<value_type>(port));
    }

    constexpr value_type value() const noexcept { return value_; }

    friend constexpr bool operator==(port_number, port_number) noexcept = default;
    friend constexpr std::strong_ordering operator<=>(port_number, port_number) noexcept = default;

private:
    template <class I> static consteval value_type constant(const I& port) noexcept
    {
        if (!TSOCK_IS_CONSTANT(port))
            detail::a_run_time_port_must_be_std_uint16_t_or_go_through_port_number_checked();
        if (!detail::is_port(port))
            detail::port_out_of_range_the_port_must_be_0_to_65535();
        return static_cast<value_type>(port);
    }

    value_type value_ = 0;
};

} // namespace tsock

#endif // TSOCK_PORT_NUMBER_HPP
