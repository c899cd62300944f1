// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_NAMES_HPP
#define TSOCK_DETAIL_WINDOWS_NAMES_HPP

// Winsock's name databases and this host's name, with the names and
// contracts of detail/posix/names.hpp. Every Winsock call here needs Winsock
// started, so each starts it first (start_sockets) and answers with
// WSAStartup's error when that fails. The names are in the ANSI code page,
// as getaddrinfo's are in tsock::resolve.

#include <tsock/detail/locked_databases.hpp>
#include <tsock/detail/platform.hpp>

#include <cstddef>
#include <system_error>

namespace tsock::detail {

// This host's name.

// The longest host name, without the terminating NUL: Winsock documents 256
// bytes as always enough for gethostname.
inline std::size_t host_name_max() noexcept { return 255; }

// gethostname into buffer (size bytes); the Winsock error on failure.
inline std::error_code get_host_name(char* buffer, std::size_t size) noexcept
{
    if (const int r = start_sockets(); r != 0)
        return socket_error(r);
    if (::gethostname(buffer, static_cast<int>(size)) != 0)
        return socket_error(::WSAGetLastError());
    return {};
}

// Windows names a host with SetComputerNameEx, which takes effect at the
// next restart: nothing like sethostname, so tsock does not offer it there.
inline std::error_code set_host_name(const char*, std::size_t) noexcept
{
    return std::make_error_code(std::errc::function_not_supported);
}

// The services and protocols databases: Winsock has the plain functions only
// (detail/locked_databases.hpp, which starts Winsock).
inline constexpr bool has_reentrant_databases = false;

// The host database: gethostbyname and gethostbyaddr, whose errors are
// WSAGetLastError()'s (h_errno is that there: WSAHOST_NOT_FOUND, ...). Winsock
// keeps their hostent per thread; they run under locked_lookup's lock all the
// same, as on the POSIX systems without the _r functions, so both read alike.
template <class Lookup, class Use> int host_lookup(Lookup lookup, Use use, int& h_error, int& saved_errno)
{
    h_error = saved_errno = 0;
    return locked_lookup([&] {
        const ::hostent* h = lookup();
        h_error = saved_errno = h ? 0 : ::WSAGetLastError();
        if (h)
            use(h);
    });
}
template <class Use> int host_by_name(const char* name, Use use, int& h_error, int& saved_errno)
{
    return host_lookup([&] { return ::gethostbyname(name); }, use, h_error, saved_errno);
}
template <class Use>
int host_by_address(const void* address, std::size_t length, int family, Use use, int& h_error, int& saved_errno)
{
    return host_lookup(
        [&] { return ::gethostbyaddr(static_cast<const char*>(address), static_cast<int>(length), family); }, use,
        h_error, saved_errno);
}

// NO_DATA's resolver code: Winsock's EAI_NODATA is WSANO_DATA, NO_DATA's own.
inline constexpr int eai_no_data = EAI_NODATA;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_NAMES_HPP
