// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/services.hpp>

#define BOOST_TEST_MODULE services
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"
#include "support/joining_thread.hpp"

#include <algorithm>
#include <charconv>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <latch>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

// Expected values come from the system's own files: /etc/services and
// /etc/protocols, parsed here (the "files" source of nsswitch.conf, which is
// where glibc's lookups end on a host without the db source), and from
// getent, which asks the C library through another program.

using tsock::error;
using tsock_test::check_error;
using tsock::protocol_entry;
using tsock::service_entry;
using namespace std::string_view_literals;

namespace {

std::vector<std::string> words(std::string_view line)
{
    if (const auto hash = line.find('#'); hash != std::string_view::npos)
        line = line.substr(0, hash);
    std::istringstream in{std::string(line)};
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

template <class Int>
std::optional<Int> number(std::string_view text)
{
    Int value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// "22/tcp" as its port and protocol.
std::optional<std::pair<std::uint16_t, std::string>> port_and_protocol(std::string_view text)
{
    const auto slash = text.find('/');
    if (slash == std::string_view::npos)
        return std::nullopt;
    const auto port = number<std::uint16_t>(text.substr(0, slash));
    if (!port)
        return std::nullopt;
    return std::pair(*port, std::string(text.substr(slash + 1)));
}

bool has_name(const std::string& name, const std::vector<std::string>& aliases, const std::string& wanted)
{
    return name == wanted || std::find(aliases.begin(), aliases.end(), wanted) != aliases.end();
}

// The lines of a database file, split into words, comments dropped. A
// missing file fails the test: tools/install-deps.sh installs netbase.
std::vector<std::vector<std::string>> database_lines(const char* path)
{
    std::ifstream in(path);
    BOOST_REQUIRE_MESSAGE(in.is_open(), path << " is missing: install netbase (sh tools/install-deps.sh)");
    std::vector<std::vector<std::string>> lines;
    std::string line;
    for (int n = 0; n != 100000 && std::getline(in, line); ++n)
        if (auto w = words(line); !w.empty())
            lines.push_back(std::move(w));
    return lines;
}

// "name port/protocol aliases...", in file order.
const std::vector<service_entry>& services_file()
{
    static const std::vector<service_entry> entries = [] {
        std::vector<service_entry> out;
        for (const auto& w : database_lines("/etc/services")) {
            const auto port = w.size() >= 2 ? port_and_protocol(w[1]) : std::nullopt;
            BOOST_TEST_REQUIRE(port.has_value(), "unreadable /etc/services line starting " << w[0]);
            out.push_back({w[0], {w.begin() + 2, w.end()}, port->first, port->second});
        }
        return out;
    }();
    BOOST_TEST_REQUIRE(entries.size() > 10u, "/etc/services has only " << entries.size() << " entries");
    return entries;
}

// "name number aliases...", in file order.
const std::vector<protocol_entry>& protocols_file()
{
    static const std::vector<protocol_entry> entries = [] {
        std::vector<protocol_entry> out;
        for (const auto& w : database_lines("/etc/protocols")) {
            const auto n = w.size() >= 2 ? number<int>(w[1]) : std::nullopt;
            BOOST_TEST_REQUIRE(n.has_value(), "unreadable /etc/protocols line starting " << w[0]);
            out.push_back({w[0], {w.begin() + 2, w.end()}, *n});
        }
        return out;
    }();
    BOOST_TEST_REQUIRE(entries.size() > 10u, "/etc/protocols has only " << entries.size() << " entries");
    return entries;
}

std::string describe(const service_entry& e)
{
    std::string out = e.name + " " + std::to_string(e.port) + "/" + e.protocol;
    for (const auto& a : e.aliases)
        out += " " + a;
    return out;
}

std::string describe(const protocol_entry& e)
{
    std::string out = e.name + " " + std::to_string(e.number);
    for (const auto& a : e.aliases)
        out += " " + a;
    return out;
}

// The first entry of the file that answers the question (the files source
// reads in order and stops at the first match).
template <class Entry, class Match>
std::optional<Entry> first_in_file(const std::vector<Entry>& file, Match match)
{
    const auto it = std::find_if(file.begin(), file.end(), match);
    return it == file.end() ? std::nullopt : std::optional<Entry>(*it);
}

// getent's line for key ("ssh/tcp", "22/udp"), as an entry; empty when it
// finds nothing. key has been checked to be harmless in a shell command.
std::optional<service_entry> getent_service(const std::string& key)
{
    const std::string command = "getent services '" + key + "' 2>/dev/null";
    FILE* p = ::popen(command.c_str(), "r");
    BOOST_TEST_REQUIRE(p != nullptr, "popen " << command);
    std::string out;
    char buffer[4096];
    for (int n = 0; n != 16 && std::fgets(buffer, sizeof buffer, p); ++n)
        out += buffer;
    ::pclose(p);
    const auto w = words(out);
    const auto port = w.size() >= 2 ? port_and_protocol(w[1]) : std::nullopt;
    if (!port)
        return std::nullopt;
    return service_entry{w[0], {w.begin() + 2, w.end()}, port->first, port->second};
}

bool shell_safe(std::string_view s)
{
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_' || c == '.';
    });
}

} // namespace

BOOST_AUTO_TEST_CASE(every_service_by_name_agrees_with_the_file)
{
    const auto& file = services_file();
    std::size_t lookups = 0;
    for (const auto& line : file) {
        std::vector<std::string> names{line.name};
        names.insert(names.end(), line.aliases.begin(), line.aliases.end());
        for (const auto& name : names) {
            for (const std::string& protocol : {line.protocol, std::string()}) {
                const auto expected = first_in_file(file, [&](const service_entry& e) {
                    return has_name(e.name, e.aliases, name) && (protocol.empty() || e.protocol == protocol);
                });
                BOOST_TEST_REQUIRE(expected.has_value()); // line itself matches
                std::error_code ec = make_error_code(error::timed_out); // must be cleared
                const auto got = tsock::service_by_name(name, protocol, ec);
                BOOST_TEST(!ec, name << "/" << protocol << ": " << ec.message());
                BOOST_TEST(describe(got) == describe(*expected), "service_by_name " << name << "/" << protocol);
                ++lookups;
            }
        }
    }
    BOOST_TEST_MESSAGE(lookups << " lookups by name");
}

BOOST_AUTO_TEST_CASE(every_service_by_port_agrees_with_the_file)
{
    const auto& file = services_file();
    for (const auto& line : file) {
        for (const std::string& protocol : {line.protocol, std::string()}) {
            const auto expected = first_in_file(file, [&](const service_entry& e) {
                return e.port == line.port && (protocol.empty() || e.protocol == protocol);
            });
            BOOST_TEST_REQUIRE(expected.has_value());
            std::error_code ec;
            const auto got = tsock::service_by_port(line.port, protocol, ec);
            BOOST_TEST(!ec, line.port << "/" << protocol << ": " << ec.message());
            BOOST_TEST(describe(got) == describe(*expected), "service_by_port " << line.port << "/" << protocol);
            BOOST_TEST(describe(tsock::service_by_port(line.port, protocol)) == describe(*expected));
        }
    }
}

BOOST_AUTO_TEST_CASE(services_agree_with_getent)
{
    // The first twelve shell-safe entries that have aliases, and the first
    // twelve that have none: by name/protocol and by port/protocol.
    int with_aliases = 0, without = 0;
    for (const auto& line : services_file()) {
        int& count = line.aliases.empty() ? without : with_aliases;
        if (count == 12 || !shell_safe(line.name) || !shell_safe(line.protocol))
            continue;
        ++count;
        const auto by_name = getent_service(line.name + "/" + line.protocol);
        BOOST_TEST_REQUIRE(by_name.has_value(), "getent services " << line.name << "/" << line.protocol);
        BOOST_TEST(describe(tsock::service_by_name(line.name, line.protocol)) == describe(*by_name));
        const auto by_port = getent_service(std::to_string(line.port) + "/" + line.protocol);
        BOOST_TEST_REQUIRE(by_port.has_value(), "getent services " << line.port << "/" << line.protocol);
        BOOST_TEST(describe(tsock::service_by_port(line.port, line.protocol)) == describe(*by_port));
    }
    BOOST_TEST(with_aliases == 12);
    BOOST_TEST(without == 12);
}

BOOST_AUTO_TEST_CASE(every_protocol_agrees_with_the_file)
{
    const auto& file = protocols_file();
    for (const auto& line : file) {
        std::vector<std::string> names{line.name};
        names.insert(names.end(), line.aliases.begin(), line.aliases.end());
        for (const auto& name : names) {
            const auto expected =
                first_in_file(file, [&](const protocol_entry& e) { return has_name(e.name, e.aliases, name); });
            std::error_code ec = make_error_code(error::timed_out);
            const auto got = tsock::protocol_by_name(name, ec);
            BOOST_TEST(!ec, name << ": " << ec.message());
            BOOST_TEST(describe(got) == describe(*expected), "protocol_by_name " << name);
        }
        const auto expected =
            first_in_file(file, [&](const protocol_entry& e) { return e.number == line.number; });
        std::error_code ec = make_error_code(error::timed_out);
        BOOST_TEST(describe(tsock::protocol_by_number(line.number, ec)) == describe(*expected));
        BOOST_TEST(!ec, line.number << ": " << ec.message());
        BOOST_TEST(describe(tsock::protocol_by_number(line.number)) == describe(*expected));
    }
    // Numbers that two entries share (Debian: 0, ip and hopopt) answer
    // with the first; say how many the loop above covered.
    std::set<int> seen, shared;
    for (const auto& line : file)
        if (!seen.insert(line.number).second)
            shared.insert(line.number);
    BOOST_TEST_MESSAGE(shared.size() << " protocol numbers have more than one entry");
}

BOOST_AUTO_TEST_CASE(a_small_buffer_grows)
{
    if (!tsock::detail::has_reentrant_databases) {
        BOOST_TEST_MESSAGE("no reentrant lookups on this platform: nothing to grow");
        return;
    }
    // Buffers of 1 byte: every lookup goes through ERANGE and doubling.
    for (const auto& line : services_file()) {
        std::error_code ec;
        const auto got = tsock::detail::find_service(line.name.c_str(), line.protocol.c_str(), ec, 1);
        BOOST_TEST_REQUIRE(got.has_value(), line.name << ": " << ec.message());
        BOOST_TEST(describe(*got) == describe(tsock::service_by_name(line.name, line.protocol)));
        const auto by_port = tsock::detail::find_service(line.port, line.protocol.c_str(), ec, 1);
        BOOST_TEST_REQUIRE(by_port.has_value(), line.port << ": " << ec.message());
        BOOST_TEST(describe(*by_port) == describe(tsock::service_by_port(line.port, line.protocol)));
    }
    for (const auto& line : protocols_file()) {
        std::error_code ec;
        const auto got = tsock::detail::find_protocol(line.name.c_str(), ec, 1);
        BOOST_TEST_REQUIRE(got.has_value(), line.name << ": " << ec.message());
        BOOST_TEST(describe(*got) == describe(tsock::protocol_by_name(line.name)));
        const auto by_number = tsock::detail::find_protocol(line.number, ec, 1);
        BOOST_TEST_REQUIRE(by_number.has_value(), line.number << ": " << ec.message());
        BOOST_TEST(describe(*by_number) == describe(tsock::protocol_by_number(line.number)));
    }
}

BOOST_AUTO_TEST_CASE(unknown_names_ports_and_protocols)
{
    const auto& file = services_file();
    check_error([] { tsock::service_by_name("tsock-no-such-service"); }, error::service_not_found,
                "tsock: service_by_name \"tsock-no-such-service\": service not found");
    check_error([] { tsock::service_by_name("tsock-no-such-service", "tcp"); }, error::service_not_found,
                "tsock: service_by_name \"tsock-no-such-service\" \"tcp\": service not found");
    check_error([&] { tsock::service_by_name(file.front().name, "tsock-no-such-protocol"); },
                error::service_not_found, "\"tsock-no-such-protocol\"");
    check_error([] { tsock::service_by_name(""); }, error::service_not_found, "service_by_name \"\"");
    check_error([&] { tsock::service_by_port(file.front().port, "tsock-no-such-protocol"); },
                error::service_not_found, "\"tsock-no-such-protocol\"");

    // A port that no line of the file names, for any protocol.
    std::set<std::uint16_t> used;
    for (const auto& line : file)
        used.insert(line.port);
    std::uint16_t unused = 1;
    while (used.count(unused) != 0 && unused != 65535)
        ++unused;
    BOOST_TEST_REQUIRE(used.count(unused) == 0u);
    const std::string port_text = "service_by_port \"" + std::to_string(unused) + "\"";
    check_error([&] { tsock::service_by_port(unused); }, error::service_not_found, port_text);
    check_error([&] { tsock::service_by_port(unused, "tcp"); }, error::service_not_found, port_text + " \"tcp\"");

    check_error([] { tsock::protocol_by_name("tsock-no-such-protocol"); }, error::protocol_not_found,
                "tsock: protocol_by_name \"tsock-no-such-protocol\": protocol not found");
    check_error([] { tsock::protocol_by_name(""); }, error::protocol_not_found, "protocol_by_name \"\"");
    std::set<int> numbers;
    for (const auto& line : protocols_file())
        numbers.insert(line.number);
    for (const int n : {-1, 256, 65536, 1 << 30}) {
        BOOST_TEST_REQUIRE(numbers.count(n) == 0u);
        check_error([n] { tsock::protocol_by_number(n); }, error::protocol_not_found,
                    "protocol_by_number \"" + std::to_string(n) + "\"");
    }

    // The error_code forms answer with an empty entry.
    std::error_code ec;
    const auto none = tsock::service_by_name("tsock-no-such-service", ec);
    BOOST_TEST((ec == error::service_not_found));
    BOOST_TEST((none == service_entry{}));
    const auto no_protocol = tsock::protocol_by_number(-1, ec);
    BOOST_TEST((ec == error::protocol_not_found));
    BOOST_TEST((no_protocol == protocol_entry{}));
}

namespace {
template <class T>
concept looks_up_port = requires(T port) { tsock::service_by_port(port); };
} // namespace

BOOST_AUTO_TEST_CASE(a_port_is_never_wrapped)
{
    // service_by_port takes a port_number: 70000 as a constant does not
    // compile (compile_fail/service_by_port_out_of_range.cpp), and a run-time
    // int goes through port_number::checked, which refuses it. It used to look
    // up port 4464.
    static_assert(looks_up_port<std::uint16_t> && !looks_up_port<double> && !looks_up_port<bool>);
    const int wrapped = 70000;
    check_error([&] { tsock::service_by_port(tsock::port_number::checked(wrapped), "tcp"); }, error::port_out_of_range,
                "\"70000\"");
    std::error_code ec;
    const auto http = tsock::service_by_port(tsock::port_number::checked(wrapped - 69920, ec), "tcp", ec); // 80
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(http.port == 80);
}

BOOST_AUTO_TEST_CASE(a_name_that_starts_like_a_number)
{
    // As resolve refuses them: a service that starts with a digit, a sign or
    // a blank is decimal digits up to 65535 or no service at all, and says
    // which ("+80" was looked up as a name, not found, with no hint why).
    for (const std::string_view name : {"+80"sv, " 80"sv, "-1"sv, "\t80"sv, "0x50"sv, "80 "sv, "+65616"sv}) {
        std::error_code ec;
        const auto entry = tsock::service_by_name(name, "tcp", ec);
        BOOST_TEST(ec == error::bad_service, "service \"" << name << "\": " << ec.message());
        BOOST_TEST((entry == service_entry{}));
        check_error([name] { tsock::service_by_name(name); }, error::bad_service, "service_by_name");
    }
    std::error_code ec;
    tsock::service_by_name("65616", ec);
    BOOST_TEST(ec == error::port_out_of_range);
    tsock::service_by_name("80", "tcp", ec); // digits in range: no entry has that name
    BOOST_TEST(ec == error::service_not_found);
    BOOST_TEST(tsock::service_by_name("http", "tcp", ec).port == 80);
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(a_nul_byte_is_never_cut_off)
{
    // Each name before its NUL exists: a lookup of the truncated text would
    // find it.
    const auto& service = services_file().front();
    const auto& protocol = protocols_file().front();
    const std::string name = service.name + '\0' + "x";
    const std::string protocol_name = service.protocol + '\0' + "x";
    const std::string protocol_text = protocol.name + '\0';
    BOOST_TEST_REQUIRE(tsock::service_by_name(service.name, service.protocol).port == service.port);

    std::error_code ec;
    BOOST_TEST(tsock::service_by_name(name, ec).name.empty());
    BOOST_TEST((ec == error::embedded_nul));
    BOOST_TEST(tsock::service_by_name(service.name, protocol_name, ec).name.empty());
    BOOST_TEST((ec == error::embedded_nul));
    BOOST_TEST(tsock::service_by_port(service.port, protocol_name, ec).name.empty());
    BOOST_TEST((ec == error::embedded_nul));
    BOOST_TEST(tsock::protocol_by_name(protocol_text, ec).name.empty());
    BOOST_TEST((ec == error::embedded_nul));
    BOOST_TEST(tsock::service_by_name("\0"sv, ec).name.empty());
    BOOST_TEST((ec == error::embedded_nul));

    check_error([&] { tsock::service_by_name(name, service.protocol); }, error::embedded_nul,
                "service_by_name \"" + service.name + "\\x00x\" \"" + service.protocol + "\": name contains a NUL");
    check_error([&] { tsock::service_by_port(service.port, protocol_name); }, error::embedded_nul,
                "\"" + service.protocol + "\\x00x\"");
    check_error([&] { tsock::protocol_by_name(protocol_text); }, error::embedded_nul,
                "protocol_by_name \"" + protocol.name + "\\x00\"");
}

BOOST_AUTO_TEST_CASE(concurrent_lookups_agree)
{
    // Every service by name and by port, every protocol by name and number:
    // once here, then by eight threads at once.
    const auto& services = services_file();
    const auto& protocols = protocols_file();
    const auto run_all = [&] {
        std::vector<std::string> out;
        for (const auto& line : services) {
            std::error_code ec;
            out.push_back(describe(tsock::service_by_name(line.name, line.protocol, ec)) + ec.message());
            out.push_back(describe(tsock::service_by_port(line.port, ec)) + ec.message());
        }
        for (const auto& line : protocols) {
            std::error_code ec;
            out.push_back(describe(tsock::protocol_by_name(line.name, ec)) + ec.message());
            out.push_back(describe(tsock::protocol_by_number(line.number, ec)) + ec.message());
        }
        return out;
    };
    const auto expected = run_all();
    constexpr int thread_count = 8;
    std::vector<int> agreed(thread_count, 0); // not vector<bool>: one element per thread
    {
        std::latch start(thread_count);
        std::vector<tsock_test::joining_thread> threads;
        for (int t = 0; t != thread_count; ++t)
            threads.emplace_back([&, t] {
                start.arrive_and_wait();
                int same = 0;
                for (int round = 0; round != 3; ++round)
                    same += run_all() == expected ? 1 : 0;
                agreed[std::size_t(t)] = same;
            });
    }
    for (int t = 0; t != thread_count; ++t)
        BOOST_TEST(agreed[std::size_t(t)] == 3, "thread " << t << ": " << agreed[std::size_t(t)] << " of 3 rounds");
}
