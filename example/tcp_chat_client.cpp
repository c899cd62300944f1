// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's half-duplex TCP chat, client side: take turns with the
// server, a line from stdin, a line from it, until either says "###".
// Its Python twin: test/peers/tcp_chat_client.py.

#include "cli.hpp"

#include <tsock/create_connection.hpp>
#include <tsock/stream_reader.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: tcp_chat_client HOST PORT\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    return args.run([&] {
        auto s = tsock::create_connection(host, port);
        tsock::stream_reader reader(s);
        for (std::string message;;) {
            if (!std::getline(std::cin, message))
                message = "###"; // end of stdin: say goodbye
            s.send_all(message + '\n');
            if (message == "###")
                return 0;
            auto line = reader.read_line(4097); // 4096 bytes and '\n' at most
            if (line.empty())
                throw std::runtime_error("the server disconnected");
            line.pop_back();
            std::cout << "server: " << line << std::endl;
            if (line == "###")
                return 0;
        }
    });
}
