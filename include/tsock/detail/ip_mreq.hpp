// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_IP_MREQ_HPP
#define TSOCK_DETAIL_IP_MREQ_HPP

// IP_ADD_MEMBERSHIP's structure where it is ip_mreq (group and interface
// address; no index): everywhere but Linux.

#include <tsock/address_v4.hpp>
#include <tsock/detail/option_storage.hpp>
#include <tsock/detail/platform.hpp>

#include <string>
#include <string_view>

namespace tsock::detail {

using ipv4_membership_native = ::ip_mreq;

// Sets the interface of n from m (options::ip::membership). ip_mreq has no
// interface index: one other than 0 throws std::system_error
// (std::errc::invalid_argument), naming the option.
template <class Membership>
void set_membership_interface(ipv4_membership_native& n, const Membership& m, std::string_view option)
{
    if (m.interface_index != 0)
        throw_bad_option(option, "interface index " + std::to_string(m.interface_index) +
                                     ": this platform's ip_mreq has no index; give the interface's address");
    n.imr_interface = m.interface_address.to_in_addr();
}
// The membership n holds.
template <class Membership> Membership membership_of(const ipv4_membership_native& n) noexcept
{
    return {address_v4(n.imr_multiaddr), address_v4(n.imr_interface), 0};
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_IP_MREQ_HPP
