// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's threaded server: a thread per client, each greeted, then
// each line echoed until "exit" (a line over 1023 bytes is answered with an
// error line, then closed). Its Python twin: test/peers/threaded_server.py.

#include "cli.hpp"

#include <tsock/create_server.hpp>
#include <tsock/server.hpp>
#include <tsock/stream_reader.hpp>

#include <cstddef>
#include <iostream>
#include <mutex>
#include <string>
#include <string_view>

using namespace std::literals;

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: threaded_server [--host ADDRESS] [--port N] [--max-clients N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    const auto max_clients = args.option("--max-clients", -1);
    return args.run([&] {
        auto listener = tsock::create_server(example::endpoint(host, port));
        std::cout << "listening on " << listener.local_endpoint() << std::endl;
        // tag::handler[]
        std::mutex out; // one client's line at a time on stdout
        const auto serve = [&](auto& conn, const auto& peer) {
            {
                std::lock_guard lock(out);
                std::cout << "connected by " << peer << std::endl;
            }
            conn.send_all("Welcome! Send lines; \"exit\" ends.\n"sv);
            tsock::stream_reader reader(conn);
            std::error_code ec;
            for (auto line = reader.read_line(1024, ec); !ec && !line.empty(); line = reader.read_line(1024, ec)) {
                line.pop_back(); // the '\n'
                if (line == "exit") {
                    conn.send_all("Bye!\n"sv);
                    return;
                }
                conn.send_all("echo: " + line + "\n");
            }
            if (ec == tsock::error::line_too_long)
                conn.send_all("error: line too long (1023 bytes at most)\n"sv);
        };
        // end::handler[]
        // tag::server[]
        tsock::server srv(std::move(listener), serve, tsock::thread_per_connection{});
        if (max_clients < 0)
            srv.serve_forever();
        else
            srv.serve(std::size_t(max_clients)); // returns when those clients are done
        // end::server[]
        return 0;
    });
}
