// A program outside tsock's tree, built against it as a user would.
#include <tsock.hpp>

#include <iostream>

int main()
{
    using namespace tsock::literals;
    constexpr auto a = "192.0.2.1"_ipv4;
    const auto b = tsock::address_v6::parse("2001:DB8:0:0:0:0:0:1");
    std::cout << a << ' ' << b << '\n';
    return a.is_documentation() && b.is_documentation() && b.to_string() == "2001:db8::1" ? 0 : 1;
}
