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

namespace tsock_fuzz {

[[noreturn]] inline void fail(const char* condition, int line, std::string_view input)
{
    std::string shown;
    tsock::detail::append_quoted(shown, input);
    std::fprintf(stderr, "tsock fuzz check failed at line %d: %s\n  input %s\n", line, condition, shown.c_str());
    std::abort();
}

} // namespace tsock_fuzz

#define FUZZ_CHECK(condition, input)                                                                                   \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::tsock_fuzz::fail(#condition, __LINE__, (input));                                                         \
    } while (false)

#endif // TSOCK_TEST_FUZZ_CHECK_HPP
