// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_HOST_HPP
#define TSOCK_HOST_HPP

// This host: its name (Python's gethostname and sethostname) and whether it
// can speak IPv6 at all, and dual-stack IPv6 (Python's has_ipv6 and
// has_dualstack_ipv6, answered at run time, not at build time).

#include <tsock/detail/name_checks.hpp>
#include <tsock/detail/names.hpp>
#include <tsock/detail/socket_ops.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/error.hpp>
#include <tsock/host_entry.hpp>
#include <tsock/resolve.hpp>

#include <cstddef>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace tsock {

namespace detail {

// Opens an AF_INET6 stream socket, applies check to it, closes it again.
template <class Check>
bool with_ipv6_socket(Check check) noexcept
{
    status s = 0;
    const auto fd = open_socket(AF_INET6, SOCK_STREAM, 0, false, s);
    if (s)
        return false;
    const bool ok = check(fd);
    close_socket(fd);
    return ok;
}

} // namespace detail

// This host's name: gethostname(2) (Winsock's gethostname on Windows). Sets
// ec (errno's value; Winsock's error on Windows) and returns "" on failure.
// The result is cut at the first NUL even where the system leaves a name
// that fills the buffer unterminated.
inline std::string host_name(std::error_code& ec)
{
    std::string name(detail::host_name_max() + 1, '\0');
    ec = detail::get_host_name(name.data(), name.size());
    if (ec)
        return {};
    name.back() = '\0';
    name.resize(std::strlen(name.c_str()));
    return name;
}
// Python's gethostname. Throws std::system_error.
inline std::string host_name()
{
    std::error_code ec;
    auto name = host_name(ec);
    if (ec)
        detail::throw_for(ec, "host_name", {});
    return name;
}

// Sets this host's name: sethostname(2), which needs CAP_SYS_ADMIN in the
// host's UTS namespace. A name the system would take only in part is refused
// first: error::empty_host, error::embedded_nul, error::host_name_too_long
// (longer than host_name_max()). Other failures (EPERM, ...) are errno's
// values. Windows: std::errc::function_not_supported (it renames a computer
// only at the next restart; Python has no sethostname there either).
inline void set_host_name(std::string_view name, std::error_code& ec) noexcept
{
    if (name.empty())
        return void(ec = make_error_code(error::empty_host));
    if (name.find('\0') != std::string_view::npos)
        return void(ec = make_error_code(error::embedded_nul));
    if (name.size() > detail::host_name_max())
        return void(ec = make_error_code(error::host_name_too_long));
    ec = detail::set_host_name(name.data(), name.size());
}
// Python's sethostname. Throws std::system_error; its what() reads, for
// example: tsock: set_host_name "box": Operation not permitted.
inline void set_host_name(std::string_view name)
{
    std::error_code ec;
    set_host_name(name, ec);
    if (ec)
        detail::throw_for(ec, "set_host_name", {name});
}

// Whether an AF_INET6 socket opens on this host now (Python's has_ipv6 says
// only whether Python was built with IPv6). False on a kernel without IPv6 or
// booted with ipv6.disable=1.
inline bool has_ipv6() noexcept
{
    return detail::with_ipv6_socket([](detail::native_handle_type) noexcept { return true; });
}

// Whether an AF_INET6 socket takes IPV6_V6ONLY = 0, so that one listener
// serves IPv4 (as ::ffff:a.b.c.d) and IPv6 alike (Python's
// has_dualstack_ipv6).
inline bool has_dual_stack_ipv6() noexcept
{
    return detail::with_ipv6_socket([](detail::native_handle_type fd) noexcept {
        const int off = 0;
        return detail::set_option(fd, IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) == 0;
    });
}

namespace detail {

inline std::string_view strip_spaces(std::string_view s) noexcept
{
    constexpr std::string_view spaces = " \t\n\r\f\v";
    const auto first = s.find_first_not_of(spaces);
    if (first == std::string_view::npos)
        return {};
    return s.substr(first, s.find_last_not_of(spaces) - first + 1);
}

} // namespace detail

// Python's getfqdn: the fully qualified name of name (of this host when name
// is empty, "0.0.0.0" or "::"). Looks up name's first address, then that
// address's host entry, and returns the first of its name and aliases that
// holds a dot (else its name). When a lookup fails, name itself comes back
// (surrounding spaces removed), as in Python. A name no lookup could take
// (over 253 characters, a label over 63, an embedded NUL) throws
// std::system_error naming it, as does a failing gethostname.
inline std::string fqdn(std::string_view name = {})
{
    name = detail::strip_spaces(name);
    std::string result = name.empty() || name == "0.0.0.0" || name == "::" ? host_name() : std::string(name);
    std::error_code ec;
    detail::check_host(result, false, ec);
    if (ec)
        detail::throw_for(ec, "fqdn", {result});
    const auto found = resolve<inet>(result, 0, resolve_flags::none, ec);
    if (ec || found.empty())
        return result;
    const auto first = found.front();
    std::vector<std::string> names;
    if (const auto* v4 = first.as_v4()) {
        auto entry = host_entry_by_address(v4->address(), ec);
        names = std::move(entry.aliases);
        names.insert(names.begin(), std::move(entry.name));
    } else if (const auto* v6 = first.as_v6()) {
        auto entry = host_entry_by_address(v6->address(), ec);
        names = std::move(entry.aliases);
        names.insert(names.begin(), std::move(entry.name));
    }
    if (ec || names.empty())
        return result;
    for (auto& n : names)
        if (n.find('.') != std::string::npos)
            return std::move(n);
    return std::move(names.front());
}

} // namespace tsock

#endif // TSOCK_HOST_HPP
