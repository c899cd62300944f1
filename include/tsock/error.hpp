// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_ERROR_HPP
#define TSOCK_ERROR_HPP

// tsock's own error codes, for what the system's errno values do not name.
// They are std::error_code values of tsock::error_category(), so they travel
// through the same std::error_code& overloads and std::system_error as errno.

#include <tsock/config.hpp>

#include <string>
#include <system_error>

namespace tsock {

enum class error {
    // Text of an address (address_v4, address_v6, inet_aton).
    empty_address = 1,   // the text is empty
    invalid_character,   // a character that the grammar does not allow here
    leading_zero,        // an IPv4 part such as "01" (octal or decimal?)
    part_out_of_range,   // an IPv4 part above 255, or an inet_aton part too large
    too_few_parts,       // fewer than four IPv4 parts
    too_many_parts,      // more than four IPv4 parts
    empty_part,          // "1..2", "1.2.3." or a missing IPv6 group
    group_too_long,      // an IPv6 group of more than four hex digits
    too_few_groups,      // fewer than eight IPv6 groups and no "::"
    too_many_groups,     // more than eight IPv6 groups (or eight plus "::")
    multiple_double_colons, // "::" more than once
    misplaced_colon,     // a lone ':' at either end, or ":::"
    misplaced_ipv4,      // an embedded IPv4 part that is not last, or leaves no room
    empty_zone,          // "fe80::1%"
    zone_out_of_range,   // a numeric zone above 4294967295
    zone_too_long,       // a zone name longer than an interface name can be
    unknown_interface,   // a zone name that names no interface of this host
    zone_name_in_constant_expression, // a zone name needs a run-time lookup
    not_v4_mapped,       // an IPv6 address that holds no IPv4 address

    // Endpoints and sockets.
    address_too_long,    // a local (AF_UNIX) name that does not fit sun_path
    bad_endpoint,        // a sockaddr of another family, or too short for its family
    timed_out,           // the timeout mode's deadline passed
    family_mismatch,     // an adopted handle or endpoint of another address family
    type_mismatch,       // an adopted handle of another socket type
    end_of_stream,       // the peer closed before recv_exact had all it asked for

    // Names: the resolver, host names, services, protocols, interfaces.
    empty_host,          // an empty host name where a name is needed
    name_too_long,       // a DNS name longer than 253 characters (254 with the final dot)
    label_too_long,      // a DNS label longer than 63 characters
    embedded_nul,        // a NUL byte inside a name: the C library would cut the name there
    host_name_too_long,  // a host name longer than the system's HOST_NAME_MAX
    port_out_of_range,   // a port number or numeric service outside 0 to 65535
    service_not_found,   // no such service (for that protocol) in the services database
    protocol_not_found,  // no such protocol in the protocols database
    no_such_interface,   // no interface of this host has that name or index
    not_dual_stack,      // a dual-stack server needs an IPv6 endpoint
    no_endpoints,        // nothing to connect to: the list of endpoints is empty
    negative_duration,   // a timeout or delay below zero
    bad_service,         // a service that starts like a number ("+80", " 80", "0x50") but is not decimal digits

    // Sockets (added in the second wave).
    message_truncated,   // a datagram or record longer than the buffer: only its head was stored

    // The poller.
    already_registered,  // the poller has this descriptor (or a closed one with its number) already
    not_registered,      // the poller does not have this descriptor
    reserved_token,      // the token whose bits are all ones is the poller's own

    // Message I/O (issue 12).
    too_many_buffers,    // a scatter/gather call with more buffers than the system takes at once (IOV_MAX)
    control_truncated,   // control data (ancillary data) did not fit: the kernel dropped some (MSG_CTRUNC)
    unexpected_control,  // a control message of a type the call did not ask for, or malformed
    too_many_descriptors, // more descriptors arrived than the call had room for

    // Streams (issue 13).
    line_too_long,       // stream_reader: no delimiter within the maximum line length
    empty_delimiter,     // stream_reader: read_until with an empty delimiter
};

namespace detail {

class error_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "tsock"; }

    // One std::string built from the text, not one per case.
    std::string message(int value) const override { return text(value); }

    // timed_out is std::errc::timed_out's condition (ec == std::errc::timed_out
    // holds for a deadline tsock's timeout mode ran out and for the kernel's
    // ETIMEDOUT alike); every other value is its own condition.
    std::error_condition default_error_condition(int value) const noexcept override
    {
        if (value == static_cast<int>(error::timed_out))
            return std::make_error_condition(std::errc::timed_out);
        return {value, *this};
    }

private:
    static const char* text(int value) noexcept
    {
        switch (static_cast<error>(value)) {
        case error::empty_address: return "address text is empty";
        case error::invalid_character: return "unexpected character in address";
        case error::leading_zero: return "IPv4 part has a leading zero (octal or decimal is ambiguous)";
        case error::part_out_of_range: return "address part is out of range";
        case error::too_few_parts: return "IPv4 address has fewer than four parts";
        case error::too_many_parts: return "IPv4 address has more than four parts";
        case error::empty_part: return "address has an empty part";
        case error::group_too_long: return "IPv6 group has more than four hex digits";
        case error::too_few_groups: return "IPv6 address has fewer than eight groups and no '::'";
        case error::too_many_groups: return "IPv6 address has too many groups";
        case error::multiple_double_colons: return "IPv6 address has more than one '::'";
        case error::misplaced_colon: return "IPv6 address has a lone ':' at an end, or ':::'";
        case error::misplaced_ipv4: return "embedded IPv4 address is not at the end or leaves no room";
        case error::empty_zone: return "zone id after '%' is empty";
        case error::zone_out_of_range: return "numeric zone id is larger than 4294967295";
        case error::zone_too_long: return "zone name is longer than an interface name can be";
        case error::unknown_interface: return "zone name is not an interface of this host";
        case error::zone_name_in_constant_expression:
            return "a zone name needs a run-time interface lookup; use a numeric zone in constant expressions";
        case error::not_v4_mapped: return "IPv6 address is not IPv4-mapped or IPv4-compatible";
        case error::address_too_long: return "local socket name does not fit in sun_path";
        case error::bad_endpoint: return "socket address is of another family or too short for its family";
        case error::timed_out: return "operation timed out";
        case error::family_mismatch: return "socket or endpoint is of another address family";
        case error::type_mismatch: return "socket is of another socket type";
        case error::end_of_stream: return "connection closed before all the data arrived";
        case error::message_truncated: return "message was longer than the buffer: its tail was lost";
        case error::already_registered:
            return "descriptor is already registered with this poller (remove a socket before closing it)";
        case error::not_registered: return "descriptor is not registered with this poller";
        case error::reserved_token: return "a poller token with every bit set is reserved";
        case error::too_many_buffers: return "more buffers than the system takes in one call (IOV_MAX)";
        case error::control_truncated: return "control data did not fit its buffer: the kernel dropped some";
        case error::unexpected_control: return "a control message the call did not ask for, or a malformed one";
        case error::too_many_descriptors: return "more descriptors arrived than the call had room for";
        case error::line_too_long: return "no delimiter within the maximum line length";
        case error::empty_delimiter: return "the delimiter to read until is empty";
        case error::empty_host: return "host name is empty";
        case error::name_too_long: return "host name is longer than 253 characters";
        case error::label_too_long: return "a label of the host name is longer than 63 characters";
        case error::embedded_nul: return "name contains a NUL byte";
        case error::host_name_too_long: return "host name is longer than the system allows (HOST_NAME_MAX)";
        case error::port_out_of_range: return "port number is not in 0 to 65535";
        case error::service_not_found: return "service not found";
        case error::protocol_not_found: return "protocol not found";
        case error::no_such_interface: return "no interface of this host has that name or index";
        case error::not_dual_stack: return "a dual-stack server needs an IPv6 endpoint";
        case error::no_endpoints: return "no endpoint to connect to";
        case error::negative_duration: return "a timeout or delay is negative";
        case error::bad_service:
            return "service starts like a number but is not plain decimal digits (no sign, blank or other character)";
        }
        return "unknown tsock error";
    }
};

} // namespace detail

// The category of tsock::error values; its name() is "tsock".
inline const std::error_category& error_category() noexcept
{
    static const detail::error_category_impl instance;
    return instance;
}

// Makes tsock::error usable where a std::error_code is expected.
inline std::error_code make_error_code(error e) noexcept
{
    return {static_cast<int>(e), error_category()};
}

} // namespace tsock

template <>
struct std::is_error_code_enum<tsock::error> : std::true_type {};

#endif // TSOCK_ERROR_HPP
