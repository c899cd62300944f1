// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/family.hpp>

#define BOOST_TEST_MODULE family
#include <boost/test/unit_test.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <concepts>
#include <cstring>
#include <string>
#include <string_view>
#include <tuple>

namespace {

// Types that must not pass as families, one missing piece each.
struct no_domain {
    using address_type = tsock::address_v4;
};
struct no_address_type {
    [[maybe_unused]] static constexpr int domain = AF_INET;
};
struct domain_not_a_number {
    using address_type = tsock::address_v4;
    static constexpr std::string_view domain = "inet";
};
struct address_is_not_a_class {
    using address_type = int;
    static constexpr int domain = AF_INET;
};
struct parse_returns_another_type {
    struct address {
        static int parse(std::string_view);
        std::string to_string() const;
    };
    using address_type = address;
    static constexpr int domain = AF_INET;
};
struct no_to_string {
    struct address {
        static address parse(std::string_view);
    };
    using address_type = address;
    static constexpr int domain = AF_INET;
};
struct to_string_returns_a_view {
    struct address {
        static address parse(std::string_view);
        std::string_view to_string() const;
    };
    using address_type = address;
    static constexpr int domain = AF_INET;
};
// And one that passes without being one of tsock's.
struct custom_family {
    using address_type = tsock::address_v6;
    static constexpr int domain = AF_INET6;
};

// The loopback address of each family, as text.
template <class F>
struct loopback_of;
template <>
struct loopback_of<tsock::ipv4> {
    static constexpr const char* text = "127.0.0.1";
};
template <>
struct loopback_of<tsock::ipv6> {
    static constexpr const char* text = "::1";
};

using families = std::tuple<tsock::ipv4, tsock::ipv6>;

} // namespace

BOOST_AUTO_TEST_CASE(policies_name_the_system_constants)
{
    static_assert(tsock::ipv4::domain == AF_INET);
    static_assert(tsock::ipv6::domain == AF_INET6);
    static_assert(tsock::ipv4::domain != tsock::ipv6::domain);
    static_assert(std::same_as<tsock::ipv4::address_type, tsock::address_v4>);
    static_assert(std::same_as<tsock::ipv6::address_type, tsock::address_v6>);
    static_assert(tsock::ipv4::name == "ipv4");
    static_assert(tsock::ipv6::name == "ipv6");
    static_assert(std::is_empty_v<tsock::ipv4> && std::is_empty_v<tsock::ipv6>); // tags
    BOOST_TEST(tsock::ipv4::domain == AF_INET);
    BOOST_TEST(tsock::ipv6::domain == AF_INET6);
}

BOOST_AUTO_TEST_CASE(concept_accepts_families_and_rejects_the_rest)
{
    static_assert(tsock::address_family<tsock::ipv4>);
    static_assert(tsock::address_family<tsock::ipv6>);
    static_assert(tsock::address_family<custom_family>);

    static_assert(!tsock::address_family<int>);
    static_assert(!tsock::address_family<void>);
    static_assert(!tsock::address_family<tsock::address_v4>);
    static_assert(!tsock::address_family<no_domain>);
    static_assert(!tsock::address_family<no_address_type>);
    static_assert(!tsock::address_family<domain_not_a_number>);
    static_assert(!tsock::address_family<address_is_not_a_class>);
    static_assert(!tsock::address_family<parse_returns_another_type>);
    static_assert(!tsock::address_family<no_to_string>);
    static_assert(!tsock::address_family<to_string_returns_a_view>);
    BOOST_TEST(tsock::address_family<tsock::ipv4>);
}

BOOST_AUTO_TEST_CASE_TEMPLATE(domain_and_address_type_work_with_the_system, F, families)
{
    // The address type parses the family's text as the C library does with
    // the family's domain.
    const std::string text = loopback_of<F>::text;
    const auto a = F::address_type::parse(text);
    BOOST_TEST(a.to_string() == text);
    unsigned char native[16] = {};
    BOOST_TEST(::inet_pton(F::domain, text.c_str(), native) == 1);
    char back[INET6_ADDRSTRLEN] = {};
    BOOST_TEST(::inet_ntop(F::domain, native, back, sizeof back) != nullptr);
    BOOST_TEST(a.to_string() == back);

    // A socket of the family's domain: bound to loopback, port 0, it reports
    // the same domain back.
    const int fd = ::socket(F::domain, SOCK_DGRAM, 0);
    if (fd < 0 && errno == EAFNOSUPPORT) {
        BOOST_TEST_MESSAGE(F::name << " sockets are not supported here: skipped");
        return;
    }
    BOOST_REQUIRE(fd >= 0);
    ::sockaddr_storage storage{};
    socklen_t length = 0;
    if constexpr (F::domain == AF_INET) {
        ::sockaddr_in sin{};
        sin.sin_family = AF_INET;
        sin.sin_addr = a.to_in_addr();
        std::memcpy(&storage, &sin, sizeof sin);
        length = sizeof sin;
    } else {
        ::sockaddr_in6 sin6{};
        sin6.sin6_family = AF_INET6;
        sin6.sin6_addr = a.to_in6_addr();
        std::memcpy(&storage, &sin6, sizeof sin6);
        length = sizeof sin6;
    }
    const int bound = ::bind(fd, reinterpret_cast<const ::sockaddr*>(&storage), length);
    const int bind_errno = errno;
    if (bound == 0) {
        ::sockaddr_storage got{};
        socklen_t got_length = sizeof got;
        BOOST_TEST(::getsockname(fd, reinterpret_cast<::sockaddr*>(&got), &got_length) == 0);
        BOOST_TEST(got.ss_family == F::domain);
    } else {
        BOOST_TEST_MESSAGE(F::name << " loopback bind failed (errno " << bind_errno << "): skipped");
    }
    ::close(fd);
}
