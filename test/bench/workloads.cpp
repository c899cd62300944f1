// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Workloads with endpoints on every call, beside the ping-pong: tsock,
// hand-written POSIX calls ("raw", the floor) and standalone Asio, in one
// thread on loopback, blocking sockets. The work a round does is a function
// of its own per implementation (round_trip, serve_one), which
// test/bench/workload_instructions.sh counts alone. This file has tsock's
// rounds and main; workloads_raw.cpp and workloads_asio.cpp the others',
// workloads.hpp the harness they share.
//
//   datagram  two UNCONNECTED UDP sockets. A round: the client sends 64
//             bytes to the server's endpoint (sendto); the server receives
//             them with their sender (recvfrom), checks that the sender is
//             the client and answers to it (sendto); the client receives the
//             answer (recvfrom) and checks that it came from the server's
//             endpoint.
//   accept    a TCP listener. A round: a client (the harness's own raw
//             socket and connect, the same for every implementation)
//             connects; serve_one accepts the connection with its peer's
//             endpoint (accept4), checks that the peer is on 127.0.0.1 with
//             a port, and closes it; the harness closes the client.
//   datagram6, accept6
//             the same over IPv6 on ::1 (udp6_socket, tcp6_listener,
//             ipv6_endpoint); accept's peer is checked to be ::1
//             (address().is_loopback()) with a port.
//
// Raw does tsock's work and no more: EINTR retried, sends with MSG_NOSIGNAL,
// datagrams received with MSG_TRUNC (a longer one is an error, as tsock
// reports it), a sender's or a peer's name checked as tsock's endpoints check
// it (AF_INET, a whole sockaddr_in; AF_INET6, a whole sockaddr_in6) and read
// as a program reads it to compare or print it (ntohl, ntohs; a sockaddr_in6
// compared in all that ipv6_endpoint's == compares: IN6_ARE_ADDR_EQUAL, scope
// id, port, flow info; the peer checked with IN6_IS_ADDR_LOOPBACK),
// descriptors CLOEXEC.
//
//   bench_workloads <tsock|raw|asio> <datagram|accept|datagram6|accept6> <rounds>
//       exactly that many rounds, one line of output; the setup is the same
//       for 0 rounds, so callgrind and strace can subtract it
//   bench_workloads impls
//       the implementations this binary has (asio only when built with it)

#include "workloads.hpp"

#include <tsock.hpp>

#include <array>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace bench::tsock_impl {

// udp_socket with ipv4_endpoints, or udp6_socket with ipv6_endpoints.
template <class Socket>
[[gnu::noinline]] void round_trip(Socket& client, Socket& server, const typename Socket::endpoint_type& client_ep,
                                  const typename Socket::endpoint_type& server_ep)
{
    message out{};
    message buf;
    expect_message(client.send_to(out, server_ep), "client send_to");
    const auto request = server.recv_from(buf);
    expect_message(request.size, "server recv_from");
    expect_sender(request.sender == client_ep, "server recv_from");
    expect_message(server.send_to(buf, request.sender), "server send_to");
    const auto answer = client.recv_from(buf);
    expect_message(answer.size, "client recv_from");
    expect_sender(answer.sender == server_ep, "client recv_from");
}

[[gnu::noinline]] void serve_one(tsock::tcp_listener& listener)
{
    const auto a = listener.accept();
    expect_loopback_peer(a.peer.address().to_uint(), a.peer.port());
} // a.socket closes here

[[gnu::noinline]] void serve_one(tsock::tcp6_listener& listener)
{
    const auto a = listener.accept();
    expect_loopback_peer6(a.peer.address().is_loopback(), a.peer.port());
} // a.socket closes here

template <class Socket, class Listener>
void run_on(const typename Socket::endpoint_type& loopback_any_port, bool datagram, std::uint64_t count)
{
    if (datagram) {
        auto client = Socket::open();
        auto server = Socket::open();
        client.bind(loopback_any_port);
        server.bind(loopback_any_port);
        const auto client_ep = client.local_endpoint();
        const auto server_ep = server.local_endpoint();
        repeat(count, [&] { round_trip(client, server, client_ep, server_ep); });
        return;
    }
    auto listener = Listener::listen_on(loopback_any_port, 16);
    const auto name = listener.local_endpoint().to_native();
    accept_rounds(name, count, [&] { serve_one(listener); });
}

void run(workload w, std::uint64_t count)
{
    if (w == workload::datagram || w == workload::accept)
        return run_on<tsock::udp_socket, tsock::tcp_listener>({tsock::address_v4::loopback(), 0},
                                                               w == workload::datagram, count);
    run_on<tsock::udp6_socket, tsock::tcp6_listener>({tsock::address_v6::loopback(), 0}, w == workload::datagram6,
                                                     count);
}

} // namespace bench::tsock_impl

namespace {

using namespace bench;

constexpr std::array<std::string_view, 3> impl_names = {"tsock", "raw", "asio"};
#if defined(TSOCK_BENCH_HAVE_ASIO)
constexpr std::size_t built_impls = 3;
#else
constexpr std::size_t built_impls = 2;
#endif

constexpr std::array<std::string_view, 4> workload_names = {"datagram", "accept", "datagram6", "accept6"};

void run(std::string_view impl, workload w, std::uint64_t count)
{
    if (impl == "tsock")
        return tsock_impl::run(w, count);
    if (impl == "raw")
        return raw_impl::run(w, count);
#if defined(TSOCK_BENCH_HAVE_ASIO)
    if (impl == "asio")
        return asio_impl::run(w, count);
#endif
    throw std::invalid_argument("unknown implementation '" + std::string(impl) + "'");
}

constexpr const char* usage_text =
    "usage: bench_workloads <tsock|raw|asio> <datagram|accept|datagram6|accept6> <rounds>\n"
    "       bench_workloads impls\n";

// bench_workloads <impl> <workload> <rounds>: 0, or 2 for a bad argument
// (thrown as std::invalid_argument); a failed run throws.
int run_exact(std::string_view impl, std::string_view name, std::string_view count_text)
{
    std::size_t w = 0;
    while (w != workload_names.size() && workload_names[w] != name)
        ++w;
    if (w == workload_names.size())
        throw std::invalid_argument("unknown workload '" + std::string(name) + "'");
    std::uint64_t count = 0;
    const char* const last = count_text.data() + count_text.size();
    if (const auto r = std::from_chars(count_text.data(), last, count); r.ec != std::errc() || r.ptr != last)
        throw std::invalid_argument("not a round count: '" + std::string(count_text) + "'");
    run(impl, static_cast<bench::workload>(w), count);
    std::printf("%.*s %.*s: %llu rounds\n", int(impl.size()), impl.data(), int(name.size()), name.data(),
                static_cast<unsigned long long>(count));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view first = argc > 1 ? argv[1] : "";
    if (argc == 2 && first == "impls") {
        for (std::size_t k = 0; k != built_impls; ++k)
            std::printf("%s%s", k == 0 ? "" : " ", impl_names[k].data());
        std::printf("\n");
        return 0;
    }
    if (argc == 2 && (first == "--help" || first == "-h")) {
        std::fputs(usage_text, stdout);
        return 0;
    }
    int status = 2;
    try {
        if (argc == 4)
            status = run_exact(first, argv[2], argv[3]);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "bench_workloads: %s\n", e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_workloads: %s %s: %s\n", argv[1], argv[2], e.what());
        status = 1;
    }
    if (status == 2)
        std::fputs(usage_text, stderr);
    return status;
}
