// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_NAMES_HPP
#define TSOCK_DETAIL_POSIX_NAMES_HPP

#include <tsock/detail/growing_buffer.hpp>
#include <tsock/detail/platform.hpp>

#include <boost/predef/library/c/gnu.h>

#include <cerrno>
#include <climits>
#include <cstddef>
#include <mutex>
#include <system_error>

#include <unistd.h>

namespace tsock::detail {

// This host's name.

#if defined(HOST_NAME_MAX)
inline constexpr std::size_t host_name_max_default = HOST_NAME_MAX;
#else
inline constexpr std::size_t host_name_max_default = _POSIX_HOST_NAME_MAX; // macOS has no HOST_NAME_MAX
#endif

// The longest host name the system takes, without the terminating NUL:
// sysconf(_SC_HOST_NAME_MAX), or HOST_NAME_MAX where sysconf has no answer.
inline std::size_t host_name_max() noexcept
{
    const long n = ::sysconf(_SC_HOST_NAME_MAX);
    return n > 0 ? static_cast<std::size_t>(n) : host_name_max_default;
}

// gethostname(2) into buffer (size bytes); errno's value on failure.
inline std::error_code get_host_name(char* buffer, std::size_t size) noexcept
{
    if (::gethostname(buffer, size) != 0)
        return socket_error(errno);
    return {};
}

// sethostname(2) for a name of at most host_name_max() bytes, which fits
// every platform's parameter type (size_t or int); errno's value on failure.
inline std::error_code set_host_name(const char* name, std::size_t size) noexcept
{
#if BOOST_OS_LINUX
    const int r = ::sethostname(name, size);
#else
    const int r = ::sethostname(name, static_cast<int>(size));
#endif
    return r == 0 ? std::error_code() : socket_error(errno);
}

} // namespace tsock::detail

// The services and protocols databases. glibc and FreeBSD have the
// reentrant getservbyname_r family (same signatures); elsewhere the plain
// functions under a lock.
#if BOOST_LIB_C_GNU || BOOST_OS_BSD_FREE

namespace tsock::detail {

inline constexpr bool has_reentrant_databases = true;

// Calls lookup(Native&, buffer, size, Native**) in a buffer that grows on
// ERANGE, and use with what it found when it answers 0.
template <class Native, class Lookup, class Use> int reentrant_lookup(Lookup lookup, Use& use, std::size_t size)
{
    return with_growing_buffer(
        [&](char* buffer, std::size_t n) {
            Native storage{};
            Native* found = nullptr;
            const int r = lookup(storage, buffer, n, &found);
            if (r == 0)
                use(static_cast<const Native*>(found));
            return r;
        },
        size);
}

template <class Use>
int service_by_name(const char* name, const char* protocol, Use use, std::size_t size = database_buffer_size)
{
    return reentrant_lookup<::servent>(
        [&](::servent& s, char* b, std::size_t n, ::servent** found) {
            return ::getservbyname_r(name, protocol, &s, b, n, found);
        },
        use, size);
}
// port in network order.
template <class Use>
int service_by_port(int port, const char* protocol, Use use, std::size_t size = database_buffer_size)
{
    return reentrant_lookup<::servent>(
        [&](::servent& s, char* b, std::size_t n, ::servent** found) {
            return ::getservbyport_r(port, protocol, &s, b, n, found);
        },
        use, size);
}
template <class Use> int protocol_by_name(const char* name, Use use, std::size_t size = database_buffer_size)
{
    return reentrant_lookup<::protoent>(
        [&](::protoent& p, char* b, std::size_t n, ::protoent** found) {
            return ::getprotobyname_r(name, &p, b, n, found);
        },
        use, size);
}
template <class Use> int protocol_by_number(int number, Use use, std::size_t size = database_buffer_size)
{
    return reentrant_lookup<::protoent>(
        [&](::protoent& p, char* b, std::size_t n, ::protoent** found) {
            return ::getprotobynumber_r(number, &p, b, n, found);
        },
        use, size);
}

} // namespace tsock::detail

#else
#include <tsock/detail/locked_databases.hpp>

namespace tsock::detail {
inline constexpr bool has_reentrant_databases = false;
} // namespace tsock::detail
#endif

// The host database: gethostbyname_r and gethostbyaddr_r on glibc, the plain
// functions under the databases' lock elsewhere. They also set h_error (the
// h_errno value) and saved_errno.
namespace tsock::detail {

#if BOOST_LIB_C_GNU
template <class Lookup, class Use> int host_lookup(Lookup lookup, Use& use, int& h_error, int& saved_errno)
{
    return with_growing_buffer([&](char* buffer, std::size_t size) {
        ::hostent storage{};
        ::hostent* found = nullptr;
        h_error = 0;
        errno = 0;
        const int r = lookup(storage, buffer, size, &found, &h_error);
        saved_errno = errno;
        if (r == 0 && found)
            use(static_cast<const ::hostent*>(found));
        return r;
    });
}

template <class Use> int host_by_name(const char* name, Use use, int& h_error, int& saved_errno)
{
    return host_lookup(
        [&](::hostent& h, char* buffer, std::size_t size, ::hostent** found, int* e) {
            return ::gethostbyname_r(name, &h, buffer, size, found, e);
        },
        use, h_error, saved_errno);
}
template <class Use>
int host_by_address(const void* address, std::size_t length, int family, Use use, int& h_error, int& saved_errno)
{
    return host_lookup(
        [&](::hostent& h, char* buffer, std::size_t size, ::hostent** found, int* e) {
            return ::gethostbyaddr_r(address, ::socklen_t(length), family, &h, buffer, size, found, e);
        },
        use, h_error, saved_errno);
}
#else
// Without the _r functions the C library's static hostent is shared: one
// lookup at a time.
inline std::mutex& host_database_mutex()
{
    static std::mutex m;
    return m;
}

template <class Use> int host_by_name(const char* name, Use use, int& h_error, int& saved_errno)
{
    std::lock_guard lock(host_database_mutex());
    const ::hostent* h = ::gethostbyname(name);
    h_error = h ? 0 : h_errno;
    saved_errno = errno;
    if (h)
        use(h);
    return 0;
}
template <class Use>
int host_by_address(const void* address, std::size_t length, int family, Use use, int& h_error, int& saved_errno)
{
    std::lock_guard lock(host_database_mutex());
    const ::hostent* h = ::gethostbyaddr(address, ::socklen_t(length), family);
    h_error = h ? 0 : h_errno;
    saved_errno = errno;
    if (h)
        use(h);
    return 0;
}
#endif

// NO_DATA's resolver code: EAI_NODATA where there is one, else EAI_NONAME.
inline constexpr int eai_no_data = eai_nodata != 0 ? eai_nodata : EAI_NONAME;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_NAMES_HPP
