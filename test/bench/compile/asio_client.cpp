// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// asio_narrow_client.cpp included as Asio's examples and most users include
// it (<asio.hpp>): the same program, so the difference is what the whole
// library's header costs.

#include <asio.hpp>

#include "asio_narrow_client.cpp"
