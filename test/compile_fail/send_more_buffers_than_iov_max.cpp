// expect: more buffers than the system takes in one scatter/gather call \(IOV_MAX\)
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_socket.hpp>

#include <array>
#include <string_view>

int main()
{
    tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    const std::array<std::string_view, 1024> buffers{};
#else
    const std::array<std::string_view, 1025> buffers{}; // one more than Linux's IOV_MAX
#endif
    (void)t.send(buffers);
}
