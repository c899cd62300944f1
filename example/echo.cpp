// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// The tutorial's echo server and client, typed.
//
//   echo server ENDPOINT [--max-clients N]   echo what each client sends
//   echo client ENDPOINT MESSAGE...          send MESSAGE, print the echo
//   echo demo [ipv4|ipv6|local]              both, end to end on loopback
//
// ENDPOINT: 127.0.0.1:5000, [::1]:5000 (IPv4 or IPv6: the inet family decides
// at run time), @name (abstract local name, Linux) or unix:/path/to/socket.

#include <tsock/basic_listener.hpp>
#include <tsock/inet_endpoint.hpp>

#include <cstdlib>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <variant>

#include <unistd.h>

namespace {

// An inet endpoint or a local one, from the command line.
using any_endpoint = std::variant<tsock::inet_endpoint, tsock::local_endpoint>;

any_endpoint parse_endpoint(std::string_view text)
{
    if (text.starts_with("unix:"))
        return tsock::local_endpoint::path(text.substr(5));
    if (text.starts_with("@"))
        return tsock::local_endpoint::abstract(text.substr(1));
    return tsock::inet_endpoint::parse(text);
}

// Echoes one connection until the client closes its side.
template <class Socket>
void echo_connection(Socket& s)
{
    std::string buffer(4096, '\0');
    for (;;) {
        const auto n = s.recv(buffer);
        if (n == 0)
            return; // orderly shutdown
        s.send_all(std::string_view(buffer).substr(0, n));
    }
}

template <class Listener>
void serve(Listener& l, int max_clients)
{
    for (int served = 0; max_clients < 0 || served != max_clients; ++served) {
        auto [s, peer] = l.accept();
        const auto who = peer.to_string(); // a local client that did not bind has no name
        std::cout << "server: connection from " << (who.empty() ? "an unnamed local socket" : who) << std::endl;
        echo_connection(s);
    }
}

// Sends message, half-closes, and reads the echo until the server closes.
template <class Socket>
std::string talk(Socket& s, std::string_view message)
{
    s.send_all(message);
    s.shutdown(tsock::shutdown_type::send);
    std::string reply, buffer(4096, '\0');
    while (const auto n = s.recv(buffer))
        reply.append(buffer, 0, n);
    return reply;
}

template <class Listener>
Listener listen(const typename Listener::endpoint_type& ep)
{
    auto l = Listener::listen_on(ep);
    std::cout << "server: listening on " << l.local_endpoint() << std::endl;
    return l;
}

int server(const any_endpoint& ep, int max_clients)
{
    if (const auto* inet = std::get_if<tsock::inet_endpoint>(&ep)) {
        auto l = listen<tsock::stream_listener<tsock::inet>>(*inet);
        serve(l, max_clients);
    } else {
        auto l = listen<tsock::unix_stream_listener>(std::get<tsock::local_endpoint>(ep));
        serve(l, max_clients);
    }
    return 0;
}

int client(const any_endpoint& ep, const std::string& message)
{
    std::string reply;
    if (const auto* inet = std::get_if<tsock::inet_endpoint>(&ep)) {
        auto s = tsock::stream_socket<tsock::inet>::connect_to(*inet);
        reply = talk(s, message);
    } else {
        auto s = tsock::unix_stream_socket::connect_to(std::get<tsock::local_endpoint>(ep));
        reply = talk(s, message);
    }
    std::cout << "client: echoed \"" << reply << '"' << std::endl;
    return reply == message ? 0 : 1;
}

// Server in a thread, one client, on loopback: the README's demo.
template <class Listener, class Socket>
int demo(const typename Listener::endpoint_type& ep)
{
    auto l = listen<Listener>(ep);
    std::thread server_thread([&] { serve(l, 1); });
    auto s = Socket::connect_to(l.local_endpoint());
    const std::string message = "hello from tsock";
    const auto reply = talk(s, message);
    server_thread.join();
    std::cout << "client: echoed \"" << reply << '"' << std::endl;
    return reply == message ? 0 : 1;
}

int demo(std::string_view family)
{
    if (family == "ipv4")
        return demo<tsock::tcp_listener, tsock::tcp_socket>({tsock::address_v4::loopback(), 0});
    if (family == "ipv6")
        return demo<tsock::tcp6_listener, tsock::tcp6_socket>({tsock::address_v6::loopback(), 0});
    if (family == "local")
        return demo<tsock::unix_stream_listener, tsock::unix_stream_socket>(
            tsock::local_endpoint::abstract("tsock-echo-demo-" + std::to_string(::getpid())));
    std::cerr << "echo: unknown family " << family << " (ipv4, ipv6 or local)\n";
    return 2;
}

int usage(std::ostream& out, int status)
{
    out << "usage: echo server ENDPOINT [--max-clients N]\n"
           "       echo client ENDPOINT MESSAGE...\n"
           "       echo demo [ipv4|ipv6|local]\n"
           "ENDPOINT: 127.0.0.1:5000, [::1]:5000, @abstract-name or unix:/path\n";
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view command = argc > 1 ? argv[1] : "";
    try {
        if (command == "--help" || command == "-h")
            return usage(std::cout, 0);
        if (command == "demo")
            return demo(argc > 2 ? argv[2] : "ipv4");
        if (command == "server" && (argc == 3 || (argc == 5 && std::string_view(argv[3]) == "--max-clients")))
            return server(parse_endpoint(argv[2]), argc == 5 ? std::atoi(argv[4]) : -1);
        if (command == "client" && argc >= 4) {
            std::string message = argv[3];
            for (int i = 4; i < argc; ++i)
                message.append(" ").append(argv[i]);
            return client(parse_endpoint(argv[2]), message);
        }
        return usage(std::cerr, 2);
    } catch (const std::exception& e) {
        std::cerr << "echo: " << e.what() << '\n';
        return 1;
    }
}
