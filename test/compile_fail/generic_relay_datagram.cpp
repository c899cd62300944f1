// expect: any_stream_socket
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/concepts.hpp>

// A generic function a library writes against tsock's concepts.
void relay(tsock::any_stream_socket auto& s) { (void)s.is_open(); }

int main()
{
    tsock::udp_socket u; tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    relay(t);
#else
    relay(u); // a datagram socket is no byte stream
#endif
}
