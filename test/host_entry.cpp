// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/host_entry.hpp>

#define BOOST_TEST_MODULE host_entry
#include <boost/test/unit_test.hpp>

#include "support/host_entries.hpp"

#include <string>
#include <system_error>
#include <thread>
#include <vector>

// Expected entries are those of the hosts file each test writes into its own
// mount namespace (nsswitch "hosts: files", host.conf "multi on": every line
// of a name counts). No name server is asked.

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using tsock::resolver_error;
using tsock_test::show;

namespace {

std::string many_aliases()
{
    std::string line;
    for (int i = 0; i != 300; ++i)
        line += " tsock-alias-number-" + std::to_string(i);
    return line; // about 7 KB: more than the first buffer holds
}

tsock_test::sandbox hosts_sandbox()
{
    return tsock_test::hosts_sandbox("127.0.0.8 tsock-many" + many_aliases() + "\n");
}

} // namespace

BOOST_AUTO_TEST_CASE(entries_from_the_hosts_file)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        std::string out;
        out += show(tsock::host_entry_by_name("tsock-five"));
        out += "|" + show(tsock::host_entry_by_name("alias-b")); // by an alias
        out += "|" + show(tsock::host_entry_by_name("tsock-multi"));
        out += "|" + show(tsock::host_entry_by_address(address_v4::parse("127.0.0.5")));
        out += "|" + show(tsock::host_entry_by_address(address_v6::parse("fd5e:feed::5")));
        out += "|" + show(tsock::host_entry_by_name("127.0.0.77")); // numeric: no lookup
        return out;
    });
    BOOST_TEST(outcome == "tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]"
                          "|tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]"
                          "|tsock-multi [ ] [ 127.0.0.6 127.0.0.7 ]"
                          "|tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]"
                          "|tsock-six [ six-alias ] [ fd5e:feed::5 ]"
                          "|127.0.0.77 [ ] [ 127.0.0.77 ]");
}

BOOST_AUTO_TEST_CASE(large_entries_grow_the_buffer)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        const auto e = tsock::host_entry_by_name("tsock-many");
        const auto r = tsock::host_entry_by_address(address_v4::parse("127.0.0.8"));
        return std::to_string(e.aliases.size()) + " " + e.aliases.back() + " " + std::to_string(r.aliases.size());
    });
    BOOST_TEST(outcome == "300 tsock-alias-number-299 300");
}

BOOST_AUTO_TEST_CASE(not_found_and_bad_input)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        std::string out;
        std::error_code ec;
        const auto e = tsock::host_entry_by_name("no-such-host.invalid", ec);
        out += std::to_string(ec == resolver_error::host_not_found) + std::to_string(e.name.empty());
        tsock::host_entry_by_address(address_v4::parse("127.0.0.99"), ec);
        out += std::to_string(ec == resolver_error::host_not_found);
        try {
            tsock::host_entry_by_name("no-such-host.invalid");
            out += "|no exception";
        } catch (const std::system_error& x) {
            out += std::string("|") + x.what();
        }
        try {
            tsock::host_entry_by_address(address_v6::parse("fd5e:feed::99"));
            out += "|no exception";
        } catch (const std::system_error& x) {
            out += std::string("|") + x.what();
        }
        return out;
    });
    BOOST_TEST(outcome.substr(0, 3) == "111", outcome);
    BOOST_TEST(outcome.find("|tsock: host_entry_by_name \"no-such-host.invalid\": ") != std::string::npos, outcome);
    BOOST_TEST(outcome.find("|tsock: host_entry_by_address \"fd5e:feed::99\": ") != std::string::npos, outcome);

    std::error_code ec;
    tsock::host_entry_by_name("", ec);
    BOOST_TEST(ec == error::empty_host);
    tsock::host_entry_by_name(std::string_view("tsock-five\0x", 12), ec);
    BOOST_TEST(ec == error::embedded_nul);
    tsock::host_entry_by_name(std::string(254, 'a'), ec);
    BOOST_TEST(ec == error::name_too_long);
    tsock::host_entry_by_name(std::string(64, 'a'), ec);
    BOOST_TEST(ec == error::label_too_long);
}

BOOST_AUTO_TEST_CASE(concurrent_lookups_agree)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        std::vector<std::string> seen(4);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t != seen.size(); ++t)
            threads.emplace_back([&seen, t] {
                for (int i = 0; i != 100; ++i)
                    seen[t] = show(tsock::host_entry_by_name(i % 2 ? "tsock-five" : "tsock-multi")) +
                              show(tsock::host_entry_by_address(address_v4::parse("127.0.0.5")));
            });
        for (auto& t : threads)
            t.join();
        std::string out;
        for (const auto& s : seen)
            out += s + "\n";
        return out;
    });
    const std::string one = "tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]\n";
    BOOST_TEST(outcome == one + one + one + one);
}
