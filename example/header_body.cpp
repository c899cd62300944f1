// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// header_body: length-prefixed messages with scatter/gather, over TCP on
// loopback. The sender passes each message's 4-byte header (the body's
// length, in network byte order) and its body to one send_all: one
// sendmsg, no copy into a joined buffer. The receiver reads a body and the
// header that follows it with one recv_exact into two buffers, so each
// message costs one call, not two. A header of 0 ends the stream.
//
// Usage: header_body [message ...]   (a few of its own when none are given)

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/byte_order.hpp>

#include <array>
#include <cstdint>
#include <cstring>
#include <exception>
#include <iostream>
#include <span>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using header = std::array<unsigned char, 4>;

header header_for(std::size_t size)
{
    const std::uint32_t n = tsock::hton(static_cast<std::uint32_t>(size));
    header h;
    std::memcpy(h.data(), &n, sizeof n);
    return h;
}

std::size_t size_in(const header& h)
{
    std::uint32_t n = 0;
    std::memcpy(&n, h.data(), sizeof n);
    return tsock::ntoh(n);
}

void send_messages(tsock::tcp_socket s, const std::vector<std::string>& messages)
{
    for (const auto& body : messages) {
        const header h = header_for(body.size());
        // Two buffers, one system call (sendmsg), however the kernel splits it.
        s.send_all(std::array{std::span<const unsigned char>(h), std::span<const unsigned char>(
                                                                   reinterpret_cast<const unsigned char*>(body.data()),
                                                                   body.size())});
    }
    const header end = header_for(0);
    s.send_all(std::array{std::span<const unsigned char>(end)});
}

std::vector<std::string> receive_messages(tsock::tcp_socket s)
{
    std::vector<std::string> got;
    header h{};
    s.recv_exact(std::array{std::span<unsigned char>(h)});
    std::string body;
    while (const std::size_t size = size_in(h)) {
        body.resize(size);
        // This body, then the next header, in one recv_exact.
        s.recv_exact(std::array{std::span<unsigned char>(reinterpret_cast<unsigned char*>(body.data()), body.size()),
                                std::span<unsigned char>(h)});
        got.push_back(body);
    }
    return got;
}

} // namespace

int main(int argc, char** argv)
try {
    std::vector<std::string> messages(argv + 1, argv + argc);
    if (messages.empty())
        messages = {"hello", std::string(100000, 'x'), "a body after a long one", "bye"};

    auto l = tsock::tcp_listener::listen_on(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    std::vector<std::string> got;
    std::exception_ptr failed;
    std::thread receiver([&] {
        try {
            got = receive_messages(l.accept().socket);
        } catch (...) {
            failed = std::current_exception();
        }
    });
    send_messages(tsock::tcp_socket::connect_to(l.local_endpoint()), messages);
    receiver.join();
    if (failed)
        std::rethrow_exception(failed);

    for (const auto& m : got)
        std::cout << "received " << m.size() << " bytes: "
                  << (m.size() > 40 ? m.substr(0, 20) + "..." : m) << '\n';
    const bool same = got == messages;
    std::cout << (same ? "header_body: all messages arrived whole\n" : "header_body: messages differ\n");
    return same ? 0 : 1;
} catch (const std::exception& e) {
    std::cerr << "header_body: " << e.what() << '\n';
    return 1;
}
