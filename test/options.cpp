// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/options.hpp>

#define BOOST_TEST_MODULE options
#include <boost/test/unit_test.hpp>

#include <tsock/detail/status.hpp>
#include <tsock/family.hpp>
#include <tsock/socket_type.hpp>

#include <arpa/inet.h>
#include <cerrno>
#include <net/if.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <chrono>
#include <cstdint>
#include <cstring>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <tuple>
#include <type_traits>

// Every option is checked twice: where it applies, at compile time, against
// a matrix of families and types; and what it does, on real sockets, through
// the same system calls and the same concepts that basic_socket uses.

namespace {

namespace opt = tsock::options;
using namespace std::chrono_literals;
using tsock::datagram;
using tsock::inet;
using tsock::local;
using tsock::seqpacket;
using tsock::stream;
using raw_icmp = tsock::raw<IPPROTO_ICMP>;

// ---------------------------------------------------------------------------
// Where options apply: each (family, type) a socket can have is one bit.

template <class Family, class Type>
struct on {};

using every_socket = std::tuple<on<tsock::ipv4, stream>, on<tsock::ipv4, datagram>, on<tsock::ipv4, raw_icmp>,
                                on<tsock::ipv6, stream>, on<tsock::ipv6, datagram>, on<tsock::ipv6, raw_icmp>,
                                on<inet, stream>, on<inet, datagram>, on<inet, raw_icmp>, on<local, stream>,
                                on<local, datagram>, on<local, seqpacket>>;

constexpr unsigned v4_stream = 1u << 0, v4_datagram = 1u << 1, v4_raw = 1u << 2;
constexpr unsigned v6_stream = 1u << 3, v6_datagram = 1u << 4, v6_raw = 1u << 5;
constexpr unsigned inet_stream = 1u << 6, inet_datagram = 1u << 7, inet_raw = 1u << 8;
constexpr unsigned local_stream = 1u << 9, local_datagram = 1u << 10, local_seqpacket = 1u << 11;

constexpr unsigned everywhere = (1u << 12) - 1;
constexpr unsigned nowhere = 0;
constexpr unsigned local_all = local_stream | local_datagram | local_seqpacket;
constexpr unsigned ip_all = everywhere & ~local_all;
constexpr unsigned tcp_all = v4_stream | v6_stream | inet_stream;
constexpr unsigned streams = tcp_all | local_stream;
constexpr unsigned connection_oriented = streams | local_seqpacket;
constexpr unsigned v4_all = v4_stream | v4_datagram | v4_raw | inet_stream | inet_datagram | inet_raw;
constexpr unsigned v6_all = v6_stream | v6_datagram | v6_raw | inet_stream | inet_datagram | inet_raw;
constexpr unsigned v4_multicast = v4_datagram | v4_raw | inet_datagram | inet_raw;
constexpr unsigned v6_multicast = v6_datagram | v6_raw | inet_datagram | inet_raw;

template <class O, class... F, class... T>
constexpr unsigned settable_mask(std::tuple<on<F, T>...>)
{
    unsigned mask = 0, bit = 1;
    ((mask |= tsock::settable_option_for<O, F, T> ? bit : 0u, bit <<= 1), ...);
    return mask;
}

template <class O, class... F, class... T>
constexpr unsigned gettable_mask(std::tuple<on<F, T>...>)
{
    unsigned mask = 0, bit = 1;
    ((mask |= tsock::gettable_option_for<O, F, T> ? bit : 0u, bit <<= 1), ...);
    return mask;
}

// Where O can be set and where it can be read.
template <class O>
constexpr unsigned set_on = settable_mask<O>(every_socket{});
template <class O>
constexpr unsigned get_on = gettable_mask<O>(every_socket{});

// Both, for the options that can be set and read.
template <class O>
constexpr bool both_on(unsigned mask)
{
    return set_on<O> == mask && get_on<O> == mask;
}

// A family of the user's own (AF_PACKET-like): neither IP nor local.
struct packet_family {
    struct endpoint_type {};
    static constexpr int domain = 17; // AF_PACKET on Linux
    static constexpr bool is_ip = false;
    [[maybe_unused]] static constexpr std::string_view name = "packet";
};

// Not options: one member missing each.
struct no_level {
    [[maybe_unused]] static constexpr int name = 1;
    using value_type = int;
};
struct no_resize : opt::keep_alive {
    void resize() = delete;
};

// ---------------------------------------------------------------------------
// Real sockets.

// A descriptor that closes itself.
class descriptor {
public:
    explicit descriptor(int fd) noexcept : fd_(fd) {}
    descriptor(const descriptor&) = delete;
    descriptor& operator=(const descriptor&) = delete;
    ~descriptor()
    {
        if (fd_ >= 0)
            ::close(fd_);
    }
    int get() const noexcept { return fd_; }

private:
    int fd_;
};

// The AF_* a test socket of Family is opened with (inet: IPv6, dual-stack).
template <class Family>
constexpr int open_domain = tsock::lookup_domain<Family>() == AF_UNSPEC ? AF_INET6 : tsock::lookup_domain<Family>();

// What basic_socket<Family, Type> does with options, on a descriptor of the
// test's own: set and get take exactly the options the concepts allow.
template <class Family, class Type>
class test_socket {
public:
    test_socket() : test_socket(::socket(open_domain<Family>, Type::value | SOCK_CLOEXEC, Type::protocol)) {}
    explicit test_socket(int fd) : fd_(fd) { BOOST_REQUIRE_MESSAGE(fd >= 0, "socket: " << std::strerror(errno)); }

    int fd() const noexcept { return fd_.get(); }

    template <class O>
        requires tsock::settable_option_for<O, Family, Type>
    void set(const O& o, std::error_code& ec)
    {
        tsock::detail::set_system_error(ec, tsock::detail::set_option(fd(), O::level, O::name, o.data(), o.size()));
    }

    template <class O>
        requires tsock::settable_option_for<O, Family, Type>
    void set(const O& o)
    {
        std::error_code ec;
        set(o, ec);
        BOOST_REQUIRE_MESSAGE(!ec, "setsockopt(" << O::level << ", " << O::name << "): " << ec.message());
    }

    template <class O>
        requires tsock::gettable_option_for<O, Family, Type>
    O get(std::error_code& ec)
    {
        O o;
        ::socklen_t length = o.capacity();
        tsock::detail::set_system_error(ec, tsock::detail::get_option(fd(), O::level, O::name, o.data(), &length));
        if (!ec)
            o.resize(length, ec);
        return o;
    }

    template <class O>
        requires tsock::gettable_option_for<O, Family, Type>
    typename O::value_type get()
    {
        std::error_code ec;
        const O o = get<O>(ec);
        BOOST_REQUIRE_MESSAGE(!ec, "getsockopt(" << O::level << ", " << O::name << "): " << ec.message());
        return o.value();
    }

private:
    descriptor fd_;
};

using tcp4 = test_socket<tsock::ipv4, stream>;
using udp4 = test_socket<tsock::ipv4, datagram>;
using tcp6 = test_socket<tsock::ipv6, stream>;
using udp6 = test_socket<tsock::ipv6, datagram>;
using unix_stream = test_socket<local, stream>;
using unix_datagram = test_socket<local, datagram>;
using unix_seqpacket = test_socket<local, seqpacket>;

// Sets a yes/no option on and off again, from its default of off.
template <class O, class Socket>
void check_switch(Socket& s)
{
    BOOST_TEST(s.template get<O>() == false);
    s.set(O(true));
    BOOST_TEST(s.template get<O>() == true);
    s.set(O(false));
    BOOST_TEST(s.template get<O>() == false);
}

// Runs make() and checks it throws std::system_error(invalid_argument)
// whose message names the option.
template <class Make>
void check_rejected(Make make, const std::string& option)
{
    try {
        make();
        BOOST_ERROR("no exception for a value of " << option << " that does not fit");
    } catch (const std::system_error& e) {
        BOOST_TEST((e.code() == std::errc::invalid_argument));
        BOOST_TEST(std::string(e.what()).find("tsock::options::" + option + ": ") == 0u, e.what());
    }
}

bool is(const std::error_code& ec, std::errc e) { return ec == e; }

} // namespace

// ---------------------------------------------------------------------------

BOOST_AUTO_TEST_CASE(options_apply_where_they_have_an_effect)
{
    // Socket level.
    static_assert(both_on<opt::reuse_address>(everywhere));
    static_assert(both_on<opt::reuse_port>(ip_all));
    static_assert(both_on<opt::keep_alive>(tcp_all));
    static_assert(both_on<opt::linger>(tcp_all));
    static_assert(both_on<opt::receive_buffer_size>(everywhere));
    static_assert(both_on<opt::send_buffer_size>(everywhere));
    static_assert(both_on<opt::receive_low_watermark>(streams));
    static_assert(both_on<opt::receive_timeout>(everywhere));
    static_assert(both_on<opt::send_timeout>(everywhere));
    static_assert(both_on<opt::broadcast>(v4_datagram | v4_raw | inet_datagram | inet_raw));
    static_assert(both_on<opt::dont_route>(ip_all));
    static_assert(both_on<opt::oob_inline>(streams));
    static_assert(both_on<opt::priority>(ip_all));
    static_assert(both_on<opt::mark>(ip_all));
    static_assert(both_on<opt::bind_to_device>(ip_all));
    static_assert(both_on<opt::pass_credentials>(local_all));
    static_assert(both_on<opt::receive_timestamp_ns>(everywhere));

    // Read only: never settable.
    static_assert(set_on<opt::error> == nowhere && get_on<opt::error> == everywhere);
    static_assert(set_on<opt::type> == nowhere && get_on<opt::type> == everywhere);
    static_assert(set_on<opt::domain> == nowhere && get_on<opt::domain> == everywhere);
    static_assert(set_on<opt::protocol> == nowhere && get_on<opt::protocol> == everywhere);
    static_assert(set_on<opt::accept_connections> == nowhere && get_on<opt::accept_connections> == connection_oriented);
    static_assert(set_on<opt::peer_credentials> == nowhere && get_on<opt::peer_credentials> == local_all);
    static_assert(set_on<opt::send_low_watermark> == nowhere && get_on<opt::send_low_watermark> == streams);

    // TCP: IP stream sockets, v4, v6 and inet; never datagram, raw or local.
    static_assert(both_on<opt::tcp::no_delay>(tcp_all));
    static_assert(both_on<opt::tcp::keep_idle>(tcp_all));
    static_assert(both_on<opt::tcp::keep_interval>(tcp_all));
    static_assert(both_on<opt::tcp::keep_count>(tcp_all));
    static_assert(both_on<opt::tcp::user_timeout>(tcp_all));
    static_assert(both_on<opt::tcp::cork>(tcp_all));
    static_assert(both_on<opt::tcp::quick_ack>(tcp_all));
    static_assert(both_on<opt::tcp::fast_open>(tcp_all));
    static_assert(both_on<opt::tcp::fast_open_connect>(tcp_all));
    static_assert(both_on<opt::tcp::congestion>(tcp_all));

    // IPv4 level: ipv4 and inet; multicast not on streams.
    static_assert(both_on<opt::ip::ttl>(v4_all));
    static_assert(both_on<opt::ip::tos>(v4_all));
    static_assert(both_on<opt::ip::multicast_ttl>(v4_multicast));
    static_assert(both_on<opt::ip::multicast_loop>(v4_multicast));
    static_assert(both_on<opt::ip::multicast_interface>(v4_multicast));
    static_assert(set_on<opt::ip::join_group> == v4_multicast && get_on<opt::ip::join_group> == nowhere);
    static_assert(set_on<opt::ip::leave_group> == v4_multicast && get_on<opt::ip::leave_group> == nowhere);
    // The switches of the control messages: where datagrams arrive (as multicast does).
    static_assert(both_on<opt::ip::receive_packet_info>(v4_multicast));
    static_assert(both_on<opt::ip::receive_ttl>(v4_multicast));
    static_assert(both_on<opt::ip::receive_tos>(v4_multicast));

    // IPv6 level: ipv6 and inet; multicast not on streams.
    static_assert(both_on<opt::ipv6::only>(v6_all));
    static_assert(both_on<opt::ipv6::unicast_hops>(v6_all));
    static_assert(both_on<opt::ipv6::tclass>(v6_all));
    static_assert(both_on<opt::ipv6::multicast_hops>(v6_multicast));
    static_assert(both_on<opt::ipv6::multicast_loop>(v6_multicast));
    static_assert(both_on<opt::ipv6::multicast_interface>(v6_multicast));
    static_assert(set_on<opt::ipv6::join_group> == v6_multicast && get_on<opt::ipv6::join_group> == nowhere);
    static_assert(set_on<opt::ipv6::leave_group> == v6_multicast && get_on<opt::ipv6::leave_group> == nowhere);
    static_assert(both_on<opt::ipv6::receive_packet_info>(v6_multicast));
    static_assert(both_on<opt::ipv6::receive_hop_limit>(v6_multicast));
    static_assert(both_on<opt::ipv6::receive_traffic_class>(v6_multicast));

    // The escape hatch: anything, anywhere, both ways.
    static_assert(both_on<tsock::raw_option<SOL_SOCKET, SO_KEEPALIVE, int>>(everywhere));

    // A family of the user's own: socket-level options by their rules, no
    // IP or TCP ones.
    static_assert(tsock::settable_option_for<opt::reuse_port, packet_family, datagram>);
    static_assert(tsock::settable_option_for<opt::bind_to_device, packet_family, datagram>);
    static_assert(!tsock::settable_option_for<opt::pass_credentials, packet_family, datagram>);
    static_assert(!tsock::settable_option_for<opt::broadcast, packet_family, datagram>);
    static_assert(!tsock::settable_option_for<opt::tcp::no_delay, packet_family, stream>);
    static_assert(!tsock::gettable_option_for<opt::ip::ttl, packet_family, datagram>);

    // Concept: the contract, and nothing less.
    static_assert(tsock::socket_option<opt::linger> && tsock::socket_option<opt::bind_to_device> &&
                  tsock::socket_option<opt::ip::join_group> && tsock::socket_option<opt::peer_credentials> &&
                  tsock::socket_option<tsock::raw_option<SOL_SOCKET, SO_LINGER, ::linger>>);
    static_assert(!tsock::socket_option<int> && !tsock::socket_option<no_level> &&
                  !tsock::socket_option<no_resize>);

    // Zero overhead: an option is the bytes the kernel reads, copied as such.
    static_assert(sizeof(opt::keep_alive) == sizeof(int) && sizeof(opt::ip::ttl) == sizeof(int));
    static_assert(sizeof(opt::receive_timeout) == sizeof(::timeval) && sizeof(opt::linger) == sizeof(::linger));
    static_assert(sizeof(opt::ip::join_group) == sizeof(::ip_mreq));
    static_assert(sizeof(opt::ipv6::join_group) == sizeof(::ipv6_mreq));
    static_assert(std::is_trivially_copyable_v<opt::bind_to_device> && std::is_trivially_copyable_v<opt::linger> &&
                  std::is_trivially_copyable_v<opt::ipv6::join_group>);

    // Level and name are the system's.
    BOOST_TEST(opt::reuse_address::level == SOL_SOCKET);
    BOOST_TEST(opt::reuse_address::name == SO_REUSEADDR);
    BOOST_TEST(opt::tcp::no_delay::level == IPPROTO_TCP);
    BOOST_TEST(opt::tcp::no_delay::name == TCP_NODELAY);
    BOOST_TEST(opt::ip::join_group::level == IPPROTO_IP);
    BOOST_TEST(opt::ip::join_group::name == IP_ADD_MEMBERSHIP);
    BOOST_TEST(opt::ipv6::only::level == IPPROTO_IPV6);
    BOOST_TEST(opt::ipv6::only::name == IPV6_V6ONLY);
    BOOST_TEST((tsock::raw_option<SOL_SOCKET, SO_MARK, int>::name == SO_MARK));
}

BOOST_AUTO_TEST_CASE(every_option_exists_and_says_whether_this_platform_has_it)
{
    // Linux has every option of tsock's but Windows' SO_EXCLUSIVEADDRUSE.
    static_assert(opt::reuse_port::available && opt::receive_low_watermark::available &&
                  opt::send_low_watermark::available && opt::domain::available && opt::protocol::available &&
                  opt::priority::available && opt::mark::available && opt::bind_to_device::available &&
                  opt::peer_credentials::available && opt::pass_credentials::available &&
                  opt::receive_timestamp_ns::available);
    static_assert(opt::ip::receive_packet_info::available && opt::ip::receive_ttl::available &&
                  opt::ip::receive_tos::available && opt::ipv6::receive_packet_info::available &&
                  opt::ipv6::receive_hop_limit::available && opt::ipv6::receive_traffic_class::available);
    static_assert(opt::tcp::keep_idle::available && opt::tcp::keep_interval::available &&
                  opt::tcp::keep_count::available && opt::tcp::user_timeout::available && opt::tcp::cork::available &&
                  opt::tcp::quick_ack::available && opt::tcp::fast_open::available &&
                  opt::tcp::fast_open_connect::available && opt::tcp::congestion::available);
    // The others say so through option_base.
    static_assert(opt::reuse_address::available && opt::linger::available && opt::ip::join_group::available &&
                  tsock::raw_option<SOL_SOCKET, SO_MARK, int>::available);

    // Declared, but set and get refuse it on every socket (the message is
    // checked by compile_fail/option_exclusive_address_use_on_posix.cpp and
    // option_get_exclusive_address_use_on_posix.cpp).
    static_assert(!opt::exclusive_address_use::available);
    static_assert(set_on<opt::exclusive_address_use> == nowhere && get_on<opt::exclusive_address_use> == nowhere);

    // The platform's names behind them.
    BOOST_TEST(opt::reuse_port::name == SO_REUSEPORT);
    BOOST_TEST(opt::send_low_watermark::name == SO_SNDLOWAT);
    BOOST_TEST(opt::domain::name == SO_DOMAIN);
    BOOST_TEST(opt::peer_credentials::name == SO_PEERCRED);
    BOOST_TEST(opt::tcp::keep_idle::name == TCP_KEEPIDLE);
    BOOST_TEST(opt::tcp::fast_open_connect::name == TCP_FASTOPEN_CONNECT);
    BOOST_TEST(opt::tcp::congestion::name == TCP_CONGESTION);
    BOOST_TEST(opt::receive_timestamp_ns::name == SO_TIMESTAMPNS);
    BOOST_TEST(opt::ip::receive_packet_info::name == IP_PKTINFO);
    BOOST_TEST(opt::ip::receive_ttl::name == IP_RECVTTL);
    BOOST_TEST(opt::ip::receive_tos::name == IP_RECVTOS);
    BOOST_TEST(opt::ipv6::receive_packet_info::name == IPV6_RECVPKTINFO);
    BOOST_TEST(opt::ipv6::receive_hop_limit::name == IPV6_RECVHOPLIMIT);
    BOOST_TEST(opt::ipv6::receive_traffic_class::name == IPV6_RECVTCLASS);
    static_assert(sizeof(opt::peer_credentials) == sizeof(::ucred));
}

BOOST_AUTO_TEST_CASE(switches_round_trip)
{
    {
        tcp4 s;
        check_switch<opt::reuse_address>(s);
        check_switch<opt::keep_alive>(s);
        check_switch<opt::oob_inline>(s);
        check_switch<opt::reuse_port>(s);
    }
    {
        tcp6 s;
        check_switch<opt::keep_alive>(s);
        check_switch<opt::dont_route>(s);
    }
    {
        udp4 s;
        check_switch<opt::broadcast>(s);
        check_switch<opt::dont_route>(s);
        check_switch<opt::reuse_port>(s);
        check_switch<opt::receive_timestamp_ns>(s);
        check_switch<opt::ip::receive_packet_info>(s);
        check_switch<opt::ip::receive_ttl>(s);
        check_switch<opt::ip::receive_tos>(s);
    }
    {
        udp6 s;
        check_switch<opt::ipv6::receive_packet_info>(s);
        check_switch<opt::ipv6::receive_hop_limit>(s);
        check_switch<opt::ipv6::receive_traffic_class>(s);
    }
    {
        tcp4 s;
        check_switch<opt::receive_timestamp_ns>(s); // Linux takes it on a stream too
    }
    {
        unix_stream s;
        check_switch<opt::reuse_address>(s);
        check_switch<opt::oob_inline>(s);
        check_switch<opt::pass_credentials>(s);
    }
    {
        unix_datagram s;
        check_switch<opt::pass_credentials>(s);
    }
}

BOOST_AUTO_TEST_CASE(buffer_sizes_are_at_least_what_was_asked)
{
    auto check = [](auto& s) {
        BOOST_TEST(s.template get<opt::receive_buffer_size>() > 0);
        BOOST_TEST(s.template get<opt::send_buffer_size>() > 0);
        s.set(opt::receive_buffer_size(32768));
        s.set(opt::send_buffer_size(std::size_t(49152)));
        // Linux doubles them (its bookkeeping), within its rmem_max/wmem_max.
        BOOST_TEST(s.template get<opt::receive_buffer_size>() >= 32768);
        BOOST_TEST(s.template get<opt::send_buffer_size>() >= 49152);
    };
    tcp4 a;
    check(a);
    udp6 b;
    check(b);
    unix_seqpacket c;
    check(c);
}

BOOST_AUTO_TEST_CASE(low_watermarks)
{
    unix_stream s;
    BOOST_TEST(s.get<opt::receive_low_watermark>() == 1);
    s.set(opt::receive_low_watermark(128));
    BOOST_TEST(s.get<opt::receive_low_watermark>() == 128);
    // Linux fixes SO_SNDLOWAT at 1: read only there.
    static_assert(!opt::send_low_watermark::settable);
    BOOST_TEST(s.get<opt::send_low_watermark>() == 1);
    tcp4 t;
    BOOST_TEST(t.get<opt::send_low_watermark>() == 1);
}

BOOST_AUTO_TEST_CASE(timeouts_round_trip_in_microseconds)
{
    udp4 s;
    BOOST_TEST(s.get<opt::receive_timeout>().count() == 0);
    BOOST_TEST(s.get<opt::send_timeout>().count() == 0);
    // Multiples of 10 ms survive the kernel's jiffies at any HZ.
    s.set(opt::receive_timeout(1500ms));
    s.set(opt::send_timeout(2s));
    BOOST_TEST((s.get<opt::receive_timeout>() == 1500ms));
    BOOST_TEST((s.get<opt::send_timeout>() == 2s));
    s.set(opt::receive_timeout(0s));
    BOOST_TEST(s.get<opt::receive_timeout>().count() == 0);

    unix_stream u;
    u.set(opt::send_timeout(std::chrono::minutes(1)));
    BOOST_TEST((u.get<opt::send_timeout>() == 60s));

    // The system's form, through the escape hatch.
    const auto tv = u.get<tsock::raw_option<SOL_SOCKET, SO_SNDTIMEO, ::timeval>>();
    BOOST_TEST(tv.tv_sec == 60);
    BOOST_TEST(tv.tv_usec == 0);
    BOOST_TEST((opt::receive_timeout(1234567us).value() == 1234567us));
}

BOOST_AUTO_TEST_CASE(linger_is_an_optional_duration)
{
    tcp4 s;
    BOOST_TEST(!s.get<opt::linger>().has_value());
    s.set(opt::linger(7s));
    BOOST_TEST((s.get<opt::linger>() == 7s));
    const auto raw = s.get<tsock::raw_option<SOL_SOCKET, SO_LINGER, ::linger>>();
    BOOST_TEST(raw.l_onoff == 1);
    BOOST_TEST(raw.l_linger == 7);
    s.set(opt::linger(0s)); // close resets the connection
    BOOST_TEST((s.get<opt::linger>() == 0s));
    s.set(opt::linger(std::nullopt));
    BOOST_TEST(!s.get<opt::linger>().has_value());
    BOOST_TEST((opt::linger(std::chrono::minutes(2)).value() == 120s));
}

BOOST_AUTO_TEST_CASE(read_only_options_report_the_socket)
{
    tcp4 t;
    udp6 u;
    unix_seqpacket q;
    unix_datagram d;
    BOOST_TEST(t.get<opt::type>() == SOCK_STREAM);
    BOOST_TEST(u.get<opt::type>() == SOCK_DGRAM);
    BOOST_TEST(q.get<opt::type>() == SOCK_SEQPACKET);
    BOOST_TEST(d.get<opt::type>() == SOCK_DGRAM);
    BOOST_TEST(t.get<opt::domain>() == AF_INET);
    BOOST_TEST(u.get<opt::domain>() == AF_INET6);
    BOOST_TEST(q.get<opt::domain>() == AF_UNIX);
    BOOST_TEST(t.get<opt::protocol>() == IPPROTO_TCP);
    BOOST_TEST(u.get<opt::protocol>() == IPPROTO_UDP);
    BOOST_TEST(!t.get<opt::error>());
    BOOST_TEST(!d.get<opt::error>());

    BOOST_TEST(t.get<opt::accept_connections>() == false);
    BOOST_TEST(::listen(t.fd(), 1) == 0); // binds 0.0.0.0:0 by itself
    BOOST_TEST(t.get<opt::accept_connections>() == true);
    BOOST_TEST(q.get<opt::accept_connections>() == false);
}

BOOST_AUTO_TEST_CASE(error_gives_a_refused_non_blocking_connect)
{
    // A closed port: bound, so no one else takes it, and not listening.
    tcp4 closed;
    ::sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    BOOST_REQUIRE(::bind(closed.fd(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a) == 0);
    ::socklen_t length = sizeof a;
    BOOST_REQUIRE(::getsockname(closed.fd(), reinterpret_cast<::sockaddr*>(&a), &length) == 0);

    tcp4 s(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    const int r = ::connect(s.fd(), reinterpret_cast<const ::sockaddr*>(&a), sizeof a);
    BOOST_REQUIRE(r == -1);
    BOOST_REQUIRE_MESSAGE(errno == EINPROGRESS, std::strerror(errno));
    ::pollfd p{s.fd(), POLLOUT, 0};
    BOOST_REQUIRE(::poll(&p, 1, 10000) == 1); // the RST comes back at once on loopback

    const std::error_code ec = s.get<opt::error>();
    BOOST_TEST(is(ec, std::errc::connection_refused), ec.message());
    BOOST_TEST((ec.category() == std::system_category()));
    BOOST_TEST(!s.get<opt::error>()); // reading it cleared it
}

BOOST_AUTO_TEST_CASE(peer_credentials_of_a_socketpair_are_this_process)
{
    const opt::credentials me{::getpid(), ::getuid(), ::getgid()};
    auto check = [&]<class Type>(Type) {
        int fds[2];
        BOOST_REQUIRE(::socketpair(AF_UNIX, Type::value | SOCK_CLOEXEC, 0, fds) == 0);
        test_socket<local, Type> a(fds[0]), b(fds[1]);
        BOOST_TEST((a.template get<opt::peer_credentials>() == me));
        BOOST_TEST((b.template get<opt::peer_credentials>() == me));
    };
    check(stream{});
    check(seqpacket{});
    check(datagram{});
    BOOST_TEST((opt::peer_credentials(me).value() == me));
}

BOOST_AUTO_TEST_CASE(priority_and_mark)
{
    udp4 s;
    BOOST_TEST(s.get<opt::priority>() == 0);
    s.set(opt::priority(5));
    BOOST_TEST(s.get<opt::priority>() == 5);
    BOOST_TEST(s.get<opt::mark>() == 0u);
    std::error_code ec;
    s.set(opt::mark(0xdeadbeefu), ec); // needs CAP_NET_ADMIN
    if (is(ec, std::errc::operation_not_permitted)) {
        BOOST_TEST_MESSAGE("SO_MARK needs CAP_NET_ADMIN: not checked");
        return;
    }
    BOOST_REQUIRE(!ec);
    BOOST_TEST(s.get<opt::mark>() == 0xdeadbeefu); // above INT_MAX: the unsigned value
}

BOOST_AUTO_TEST_CASE(bind_to_device_takes_a_whole_interface_name)
{
    udp4 s;
    BOOST_TEST(s.get<opt::bind_to_device>() == ""); // not bound: length 0
    s.set(opt::bind_to_device("lo"));
    BOOST_TEST(s.get<opt::bind_to_device>() == "lo");
    s.set(opt::bind_to_device(""));
    BOOST_TEST(s.get<opt::bind_to_device>() == "");

    static_assert(opt::bind_to_device::max_length == IF_NAMESIZE - 1);
    // Sixteen characters would be cut to fifteen by the kernel: rejected.
    check_rejected([] { return opt::bind_to_device("abcdefghijklmnop"); }, "bind_to_device");
    check_rejected([] { return opt::bind_to_device(std::string("lo\0x", 4)); }, "bind_to_device");
    // Fifteen fit; that interface does not exist.
    std::error_code ec;
    s.set(opt::bind_to_device("abcdefghijklmno"), ec);
    BOOST_TEST(is(ec, std::errc::no_such_device), ec.message());
    tcp6 t;
    t.set(opt::bind_to_device(std::string("lo")));
    BOOST_TEST(t.get<opt::bind_to_device>() == "lo");
}

using ip_families = std::tuple<tsock::ipv4, tsock::ipv6, inet>;

BOOST_AUTO_TEST_CASE_TEMPLATE(tcp_options_round_trip, Family, ip_families)
{
    test_socket<Family, stream> s;
    check_switch<opt::tcp::no_delay>(s);
    check_switch<opt::tcp::cork>(s);
    check_switch<opt::tcp::fast_open_connect>(s);

    s.set(opt::tcp::keep_idle(30s));
    s.set(opt::tcp::keep_interval(std::chrono::minutes(1)));
    s.set(opt::tcp::keep_count(4));
    BOOST_TEST((s.template get<opt::tcp::keep_idle>() == 30s));
    BOOST_TEST((s.template get<opt::tcp::keep_interval>() == 60s));
    BOOST_TEST(s.template get<opt::tcp::keep_count>() == 4);

    BOOST_TEST(s.template get<opt::tcp::user_timeout>().count() == 0);
    s.set(opt::tcp::user_timeout(1500ms));
    BOOST_TEST((s.template get<opt::tcp::user_timeout>() == 1500ms));

    // A fresh socket acknowledges quickly; turned off, it delays.
    BOOST_TEST(s.template get<opt::tcp::quick_ack>() == true);
    s.set(opt::tcp::quick_ack(false));
    BOOST_TEST(s.template get<opt::tcp::quick_ack>() == false);
    s.set(opt::tcp::quick_ack(true));
    BOOST_TEST(s.template get<opt::tcp::quick_ack>() == true);

    BOOST_TEST(s.template get<opt::tcp::fast_open>() == 0);
    s.set(opt::tcp::fast_open(16));
    BOOST_TEST(s.template get<opt::tcp::fast_open>() == 16);

    // The kernel pads the name with NULs to 16 bytes; they are not part of it.
    BOOST_TEST(!s.template get<opt::tcp::congestion>().empty());
    s.set(opt::tcp::congestion("reno")); // always built in
    BOOST_TEST(s.template get<opt::tcp::congestion>() == "reno");
    std::error_code ec;
    s.set(opt::tcp::congestion("no-such-cc"), ec);
    BOOST_TEST(is(ec, std::errc::no_such_file_or_directory), ec.message());
    BOOST_TEST(s.template get<opt::tcp::congestion>() == "reno");
}

BOOST_AUTO_TEST_CASE(ipv4_options_round_trip)
{
    udp4 s;
    const int ttl = s.get<opt::ip::ttl>();
    BOOST_TEST((ttl >= 1 && ttl <= 255));
    s.set(opt::ip::ttl(42));
    BOOST_TEST(s.get<opt::ip::ttl>() == 42);
    s.set(opt::ip::ttl(-1)); // back to the system's default
    BOOST_TEST(s.get<opt::ip::ttl>() == ttl);

    BOOST_TEST(s.get<opt::ip::tos>() == 0);
    s.set(opt::ip::tos(0xb8)); // DSCP EF
    BOOST_TEST(s.get<opt::ip::tos>() == 0xb8);

    BOOST_TEST(s.get<opt::ip::multicast_ttl>() == 1);
    s.set(opt::ip::multicast_ttl(8));
    BOOST_TEST(s.get<opt::ip::multicast_ttl>() == 8);

    BOOST_TEST(s.get<opt::ip::multicast_loop>() == true);
    s.set(opt::ip::multicast_loop(false));
    BOOST_TEST(s.get<opt::ip::multicast_loop>() == false);

    BOOST_TEST(s.get<opt::ip::multicast_interface>() == tsock::address_v4::any());
    s.set(opt::ip::multicast_interface(tsock::address_v4::loopback()));
    BOOST_TEST(s.get<opt::ip::multicast_interface>() == tsock::address_v4::loopback());

    // The IPv4 options on an inet socket opened as IPv4.
    test_socket<inet, datagram> i(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    i.set(opt::ip::multicast_ttl(3));
    BOOST_TEST(i.get<opt::ip::multicast_ttl>() == 3);
    i.set(opt::broadcast(true));
    BOOST_TEST(i.get<opt::broadcast>() == true);
}

BOOST_AUTO_TEST_CASE(ipv6_options_round_trip)
{
    udp6 s;
    s.set(opt::ipv6::only(true));
    BOOST_TEST(s.get<opt::ipv6::only>() == true);
    s.set(opt::ipv6::only(false));
    BOOST_TEST(s.get<opt::ipv6::only>() == false);

    const int hops = s.get<opt::ipv6::unicast_hops>();
    BOOST_TEST((hops >= 1 && hops <= 255));
    s.set(opt::ipv6::unicast_hops(17));
    BOOST_TEST(s.get<opt::ipv6::unicast_hops>() == 17);

    BOOST_TEST(s.get<opt::ipv6::tclass>() == 0);
    s.set(opt::ipv6::tclass(0x28));
    BOOST_TEST(s.get<opt::ipv6::tclass>() == 0x28);

    BOOST_TEST(s.get<opt::ipv6::multicast_hops>() == 1);
    s.set(opt::ipv6::multicast_hops(5));
    BOOST_TEST(s.get<opt::ipv6::multicast_hops>() == 5);

    BOOST_TEST(s.get<opt::ipv6::multicast_loop>() == true);
    s.set(opt::ipv6::multicast_loop(false));
    BOOST_TEST(s.get<opt::ipv6::multicast_loop>() == false);

    const std::uint32_t lo = ::if_nametoindex("lo");
    BOOST_REQUIRE(lo != 0u);
    BOOST_TEST(s.get<opt::ipv6::multicast_interface>() == 0u);
    s.set(opt::ipv6::multicast_interface(lo));
    BOOST_TEST(s.get<opt::ipv6::multicast_interface>() == lo);

    tcp6 t;
    check_switch<opt::ipv6::only>(t);
    t.set(opt::ipv6::tclass(0x10));
    BOOST_TEST(t.get<opt::ipv6::tclass>() == 0x10);
}

// The memberships (join_group ...) on real sockets: test/multicast.cpp.

BOOST_AUTO_TEST_CASE(raw_option_passes_anything)
{
    tcp4 s;
    using keepalive = tsock::raw_option<SOL_SOCKET, SO_KEEPALIVE, int>;
    s.set(keepalive(1));
    BOOST_TEST(s.get<keepalive>() == 1);
    BOOST_TEST(s.get<opt::keep_alive>() == true); // the same option, typed

    // The kernel gives 4 bytes for an 8-byte T: an error, not half a value.
    using too_wide = tsock::raw_option<SOL_SOCKET, SO_RCVBUF, std::int64_t>;
    std::error_code ec;
    (void)s.get<too_wide>(ec);
    BOOST_TEST(is(ec, std::errc::message_size), ec.message());

    // A raw option the typed ones do not name.
    using max_segment = tsock::raw_option<IPPROTO_TCP, TCP_MAXSEG, int>;
    BOOST_TEST(s.get<max_segment>() > 0);
}

BOOST_AUTO_TEST_CASE(resize_checks_what_the_kernel_wrote)
{
    std::error_code ec = std::make_error_code(std::errc::io_error);
    // An int written as one byte (Windows booleans, BSD multicast ttl).
    opt::ip::multicast_ttl ttl;
    *static_cast<unsigned char*>(ttl.data()) = 200;
    ttl.resize(1, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(ttl.value() == 200);
    opt::keep_alive k;
    k.resize(sizeof(int), ec);
    BOOST_TEST(!ec);
    k.resize(2, ec);
    BOOST_TEST(is(ec, std::errc::message_size));

    opt::linger l;
    l.resize(sizeof(::linger) - 1, ec);
    BOOST_TEST(is(ec, std::errc::message_size));

    // Strings: up to the first NUL; never more than the capacity.
    opt::tcp::congestion c;
    BOOST_TEST(c.capacity() == 16u);
    char* p = static_cast<char*>(c.data());
    p[0] = 'b';
    p[1] = 'b';
    p[2] = 'r';
    c.resize(16, ec); // NUL-padded, as Linux writes it
    BOOST_TEST(!ec);
    BOOST_TEST(c.value() == "bbr");
    c.resize(2, ec);
    BOOST_TEST(c.value() == "bb");
    c.resize(17, ec);
    BOOST_TEST(is(ec, std::errc::message_size));

    // What setsockopt gets: the name and its NUL.
    const opt::bind_to_device d("eth0");
    BOOST_TEST(d.size() == 5u);
    BOOST_TEST(std::string(static_cast<const char*>(d.data())) == "eth0");
    BOOST_TEST(opt::bind_to_device().size() == 1u);
}

BOOST_AUTO_TEST_CASE(values_that_do_not_fit_are_rejected)
{
    static constexpr long long big = 1LL << 40;
    check_rejected([] { return opt::receive_buffer_size(big); }, "receive_buffer_size");
    check_rejected([] { return opt::send_buffer_size(std::size_t(1) << 31); }, "send_buffer_size");
    check_rejected([] { return opt::receive_buffer_size(-1); }, "receive_buffer_size");
    check_rejected([] { return opt::priority(big); }, "priority");
    check_rejected([] { return opt::mark(-1); }, "mark");
    check_rejected([] { return opt::mark(1ULL << 32); }, "mark");
    check_rejected([] { return opt::ip::ttl(256); }, "ip::ttl");
    check_rejected([] { return opt::ip::tos(-1); }, "ip::tos");
    check_rejected([] { return opt::ip::multicast_ttl(0x1ff); }, "ip::multicast_ttl");
    check_rejected([] { return opt::ipv6::tclass(256); }, "ipv6::tclass");
    check_rejected([] { return opt::ipv6::multicast_interface(-1); }, "ipv6::multicast_interface");
    check_rejected([] { return opt::tcp::keep_count(0); }, "tcp::keep_count");
    check_rejected([] { return opt::tcp::keep_idle(0s); }, "tcp::keep_idle");
    check_rejected([] { return opt::tcp::keep_interval(std::chrono::hours(1LL << 40)); }, "tcp::keep_interval");
    check_rejected([] { return opt::tcp::user_timeout(-1ms); }, "tcp::user_timeout");
    check_rejected([] { return opt::receive_timeout(-1us); }, "receive_timeout");
    check_rejected([] { return opt::linger(-1s); }, "linger");
    check_rejected([] { return opt::linger(std::chrono::seconds(big)); }, "linger");
    check_rejected([] { return opt::tcp::congestion("a-name-of-16-chr"); }, "tcp::congestion");

    // The edges fit.
    BOOST_TEST(opt::receive_buffer_size(std::numeric_limits<int>::max()).value() == std::numeric_limits<int>::max());
    BOOST_TEST(opt::mark(std::numeric_limits<std::uint32_t>::max()).value() == 0xffffffffu);
    BOOST_TEST(opt::ip::ttl(std::uint8_t(255)).value() == 255);
    BOOST_TEST(opt::ipv6::unicast_hops(-1).value() == -1);
    BOOST_TEST(opt::tcp::congestion("a-name-of-15-ch").value() == "a-name-of-15-ch");
    BOOST_TEST((opt::linger(std::chrono::seconds(opt::linger::max)).value() == std::chrono::seconds(INT_MAX)));
}
