// expect: this option is read-only: read it with get<Option>
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
    tsock::tcp_socket t;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)t.get<tsock::options::error>();
#else
    t.set(tsock::options::error()); // SO_ERROR is read-only
#endif
}
