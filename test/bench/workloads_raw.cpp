// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_workloads' raw implementation (see workloads.cpp): POSIX calls as a
// C program makes them, in a translation unit without tsock (workloads.hpp
// says why).

#include "workloads.hpp"

#include <cstddef>
#include <cstdint>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench::raw_impl {

// A sockaddr the kernel wrote is the sender or peer tsock's ipv4_endpoint
// accepts only when it is AF_INET and whole.
[[gnu::always_inline]] inline bool whole_v4(const ::sockaddr_in& a, ::socklen_t len)
{
    return len >= ::socklen_t(sizeof a) && a.sin_family == AF_INET;
}

[[gnu::always_inline]] inline ::ssize_t send_to(int fd, const message& m, const ::sockaddr_in& to)
{
    ::ssize_t n;
    do
        n = ::sendto(fd, m.data(), m.size(), MSG_NOSIGNAL, reinterpret_cast<const ::sockaddr*>(&to), sizeof to);
    while (n < 0 && errno == EINTR);
    return n;
}

// recvfrom: 64 bytes or -1 with errno (EMSGSIZE: longer; EAFNOSUPPORT: the
// sender's name is not a whole sockaddr_in).
[[gnu::always_inline]] inline ::ssize_t recv_from(int fd, message& m, ::sockaddr_in& from)
{
    ::ssize_t n;
    ::socklen_t len;
    do {
        len = sizeof from;
        n = ::recvfrom(fd, m.data(), m.size(), MSG_TRUNC, reinterpret_cast<::sockaddr*>(&from), &len);
    } while (n < 0 && errno == EINTR);
    if (n < 0)
        return n;
    if (!whole_v4(from, len)) [[unlikely]] {
        errno = EAFNOSUPPORT;
        return -1;
    }
    if (n > ::ssize_t(m.size())) [[unlikely]] {
        errno = EMSGSIZE;
        return -1;
    }
    return n;
}

// The address and port in host order, as a program compares them.
[[gnu::always_inline]] inline bool same(const ::sockaddr_in& a, std::uint32_t address, std::uint16_t port)
{
    return ntohl(a.sin_addr.s_addr) == address && ntohs(a.sin_port) == port;
}

struct host_endpoint {
    std::uint32_t address;
    std::uint16_t port;
};

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
[[gnu::noinline]] void round_trip(const descriptor& client, const descriptor& server, const host_endpoint& client_ep,
                                  const ::sockaddr_in& server_addr, const host_endpoint& server_ep)
{
    message out{};
    message buf;
    ::sockaddr_in from;
    expect_message(send_to(client.get(), out, server_addr), "client sendto");
    expect_message(recv_from(server.get(), buf, from), "server recvfrom");
    expect_sender(same(from, client_ep.address, client_ep.port), "server recvfrom");
    expect_message(send_to(server.get(), buf, from), "server sendto");
    expect_message(recv_from(client.get(), buf, from), "client recvfrom");
    expect_sender(same(from, server_ep.address, server_ep.port), "client recvfrom");
}

[[gnu::noinline]] void serve_one(const descriptor& listener)
{
    ::sockaddr_in peer;
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
    if (!whole_v4(peer, len)) [[unlikely]]
        fail("accept4", "the peer's name is not a whole sockaddr_in");
    expect_loopback_peer(ntohl(peer.sin_addr.s_addr), ntohs(peer.sin_port));
}

// A CLOEXEC socket of type on 127.0.0.1, a port the kernel picks; name: where.
int bound_socket(int type, ::sockaddr_in& name)
{
    const int fd = or_fail(::socket(AF_INET, type | SOCK_CLOEXEC, 0), "socket");
    name = {};
    name.sin_family = AF_INET;
    name.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::socklen_t len = sizeof name;
    const int one = 1;
    if (type == SOCK_STREAM)
        or_fail(::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one), "setsockopt");
    or_fail(::bind(fd, reinterpret_cast<const ::sockaddr*>(&name), len), "bind");
    or_fail(::getsockname(fd, reinterpret_cast<::sockaddr*>(&name), &len), "getsockname");
    return fd;
}

host_endpoint host_order(const ::sockaddr_in& a)
{
    return {ntohl(a.sin_addr.s_addr), ntohs(a.sin_port)};
}

void run(bool datagram, std::uint64_t count)
{
    ::sockaddr_in client_addr{};
    ::sockaddr_in server_addr{};
    if (datagram) {
        const descriptor client(bound_socket(SOCK_DGRAM, client_addr));
        const descriptor server(bound_socket(SOCK_DGRAM, server_addr));
        const host_endpoint client_ep = host_order(client_addr);
        const host_endpoint server_ep = host_order(server_addr);
        repeat(count, [&] { round_trip(client, server, client_ep, server_addr, server_ep); });
        return;
    }
    const descriptor listener(bound_socket(SOCK_STREAM, server_addr));
    or_fail(::listen(listener.get(), 16), "listen");
    accept_rounds(server_addr, count, [&] { serve_one(listener); });
}

} // namespace bench::raw_impl
