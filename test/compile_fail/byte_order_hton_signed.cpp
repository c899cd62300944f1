// expect: hton and ntoh take an unsigned integer
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>



int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return tsock::hton(std::uint32_t{1}) == 0 ? 1 : 0;
#else
    return tsock::hton(1) == 0 ? 1 : 0; // int is signed: which width is meant?
#endif
}
