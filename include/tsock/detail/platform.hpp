// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_PLATFORM_HPP
#define TSOCK_DETAIL_PLATFORM_HPP

// The one place that picks the platform's socket headers. Both branches
// provide the same names in tsock::detail.
#include <tsock/config.hpp>

#include <tsock/detail/system.hpp>
#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/platform.hpp>
#else
#include <tsock/detail/posix/platform.hpp>
#endif

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace tsock::detail {

// Clears ec when it holds an error. (Not ec.clear() every time: that calls
// std::system_category(), out of line in libstdc++, on every success.)
inline void clear_error(std::error_code& ec) noexcept
{
    if (ec) [[unlikely]]
        ec.clear();
}

// if_nametoindex (on Windows from iphlpapi: link -liphlpapi) for a name that
// is free of NULs; 0 when there is no such interface, also for a name too
// long for one and, on Linux, one with a ':' (which the kernel reads as
// "eth0:label" and answers for eth0).
inline std::uint32_t interface_index(std::string_view name) noexcept
{
    if (name.size() >= interface_name_size || (BOOST_OS_LINUX && name.find(':') != std::string_view::npos))
        return 0;
    char buffer[interface_name_size] = {};
    for (std::size_t i = 0; i != name.size(); ++i)
        buffer[i] = name[i];
    return ::if_nametoindex(buffer);
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_PLATFORM_HPP
