// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_CHRONO_HPP
#define TSOCK_DETAIL_CHRONO_HPP

// The part of <chrono> tsock uses: durations, time points, steady_clock,
// floor and ceil. In C++20 libstdc++'s <chrono> adds the calendar, time
// zones and formatting (46k lines); <bits/chrono.h> is the part without
// them, which libstdc++'s own <thread> and <mutex> include. Code that needs
// more of <chrono> includes it itself. (<version> defines __GLIBCXX__.)

#include <version>

#if defined(__GLIBCXX__) && __has_include(<bits/chrono.h>)
#include <bits/chrono.h>
#else
#include <chrono>
#endif

#include <climits>

namespace tsock::detail {

// Milliseconds for one wait of the system from now until deadline: -1 (for
// ever) for time_point::max(), otherwise the time left rounded up (a wait
// never ends early), 0 once it has passed, at most INT_MAX (a longer wait is
// cut there and goes on).
inline int ms_between(std::chrono::steady_clock::time_point now,
                      std::chrono::steady_clock::time_point deadline) noexcept
{
    if (deadline == std::chrono::steady_clock::time_point::max())
        return -1;
    const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - now);
    if (left.count() <= 0)
        return 0;
    return left.count() > INT_MAX ? INT_MAX : static_cast<int>(left.count());
}
// The same from the clock's present.
inline int ms_until(std::chrono::steady_clock::time_point deadline) noexcept
{
    if (deadline == std::chrono::steady_clock::time_point::max())
        return -1; // no clock read for a wait without end
    return ms_between(std::chrono::steady_clock::now(), deadline);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_CHRONO_HPP
