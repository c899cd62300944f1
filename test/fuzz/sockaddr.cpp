// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: endpoints from raw sockaddr bytes. The input is a
// sockaddr as the kernel might have written it, its size the length
// argument (0 up to -max_len, past sizeof(sockaddr_storage)), in a buffer of
// exactly that size so that AddressSanitizer reports any read past length.
// ipv4_endpoint, ipv6_endpoint, inet_endpoint and local_endpoint each read
// it with from_native(sa, length, ec), which must never crash, and give
// either an error (and their default endpoint) or an endpoint that holds the
// input's fields and whose to_native() and native_size() read back to the
// same endpoint; on some inputs the throwing from_native too, which must
// throw that error (naming the length) or return that endpoint. Which one
// is expected follows from the family field and the length alone (the
// rules of ip_endpoint.hpp and local_endpoint.hpp):
//  - AF_INET needs length >= sizeof(sockaddr_in); AF_INET6 >= sizeof
//    (sockaddr_in6); anything else is error::bad_endpoint for them.
//  - AF_UNIX (Linux): length 0 is the unnamed endpoint (recvfrom from an
//    unbound sender), whatever the bytes; otherwise the family must be
//    AF_UNIX and length reach sun_path (else bad_endpoint); up to
//    sizeof(sockaddr_un) the name is abstract (sun_path[0] NUL: the rest of
//    length) or a path (up to its NUL or length); beyond sizeof(sockaddr_un)
//    only a path filling sun_path, reported with length sizeof + 1, is whole,
//    and anything else is error::address_too_long.

#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>

#include "check.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <system_error>

namespace {

using tsock::error;
using tsock::inet_endpoint;
using tsock::ipv4_endpoint;
using tsock::ipv6_endpoint;
using tsock::local_endpoint;

const ::sockaddr* as_sockaddr(const void* p) { return static_cast<const ::sockaddr*>(p); }

// The throwing from_native agrees with the error_code one: it throws that
// code (its message names the family and length it read) or returns e.
template <class E>
bool throws_the_same(const ::sockaddr* sa, std::size_t size, const std::error_code& ec, const E& e)
{
    try {
        const E got = E::from_native(sa, static_cast<::socklen_t>(size));
        return !ec && got == e;
    } catch (const std::system_error& x) {
        return ec && x.code() == ec && std::string(x.what()).find(std::to_string(size) + " bytes") != std::string::npos;
    }
}

template <class E>
E read_back(const E& e)
{
    const auto native = e.to_native();
    std::error_code ec;
    const E back = E::from_native(as_sockaddr(&native), e.native_size(), ec);
    return ec ? E() : back;
}

void check_ip(const ::sockaddr* sa, std::size_t size, int family, bool throwing, const std::string& input)
{
    const auto length = static_cast<::socklen_t>(size);
    std::error_code ec4, ec6, ec;
    const auto e4 = ipv4_endpoint::from_native(sa, length, ec4);
    const auto e6 = ipv6_endpoint::from_native(sa, length, ec6);
    const auto e = inet_endpoint::from_native(sa, length, ec);

    const bool v4 = family == AF_INET && size >= sizeof(::sockaddr_in);
    const bool v6 = family == AF_INET6 && size >= sizeof(::sockaddr_in6);
    FUZZ_CHECK(!ec4 == v4 && (v4 || ec4 == error::bad_endpoint), input);
    FUZZ_CHECK(!ec6 == v6 && (v6 || ec6 == error::bad_endpoint), input);
    FUZZ_CHECK(!ec == (v4 || v6) && (v4 || v6 || ec == error::bad_endpoint), input);
    if (throwing) {
        FUZZ_CHECK(throws_the_same(sa, size, ec4, e4), input);
        FUZZ_CHECK(throws_the_same(sa, size, ec6, e6), input);
        FUZZ_CHECK(throws_the_same(sa, size, ec, e), input);
    }
    if (v4) {
        ::sockaddr_in in;
        std::memcpy(&in, sa, sizeof in);
        FUZZ_CHECK(e4.port() == ntohs(in.sin_port), input);
        FUZZ_CHECK(e4.address().to_uint() == ntohl(in.sin_addr.s_addr), input);
        const auto out = e4.to_native();
        FUZZ_CHECK(out.sin_family == AF_INET && out.sin_port == in.sin_port, input);
        FUZZ_CHECK(out.sin_addr.s_addr == in.sin_addr.s_addr, input);
        for (unsigned char z : out.sin_zero) // zero whatever the input held
            FUZZ_CHECK(z == 0, input);
        FUZZ_CHECK(read_back(e4) == e4, input);
        FUZZ_CHECK(e.is_v4() && *e.as_v4() == e4, input);
    } else {
        FUZZ_CHECK(e4 == ipv4_endpoint(), input);
    }
    if (v6) {
        ::sockaddr_in6 in;
        std::memcpy(&in, sa, sizeof in);
        FUZZ_CHECK(e6.port() == ntohs(in.sin6_port), input);
        FUZZ_CHECK(std::memcmp(e6.address().to_bytes().data(), in.sin6_addr.s6_addr, 16) == 0, input);
        FUZZ_CHECK(e6.address().scope_id() == in.sin6_scope_id, input);
        FUZZ_CHECK(e6.flowinfo() == ntohl(in.sin6_flowinfo), input);
        const auto out = e6.to_native();
        FUZZ_CHECK(std::memcmp(&out, &in, sizeof in) == 0, input);
        FUZZ_CHECK(read_back(e6) == e6, input);
        FUZZ_CHECK(e.is_v6() && *e.as_v6() == e6, input);
    } else {
        FUZZ_CHECK(e6 == ipv6_endpoint(), input);
    }
    if (!v4 && !v6)
        FUZZ_CHECK(e == inet_endpoint(), input);
    if (v4 || v6) {
        FUZZ_CHECK(read_back(e) == e, input);
        // The text of what was read parses back to it (flow info aside).
        const auto text = e.to_string();
        const auto parsed = inet_endpoint::try_parse(text);
        FUZZ_CHECK(parsed.has_value(), input);
        FUZZ_CHECK(parsed->to_string() == text, input);
    }
}

void check_local(const ::sockaddr* sa, std::size_t size, int family, bool throwing, const std::string& input)
{
    std::error_code ec;
    const auto e = local_endpoint::from_native(sa, static_cast<::socklen_t>(size), ec);
    constexpr std::size_t offset = offsetof(::sockaddr_un, sun_path);
    constexpr std::size_t capacity = sizeof(::sockaddr_un) - offset;
    const char* const p = reinterpret_cast<const char*>(sa) + offset;

    // The model, from unix(7) as local_endpoint.hpp states it (Linux).
    error expected{};
    local_endpoint::kind_type kind = local_endpoint::kind_type::unnamed;
    std::string_view name;
    if (size == 0) {
        // unnamed
    } else if (family != AF_UNIX || size < offset) {
        expected = error::bad_endpoint;
    } else if (size <= sizeof(::sockaddr_un)) {
        const std::size_t n = size - offset;
        if (n != 0 && p[0] == '\0') {
            kind = local_endpoint::kind_type::abstract;
            name = std::string_view(p + 1, n - 1);
        } else {
            name = std::string_view(p, n);
            name = name.substr(0, name.find('\0'));
            if (!name.empty())
                kind = local_endpoint::kind_type::path;
        }
    } else if (size == sizeof(::sockaddr_un) + 1 && std::memchr(p, 0, capacity) == nullptr) {
        kind = local_endpoint::kind_type::path;
        name = std::string_view(p, capacity);
    } else {
        expected = error::address_too_long;
    }
    FUZZ_CHECK(expected == error{} ? !ec : ec == expected, input);
    FUZZ_CHECK(e.kind() == kind, input);
    FUZZ_CHECK(e.name() == name, input);
    if (throwing)
        FUZZ_CHECK(throws_the_same(sa, size, ec, e), input);
    if (ec)
        return;
    FUZZ_CHECK(read_back(e) == e, input);
    const auto out = e.to_native();
    FUZZ_CHECK(out.sun_family == AF_UNIX, input);
    FUZZ_CHECK(e.native_size() >= offset && e.native_size() <= sizeof out, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // A buffer of exactly size bytes, aligned as new aligns any object (as a
    // sockaddr_storage the caller passes is).
    const auto buffer = std::make_unique<unsigned char[]>(size);
    if (size != 0)
        std::memcpy(buffer.get(), data, size);
    const ::sockaddr* sa = as_sockaddr(buffer.get());
    int family = -1;
    if (size >= sizeof(::sa_family_t)) {
        ::sa_family_t f;
        std::memcpy(&f, buffer.get(), sizeof f);
        family = f;
    }
    const std::string input(reinterpret_cast<const char*>(data), size);
    const bool throwing = tsock_fuzz::check_throwing();
    check_ip(sa, size, family, throwing, input);
    check_local(sa, size, family, throwing, input);
    return 0;
}
