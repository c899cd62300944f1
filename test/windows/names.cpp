// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// tsock's name services over Winsock and iphlpapi, under wine or Windows:
// this host's name and FQDN, the services and protocols databases, the host
// database, reverse_resolve and the interfaces (GetAdaptersAddresses).
// Cross-compiled by test/windows/run.sh with header-only Boost.Test. Each
// answer is compared with what the Win32 call itself says, or with what
// every Windows (and wine) has: loopback, 127.0.0.1, the well-known ports.
#include <tsock.hpp> // winsock2.h before Boost.Test's windows.h

#define BOOST_TEST_MODULE windows_names
#include <boost/test/included/unit_test.hpp>

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

using namespace std::string_view_literals;

namespace {

// Before tsock: Winsock is not started (nothing in this program calls
// WSAStartup), so a raw socket() fails. Read at static initialisation, before
// any test runs: the name services must start Winsock themselves (Windows'
// gethostname, getservbyname, gethostbyname and getnameinfo fail before
// WSAStartup; wine's all but gethostbyname answer, so the socket tells).
int raw_socket_error() noexcept
{
    const ::SOCKET s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s == INVALID_SOCKET)
        return ::WSAGetLastError();
    ::closesocket(s);
    return 0;
}
const int raw_socket_error_before_tsock = raw_socket_error();

// Winsock's own answer, once Winsock is started.
std::string raw_host_name()
{
    char name[256] = {};
    BOOST_REQUIRE(::gethostname(name, sizeof name) == 0);
    return name;
}

// The loopback adapter among interfaces().
const tsock::network_interface* find_loopback(const std::vector<tsock::network_interface>& all)
{
    const auto it = std::find_if(all.begin(), all.end(), [](const tsock::network_interface& nic) {
        return has(nic.flags, tsock::interface_flags::loopback);
    });
    return it == all.end() ? nullptr : &*it;
}

} // namespace

// Declared first, so that it runs first: host_name is the program's first
// Winsock call, and Winsock is not started yet.
BOOST_AUTO_TEST_CASE(the_name_services_start_winsock_themselves)
{
    BOOST_TEST(raw_socket_error_before_tsock == WSANOTINITIALISED);
    std::error_code ec;
    const auto name = tsock::host_name(ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(!name.empty());
    BOOST_TEST(raw_socket_error() == 0); // started now
}

BOOST_AUTO_TEST_CASE(host_name_is_winsocks)
{
    const auto name = tsock::host_name();
    BOOST_TEST(!name.empty());
    BOOST_TEST(name == raw_host_name());
}

BOOST_AUTO_TEST_CASE(fqdn_names_this_host_and_gives_back_what_it_cannot_look_up)
{
    BOOST_TEST(!tsock::fqdn().empty());
    BOOST_TEST(tsock::fqdn("0.0.0.0") == tsock::fqdn());
    // No lookup answers for .invalid: the name itself comes back, spaces cut.
    BOOST_TEST(tsock::fqdn(" no-such-host.invalid ") == "no-such-host.invalid");
    BOOST_CHECK_THROW((void)tsock::fqdn(std::string(64, 'a') + ".example"), std::system_error);
}

BOOST_AUTO_TEST_CASE(set_host_name_is_not_supported_but_checks_its_argument_first)
{
    std::error_code ec;
    tsock::set_host_name("box", ec);
    BOOST_TEST((ec == std::errc::function_not_supported));
    tsock::set_host_name("", ec);
    BOOST_TEST((ec == tsock::error::empty_host));
    tsock::set_host_name(std::string(256, 'a'), ec);
    BOOST_TEST((ec == tsock::error::host_name_too_long));
    BOOST_CHECK_THROW(tsock::set_host_name("box"), std::system_error);
}

BOOST_AUTO_TEST_CASE(the_services_database_knows_the_well_known_ports)
{
    const auto http = tsock::service_by_name("http", "tcp");
    BOOST_TEST(http.port == 80);
    BOOST_TEST(http.name == "http");
    BOOST_TEST(http.protocol == "tcp");
    BOOST_TEST(tsock::service_by_port(80, "tcp").name == "http");
    BOOST_TEST(tsock::service_by_port(53, "udp").name == "domain");
    BOOST_TEST(tsock::service_by_name("domain", "udp").port == 53);
    // Any protocol: the first entry, whatever its protocol.
    BOOST_TEST(tsock::service_by_name("http").port == 80);
    BOOST_TEST(tsock::service_by_port(80).name == "http");
}

BOOST_AUTO_TEST_CASE(a_missing_service_is_service_not_found)
{
    std::error_code ec;
    BOOST_TEST(tsock::service_by_name("no-such-service", "tcp", ec).port == 0);
    BOOST_TEST((ec == tsock::error::service_not_found), ec.message());
    (void)tsock::service_by_name("http", "no-such-protocol", ec);
    BOOST_TEST((ec == tsock::error::service_not_found), ec.message());
    (void)tsock::service_by_port(1, "no-such-protocol", ec);
    BOOST_TEST((ec == tsock::error::service_not_found), ec.message());
    (void)tsock::service_by_name("", "tcp", ec);
    BOOST_TEST((ec == tsock::error::service_not_found));
    (void)tsock::service_by_name("ht\0tp"sv, "tcp", ec);
    BOOST_TEST((ec == tsock::error::embedded_nul));
    try {
        (void)tsock::service_by_name("no-such-service", "tcp");
        BOOST_ERROR("no exception");
    } catch (const std::system_error& e) {
        BOOST_TEST(std::string_view(e.what()).find("no-such-service") != std::string_view::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(the_protocols_database_knows_tcp_and_udp)
{
    BOOST_TEST(tsock::protocol_by_name("tcp").number == IPPROTO_TCP);
    BOOST_TEST(tsock::protocol_by_name("udp").number == IPPROTO_UDP);
    BOOST_TEST(tsock::protocol_by_number(6).name == "tcp");
    std::error_code ec;
    (void)tsock::protocol_by_name("no-such-protocol", ec);
    BOOST_TEST((ec == tsock::error::protocol_not_found), ec.message());
    (void)tsock::protocol_by_number(-1, ec);
    BOOST_TEST((ec == tsock::error::protocol_not_found), ec.message());
}

BOOST_AUTO_TEST_CASE(the_host_database_knows_localhost)
{
    const auto entry = tsock::host_entry_by_name("localhost");
    BOOST_TEST(!entry.name.empty());
    BOOST_TEST((std::find(entry.addresses.begin(), entry.addresses.end(), tsock::address_v4::loopback()) !=
                entry.addresses.end()));
    BOOST_TEST(!tsock::host_entry_by_address(tsock::address_v4::loopback()).name.empty());
    // This host's own name is in it too (Python's gethostbyname_ex(gethostname())).
    BOOST_TEST(!tsock::host_entry_by_name(tsock::host_name()).addresses.empty());
    BOOST_TEST(tsock::python::gethostbyname("localhost") == tsock::address_v4::loopback());
}

BOOST_AUTO_TEST_CASE(a_missing_host_is_a_resolver_error)
{
    std::error_code ec;
    const auto entry = tsock::host_entry_by_name("no-such-host.invalid", ec);
    BOOST_TEST((ec == tsock::resolver_error::host_not_found), ec.message());
    const std::string text = ec.message(); // Windows' own text, without its trailing ". "
    BOOST_TEST(!text.empty());
    BOOST_TEST((text.back() != '.' && text.back() != ' '), text);
    BOOST_TEST(entry.addresses.empty());
    BOOST_TEST(&ec.category() == &tsock::resolver_category());
    (void)tsock::host_entry_by_name("", ec);
    BOOST_TEST((ec == tsock::error::empty_host));
    BOOST_CHECK_THROW((void)tsock::host_entry_by_name("no-such-host.invalid"), std::system_error);
}

BOOST_AUTO_TEST_CASE(reverse_resolve_gives_numeric_forms_and_names)
{
    const tsock::ipv4_endpoint v4(tsock::address_v4::loopback(), 80);
    const auto numeric = tsock::reverse_resolve(v4, tsock::name_flags::numeric_host | tsock::name_flags::numeric_service);
    BOOST_TEST(numeric.host == "127.0.0.1");
    BOOST_TEST(numeric.service == "80");
    const tsock::ipv6_endpoint v6(tsock::address_v6::loopback(), 443);
    const auto numeric6 = tsock::reverse_resolve(v6, tsock::name_flags::numeric_host | tsock::name_flags::numeric_service);
    BOOST_TEST(numeric6.host == "::1");
    BOOST_TEST(numeric6.service == "443");
    // Names: the services database's for the port; some name for 127.0.0.1.
    const auto named = tsock::reverse_resolve(v4);
    BOOST_TEST(named.service == "http");
    BOOST_TEST(!named.host.empty());
    const auto inet = tsock::reverse_resolve(tsock::inet_endpoint(v4), tsock::name_flags::numeric_host);
    BOOST_TEST(inet.host == "127.0.0.1");
    BOOST_TEST(inet.service == "http");
}

BOOST_AUTO_TEST_CASE(interfaces_list_the_loopback_with_127_0_0_1)
{
    const auto all = tsock::interfaces();
    BOOST_TEST_REQUIRE(!all.empty());
    const auto* lo = find_loopback(all);
    BOOST_TEST_REQUIRE(lo != nullptr);
    BOOST_TEST(lo->index != 0u);
    BOOST_TEST(!lo->name.empty());
    BOOST_TEST(has(lo->flags, tsock::interface_flags::up | tsock::interface_flags::running));
    BOOST_TEST(!has(lo->flags, tsock::interface_flags::broadcast));
    const auto v4 = std::find_if(lo->v4.begin(), lo->v4.end(), [](const tsock::interface_address_v4& a) {
        return a.address == tsock::address_v4::loopback();
    });
    BOOST_TEST_REQUIRE((v4 != lo->v4.end()));
    BOOST_TEST(v4->netmask.to_uint() == 0xff000000u); // 127.0.0.0/8
    BOOST_TEST(!v4->broadcast.has_value());
    BOOST_TEST(!v4->peer.has_value());
}

BOOST_AUTO_TEST_CASE(every_address_is_consistent_with_its_prefix)
{
    for (const auto& nic : tsock::interfaces()) {
        BOOST_TEST_CONTEXT(nic.name)
        {
            for (const auto& a : nic.v4) {
                const auto mask = a.netmask.to_uint();
                BOOST_TEST((~mask & (~mask + 1)) == 0u); // ones from the top, then zeros
                if (a.broadcast) {
                    BOOST_TEST(has(nic.flags, tsock::interface_flags::broadcast));
                    BOOST_TEST(a.broadcast->to_uint() == (a.address.to_uint() | ~mask));
                }
            }
            for (const auto& a : nic.v6) {
                BOOST_TEST(a.prefix_length <= 128u);
                if (a.address.is_link_local())
                    BOOST_TEST(a.address.scope_id() != 0u);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(names_and_indexes_round_trip_through_iphlpapi)
{
    const auto names = tsock::interface_names();
    BOOST_TEST_REQUIRE(!names.empty());
    const auto all = tsock::interfaces();
    BOOST_TEST(names.size() == all.size());
    for (std::size_t i = 0; i != std::min(names.size(), all.size()); ++i) {
        BOOST_TEST(names[i].index == all[i].index);
        BOOST_TEST(names[i].name == all[i].name);
    }
    for (const auto& id : names) {
        BOOST_TEST_CONTEXT(id.name)
        {
            BOOST_TEST(tsock::interface_index(id.name) == id.index);
            BOOST_TEST(tsock::interface_name(id.index) == id.name);
            BOOST_TEST(::if_nametoindex(id.name.c_str()) == id.index); // the system's own answer
        }
    }
}

BOOST_AUTO_TEST_CASE(a_missing_interface_is_no_such_interface)
{
    std::error_code ec;
    BOOST_TEST(tsock::interface_index("no-such-interface", ec) == 0u);
    BOOST_TEST((ec == tsock::error::no_such_interface), ec.message());
    BOOST_TEST(tsock::interface_index("", ec) == 0u);
    BOOST_TEST((ec == tsock::error::no_such_interface));
    BOOST_TEST(tsock::interface_index(std::string(300, 'a'), ec) == 0u);
    BOOST_TEST((ec == tsock::error::no_such_interface));
    BOOST_TEST(tsock::interface_index("lo\0x"sv, ec) == 0u);
    BOOST_TEST((ec == tsock::error::embedded_nul));
    BOOST_TEST(tsock::interface_name(0, ec).empty());
    BOOST_TEST((ec == tsock::error::no_such_interface), ec.message());
    BOOST_TEST(tsock::interface_name(99999, ec).empty());
    BOOST_TEST((ec == tsock::error::no_such_interface), ec.message());
    BOOST_CHECK_THROW((void)tsock::interface_index("no-such-interface"), std::system_error);
}
