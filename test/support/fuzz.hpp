// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.

#ifndef TSOCK_TEST_SUPPORT_FUZZ_HPP
#define TSOCK_TEST_SUPPORT_FUZZ_HPP

// What the property tests share: a fixed-seed generator of exactly 32 bits
// (a failure reproduces, no conversion narrows silently) and input made
// printable for assertion messages. Random text edits are libFuzzer's job
// now (test/fuzz).

#include <tsock/detail/throw_error.hpp>

#include <cstdint>
#include <random>
#include <string>
#include <string_view>

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

// Text quoted, with control bytes and non-ASCII escaped (\xNN).
inline std::string show(std::string_view text)
{
    std::string out;
    tsock::detail::append_quoted(out, text);
    return out;
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_FUZZ_HPP
