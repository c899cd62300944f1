// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's UDP hello client: send NAME, wait (2 s at most) for the
// greeting, print it. Its Python twin: test/peers/udp_hello_client.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/resolve.hpp>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: udp_hello_client HOST PORT NAME\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    const auto name = args.positional("NAME");
    return args.run([&] {
        using udp = tsock::basic_socket<tsock::inet, tsock::datagram, tsock::timeout>;
        const auto server = tsock::resolve<tsock::inet, tsock::datagram>(host, port).front();
        auto s = udp::open_for(server, tsock::timeout{std::chrono::seconds(2)});
        s.send_to(name, server);
        std::string reply(65536, '\0');
        const auto [n, sender] = s.recv_from(reply);
        std::cout << reply.substr(0, n) << std::endl;
        return 0;
    });
}
