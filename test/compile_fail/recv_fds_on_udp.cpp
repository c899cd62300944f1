// expect: this control message does not apply to this socket \(descriptors pass over local sockets only, the IP ones
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/message.hpp>

#include <string>

int main()
{
    tsock::unix_datagram_socket u;
    tsock::udp_socket d;
    std::string in(16, '\0');
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)tsock::recv_msg<tsock::descriptors<2>>(u, in);
#else
    (void)tsock::recv_msg<tsock::descriptors<2>>(d, in); // SCM_RIGHTS is AF_UNIX's
#endif
    (void)d;
    (void)u;
}
