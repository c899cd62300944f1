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
    tsock::unix_stream_listener u; tsock::tcp_listener t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    t.set(tsock::options::reuse_port(true));
#else
    u.set(tsock::options::reuse_port(true)); // not on AF_UNIX
#endif
}
