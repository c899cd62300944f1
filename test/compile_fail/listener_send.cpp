// expect: a listener only accepts: send and receive on the socket accept
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/basic_listener.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

int main()
{
    tsock::tcp_listener l;
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    (void)l.is_open();
#else
    l.send(std::string_view("x")); // a listener does not send
#endif
}
