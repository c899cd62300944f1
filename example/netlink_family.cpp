// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// A family tsock does not ship, written outside the library: AF_NETLINK.
// It needs a policy (domain, endpoint type, which socket types: what
// tsock::socket_family asks) and an endpoint that models tsock::endpoint (a
// regular value naming its family_type, its AF_* value as family(), and the
// native contract: native_type, to_native, native_size, from_native). Then
// basic_socket does the rest. The program asks the kernel for its network
// interfaces (RTM_GETLINK) and prints their names (Linux).
//
//   netlink_family        prints "index name" for each interface

#include <tsock/basic_socket.hpp>
#include <tsock/concepts.hpp>

#include <boost/predef/os.h>

#if !BOOST_OS_LINUX
int main() { return 0; } // netlink is Linux's
#else

#include <linux/netlink.h>
#include <linux/rtnetlink.h>

#include <cstdint>
#include <cstring>
#include <iostream>
#include <span>
#include <string>
#include <vector>

struct netlink; // the family policy, below

// The endpoint: a netlink port id and multicast groups (sockaddr_nl).
class netlink_endpoint {
public:
    using native_type = ::sockaddr_nl;
    using family_type = netlink;
    static constexpr int family() noexcept { return AF_NETLINK; }

    netlink_endpoint() = default;
    explicit netlink_endpoint(std::uint32_t port_id, std::uint32_t groups = 0) : port_id_(port_id), groups_(groups) {}

    std::uint32_t port_id() const { return port_id_; }

    native_type to_native() const noexcept
    {
        native_type n{};
        n.nl_family = AF_NETLINK;
        n.nl_pid = port_id_;
        n.nl_groups = groups_;
        return n;
    }
    ::socklen_t native_size() const noexcept { return sizeof(native_type); }
    static netlink_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        native_type n{};
        if (length < ::socklen_t(sizeof n) || sa->sa_family != AF_NETLINK) {
            ec = make_error_code(tsock::error::bad_endpoint);
            return {};
        }
        std::memcpy(&n, sa, sizeof n);
        ec.clear();
        return netlink_endpoint(n.nl_pid, n.nl_groups);
    }

    friend bool operator==(const netlink_endpoint&, const netlink_endpoint&) = default;

private:
    std::uint32_t port_id_ = 0; // 0: the kernel
    std::uint32_t groups_ = 0;
};

// The family policy.
struct netlink {
    using endpoint_type = netlink_endpoint;
    static constexpr int domain = AF_NETLINK;
    static constexpr bool is_ip = false;
    static constexpr std::string_view name = "netlink";
    template <class Type>
    static constexpr bool supports = Type::value == SOCK_RAW || Type::value == SOCK_DGRAM;
};
static_assert(tsock::socket_family<netlink>);
static_assert(tsock::endpoint<netlink_endpoint>);

using route_socket = tsock::basic_socket<netlink, tsock::raw<NETLINK_ROUTE>>;
static_assert(tsock::any_datagram_socket<route_socket>); // send_to and recv_from, no connection

int main()
{
    auto s = route_socket::open();
    s.bind(netlink_endpoint(0)); // the kernel picks our port id

    struct {
        ::nlmsghdr header;
        ::ifinfomsg body;
    } request{};
    request.header.nlmsg_len = sizeof request;
    request.header.nlmsg_type = RTM_GETLINK;
    request.header.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
    request.header.nlmsg_seq = 1;
    request.body.ifi_family = AF_UNSPEC;
    const auto bytes = std::span(reinterpret_cast<const std::byte*>(&request), sizeof request);
    const auto sent = s.send_to(bytes, netlink_endpoint(0));
    if (sent != sizeof request) {
        std::cerr << "netlink: short send\n";
        return 1;
    }

    std::vector<std::byte> buffer(1 << 16);
    for (int replies = 0; replies != 1000; ++replies) { // bounded: a dump ends with NLMSG_DONE
        const auto [size, sender] = s.recv_from(buffer);
        if (sender.port_id() != 0)
            continue; // only the kernel's answers
        auto* h = reinterpret_cast<const ::nlmsghdr*>(buffer.data());
        for (auto left = static_cast<unsigned>(size); NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
            if (h->nlmsg_type == NLMSG_DONE)
                return 0;
            if (h->nlmsg_type == NLMSG_ERROR) {
                std::cerr << "netlink error\n";
                return 1;
            }
            const auto* info = static_cast<const ::ifinfomsg*>(NLMSG_DATA(h));
            auto attr_left = static_cast<unsigned>(IFLA_PAYLOAD(h));
            for (auto* a = IFLA_RTA(info); RTA_OK(a, attr_left); a = RTA_NEXT(a, attr_left))
                if (a->rta_type == IFLA_IFNAME)
                    std::cout << info->ifi_index << ' ' << static_cast<const char*>(RTA_DATA(a)) << '\n';
        }
    }
    std::cerr << "no end of dump\n";
    return 1;
}
#endif
