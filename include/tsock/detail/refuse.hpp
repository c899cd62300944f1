// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_REFUSE_HPP
#define TSOCK_DETAIL_REFUSE_HPP

#include <cstddef>

// TSOCK_REFUSED("reason") is the return type of an overload that exists only to refuse a misuse with a reason; TSOCK_DELETED ends its declaration.
namespace tsock::detail {
template <std::size_t N> struct reason_text { char value[N]; consteval reason_text(const char (&s)[N]) noexcept { for (std::size_t i = 0; i != N; ++i) value[i] = s[i]; } };
template <reason_text Reason> struct refused {};
}
#if defined(__clang__)
#define TSOCK_REFUSED(reason) __attribute__((unavailable(reason))) ::tsock::detail::refused<reason>
#define TSOCK_DELETED
#else
#define TSOCK_REFUSED(reason) ::tsock::detail::refused<reason>
#define TSOCK_DELETED = delete
#endif

#endif // TSOCK_DETAIL_REFUSE_HPP
