// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_batch's raw implementation and the harness's raw calls (see
// batch.cpp): sendmmsg and sendto as a C program makes them, with the input
// tsock's batch has (each datagram's bytes, size and destination), EINTR
// retried, MSG_NOSIGNAL, descriptors CLOEXEC.

#include "batch.hpp"

#include <array>
#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace bench::batch {

void fail(const char* what)
{
    throw std::runtime_error(std::string(what) + ": " + std::strerror(errno));
}

receiver open_receiver()
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        fail("socket");
    ::sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<const ::sockaddr*>(&a), sizeof a) != 0)
        fail("bind");
    ::socklen_t len = sizeof a;
    if (::getsockname(fd, reinterpret_cast<::sockaddr*>(&a), &len) != 0)
        fail("getsockname");
    return {fd, a.sin_port};
}

void drain(int fd)
{
    static std::array<std::array<char, datagram_size>, 64> buffers;
    ::mmsghdr h[64];
    ::iovec io[64];
    for (std::size_t i = 0; i != 64; ++i) {
        io[i] = {buffers[i].data(), buffers[i].size()};
        h[i].msg_hdr = ::msghdr{nullptr, 0, &io[i], 1, nullptr, 0, 0};
    }
    while (::recvmmsg(fd, h, 64, MSG_DONTWAIT, nullptr) == 64) {
    }
}

namespace raw_impl {

// What the program has to send: each datagram's bytes and destination.
struct datagram_to {
    const void* data;
    std::size_t size;
    ::sockaddr_in to;
};

[[gnu::noinline]] void send_round(int fd, const datagram_to* batch)
{
    ::mmsghdr h[batch_size];
    ::iovec io[batch_size];
    for (std::size_t i = 0; i != batch_size; ++i) {
        io[i].iov_base = const_cast<void*>(batch[i].data);
        io[i].iov_len = batch[i].size;
        ::msghdr& m = h[i].msg_hdr;
        m.msg_name = const_cast<::sockaddr_in*>(&batch[i].to);
        m.msg_namelen = sizeof batch[i].to;
        m.msg_iov = &io[i];
        m.msg_iovlen = 1;
        m.msg_control = nullptr;
        m.msg_controllen = 0;
        m.msg_flags = 0;
    }
    int n;
    do
        n = ::sendmmsg(fd, h, batch_size, MSG_NOSIGNAL);
    while (n < 0 && errno == EINTR);
    if (n != int(batch_size)) [[unlikely]]
        fail("sendmmsg");
}

[[gnu::noinline]] void send_loop_round(int fd, const datagram_to* batch)
{
    for (std::size_t i = 0; i != batch_size; ++i) {
        ::ssize_t n;
        do
            n = ::sendto(fd, batch[i].data, batch[i].size, MSG_NOSIGNAL,
                         reinterpret_cast<const ::sockaddr*>(&batch[i].to), sizeof batch[i].to);
        while (n < 0 && errno == EINTR);
        if (n != ::ssize_t(batch[i].size)) [[unlikely]]
            fail("sendto");
    }
}

void run(bool batch, int port, int receiver_fd, std::uint64_t count)
{
    const int fd = ::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        fail("socket");
    ::sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    to.sin_port = std::uint16_t(port);
    static std::array<std::array<char, datagram_size>, batch_size> payload{};
    std::array<datagram_to, batch_size> entries;
    for (std::size_t i = 0; i != batch_size; ++i)
        entries[i] = {payload[i].data(), payload[i].size(), to};
    for (std::uint64_t r = 0; r != count; ++r) {
        if (batch)
            send_round(fd, entries.data());
        else
            send_loop_round(fd, entries.data());
        if (receiver_fd >= 0)
            drain(receiver_fd);
    }
    ::close(fd);
}

} // namespace raw_impl
} // namespace bench::batch
