// expect: this control message does not apply to this socket \(descriptors pass over local sockets only, the IP ones
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/message.hpp>

#include <string_view>

int main()
{
    tsock::unix_stream_socket u;
    tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)tsock::send_msg(u, std::string_view("x"), tsock::descriptors{0});
#else
    (void)tsock::send_msg(t, std::string_view("x"), tsock::descriptors{0}); // SCM_RIGHTS is AF_UNIX's
#endif
    (void)t;
    (void)u;
}
