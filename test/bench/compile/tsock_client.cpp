// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// The minimal TCP client with tsock, through the narrowest header that does
// it: connects to 127.0.0.1:PORT, sends MESSAGE, prints the reply, closes.
// One of the programs compile_cost.sh compares (same program in each file).

#include <tsock/basic_socket.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fputs("usage: tsock_client PORT MESSAGE\n", stderr);
        return 2;
    }
    const auto port = static_cast<std::uint16_t>(std::strtoul(argv[1], nullptr, 10));
    const auto fail = [](const char* what, const std::error_code& ec) {
        std::fprintf(stderr, "tsock_client: %s: %s\n", what, ec.message().c_str());
        return 1;
    };

    std::error_code ec;
    auto s = tsock::tcp_socket::connect_to({tsock::address_v4::loopback(), port}, ec);
    if (ec)
        return fail("connect", ec);
    s.send_all(std::string_view(argv[2]), ec);
    if (ec)
        return fail("send", ec);
    char reply[64];
    const std::size_t n = s.recv(reply, ec);
    if (ec)
        return fail("recv", ec);
    std::fwrite(reply, 1, n, stdout);
    return 0; // the destructor closes the socket
}
