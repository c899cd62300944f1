// expect: the.argument.must.be.exactly.std(_|::)uint16_t.or.a.constant.that.fits
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>



int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    int port = 80; return tsock::htons(static_cast<std::uint16_t>(port)) == 0 ? 1 : 0;
#else
    int port = 80; return tsock::htons(port) == 0 ? 1 : 0; // a run-time int would be truncated silently
#endif
}
