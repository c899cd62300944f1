// expect: (template constraint failure for .*requires +poll_token<Token>|does not satisfy 'poll_token')
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/poller.hpp>

#include <cstdint>

struct big_token { std::uint64_t a, b; };

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::poller<std::uint64_t> p; (void)p;
#else
    tsock::poller<big_token> p; (void)p; // 16 bytes
#endif
}
