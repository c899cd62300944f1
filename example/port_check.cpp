// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's port checker: try a TCP connection to each port of a range,
// each with its own timeout, and say whether it is open, closed (refused) or
// timed out. Its Python twin: test/peers/port_check.py.

#include "cli.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/resolve.hpp>

#include <charconv>
#include <chrono>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>

// A decimal port number from 1 to 65535, or 0.
static int port_of(std::string_view text)
{
    int n = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    return ec == std::errc{} && end == text.data() + text.size() && n >= 1 && n <= 65535 ? n : 0;
}

int main(int argc, char** argv)
{
    example::cli args(argc, argv, "usage: port_check HOST FIRST[-LAST] [--timeout MS]\n");
    const auto timeout = std::chrono::milliseconds(args.option("--timeout", 1000));
    const auto host = args.positional("HOST");
    const auto range = args.positional("FIRST[-LAST]");
    const auto dash = range.find('-');
    const int first = port_of(range.substr(0, dash));
    const int last = dash == std::string::npos ? first : port_of(range.substr(dash + 1));
    if (first == 0 || last == 0)
        args.refuse("bad port range " + range + ": ports are 1 to 65535");
    if (last < first)
        args.refuse("bad port range " + range + ": LAST is below FIRST");
    if (last - first >= 1024)
        args.refuse("bad port range " + range + ": more than 1024 ports");
    if (timeout.count() < 1)
        args.refuse("--timeout: at least 1 ms");
    return args.run([&] {
        // tag::probe[]
        using tcp = tsock::basic_socket<tsock::inet, tsock::stream, tsock::timeout>;
        auto target = tsock::resolve<tsock::inet>(host, tsock::port_number::checked(first)).front();
        for (int port = first; port <= last; ++port) {
            target.port(tsock::port_number::checked(port));
            auto s = tcp::open_for(target, timeout);
            std::error_code ec;
            s.connect(target, ec); // Python's connect_ex
            std::cout << port;
            if (!ec)
                std::cout << " open" << std::endl;
            else if (ec == std::errc::connection_refused)
                std::cout << " closed" << std::endl;
            else if (ec == std::errc::timed_out) // the deadline, or the kernel's ETIMEDOUT
                std::cout << " timed out" << std::endl;
            else
                std::cout << " error: " << ec.message() << std::endl;
        }
        // end::probe[]
        return 0;
    });
}
