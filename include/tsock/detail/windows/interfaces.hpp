// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_INTERFACES_HPP
#define TSOCK_DETAIL_WINDOWS_INTERFACES_HPP

// Windows has neither if_nameindex nor getifaddrs; GetAdaptersAddresses
// would stand for both, and tsock does not wrap it yet. The listings are
// declared all the same and fail at run time with
// std::errc::function_not_supported, rather than at compile time: a caller
// already handles their failure (a listing can fail anywhere), so portable
// code needs no #if around them. Templates over the types of
// tsock/interfaces.hpp, as on POSIX.

#include <system_error>
#include <vector>

namespace tsock::detail {

template <class Id>
std::vector<Id> list_interface_names(std::error_code& ec)
{
    ec = std::make_error_code(std::errc::function_not_supported);
    return {};
}

template <class Interface>
std::vector<Interface> list_interfaces(std::error_code& ec)
{
    ec = std::make_error_code(std::errc::function_not_supported);
    return {};
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_INTERFACES_HPP
