// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.

#ifndef TSOCK_TEST_SUPPORT_FUZZ_HPP
#define TSOCK_TEST_SUPPORT_FUZZ_HPP

// What the differential tests share: a fixed-seed generator of exactly 32
// bits (a failure reproduces, no conversion narrows silently), random edits
// of a string, and input made printable for assertion messages.

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

// Applies edits random edits to s, each replacing, inserting or erasing one
// character; new characters come from alphabet.
inline void mutate(rng& r, std::string& s, std::uint32_t edits, std::string_view alphabet)
{
    for (std::uint32_t e = 0; e != edits; ++e) {
        const auto pos = s.empty() ? 0 : pick(r, std::uint32_t(s.size()));
        const char ch = alphabet[pick(r, std::uint32_t(alphabet.size()))];
        switch (pick(r, 3)) {
        case 0:
            if (!s.empty())
                s[pos] = ch;
            break;
        case 1: s.insert(s.begin() + pos, ch); break;
        default:
            if (!s.empty())
                s.erase(pos, 1);
            break;
        }
    }
}

// Text quoted, with control bytes and non-ASCII escaped (\xNN).
inline std::string show(std::string_view text)
{
    std::string out;
    tsock::detail::append_quoted(out, text);
    return out;
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_FUZZ_HPP
