// expect: recv_exact waits until everything arrived
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
    tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking> nb; tsock::tcp_socket b; char buf[4];
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    b.recv_exact(buf);
#else
    nb.recv_exact(buf); // it would have to wait
#endif
}
