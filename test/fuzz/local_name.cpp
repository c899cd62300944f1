// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// libFuzzer target: local (AF_UNIX) names from arbitrary bytes, the lengths
// that matter being around sun_path's 108. The input is given to
// local_endpoint::path and local_endpoint::abstract (the error_code forms,
// and on some inputs the throwing forms, which must agree), and must give
// exactly the error local_endpoint.hpp documents, checked in this order for
// a path:
//  - empty: error::empty_address;
//  - longer than max_path_length (108 on Linux, where sun_path need not
//    hold the NUL): error::address_too_long;
//  - holding a NUL: error::invalid_character;
// and for an abstract name (any bytes, NULs too, and none) only longer than
// max_abstract_length (107: sun_path's first byte is the NUL that marks it):
// error::address_too_long. An endpoint made holds the bytes as given, its
// to_native() and native_size() read back with from_native to the same
// endpoint (also for every shorter length, which must never crash), and
// to_string() is the path itself or "@" and the name with the bytes that
// are not printable ASCII, and '\', as \xNN.

#include <tsock/local_endpoint.hpp>

#include "check.hpp"

#include <sys/socket.h>
#include <sys/un.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <system_error>

namespace {

using tsock::error;
using tsock::local_endpoint;

bool same(const std::error_code& ec, error expected)
{
    return expected == error{} ? !ec : ec == expected;
}

template <class Make>
bool throws(Make make)
{
    try {
        (void)make();
        return false;
    } catch (const std::system_error&) {
        return true;
    }
}

std::string escaped(std::string_view name)
{
    std::string out = "@";
    for (const char c : name) {
        const auto u = static_cast<unsigned char>(c);
        if (u < 0x20 || u > 0x7e || c == '\\') {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", unsigned(u));
            out += buffer;
        } else {
            out += c;
        }
    }
    return out;
}

void check_native(const local_endpoint& e, const std::string& input)
{
    const ::sockaddr_un sa = e.to_native();
    const auto* p = reinterpret_cast<const ::sockaddr*>(&sa);
    std::error_code ec;
    FUZZ_CHECK(local_endpoint::from_native(p, e.native_size(), ec) == e && !ec, input);
    // Every shorter length reads without crashing: an error, or a name that
    // is a prefix of this one.
    for (::socklen_t n = 0; n < e.native_size(); ++n) {
        const auto shorter = local_endpoint::from_native(p, n, ec);
        FUZZ_CHECK(ec || e.name().substr(0, shorter.name().size()) == shorter.name(), input);
    }
}

void check_path(const std::string& input, bool throwing)
{
    error expected{};
    if (input.empty())
        expected = error::empty_address;
    else if (input.size() > local_endpoint::max_path_length)
        expected = error::address_too_long;
    else if (input.find('\0') != std::string::npos)
        expected = error::invalid_character;
    std::error_code ec;
    const auto e = local_endpoint::path(input, ec);
    FUZZ_CHECK(same(ec, expected), input);
    if (throwing)
        FUZZ_CHECK(throws([&] { return local_endpoint::path(input); }) == bool(ec), input);
    if (ec) {
        FUZZ_CHECK(e == local_endpoint(), input);
        return;
    }
    FUZZ_CHECK(e.kind() == local_endpoint::kind_type::path, input);
    FUZZ_CHECK(e.name() == input, input);
    FUZZ_CHECK(e.to_string() == input, input);
    check_native(e, input);
}

void check_abstract(const std::string& input, bool throwing)
{
    const error expected = input.size() > local_endpoint::max_abstract_length ? error::address_too_long : error{};
    std::error_code ec;
    const auto e = local_endpoint::abstract(input, ec);
    FUZZ_CHECK(same(ec, expected), input);
    if (throwing)
        FUZZ_CHECK(throws([&] { return local_endpoint::abstract(input); }) == bool(ec), input);
    if (ec) {
        FUZZ_CHECK(e == local_endpoint(), input);
        return;
    }
    FUZZ_CHECK(e.kind() == local_endpoint::kind_type::abstract, input);
    FUZZ_CHECK(e.name() == input, input);
    FUZZ_CHECK(e.to_string() == escaped(input), input);
    check_native(e, input);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string input(reinterpret_cast<const char*>(data), size);
    const bool throwing = tsock_fuzz::check_throwing();
    check_path(input, throwing);
    check_abstract(input, throwing);
    return 0;
}
