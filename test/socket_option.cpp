// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/socket_option.hpp>

#define BOOST_TEST_MODULE socket_option
#include <boost/test/unit_test.hpp>

#include <tsock/basic_socket.hpp>

#include <system_error>

#include <sys/socket.h>

// An option of the user's own, written against the concepts alone (no
// tsock/options.hpp): SO_KEEPALIVE on stream sockets only.
struct user_keep_alive {
    static constexpr int level = SOL_SOCKET;
    static constexpr int name = SO_KEEPALIVE;
    static constexpr bool settable = true;
    static constexpr bool gettable = true;
    template <class Family, class Type>
    static constexpr bool applies_to = Type::value == SOCK_STREAM;
    using value_type = bool;

    user_keep_alive() = default;
    explicit user_keep_alive(bool on) : native(on ? 1 : 0) {}
    bool value() const { return native != 0; }
    const void* data() const { return &native; }
    void* data() { return &native; }
    ::socklen_t size() const { return sizeof native; }
    ::socklen_t capacity() const { return sizeof native; }
    void resize(::socklen_t length, std::error_code& ec)
    {
        ec = length == sizeof native ? std::error_code() : std::make_error_code(std::errc::message_size);
    }

    int native = 0;
};

// Set only: readable options say gettable = false.
struct set_only : user_keep_alive {
    static constexpr bool gettable = false;
};

// Not on this platform: available = false refuses it everywhere (the
// options of tsock's own that a platform lacks say so).
struct unavailable : user_keep_alive {
    static constexpr bool available = false;
};

// No resize: not an option.
struct no_resize {
    static constexpr int level = SOL_SOCKET;
    static constexpr int name = SO_KEEPALIVE;
    static constexpr bool settable = true;
    static constexpr bool gettable = true;
    using value_type = int;
    int value() const { return 0; }
    const void* data() const { return nullptr; }
    void* data() { return nullptr; }
    ::socklen_t size() const { return 0; }
    ::socklen_t capacity() const { return 0; }
};

static_assert(tsock::socket_option<user_keep_alive> && tsock::socket_option<set_only>);
static_assert(!tsock::socket_option<no_resize> && !tsock::socket_option<int>);
static_assert(tsock::settable_option_for<user_keep_alive, tsock::ipv4, tsock::stream>);
static_assert(!tsock::settable_option_for<user_keep_alive, tsock::ipv4, tsock::datagram>);
static_assert(tsock::settable_option_for<set_only, tsock::ipv4, tsock::stream>);
static_assert(!tsock::gettable_option_for<set_only, tsock::ipv4, tsock::stream>);
static_assert(tsock::socket_option<unavailable>);
static_assert(!tsock::settable_option_for<unavailable, tsock::ipv4, tsock::stream>);
static_assert(!tsock::gettable_option_for<unavailable, tsock::ipv4, tsock::stream>);
template <class Socket, class O>
concept can_set = requires(Socket& s, const O& o) { s.set(o); };
template <class Socket, class O>
concept can_get = requires(Socket& s) { s.template get<O>(); };
static_assert(can_set<tsock::tcp_socket, user_keep_alive> && can_get<tsock::tcp_socket, user_keep_alive>);
static_assert(!can_set<tsock::tcp_socket, unavailable> && !can_get<tsock::tcp_socket, unavailable>);

BOOST_AUTO_TEST_CASE(a_users_option_sets_and_gets)
{
    auto s = tsock::tcp_socket::open();
    s.set(user_keep_alive(true));
    BOOST_TEST(s.get<user_keep_alive>());
    s.set(user_keep_alive(false));
    BOOST_TEST(!s.get<user_keep_alive>());
}
