// expect: create_connection makes IP stream or datagram sockets
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_connection.hpp>

int main()
{
    
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto s = tsock::create_connection<tsock::datagram>("localhost", "80"); (void)s;
#else
    auto s = tsock::create_connection<tsock::seqpacket>("localhost", "80"); (void)s;
#endif
}
