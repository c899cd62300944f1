// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_PYTHON_HPP
#define TSOCK_PYTHON_HPP

// Python's spellings, for names that tsock spells otherwise: the functions of
// Python's socket module that are neither C names nor tsock's own live here,
// in namespace tsock::python, as thin aliases of the tsock functions. They
// are not the primary spelling (a reader of tsock code meets tsock's names),
// and the namespace keeps tsock:: to one name per function. Call them
// qualified (tsock::python::gethostbyname, or namespace py = tsock::python):
// <netdb.h> declares C functions of the same names in the global namespace,
// and a using-directive would let an unqualified call with a const char*
// pick the C one.
//
// Where each of Python's names is in tsock:
//
//   Python (socket module)              tsock
//   ----------------------------------  --------------------------------------------------
//   gethostbyname(name)                 tsock::python::gethostbyname (here):
//                                         resolve<ipv4>(name, "").front().address()
//   gethostbyname_ex(name)              tsock::python::gethostbyname_ex (here):
//                                         host_entry_by_name(name)          host_entry.hpp
//   gethostbyaddr(ip)                   tsock::python::gethostbyaddr (here):
//                                         host_entry_by_address(address)    host_entry.hpp
//   getaddrinfo(host, port, ...)        resolve<Family, Type>(host, service, flags)  resolve.hpp
//   getnameinfo((host, port), flags)    reverse_resolve(endpoint, flags)  reverse_resolve.hpp
//   gethostname(), sethostname(n)       host_name(), set_host_name(n)     host.hpp
//   getfqdn(name)                       fqdn(name)                        host.hpp
//   has_ipv6, has_dualstack_ipv6()      has_ipv6(), has_dual_stack_ipv6() host.hpp
//   getservbyname(n, proto)             service_by_name(n, proto).port    services.hpp
//   getservbyport(p, proto)             service_by_port(p, proto).name    services.hpp
//   getprotobyname(n)                   protocol_by_name(n).number        services.hpp
//   if_nameindex()                      interface_names()                 interfaces.hpp
//   if_nametoindex(n), if_indextoname(i) interface_index(n), interface_name(i)  interfaces.hpp
//   create_connection(address, ...)     create_connection(host, service, options)  create_connection.hpp
//   create_server(address, ...)         create_server(endpoint, options)  create_server.hpp
//   socket.sendall(data)                send_all(data)                    basic_socket.hpp
//   socket.settimeout(t)                std::move(s).with_mode(timeout{t}), or s.timeout(t)
//                                         on a timeout-mode socket       mode.hpp, basic_socket.hpp
//   socket.gettimeout()                 s.timeout() (timeout mode only)  basic_socket.hpp
//   socket.setblocking(flag)            std::move(s).with_mode<blocking or non_blocking>()
//   BlockingIOError                     an empty if_ready<T> (would_block()) if_ready.hpp
//   socket.fileno()                     native_handle()                   basic_socket.hpp
//   fromfd(fd, family, type)            S::adopt_duplicate(fd)           basic_socket.hpp
//   socket(fileno=fd)                   S::adopt(fd)                     basic_socket.hpp
//   socket.dup()                        s.duplicate()                     basic_socket.hpp
//   socketpair()                        socket_pair<Type, Mode>()         basic_socket.hpp
//   inet_aton, inet_ntoa, inet_pton,    the same names in tsock::, as they are C's too
//   inet_ntop                                                             inet.hpp
//   htons, htonl, ntohs, ntohl          the same names in tsock::         byte_order.hpp

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/family.hpp>
#include <tsock/host_entry.hpp>
#include <tsock/resolve.hpp>

#include <string_view>
#include <system_error>
#include <type_traits>

namespace tsock::python {

// Python's gethostbyname: the host's first IPv4 address (getaddrinfo's first
// answer, as resolve<ipv4> gives it). Errors as resolve's.
inline address_v4 gethostbyname(std::string_view host, std::error_code& ec)
{
    const auto results = resolve<ipv4>(host, std::string_view(), ec);
    return ec ? address_v4() : results.front().address();
}
inline address_v4 gethostbyname(std::string_view host)
{
    std::error_code ec;
    const auto a = gethostbyname(host, ec);
    if (ec)
        detail::throw_for(ec, "gethostbyname", {host});
    return a;
}

// Python's gethostbyname_ex: host_entry_by_name.
inline host_entry<address_v4> gethostbyname_ex(std::string_view host, std::error_code& ec)
{
    return host_entry_by_name(host, ec);
}
inline host_entry<address_v4> gethostbyname_ex(std::string_view host)
{
    std::error_code ec;
    auto entry = host_entry_by_name(host, ec);
    if (ec)
        detail::throw_for(ec, "gethostbyname_ex", {host});
    return entry;
}

// Python's gethostbyaddr, for an address: host_entry_by_address.
inline host_entry<address_v4> gethostbyaddr(const address_v4& a, std::error_code& ec)
{
    return host_entry_by_address(a, ec);
}
inline host_entry<address_v6> gethostbyaddr(const address_v6& a, std::error_code& ec)
{
    return host_entry_by_address(a, ec);
}
template <class Address>
    requires std::is_same_v<Address, address_v4> || std::is_same_v<Address, address_v6>
host_entry<Address> gethostbyaddr(const Address& a)
{
    std::error_code ec;
    auto entry = host_entry_by_address(a, ec);
    if (ec)
        detail::throw_for(ec, "gethostbyaddr", {a.to_string()});
    return entry;
}

} // namespace tsock::python

#endif // TSOCK_PYTHON_HPP
