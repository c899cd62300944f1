// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_NO_LINUX_OPTIONS_HPP
#define TSOCK_DETAIL_NO_LINUX_OPTIONS_HPP

// The names of the Linux-only options of options.hpp, unavailable: for every
// platform but Linux (detail/posix/platform_options.hpp has Linux's).

#include <tsock/detail/option_storage.hpp>

namespace tsock::detail {

inline constexpr platform_option_name so_domain{};
inline constexpr platform_option_name so_protocol{};
inline constexpr platform_option_name so_priority{};
inline constexpr platform_option_name so_mark{};
inline constexpr platform_option_name so_bindtodevice{};
inline constexpr platform_option_name so_peercred{};
inline constexpr platform_option_name so_passcred{};
inline constexpr platform_option_name tcp_user_timeout{};
inline constexpr platform_option_name tcp_cork{};
inline constexpr platform_option_name tcp_quickack{};
inline constexpr platform_option_name tcp_fastopen{};
inline constexpr platform_option_name tcp_fastopen_connect{};
inline constexpr platform_option_name tcp_congestion{};
inline constexpr platform_option_name udp_segment{};
inline constexpr platform_option_name udp_gro{};
inline constexpr platform_option_name so_timestampns{};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_NO_LINUX_OPTIONS_HPP
