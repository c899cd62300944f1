// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_LOCKED_DATABASES_HPP
#define TSOCK_DETAIL_LOCKED_DATABASES_HPP

// The plain database functions (getservbyname, ...) answer in storage the C
// library shares: tsock calls them one at a time under a lock of its own,
// and use copies the entry before the lock goes. A program that calls those
// plain functions itself, from another thread, can still race with tsock.
// For C libraries without the reentrant _r family (macOS, OpenBSD, NetBSD,
// musl, Windows); the size arguments are unused. Each starts the sockets
// first (Winsock must be, for these too; nothing to do on POSIX) and answers
// with that error when it fails.

#include <tsock/detail/platform.hpp>

#include <cstddef>
#include <mutex>

namespace tsock::detail {

inline std::mutex& database_mutex()
{
    static std::mutex m;
    return m;
}

// Starts the sockets, then calls lookup() under the lock; 0, or the start's
// error.
template <class Lookup> int locked_lookup(Lookup lookup)
{
    if (const int r = start_sockets(); r != 0)
        return r;
    std::lock_guard lock(database_mutex());
    lookup();
    return 0;
}

template <class Use> int service_by_name(const char* name, const char* protocol, Use use, std::size_t = 0)
{
    return locked_lookup([&] { use(::getservbyname(name, protocol)); });
}
// port in network order.
template <class Use> int service_by_port(int port, const char* protocol, Use use, std::size_t = 0)
{
    return locked_lookup([&] { use(::getservbyport(port, protocol)); });
}
template <class Use> int protocol_by_name(const char* name, Use use, std::size_t = 0)
{
    return locked_lookup([&] { use(::getprotobyname(name)); });
}
template <class Use> int protocol_by_number(int number, Use use, std::size_t = 0)
{
    return locked_lookup([&] { use(::getprotobynumber(number)); });
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_LOCKED_DATABASES_HPP
