// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.

// The test cases test/format.cpp (std::format) and test/fmt.cpp (fmt) share.
// Included once, after the including file has defined:
//   TSOCK_TEST_FORMAT(...)              the library's format, a constant format string
//   TSOCK_TEST_RUNTIME_FORMAT(f, value) the same with f a runtime std::string_view
//   tsock_test::format_error            the exception a bad spec throws
//   tsock_test::parse_context           its format parse context
//   tsock_test::formatter<T>            its formatter

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include <boost/test/unit_test.hpp>

#include <string>
#include <string_view>

namespace tsock_test {

// True when lambda() is a constant expression: a spec parse() accepts in a
// constant format string; a rejected one (parse throws) is not constant.
template <class Lambda, int = (Lambda{}(), 0)>
constexpr bool is_constant(Lambda, int) { return true; }
template <class Lambda>
constexpr bool is_constant(Lambda, long) { return false; }

// One value of each formattable type, and what operator<< writes for it.
inline const tsock::address_v4 v4 = tsock::address_v4::parse("192.0.2.1");
inline const tsock::address_v6 v6_scoped = tsock::address_v6::parse("fe80::1%3");
inline const tsock::ipv4_endpoint ep4(v4, 80);
inline const tsock::ipv6_endpoint ep6(v6_scoped, 443);

} // namespace tsock_test

BOOST_AUTO_TEST_CASE(each_type_as_to_string)
{
    using namespace tsock;
    using namespace tsock_test;
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", v4) == "192.0.2.1");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", v6_scoped) == "fe80::1%3");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", address_v6::parse("::ffff:192.0.2.1")) == "::ffff:192.0.2.1");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", ep4) == "192.0.2.1:80");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", ep6) == "[fe80::1%3]:443");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", inet_endpoint(ep4)) == "192.0.2.1:80");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", inet_endpoint(ep6)) == "[fe80::1%3]:443");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", local_endpoint::path("/tmp/tsock.sock")) == "/tmp/tsock.sock");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", local_endpoint()) == "");
#if defined(__linux__)
    using namespace std::string_view_literals;
    // The NUL and the backslash escaped as to_string() escapes them.
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", local_endpoint::abstract("a\0b\\c"sv)) == "@a\\x00b\\x5cc");
#endif
    BOOST_TEST(TSOCK_TEST_FORMAT("{} -> {}", ep4, inet_endpoint(ep6)) == "192.0.2.1:80 -> [fe80::1%3]:443");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:s}", v4) == "192.0.2.1");
}

// The longest text of each type fills the buffer formatting uses exactly.
BOOST_AUTO_TEST_CASE(longest_texts)
{
    using namespace tsock;
    const std::string max_v4 = "255.255.255.255";
    const std::string max_v6 = "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff%4294967295";
    BOOST_TEST(max_v4.size() == address_v4::max_string_length);
    BOOST_TEST(max_v6.size() == address_v6::max_string_length);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", address_v4::parse(max_v4)) == max_v4);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", address_v6::parse(max_v6)) == max_v6);
    const ipv4_endpoint e4(address_v4::parse(max_v4), 65535);
    const ipv6_endpoint e6(address_v6::parse(max_v6), 65535);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", e4).size() == ipv4_endpoint::max_string_length);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", e6).size() == ipv6_endpoint::max_string_length);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", e4) == e4.to_string());
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", e6) == "[" + max_v6 + "]:65535");
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", inet_endpoint(e6)) == "[" + max_v6 + "]:65535");
    const std::string long_path(local_endpoint::max_path_length, 'p');
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", local_endpoint::path(long_path)) == long_path);
#if defined(__linux__)
    const std::string nuls(local_endpoint::max_abstract_length, '\0');
    const auto abstract = local_endpoint::abstract(nuls);
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", abstract) == abstract.to_string());
    BOOST_TEST(TSOCK_TEST_FORMAT("{}", abstract).size() == 1 + 4 * nuls.size());
#endif
}

BOOST_AUTO_TEST_CASE(fill_alignment_width)
{
    using namespace tsock;
    using namespace tsock_test;
    BOOST_TEST(TSOCK_TEST_FORMAT("{:>20}", v4) == std::string(11, ' ') + "192.0.2.1");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:20}|", v4) == "192.0.2.1" + std::string(11, ' ') + "|"); // strings go left
    BOOST_TEST(TSOCK_TEST_FORMAT("{:*<14}", ep4) == "192.0.2.1:80**");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:-^19}", ep6) == "--[fe80::1%3]:443--");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:.>12}", v6_scoped) == "...fe80::1%3");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:>{}}", inet_endpoint(ep4), 14) == "  192.0.2.1:80");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:>20}", local_endpoint::path("/run/s")) == std::string(14, ' ') + "/run/s");
    BOOST_TEST(TSOCK_TEST_FORMAT("{:>4}", v4) == "192.0.2.1"); // a width never cuts
    BOOST_TEST(TSOCK_TEST_FORMAT("{:.7}", v4) == "192.0.2"); // a precision does, as for a string
    BOOST_TEST(TSOCK_TEST_FORMAT("{:>8.3}", ep6) == "     [fe");
}

// Specs that make no sense for text: rejected by the string formatter's
// parse, at run time with a runtime format string...
BOOST_AUTO_TEST_CASE(bad_specs_throw)
{
    using namespace tsock_test;
    for (std::string_view spec : {"{:d}", "{:x}", "{:+}", "{:#}", "{:05}", "{:L}", "{:-1}", "{:>20d}"}) {
        BOOST_TEST_CONTEXT(spec)
        {
            BOOST_CHECK_THROW((void)TSOCK_TEST_RUNTIME_FORMAT(spec, v4), format_error);
            BOOST_CHECK_THROW((void)TSOCK_TEST_RUNTIME_FORMAT(spec, ep6), format_error);
            BOOST_CHECK_THROW((void)TSOCK_TEST_RUNTIME_FORMAT(spec, tsock::local_endpoint()), format_error);
        }
    }
    BOOST_TEST(TSOCK_TEST_RUNTIME_FORMAT("{:>20}", v4) == std::string(11, ' ') + "192.0.2.1");
}

// ... and parse is a constant expression for a good spec only, which is
// what lets a constant format string with a bad one fail to compile.
BOOST_AUTO_TEST_CASE(specs_checked_while_compiling)
{
    using tsock_test::formatter;
    using tsock_test::is_constant;
    using tsock_test::parse_context;
    static_assert(is_constant([] { parse_context pc(">20}"); formatter<tsock::address_v4>().parse(pc); }, 0));
    static_assert(is_constant([] { parse_context pc("*^41s}"); formatter<tsock::ipv6_endpoint>().parse(pc); }, 0));
    static_assert(is_constant([] { parse_context pc("}"); formatter<tsock::local_endpoint>().parse(pc); }, 0));
    static_assert(!is_constant([] { parse_context pc("d}"); formatter<tsock::address_v4>().parse(pc); }, 0));
    static_assert(!is_constant([] { parse_context pc("+}"); formatter<tsock::inet_endpoint>().parse(pc); }, 0));
    static_assert(!is_constant([] { parse_context pc("#x}"); formatter<tsock::local_endpoint>().parse(pc); }, 0));
    BOOST_TEST(true);
}
