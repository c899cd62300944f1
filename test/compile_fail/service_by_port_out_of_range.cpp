// expect: port.out.of.range..?the.port.must.be.0.to.65535
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/services.hpp>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    std::error_code ec;
    return tsock::service_by_port(65535, "tcp", ec).name.empty() ? 0 : 1;
#else
    std::error_code ec;
    return tsock::service_by_port(70000, "tcp", ec).name.empty() ? 0 : 1; // used to look up port 4464
#endif
}
