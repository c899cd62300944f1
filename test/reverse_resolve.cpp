// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/reverse_resolve.hpp>

#define BOOST_TEST_MODULE reverse_resolve
#include <boost/test/unit_test.hpp>

#include "support/sandbox.hpp"

#include <netdb.h>

#include <string>
#include <system_error>

// Expected names come from the hosts file the test writes into its own mount
// namespace (nsswitch "hosts: files": no name server is asked) and from the
// C library's getservbyport for services.

using tsock::inet_endpoint;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;
using tsock::name_flags;
using tsock::resolver_error;
using tsock::reverse_resolve;

namespace {

tsock_test::sandbox names_sandbox()
{
    tsock_test::sandbox s;
    s.hosts = "127.0.0.1 localhost\n"
              "127.0.0.5 tsock-five.example tsock-five\n"
              "fd5e:feed::5 tsock-six.example\n";
    return s;
}

// The C library's own service name for a port (getservbyport), or "".
std::string service_name(int port, const char* protocol)
{
    const ::servent* s = ::getservbyport(htons(std::uint16_t(port)), protocol);
    return s ? s->s_name : "";
}

} // namespace

BOOST_AUTO_TEST_CASE(names_from_the_hosts_file)
{
    const auto outcome = tsock_test::run_in_sandbox(names_sandbox(), [] {
        std::string out;
        const auto five = reverse_resolve(ipv4_endpoint::parse("127.0.0.5:22"));
        out += five.host + " " + five.service;
        const auto six = reverse_resolve(ipv6_endpoint::parse("[fd5e:feed::5]:80"));
        out += "|" + six.host + " " + six.service;
        const auto any = reverse_resolve(inet_endpoint::parse("127.0.0.5:80"));
        out += "|" + any.host;
        const auto numeric = reverse_resolve(ipv4_endpoint::parse("127.0.0.5:80"), name_flags::numeric_host);
        out += "|" + numeric.host;
        const auto short_name = reverse_resolve(ipv4_endpoint::parse("127.0.0.5:80"), name_flags::no_fqdn);
        out += "|" + short_name.host;
        // Unknown address: its text, unless a name is required.
        out += "|" + reverse_resolve(ipv4_endpoint::parse("127.0.0.9:80")).host;
        std::error_code ec;
        reverse_resolve(ipv4_endpoint::parse("127.0.0.9:80"), name_flags::name_required, ec);
        out += "|" + std::to_string(ec == resolver_error::host_not_found);
        return out;
    });
    BOOST_TEST(outcome == "tsock-five.example " + service_name(22, "tcp") + "|tsock-six.example " +
                              service_name(80, "tcp") + "|tsock-five.example|127.0.0.5|tsock-five.example|127.0.0.9|1");
}

BOOST_AUTO_TEST_CASE(services_and_numeric_flags)
{
    BOOST_TEST_REQUIRE(service_name(80, "tcp") != "", "/etc/services has no port 80 (netbase)");
    const auto n = reverse_resolve(ipv4_endpoint::parse("127.0.0.1:80"), name_flags::numeric_host);
    BOOST_TEST(n.host == "127.0.0.1");
    BOOST_TEST(n.service == service_name(80, "tcp"));
    const auto digits = reverse_resolve(ipv4_endpoint::parse("127.0.0.1:80"),
                                        name_flags::numeric_host | name_flags::numeric_service);
    BOOST_TEST(digits.service == "80");
    BOOST_TEST(reverse_resolve(ipv6_endpoint::parse("[::1]:8"), name_flags::numeric_host).host == "::1");
    // A port with no service is its digits.
    BOOST_TEST(reverse_resolve(ipv4_endpoint::parse("127.0.0.1:65000"), name_flags::numeric_host).service == "65000");
    // The datagram flag looks the port up for UDP: find a port whose UDP and
    // TCP names differ, or at least one only UDP knows, in this system's file.
    int udp_only = 0;
    for (int port = 1; port != 1024 && udp_only == 0; ++port)
        if (service_name(port, "udp") != "" && service_name(port, "tcp") == "")
            udp_only = port;
    BOOST_TEST_REQUIRE(udp_only != 0, "no UDP-only service below 1024 in /etc/services");
    const auto ep = ipv4_endpoint(tsock::address_v4::loopback(), std::uint16_t(udp_only));
    BOOST_TEST(reverse_resolve(ep, name_flags::numeric_host | name_flags::datagram).service ==
               service_name(udp_only, "udp"));
    BOOST_TEST(reverse_resolve(ep, name_flags::numeric_host).service == std::to_string(udp_only));
}

BOOST_AUTO_TEST_CASE(scope_of_link_local_addresses)
{
    const auto lo = tsock::detail::interface_index("lo");
    BOOST_TEST_REQUIRE(lo != 0u);
    const auto ep = ipv6_endpoint::parse("[fe80::1%" + std::to_string(lo) + "]:80");
    BOOST_TEST(reverse_resolve(ep, name_flags::numeric_host).host == "fe80::1%lo");
}

BOOST_AUTO_TEST_CASE(throwing_form_names_the_endpoint)
{
    const auto outcome = tsock_test::run_in_sandbox(names_sandbox(), [] {
        try {
            reverse_resolve(ipv4_endpoint::parse("127.0.0.9:80"), name_flags::name_required);
            return std::string("no exception");
        } catch (const std::system_error& e) {
            return std::string(e.what()) + "|" + std::to_string(e.code() == resolver_error::host_not_found);
        }
    });
    BOOST_TEST(outcome.find("reverse_resolve \"127.0.0.9:80\"") != std::string::npos, outcome);
    BOOST_TEST(outcome.substr(outcome.size() - 2) == "|1", outcome);
}
