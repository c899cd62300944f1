// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SOCKADDR_HPP
#define TSOCK_DETAIL_SOCKADDR_HPP

// Reading a sockaddr the system filled in, for every endpoint type.

#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_exception.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <system_error>
#include <utility>

namespace tsock::detail {

// The length argument as a size; a negative Winsock length counts as none.
constexpr std::size_t sockaddr_size(::socklen_t length) noexcept
{
    return std::cmp_less(length, 0) ? 0 : static_cast<std::size_t>(length);
}

// The sa_family of the first length bytes at sa, or -1 when they do not
// reach it. Reads nothing past length.
inline int sockaddr_family(const ::sockaddr* sa, ::socklen_t length) noexcept
{
    using family_type = decltype(::sockaddr::sa_family);
    constexpr std::size_t offset = offsetof(::sockaddr, sa_family);
    if (sa == nullptr || sockaddr_size(length) < offset + sizeof(family_type))
        return -1;
    family_type f;
    std::memcpy(&f, reinterpret_cast<const char*>(sa) + offset, sizeof f);
    return int(f);
}

// Throws std::system_error with code (error::bad_endpoint unless given):
// "<who>: a sockaddr of family 10 and 28 bytes is not <what>".
[[noreturn]] inline void throw_bad_endpoint(const char* who, const char* what, const ::sockaddr* sa, ::socklen_t length,
                                            std::error_code code = make_error_code(error::bad_endpoint))
{
    std::string message = who;
    message += ": a sockaddr of ";
    const int f = sockaddr_family(sa, length);
    message += f < 0 ? std::string("unknown family") : "family " + std::to_string(f);
    message += " and " + std::to_string(sockaddr_size(length)) + " bytes is not ";
    message += what;
    throw_exception(std::system_error(code, message));
}

// ec = the error of an endpoint's read_native (error{}: none), for its
// from_native(sa, length, ec).
inline void set_endpoint_error(std::error_code& ec, error e) noexcept
{
    if (e == error{}) [[likely]]
        ec.clear();
    else
        ec = make_error_code(e);
}

// BSD and macOS sockaddrs begin with their own length (sin_len, ...); the
// others have no such field.
template <class Sockaddr> constexpr void set_sockaddr_length(Sockaddr& sa, std::size_t size) noexcept
{
    if constexpr (requires { sa.sin_len; })
        sa.sin_len = static_cast<decltype(sa.sin_len)>(size);
    else if constexpr (requires { sa.sin6_len; })
        sa.sin6_len = static_cast<decltype(sa.sin6_len)>(size);
    else if constexpr (requires { sa.sun_len; })
        sa.sun_len = static_cast<decltype(sa.sun_len)>(size);
}

// size, or less where the sockaddr says it is shorter (sa_len: BSD and
// macOS, where a netmask's sockaddr may be shorter than its family's).
template <class Sockaddr> std::size_t sockaddr_length_within(const Sockaddr& sa, std::size_t size) noexcept
{
    if constexpr (requires { sa.sa_len; })
        return sa.sa_len < size ? sa.sa_len : size;
    else
        return size;
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_SOCKADDR_HPP
