// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_SERVICES_HPP
#define TSOCK_SERVICES_HPP

// The services and protocols databases (/etc/services, /etc/protocols, or
// whatever nsswitch.conf names), typed: Python's getservbyname,
// getservbyport and getprotobyname, and the protocol by its number.

#include <tsock/byte_order.hpp>
#include <tsock/detail/name_checks.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>
#include <tsock/port_number.hpp>

#include <boost/predef/library/c/gnu.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#if !BOOST_OS_WINDOWS
#include <netdb.h>
#endif

// glibc and FreeBSD have the reentrant getservbyname_r family (same
// signatures). Elsewhere (macOS, OpenBSD, NetBSD, musl, Windows) tsock calls
// the plain functions under a lock of its own; a program that calls those
// plain functions itself, from another thread, can still race with tsock.
#if BOOST_LIB_C_GNU || BOOST_OS_BSD_FREE
#define TSOCK_HAS_REENTRANT_DATABASES 1
#else
#define TSOCK_HAS_REENTRANT_DATABASES 0
#include <mutex>
#endif

namespace tsock {

// A services database entry: Python's getservbyname answers with port only.
struct service_entry {
    std::string name;                 // the official name ("domain")
    std::vector<std::string> aliases; // the other names ("nameserver")
    std::uint16_t port = 0;           // in host order
    std::string protocol;             // "tcp", "udp", ...
    friend bool operator==(const service_entry&, const service_entry&) = default;
};

// A protocols database entry.
struct protocol_entry {
    std::string name;                 // the official name ("tcp")
    std::vector<std::string> aliases; // the other names ("TCP")
    int number = 0;                   // IPPROTO_* (6)
    friend bool operator==(const protocol_entry&, const protocol_entry&) = default;
};

namespace detail {

inline std::vector<std::string> alias_list(char** aliases)
{
    std::vector<std::string> out;
    for (; aliases && *aliases; ++aliases)
        out.emplace_back(*aliases);
    return out;
}

// s_port is an int (a short on Windows) holding the port in network order.
inline service_entry to_entry(const ::servent& s)
{
    return {s.s_name ? s.s_name : "", alias_list(s.s_aliases), tsock::ntohs(static_cast<std::uint16_t>(s.s_port)),
            s.s_proto ? s.s_proto : ""};
}

inline protocol_entry to_entry(const ::protoent& p)
{
    return {p.p_name ? p.p_name : "", alias_list(p.p_aliases), int(p.p_proto)};
}

// Sets ec unless name and protocol can go to the C library as they are: a
// NUL inside would cut one short (and find another entry), and an empty name
// is no entry at all.
inline bool database_arguments_ok(std::string_view name, std::string_view protocol, error missing,
                                  std::error_code& ec) noexcept
{
    constexpr auto npos = std::string_view::npos;
    if (name.find('\0') != npos || protocol.find('\0') != npos)
        ec = make_error_code(error::embedded_nul);
    else if (name.empty())
        ec = make_error_code(missing);
    return !ec;
}

inline constexpr std::size_t database_buffer_size = 1024;
inline constexpr std::size_t database_buffer_limit = std::size_t(1) << 20;

#if TSOCK_HAS_REENTRANT_DATABASES
// Calls lookup(Native&, char* buffer, size_t size, Native** found), which
// returns 0 or an errno value, with a buffer that doubles on ERANGE (up to
// 1 MiB); converts what it found. Not found (0 with no entry, or ENOENT when
// the database file is missing) is the error missing.
template <class Native, class Lookup>
auto database_lookup(Lookup lookup, error missing, std::error_code& ec, std::size_t size)
    -> std::optional<decltype(to_entry(std::declval<const Native&>()))>
{
    std::vector<char> buffer(size == 0 ? 1 : size);
    for (;;) {
        Native storage{};
        Native* found = nullptr;
        const int r = lookup(storage, buffer.data(), buffer.size(), &found);
        if (r == ERANGE && buffer.size() < database_buffer_limit) {
            buffer.resize(buffer.size() * 2);
            continue;
        }
        if (r == 0 && found)
            return to_entry(*found);
        ec = r == 0 || r == ENOENT ? make_error_code(missing) : std::error_code(r, std::system_category());
        return std::nullopt;
    }
}

inline std::optional<service_entry> find_service(const char* name, const char* protocol, std::error_code& ec,
                                                 std::size_t size = database_buffer_size)
{
    return database_lookup<::servent>(
        [&](::servent& s, char* b, std::size_t n, ::servent** found) {
            return ::getservbyname_r(name, protocol, &s, b, n, found);
        },
        error::service_not_found, ec, size);
}
inline std::optional<service_entry> find_service(std::uint16_t port, const char* protocol, std::error_code& ec,
                                                 std::size_t size = database_buffer_size)
{
    return database_lookup<::servent>(
        [&](::servent& s, char* b, std::size_t n, ::servent** found) {
            return ::getservbyport_r(int(tsock::htons(port)), protocol, &s, b, n, found);
        },
        error::service_not_found, ec, size);
}
inline std::optional<protocol_entry> find_protocol(const char* name, std::error_code& ec,
                                                   std::size_t size = database_buffer_size)
{
    return database_lookup<::protoent>(
        [&](::protoent& p, char* b, std::size_t n, ::protoent** found) {
            return ::getprotobyname_r(name, &p, b, n, found);
        },
        error::protocol_not_found, ec, size);
}
inline std::optional<protocol_entry> find_protocol(int number, std::error_code& ec,
                                                   std::size_t size = database_buffer_size)
{
    return database_lookup<::protoent>(
        [&](::protoent& p, char* b, std::size_t n, ::protoent** found) {
            return ::getprotobynumber_r(number, &p, b, n, found);
        },
        error::protocol_not_found, ec, size);
}
#else
// The plain functions answer in storage the C library shares: one lookup at
// a time, and the entry copied before the lock goes.
inline std::mutex& database_mutex()
{
    static std::mutex m;
    return m;
}

template <class Native>
auto copied_entry(const Native* found, error missing, std::error_code& ec)
    -> std::optional<decltype(to_entry(*found))>
{
    if (found)
        return to_entry(*found);
    ec = make_error_code(missing);
    return std::nullopt;
}

inline std::optional<service_entry> find_service(const char* name, const char* protocol, std::error_code& ec,
                                                 std::size_t = 0)
{
    std::lock_guard lock(database_mutex());
    return copied_entry(::getservbyname(name, protocol), error::service_not_found, ec);
}
inline std::optional<service_entry> find_service(std::uint16_t port, const char* protocol, std::error_code& ec,
                                                 std::size_t = 0)
{
    std::lock_guard lock(database_mutex());
    return copied_entry(::getservbyport(int(tsock::htons(port)), protocol), error::service_not_found, ec);
}
inline std::optional<protocol_entry> find_protocol(const char* name, std::error_code& ec, std::size_t = 0)
{
    std::lock_guard lock(database_mutex());
    return copied_entry(::getprotobyname(name), error::protocol_not_found, ec);
}
inline std::optional<protocol_entry> find_protocol(int number, std::error_code& ec, std::size_t = 0)
{
    std::lock_guard lock(database_mutex());
    return copied_entry(::getprotobynumber(number), error::protocol_not_found, ec);
}
#endif

// protocol as the C library takes it: null for any protocol.
inline const char* protocol_or_any(const std::string& protocol) noexcept
{
    return protocol.empty() ? nullptr : protocol.c_str();
}

// The arguments a throwing form quotes: an empty protocol (any) is left out.
[[noreturn]] inline void throw_lookup(const std::error_code& ec, std::string_view call, std::string_view key,
                                      std::string_view protocol)
{
    if (protocol.empty())
        throw_for(ec, call, {key});
    throw_for(ec, call, {key, protocol});
}

} // namespace detail

// Python's getservbyname, as the whole entry: the service called name (its
// official name or an alias) for protocol ("tcp", "udp"; empty: the first of
// any protocol). Sets ec to error::service_not_found (also for an empty
// name), error::embedded_nul, error::bad_service or error::port_out_of_range
// (a name that starts like a number but is not decimal digits up to 65535,
// as resolve refuses it: "+80", " 80", "65616"), or the system's error; then
// returns {}.
inline service_entry service_by_name(std::string_view name, std::string_view protocol, std::error_code& ec)
{
    ec.clear();
    if (!detail::database_arguments_ok(name, protocol, error::service_not_found, ec))
        return {};
    detail::check_service(name, ec);
    if (ec)
        return {};
    const std::string n(name), p(protocol);
    return detail::find_service(n.c_str(), detail::protocol_or_any(p), ec).value_or(service_entry{});
}
inline service_entry service_by_name(std::string_view name, std::error_code& ec)
{
    return service_by_name(name, {}, ec);
}
// As above; throws std::system_error whose what() quotes name and protocol.
inline service_entry service_by_name(std::string_view name, std::string_view protocol = {})
{
    std::error_code ec;
    auto entry = service_by_name(name, protocol, ec);
    if (ec)
        detail::throw_lookup(ec, "service_by_name", name, protocol);
    return entry;
}

// Python's getservbyport, as the whole entry: the first service on port (in
// host order: a constant, a std::uint16_t or port_number::checked(n)) for
// protocol (empty: any). Errors as service_by_name.
inline service_entry service_by_port(port_number port, std::string_view protocol, std::error_code& ec)
{
    ec.clear();
    if (protocol.find('\0') != std::string_view::npos) {
        ec = make_error_code(error::embedded_nul);
        return {};
    }
    const std::string p(protocol);
    return detail::find_service(port.value(), detail::protocol_or_any(p), ec).value_or(service_entry{});
}
inline service_entry service_by_port(port_number port, std::error_code& ec)
{
    return service_by_port(port, {}, ec);
}
// As above; throws std::system_error whose what() quotes port and protocol.
inline service_entry service_by_port(port_number port, std::string_view protocol = {})
{
    std::error_code ec;
    auto entry = service_by_port(port, protocol, ec);
    if (ec)
        detail::throw_lookup(ec, "service_by_port", std::to_string(port.value()), protocol);
    return entry;
}

// Python's getprotobyname, as the whole entry: the protocol called name
// (official name or alias). Sets ec to error::protocol_not_found (also for an
// empty name), error::embedded_nul, or the system's error; then returns {}.
inline protocol_entry protocol_by_name(std::string_view name, std::error_code& ec)
{
    ec.clear();
    if (!detail::database_arguments_ok(name, {}, error::protocol_not_found, ec))
        return {};
    const std::string n(name);
    return detail::find_protocol(n.c_str(), ec).value_or(protocol_entry{});
}
// As above; throws std::system_error whose what() quotes name.
inline protocol_entry protocol_by_name(std::string_view name)
{
    std::error_code ec;
    auto entry = protocol_by_name(name, ec);
    if (ec)
        detail::throw_lookup(ec, "protocol_by_name", name, {});
    return entry;
}

// The protocol numbered number (getprotobynumber). Errors as protocol_by_name.
inline protocol_entry protocol_by_number(int number, std::error_code& ec)
{
    ec.clear();
    return detail::find_protocol(number, ec).value_or(protocol_entry{});
}
// As above; throws std::system_error whose what() quotes number.
inline protocol_entry protocol_by_number(int number)
{
    std::error_code ec;
    auto entry = protocol_by_number(number, ec);
    if (ec)
        detail::throw_lookup(ec, "protocol_by_number", std::to_string(number), {});
    return entry;
}

} // namespace tsock

#endif // TSOCK_SERVICES_HPP
