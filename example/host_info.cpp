// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's catalogue: this host's name, FQDN, addresses and interfaces;
// or how HOST and SERVICE resolve (getaddrinfo, then getnameinfo on each
// address) and what the services and protocols databases say. Its Python
// twin: test/peers/host_info.py (all but --interfaces: Python's socket module
// has no getifaddrs, so it cannot tell an interface's flags and addresses).

#include "cli.hpp"

#include <tsock.hpp>

#include <iostream>
#include <string>
#include <system_error>
#include <utility>

namespace {

void this_host(bool details)
{
    const auto name = tsock::host_name();
    std::cout << "host name:  " << name << "\nFQDN:       " << tsock::fqdn() << "\naddresses: ";
    std::error_code ec;
    for (const auto& a : tsock::host_entry_by_name(name, ec).addresses)
        std::cout << ' ' << a;
    if (ec)
        std::cout << ' ' << ec.message();
    std::cout << "\nIPv6:       " << (tsock::has_ipv6() ? "yes" : "no")
              << (tsock::has_dual_stack_ipv6() ? ", dual stack" : "") << "\ninterfaces:\n";
    if (!details) {
        for (const auto& nic : tsock::interface_names())
            std::cout << "  " << nic.index << ' ' << nic.name << '\n';
        return;
    }
    using enum tsock::interface_flags;
    const std::pair<tsock::interface_flags, const char*> flags[] = {
        {up, "up"}, {running, "running"}, {loopback, "loopback"}, {broadcast, "broadcast"},
        {point_to_point, "point-to-point"}, {multicast, "multicast"}};
    for (const auto& nic : tsock::interfaces()) {
        std::cout << "  " << nic.index << ' ' << nic.name << ':';
        for (const auto& [flag, flag_name] : flags)
            if (tsock::has(nic.flags, flag))
                std::cout << ' ' << flag_name;
        std::cout << '\n';
        for (const auto& a : nic.v4)
            std::cout << "      inet  " << a.address << " netmask " << a.netmask << '\n';
        for (const auto& a : nic.v6)
            std::cout << "      inet6 " << a.address << '/' << a.prefix_length << '\n';
    }
}

void lookup(const std::string& host, const std::string& service, bool udp)
{
    constexpr auto canonical = tsock::resolve_flags::canonical_name;
    const auto name_flags = udp ? tsock::name_flags::datagram : tsock::name_flags::none; // NI_DGRAM
    const auto found = udp ? tsock::resolve<tsock::inet, tsock::datagram>(host, service, canonical)
                           : tsock::resolve<tsock::inet, tsock::stream>(host, service, canonical);
    std::cout << "resolve(\"" << host << "\", \"" << service << "\"): " << found.size() << " address"
              << (found.size() == 1 ? "" : "es");
    if (!found.canonical_name().empty())
        std::cout << ", canonical name " << found.canonical_name();
    std::cout << '\n';
    for (const auto& endpoint : found) {
        std::error_code ec;
        const auto back = tsock::reverse_resolve(endpoint, name_flags, ec);
        std::cout << "  " << endpoint;
        if (ec)
            std::cout << "  (getnameinfo: " << ec.message() << ")\n";
        else
            std::cout << "  is " << back.host << ' ' << back.service << '\n';
    }
    // The services database: by number for a port, else by name and back.
    const bool numeric = !service.empty() && service.find_first_not_of("0123456789") == std::string::npos;
    for (const char* protocol : {"tcp", "udp"}) {
        std::error_code ec;
        if (numeric) {
            const auto s = tsock::service_by_port(tsock::port_number::checked(std::stoi(service)), protocol, ec);
            if (!ec)
                std::cout << "port " << service << '/' << protocol << " is " << s.name << '\n';
        } else if (const auto port = tsock::service_by_name(service, protocol, ec).port; !ec) {
            std::cout << "service " << service << ": port " << port << '/' << protocol << "; port " << port
                      << " is " << tsock::service_by_port(port, protocol).name << '\n';
        }
        if (ec)
            std::cout << "service " << service << '/' << protocol << ": " << ec.message() << '\n';
    }
    for (const char* protocol : {"tcp", "udp"})
        std::cout << "protocol " << protocol << ": number " << tsock::protocol_by_name(protocol).number << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    example::cli args(argc, argv,
                      "usage: host_info [--interfaces] [--udp] [HOST [SERVICE]]\n"
                      "  No HOST: this host's name, FQDN, addresses and interfaces (with\n"
                      "  --interfaces, each one's flags and addresses). HOST: how HOST and\n"
                      "  SERVICE (default http) resolve for TCP (--udp: UDP), each address\n"
                      "  looked up again, and the services and protocols databases' entries.\n");
    const bool details = args.flag("--interfaces");
    const bool udp = args.flag("--udp");
    const int given = argc - 1 - details - udp; // HOST and SERVICE are optional
    const auto host = given > 0 ? args.positional("HOST") : "";
    const auto service = given > 1 ? args.positional("SERVICE") : "http";
    return args.run([&] {
        if (host.empty())
            this_host(details);
        else
            lookup(host, service, udp);
        return 0;
    });
}
