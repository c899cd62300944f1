// expect: complete_connect finishes a non_blocking socket.{1,2}s connect: a blocking or timeout-mode connect
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <tsock/wait.hpp>

int main()
{
    tsock::tcp_socket b; tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking> nb;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)tsock::complete_connect(nb); (void)b;
#else
    (void)tsock::complete_connect(b); (void)nb; // its connect waited already
#endif
}
