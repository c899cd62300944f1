// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/endpoint.hpp>

#define BOOST_TEST_MODULE endpoint
#include <boost/test/unit_test.hpp>

#include <tsock/error.hpp>
#include <tsock/family.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include <cstring>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <vector>

#include <sys/socket.h>
#include <sys/un.h>

using tsock::inet_endpoint;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;
using tsock::local_endpoint;

// ---------------------------------------------------------------------------
// tsock's endpoints

static_assert(tsock::endpoint<ipv4_endpoint>, "ipv4_endpoint models tsock::endpoint");
static_assert(tsock::endpoint<ipv6_endpoint>, "ipv6_endpoint models tsock::endpoint");
static_assert(tsock::endpoint<inet_endpoint>, "inet_endpoint models tsock::endpoint");
static_assert(tsock::endpoint<local_endpoint>, "local_endpoint models tsock::endpoint");

// family_of_t is the endpoint's family_type, whatever the reference or cv.
static_assert(std::is_same_v<tsock::family_of_t<ipv4_endpoint>, tsock::ipv4>);
static_assert(std::is_same_v<tsock::family_of_t<ipv6_endpoint>, tsock::ipv6>);
static_assert(std::is_same_v<tsock::family_of_t<inet_endpoint>, tsock::inet>);
static_assert(std::is_same_v<tsock::family_of_t<local_endpoint>, tsock::local>);
static_assert(std::is_same_v<tsock::family_of_t<const ipv4_endpoint&>, tsock::ipv4>);
static_assert(std::is_same_v<tsock::family_of_t<local_endpoint&&>, tsock::local>);

// And the family's endpoint_type is the endpoint again.
static_assert(std::is_same_v<tsock::ipv4::endpoint_type, ipv4_endpoint>);
static_assert(std::is_same_v<tsock::ipv6::endpoint_type, ipv6_endpoint>);
static_assert(std::is_same_v<tsock::inet::endpoint_type, inet_endpoint>);
static_assert(std::is_same_v<tsock::local::endpoint_type, local_endpoint>);

// family() is a constant where the family fixes it (callable on the type,
// in a constant expression) ...
template <class E>
concept constant_family = requires { typename std::integral_constant<int, E::family()>; };
static_assert(constant_family<ipv4_endpoint> && ipv4_endpoint::family() == AF_INET);
static_assert(constant_family<ipv6_endpoint> && ipv6_endpoint::family() == AF_INET6);
static_assert(constant_family<local_endpoint> && local_endpoint::family() == AF_UNIX);
// ... the family policy's own domain ...
static_assert(ipv4_endpoint::family() == tsock::ipv4::domain);
static_assert(ipv6_endpoint::family() == tsock::ipv6::domain);
static_assert(local_endpoint::family() == tsock::local::domain);
// ... and per value for inet, one its family can be.
static_assert(!constant_family<inet_endpoint>, "inet_endpoint's family is the value's");
constexpr inet_endpoint inet_v4 = ipv4_endpoint(tsock::address_v4::loopback(), 80);
constexpr inet_endpoint inet_v6 = ipv6_endpoint(tsock::address_v6::loopback(), 80);
static_assert(inet_v4.family() == AF_INET && inet_v6.family() == AF_INET6);
static_assert(tsock::inet::can_be(inet_v4.family()) && tsock::inet::can_be(inet_v6.family()));
static_assert(tsock::family_can_be<tsock::inet>(inet_endpoint().family()), "a default inet_endpoint too");
static_assert(!tsock::inet::can_be(AF_UNIX));

// ---------------------------------------------------------------------------
// A user's endpoint: the complete one models the concept; one with a part
// missing (or the first wave's `static constexpr int family`) does not.

struct user_family;

enum class missing {
    nothing,
    family_type,
    native_type,
    family,
    to_native,
    native_size,
    from_native,
    equality,
    default_constructor,
    // Not missing, but of the wrong type:
    to_native_returns_pointer,
    from_native_returns_int,
};

// (Bases holding the member types, so that one can be left out; they
// compare, as a defaulted == compares the bases too.)
template <missing M>
struct user_family_type {
    using family_type = user_family;
    bool operator==(const user_family_type&) const = default;
};
template <>
struct user_family_type<missing::family_type> {
    bool operator==(const user_family_type&) const = default;
};

template <missing M>
struct user_native_type {
    using native_type = ::sockaddr_un;
    bool operator==(const user_native_type&) const = default;
};
template <>
struct user_native_type<missing::native_type> {
    bool operator==(const user_native_type&) const = default;
};

template <missing M>
struct user_endpoint : user_family_type<M>, user_native_type<M> {
    using native = ::sockaddr_un;

    user_endpoint() requires(M != missing::default_constructor) = default;
    explicit user_endpoint(int v) : value(v) {}

    static constexpr int family() noexcept
        requires(M != missing::family)
    {
        return AF_UNIX;
    }
    native to_native() const noexcept
        requires(M != missing::to_native && M != missing::to_native_returns_pointer)
    {
        native n{};
        n.sun_family = AF_UNIX;
        return n;
    }
    const native* to_native() const noexcept
        requires(M == missing::to_native_returns_pointer)
    {
        return nullptr;
    }
    ::socklen_t native_size() const noexcept
        requires(M != missing::native_size)
    {
        return sizeof(native);
    }
    static user_endpoint from_native(const ::sockaddr*, ::socklen_t, std::error_code& ec) noexcept
        requires(M != missing::from_native && M != missing::from_native_returns_int)
    {
        ec.clear();
        return user_endpoint(0);
    }
    static int from_native(const ::sockaddr*, ::socklen_t, std::error_code& ec) noexcept
        requires(M == missing::from_native_returns_int)
    {
        ec.clear();
        return 0;
    }
    bool operator==(const user_endpoint&) const
        requires(M != missing::equality)
    = default;

    int value = 0;
};

// The first wave's endpoints had the AF_* value as a constant, not family().
struct first_wave_endpoint {
    using family_type = user_family;
    using native_type = ::sockaddr_un;
    static constexpr int family = AF_UNIX;

    native_type to_native() const noexcept { return native_type{}; }
    ::socklen_t native_size() const noexcept { return sizeof(native_type); }
    static first_wave_endpoint from_native(const ::sockaddr*, ::socklen_t, std::error_code&) noexcept { return {}; }
    bool operator==(const first_wave_endpoint&) const = default;
};

static_assert(tsock::endpoint<user_endpoint<missing::nothing>>, "the complete user endpoint models it");
static_assert(std::is_same_v<tsock::family_of_t<user_endpoint<missing::nothing>>, user_family>);
static_assert(!tsock::endpoint<user_endpoint<missing::family_type>>, "no family_type: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::native_type>>, "no native_type: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::family>>, "no family(): not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::to_native>>, "no to_native: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::native_size>>, "no native_size: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::from_native>>, "no from_native: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::equality>>, "no ==: not regular, not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::default_constructor>>, "no default: not an endpoint");
static_assert(!tsock::endpoint<first_wave_endpoint>, "family as a constant: not an endpoint");
static_assert(!tsock::endpoint<user_endpoint<missing::to_native_returns_pointer>>, "to_native gives a pointer");
static_assert(!tsock::endpoint<user_endpoint<missing::from_native_returns_int>>, "from_native gives an int");
static_assert(!tsock::endpoint<int> && !tsock::endpoint<::sockaddr_in>, "a number or a sockaddr is not one");

// ---------------------------------------------------------------------------
// Run time: the sockaddr contract, through the concept alone.

namespace {

template <class E>
std::vector<E> samples();
template <>
std::vector<ipv4_endpoint> samples()
{
    return {ipv4_endpoint::parse("127.0.0.1:80"), ipv4_endpoint(), ipv4_endpoint::parse("255.255.255.255:65535")};
}
template <>
std::vector<ipv6_endpoint> samples()
{
    return {ipv6_endpoint::parse("[::1]:443"), ipv6_endpoint(), ipv6_endpoint::parse("[fe80::1%3]:8080")};
}
template <>
std::vector<inet_endpoint> samples()
{
    return {inet_endpoint::parse("10.0.0.1:1"), inet_endpoint::parse("[2001:db8::1]:2"), inet_endpoint()};
}
template <>
std::vector<local_endpoint> samples()
{
    return {local_endpoint::path("/tmp/tsock-endpoint-test"), local_endpoint::abstract(std::string_view("a\0b", 3)),
            local_endpoint()};
}

// A sockaddr of a family E is not: AF_UNIX for the IP endpoints, AF_INET
// for local.
template <class E>
auto foreign_native()
{
    if constexpr (tsock::family_can_be<tsock::family_of_t<E>>(AF_UNIX))
        return ipv4_endpoint::parse("127.0.0.1:80").to_native();
    else
        return local_endpoint::path("/tmp/x").to_native();
}

// The AF_* value a native_type holds.
template <class Native>
int native_family(const Native& n)
{
    ::sockaddr_storage storage{};
    std::memcpy(&storage, &n, sizeof n);
    return storage.ss_family;
}

} // namespace

using endpoints = std::tuple<ipv4_endpoint, ipv6_endpoint, inet_endpoint, local_endpoint>;

BOOST_AUTO_TEST_CASE_TEMPLATE(family_agrees_with_the_native_address, E, endpoints)
{
    static_assert(tsock::endpoint<E>);
    for (const E& e : samples<E>()) {
        const auto native = e.to_native();
        BOOST_TEST(native_family(native) == e.family());
        BOOST_TEST(tsock::family_can_be<tsock::family_of_t<E>>(e.family()));
        BOOST_TEST(e.native_size() <= sizeof native);
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(from_native_reads_what_to_native_wrote, E, endpoints)
{
    for (const E& e : samples<E>()) {
        const auto native = e.to_native();
        std::error_code ec = make_error_code(tsock::error::bad_endpoint);
        const E back = E::from_native(reinterpret_cast<const ::sockaddr*>(&native), e.native_size(), ec);
        BOOST_TEST(!ec, ec.message());
        BOOST_TEST((back == e));
        BOOST_TEST(back.family() == e.family());
    }
}

BOOST_AUTO_TEST_CASE_TEMPLATE(from_native_of_another_family_sets_ec, E, endpoints)
{
    const auto native = foreign_native<E>();
    std::error_code ec;
    const E e = E::from_native(reinterpret_cast<const ::sockaddr*>(&native), sizeof native, ec);
    BOOST_TEST((ec == tsock::error::bad_endpoint), ec.message());
    BOOST_TEST((e == E()), "an error gives the default endpoint");
}
