// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_RESOLVER_ERROR_HPP
#define TSOCK_RESOLVER_ERROR_HPP

// The resolver's errors: getaddrinfo and getnameinfo report EAI_* codes, not
// errno values, so they get a category of their own, "resolver", whose
// messages are gai_strerror's. EAI_SYSTEM is never stored: it means "see
// errno", so the errno value (std::system_category) is the error instead.

#include <tsock/config.hpp>
#include <tsock/detail/platform.hpp>

#include <cerrno>
#include <string>
#include <system_error>

namespace tsock {

namespace detail {

// A resolver_error value: the system's EAI code, or where it lacks the code
// (0), tsock's own. tsock's are negative and far below glibc's codes, the
// only negative ones (BSD's and Winsock's are positive), so no getaddrinfo
// returns them.
inline constexpr int own_eai_overflow = -30001;
inline constexpr int own_eai_no_data = -30002;
inline constexpr int own_eai_address_family = -30003;
constexpr int eai_or_own(int system, int own) noexcept { return system != 0 ? system : own; }

} // namespace detail

// The EAI_* codes by name. Their values are the platform's own, so a code
// from the C library converts without a table. overflow, no_data and
// no_address_in_family exist everywhere; where the system lacks the code,
// their value is tsock's own and the resolver never reports them.
enum class resolver_error : int {
    host_not_found = EAI_NONAME,       // no such host (or service), or not known
    try_again = EAI_AGAIN,             // temporary failure: the name server did not answer
    no_recovery = EAI_FAIL,            // permanent failure of the name server
    family_not_supported = EAI_FAMILY, // the address family is not supported
    socket_type_not_supported = EAI_SOCKTYPE,
    service_not_found = EAI_SERVICE,   // no such service for this socket type
    bad_flags = EAI_BADFLAGS,          // an invalid combination of flags
    out_of_memory = EAI_MEMORY,
    // A buffer of getnameinfo was too small (EAI_OVERFLOW).
    overflow = detail::eai_or_own(detail::eai_overflow, detail::own_eai_overflow),
    // The host exists but has no address (EAI_NODATA: glibc, Winsock).
    no_data = detail::eai_or_own(detail::eai_nodata, detail::own_eai_no_data),
    // The host has no address of the family asked for (EAI_ADDRFAMILY).
    no_address_in_family = detail::eai_or_own(detail::eai_addrfamily, detail::own_eai_address_family),
};

namespace detail {

class resolver_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "resolver"; }
    std::string message(int value) const override
    {
        // The codes a system may lack have texts of tsock's own (glibc's),
        // for the system's value and tsock's: gai_strerror does not know
        // tsock's, nor does glibc's know EAI_OVERFLOW ("Unknown error").
        if (value == static_cast<int>(resolver_error::overflow) || value == own_eai_overflow)
            return "Argument buffer overflow";
        if (value == static_cast<int>(resolver_error::no_data) || value == own_eai_no_data)
            return "No address associated with hostname";
        if (value == static_cast<int>(resolver_error::no_address_in_family) || value == own_eai_address_family)
            return "Address family for hostname not supported";
        if (const char* text = ::gai_strerror(value)) {
#if BOOST_OS_WINDOWS
            return std::string(system_message_text(text)); // FormatMessage's, as Winsock's texts
#else
            return text;
#endif
        }
        return "unknown resolver error";
    }
};

} // namespace detail

// The category of the EAI_* codes; its name() is "resolver".
inline const std::error_category& resolver_category() noexcept
{
    static const detail::resolver_category_impl instance;
    return instance;
}

inline std::error_code make_error_code(resolver_error e) noexcept
{
    return {static_cast<int>(e), resolver_category()};
}

namespace detail {

// The std::error_code for what getaddrinfo or getnameinfo returned: none for
// 0, errno's value for EAI_SYSTEM (read it right after the call), otherwise
// the EAI code in the resolver category.
inline std::error_code resolver_code(int eai, int saved_errno) noexcept
{
    if (eai == 0)
        return {};
    if (eai_system != 0 && eai == eai_system)
        return {saved_errno != 0 ? saved_errno : EIO, std::system_category()};
    return {eai, resolver_category()};
}

} // namespace detail

} // namespace tsock

template <>
struct std::is_error_code_enum<tsock::resolver_error> : std::true_type {};

#endif // TSOCK_RESOLVER_ERROR_HPP
