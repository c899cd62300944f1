// expect: recv takes recv_flags: send_flags are for send
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

int main()
{
    tsock::tcp_socket s; char buf[4];
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.recv(buf, tsock::recv_flags::peek);
#else
    (void)s.recv(buf, tsock::send_flags::out_of_band);
#endif
}
