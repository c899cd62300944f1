// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// One end of test/netns/multicast.sh, run inside a network namespace:
//
//   multicast_peer recv 4|6 GROUP PORT INTERFACE [SOURCE]
//     joins GROUP (from SOURCE only, when given) on INTERFACE, prints
//     "ready", then prints "got TEXT from ADDRESS" for each datagram to PORT
//     until one says "end" (and 200 ms more, to catch a late one), or 5 s
//     have passed, or 16 have come. INTERFACE is an interface name (the
//     options by index) or, for IPv4, an address (the options by address).
//   multicast_peer send 4|6 GROUP PORT FROM INTERFACE TEXT...
//     sends each TEXT to GROUP:PORT from address FROM, out of INTERFACE: a
//     name (the options by index) or, for IPv4, an address.
//
// Exit status 0, or 1 with a message on stderr.

#include <tsock/basic_socket.hpp>
#include <tsock/interfaces.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/mode.hpp>
#include <tsock/multicast.hpp>
#include <tsock/options.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

namespace opt = tsock::options;
using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

constexpr auto overall_wait = 5s;     // the receiver's whole wait
constexpr auto after_end_wait = 200ms; // how long it still listens after "end"
constexpr int most_datagrams = 16;

tsock::port_number parse_port(const std::string& text)
{
    const unsigned long n = std::stoul(text);
    if (n == 0 || n > 65535)
        throw std::invalid_argument("bad port " + text);
    return tsock::port_number(static_cast<std::uint16_t>(n));
}

// Receives on s until "end" and after_end_wait more, overall_wait in all, or
// most_datagrams; prints each. Socket is a timeout-mode socket.
template <class Socket>
void receive_until_end(Socket& s)
{
    const auto start = clock_type::now();
    std::optional<clock_type::time_point> stop_at;
    for (int count = 0; count < most_datagrams; ++count) {
        const auto now = clock_type::now();
        const auto deadline = stop_at ? *stop_at : start + overall_wait;
        if (now >= deadline)
            return;
        s.timeout(tsock::timeout(deadline - now));
        std::string buffer(256, '\0');
        std::error_code ec;
        const auto r = s.recv_from(buffer, ec);
        if (ec == tsock::error::timed_out)
            return;
        if (ec)
            throw std::system_error(ec, "recv_from");
        buffer.resize(r.size);
        std::printf("got %s from %s\n", buffer.c_str(), r.sender.address().to_string().c_str());
        std::fflush(stdout);
        if (buffer == "end" && !stop_at)
            stop_at = clock_type::now() + after_end_wait;
    }
}

void ready()
{
    std::printf("ready\n");
    std::fflush(stdout);
}

int receive_v4(const std::vector<std::string>& a)
{
    const auto group = tsock::address_v4::parse(a[2]);
    auto s = tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::timeout>::open(tsock::timeout(overall_wait));
    s.set(opt::reuse_address(true));
    s.bind(tsock::ipv4_endpoint(tsock::address_v4::any(), parse_port(a[3])));
    std::error_code not_address;
    const auto interface_address = tsock::address_v4::parse(a[4], not_address);
    if (!not_address) { // by the interface's address: ip_mreq, ip_mreq_source
        if (a.size() > 5)
            s.set(opt::ip::join_source_group(group, tsock::address_v4::parse(a[5]), interface_address));
        else
            s.set(opt::ip::join_group(group, interface_address));
    } else { // by its index: group_req, group_source_req
        const auto index = tsock::interface_index(a[4]);
        if (a.size() > 5)
            s.set(opt::ip::join_source_group_by_index(group, tsock::address_v4::parse(a[5]), index));
        else
            s.set(opt::ip::join_group_by_index(group, index));
    }
    ready();
    receive_until_end(s);
    return 0;
}

int receive_v6(const std::vector<std::string>& a)
{
    const auto group = tsock::address_v6::parse(a[2]);
    auto s = tsock::basic_socket<tsock::ipv6, tsock::datagram, tsock::timeout>::open(tsock::timeout(overall_wait));
    s.set(opt::reuse_address(true));
    s.set(opt::ipv6::only(true));
    s.bind(tsock::ipv6_endpoint(tsock::address_v6::any(), parse_port(a[3])));
    const auto index = tsock::interface_index(a[4]);
    if (a.size() > 5)
        s.set(opt::ipv6::join_source_group(group, tsock::address_v6::parse(a[5]), index));
    else
        s.set(opt::ipv6::join_group(group, index));
    ready();
    receive_until_end(s);
    return 0;
}

int send_v4(const std::vector<std::string>& a)
{
    const tsock::ipv4_endpoint to(tsock::address_v4::parse(a[2]), parse_port(a[3]));
    const auto from = tsock::address_v4::parse(a[4]);
    auto s = tsock::udp_socket::open();
    s.bind(tsock::ipv4_endpoint(from, 0));
    std::error_code not_address;
    const auto interface_address = tsock::address_v4::parse(a[5], not_address);
    if (!not_address)
        s.set(opt::ip::multicast_interface(interface_address));
    else
        s.set(opt::ip::multicast_interface_by_index(tsock::interface_index(a[5])));
    s.set(opt::ip::multicast_ttl(1));
    s.set(opt::ip::multicast_loop(false));
    for (std::size_t i = 6; i < a.size(); ++i)
        (void)s.send_to(a[i], to);
    return 0;
}

int send_v6(const std::vector<std::string>& a)
{
    const tsock::ipv6_endpoint to(tsock::address_v6::parse(a[2]), parse_port(a[3]));
    auto s = tsock::udp6_socket::open();
    s.bind(tsock::ipv6_endpoint(tsock::address_v6::parse(a[4]), 0));
    s.set(opt::ipv6::multicast_interface(tsock::interface_index(a[5])));
    s.set(opt::ipv6::multicast_hops(1));
    s.set(opt::ipv6::multicast_loop(false));
    for (std::size_t i = 6; i < a.size(); ++i)
        (void)s.send_to(a[i], to);
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string> a(argv + 1, argv + argc);
    try {
        if (a.size() >= 5 && a.size() <= 6 && a[0] == "recv")
            return a[1] == "4" ? receive_v4(a) : receive_v6(a);
        if (a.size() >= 7 && a[0] == "send")
            return a[1] == "4" ? send_v4(a) : send_v6(a);
        std::fprintf(stderr, "usage: multicast_peer recv 4|6 GROUP PORT INTERFACE [SOURCE]\n"
                             "       multicast_peer send 4|6 GROUP PORT FROM INTERFACE TEXT...\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "multicast_peer: %s\n", e.what());
        return 1;
    }
}
