// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_PLATFORM_HPP
#define TSOCK_DETAIL_POSIX_PLATFORM_HPP

#include <tsock/detail/posix/system.hpp>

#include <cstddef>
#include <cstdint>
#include <system_error>

namespace tsock::detail {

// The category of the socket calls' errors (errno values), and the
// std::error_code of one (from errno or SO_ERROR).
inline const std::error_category& socket_category() noexcept { return std::system_category(); }
inline std::error_code socket_error(int value) noexcept { return {value, std::system_category()}; }

// Nothing to start before the first socket or resolve (see Windows): 0.
inline int start_sockets() noexcept { return 0; }

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_PLATFORM_HPP
