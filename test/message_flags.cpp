// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/message_flags.hpp>

#define BOOST_TEST_MODULE message_flags
#include <boost/test/unit_test.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <type_traits>

using tsock::recv_flags;
using tsock::send_flags;

static_assert(int(recv_flags::peek) == MSG_PEEK && int(recv_flags::wait_all) == MSG_WAITALL);
static_assert(int(recv_flags::out_of_band) == MSG_OOB && int(send_flags::out_of_band) == MSG_OOB);
static_assert(int(send_flags::dont_route) == MSG_DONTROUTE && int(send_flags::none) == 0);
static_assert(int(recv_flags::peek | recv_flags::wait_all) == (MSG_PEEK | MSG_WAITALL));
static_assert(int(tsock::shutdown_type::receive) == SHUT_RD && int(tsock::shutdown_type::send) == SHUT_WR);
static_assert(int(tsock::shutdown_type::both) == SHUT_RDWR);
// Send and receive flags are different types: peek cannot reach send.
static_assert(!std::is_convertible_v<recv_flags, send_flags> && !std::is_convertible_v<send_flags, recv_flags>);

BOOST_AUTO_TEST_CASE(peek_leaves_the_data_in_place)
{
    int fds[2];
    BOOST_TEST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
    BOOST_TEST(::send(fds[0], "ab", 2, 0) == 2);
    char c[2] = {};
    BOOST_TEST(::recv(fds[1], c, 1, int(recv_flags::peek)) == 1);
    BOOST_TEST(::recv(fds[1], c, 2, int(recv_flags::wait_all)) == 2);
    BOOST_TEST((c[0] == 'a' && c[1] == 'b')); // the peeked byte came again
    ::close(fds[0]);
    ::close(fds[1]);
}
