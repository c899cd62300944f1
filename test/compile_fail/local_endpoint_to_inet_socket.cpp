// expect: this endpoint is of another address family than the socket
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
    tsock::basic_socket<tsock::inet, tsock::stream> s; const tsock::local_endpoint lep; const tsock::inet_endpoint iep(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 9));
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    s.bind(iep);
#else
    s.bind(lep); // an AF_UNIX endpoint for an IP socket
#endif
}
