// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's UDP echo client: send a datagram, wait (2 s at most) for
// the echo, print it. Its Python twin: test/peers/udp_echo_client.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/resolve.hpp>

#include <chrono>
#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: udp_echo_client HOST PORT MESSAGE...\n");
    const auto host = args.positional("HOST");
    const auto port = args.positional("PORT");
    const auto message = args.rest("MESSAGE");
    return args.run([&] {
        // tag::exchange[]
        using udp = tsock::basic_socket<tsock::inet, tsock::datagram, tsock::timeout>;
        const auto server = tsock::resolve<tsock::inet, tsock::datagram>(host, port).front();
        auto s = udp::open_for(server, tsock::timeout{std::chrono::seconds(2)});
        s.send_to(message, server);
        std::string data(65536, '\0');
        const auto [n, sender] = s.recv_from(data);
        std::cout << "received " << data.substr(0, n) << std::endl;
        // end::exchange[]
        return 0;
    });
}
