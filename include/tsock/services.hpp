// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_SERVICES_HPP
#define TSOCK_SERVICES_HPP

// The services and protocols databases (/etc/services, /etc/protocols, or
// whatever nsswitch.conf names; on Windows Winsock's, from
// %SystemRoot%\system32\drivers\etc), typed: Python's getservbyname,
// getservbyport and getprotobyname, and the protocol by its number.

#include <tsock/byte_order.hpp>
#include <tsock/detail/name_checks.hpp>
#include <tsock/detail/growing_buffer.hpp>
#include <tsock/detail/names.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>
#include <tsock/port_number.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

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

// What a database lookup of detail/names.hpp left: the entry it found, else
// the error missing (also for ENOENT: no database file), or its errno value
// (on Windows: WSAStartup's error).
template <class Entry>
std::optional<Entry> database_result(std::optional<Entry> found, int r, error missing, std::error_code& ec)
{
    if (!found)
        ec = r == 0 || r == ENOENT ? make_error_code(missing) : socket_error(r);
    return found;
}

// Lookups with the buffer size to start from (tests start small).
inline std::optional<service_entry> find_service(const char* name, const char* protocol, std::error_code& ec,
                                                 std::size_t size = database_buffer_size)
{
    std::optional<service_entry> found;
    const int r = service_by_name(name, protocol, [&](const ::servent* s) { if (s) found = to_entry(*s); }, size);
    return database_result(std::move(found), r, error::service_not_found, ec);
}
inline std::optional<service_entry> find_service(std::uint16_t port, const char* protocol, std::error_code& ec,
                                                 std::size_t size = database_buffer_size)
{
    std::optional<service_entry> found;
    const int r = service_by_port(
        int(tsock::htons(port)), protocol, [&](const ::servent* s) { if (s) found = to_entry(*s); }, size);
    return database_result(std::move(found), r, error::service_not_found, ec);
}
inline std::optional<protocol_entry> find_protocol(const char* name, std::error_code& ec,
                                                   std::size_t size = database_buffer_size)
{
    std::optional<protocol_entry> found;
    const int r = protocol_by_name(name, [&](const ::protoent* p) { if (p) found = to_entry(*p); }, size);
    return database_result(std::move(found), r, error::protocol_not_found, ec);
}
inline std::optional<protocol_entry> find_protocol(int number, std::error_code& ec,
                                                   std::size_t size = database_buffer_size)
{
    std::optional<protocol_entry> found;
    const int r = protocol_by_number(number, [&](const ::protoent* p) { if (p) found = to_entry(*p); }, size);
    return database_result(std::move(found), r, error::protocol_not_found, ec);
}

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
