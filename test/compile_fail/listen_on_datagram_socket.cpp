// expect: only a listener listens and accepts
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
    tsock::udp_socket s;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)s.is_open();
#else
    s.listen(); // only listeners listen
#endif
}
