// expect: this address family has no sockets of this socket type
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/resolve.hpp>

#include <vector>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto r = tsock::resolve<tsock::ipv4, tsock::datagram>("127.0.0.1", "0");
    (void)r;
#else
    auto r = tsock::resolve<tsock::ipv4, tsock::seqpacket>("127.0.0.1", "0"); // no SOCK_SEQPACKET over IPv4
    (void)r;
#endif
}
