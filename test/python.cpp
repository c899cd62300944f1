// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/python.hpp>

#define BOOST_TEST_MODULE python
#include <boost/test/unit_test.hpp>

#include "support/host_entries.hpp"

#include <string>
#include <string_view>
#include <system_error>

// Python's spellings answer what the tsock functions they stand for answer,
// for the hosts file each test writes into its own mount namespace (nsswitch
// "hosts: files"): no name server is asked. The tsock functions themselves
// are tested in host_entry.cpp and resolve.cpp.

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using tsock::resolver_error;
namespace py = tsock::python;
using tsock_test::hosts_sandbox;
using tsock_test::show;

BOOST_AUTO_TEST_CASE(the_aliases_answer_as_the_tsock_functions)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        std::string out;
        out += show(py::gethostbyname_ex("tsock-five"));
        out += "|" + std::to_string(show(py::gethostbyname_ex("alias-b")) == show(tsock::host_entry_by_name("alias-b")));
        out += "|" + show(py::gethostbyname_ex("tsock-multi"));
        out += "|" + show(py::gethostbyaddr(address_v4::parse("127.0.0.5")));
        out += "|" + show(py::gethostbyaddr(address_v6::parse("fd5e:feed::5")));
        out += "|" + py::gethostbyname("tsock-five").to_string();
        out += "|" + py::gethostbyname("127.0.0.77").to_string(); // numeric: no lookup
        out += "|" + std::to_string(py::gethostbyname("tsock-multi") ==
                                    tsock::resolve<tsock::ipv4>("tsock-multi", "").front().address());
        return out;
    });
    BOOST_TEST(outcome == "tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]"
                          "|1"
                          "|tsock-multi [ ] [ 127.0.0.6 127.0.0.7 ]"
                          "|tsock-five [ alias-a alias-b ] [ 127.0.0.5 ]"
                          "|tsock-six [ six-alias ] [ fd5e:feed::5 ]"
                          "|127.0.0.5"
                          "|127.0.0.77"
                          "|1");
}

BOOST_AUTO_TEST_CASE(errors_name_the_python_call)
{
    const auto outcome = tsock_test::run_in_sandbox(hosts_sandbox(), [] {
        std::string out;
        std::error_code ec;
        const auto e = py::gethostbyname_ex("no-such-host.invalid", ec);
        out += std::to_string(ec == resolver_error::host_not_found) + std::to_string(e.name.empty());
        py::gethostbyaddr(address_v4::parse("127.0.0.99"), ec);
        out += std::to_string(ec == resolver_error::host_not_found);
        const auto a = py::gethostbyname("no-such-host.invalid", ec);
        out += std::to_string(ec == resolver_error::host_not_found) + std::to_string(a == address_v4());
        for (const auto& call : {+[] { (void)py::gethostbyname_ex("no-such-host.invalid"); },
                                 +[] { (void)py::gethostbyaddr(address_v6::parse("fd5e:feed::99")); },
                                 +[] { (void)py::gethostbyname("no-such-host.invalid"); }}) {
            try {
                call();
                out += "|no exception";
            } catch (const std::system_error& x) {
                out += std::string("|") + x.what();
            }
        }
        return out;
    });
    BOOST_TEST(outcome.substr(0, 5) == "11111", outcome);
    BOOST_TEST(outcome.find("|tsock: gethostbyname_ex \"no-such-host.invalid\": ") != std::string::npos, outcome);
    BOOST_TEST(outcome.find("|tsock: gethostbyaddr \"fd5e:feed::99\": ") != std::string::npos, outcome);
    BOOST_TEST(outcome.find("|tsock: gethostbyname \"no-such-host.invalid\": ") != std::string::npos, outcome);

    // Names no lookup could take are refused before it, as by tsock's names.
    std::error_code ec;
    py::gethostbyname_ex("", ec);
    BOOST_TEST(ec == error::empty_host);
    py::gethostbyname_ex(std::string_view("tsock-five\0x", 12), ec);
    BOOST_TEST(ec == error::embedded_nul);
    py::gethostbyname(std::string(254, 'a'), ec);
    BOOST_TEST(ec == error::name_too_long);
    py::gethostbyname(std::string(64, 'a'), ec);
    BOOST_TEST(ec == error::label_too_long);
}
