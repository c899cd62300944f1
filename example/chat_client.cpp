// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// A chat client on one thread: one poller watches the terminal and the
// server, so typing and receiving never wait for each other (no second
// thread, no select on two blocking calls).
//
//   chat_client [--name NAME] HOST PORT    chat with a chat_server
//   chat_client --help
//
// Lines typed go to the server; lines received are printed. A line "###"
// leaves (the server says bye and closes); so does the end of the input
// (Ctrl-D, or the end of a pipe or file), after what was typed has gone.
// The program ends when the server closes the connection.

#include "poller_support.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/create_connection.hpp>

#include <cerrno>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

#include <unistd.h>

namespace {

enum class source : std::uint8_t { terminal = 1, server = 2 }; // the poller's tokens

// Stop reading the terminal while this much waits to be sent.
constexpr std::size_t max_unsent = 64 * 1024;

int chat(std::string_view host, std::string_view port, std::string_view name)
{
    auto server = tsock::create_connection(host, port, tsock::non_blocking{});
    std::cerr << "chat_client: connected to " << server.remote_endpoint() << std::endl;

    // poll(2), not epoll: epoll refuses regular files, and the input may be
    // one (chat_client HOST PORT < script.txt).
    tsock::basic_poller<source, tsock::poll_backend> poller;
    const tsock::unchecked_handle terminal{STDIN_FILENO}; // blocking, but read only when ready
    poller.add(server, tsock::interest::readable, source::server);
    poller.add(terminal, tsock::interest::readable, source::terminal);

    std::string typed;  // the start of a line from the terminal
    std::string unsent; // whole lines (and, at the end, the rest) for the server
    if (!name.empty())
        unsent = "/name " + std::string(name) + '\n';
    bool reading = true;     // the terminal is still read
    bool half_closed = false; // shutdown(send) done: the server knows we are done
    char buffer[4096];
    for (;;) {
        for (const auto e : poller.wait()) {
            if (e.token() == source::server && (e.readable() || e.error() || e.hang_up())) {
                std::error_code ec;
                const auto n = server.recv(buffer, ec);
                if (ec) {
                    std::cerr << "chat_client: connection lost: " << ec.message() << '\n';
                    return 1;
                }
                if (n && *n == 0) {
                    std::cerr << "chat_client: the server closed the connection\n";
                    return 0;
                }
                if (n)
                    std::cout.write(buffer, static_cast<std::streamsize>(*n)).flush();
            } else if (e.token() == source::terminal) {
                const ::ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n < 0 && (errno == EINTR || errno == EAGAIN))
                    continue;
                if (n <= 0) { // the end of the input (or an error reading it)
                    unsent += std::exchange(typed, {});
                    reading = false;
                    continue;
                }
                typed.append(buffer, static_cast<std::size_t>(n));
                for (std::size_t eol; reading && (eol = typed.find('\n')) != typed.npos;) {
                    const std::string line = typed.substr(0, eol + 1);
                    typed.erase(0, eol + 1);
                    unsent += line;
                    if (line == "###\n" || line == "###\r\n")
                        reading = false; // the rest is not sent
                }
            }
        }
        // Send what can go now; the rest when the socket is writable.
        while (!unsent.empty()) {
            std::error_code ec;
            const auto n = server.send(unsent, ec);
            if (ec) {
                std::cerr << "chat_client: connection lost: " << ec.message() << '\n';
                return 1;
            }
            if (!n)
                break;
            unsent.erase(0, *n);
        }
        if (!reading && unsent.empty() && !half_closed) {
            server.shutdown(tsock::shutdown_type::send); // then wait for the server to close
            half_closed = true;
        }
        // The terminal is read only while there is room; watch(none)
        // unregisters it, so its hang-up is not reported while it waits.
        poller.watch(terminal, reading && unsent.size() < max_unsent ? tsock::interest::readable : tsock::interest::none,
                     source::terminal);
        poller.modify(server, unsent.empty() ? tsock::interest::readable : tsock::interest::both);
    }
}

int usage(std::ostream& out, int status)
{
    out << "usage: chat_client [--name NAME] HOST PORT\n"
           "  Chats with a chat_server: lines typed go to it, lines it relays are\n"
           "  printed. --name NAME: be called NAME. A line ### leaves; so does the\n"
           "  end of the input (Ctrl-D), once what was typed has been sent.\n";
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        std::string_view name;
        int first = 1;
        if (argc > 1 && (std::string_view(argv[1]) == "--help" || std::string_view(argv[1]) == "-h"))
            return usage(std::cout, 0);
        if (argc > 2 && std::string_view(argv[1]) == "--name") {
            name = argv[2];
            first = 3;
        }
        if (argc - first != 2)
            return usage(std::cerr, 2);
        return chat(argv[first], argv[first + 1], name);
    } catch (const std::exception& e) {
        std::cerr << "chat_client: " << e.what() << '\n';
        return 1;
    }
}
