// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// A tour of tsock's addresses and byte order: the part of Python's socket
// module that needs no socket (inet_aton, inet_pton, htons, ...), typed.
//
//   address_tour              the tour
//   address_tour TEXT...      parse each TEXT as IPv4, IPv6 and inet_aton
//                             and classify it

#include <tsock.hpp>

#include <cstdint>
#include <iomanip>
#include <iostream>
#include <string>
#include <string_view>

namespace {

using namespace tsock::literals;

// Checked while compiling: a typo in one of these does not build.
constexpr auto gateway = "192.168.1.1"_ipv4;
constexpr auto link_local = "fe80::1%1"_ipv6;
static_assert(gateway.is_private() && link_local.is_link_local());

template <class Address>
void classify(const Address& a)
{
    std::cout << "    " << std::left << std::setw(28) << a.to_string();
    auto flag = [](bool on, const char* name) {
        if (on)
            std::cout << ' ' << name;
    };
    flag(a.is_unspecified(), "unspecified");
    flag(a.is_loopback(), "loopback");
    flag(a.is_multicast(), "multicast");
    flag(a.is_link_local(), "link-local");
    flag(a.is_private(), "private");
    flag(a.is_documentation(), "documentation");
    flag(a.is_benchmarking(), "benchmarking");
    flag(a.is_global(), "global");
    if constexpr (std::is_same_v<Address, tsock::address_v6>) {
        flag(a.is_v4_mapped(), "v4-mapped");
        if (a.to_v4())
            std::cout << " (holds " << *a.to_v4() << ')';
    }
    std::cout << '\n';
}

void explain(std::string_view text)
{
    std::cout << '"' << text << "\"\n";
    std::error_code ec;
    if (const auto a = tsock::address_v4::parse(text, ec); !ec)
        classify(a);
    else
        std::cout << "    not IPv4: " << ec.message() << '\n';
    if (const auto a = tsock::address_v6::parse(text, ec); !ec)
        classify(a);
    else
        std::cout << "    not IPv6: " << ec.message() << '\n';
    if (const auto a = tsock::inet_aton(text, ec); !ec)
        std::cout << "    inet_aton reads it as " << a << '\n';
}

void tour()
{
    std::cout << "Compile-time literals\n";
    classify(gateway);
    classify(link_local);

    std::cout << "\nParsing and RFC 5952 formatting\n";
    for (std::string_view text : {"2001:DB8:0:0:1:0:0:1", "0:0:0:0:0:0:0:1", "::FFFF:192.0.2.33", "ff02::1",
                                  "198.18.0.7", "8.8.8.8"}) {
        std::cout << "  " << std::left << std::setw(24) << text << "->";
        std::error_code ec;
        if (const auto v6 = tsock::address_v6::parse(text, ec); !ec)
            classify(v6);
        else
            classify(tsock::address_v4::parse(text));
    }

    std::cout << "\nErrors say what is wrong\n";
    for (std::string_view text : {"1.2.3.04", "1::2::3", "12345::", "fe80::1%nosuchif0"}) {
        try {
            if (text.find(':') == std::string_view::npos)
                (void)tsock::address_v4::parse(text);
            else
                (void)tsock::address_v6::parse(text);
        } catch (const std::system_error& e) {
            std::cout << "  " << e.what() << '\n';
        }
    }

    std::cout << "\nPython's legacy forms\n";
    for (std::string_view text : {"127.1", "0x7f.1", "0177.0.0.1", "2130706433"})
        std::cout << "  inet_aton(\"" << text << "\") = " << tsock::inet_ntoa(tsock::inet_aton(text)) << '\n';

    std::cout << "\nByte order (host is " << (std::endian::native == std::endian::little ? "little" : "big")
              << "-endian)\n"
              << std::hex << std::showbase << "  htons(0x1234) = " << tsock::htons(0x1234)
              << "\n  htonl(0x7f000001) = " << tsock::htonl(0x7f000001)
              << "\n  hton(uint64_t{0x0102030405060708}) = " << tsock::hton(std::uint64_t{0x0102030405060708})
              << std::dec << '\n';
}

} // namespace

int main(int argc, char** argv)
{
    if (argc > 1 && std::string_view(argv[1]) == "--help") {
        std::cout << "usage: address_tour [TEXT...]\n"
                     "  with no TEXT: a tour of tsock's addresses and byte order\n"
                     "  with TEXT:    parse and classify each TEXT\n";
        return 0;
    }
    if (argc == 1) {
        tour();
        return 0;
    }
    for (int i = 1; i != argc; ++i)
        explain(argv[i]);
    return 0;
}
