// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// tsock_client.cpp through the umbrella header <tsock.hpp>: the same program,
// so the difference is what including all of tsock costs.

#include <tsock.hpp>

#include "tsock_client.cpp"
