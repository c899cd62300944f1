// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// The poller echo server, made deterministic for instruction counts
// (test/bench/poll_instructions.sh): bench_throughput's echo loops
// (poll_echo_servers.hpp: tsock::poller, raw epoll, Asio's io_context) driven
// by a client in the same thread, so that every wait returns the same
// events on every run.
//
//   bench_poll_echo <tsock|raw|asio> <connections> <requests>
//       connects that many TCP clients (loopback, TCP_NODELAY) and has the
//       server accept them; then, in rounds, the client writes a 64-byte
//       request on each connection (the last round on as many as are left),
//       calls the server's poll_once() until it has echoed them all (one
//       wait, whose events are the round's requests: a loopback write has
//       reached the peer's socket when it returns), and reads and checks
//       every echo. The setup is the same for 0 requests, so callgrind and
//       strace can subtract it.
//   bench_poll_echo impls
//       the implementations this binary has (asio only when built with it)
//
// Only poll_once() is the server's work (callgrind --toggle-collect); the
// client writes and reads with write(2) and read(2), which the server never
// calls, so its system calls are told apart by name.

#include "poll_echo_servers.hpp"

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <unistd.h>

#include <array>
#include <charconv>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace {

constexpr std::size_t request_size = 64;

[[noreturn]] void fail(const std::string& what) { throw std::runtime_error(what); }

// A blocking client connection to 127.0.0.1:port, TCP_NODELAY.
poll_echo::fd_owner connect_client(std::uint16_t port)
{
    poll_echo::fd_owner s(poll_echo::check(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "socket"));
    ::sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    a.sin_port = htons(port);
    poll_echo::check(::connect(s.get(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a), "connect");
    const int one = 1;
    poll_echo::check(::setsockopt(s.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one), "setsockopt(TCP_NODELAY)");
    return s;
}

std::array<unsigned char, request_size> request_of(std::size_t conn, std::uint64_t round)
{
    std::array<unsigned char, request_size> r;
    for (std::size_t i = 0; i != request_size; ++i)
        r[i] = static_cast<unsigned char>((conn * 131 + round * 31 + i) & 0xff);
    return r;
}

template <class Server> void run(std::size_t conns, std::uint64_t requests)
{
    Server server;
    std::vector<poll_echo::fd_owner> clients;
    clients.reserve(conns);
    for (std::size_t i = 0; i != conns; ++i)
        clients.push_back(connect_client(server.port()));
    while (server.accepted() < conns)
        server.poll_once();

    std::uint64_t echoed = 0; // bytes
    for (std::uint64_t round = 0, left = requests; left != 0; ++round) {
        const std::size_t k = left < conns ? std::size_t(left) : conns;
        left -= k;
        for (std::size_t i = 0; i != k; ++i) {
            const auto r = request_of(i, round);
            if (poll_echo::check(int(::write(clients[i].get(), r.data(), r.size())), "write") != int(r.size()))
                fail("short write of a request");
        }
        echoed += k * request_size;
        while (server.echoed() < echoed)
            server.poll_once();
        for (std::size_t i = 0; i != k; ++i) {
            std::array<unsigned char, request_size> reply;
            for (std::size_t got = 0; got != reply.size();) {
                const int n
                    = poll_echo::check(int(::read(clients[i].get(), reply.data() + got, reply.size() - got)), "read");
                if (n == 0)
                    fail("the server closed a connection");
                got += std::size_t(n);
            }
            if (reply != request_of(i, round))
                fail("an echo differs from its request");
        }
    }
    if (server.echoed() != echoed)
        fail("the server echoed more than was sent");
}

template <class T> T parse(std::string_view s, const char* what)
{
    T v{};
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size())
        throw std::invalid_argument(std::string("bad ") + what + ": " + std::string(s));
    return v;
}

int usage()
{
    std::fputs("usage: bench_poll_echo <tsock|raw|asio> <connections> <requests>\n"
               "       bench_poll_echo impls\n",
        stderr);
    return 2;
}

} // namespace

int main(int argc, char** argv)
{
    const std::vector<std::string_view> args(argv + 1, argv + argc);
    if (args.size() == 1 && args[0] == "impls") {
#if defined(TSOCK_BENCH_HAVE_ASIO)
        std::puts("tsock raw asio");
#else
        std::puts("tsock raw");
#endif
        return 0;
    }
    if (args.size() != 3)
        return usage();
    try {
        const auto conns = parse<std::size_t>(args[1], "connections");
        const auto requests = parse<std::uint64_t>(args[2], "requests");
        if (conns == 0 || conns > 10000)
            throw std::invalid_argument("connections: 1 to 10000");
        ::alarm(600); // the last resort against a hang
        if (args[0] == "tsock")
            run<poll_echo::tsock_poll_echo>(conns, requests);
        else if (args[0] == "raw")
            run<poll_echo::raw_poll_echo>(conns, requests);
#if defined(TSOCK_BENCH_HAVE_ASIO)
        else if (args[0] == "asio")
            run<poll_echo::asio_poll_echo>(conns, requests);
#endif
        else
            return usage();
        std::printf("%s: %llu requests over %zu connections\n", std::string(args[0]).c_str(),
            static_cast<unsigned long long>(requests), conns);
        return 0;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "bench_poll_echo: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_poll_echo: %s\n", e.what());
        return 1;
    }
}
