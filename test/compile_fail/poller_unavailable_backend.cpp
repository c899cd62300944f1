// expect: this poll backend does not exist on this platform
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/poller.hpp>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    tsock::basic_poller<int, tsock::default_poll_backend> p; (void)p;
#else
    tsock::basic_poller<int, tsock::wsapoll_backend> p; (void)p; // Windows only
#endif
}
