// expect: the handler takes \(std::span<const std::byte>, const endpoint&, const reply&\)
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/server.hpp>

#include <cstddef>
#include <span>
#include <utility>

void serve(tsock::udp_socket s)
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto handler = [](std::span<const std::byte>, const tsock::ipv4_endpoint&, const auto&) {};
#else
    auto handler = [](std::span<const std::byte>, const tsock::ipv4_endpoint&) {}; // no way to answer
#endif
    tsock::datagram_server srv(std::move(s), handler);
    srv.serve_forever();
}

int main() {}
