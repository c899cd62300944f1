// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_NAMES_HPP
#define TSOCK_DETAIL_WINDOWS_NAMES_HPP

// Winsock has the plain services and protocols functions only. tsock wraps
// neither the host database (gethostbyname_r) nor this host's name there.

#include <tsock/detail/locked_databases.hpp>

namespace tsock::detail {

inline constexpr bool has_reentrant_databases = false;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_NAMES_HPP
