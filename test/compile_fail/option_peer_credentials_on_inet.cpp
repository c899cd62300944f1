// expect: this option does not apply to this family and socket type
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_listener.hpp>
#include <tsock/options.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    tsock::unix_stream_socket u; tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)u.get<tsock::options::peer_credentials>();
#else
    (void)t.get<tsock::options::peer_credentials>(); // SO_PEERCRED is AF_UNIX's
#endif
}
