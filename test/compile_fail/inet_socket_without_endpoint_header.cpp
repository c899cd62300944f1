// expect: endpoint type is incomplete: include its header
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#ifdef TSOCK_COMPILE_FAIL_CONTROL
#include <tsock/inet_endpoint.hpp>
#endif

int main()
{
    tsock::basic_socket<tsock::inet, tsock::stream> s; // inet_endpoint is only declared here
    (void)s;
}
