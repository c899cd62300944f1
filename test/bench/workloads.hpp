// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_workloads' harness (see workloads.cpp): what every implementation's
// rounds share. Each implementation has a translation unit of its own, so
// that raw code is compiled as a C program would be: tsock's
// <tsock/byte_order.hpp> takes back glibc's inline ntohl and ntohs macros,
// and a raw TU that included it would call the libc functions instead.
// This header includes system headers only.

#ifndef TSOCK_BENCH_WORKLOADS_HPP
#define TSOCK_BENCH_WORKLOADS_HPP

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <type_traits>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench {

constexpr std::size_t message_size = 64;
using message = std::array<std::byte, message_size>;

struct bench_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The failures, out of line and cold in every implementation alike.
[[noreturn, gnu::cold, gnu::noinline]] inline void fail(const char* what, const char* why)
{
    throw bench_error(std::string(what) + ": " + why);
}
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_errno(const char* what)
{
    fail(what, std::strerror(errno));
}
[[noreturn, gnu::cold, gnu::noinline]] inline void fail_size(const char* what, long long n)
{
    if (n < 0)
        fail_errno(what);
    fail(what, (std::to_string(n) + " bytes instead of 64").c_str());
}

// Every datagram is 64 bytes; anything else (-1 included) stops the run.
template <class N>
[[gnu::always_inline]] inline void expect_message(N n, const char* what)
{
    if (n != static_cast<N>(message_size)) [[unlikely]]
        fail_size(what, static_cast<long long>(n));
}

// The checks a program makes of whom it talks to, on host-order values.
[[gnu::always_inline]] inline void expect_sender(bool same, const char* what)
{
    if (!same) [[unlikely]]
        fail(what, "the datagram came from another endpoint");
}
[[gnu::always_inline]] inline void expect_loopback_peer(std::uint32_t address, std::uint16_t port)
{
    if (address != INADDR_LOOPBACK || port == 0) [[unlikely]]
        fail("accept", "the peer is not 127.0.0.1 with a port");
}
[[gnu::always_inline]] inline void expect_loopback_peer6(bool loopback, std::uint16_t port)
{
    if (!loopback || port == 0) [[unlikely]]
        fail("accept", "the peer is not ::1 with a port");
}

// A raw call's result, or stop.
inline int or_fail(int r, const char* what)
{
    if (r < 0)
        fail_errno(what);
    return r;
}

// The harness's client, the same for every implementation: a CLOEXEC TCP
// socket connected to to, a sockaddr_in or sockaddr_in6 (raw calls: not
// what is measured).
template <class Sockaddr>
int connect_client(const Sockaddr& to)
{
    const int family = std::is_same_v<Sockaddr, ::sockaddr_in6> ? AF_INET6 : AF_INET;
    const int fd = or_fail(::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0), "client socket");
    if (::connect(fd, reinterpret_cast<const ::sockaddr*>(&to), sizeof to) != 0) {
        const int e = errno;
        ::close(fd);
        errno = e;
        fail_errno("client connect");
    }
    return fd;
}

// The harness's loop over rounds: round() count times.
template <class Round>
void repeat(std::uint64_t count, Round round)
{
    for (std::uint64_t i = 0; i != count; ++i)
        round();
}

// accept's rounds: a client connects, serve() accepts and closes it, the
// client closes.
template <class Sockaddr, class Serve>
void accept_rounds(const Sockaddr& listener, std::uint64_t count, Serve serve)
{
    repeat(count, [&] {
        const int client = connect_client(listener);
        serve();
        ::close(client);
    });
}

// The workloads (workloads.cpp says what each does); the 6 ones are the
// same over IPv6, on ::1.
enum class workload { datagram, accept, datagram6, accept6 };

// Each implementation's run: count rounds of a workload; throws on any
// failure.
namespace tsock_impl {
void run(workload w, std::uint64_t count);
}
namespace raw_impl {
void run(workload w, std::uint64_t count);
}
namespace asio_impl {
void run(workload w, std::uint64_t count);
}

} // namespace bench

#endif // TSOCK_BENCH_WORKLOADS_HPP
