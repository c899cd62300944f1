// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_SOCKET_OPTION_HPP
#define TSOCK_SOCKET_OPTION_HPP

// What a socket's set(option) and get<Option>() accept: the concepts every
// option of tsock/options.hpp models, apart from the options themselves, so
// that the sockets need not include those.

#include <tsock/detail/platform.hpp>

#include <concepts>
#include <system_error>

namespace tsock {

// Is O a socket option? (a level and a name, a value type, whether it can be
// set and got, and the bytes setsockopt reads and getsockopt writes; and
// optionally a static bool available, which false refuses the option on this
// platform.)
template <class O>
concept socket_option = std::semiregular<O> && requires(O& o, const O& c, ::socklen_t length, std::error_code& ec) {
    { O::level } -> std::convertible_to<int>;
    { O::name } -> std::convertible_to<int>;
    typename O::value_type;
    { c.value() } -> std::same_as<typename O::value_type>;
    { O::settable } -> std::convertible_to<bool>;
    { O::gettable } -> std::convertible_to<bool>;
    { c.data() } -> std::same_as<const void*>;
    { c.size() } -> std::same_as<::socklen_t>;
    { o.data() } -> std::same_as<void*>;
    { c.capacity() } -> std::same_as<::socklen_t>;
    o.resize(length, ec);
};

namespace detail {

// O::available where O declares it (the options of tsock/options.hpp do:
// false for one this platform lacks), otherwise true.
template <class O>
consteval bool option_available() noexcept
{
    if constexpr (requires { O::available; })
        return static_cast<bool>(O::available);
    else
        return true;
}

} // namespace detail

// Can O be set (setsockopt) on a socket of Family and Type?
// An error naming this concept means it cannot: O::available is false (an
// option this platform lacks: reuse_port on Windows, the Linux ones
// elsewhere), O::settable is false (a read-only option: error, type,
// peer_credentials ...) or O::applies_to<Family, Type> is false (an option
// of another protocol: a TCP option on a datagram socket, broadcast on a
// stream socket, an IPv6 option on an IPv4 socket ...).
// raw_option<Level, Name, T> is the way around the last.
template <class O, class Family, class Type>
concept settable_option_for =
    socket_option<O> && detail::option_available<O>() && O::settable && O::template applies_to<Family, Type>;

// Can O be read (getsockopt) from a socket of Family and Type?
// An error naming this concept means it cannot: O::available is false (see
// settable_option_for), O::gettable is false (a write-only option:
// join_group, leave_group) or O::applies_to<Family, Type> is false.
template <class O, class Family, class Type>
concept gettable_option_for =
    socket_option<O> && detail::option_available<O>() && O::gettable && O::template applies_to<Family, Type>;

} // namespace tsock

#endif // TSOCK_SOCKET_OPTION_HPP
