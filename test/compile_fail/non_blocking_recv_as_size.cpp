// expect: a non-blocking result may be empty \(would block\): test it, then use
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
    tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::non_blocking> nb; char buf[4];
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::if_ready<std::size_t> n = nb.recv(buf); (void)n;
#else
    std::size_t n = nb.recv(buf); (void)n; // would-block is an empty optional
#endif
}
