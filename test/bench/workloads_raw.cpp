// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_workloads' raw implementation (see workloads.cpp): POSIX calls as a
// C program makes them, in a translation unit without tsock (workloads.hpp
// says why).

#include "workloads.hpp"

#include <cstddef>
#include <cstdint>
#include <type_traits>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench::raw_impl {

// A sockaddr the kernel wrote is the sender or peer tsock's ipv4_endpoint
// (ipv6_endpoint) accepts only when it is AF_INET (AF_INET6) and whole.
[[gnu::always_inline]] inline bool whole(const ::sockaddr_in& a, ::socklen_t len)
{
    return len >= ::socklen_t(sizeof a) && a.sin_family == AF_INET;
}
[[gnu::always_inline]] inline bool whole(const ::sockaddr_in6& a, ::socklen_t len)
{
    return len >= ::socklen_t(sizeof a) && a.sin6_family == AF_INET6;
}

template <class Sockaddr>
[[gnu::always_inline]] inline ::ssize_t send_to(int fd, const message& m, const Sockaddr& to)
{
    ::ssize_t n;
    do
        n = ::sendto(fd, m.data(), m.size(), MSG_NOSIGNAL, reinterpret_cast<const ::sockaddr*>(&to), sizeof to);
    while (n < 0 && errno == EINTR);
    return n;
}

// recvfrom: 64 bytes or -1 with errno (EMSGSIZE: longer; EAFNOSUPPORT: the
// sender's name is not a whole sockaddr_in or sockaddr_in6).
template <class Sockaddr>
[[gnu::always_inline]] inline ::ssize_t recv_from(int fd, message& m, Sockaddr& from)
{
    ::ssize_t n;
    ::socklen_t len;
    do {
        len = sizeof from;
        n = ::recvfrom(fd, m.data(), m.size(), MSG_TRUNC, reinterpret_cast<::sockaddr*>(&from), &len);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
        return n;
    if (!whole(from, len)) [[unlikely]] {
        errno = EAFNOSUPPORT;
        return -1;
    }
    if (n > ::ssize_t(m.size())) [[unlikely]] {
        errno = EMSGSIZE;
        return -1;
    }
    return n;
}

// An endpoint as a program keeps it to compare with: numbers in host order.
struct host_endpoint {
    std::uint32_t address;
    std::uint16_t port;
};
struct host_endpoint6 {
    ::in6_addr address;
    std::uint32_t scope_id;
    std::uint16_t port;
    std::uint32_t flowinfo;
};

// The sender's name against one, converted as a program compares them (all
// that tsock's == compares).
[[gnu::always_inline]] inline bool same(const ::sockaddr_in& a, const host_endpoint& e)
{
    return ntohl(a.sin_addr.s_addr) == e.address && ntohs(a.sin_port) == e.port;
}
[[gnu::always_inline]] inline bool same(const ::sockaddr_in6& a, const host_endpoint6& e)
{
    return IN6_ARE_ADDR_EQUAL(&a.sin6_addr, &e.address) && a.sin6_scope_id == e.scope_id &&
           ntohs(a.sin6_port) == e.port && ntohl(a.sin6_flowinfo) == e.flowinfo;
}

host_endpoint host_order(const ::sockaddr_in& a)
{
    return {ntohl(a.sin_addr.s_addr), ntohs(a.sin_port)};
}
host_endpoint6 host_order(const ::sockaddr_in6& a)
{
    return {a.sin6_addr, a.sin6_scope_id, ntohs(a.sin6_port), ntohl(a.sin6_flowinfo)};
}

// A descriptor closed at the end of the run.
class descriptor {
public:
    explicit descriptor(int fd) noexcept : fd_(fd) {}
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    ~descriptor() { ::close(fd_); }
    int get() const noexcept { return fd_; }

private:
    int fd_;
};

// The sockets come as the objects that own them, and each call reads the
// descriptor from its object, as tsock's calls do.
template <class Sockaddr, class Host>
[[gnu::noinline]] void round_trip(const descriptor& client, const descriptor& server, const Host& client_ep,
                                  const Sockaddr& server_addr, const Host& server_ep)
{
    message out{};
    message buf;
    Sockaddr from;
    expect_message(send_to(client.get(), out, server_addr), "client sendto");
    expect_message(recv_from(server.get(), buf, from), "server recvfrom");
    expect_sender(same(from, client_ep), "server recvfrom");
    expect_message(send_to(server.get(), buf, from), "server sendto");
    expect_message(recv_from(client.get(), buf, from), "client recvfrom");
    expect_sender(same(from, server_ep), "client recvfrom");
}

// The checks of accept's peer: 127.0.0.1 or ::1, with a port.
[[gnu::always_inline]] inline void expect_loopback(const ::sockaddr_in& peer)
{
    expect_loopback_peer(ntohl(peer.sin_addr.s_addr), ntohs(peer.sin_port));
}
[[gnu::always_inline]] inline void expect_loopback(const ::sockaddr_in6& peer)
{
    expect_loopback_peer6(IN6_IS_ADDR_LOOPBACK(&peer.sin6_addr), ntohs(peer.sin6_port));
}

template <class Sockaddr>
[[gnu::noinline]] void serve_one(const descriptor& listener)
{
    Sockaddr peer;
    ::socklen_t len;
    int fd;
    do {
        len = sizeof peer;
        fd = ::accept4(listener.get(), reinterpret_cast<::sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) [[unlikely]]
        fail_errno("accept4");
    // The new connection is owned as any C++ program owns a descriptor
    // (tsock's socket is that too): closed on every way out, a throw's too.
    const descriptor connection(fd);
    if (!whole(peer, len)) [[unlikely]]
        fail("accept4", "the peer's name is not a whole sockaddr of the listener's family");
    expect_loopback(peer);
}

// name: 127.0.0.1 or ::1, port 0.
void set_loopback(::sockaddr_in& name)
{
    name = {};
    name.sin_family = AF_INET;
    name.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}
void set_loopback(::sockaddr_in6& name)
{
    name = {};
    name.sin6_family = AF_INET6;
    name.sin6_addr = in6addr_loopback;
}

// A CLOEXEC socket of type on 127.0.0.1 or ::1 (name's family), a port the
// kernel picks; name: where.
template <class Sockaddr>
int bound_socket(int type, Sockaddr& name)
{
    set_loopback(name);
    const int family = std::is_same_v<Sockaddr, ::sockaddr_in6> ? AF_INET6 : AF_INET;
    const int fd = or_fail(::socket(family, type | SOCK_CLOEXEC, 0), "socket");
    ::socklen_t len = sizeof name;
    const int one = 1;
    if (type == SOCK_STREAM)
        or_fail(::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt");
    or_fail(::bind(fd, reinterpret_cast<const ::sockaddr*>(&name), len), "bind");
    or_fail(::getsockname(fd, reinterpret_cast<::sockaddr*>(&name), &len), "getsockname");
    return fd;
}

template <class Sockaddr>
void run_on(bool datagram, std::uint64_t count)
{
    Sockaddr client_addr{};
    Sockaddr server_addr{};
    if (datagram) {
        const descriptor client(bound_socket(SOCK_DGRAM, client_addr));
        const descriptor server(bound_socket(SOCK_DGRAM, server_addr));
        const auto client_ep = host_order(client_addr);
        const auto server_ep = host_order(server_addr);
        repeat(count, [&] { round_trip(client, server, client_ep, server_addr, server_ep); });
        return;
    }
    const descriptor listener(bound_socket(SOCK_STREAM, server_addr));
    or_fail(::listen(listener.get(), 16), "listen");
    accept_rounds(server_addr, count, [&] { serve_one<Sockaddr>(listener); });
}

void run(workload w, std::uint64_t count)
{
    if (w == workload::datagram || w == workload::accept)
        return run_on<::sockaddr_in>(w == workload::datagram, count);
    run_on<::sockaddr_in6>(w == workload::datagram6, count);
}

} // namespace bench::raw_impl
