// expect: this control message does not apply to this socket \(descriptors pass over local sockets only, the IP ones
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/message.hpp>

#include <string>

int main()
{
    tsock::udp_socket v4;
    tsock::udp6_socket v6;
    std::string in(16, '\0');
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)tsock::recv_msg<tsock::received_hop_limit>(v6, in);
#else
    (void)tsock::recv_msg<tsock::received_ttl>(v6, in); // an IPv4 header's field: IPv6 has received_hop_limit
#endif
    (void)v4;
    (void)v6;
}
