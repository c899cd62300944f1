// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_workloads' Asio implementation (see workloads.cpp), built only with
// standalone Asio.

#include "workloads.hpp"

#include <asio.hpp>

#include <cstdint>
#include <cstring>
#include <type_traits>

namespace bench::asio_impl {

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
    expect_message(or_fail(client.send_to(asio::buffer(out), server_ep, 0, ec), ec, "client send_to"),
                   "client send_to");
    expect_message(or_fail(server.receive_from(asio::buffer(buf), from, 0, ec), ec, "server receive_from"),
                   "server receive_from");
    expect_sender(from == client_ep, "server receive_from");
    expect_message(or_fail(server.send_to(asio::buffer(buf), from, 0, ec), ec, "server send_to"), "server send_to");
    expect_message(or_fail(client.receive_from(asio::buffer(buf), from, 0, ec), ec, "client receive_from"),
                   "client receive_from");
    expect_sender(from == server_ep, "client receive_from");
}

// V6: the peer is checked to be ::1 (else 127.0.0.1).
template <bool V6>
[[gnu::noinline]] void serve_one(tcp::acceptor& acceptor)
{
    tcp::endpoint peer;
    asio::error_code ec;
    tcp::socket s = acceptor.accept(peer, ec);
    or_fail(0, ec, "accept");
    if constexpr (V6)
        expect_loopback_peer6(peer.address().to_v6().is_loopback(), peer.port());
    else
        expect_loopback_peer(peer.address().to_v4().to_uint(), peer.port());
} // s closes here

template <bool V6>
void run_on(const asio::ip::address& loopback, bool datagram, std::uint64_t count)
{
    asio::io_context io;
    if (datagram) {
        udp::socket client(io, udp::endpoint(loopback, 0));
        udp::socket server(io, udp::endpoint(loopback, 0));
        const auto client_ep = client.local_endpoint();
        const auto server_ep = server.local_endpoint();
        repeat(count, [&] { round_trip(client, server, client_ep, server_ep); });
        return;
    }
    tcp::acceptor acceptor(io, tcp::endpoint(loopback, 0));
    std::conditional_t<V6, ::sockaddr_in6, ::sockaddr_in> name;
    std::memcpy(&name, acceptor.local_endpoint().data(), sizeof name);
    accept_rounds(name, count, [&] { serve_one<V6>(acceptor); });
}

void run(workload w, std::uint64_t count)
{
    if (w == workload::datagram || w == workload::accept)
        return run_on<false>(asio::ip::address_v4::loopback(), w == workload::datagram, count);
    run_on<true>(asio::ip::address_v6::loopback(), w == workload::datagram6, count);
}

} // namespace bench::asio_impl
