// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Two workloads with endpoints on every call, beside the ping-pong: tsock,
// hand-written POSIX calls ("raw", the floor) and standalone Asio, in one
// thread on loopback, blocking sockets. The work a round does is a function
// of its own per implementation (round_trip, serve_one), which
// test/bench/workload_instructions.sh counts alone.
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
//
// Raw does tsock's work and no more: EINTR retried, sends with MSG_NOSIGNAL,
// datagrams received with MSG_TRUNC (a longer one is an error, as tsock
// reports it), a sender's or a peer's name checked as tsock's endpoints check
// it (AF_INET, a whole sockaddr_in) and read as a program reads it to compare
// or print it (ntohl, ntohs), descriptors CLOEXEC.
//
//   bench_workloads <tsock|raw|asio> <datagram|accept> <rounds>
//       exactly that many rounds, one line of output; the setup is the same
//       for 0 rounds, so callgrind and strace can subtract it
//   bench_workloads impls
//       the implementations this binary has (asio only when built with it)

#include <tsock.hpp>

#if defined(TSOCK_BENCH_HAVE_ASIO)
#include <asio.hpp>
#endif

#include <array>
#include <cerrno>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

constexpr std::size_t message_size = 64;
using message = std::array<std::byte, message_size>;

struct bench_error : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The failures, out of line and cold in every implementation alike.
[[noreturn, gnu::cold, gnu::noinline]] void fail(const char* what, const char* why)
{
    throw bench_error(std::string(what) + ": " + why);
}
[[noreturn, gnu::cold, gnu::noinline]] void fail_errno(const char* what)
{
    fail(what, std::strerror(errno));
}
[[noreturn, gnu::cold, gnu::noinline]] void fail_size(const char* what, long long n)
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

// A raw call's result, or stop.
int or_fail(int r, const char* what)
{
    if (r < 0)
        fail_errno(what);
    return r;
}

// The harness's client, the same for every implementation: a CLOEXEC TCP
// socket connected to to (raw calls: not what is measured).
int connect_client(const ::sockaddr_in& to)
{
    const int fd = or_fail(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0), "client socket");
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
template <class Serve>
void accept_rounds(const ::sockaddr_in& listener, std::uint64_t count, Serve serve)
{
    repeat(count, [&] {
        const int client = connect_client(listener);
        serve();
        ::close(client);
    });
}

// ---------------------------------------------------------------- tsock
namespace tsock_impl {

[[gnu::noinline]] void round_trip(tsock::udp_socket& client, tsock::udp_socket& server,
                                  const tsock::ipv4_endpoint& client_ep, const tsock::ipv4_endpoint& server_ep)
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

void run(bool datagram, std::uint64_t count)
{
    const tsock::ipv4_endpoint loopback_any_port{tsock::address_v4::loopback(), 0};
    if (datagram) {
        auto client = tsock::udp_socket::open();
        auto server = tsock::udp_socket::open();
        client.bind(loopback_any_port);
        server.bind(loopback_any_port);
        const auto client_ep = client.local_endpoint();
        const auto server_ep = server.local_endpoint();
        repeat(count, [&] { round_trip(client, server, client_ep, server_ep); });
        return;
    }
    auto listener = tsock::tcp_listener::listen_on(loopback_any_port, 16);
    const auto name = listener.local_endpoint().to_native();
    accept_rounds(name, count, [&] { serve_one(listener); });
}

} // namespace tsock_impl

// ---------------------------------------------------------------- raw
namespace raw_impl {

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

[[gnu::noinline]] void round_trip(int client, int server, const host_endpoint& client_ep,
                                  const ::sockaddr_in& server_addr, const host_endpoint& server_ep)
{
    message out{};
    message buf;
    ::sockaddr_in from;
    expect_message(send_to(client, out, server_addr), "client sendto");
    expect_message(recv_from(server, buf, from), "server recvfrom");
    expect_sender(same(from, client_ep.address, client_ep.port), "server recvfrom");
    expect_message(send_to(server, buf, from), "server sendto");
    expect_message(recv_from(client, buf, from), "client recvfrom");
    expect_sender(same(from, server_ep.address, server_ep.port), "client recvfrom");
}

[[gnu::noinline]] void serve_one(int listener)
{
    ::sockaddr_in peer;
    ::socklen_t len;
    int fd;
    do {
        len = sizeof peer;
        fd = ::accept4(listener, reinterpret_cast<::sockaddr*>(&peer), &len, SOCK_CLOEXEC);
    } while (fd < 0 && errno == EINTR);
    if (fd < 0) [[unlikely]]
        fail_errno("accept4");
    if (!whole_v4(peer, len)) [[unlikely]] {
        ::close(fd);
        fail("accept4", "the peer's name is not a whole sockaddr_in");
    }
    expect_loopback_peer(ntohl(peer.sin_addr.s_addr), ntohs(peer.sin_port));
    ::close(fd);
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
        repeat(count, [&] { round_trip(client.get(), server.get(), client_ep, server_addr, server_ep); });
        return;
    }
    const descriptor listener(bound_socket(SOCK_STREAM, server_addr));
    or_fail(::listen(listener.get(), 16), "listen");
    accept_rounds(server_addr, count, [&] { serve_one(listener.get()); });
}

} // namespace raw_impl

// ---------------------------------------------------------------- Asio
#if defined(TSOCK_BENCH_HAVE_ASIO)
namespace asio_impl {

using asio::ip::tcp;
using asio::ip::udp;

// Asio's error_code forms; an error stops the run.
template <class N>
[[gnu::always_inline]] inline N or_fail(N n, const asio::error_code& ec, const char* what)
{
    if (ec) [[unlikely]]
        fail(what, ec.message().c_str());
    return n;
}

[[gnu::noinline]] void round_trip(udp::socket& client, udp::socket& server, const udp::endpoint& client_ep,
                                  const udp::endpoint& server_ep)
{
    message out{};
    message buf;
    udp::endpoint from;
    asio::error_code ec;
    expect_message(or_fail(client.send_to(asio::buffer(out), server_ep, 0, ec), ec, "client send_to"), "client send_to");
    expect_message(or_fail(server.receive_from(asio::buffer(buf), from, 0, ec), ec, "server receive_from"),
                   "server receive_from");
    expect_sender(from == client_ep, "server receive_from");
    expect_message(or_fail(server.send_to(asio::buffer(buf), from, 0, ec), ec, "server send_to"), "server send_to");
    expect_message(or_fail(client.receive_from(asio::buffer(buf), from, 0, ec), ec, "client receive_from"),
                   "client receive_from");
    expect_sender(from == server_ep, "client receive_from");
}

[[gnu::noinline]] void serve_one(tcp::acceptor& acceptor)
{
    tcp::endpoint peer;
    asio::error_code ec;
    tcp::socket s = acceptor.accept(peer, ec);
    or_fail(0, ec, "accept");
    expect_loopback_peer(peer.address().to_v4().to_uint(), peer.port());
} // s closes here

void run(bool datagram, std::uint64_t count)
{
    asio::io_context io;
    const auto loopback = asio::ip::address_v4::loopback();
    if (datagram) {
        udp::socket client(io, udp::endpoint(loopback, 0));
        udp::socket server(io, udp::endpoint(loopback, 0));
        const auto client_ep = client.local_endpoint();
        const auto server_ep = server.local_endpoint();
        repeat(count, [&] { round_trip(client, server, client_ep, server_ep); });
        return;
    }
    tcp::acceptor acceptor(io, tcp::endpoint(loopback, 0));
    ::sockaddr_in name;
    std::memcpy(&name, acceptor.local_endpoint().data(), sizeof name);
    accept_rounds(name, count, [&] { serve_one(acceptor); });
}

} // namespace asio_impl
#endif

constexpr std::array<std::string_view, 3> impl_names = {"tsock", "raw", "asio"};
#if defined(TSOCK_BENCH_HAVE_ASIO)
constexpr std::size_t built_impls = 3;
#else
constexpr std::size_t built_impls = 2;
#endif

void run(std::string_view impl, bool datagram, std::uint64_t count)
{
    if (impl == "tsock")
        return tsock_impl::run(datagram, count);
    if (impl == "raw")
        return raw_impl::run(datagram, count);
#if defined(TSOCK_BENCH_HAVE_ASIO)
    if (impl == "asio")
        return asio_impl::run(datagram, count);
#endif
    throw std::invalid_argument("unknown implementation '" + std::string(impl) + "'");
}

void usage(std::FILE* out)
{
    std::fputs("usage: bench_workloads <tsock|raw|asio> <datagram|accept> <rounds>\n"
               "       bench_workloads impls\n",
               out);
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view first = argc > 1 ? argv[1] : "";
    try {
        if (argc == 2 && first == "impls") {
            for (std::size_t k = 0; k != built_impls; ++k)
                std::printf("%s%s", k == 0 ? "" : " ", impl_names[k].data());
            std::printf("\n");
            return 0;
        }
        if (argc != 4) {
            usage(argc == 2 && (first == "--help" || first == "-h") ? stdout : stderr);
            return argc == 2 && (first == "--help" || first == "-h") ? 0 : 2;
        }
        const std::string_view workload = argv[2];
        if (workload != "datagram" && workload != "accept")
            throw std::invalid_argument("unknown workload '" + std::string(workload) + "'");
        const std::string_view count_text = argv[3];
        std::uint64_t count = 0;
        const auto [end, ec] = std::from_chars(count_text.data(), count_text.data() + count_text.size(), count);
        if (ec != std::errc() || end != count_text.data() + count_text.size())
            throw std::invalid_argument("not a round count: '" + std::string(count_text) + "'");
        run(first, workload == "datagram", count);
        std::printf("%s %s: %llu rounds\n", argv[1], argv[2], static_cast<unsigned long long>(count));
        return 0;
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "bench_workloads: %s\n", e.what());
        usage(stderr);
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_workloads: %s %s: %s\n", first.data(), argc > 2 ? argv[2] : "", e.what());
        return 1;
    }
}
