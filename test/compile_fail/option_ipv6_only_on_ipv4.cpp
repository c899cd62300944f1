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
    tsock::tcp6_socket six; tsock::tcp_socket four;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    six.set(tsock::options::ipv6::only(true));
#else
    four.set(tsock::options::ipv6::only(true)); // an IPv4 socket
#endif
}
