// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/resolve.hpp>

#define BOOST_TEST_MODULE resolve
#include <boost/test/unit_test.hpp>

#include "support/sandbox.hpp"

#include <netdb.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iterator>
#include <optional>
#include <ranges>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

// Expected answers come from the system itself: `getent ahosts` (glibc's
// getaddrinfo as a separate program), /etc/services, and /etc/hosts files the
// tests write into a mount namespace of their own (never the machine's).
// Lookups that could reach a name server run in a sandbox whose nsswitch.conf
// says "hosts: files", so the tests never leave the machine.

using tsock::error;
using tsock::inet;
using tsock::inet_endpoint;
using tsock::ipv4;
using tsock::ipv4_endpoint;
using tsock::ipv6;
using tsock::ipv6_endpoint;
using tsock::resolve;
using tsock::resolve_flags;
using tsock::resolver_error;

namespace {

// The output of a command (run with popen, read to the end).
std::string command_output(const std::string& command)
{
    std::string out;
    FILE* p = ::popen(command.c_str(), "r");
    if (!p)
        return out;
    char buffer[4096];
    for (int i = 0; i != 1000; ++i) { // bounded: 4 MB at most
        const std::size_t n = std::fread(buffer, 1, sizeof buffer, p);
        if (n == 0)
            break;
        out.append(buffer, n);
    }
    ::pclose(p);
    return out;
}

// The STREAM addresses of `getent ahosts NAME` (or ahostsv4/ahostsv6), in order.
std::vector<std::string> getent_addresses(const std::string& database, const std::string& name)
{
    std::vector<std::string> addresses;
    std::istringstream lines(command_output("getent " + database + " " + name));
    std::string line;
    while (std::getline(lines, line)) {
        std::istringstream fields(line);
        std::string address, type;
        fields >> address >> type;
        if (type == "STREAM")
            addresses.push_back(address);
    }
    return addresses;
}

// The addresses (without ports) of a resolve result, as text.
template <class Results>
std::vector<std::string> addresses_of(const Results& results)
{
    std::vector<std::string> out;
    for (const auto& e : results) {
        if constexpr (std::is_same_v<std::remove_cvref_t<decltype(e)>, inet_endpoint>)
            out.push_back(e.is_v4() ? e.v4().address().to_string() : e.v6().address().to_string());
        else
            out.push_back(e.address().to_string());
    }
    return out;
}

std::string joined(const std::vector<std::string>& v)
{
    std::string s;
    for (const auto& x : v)
        s += (s.empty() ? "" : " ") + x;
    return s;
}

// The port of a service in /etc/services for a protocol, read by hand.
std::optional<std::uint16_t> services_port(const std::string& name, const std::string& protocol)
{
    std::ifstream file("/etc/services");
    std::string line;
    for (int i = 0; i != 100000 && std::getline(file, line); ++i) {
        line = line.substr(0, line.find('#'));
        std::istringstream fields(line);
        std::string service, port_protocol, alias;
        if (!(fields >> service >> port_protocol))
            continue;
        const auto slash = port_protocol.find('/');
        if (slash == std::string::npos || port_protocol.substr(slash + 1) != protocol)
            continue;
        bool match = service == name;
        while (!match && fields >> alias)
            match = alias == name;
        if (match)
            return std::uint16_t(std::stoul(port_protocol.substr(0, slash)));
    }
    return std::nullopt;
}

// Hosts for the sandboxed tests: names the tests control.
const std::string test_hosts = "127.0.0.1 localhost\n"
                               "::1 localhost ip6-localhost\n"
                               "127.0.0.5 tsock-canon.example tsock-alias\n"
                               "127.0.0.6 tsock-both\n"
                               "fd5e:feed::6 tsock-both\n"
                               "fd5e:feed::7 tsock-six\n";

tsock_test::sandbox names_sandbox()
{
    tsock_test::sandbox s;
    s.hosts = test_hosts;
    return s;
}

std::string error_name(const std::error_code& ec)
{
    return std::string(ec.category().name()) + ":" + std::to_string(ec.value());
}

} // namespace

BOOST_AUTO_TEST_CASE(results_are_a_forward_range_of_the_family_endpoints)
{
    using v4_results = decltype(resolve<ipv4>("", ""));
    using any_results = decltype(resolve<inet>("", ""));
    static_assert(std::ranges::forward_range<v4_results>);
    static_assert(std::ranges::common_range<v4_results>);
    static_assert(std::is_same_v<std::ranges::range_value_t<v4_results>, ipv4_endpoint>);
    static_assert(std::is_same_v<std::ranges::range_value_t<any_results>, inet_endpoint>);
    static_assert(std::is_same_v<std::ranges::range_value_t<decltype(resolve<ipv6>("", ""))>, ipv6_endpoint>);
    static_assert(!std::is_copy_constructible_v<v4_results>);
    static_assert(std::is_nothrow_move_constructible_v<v4_results>);
    static_assert(sizeof(v4_results) == sizeof(void*));
}

BOOST_AUTO_TEST_CASE(localhost_agrees_with_getent)
{
    const auto expected_v4 = getent_addresses("ahostsv4", "localhost");
    BOOST_TEST_REQUIRE(!expected_v4.empty());
    BOOST_TEST(joined(addresses_of(resolve<ipv4>("localhost", ""))) == joined(expected_v4));
    const auto expected_any = getent_addresses("ahosts", "localhost");
    BOOST_TEST(joined(addresses_of(resolve<inet>("localhost", ""))) == joined(expected_any));
}

BOOST_AUTO_TEST_CASE(numeric_hosts_and_ports)
{
    const auto r = resolve<ipv4>("127.0.0.1", "8080", resolve_flags::numeric_host);
    BOOST_TEST_REQUIRE(r.size() == 1u);
    BOOST_TEST(r.front().to_string() == "127.0.0.1:8080");
    BOOST_TEST(resolve<ipv6>("::1", 443).front().to_string() == "[::1]:443");
    BOOST_TEST(resolve<inet>("::1", 443).front().is_v6());
    BOOST_TEST(resolve<inet>("127.0.0.1", std::uint16_t(65535)).front().port() == 65535);
    BOOST_TEST(resolve<inet>("127.0.0.1", 0).front().port() == 0);
    // A numeric host of the other family is not an answer.
    std::error_code ec;
    const auto none = resolve<ipv4>("::1", "", resolve_flags::numeric_host, ec);
    BOOST_TEST(bool(ec));
    BOOST_TEST(none.empty());
    BOOST_TEST(&ec.category() == &tsock::resolver_category());
}

namespace {
template <class T>
concept resolves_port = requires(T port) { resolve<ipv4>("127.0.0.1", port); };
} // namespace

BOOST_AUTO_TEST_CASE(a_port_is_a_port_number)
{
    // A constant is checked while compiling (resolve<ipv4>(host, 70000) does
    // not compile), a std::uint16_t is taken as it is, any other run-time
    // integer goes through port_number::checked. An integer 0 is port 0, not
    // a null pointer made service text.
    static_assert(resolves_port<std::uint16_t> && resolves_port<tsock::port_number>);
    static_assert(!resolves_port<double> && !resolves_port<bool>);
    BOOST_TEST(resolve<ipv4>("127.0.0.1", 0).front().port() == 0);
    int run_time = 65536;
    BOOST_CHECK_EXCEPTION(resolve<ipv4>("127.0.0.1", tsock::port_number::checked(run_time)), std::system_error,
                          [](const std::system_error& e) { return e.code() == error::port_out_of_range; });
    run_time = 8080;
    std::error_code ec;
    const auto r = resolve<ipv4>("127.0.0.1", tsock::port_number::checked(run_time), ec);
    BOOST_TEST(!ec);
    BOOST_TEST(r.front().to_string() == "127.0.0.1:8080");
    // Service text of any string type.
    const std::string text = "8081";
    BOOST_TEST(resolve<ipv4>("127.0.0.1", text).front().port() == 8081);
    BOOST_TEST(resolve<ipv4>("127.0.0.1", std::string_view("8082"), ec).front().port() == 8082);
}

BOOST_AUTO_TEST_CASE(services_agree_with_etc_services)
{
    for (const char* name : {"http", "https", "ssh", "domain", "smtp"}) {
        const auto tcp = services_port(name, "tcp");
        BOOST_TEST_REQUIRE(tcp.has_value(), name << " is missing from /etc/services (netbase)");
        BOOST_TEST(resolve<ipv4>("127.0.0.1", name).front().port() == *tcp, name);
    }
    const auto udp = services_port("domain", "udp");
    BOOST_TEST_REQUIRE(udp.has_value());
    BOOST_TEST((resolve<ipv4, tsock::datagram>("127.0.0.1", "domain").front().port() == *udp));
    // A TCP-only service is not found for datagram sockets.
    BOOST_TEST_REQUIRE(!services_port("http", "udp").has_value());
    std::error_code ec;
    resolve<ipv4, tsock::datagram>("127.0.0.1", "http", ec);
    BOOST_TEST(ec == resolver_error::service_not_found);
}

BOOST_AUTO_TEST_CASE(socket_type_and_protocol_become_hints)
{
    const auto stream = resolve<ipv4, tsock::stream>("127.0.0.1", "80");
    BOOST_TEST(stream.size() == 1u); // one entry: the type filters the duplicates
    BOOST_TEST(stream.begin().native().ai_socktype == SOCK_STREAM);
    BOOST_TEST(stream.begin().native().ai_family == AF_INET);
    const auto dgram = resolve<ipv6, tsock::datagram>("::1", "80");
    BOOST_TEST(dgram.begin().native().ai_socktype == SOCK_DGRAM);
    BOOST_TEST(dgram.begin().native().ai_family == AF_INET6);
    const auto raw = resolve<ipv4, tsock::raw<IPPROTO_ICMP>>("127.0.0.1", "");
    BOOST_TEST(raw.begin().native().ai_socktype == SOCK_RAW);
    BOOST_TEST(raw.begin().native().ai_protocol == IPPROTO_ICMP);
}

BOOST_AUTO_TEST_CASE(passive_empty_host_is_the_wildcard)
{
    BOOST_TEST(resolve<ipv4>("", "80", resolve_flags::passive).front().to_string() == "0.0.0.0:80");
    BOOST_TEST(resolve<ipv6>("", "80", resolve_flags::passive).front().to_string() == "[::]:80");
    std::error_code ec;
    const auto r = resolve<ipv4>("", "80", ec);
    BOOST_TEST(ec == error::empty_host);
    BOOST_TEST(r.empty());
}

BOOST_AUTO_TEST_CASE(v4_mapped)
{
    const auto r = resolve<ipv6>("127.0.0.1", "1", resolve_flags::v4_mapped);
    BOOST_TEST(r.front().address().to_string() == "::ffff:127.0.0.1");
    std::error_code ec;
    resolve<ipv6>("127.0.0.1", "1", resolve_flags::numeric_host, ec);
    BOOST_TEST(bool(ec)); // without v4_mapped, no IPv6 answer
}

BOOST_AUTO_TEST_CASE(bad_names_are_refused_before_the_lookup)
{
    std::error_code ec;
    // 253 characters of labels is the longest name: it is looked up (and not
    // found in the sandbox), not refused.
    const std::string label63(63, 'a');
    const std::string longest = label63 + "." + label63 + "." + label63 + "." + std::string(61, 'b');
    BOOST_TEST_REQUIRE(longest.size() == 253u);
    const auto outcome = tsock_test::run_in_sandbox(names_sandbox(), [&] {
        std::error_code e1, e2, e3;
        resolve<ipv4>(longest, "80", e1);
        resolve<ipv4>(longest + ".", "80", e2);
        resolve<ipv4>(longest + "b", "80", e3);
        return error_name(e1) + " " + error_name(e2) + " " + error_name(e3);
    });
    const auto not_found = error_name(resolver_error::host_not_found);
    BOOST_TEST(outcome == not_found + " " + not_found + " " + error_name(error::name_too_long));

    resolve<ipv4>(std::string(64, 'a') + ".example", "80", ec);
    BOOST_TEST(ec == error::label_too_long);
    resolve<ipv4>("example." + std::string(64, 'a'), "80", ec);
    BOOST_TEST(ec == error::label_too_long);
    resolve<ipv4>(std::string_view("localhost\0.evil", 15), "80", ec);
    BOOST_TEST(ec == error::embedded_nul);
    resolve<ipv4>("localhost", std::string_view("80\0", 3), ec);
    BOOST_TEST(ec == error::embedded_nul);
    resolve<ipv4>("localhost", "65536", ec);
    BOOST_TEST(ec == error::port_out_of_range);
    resolve<ipv4>("localhost", "99999999999999999999", ec);
    BOOST_TEST(ec == error::port_out_of_range);
    resolve<ipv4>("localhost", std::string(300, 'x'), ec);
    BOOST_TEST(ec == error::service_not_found);
    resolve<ipv4>("localhost", "no-such-service-tsock", ec);
    BOOST_TEST(ec == resolver_error::service_not_found);
}

BOOST_AUTO_TEST_CASE(a_numeric_service_never_wraps)
{
    // glibc's getaddrinfo reads a service that starts with a digit, a sign or
    // a blank with strtoul, modulo 65536: each of these was port 80 (or, for
    // "0x50" and "80 ", a lookup of a name that cannot exist). tsock refuses
    // them before the call.
    const std::pair<const char*, error> refused[] = {
        {"+80", error::bad_service},     {" 80", error::bad_service},   {"\t80", error::bad_service},
        {"\n80", error::bad_service},    {"-65456", error::bad_service}, {"+65616", error::bad_service},
        {" 65616", error::bad_service},  {"-1", error::bad_service},    {"0x50", error::bad_service},
        {"80 ", error::bad_service},     {"8O", error::bad_service},    {"+", error::bad_service},
        {"65616", error::port_out_of_range}, {"65536", error::port_out_of_range},
    };
    for (const auto& [service, expected] : refused) {
        std::error_code ec;
        const auto r = resolve<ipv4>("127.0.0.1", service, resolve_flags::numeric_host, ec);
        BOOST_TEST(ec == expected, "service \"" << service << "\": " << ec.message());
        BOOST_TEST(r.empty());
        BOOST_CHECK_EXCEPTION(resolve<inet>("127.0.0.1", service), std::system_error,
                              [&](const std::system_error& e) { return e.code() == expected; });
    }
    BOOST_TEST(make_error_code(error::bad_service).message().find("decimal digits") != std::string::npos);
    // Plain digits up to 65535 are the port, leading zeros allowed; a name
    // is a name.
    BOOST_TEST(resolve<ipv4>("127.0.0.1", "65535").front().port() == 65535);
    BOOST_TEST(resolve<ipv4>("127.0.0.1", "0080").front().port() == 80);
    BOOST_TEST(resolve<ipv4>("127.0.0.1", "0").front().port() == 0);
    BOOST_TEST(resolve<ipv4>("127.0.0.1", "http").front().port() == 80);
}

BOOST_AUTO_TEST_CASE(throwing_form_names_host_and_service)
{
    try {
        resolve<ipv4>("localhost", "no-such-service-tsock");
        BOOST_FAIL("no exception");
    } catch (const std::system_error& e) {
        const std::string what = e.what();
        BOOST_TEST(e.code() == resolver_error::service_not_found);
        BOOST_TEST(what.find("resolve \"localhost\" \"no-such-service-tsock\"") != std::string::npos, what);
    }
    try {
        resolve<ipv4>(std::string_view("a\0b", 3), 80);
        BOOST_FAIL("no exception");
    } catch (const std::system_error& e) {
        BOOST_TEST(e.code() == error::embedded_nul);
        BOOST_TEST(std::string(e.what()).find("\"a\\x00b\" \"80\"") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(names_the_test_controls)
{
    const auto outcome = tsock_test::run_in_sandbox(names_sandbox(), [] {
        std::string out;
        const auto canon = resolve<ipv4>("tsock-alias", "", resolve_flags::canonical_name);
        out += std::string(canon.canonical_name()) + "|" + joined(addresses_of(canon));
        out += "|" + std::string(resolve<ipv4>("tsock-alias", "").canonical_name()); // not asked: empty
        out += "|" + joined(addresses_of(resolve<inet>("tsock-both", "")));
        out += "|" + joined(getent_addresses("ahosts", "tsock-both"));
        out += "|" + joined(addresses_of(resolve<ipv4>("tsock-both", "")));
        out += "|" + joined(addresses_of(resolve<ipv6>("tsock-both", "")));
        std::error_code ec;
        resolve<ipv4>("tsock-six", "", ec);
        out += "|" + error_name(ec);
        resolve<inet>("no-such-host.invalid", "", ec);
        out += "|" + error_name(ec);
        return out;
    });
    std::vector<std::string> parts;
    for (const auto part : std::views::split(std::string_view(outcome), '|'))
        parts.emplace_back(part.begin(), part.end());
    BOOST_TEST_REQUIRE(parts.size() == 9u, outcome);
    BOOST_TEST(parts[0] == "tsock-canon.example");
    BOOST_TEST(parts[1] == "127.0.0.5");
    BOOST_TEST(parts[2] == "");
    BOOST_TEST(parts[3] == parts[4]); // the system's order, as getent shows it
    BOOST_TEST((parts[3] == "127.0.0.6 fd5e:feed::6" || parts[3] == "fd5e:feed::6 127.0.0.6"), parts[3]);
    BOOST_TEST(parts[5] == "127.0.0.6");
    BOOST_TEST(parts[6] == "fd5e:feed::6");
    // A host with only an IPv6 address, asked for IPv4: no address.
    BOOST_TEST((parts[7] == error_name(resolver_error::host_not_found) ||
                parts[7] == error_name(resolver_error::no_address_in_family) ||
                parts[7] == error_name(resolver_error::no_data)),
               parts[7]);
    BOOST_TEST(parts[8] == error_name(resolver_error::host_not_found));
}

BOOST_AUTO_TEST_CASE(results_own_their_list)
{
    auto a = resolve<inet>("127.0.0.1", "80");
    BOOST_TEST(!a.empty());
    auto b = std::move(a);
    BOOST_TEST(a.empty()); // NOLINT(bugprone-use-after-move): moved-from is empty
    BOOST_TEST(b.size() == 1u);
    a = std::move(b); // the list changes hands; freed once (ASan checks)
    BOOST_TEST(a.front().to_string() == "127.0.0.1:80");
    // Works with <ranges> views and algorithms.
    const auto ports = a | std::views::transform([](const inet_endpoint& e) { return e.port(); });
    BOOST_TEST(*std::ranges::begin(ports) == 80);
    BOOST_TEST(std::ranges::distance(a) == 1);
    BOOST_TEST(std::ranges::count_if(a, [](const inet_endpoint& e) { return e.is_v4(); }) == 1);
}

BOOST_AUTO_TEST_CASE(concurrent_lookups_agree)
{
    const auto expected = joined(addresses_of(resolve<inet>("localhost", "http")));
    std::vector<std::string> seen(4);
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t != seen.size(); ++t)
        threads.emplace_back([&seen, t] {
            std::string all;
            for (int i = 0; i != 50; ++i)
                all = joined(addresses_of(resolve<inet>("localhost", "http")));
            seen[t] = all;
        });
    for (auto& t : threads)
        t.join();
    for (const auto& s : seen)
        BOOST_TEST(s == expected);
}
