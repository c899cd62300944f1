// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's UDP echo server: send each datagram back to its sender.
// Its Python twin: test/peers/udp_echo_server.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: udp_echo_server [--host ADDRESS] [--port N] [--max-datagrams N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    const auto max_datagrams = args.option("--max-datagrams", -1);
    return args.run([&] {
        // tag::serve[]
        const auto ep = example::endpoint(host, port);
        auto s = tsock::datagram_socket<tsock::inet>::open_for(ep);
        s.bind(ep);
        std::cout << "listening on " << s.local_endpoint() << std::endl;
        std::string data(65536, '\0');
        for (int echoed = 0; echoed != max_datagrams; ++echoed) {
            const auto [n, sender] = s.recv_from(data);
            s.send_to(data.substr(0, n), sender);
        }
        // end::serve[]
        return 0;
    });
}
