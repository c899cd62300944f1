// A program outside tsock's tree, built against it as a user would.
#include <tsock.hpp>

#include <iostream>
#include <string_view>

// The installed package's version (CMake's find_package) is the headers'.
#ifdef EXPECTED_TSOCK_VERSION
static_assert(TSOCK_VERSION == EXPECTED_TSOCK_VERSION, "the package and the headers disagree on the version");
#endif
// pkg-config's --modversion is the headers' version.
#ifdef EXPECTED_TSOCK_VERSION_TEXT
#define TSOCK_CONSUMER_TEXT(x) #x
#define TSOCK_CONSUMER_VERSION_TEXT(a, b, c) TSOCK_CONSUMER_TEXT(a) "." TSOCK_CONSUMER_TEXT(b) "." TSOCK_CONSUMER_TEXT(c)
static_assert(std::string_view(TSOCK_CONSUMER_VERSION_TEXT(TSOCK_VERSION_MAJOR, TSOCK_VERSION_MINOR,
                                                           TSOCK_VERSION_PATCH)) == EXPECTED_TSOCK_VERSION_TEXT,
              "pkg-config and the headers disagree on the version");
#endif
#if !defined(TSOCK_VERSION) || TSOCK_VERSION < 100
#error "TSOCK_VERSION is missing or below 0.1.0"
#endif

int main()
{
    using namespace tsock::literals;
    constexpr auto a = "192.0.2.1"_ipv4;
    const auto b = tsock::address_v6::parse("2001:DB8:0:0:0:0:0:1");
    std::cout << a << ' ' << b << '\n';
    return a.is_documentation() && b.is_documentation() && b.to_string() == "2001:db8::1" ? 0 : 1;
}
