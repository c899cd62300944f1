// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_OPTION_STORAGE_HPP
#define TSOCK_DETAIL_OPTION_STORAGE_HPP

// The building blocks of tsock/options.hpp: the bytes setsockopt reads and
// getsockopt writes, and the value types over them (bool, int, durations,
// strings). Each public option is a struct deriving from one of these, so
// that diagnostics name the option, not the block.

#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/detail/throw_exception.hpp>

#include <concepts>
#include <cstddef>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock::detail {

// Who may use an option: setsockopt, getsockopt, or both.
enum class option_access { get_set, get, set };

// A string literal usable as a template argument: the option's name in the
// message of a rejected value.
template <std::size_t N>
struct option_label {
    char text[N] = {};
    constexpr option_label(const char (&s)[N]) noexcept
    {
        for (std::size_t i = 0; i != N; ++i)
            text[i] = s[i];
    }
    constexpr std::string_view view() const noexcept { return {text, N - 1}; }
};

// Throws std::system_error(std::errc::invalid_argument) whose what() reads,
// for example: "tsock::options::linger: -1 s is negative: Invalid argument".
// The kernel says EINVAL for a value it rejects; tsock says it for a value it
// cannot pass on without changing it.
[[noreturn]] inline void throw_bad_option(std::string_view option, std::string_view why)
{
    std::string what = "tsock::options::";
    what += option;
    what += ": ";
    what += why;
    throw_exception(std::system_error(std::make_error_code(std::errc::invalid_argument), what));
}

// Level, name, and which calls an option is for. Every option is available
// (declares available = true) unless it says otherwise: a platform-only
// option hides available with its platform_option_name's.
template <int Level, int Name, option_access Access>
struct option_base {
    static constexpr int level = Level;
    static constexpr int name = Name;
    static constexpr bool settable = Access != option_access::get;
    static constexpr bool gettable = Access != option_access::set;
    static constexpr bool available = true;
};

// The name of an option that not every platform has: the platform's value
// and true where it has the option, -1 and false where it has not (the
// option is still declared there, and a socket refuses to set or get it).
struct platform_option_name {
    int name = -1;
    bool available = false;
};

// One Native object that the kernel reads (setsockopt) or writes
// (getsockopt), byte for byte: the storage of every fixed-size option.
// (__builtin_addressof, which GCC, Clang and MSVC all have: std::addressof
// would need <memory>, 52k lines with libstdc++.)
template <class Native>
class option_storage {
public:
    constexpr option_storage() noexcept = default;
    constexpr explicit option_storage(const Native& native) noexcept : native_(native) {}

    const void* data() const noexcept { return __builtin_addressof(native_); }
    void* data() noexcept { return __builtin_addressof(native_); }
    ::socklen_t size() const noexcept { return static_cast<::socklen_t>(sizeof(Native)); }
    ::socklen_t capacity() const noexcept { return static_cast<::socklen_t>(sizeof(Native)); }

    // After getsockopt: the kernel must have written a whole Native, or (an
    // integer only) a single byte, as Windows does for some booleans and BSD
    // for the IPv4 multicast ttl and loop. Anything else sets ec to
    // std::errc::message_size and leaves the value alone.
    void resize(::socklen_t length, std::error_code& ec) noexcept
    {
        if (static_cast<std::size_t>(length) == sizeof(Native)) {
            ec.clear();
            return;
        }
        if constexpr (std::is_integral_v<Native>) {
            if (length == 1) {
                unsigned char byte = 0;
                std::memcpy(&byte, __builtin_addressof(native_), 1);
                native_ = static_cast<Native>(byte);
                ec.clear();
                return;
            }
        }
        ec = std::make_error_code(std::errc::message_size);
    }

protected:
    Native native_{};
};

template <class T, class... U>
inline constexpr bool option_is_one_of = (std::is_same_v<T, U> || ...);

// A number, not a bool or a character: what an integer option accepts (and
// what std::cmp_less takes).
template <class I>
concept option_integer = std::integral<I> && !option_is_one_of<I, bool, char, wchar_t, char8_t, char16_t, char32_t>;

// A yes/no option, an int on the wire.
template <option_label Label, int Level, int Name, option_access Access = option_access::get_set>
class boolean_option : public option_base<Level, Name, Access>, public option_storage<int> {
public:
    using value_type = bool;

    constexpr boolean_option() noexcept = default;
    // Only a bool. An error here means the value was not one: keep_alive(1)
    // or keep_alive(ptr) is more likely a mistake than a wish for "true".
    constexpr explicit boolean_option(std::same_as<bool> auto value) noexcept : option_storage<int>(value ? 1 : 0) {}

    constexpr bool value() const noexcept { return this->native_ != 0; }
};

// An integer option whose value must lie in [Min, Max]: any integer type is
// accepted, and one outside the range throws instead of being cut to fit.
template <option_label Label, int Level, int Name, class Int = int, Int Min = std::numeric_limits<Int>::min(),
          Int Max = std::numeric_limits<Int>::max(), option_access Access = option_access::get_set>
class integer_option : public option_base<Level, Name, Access>, public option_storage<Int> {
public:
    using value_type = Int;
    static constexpr Int min = Min;
    static constexpr Int max = Max;

    constexpr integer_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) if value is
    // outside [min, max]. An error here means the value is not an integer:
    // a bool, a character or a floating-point number.
    constexpr explicit integer_option(option_integer auto value) : option_storage<Int>(checked(value)) {}

    constexpr Int value() const noexcept { return this->native_; }

private:
    template <class I>
    static constexpr Int checked(I value)
    {
        if (std::cmp_less(value, Min) || std::cmp_greater(value, Max))
            throw_bad_option(Label.view(),
                             std::to_string(value) + " is outside [" + std::to_string(Min) + ", " +
                                 std::to_string(Max) + "]");
        return static_cast<Int>(value);
    }
};

// A duration carried as an int count of Duration (seconds for TCP keep-alive,
// milliseconds for TCP_USER_TIMEOUT), in [Min, INT_MAX].
template <option_label Label, int Level, int Name, class Duration, int Min>
class int_duration_option : public option_base<Level, Name, option_access::get_set>, public option_storage<int> {
public:
    using value_type = Duration;

    constexpr int_duration_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) if the count is
    // below Min or above INT_MAX.
    constexpr explicit int_duration_option(Duration value) : option_storage<int>(checked(value)) {}

    constexpr Duration value() const noexcept { return Duration(this->native_); }

private:
    static constexpr int checked(Duration value)
    {
        const auto n = value.count();
        if (std::cmp_less(n, Min) || !std::in_range<int>(n))
            throw_bad_option(Label.view(),
                             std::to_string(n) + " is outside [" + std::to_string(Min) + ", " +
                                 std::to_string(std::numeric_limits<int>::max()) + "] units");
        return static_cast<int>(n);
    }
};

// SO_RCVTIMEO, SO_SNDTIMEO: a timeval on POSIX, a DWORD of milliseconds on
// Windows. Zero means no timeout; a negative value throws, because Linux
// would take it as zero and block for ever.
#if BOOST_OS_WINDOWS
using timeout_native = DWORD;
#else
using timeout_native = ::timeval;
#endif

template <option_label Label, int Level, int Name>
class timeout_option : public option_base<Level, Name, option_access::get_set>, public option_storage<timeout_native> {
public:
    using value_type = std::chrono::microseconds;

    constexpr timeout_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) if value is
    // negative or does not fit the system's type.
    constexpr explicit timeout_option(std::chrono::microseconds value) : option_storage<timeout_native>(checked(value))
    {
    }

    constexpr std::chrono::microseconds value() const noexcept
    {
#if BOOST_OS_WINDOWS
        return std::chrono::milliseconds(this->native_);
#else
        return std::chrono::seconds(this->native_.tv_sec) + std::chrono::microseconds(this->native_.tv_usec);
#endif
    }

private:
    static constexpr timeout_native checked(std::chrono::microseconds value)
    {
        if (value.count() < 0)
            throw_bad_option(Label.view(), std::to_string(value.count()) + " us is negative");
#if BOOST_OS_WINDOWS
        // Rounded up: a positive timeout must not become 0, "no timeout".
        const auto ms = std::chrono::ceil<std::chrono::milliseconds>(value).count();
        if (!std::in_range<DWORD>(ms))
            throw_bad_option(Label.view(), std::to_string(ms) + " ms does not fit in a DWORD");
        return static_cast<DWORD>(ms);
#else
        const auto s = std::chrono::floor<std::chrono::seconds>(value);
        if (!std::in_range<decltype(::timeval::tv_sec)>(s.count()))
            throw_bad_option(Label.view(), std::to_string(s.count()) + " s does not fit in a timeval");
        ::timeval tv{};
        tv.tv_sec = static_cast<decltype(tv.tv_sec)>(s.count());
        tv.tv_usec = static_cast<decltype(tv.tv_usec)>((value - s).count());
        return tv;
#endif
    }
};

// A short string with a fixed maximum, Capacity bytes with the NUL (an
// interface name, a congestion control name). The kernel would cut a longer
// name, so the constructor throws instead; a NUL inside would cut it too.
template <option_label Label, int Level, int Name, std::size_t Capacity>
class string_option : public option_base<Level, Name, option_access::get_set> {
public:
    using value_type = std::string;
    // Longest name that fits, the NUL not counted.
    static constexpr std::size_t max_length = Capacity - 1;

    constexpr string_option() noexcept = default;
    // Throws std::system_error(std::errc::invalid_argument) if text is
    // longer than max_length or holds a NUL.
    constexpr explicit string_option(std::string_view text)
    {
        if (text.size() > max_length) {
            std::string why;
            append_quoted(why, text);
            throw_bad_option(Label.view(), why + " is longer than " + std::to_string(max_length) + " characters");
        }
        if (text.find('\0') != std::string_view::npos) {
            std::string why;
            append_quoted(why, text);
            throw_bad_option(Label.view(), why + " holds a NUL character");
        }
        for (std::size_t i = 0; i != text.size(); ++i)
            text_[i] = text[i];
        length_ = static_cast<::socklen_t>(text.size());
    }

    std::string value() const { return std::string(text_, static_cast<std::size_t>(length_)); }

    // setsockopt gets the name and its NUL (Linux reads up to the length
    // given, and also accepts the NUL).
    const void* data() const noexcept { return text_; }
    ::socklen_t size() const noexcept { return length_ + 1; }

    void* data() noexcept { return text_; }
    ::socklen_t capacity() const noexcept { return static_cast<::socklen_t>(Capacity); }
    // After getsockopt: the name is what comes before the first NUL of the
    // length bytes written (Linux pads TCP_CONGESTION with NULs to its full
    // size; an unbound SO_BINDTODEVICE gives length 0).
    void resize(::socklen_t length, std::error_code& ec) noexcept
    {
        if (std::cmp_less(length, 0) || std::cmp_greater(length, Capacity)) {
            ec = std::make_error_code(std::errc::message_size);
            return;
        }
        ::socklen_t n = 0;
        while (n != length && text_[n] != '\0')
            ++n;
        length_ = n;
        for (std::size_t i = static_cast<std::size_t>(n); i != Capacity; ++i)
            text_[i] = '\0';
        ec.clear();
    }

private:
    char text_[Capacity] = {};
    ::socklen_t length_ = 0;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_OPTION_STORAGE_HPP
