// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's TCP echo server: accept a client, send back what it sends
// until it closes, then take the next. Its Python twin: test/peers/tcp_echo_server.py.

#include "cli.hpp"

#include <tsock/create_server.hpp>

#include <iostream>
#include <string>

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: tcp_echo_server [--host ADDRESS] [--port N] [--max-clients N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    const auto max_clients = args.option("--max-clients", -1);
    return args.run([&] {
        // tag::serve[]
        auto listener = tsock::create_server(example::endpoint(host, port));
        std::cout << "listening on " << listener.local_endpoint() << std::endl;
        for (int served = 0; served != max_clients; ++served) {
            auto [conn, peer] = listener.accept();
            std::cout << "connected by " << peer << std::endl;
            std::string data(1024, '\0');
            while (const auto n = conn.recv(data))
                conn.send_all(data.substr(0, n));
        }
        // end::serve[]
        return 0;
    });
}
