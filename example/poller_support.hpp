// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// What the poller examples (chat_server, chat_client, poll_echo_server, and
// poll_echo.hpp) share: <tsock/poller.hpp>, and an endpoint from the command
// line's address and port.

#ifndef TSOCK_EXAMPLE_POLLER_SUPPORT_HPP
#define TSOCK_EXAMPLE_POLLER_SUPPORT_HPP

#include <tsock/inet_endpoint.hpp>
// Works around poller.hpp's add_status parameter one_shot, which shadows
// tsock::one_shot (-Wshadow, an error in this project's build).
#if defined(__GNUC__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wshadow"
#endif
#include <tsock/poller.hpp>
#if defined(__GNUC__)
#pragma GCC diagnostic pop
#endif

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

} // namespace poller_support

#endif // TSOCK_EXAMPLE_POLLER_SUPPORT_HPP
