// expect: htons takes exactly std::uint16_t, or an integer constant that fits
// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/byte_order.hpp>

#include <cstdint>

int main()
{
#ifdef TSOCK_COMPILE_FAIL_CONTROL
    return tsock::htons(std::uint16_t{1}) == 0 ? 1 : 0;
#else
    return tsock::htons(true) == 0 ? 1 : 0; // bool is not a number (it used to pass as 1)
#endif
}
