// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>

#define BOOST_TEST_MODULE byte_order
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>

#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <random>
#include <tuple>
#include <vector>

// Expected values: the bytes of a number written most significant first
// (network order, RFC 1700), built with shifts and copied into memory here,
// and the C library's htons/htonl/ntohs/ntohl.

namespace {

// Every unsigned type by its own name (std::uintN_t are aliases of these).
using unsigned_types = std::tuple<unsigned char, unsigned short, unsigned int, unsigned long, unsigned long long>;

// The value whose memory holds the bytes of v most significant first: what
// hton must return.
template <class T>
T big_endian_image(T v)
{
    unsigned char bytes[sizeof(T)];
    for (std::size_t i = 0; i != sizeof(T); ++i)
        bytes[i] = static_cast<unsigned char>(static_cast<unsigned long long>(v) >> (8 * (sizeof(T) - 1 - i)));
    T out;
    std::memcpy(&out, bytes, sizeof(T));
    return out;
}

// v with its memory reversed: what byteswap must return.
template <class T>
T reversed_image(T v)
{
    unsigned char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    for (std::size_t i = 0; i != sizeof(T) / 2; ++i) {
        const unsigned char t = bytes[i];
        bytes[i] = bytes[sizeof(T) - 1 - i];
        bytes[sizeof(T) - 1 - i] = t;
    }
    T out;
    std::memcpy(&out, bytes, sizeof(T));
    return out;
}

// The same at compile time, by arithmetic only.
template <class T>
constexpr T reverse_by_shifts(T v)
{
    unsigned long long in = v, out = 0;
    for (std::size_t i = 0; i != sizeof(T); ++i) {
        out = (out << 8) | (in & 0xff);
        in >>= 8;
    }
    return static_cast<T>(out);
}

template <class T>
concept can_hton = requires(T v) { tsock::hton(v); };
template <class T>
concept can_htons = requires(T v) { tsock::htons(v); };
template <class T>
concept can_htonl = requires(T v) { tsock::htonl(v); };
template <class T>
concept can_byteswap = requires(T v) { tsock::byteswap(v); };

constexpr bool little = std::endian::native == std::endian::little;

} // namespace

BOOST_AUTO_TEST_CASE(fixed_values_at_compile_time)
{
    static_assert(tsock::byteswap(std::uint8_t(0xab)) == 0xab);
    static_assert(tsock::byteswap(std::uint16_t(0x1234)) == 0x3412);
    static_assert(tsock::byteswap(std::uint32_t(0x12345678)) == 0x78563412u);
    static_assert(tsock::byteswap(std::uint64_t(0x0102030405060708ull)) == 0x0807060504030201ull);
    static_assert(tsock::byteswap(std::uint32_t(0xff000000u)) == 0x000000ffu);

    static_assert(tsock::hton(std::uint8_t(0xab)) == 0xab);
    static_assert(tsock::hton(std::uint16_t(0x1234)) == (little ? 0x3412 : 0x1234));
    static_assert(tsock::hton(std::uint32_t(0x7f000001u)) == (little ? 0x0100007fu : 0x7f000001u));
    static_assert(tsock::hton(std::uint64_t(0x0102030405060708ull)) ==
                  (little ? 0x0807060504030201ull : 0x0102030405060708ull));
    static_assert(tsock::ntoh(std::uint16_t(0x3412)) == (little ? 0x1234 : 0x3412));
    static_assert(tsock::ntoh(std::uint32_t(0x0100007fu)) == (little ? 0x7f000001u : 0x0100007fu));

    static_assert(tsock::htons(0x1234) == (little ? 0x3412 : 0x1234));
    static_assert(tsock::ntohs(0x3412) == (little ? 0x1234 : 0x3412));
    static_assert(tsock::htonl(0x7f000001) == (little ? 0x0100007fu : 0x7f000001u));
    static_assert(tsock::ntohl(0x0100007f) == (little ? 0x7f000001u : 0x0100007fu));
    static_assert(tsock::htons(0xffff) == 0xffff && tsock::htons(0) == 0);
    static_assert(tsock::htonl(0xffffffff) == 0xffffffffu);
    // Port 80 and 8080 as they sit in a sockaddr_in.
    static_assert(tsock::htons(80) == (little ? 0x5000 : 80));
    static_assert(tsock::htons(8080) == (little ? 0x901f : 8080));

    BOOST_TEST(tsock::htons(std::uint16_t(0x1234)) == (little ? 0x3412 : 0x1234));
}

BOOST_AUTO_TEST_CASE(python_names_take_constants_of_any_integer_type)
{
    // A constant of another integer type is checked while compiling; a
    // named constant counts as much as a literal.
    constexpr long port = 8080;
    const unsigned char small = 0x12;
    constexpr std::uint64_t address = 0x7f000001;
    static_assert(tsock::htons(port) == (little ? 0x901f : 8080));
    static_assert(tsock::ntohs(small) == (little ? 0x1200 : 0x12));
    static_assert(tsock::htonl(address) == (little ? 0x0100007fu : 0x7f000001u));
    static_assert(tsock::ntohl(0xffffffffull) == 0xffffffffu);
    static_assert(tsock::htons('A') == (little ? 0x4100 : 0x41));
    // No integer at all (bool, floating point, a pointer, an enumeration)
    // is refused: absent to requires-expressions.
    enum class colour : std::uint16_t { red };
    static_assert(can_htons<std::uint16_t> && can_htonl<std::uint32_t>);
    static_assert(!can_htons<bool> && !can_htonl<bool> && !can_htons<double> && !can_htonl<float>);
    static_assert(!can_htons<colour> && !can_htonl<const char*>);
    BOOST_TEST(tsock::htonl(std::uint32_t(address)) == (little ? 0x0100007fu : 0x7f000001u));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(compile_time_properties, T, unsigned_types)
{
    constexpr T a = static_cast<T>(0x0102030405060708ull);
    constexpr T b = static_cast<T>(0xf0e1d2c3b4a59687ull);
    constexpr T max = std::numeric_limits<T>::max();
    static_assert(tsock::byteswap(a) == reverse_by_shifts(a));
    static_assert(tsock::byteswap(b) == reverse_by_shifts(b));
    static_assert(tsock::byteswap(tsock::byteswap(b)) == b);
    static_assert(tsock::hton(a) == (little ? reverse_by_shifts(a) : a));
    static_assert(tsock::ntoh(tsock::hton(b)) == b);
    static_assert(tsock::hton(tsock::ntoh(b)) == b);
    static_assert(tsock::hton(max) == max && tsock::hton(T(0)) == T(0));
    static_assert(std::is_same_v<decltype(tsock::hton(a)), T>);
    static_assert(std::is_same_v<decltype(tsock::byteswap(a)), T>);
    static_assert(noexcept(tsock::hton(a)) && noexcept(tsock::ntoh(a)) && noexcept(tsock::byteswap(a)));
    static_assert(tsock::byte_order_integer<T>);
    BOOST_TEST(tsock::byteswap(a) == reverse_by_shifts(a));
}

BOOST_AUTO_TEST_CASE_TEMPLATE(run_time_against_memory_images, T, unsigned_types)
{
    std::mt19937_64 rng(8001 + sizeof(T));
    std::vector<T> values = {T(0), T(1), T(0x80), std::numeric_limits<T>::max(), T(std::numeric_limits<T>::max() / 2),
                             static_cast<T>(0x0102030405060708ull), static_cast<T>(0x8000000000000001ull)};
    for (int i = 0; i != 10000; ++i)
        values.push_back(static_cast<T>(rng()));
    for (T v : values) {
        const unsigned long long shown = v;
        const T net = big_endian_image(v);
        BOOST_TEST(tsock::hton(v) == net, "value 0x" << std::hex << shown);
        BOOST_TEST(tsock::ntoh(net) == v, "value 0x" << std::hex << shown);
        BOOST_TEST(tsock::byteswap(v) == reversed_image(v), "value 0x" << std::hex << shown);
        BOOST_TEST(tsock::hton(tsock::ntoh(v)) == v, "value 0x" << std::hex << shown);
        BOOST_TEST(tsock::byteswap(tsock::byteswap(v)) == v, "value 0x" << std::hex << shown);
        // hton's result, stored, is the big-endian byte sequence.
        const T h = tsock::hton(v);
        unsigned char mem[sizeof(T)];
        std::memcpy(mem, &h, sizeof(T));
        BOOST_TEST(mem[0] == static_cast<unsigned char>(shown >> (8 * (sizeof(T) - 1))), "value 0x" << std::hex << shown);
        BOOST_TEST(mem[sizeof(T) - 1] == static_cast<unsigned char>(shown), "value 0x" << std::hex << shown);
    }
}

BOOST_AUTO_TEST_CASE(python_names_equal_the_c_library)
{
    // Every 16-bit value.
    for (std::uint32_t v = 0; v != 0x10000; ++v) {
        const auto x = static_cast<std::uint16_t>(v);
        BOOST_TEST(tsock::htons(x) == ::htons(x), "value " << v);
        BOOST_TEST(tsock::ntohs(x) == ::ntohs(x), "value " << v);
    }
    // Edges and random 32-bit values.
    std::mt19937 rng(8002);
    std::vector<std::uint32_t> values = {0u, 1u, 0x7f000001u, 0x80000000u, 0xffffffffu, 0x000000ffu, 0xff000000u};
    for (int i = 0; i != 100000; ++i)
        values.push_back(static_cast<std::uint32_t>(rng()));
    for (std::uint32_t v : values) {
        BOOST_TEST(tsock::htonl(v) == ::htonl(v), "value 0x" << std::hex << v);
        BOOST_TEST(tsock::ntohl(v) == ::ntohl(v), "value 0x" << std::hex << v);
        BOOST_TEST(tsock::ntohl(tsock::htonl(v)) == v, "value 0x" << std::hex << v);
    }
}

BOOST_AUTO_TEST_CASE(concept_accepts_unsigned_and_rejects_the_rest)
{
    static_assert(tsock::byte_order_integer<std::uint8_t>);
    static_assert(tsock::byte_order_integer<std::uint16_t>);
    static_assert(tsock::byte_order_integer<std::uint32_t>);
    static_assert(tsock::byte_order_integer<std::uint64_t>);
    static_assert(tsock::byte_order_integer<unsigned char>);
    static_assert(tsock::byte_order_integer<unsigned short>);
    static_assert(tsock::byte_order_integer<unsigned>);
    static_assert(tsock::byte_order_integer<unsigned long>);
    static_assert(tsock::byte_order_integer<unsigned long long>);
    static_assert(tsock::byte_order_integer<std::size_t>);

    static_assert(!tsock::byte_order_integer<bool>);
    static_assert(!tsock::byte_order_integer<const bool>);
    static_assert(!tsock::byte_order_integer<volatile bool>);
    static_assert(!tsock::byte_order_integer<signed char>);
    static_assert(!tsock::byte_order_integer<short>);
    static_assert(!tsock::byte_order_integer<int>);
    static_assert(!tsock::byte_order_integer<long>);
    static_assert(!tsock::byte_order_integer<long long>);
    static_assert(!tsock::byte_order_integer<std::int8_t>);
    static_assert(!tsock::byte_order_integer<std::int16_t>);
    static_assert(!tsock::byte_order_integer<std::int32_t>);
    static_assert(!tsock::byte_order_integer<std::int64_t>);
    static_assert(!tsock::byte_order_integer<float>);
    static_assert(!tsock::byte_order_integer<double>);
    static_assert(!tsock::byte_order_integer<std::byte>);
    static_assert(!tsock::byte_order_integer<void*>);
    static_assert(!tsock::byte_order_integer<std::uint32_t*>);

    // The functions take exactly those types.
    static_assert(can_hton<std::uint16_t> && can_hton<std::uint64_t> && can_byteswap<std::uint32_t>);
    static_assert(!can_hton<bool> && !can_hton<int> && !can_hton<std::int64_t> && !can_hton<double>);
    static_assert(!can_byteswap<bool> && !can_byteswap<signed char>);
    BOOST_TEST(tsock::byte_order_integer<std::uint32_t>);
}
