// expect: only stream and seqpacket sockets listen and accept
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
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::basic_listener<tsock::ipv4, tsock::stream> l;
#else
    tsock::basic_listener<tsock::ipv4, tsock::datagram> l; // datagrams are not accepted
#endif
}
