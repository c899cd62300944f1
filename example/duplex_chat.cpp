// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's full-duplex chat for two, on one thread: one poller watches
// stdin and the peer, so lines go both ways at once and neither side waits
// for the other. Its Python twin: test/peers/duplex_chat.py.

#include "cli.hpp"

#include <tsock/create_connection.hpp>
#include <tsock/create_server.hpp>
#include <tsock/poller.hpp>

#include <cerrno>
#include <cstdint>
#include <iostream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

#include <unistd.h>

namespace {

constexpr std::size_t max_line = 64 * 1024; // bytes, either way; also what may wait to be sent

enum class source : std::uint8_t { keyboard, peer }; // the poller's tokens

// Gives each whole line of text (with its '\n') to f and keeps the rest.
template <class F>
void take_lines(std::string& text, const char* from, F f)
{
    const auto check = [from](std::size_t length) {
        if (length > max_line)
            throw std::length_error("a line longer than 65536 bytes from " + std::string(from));
    };
    std::size_t start = 0;
    for (std::size_t eol; (eol = text.find('\n', start)) != text.npos; start = eol + 1) {
        check(eol - start);
        f(std::string_view(text).substr(start, eol + 1 - start));
    }
    text.erase(0, start);
    check(text.size());
}

int chat(tsock::stream_socket<tsock::inet> connected) // what accept and create_connection give
{
    // tag::setup[]
    auto peer = std::move(connected).with_mode<tsock::non_blocking>();
    tsock::basic_poller<source, tsock::poll_backend> poller; // poll(2): epoll refuses a file as stdin
    const tsock::unchecked_handle keyboard{STDIN_FILENO};    // blocking, but read only when ready
    // end::setup[]
    // tag::loop[]
    std::string typed, unsent, received; // a line being typed, lines for the peer, a line arriving
    bool typing = true, peer_left = false, said_bye = false;
    char buffer[4096];
    while (typing || !unsent.empty() || !peer_left) {
        using enum tsock::interest;
        // watch(.., none) unregisters: a source paused stays quiet even when its end hangs up.
        poller.watch(keyboard, typing && unsent.size() < max_line ? readable : none, source::keyboard);
        poller.watch(peer, (peer_left ? none : readable) | (unsent.empty() ? none : writable), source::peer);
        for (const auto e : poller.wait()) {
            if (e.token() == source::keyboard) {
                const ::ssize_t n = ::read(STDIN_FILENO, buffer, sizeof buffer);
                if (n < 0)
                    throw std::system_error(errno, std::generic_category(), "stdin");
                typing = n > 0;
                typed.append(buffer, static_cast<std::size_t>(n));
                if (!typing && !typed.empty())
                    typed += '\n'; // the last line, unfinished
                take_lines(typed, "stdin", [&](std::string_view line) { unsent += line; });
            } else if (!peer_left) { // readable, or an error that recv reports
                const auto n = peer.recv(buffer);
                if (!n)
                    continue;
                peer_left = *n == 0;
                received.append(buffer, *n);
                if (peer_left && !received.empty())
                    received += '\n'; // the last line, unfinished
                take_lines(received, "the peer", [](std::string_view line) { std::cout << "peer: " << line; });
                std::cout << (peer_left ? "peer left\n" : "") << std::flush;
            }
        }
        while (!unsent.empty()) { // what can go now; the rest when the peer is writable
            const auto n = peer.send(unsent);
            if (!n)
                break;
            unsent.erase(0, *n);
        }
        if (!typing && unsent.empty() && !said_bye) {
            peer.shutdown(tsock::shutdown_type::send); // the peer reads the end
            said_bye = true;
        }
    }
    // end::loop[]
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    example::cli args(argc, argv,
                      "usage: duplex_chat listen [--host ADDRESS] [--port N]\n"
                      "       duplex_chat connect HOST PORT\n");
    const auto host = args.option("--host", "127.0.0.1");
    const auto port = args.option("--port", 5000);
    const auto mode = args.positional("listen or connect");
    std::string peer_host, peer_port;
    if (mode == "connect") {
        peer_host = args.positional("HOST");
        peer_port = args.positional("PORT");
    } else if (mode != "listen") {
        args.refuse("listen or connect, not " + mode);
    }
    return args.run([&] {
        if (mode == "listen") {
            auto listener = tsock::create_server(example::endpoint(host, port));
            std::cout << "listening on " << listener.local_endpoint() << std::endl;
            auto [conn, who] = listener.accept();
            std::cout << "connected by " << who << std::endl;
            return chat(std::move(conn));
        }
        auto s = tsock::create_connection(peer_host, peer_port);
        std::cout << "connected to " << s.remote_endpoint() << std::endl;
        return chat(std::move(s));
    });
}
