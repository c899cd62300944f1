// expect: cannot receive into a const buffer or a std::string_view
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    tsock::tcp_socket s; std::string text(4, ' ');
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.recv(text);
#else
    (void)s.recv(std::string_view(text)); // read-only bytes
#endif
}
