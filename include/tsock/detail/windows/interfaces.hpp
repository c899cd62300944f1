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
// code needs no #if around them. Included by tsock/interfaces.hpp after the
// types these return.

#include <system_error>
#include <vector>

namespace tsock::detail {

inline std::vector<interface_id> list_interface_names(std::error_code& ec)
{
    ec = std::make_error_code(std::errc::function_not_supported);
    return {};
}

inline std::vector<network_interface> list_interfaces(std::error_code& ec)
{
    ec = std::make_error_code(std::errc::function_not_supported);
    return {};
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_INTERFACES_HPP
