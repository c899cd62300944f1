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

#endif // TSOCK_DETAIL_CHRONO_HPP
