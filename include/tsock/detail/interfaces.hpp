// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_INTERFACES_HPP
#define TSOCK_DETAIL_INTERFACES_HPP

// The interface listings of tsock/interfaces.hpp, picked once per platform:
// detail::list_interface_names<Id>(ec) and detail::list_interfaces<Interface>(ec),
// templates over the types of tsock/interfaces.hpp that they fill.

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/interfaces.hpp>
#else
#include <tsock/detail/posix/interfaces.hpp>
#endif

#endif // TSOCK_DETAIL_INTERFACES_HPP
