// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// The minimal TCP client with tsock's throwing forms (tsock_client.cpp uses
// the std::error_code ones): the same program, the error printed from the
// exception. One of the programs compile_cost.sh compares.

#include <tsock/basic_socket.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>
#include <system_error>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fputs("usage: tsock_throwing_client PORT MESSAGE\n", stderr);
        return 2;
    }
    const auto port = static_cast<std::uint16_t>(std::strtoul(argv[1], nullptr, 10));
    try {
        auto s = tsock::tcp_socket::connect_to({tsock::address_v4::loopback(), port});
        s.send_all(std::string_view(argv[2]));
        char reply[64];
        const std::size_t n = s.recv(reply);
        std::fwrite(reply, 1, n, stdout);
    } catch (const std::system_error& e) {
        std::fprintf(stderr, "tsock_throwing_client: %s\n", e.what());
        return 1;
    }
    return 0; // the destructor closes the socket
}
