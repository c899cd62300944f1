// expect: value.does.not.fit.the.parameter.type
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>



int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return tsock::htons(0xffff) == 0xffff ? 0 : 1;
#else
    return tsock::htons(0x10000) == 0 ? 0 : 1; // 17 bits do not fit in htons's 16
#endif
}
