// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_NAME_CHECKS_HPP
#define TSOCK_DETAIL_NAME_CHECKS_HPP

// Checks a host name or service before it reaches the C library, which reads
// up to the first NUL and would otherwise look up a different, truncated
// name, and reads numbers its own way.

#include <tsock/error.hpp>

#include <cstddef>
#include <string_view>
#include <system_error>

namespace tsock::detail {

// RFC 1035: at most 253 characters of labels and dots (plus an optional
// final dot), each label at most 63.
inline constexpr std::size_t max_name_length = 253;
inline constexpr std::size_t max_label_length = 63;

// Sets ec when host cannot be a host name: empty (unless empty_allowed, the
// passive wildcard), a NUL byte inside, too long, or a label too long.
inline void check_host(std::string_view host, bool empty_allowed, std::error_code& ec) noexcept
{
    if (host.empty()) {
        if (!empty_allowed)
            ec = make_error_code(error::empty_host);
        return;
    }
    if (host.find('\0') != std::string_view::npos)
        return void(ec = make_error_code(error::embedded_nul));
    if (host.back() == '.')
        host.remove_suffix(1);
    if (host.size() > max_name_length)
        return void(ec = make_error_code(error::name_too_long));
    std::size_t label = 0;
    for (const char c : host) {
        label = c == '.' ? 0 : label + 1;
        if (label > max_label_length)
            return void(ec = make_error_code(error::label_too_long));
    }
}

// A service as getaddrinfo must never see it: glibc reads a service that
// starts with a digit, a sign or a blank with strtoul, so " 80" and "+80"
// are port 80, "-1" is 65535 and "65616" is 80 (modulo 65536). Here such a
// service must be decimal digits only (error::bad_service otherwise: a sign,
// a blank, "0x50", "80 ") and at most 65535 (error::port_out_of_range).
// A service that starts with a letter is a name. (The rule refuses names
// that start with a digit, such as IANA's "9pfs"; netbase lists none.)
// Also a NUL byte inside (error::embedded_nul).
inline void check_service(std::string_view service, std::error_code& ec) noexcept
{
    if (service.find('\0') != std::string_view::npos)
        return void(ec = make_error_code(error::embedded_nul));
    if (service.empty())
        return;
    const char first = service.front();
    const bool number_like = (first >= '0' && first <= '9') || first == '+' || first == '-' || first == ' ' ||
                             (first >= '\t' && first <= '\r');
    if (!number_like)
        return;
    unsigned long value = 0;
    for (const char c : service) {
        if (c < '0' || c > '9')
            return void(ec = make_error_code(error::bad_service));
        if (value <= 65535)
            value = value * 10 + unsigned(c - '0');
    }
    if (value > 65535)
        ec = make_error_code(error::port_out_of_range);
}

// The decimal digits of port (at most 65535) in buffer, as a string_view.
inline std::string_view port_digits(unsigned port, char (&buffer)[8]) noexcept
{
    char* end = buffer + sizeof buffer - 1;
    char* p = end;
    do {
        *--p = char('0' + port % 10);
        port /= 10;
    } while (port != 0 && p != buffer);
    return std::string_view(p, std::size_t(end - p));
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_NAME_CHECKS_HPP
