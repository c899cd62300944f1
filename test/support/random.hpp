// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.

#ifndef TSOCK_TEST_SUPPORT_RANDOM_HPP
#define TSOCK_TEST_SUPPORT_RANDOM_HPP

// The tests' random numbers: a fixed-seed generator of exactly 32 bits, so a
// failure reproduces and no conversion narrows silently.

#include <cstdint>
#include <random>

namespace tsock_test {

class rng {
public:
    explicit rng(std::uint32_t seed) : engine_(seed) {}
    std::uint32_t operator()() { return static_cast<std::uint32_t>(engine_()); }

private:
    std::mt19937 engine_;
};

// A number in [0, n).
inline std::uint32_t pick(rng& r, std::uint32_t n) { return r() % n; }

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_RANDOM_HPP
