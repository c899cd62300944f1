// expect: cannot receive into a temporary buffer
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>
#include <string>

int main()
{
    tsock::tcp_socket s; std::string named(4, 'x');
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.recv(named);
#else
    (void)s.recv(std::string(4, 'x')); // the data would die with the string
#endif
}
