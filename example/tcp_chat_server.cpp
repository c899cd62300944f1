// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's half-duplex TCP chat, server side: accept one client, then
// take turns, a line from it, a line from stdin, until either says "###".
// Its Python twin: test/peers/tcp_chat_server.py.

#include "cli.hpp"

#include <tsock/create_server.hpp>
#include <tsock/stream_reader.hpp>

#include <iostream>
#include <stdexcept>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: tcp_chat_server [--host ADDRESS] [--port N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    return args.run([&] {
        auto listener = tsock::create_server(example::endpoint(host, port));
        std::cout << "listening on " << listener.local_endpoint() << std::endl;
        auto [conn, peer] = listener.accept();
        std::cout << "connected by " << peer << std::endl;
        tsock::stream_reader reader(conn);
        for (std::string reply;;) {
            auto line = reader.read_line(4097); // 4096 bytes and '\n' at most
            if (line.empty())
                throw std::runtime_error("the client disconnected");
            line.pop_back();
            std::cout << "client: " << line << std::endl;
            if (line == "###")
                return 0;
            if (!std::getline(std::cin, reply))
                reply = "###"; // end of stdin: say goodbye
            conn.send_all(reply + '\n');
            if (reply == "###")
                return 0;
        }
    });
}
