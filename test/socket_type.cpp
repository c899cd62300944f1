// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/socket_type.hpp>

#define BOOST_TEST_MODULE socket_type
#include <boost/test/unit_test.hpp>

#include <sys/socket.h>
#include <unistd.h>

#include <netinet/in.h>

// The policies carry the system's constants and what their sockets can do.
static_assert(tsock::stream::value == SOCK_STREAM && tsock::datagram::value == SOCK_DGRAM);
static_assert(tsock::seqpacket::value == SOCK_SEQPACKET && tsock::raw<IPPROTO_ICMP>::value == SOCK_RAW);
static_assert(tsock::raw<IPPROTO_ICMP>::protocol == IPPROTO_ICMP && tsock::stream::protocol == 0);
static_assert(tsock::stream::connection_oriented && !tsock::stream::message_oriented);
static_assert(!tsock::datagram::connection_oriented && tsock::datagram::message_oriented);
static_assert(tsock::seqpacket::connection_oriented && tsock::seqpacket::message_oriented);
static_assert(!tsock::raw<IPPROTO_ICMP>::connection_oriented && tsock::raw<IPPROTO_ICMP>::message_oriented);

// The concept accepts the policies and a user's own, and rejects the rest.
struct user_type {
    static constexpr int value = SOCK_RDM;
    static constexpr int protocol = 0;
    static constexpr bool connection_oriented = false;
    static constexpr bool message_oriented = true;
};
struct missing_protocol {
    static constexpr int value = SOCK_STREAM;
    static constexpr bool connection_oriented = true;
    static constexpr bool message_oriented = false;
};
static_assert(tsock::socket_type<tsock::stream> && tsock::socket_type<tsock::raw<0>> && tsock::socket_type<user_type>);
static_assert(!tsock::socket_type<int> && !tsock::socket_type<missing_protocol>);

template <class Type>
int open_and_read_type()
{
    const int fd = ::socket(AF_UNIX, Type::value, Type::protocol);
    BOOST_TEST_REQUIRE(fd >= 0);
    int value = 0;
    socklen_t len = sizeof value;
    BOOST_TEST(::getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &len) == 0);
    ::close(fd);
    return value;
}

BOOST_AUTO_TEST_CASE(the_kernel_agrees_with_the_policy_values)
{
    BOOST_TEST(open_and_read_type<tsock::stream>() == SOCK_STREAM);
    BOOST_TEST(open_and_read_type<tsock::datagram>() == SOCK_DGRAM);
    BOOST_TEST(open_and_read_type<tsock::seqpacket>() == SOCK_SEQPACKET);
}
