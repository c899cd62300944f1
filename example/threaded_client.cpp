// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's threaded server's client: print the greeting, send each
// line of stdin and print the reply, then "exit". Its Python twin: test/peers/threaded_client.py.

#include "cli.hpp"

#include <tsock/create_connection.hpp>
#include <tsock/stream_reader.hpp>

#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>

using namespace std::literals;

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: threaded_client HOST PORT\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    return args.run([&] {
        auto s = tsock::create_connection(host, port);
        tsock::stream_reader reader(s);
        const auto print_reply = [&] {
            const auto reply = reader.read_line(4096);
            if (reply.empty())
                throw std::runtime_error("the server closed the connection");
            std::cout << reply << std::flush;
        };
        print_reply(); // the greeting
        for (std::string line; std::getline(std::cin, line);) {
            s.send_all(line + "\n");
            print_reply();
        }
        s.send_all("exit\n"sv);
        print_reply();
        return 0;
    });
}
