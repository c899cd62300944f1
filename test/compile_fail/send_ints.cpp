// expect: not a buffer: pass contiguous bytes
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
    tsock::tcp_socket s; std::vector<int> ints{1, 2}; std::vector<unsigned char> bytes{1, 2};
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.send(bytes);
#else
    (void)s.send(ints); // ints are not bytes: which byte order?
#endif
}
