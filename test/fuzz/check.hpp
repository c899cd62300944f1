// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_TEST_FUZZ_CHECK_HPP
#define TSOCK_TEST_FUZZ_CHECK_HPP

// What the libFuzzer targets share: FUZZ_CHECK(condition, input) aborts with
// the condition, its line and the input (quoted, control bytes escaped), which
// libFuzzer reports as a crash and saves as crash-<sha1>.

#include <tsock/detail/throw_error.hpp>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <system_error>

namespace tsock_fuzz {

[[noreturn]] inline void fail(const char* condition, int line, std::string_view input)
{
    std::string shown;
    tsock::detail::append_quoted(shown, input);
    std::fprintf(stderr, "tsock fuzz check failed at line %d: %s\n  input %s\n", line, condition, shown.c_str());
    std::abort();
}

// Whether to check the throwing forms on this input: on the first and then
// on every 64th, as a throw costs some hundred runs (libFuzzer finds less in
// the time), and a crash input replayed alone is checked, being the first.
// Call it once per input.
inline bool check_throwing()
{
    static unsigned runs = 0;
    return runs++ % 64 == 0;
}

// A throwing parse of text (parse, a callable) agrees with its error_code
// form, which set ec: it throws ec when ec is set, with a what() that quotes
// text and gives an offset within it ("... at offset N"), and does not throw
// otherwise.
template <class Parse>
bool throws_as_documented(Parse parse, std::string_view text, const std::error_code& ec)
{
    try {
        (void)parse();
        return !ec;
    } catch (const std::system_error& x) {
        const std::string what = x.what();
        std::string quoted;
        tsock::detail::append_quoted(quoted, text);
        const auto at = what.find(quoted + " at offset ");
        if (!ec || x.code() != ec || at == std::string::npos)
            return false;
        const auto offset = std::strtoull(what.c_str() + at + quoted.size() + 11, nullptr, 10);
        return offset <= text.size();
    }
}

} // namespace tsock_fuzz

#define FUZZ_CHECK(condition, input)                                                                                   \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::tsock_fuzz::fail(#condition, __LINE__, (input));                                                         \
    } while (false)

#endif // TSOCK_TEST_FUZZ_CHECK_HPP
