// expect: this option is write-only: set it with set\(option\)
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
    tsock::udp_socket u;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    u.set(tsock::options::ip::join_group(tsock::options::ip::membership{}));
#else
    (void)u.get<tsock::options::ip::join_group>(); // join_group is set-only
#endif
}
