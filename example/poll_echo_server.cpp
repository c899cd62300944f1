// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// An echo server for many connections on one thread: a tsock::poller and
// non-blocking sockets (the loop is poll_echo.hpp, shared with the
// benchmarks). Python's selectors echo server, typed.
//
//   poll_echo_server [--bind ADDRESS] [--port N]   serve until SIGINT/SIGTERM
//   poll_echo_server demo                          server and clients in one
//                                                  process, checked
//   poll_echo_server --help
//
// --port 0 (the default) lets the system pick a port, printed at the start.

#include "poll_echo.hpp"
#include "poller_support.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/create_server.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;

int serve(std::string_view address, int port)
{
    const auto ep = poller_support::endpoint_of(address, port);
    poll_echo::server s(tsock::create_server<tsock::stream, tsock::non_blocking>(ep));
    std::cout << "poll_echo_server: listening on " << s.local_endpoint() << std::endl;
    s.run(poller_support::stop_on_signals(s));
    std::cout << "poll_echo_server: stopped after " << s.accepted() << " connections, " << s.echoed()
              << " bytes echoed" << std::endl;
    return 0;
}

// The demo's clients wait at most this long for any one call.
using client_socket = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>;
const tsock::timeout client_timeout{10s};

// Many connections open at once, each sending rounds of short messages;
// one bulk connection whose sender does not read (the server must stop
// reading it while its echo waits).
bool demo()
{
    poll_echo::server s(tsock::create_server<tsock::stream, tsock::non_blocking>(
        tsock::ipv4_endpoint{tsock::address_v4::loopback(), 0}));
    const tsock::ipv4_endpoint ep{tsock::address_v4::loopback(), s.local_endpoint().port()};
    std::atomic<bool> stop{false};
    std::thread server([&] { s.run(stop); });
    bool ok = true;
    try {
        constexpr std::size_t clients = 100, rounds = 10;
        std::vector<client_socket> c;
        for (std::size_t i = 0; i != clients; ++i)
            c.push_back(client_socket::connect_to(ep, client_timeout));
        for (std::size_t r = 0; r != rounds; ++r) {
            for (std::size_t i = 0; i != clients; ++i)
                c[i].send_all("client " + std::to_string(i) + " round " + std::to_string(r) + '\n');
            for (std::size_t i = 0; i != clients; ++i) {
                const std::string sent = "client " + std::to_string(i) + " round " + std::to_string(r) + '\n';
                std::string got(sent.size(), '\0');
                c[i].recv_exact(got);
                ok = ok && got == sent;
            }
        }
        std::cout << "demo: " << clients << " connections x " << rounds << " rounds: " << (ok ? "echoed" : "WRONG")
                  << std::endl;

        constexpr std::size_t bulk_size = 8 << 20;
        std::string bulk(bulk_size, '\0');
        for (std::size_t i = 0; i != bulk.size(); ++i)
            bulk[i] = char('a' + (i * 7 + i / 4096) % 26);
        auto b = client_socket::connect_to(ep, client_timeout);
        std::thread sender([&] {
            b.send_all(bulk);
            b.shutdown(tsock::shutdown_type::send);
        });
        std::string back, buffer(65536, '\0');
        while (const std::size_t n = b.recv(buffer))
            back.append(buffer, 0, n);
        sender.join();
        const bool bulk_ok = back == bulk;
        std::cout << "demo: " << bulk_size << " bytes on one connection: " << (bulk_ok ? "echoed" : "WRONG")
                  << std::endl;
        ok = ok && bulk_ok;
    } catch (...) {
        stop = true;
        s.wake();
        server.join();
        throw;
    }
    stop = true;
    s.wake();
    server.join();
    std::cout << "demo: the server accepted " << s.accepted() << " connections and echoed " << s.echoed()
              << " bytes" << std::endl;
    ok = ok && s.accepted() == 101;
    std::cout << (ok ? "demo: all checks passed" : "demo: FAILED") << std::endl;
    return ok;
}

int usage(std::ostream& out, int status)
{
    out << "usage: poll_echo_server [--bind ADDRESS] [--port N]\n"
           "       poll_echo_server demo\n"
           "  Echoes every connection on one thread (a tsock::poller), until\n"
           "  SIGINT or SIGTERM. ADDRESS: 127.0.0.1 (the default), ::1, 0.0.0.0 ...;\n"
           "  --port 0 (the default) picks a free port and prints it.\n"
           "  demo: the server and 101 clients in this process, checked.\n";
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        std::string address = "127.0.0.1";
        int port = 0;
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            if (arg == "--help" || arg == "-h")
                return usage(std::cout, 0);
            if (arg == "demo" && argc == 2)
                return demo() ? 0 : 1;
            if (arg == "--port" && i + 1 < argc)
                port = std::stoi(argv[++i]);
            else if (arg == "--bind" && i + 1 < argc)
                address = argv[++i];
            else
                return usage(std::cerr, 2);
        }
        return serve(address, port);
    } catch (const std::exception& e) {
        std::cerr << "poll_echo_server: " << e.what() << '\n';
        return 1;
    }
}
