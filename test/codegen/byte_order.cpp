// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Compiled to assembly by check_byte_order.sh, which asserts that each
// function is one byte swap (or, for 8 bits, nothing) and a return.
// Each name says its width: tsock_<hton|ntoh><8|16|32|64>, and Python's four
// names, 16-bit htons/ntohs and 32-bit htonl/ntohl.

// On purpose before tsock: with optimisation on, glibc defines htons, htonl,
// ntohs and ntohl as macros here, and tsock::htons(v) below must still compile.
#include <arpa/inet.h>

#if defined(__GLIBC__) && defined(__OPTIMIZE__) && !defined(htons)
#error "glibc did not define its htons macro: this file would not test what it says it does"
#endif

#include <tsock/byte_order.hpp>

#include <cstdint>

extern "C" {

std::uint8_t tsock_hton8(std::uint8_t v) { return tsock::hton(v); }
std::uint16_t tsock_hton16(std::uint16_t v) { return tsock::hton(v); }
std::uint32_t tsock_hton32(std::uint32_t v) { return tsock::hton(v); }
std::uint64_t tsock_hton64(std::uint64_t v) { return tsock::hton(v); }

std::uint8_t tsock_ntoh8(std::uint8_t v) { return tsock::ntoh(v); }
std::uint16_t tsock_ntoh16(std::uint16_t v) { return tsock::ntoh(v); }
std::uint32_t tsock_ntoh32(std::uint32_t v) { return tsock::ntoh(v); }
std::uint64_t tsock_ntoh64(std::uint64_t v) { return tsock::ntoh(v); }

std::uint16_t tsock_htons(std::uint16_t v) { return tsock::htons(v); }
std::uint32_t tsock_htonl(std::uint32_t v) { return tsock::htonl(v); }
std::uint16_t tsock_ntohs(std::uint16_t v) { return tsock::ntohs(v); }
std::uint32_t tsock_ntohl(std::uint32_t v) { return tsock::ntohl(v); }

} // extern "C"
