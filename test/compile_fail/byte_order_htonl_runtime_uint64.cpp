// expect: the.argument.must.be.exactly.std(_|::)uint32_t.or.a.constant.that.fits
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>

#include <cstdint>

int main(int argc, char**)
{
    const std::uint64_t address = 0x7f000001u + std::uint64_t(argc);
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return tsock::htonl(static_cast<std::uint32_t>(address)) == 0 ? 1 : 0;
#else
    return tsock::htonl(address) == 0 ? 1 : 0; // 64 bits would be cut to 32 silently
#endif
}
