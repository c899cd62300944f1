// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// ICMP echo ("ping") over tsock's raw sockets, IPv4 and IPv6, and over the
// unprivileged ICMP datagram socket where the kernel allows it.
//
//   ping [--count N] [--timeout MS] [--dgram] ADDRESS
//   ping --help
//
// raw<IPPROTO_ICMP> and raw<IPPROTO_ICMPV6> need root (CAP_NET_RAW). The
// datagram socket (SOCK_DGRAM with IPPROTO_ICMP or IPPROTO_ICMPV6, Linux and
// macOS) needs no privilege where the kernel allows the process's group:
// Linux's net.ipv4.ping_group_range, off by default ("1 0"). It is not one of
// tsock's types: it is a socket type policy of this program's own
// (icmp_datagram below), which is all tsock asks of one.

#include <tsock.hpp>

#include <unistd.h>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <iomanip>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

namespace {

using namespace std::chrono_literals;
using clock_type = std::chrono::steady_clock;

// The ICMP datagram ("ping") socket as a socket type: datagram semantics,
// ICMP (or ICMPv6) as its protocol. The kernel fills in the identifier (the
// socket's "port") and the checksum, and hands back only the replies to it.
template <int Protocol>
struct icmp_datagram {
    static constexpr int value = SOCK_DGRAM;
    static constexpr int protocol = Protocol;
    static constexpr bool connection_oriented = false;
    static constexpr bool message_oriented = true;
    static constexpr char name[] = "icmp_datagram";
};

constexpr std::uint8_t echo_request_v4 = 8, echo_reply_v4 = 0;
constexpr std::uint8_t echo_request_v6 = 128, echo_reply_v6 = 129;
constexpr std::size_t header_size = 8; // type, code, checksum, identifier, sequence
constexpr std::size_t payload_size = 56;
using packet = std::array<unsigned char, header_size + payload_size>;

struct settings {
    int count = 3;
    std::chrono::milliseconds wait = 1000ms; // for each reply
    bool dgram = false;
    std::string address;
};

void usage(std::ostream& out)
{
    out << "usage: ping [--count N] [--timeout MS] [--dgram] ADDRESS\n"
           "  Sends N (default 3) ICMP echo requests to ADDRESS, IPv4 or IPv6, one\n"
           "  at a time, and prints each reply (sequence, size, round trip); waits\n"
           "  MS milliseconds (default 1000) for each. Raw sockets (root); with\n"
           "  --dgram the unprivileged ICMP datagram socket (Linux: allowed by\n"
           "  net.ipv4.ping_group_range). Exit status 0 when every request got\n"
           "  its reply, 1 when one did not or on an error, 2 for bad usage.\n";
}

// The Internet checksum (RFC 1071): the ones' complement of the ones'
// complement sum of the 16-bit words, in network order.
std::uint16_t internet_checksum(const unsigned char* data, std::size_t size)
{
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i + 1 < size; i += 2)
        sum += std::uint32_t(data[i]) << 8 | data[i + 1];
    if (size % 2 != 0)
        sum += std::uint32_t(data[size - 1]) << 8;
    while (sum >> 16 != 0)
        sum = (sum & 0xffff) + (sum >> 16);
    return static_cast<std::uint16_t>(~sum & 0xffff);
}

std::uint16_t read16(const unsigned char* p) { return static_cast<std::uint16_t>(p[0] << 8 | p[1]); }
void write16(unsigned char* p, std::uint16_t v)
{
    p[0] = static_cast<unsigned char>(v >> 8);
    p[1] = static_cast<unsigned char>(v & 0xff);
}

// An echo request: the payload is a pattern the reply must bring back.
packet echo_request(std::uint8_t type, std::uint16_t id, std::uint16_t sequence)
{
    packet p{};
    p[0] = type;
    write16(&p[4], id);
    write16(&p[6], sequence);
    for (std::size_t i = 0; i < payload_size; ++i)
        p[header_size + i] = static_cast<unsigned char>(i + sequence);
    // ICMPv4's checksum is the sender's to compute. ICMPv6's covers a
    // pseudo-header with the source address, which the kernel knows and
    // fills in itself on raw and datagram ICMPv6 sockets (RFC 3542 3.1); the
    // ICMPv4 datagram socket computes it again, so it does no harm there.
    if (type == echo_request_v4)
        write16(&p[2], internet_checksum(p.data(), p.size()));
    return p;
}

// What a received message is to us.
enum class verdict { ours, not_ours, corrupt };

// Checks an ICMP message (no IP header) against the request it should answer.
// With check_id false (the datagram socket, whose kernel rewrote the
// identifier and delivers only replies to this socket) the identifier is not
// compared. ICMPv4 checksums are verified here; ICMPv6 ones by the kernel.
verdict check_reply(const unsigned char* m, std::size_t size, const packet& request, bool v6, bool check_id)
{
    if (size < header_size || m[0] != (v6 ? echo_reply_v6 : echo_reply_v4) || m[1] != 0)
        return verdict::not_ours;
    if (check_id && read16(&m[4]) != read16(&request[4]))
        return verdict::not_ours;
    if (read16(&m[6]) != read16(&request[6]))
        return verdict::not_ours; // an old reply, late
    if (!v6 && internet_checksum(m, size) != 0)
        return verdict::corrupt;
    if (size != request.size())
        return verdict::corrupt;
    for (std::size_t i = header_size; i < size; ++i)
        if (m[i] != request[i])
            return verdict::corrupt;
    return verdict::ours;
}

// Sends count requests to to, one at a time, over a socket of Family and Type
// in the timeout mode; prints the replies. Returns how many came back.
template <class Family, class Type, class Endpoint>
int ping(const Endpoint& to, const settings& s)
{
    constexpr bool v6 = std::is_same_v<Family, tsock::ipv6>;
    constexpr bool raw = Type::value == SOCK_RAW;
    using socket = tsock::basic_socket<Family, Type, tsock::timeout>;
    auto sock = socket::open(tsock::timeout(s.wait));
    const auto id = static_cast<std::uint16_t>(::getpid() & 0xffff);
    int replies = 0;
    for (int n = 1; n <= s.count; ++n) {
        const auto sequence = static_cast<std::uint16_t>(n);
        const packet request = echo_request(v6 ? echo_request_v6 : echo_request_v4, id, sequence);
        const auto sent = clock_type::now();
        (void)sock.send_to(request, to);
        const auto deadline = sent + s.wait;
        // A raw socket gets every ICMP message of the host (other pings, our
        // own request when the target is this host): at most 64 per request.
        bool answered = false;
        for (int seen = 0; seen < 64 && !answered; ++seen) {
            const auto now = clock_type::now();
            if (now >= deadline)
                break;
            sock.timeout(tsock::timeout(deadline - now));
            std::array<unsigned char, 1500> buffer;
            std::error_code ec;
            const auto r = sock.recv_from(buffer, ec);
            if (ec == tsock::error::timed_out)
                break;
            if (ec)
                throw std::system_error(ec, "recv_from");
            const unsigned char* m = buffer.data();
            std::size_t size = r.size;
            if constexpr (!v6 && raw) { // a raw IPv4 socket reads the IP header too
                const std::size_t ip_header = std::size_t(buffer[0] & 0x0f) * 4;
                if (size < ip_header || buffer[9] != IPPROTO_ICMP)
                    continue;
                m += ip_header;
                size -= ip_header;
            }
            if (r.sender.address() != to.address())
                continue;
            switch (check_reply(m, size, request, v6, raw)) {
            case verdict::not_ours: continue;
            case verdict::corrupt:
                std::cout << "corrupt reply from " << r.sender.address() << ": icmp_seq=" << n << '\n';
                continue;
            case verdict::ours: break;
            }
            const auto rtt = std::chrono::duration<double, std::milli>(clock_type::now() - sent);
            std::cout << size << " bytes from " << r.sender.address() << ": icmp_seq=" << n << " time=" << std::fixed
                      << std::setprecision(3) << rtt.count() << " ms\n";
            answered = true;
            ++replies;
        }
        if (!answered)
            std::cout << "no reply from " << to.address() << ": icmp_seq=" << n << '\n';
    }
    return replies;
}

int run(const settings& s)
{
    std::error_code not_v4;
    const auto v4 = tsock::address_v4::parse(s.address, not_v4);
    int replies;
    if (!not_v4) {
        const tsock::ipv4_endpoint to(v4, 0);
        std::cout << "PING " << v4 << (s.dgram ? " (ICMP datagram socket)" : " (raw socket)") << '\n';
        replies = s.dgram ? ping<tsock::ipv4, icmp_datagram<IPPROTO_ICMP>>(to, s)
                          : ping<tsock::ipv4, tsock::raw<IPPROTO_ICMP>>(to, s);
    } else {
        const tsock::ipv6_endpoint to(tsock::address_v6::parse(s.address), 0);
        std::cout << "PING " << to.address() << (s.dgram ? " (ICMPv6 datagram socket)" : " (raw socket)") << '\n';
        replies = s.dgram ? ping<tsock::ipv6, icmp_datagram<IPPROTO_ICMPV6>>(to, s)
                          : ping<tsock::ipv6, tsock::raw<IPPROTO_ICMPV6>>(to, s);
    }
    std::cout << s.count << " sent, " << replies << " replies\n";
    return replies == s.count ? 0 : 1;
}

std::optional<int> number(std::string_view text, int low, int high)
{
    int v = 0;
    if (text.empty() || text.size() > 9)
        return std::nullopt;
    for (char c : text) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    if (v < low || v > high)
        return std::nullopt;
    return v;
}

} // namespace

int main(int argc, char** argv)
{
    settings s;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            usage(std::cout);
            return 0;
        }
        if (a == "--dgram") {
            s.dgram = true;
        } else if ((a == "--count" || a == "--timeout") && i + 1 < argc) {
            const auto v = a == "--count" ? number(argv[++i], 1, 1000) : number(argv[++i], 1, 60000);
            if (!v) {
                std::cerr << "ping: bad value for " << a << '\n';
                return 2;
            }
            if (a == "--count")
                s.count = *v;
            else
                s.wait = std::chrono::milliseconds(*v);
        } else if (!a.starts_with("-") && s.address.empty()) {
            s.address = a;
        } else {
            usage(std::cerr);
            return 2;
        }
    }
    if (s.address.empty()) {
        usage(std::cerr);
        return 2;
    }
    try {
        return run(s);
    } catch (const std::exception& e) {
        std::cerr << "ping: " << e.what() << '\n';
        return 1;
    }
}
