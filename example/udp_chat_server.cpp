// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's half-duplex UDP chat, server side: the first datagram's
// sender is the client; then take turns, a datagram from it, a line from
// stdin, until either says "###". Its Python twin: test/peers/udp_chat_server.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>

#include <iostream>
#include <optional>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: udp_chat_server [--host ADDRESS] [--port N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    return args.run([&] {
        const auto ep = example::endpoint(host, port);
        auto s = tsock::datagram_socket<tsock::inet>::open_for(ep);
        s.bind(ep);
        std::cout << "listening on " << s.local_endpoint() << std::endl;
        std::optional<tsock::inet_endpoint> client;
        for (std::string data(65536, '\0'), reply;;) {
            const auto [n, sender] = s.recv_from(data);
            if (client && sender != *client) {
                std::cerr << "udp_chat_server: ignored a datagram from " << sender << std::endl;
                continue;
            }
            if (!client)
                std::cout << "chatting with " << *(client = sender) << std::endl;
            const auto line = data.substr(0, n);
            std::cout << "client: " << line << std::endl;
            if (line == "###")
                return 0;
            if (!std::getline(std::cin, reply))
                reply = "###"; // end of stdin: say goodbye
            s.send_to(reply, *client);
            if (reply == "###")
                return 0;
        }
    });
}
