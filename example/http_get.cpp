// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's HTTP GET: send an HTTP/1.0 request, read the answer to its end,
// print the status and header lines (and with --body a blank line and the body,
// byte for byte). Its Python twin: test/peers/http_get.py.

#include "cli.hpp"

#include <tsock/create_connection.hpp>
#include <tsock/stream_reader.hpp>

#include <chrono>
#include <iostream>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>

int main(int argc, char** argv)
{
    using namespace std::chrono_literals;
    example::cli args(argc, argv, "usage: http_get URL [--body]\n  URL: http://HOST[:PORT][/PATH]\n");
    const bool body = args.flag("--body");
    const auto url = args.positional("URL");
    const std::regex form(R"(http://([-A-Za-z0-9._]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[^#\s]*)?(#.*)?)");
    std::smatch m;
    if (!std::regex_match(url, m, form) || (m[2].matched && std::stoi(m[2].str().substr(1)) > 65535))
        args.refuse("not an http://HOST[:PORT][/PATH] URL: " + url);
    std::string host = m[1];
    if (host.starts_with('['))
        host = host.substr(1, host.size() - 2);
    const std::string port = m[2].matched ? m[2].str().substr(1) : "80";
    const std::string request = "GET " + (m[3].matched ? m[3].str() : "/") + " HTTP/1.0\r\nHost: " + m[1].str() +
                                m[2].str() + "\r\nConnection: close\r\nUser-Agent: tsock-http-get\r\n\r\n";
    return args.run([&] {
        // tag::connect[]
        auto s = tsock::create_connection(host, port, tsock::timeout{10s});
        s.send_all(request);
        // end::connect[]
        // tag::header[]
        tsock::stream_reader reader(s);
        for (bool first = true;; first = false) {
            std::error_code ec;
            auto line = reader.read_line(8192, ec);
            if (ec == tsock::error::line_too_long)
                throw std::runtime_error("a header line is over 8192 bytes");
            if (ec && ec != tsock::error::end_of_stream)
                throw std::system_error(ec, "reading the header");
            if (!line.ends_with('\n'))
                throw std::runtime_error("the response ended before its header did");
            if (first && !line.starts_with("HTTP/"))
                throw std::runtime_error("not an HTTP response");
            line.erase(line.find_last_not_of("\r\n") + 1);
            if (line.empty())
                break;
            std::cout << line << '\n';
        }
        // end::header[]
        if (body)
            std::cout << '\n' << reader.take_buffered();
        std::string data(65536, '\0');
        while (const auto n = s.recv(data))
            if (body)
                std::cout << std::string_view(data).substr(0, n);
        return 0;
    });
}
