// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// What this host is called and how it reaches names: Python's host and name
// functions (gethostname, getfqdn, if_nameindex, getaddrinfo, getnameinfo,
// getservbyname, getprotobyname ...), typed, as one program.
//
//   host_info                  this host, its interfaces, a few services
//   host_info HOST [SERVICE]   and getaddrinfo(HOST, SERVICE), each address
//                              looked up again by getnameinfo
//   host_info --help

#include <tsock.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>

namespace {

void usage(std::ostream& out)
{
    out << "usage: host_info [HOST [SERVICE]]\n"
           "  Prints this host's name, FQDN and interfaces, then how HOST (and\n"
           "  SERVICE, default \"http\") resolve for TCP: each address, and the\n"
           "  name and service getnameinfo gives back for it; then the service\n"
           "  and protocol databases' entries for SERVICE, tcp and udp.\n";
}

void print_flags(tsock::interface_flags f)
{
    using tsock::interface_flags;
    const std::pair<interface_flags, const char*> names[] = {
        {interface_flags::up, "up"},
        {interface_flags::running, "running"},
        {interface_flags::loopback, "loopback"},
        {interface_flags::broadcast, "broadcast"},
        {interface_flags::point_to_point, "point-to-point"},
        {interface_flags::multicast, "multicast"},
    };
    for (const auto& [flag, name] : names)
        if (tsock::has(f, flag))
            std::cout << ' ' << name;
}

void this_host()
{
    std::cout << "host name:  " << tsock::host_name() << '\n'
              << "FQDN:       " << tsock::fqdn() << '\n'
              << "IPv6:       " << (tsock::has_ipv6() ? "yes" : "no")
              << (tsock::has_dual_stack_ipv6() ? ", dual stack" : "") << '\n';
    std::cout << "interfaces:\n";
    for (const auto& nic : tsock::interfaces()) {
        std::cout << "  " << nic.index << ' ' << nic.name << ':';
        print_flags(nic.flags);
        std::cout << '\n';
        for (const auto& a : nic.v4)
            std::cout << "      inet  " << a.address << " netmask " << a.netmask << '\n';
        for (const auto& a : nic.v6)
            std::cout << "      inet6 " << a.address << '/' << a.prefix_length << '\n';
    }
}

// getaddrinfo, then getnameinfo on each address found.
void lookup(std::string_view host, std::string_view service)
{
    const auto found = tsock::resolve<tsock::inet>(host, service, tsock::resolve_flags::canonical_name);
    std::cout << "resolve(\"" << host << "\", \"" << service << "\"): " << found.size() << " address"
              << (found.size() == 1 ? "" : "es");
    if (!found.canonical_name().empty())
        std::cout << ", canonical name " << found.canonical_name();
    std::cout << '\n';
    for (const auto& endpoint : found) {
        std::cout << "  " << endpoint.to_string();
        std::error_code ec;
        const auto back = tsock::reverse_resolve(endpoint, tsock::name_flags::none, ec);
        if (ec)
            std::cout << "  (getnameinfo: " << ec.message() << ")\n";
        else
            std::cout << "  is " << back.host << ' ' << back.service << '\n';
    }
}

void databases(std::string_view service)
{
    for (const char* protocol : {"tcp", "udp"}) {
        std::error_code ec;
        const auto s = tsock::service_by_name(service, protocol, ec);
        if (ec) {
            std::cout << "service " << service << '/' << protocol << ": " << ec.message() << '\n';
            continue;
        }
        std::cout << "service " << s.name << ": port " << s.port << '/' << s.protocol;
        for (const auto& alias : s.aliases)
            std::cout << ", also " << alias;
        // And back: the first service on that port.
        std::cout << "; port " << s.port << " is " << tsock::service_by_port(s.port, protocol).name << '\n';
    }
    for (const char* name : {"tcp", "udp"}) {
        const auto p = tsock::protocol_by_name(name);
        std::cout << "protocol " << p.name << ": number " << p.number << '\n';
    }
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view first = argc > 1 ? argv[1] : "";
    if (first == "--help" || first == "-h") {
        usage(std::cout);
        return 0;
    }
    if (argc > 3 || (first.size() > 1 && first[0] == '-')) {
        usage(std::cerr);
        return 2;
    }
    const std::string_view service = argc > 2 ? argv[2] : "http";
    try {
        this_host();
        if (argc > 1)
            lookup(first, service);
        databases(service);
    } catch (const std::system_error& e) {
        std::cerr << "host_info: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
