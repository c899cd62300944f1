// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's half-duplex UDP chat, client side: take turns with the
// server, a line from stdin, a datagram from it (10 s at most), until either
// says "###". Its Python twin: test/peers/udp_chat_client.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/resolve.hpp>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: udp_chat_client HOST PORT\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    return args.run([&] {
        using udp = tsock::basic_socket<tsock::inet, tsock::datagram, tsock::timeout>;
        const auto server = tsock::resolve<tsock::inet, tsock::datagram>(host, port).front();
        auto s = udp::open_for(server, tsock::timeout{std::chrono::seconds(10)});
        for (std::string message, data(65536, '\0');;) {
            if (!std::getline(std::cin, message))
                message = "###"; // end of stdin: say goodbye
            s.send_to(message, server);
            if (message == "###")
                return 0;
            const auto [n, sender] = s.recv_from(data);
            const auto line = data.substr(0, n);
            std::cout << "server: " << line << std::endl;
            if (line == "###")
                return 0;
        }
    });
}
