// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// What the poller examples (chat_server, chat_client, poll_echo_server, and
// poll_echo.hpp) share: <tsock/poller.hpp>, an endpoint from the command
// line's address and port, and a stop on SIGINT or SIGTERM.

#ifndef TSOCK_EXAMPLE_POLLER_SUPPORT_HPP
#define TSOCK_EXAMPLE_POLLER_SUPPORT_HPP

#include <tsock/inet_endpoint.hpp>
#include <tsock/poller.hpp>

#include <atomic>
#include <csignal>
#include <cstdint>
#include <string_view>

namespace poller_support {

// "127.0.0.1", "::1" ... and a port from 0 to 65535 (std::system_error
// otherwise).
inline tsock::inet_endpoint endpoint_of(std::string_view address, int port)
{
    const auto p = tsock::port_number::checked(port);
    if (const auto v4 = tsock::address_v4::try_parse(address))
        return tsock::ipv4_endpoint{*v4, p};
    return tsock::ipv6_endpoint{tsock::address_v6::parse(address), p};
}

inline std::atomic<bool> stop_requested{false};
inline const void* to_wake = nullptr;
inline void (*wake)(const void*) = nullptr;

extern "C" inline void on_stop_signal(int)
{
    stop_requested = true;
    if (wake)
        wake(to_wake); // a poller's wake(): one write(2), safe in a signal handler
}

// From now on SIGINT and SIGTERM set the flag returned and call w.wake()
// (a poller, or a server that has one).
template <class Wakeable>
const std::atomic<bool>& stop_on_signals(const Wakeable& w)
{
    to_wake = &w;
    wake = [](const void* p) { static_cast<const Wakeable*>(p)->wake(); };
    std::signal(SIGINT, on_stop_signal);
    std::signal(SIGTERM, on_stop_signal);
    return stop_requested;
}

} // namespace poller_support

#endif // TSOCK_EXAMPLE_POLLER_SUPPORT_HPP
