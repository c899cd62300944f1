// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#ifndef TSOCK_TEST_SUPPORT_HOST_ENTRIES_HPP
#define TSOCK_TEST_SUPPORT_HOST_ENTRIES_HPP

// What the host entry tests share (host_entry.cpp, python.cpp): the hosts
// file of their sandbox and a printable form of an entry.

#include "sandbox.hpp"

#include <tsock/host_entry.hpp>

#include <string>
#include <string_view>

namespace tsock_test {

// A sandbox whose /etc/hosts has these names (and extra_lines after them),
// with host.conf "multi on": every line of a name counts.
inline sandbox hosts_sandbox(std::string_view extra_lines = {})
{
    sandbox s;
    s.hosts = "127.0.0.1 localhost\n"
              "127.0.0.5 tsock-five alias-a alias-b\n"
              "127.0.0.6 tsock-multi\n"
              "127.0.0.7 tsock-multi\n"
              "fd5e:feed::5 tsock-six six-alias\n";
    s.hosts += extra_lines;
    s.files.push_back({"/etc/host.conf", "multi on\n"});
    return s;
}

// "name [ alias ... ] [ address ... ]".
template <class Address>
std::string show(const tsock::host_entry<Address>& e)
{
    std::string s = e.name + " [";
    for (const auto& a : e.aliases)
        s += " " + a;
    s += " ] [";
    for (const auto& a : e.addresses)
        s += " " + a.to_string();
    return s + " ]";
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_HOST_ENTRIES_HPP
