// expect: an inet socket is IPv4 or IPv6 as its endpoint says: use open_for
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/inet_endpoint.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    using inet_socket = tsock::basic_socket<tsock::inet, tsock::stream>;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto s = inet_socket::open_for(tsock::inet_endpoint(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0))); (void)s;
#else
    auto s = inet_socket::open(); (void)s; // v4 or v6? the endpoint decides
#endif
}
