// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's smallest web server: read a request's head (up to its blank
// line, at most 8 KiB, else 431), answer "Hello!" and close. Its Python twin:
// test/peers/hello_http_server.py.

#include "cli.hpp"

#include <tsock/create_server.hpp>
#include <tsock/stream_reader.hpp>

#include <iostream>
#include <string>
#include <string_view>

constexpr std::size_t limit = 8192;
constexpr std::string_view hello =
    "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\nHello!";
constexpr std::string_view too_large =
    "HTTP/1.0 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n";

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: hello_http_server [--host ADDRESS] [--port N] [--max-requests N]\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 8080);
    const auto max_requests = args.option("--max-requests", -1);
    return args.run([&] {
        auto listener = tsock::create_server(example::endpoint(host, port));
        std::cout << "listening on " << listener.local_endpoint() << std::endl;
        for (int served = 0; served != max_requests; ++served) {
            auto [conn, peer] = listener.accept();
            tsock::stream_reader reader(conn);
            std::error_code ec;
            std::string request = reader.read_line(limit, ec), line = request;
            for (auto size = line.size(); !ec && line.ends_with('\n') && line != "\r\n" && line != "\n";
                 size += line.size())
                line = reader.read_line(limit - size, ec);
            if (ec == tsock::error::line_too_long) {
                conn.send_all(too_large);
                std::cout << "answered 431: a head over " << limit << " bytes" << std::endl;
            } else if (ec || !line.ends_with('\n')) {
                std::cout << "closed: the head ended early" << std::endl;
                continue;
            } else {
                conn.send_all(hello);
                request.erase(request.find_last_not_of("\r\n") + 1);
                std::cout << "answered 200: " << request << std::endl;
            }
            conn.shutdown(tsock::shutdown_type::send); // then wait for the client to close
            std::string data(4096, '\0');
            while (conn.recv(data) != 0) {
            }
        }
        return 0;
    });
}
