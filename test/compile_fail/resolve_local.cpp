// expect: resolve looks up IP hosts: a non-IP family has no resolver
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/resolve.hpp>

#include <vector>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    auto r = tsock::resolve<tsock::ipv4>("127.0.0.1", "0");
    (void)r;
#else
    auto r = tsock::resolve<tsock::local>("/tmp/x", "0"); // AF_UNIX paths are not looked up
    (void)r;
#endif
}
