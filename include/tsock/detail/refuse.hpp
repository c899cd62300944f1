// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_REFUSE_HPP
#define TSOCK_DETAIL_REFUSE_HPP

// TSOCK_REFUSED("reason") is the return type of an overload that exists only
// to refuse a misuse with a reason; TSOCK_DELETED ends its declaration.
//
// Such an overload is constrained to be chosen only when the real one is not
// viable. It is deleted (g++) or unavailable (clang), so a requires-expression
// that calls it is false, and concepts see the capability as absent; and the
// first error line of a call names the reason: g++ prints the deleted
// function's signature, whose return type carries the text, clang prints the
// unavailable attribute's message.

#include <cstddef>

namespace tsock::detail {

template <std::size_t N>
struct reason_text {
    char value[N];
    consteval reason_text(const char (&s)[N]) noexcept // NOLINT(google-explicit-constructor)
    {
        for (std::size_t i = 0; i != N; ++i)
            value[i] = s[i];
    }
};

template <reason_text Reason>
struct refused {};

} // namespace tsock::detail

// Constructors have no return type: TSOCK_REFUSED_CONSTRUCTOR("reason")
// goes before the name, and TSOCK_REASON_PARAMETER("reason") is a last,
// defaulted parameter that carries the text into g++'s signature.
#if defined(__clang__)
#define TSOCK_REFUSED(reason) __attribute__((unavailable(reason))) tsock::detail::refused<reason>
#define TSOCK_REFUSED_CONSTRUCTOR(reason) __attribute__((unavailable(reason)))
#define TSOCK_DELETED
#else
#define TSOCK_REFUSED(reason) tsock::detail::refused<reason>
#define TSOCK_REFUSED_CONSTRUCTOR(reason)
#define TSOCK_DELETED = delete
#endif
#define TSOCK_REASON_PARAMETER(reason) tsock::detail::refused<reason> = {}

#endif // TSOCK_DETAIL_REFUSE_HPP
