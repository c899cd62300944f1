// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// The minimal TCP client with standalone Asio, through the narrowest headers
// that do it: connects to 127.0.0.1:PORT, sends MESSAGE, prints the reply,
// closes. asio_client.cpp is the same program behind <asio.hpp>.

#include <asio/buffer.hpp>
#include <asio/io_context.hpp>
#include <asio/ip/tcp.hpp>
#include <asio/write.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fputs("usage: asio_client PORT MESSAGE\n", stderr);
        return 2;
    }
    const auto port = static_cast<std::uint16_t>(std::strtoul(argv[1], nullptr, 10));
    const auto fail = [](const char* what, const asio::error_code& ec) {
        std::fprintf(stderr, "asio_client: %s: %s\n", what, ec.message().c_str());
        return 1;
    };

    asio::io_context io;
    asio::ip::tcp::socket s(io);
    asio::error_code ec;
    s.connect(asio::ip::tcp::endpoint(asio::ip::address_v4::loopback(), port), ec);
    if (ec)
        return fail("connect", ec);
    asio::write(s, asio::buffer(std::string_view(argv[2])), ec);
    if (ec)
        return fail("send", ec);
    char reply[64];
    const std::size_t n = s.read_some(asio::buffer(reply), ec);
    if (ec)
        return fail("recv", ec);
    std::fwrite(reply, 1, n, stdout);
    return 0; // the destructor closes the socket
}
