// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BYTE_ORDER_HPP
#define TSOCK_BYTE_ORDER_HPP

// Host <-> network byte order, constexpr, for every unsigned width from 8 to
// 64 bits. Each call is one byte-swap instruction on a little-endian host and
// nothing on a big-endian one (test/codegen/check_byte_order.sh reads the assembly).

#include <tsock/config.hpp>
#include <tsock/detail/constant_argument.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/refuse.hpp>

#include <bit>
#include <concepts>
#include <cstdint>
#include <type_traits>

// glibc defines htons, htonl, ntohs and ntohl as function-like macros when
// optimising, which would rewrite tsock::htons(x) into tsock::__bswap_16(x).
// The system headers are included above, so their include guards keep the
// macros from coming back; ::htons stays available as the C function (out
// of line in glibc: code that includes tsock should call tsock::htons, one
// bswap). Restoring the macros afterwards would break tsock::htons(x) in the
// user's code again, so they stay removed (doc/index.adoc says so).
#ifdef htons
#undef htons
#endif
#ifdef htonl
#undef htonl
#endif
#ifdef ntohs
#undef ntohs
#endif
#ifdef ntohl
#undef ntohl
#endif

namespace tsock {

// An error here means the host is neither big- nor little-endian (a mixed-endian
// machine): tsock does not support it.
static_assert(std::endian::native == std::endian::big || std::endian::native == std::endian::little,
              "tsock supports big- and little-endian hosts only");
static_assert((std::endian::native == std::endian::little) == (BOOST_ENDIAN_LITTLE_BYTE != 0),
              "std::endian and Boost.Predef disagree about the byte order");

// Does T have a byte order to convert? (unsigned integers of 8, 16, 32 or 64
// bits; bool is not a number.)
template <class T>
concept byte_order_integer = std::unsigned_integral<T> && !std::same_as<std::remove_cv_t<T>, bool> &&
                             (sizeof(T) == 1 || sizeof(T) == 2 || sizeof(T) == 4 || sizeof(T) == 8);

// Reverses the bytes of v (std::byteswap before C++23).
template <byte_order_integer T>
[[nodiscard]] constexpr T byteswap(T v) noexcept
{
    if constexpr (sizeof(T) == 1) {
        return v;
    } else {
#if TSOCK_HAS_BUILTIN_BSWAP
        if constexpr (sizeof(T) == 2)
            return static_cast<T>(__builtin_bswap16(static_cast<std::uint16_t>(v)));
        else if constexpr (sizeof(T) == 4)
            return static_cast<T>(__builtin_bswap32(static_cast<std::uint32_t>(v)));
        else
            return static_cast<T>(__builtin_bswap64(static_cast<std::uint64_t>(v)));
#else
        T result = 0;
        for (std::size_t i = 0; i != sizeof(T); ++i)
            result = static_cast<T>((result << 8) | ((v >> (8 * i)) & 0xff));
        return result;
#endif
    }
}

// Host to network (big-endian) order.
template <byte_order_integer T>
[[nodiscard]] constexpr T hton(T v) noexcept
{
    if constexpr (std::endian::native == std::endian::big)
        return v;
    else
        return byteswap(v);
}

// Network (big-endian) to host order.
template <byte_order_integer T>
[[nodiscard]] constexpr T ntoh(T v) noexcept
{
    return hton(v);
}

// An error here means hton/ntoh of a signed integer, bool, or a non-integer:
// the byte order is defined for unsigned widths (std::uint16_t ...);
// convert first, and check the range, if the value is signed.
template <class T>
    requires(!byte_order_integer<T>)
TSOCK_REFUSED("hton and ntoh take an unsigned integer (std::uint8_t to std::uint64_t), not bool or a signed one")
hton(T) TSOCK_DELETED;
template <class T>
    requires(!byte_order_integer<T>)
TSOCK_REFUSED("hton and ntoh take an unsigned integer (std::uint8_t to std::uint64_t), not bool or a signed one")
ntoh(T) TSOCK_DELETED;

namespace detail {
// Reached only while compiling a call of htons, htonl, ntohs or ntohl with a
// run-time value of another type: each name is the diagnostic. Not constexpr
// on purpose.
inline void the_argument_must_be_exactly_std_uint16_t_or_a_constant_that_fits() noexcept {}
inline void the_argument_must_be_exactly_std_uint32_t_or_a_constant_that_fits() noexcept {}

// Whether the integer v has a value that the unsigned T holds (std::in_range
// for character types too); true for a non-integer I (clang substitutes into
// a constructor's diagnose_if before it checks the constraints).
template <class T, class I> constexpr bool fits_in(const I& v) noexcept
{
    if constexpr (!std::integral<I> || std::same_as<I, bool>)
        return true;
    else if constexpr (std::is_signed_v<I>)
        return v >= 0 && static_cast<unsigned long long>(v) <= T(~T(0));
    else
        return static_cast<unsigned long long>(v) <= T(~T(0));
}
} // namespace detail

// The argument of Python's four names: exactly a T, or a constant that fits in
// a T. A run-time value of another type does not convert silently.
template <byte_order_integer T>
class exactly {
public:
    template <class U>
        requires std::same_as<U, T>
    constexpr exactly(U v) noexcept : value_(v) // NOLINT(google-explicit-constructor)
    {
    }

    // An integer constant, checked while compiling (detail/constant_argument.hpp).
    // An error naming tsock::detail::the_argument_must_be_exactly_... here
    // means a run-time value of another integer type was passed: convert it
    // yourself (static_cast) so that any truncation is your decision. One
    // naming value_does_not_fit_the_parameter_type means the constant is too
    // large or negative.
    template <std::integral I>
        requires(!std::same_as<I, T> && !std::same_as<I, bool> && sizeof(T) == 2)
    consteval exactly(const I& v) noexcept // NOLINT(google-explicit-constructor)
        TSOCK_ERROR_IF(!TSOCK_IS_CONSTANT(v), "the argument must be exactly std::uint16_t or a constant that fits "
                                              "(htons, ntohs); convert a run-time value yourself (static_cast)")
        TSOCK_ERROR_IF(TSOCK_IS_CONSTANT(v) && !detail::fits_in<T>(v),
                       "value does not fit the parameter type: htons and ntohs take 16 bits")
        : value_(checked(v))
    {
    }
    template <std::integral I>
        requires(!std::same_as<I, T> && !std::same_as<I, bool> && sizeof(T) == 4)
    consteval exactly(const I& v) noexcept // NOLINT(google-explicit-constructor)
        TSOCK_ERROR_IF(!TSOCK_IS_CONSTANT(v), "the argument must be exactly std::uint32_t or a constant that fits "
                                              "(htonl, ntohl); convert a run-time value yourself (static_cast)")
        TSOCK_ERROR_IF(TSOCK_IS_CONSTANT(v) && !detail::fits_in<T>(v),
                       "value does not fit the parameter type: htonl and ntohl take 32 bits")
        : value_(checked(v))
    {
    }

    constexpr T get() const noexcept { return value_; }

private:
    template <class I> static consteval T checked(const I& v) noexcept
    {
        if (!TSOCK_IS_CONSTANT(v)) {
            if constexpr (sizeof(T) == 2)
                detail::the_argument_must_be_exactly_std_uint16_t_or_a_constant_that_fits();
            else
                detail::the_argument_must_be_exactly_std_uint32_t_or_a_constant_that_fits();
        }
        if (!detail::fits_in<T>(v))
            value_does_not_fit_the_parameter_type();
        return static_cast<T>(v);
    }

    // Not constexpr on purpose: reaching it in a constant expression is the
    // compile error that names the problem.
    static void value_does_not_fit_the_parameter_type() noexcept {}

    T value_;
};

// Python's socket.htons: 16-bit host to network order.
[[nodiscard]] constexpr std::uint16_t htons(exactly<std::uint16_t> v) noexcept { return hton(v.get()); }
// Python's socket.htonl: 32-bit host to network order.
[[nodiscard]] constexpr std::uint32_t htonl(exactly<std::uint32_t> v) noexcept { return hton(v.get()); }
// Python's socket.ntohs: 16-bit network to host order.
[[nodiscard]] constexpr std::uint16_t ntohs(exactly<std::uint16_t> v) noexcept { return ntoh(v.get()); }
// Python's socket.ntohl: 32-bit network to host order.
[[nodiscard]] constexpr std::uint32_t ntohl(exactly<std::uint32_t> v) noexcept { return ntoh(v.get()); }

// An error naming one of these means the argument is no integer at all (bool,
// a floating-point value, an enumeration, a pointer).
template <class T>
    requires(!std::integral<T> || std::same_as<T, bool>)
TSOCK_REFUSED("htons takes exactly std::uint16_t, or an integer constant that fits") htons(T) TSOCK_DELETED;
template <class T>
    requires(!std::integral<T> || std::same_as<T, bool>)
TSOCK_REFUSED("htonl takes exactly std::uint32_t, or an integer constant that fits") htonl(T) TSOCK_DELETED;
template <class T>
    requires(!std::integral<T> || std::same_as<T, bool>)
TSOCK_REFUSED("ntohs takes exactly std::uint16_t, or an integer constant that fits") ntohs(T) TSOCK_DELETED;
template <class T>
    requires(!std::integral<T> || std::same_as<T, bool>)
TSOCK_REFUSED("ntohl takes exactly std::uint32_t, or an integer constant that fits") ntohl(T) TSOCK_DELETED;

} // namespace tsock

#endif // TSOCK_BYTE_ORDER_HPP
