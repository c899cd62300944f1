// expect: a non-blocking result may be empty \(would block\): test it, then compare
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

int main()
{
    tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking> nb; char buf[4];
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    if (auto r = nb.recv(buf); r && *r < 1) return 1;
#else
    if (nb.recv(buf) < 1) return 1; // would block would read as peer closed
#endif
}
