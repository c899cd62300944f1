// expect: only a listener listens and accepts
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

int main()
{
    tsock::tcp_socket s;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.is_open();
#else
    s.listen(); // listening is tcp_listener's
#endif
}
