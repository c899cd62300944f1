// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's TCP echo client: send a message, read the echo until the
// server has sent it all back, print it. Its Python twin: test/peers/tcp_echo_client.py.

#include "cli.hpp"

#include <tsock/create_connection.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

// tag::main[]
int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: tcp_echo_client HOST PORT MESSAGE...\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    const auto message = args.rest("MESSAGE");
    return args.run([&] {
        auto s = tsock::create_connection(host, port);
        s.send_all(message);
        std::string echo, data(1024, '\0');
        while (echo.size() < message.size()) {
            const auto n = s.recv(data);
            if (n == 0)
                throw std::runtime_error("the server closed before echoing everything");
            echo.append(data, 0, n);
        }
        std::cout << "received " << echo << std::endl;
        return 0;
    });
}
// end::main[]
