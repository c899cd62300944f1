// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_NAMES_HPP
#define TSOCK_DETAIL_NAMES_HPP

// The C library's name databases (hosts, services, protocols) and this
// host's name, picked once per platform. Each lookup calls use(entry*) with
// the entry it found (null: none) while that entry is valid, and returns 0
// or an errno value.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/names.hpp>
#else
#include <tsock/detail/posix/names.hpp>
#endif

#endif // TSOCK_DETAIL_NAMES_HPP
