// expect: connect_to waits for the connection: a non_blocking socket uses open_for
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    using nb_socket = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>; const tsock::ipv4_endpoint ep(tsock::address_v4::loopback(), 9);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto s = nb_socket::open(); (void)s.connect(ep);
#else
    auto s = nb_socket::connect_to(ep); (void)s; // connect_to waits for the connection
#endif
}
