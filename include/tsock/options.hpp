// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_OPTIONS_HPP
#define TSOCK_OPTIONS_HPP

// Socket options as types. Each option is a small value type that carries its
// level and name, its value type, whether it can be set and got, and where
// it applies (applies_to<Family, Type>), so that a socket's set(opt) and
// get<Opt>() reject a wrong option at compile time:
//
//   sock.set(tsock::options::tcp::no_delay(true));       // tcp_socket: fine
//   udp.set(tsock::options::tcp::no_delay(true));        // does not compile
//   bool b = sock.get<tsock::options::keep_alive>();     // the value
//
// Names. Socket-level (SOL_SOCKET) options are in tsock::options; the others
// are in a namespace per protocol level: options::tcp (IPPROTO_TCP),
// options::ip (IPPROTO_IP) and options::ipv6 (IPPROTO_IPV6). They cannot be
// tsock::tcp, tsock::ip, tsock::ipv6: tsock::ipv6 is the family policy. For
// the same reason, prefer a namespace alias (namespace opt = tsock::options;)
// to a using-directive next to "using namespace tsock", which would make
// ipv6 ambiguous.
//
// applies_to says where an option has an effect, not merely where the kernel
// accepts it (Linux takes SO_KEEPALIVE on a UDP socket and ignores it).
// raw_option<Level, Name, T> passes anything, anywhere.
//
// Values are never cut to fit: a value outside what the option can carry (an
// int option given 2^40, a negative timeout, a 16-character interface name)
// makes the constructor throw std::system_error(std::errc::invalid_argument).
// To check first where an exception is not wanted: integer options have
// static min and max, linger has max, string options have max_length.
//
// Every option exists on every platform. One that the platform lacks
// (SO_EXCLUSIVEADDRUSE outside Windows, SO_REUSEPORT on Windows, the Linux
// ones elsewhere) says available = false, and a socket's set and get refuse
// it at compile time: "this option is not available on this platform". Code
// for several platforms tests Option::available with if constexpr instead of
// #if. (An option of the user's own need not declare available: it counts
// as true.)

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/option_storage.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/platform_options.hpp>
#include <tsock/family.hpp>
#include <tsock/socket_option.hpp>

#include <climits>
#include <concepts>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock {

// Any option by number: Level and Name as for setsockopt, T the value the
// kernel reads and writes, byte for byte. It applies to every socket and can
// be set and got; getsockopt must give back sizeof(T) bytes (or one byte for
// an integer T), anything else is std::errc::message_size.
template <int Level, int Name, class T>
class raw_option : public detail::option_base<Level, Name, detail::option_access::get_set>,
                   public detail::option_storage<T> {
    // An error here means T cannot be a socket option's value.
    static_assert(std::is_trivially_copyable_v<T> && std::is_default_constructible_v<T>,
                  "raw_option<Level, Name, T>: T must be trivially copyable and default constructible "
                  "(the kernel copies its bytes)");

public:
    using value_type = T;

    constexpr raw_option() noexcept = default;
    constexpr explicit raw_option(const T& value) noexcept : detail::option_storage<T>(value) {}

    constexpr T value() const noexcept { return this->native_; }

    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

namespace detail {

// The rules that applies_to is made of. The run-time family inet may turn
// out to be either IPv4 or IPv6, so it takes the options of both.
namespace where {
template <class Family>
inline constexpr bool ipv4_or_inet = Family::is_ip && family_can_be<Family>(AF_INET);
template <class Family>
inline constexpr bool ipv6_or_inet = Family::is_ip && family_can_be<Family>(AF_INET6);
template <class Family>
inline constexpr bool local = family_can_be<Family>(AF_UNIX);
// TCP: an IP stream socket.
template <class Family, class Type>
inline constexpr bool tcp = Family::is_ip && Type::value == SOCK_STREAM;
// Datagram and raw sockets: those whose messages each have a TTL, a
// destination ... of their own to report (a stream has no datagrams).
template <class Type>
inline constexpr bool datagrams = Type::value == SOCK_DGRAM || Type::value == SOCK_RAW;
// Multicast (and broadcast) is sent and received on datagram and raw sockets.
template <class Type>
inline constexpr bool multicast = datagrams<Type>;
} // namespace where

} // namespace detail

namespace options {

// SO_REUSEADDR: bind to an address still in TIME_WAIT (on every socket).
// Windows reads it differently: bind to a port another socket is using, even
// listening (no TIME_WAIT wait is needed there); servers want
// exclusive_address_use instead.
struct reuse_address : detail::boolean_option<"reuse_address", SOL_SOCKET, SO_REUSEADDR> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_EXCLUSIVEADDRUSE (Windows only): no other socket may bind this address
// and port, SO_REUSEADDR or not. Set before bind. listen_on and
// create_server set it. (Once such a listener is closed, its port cannot be
// bound again with this option until the connections accepted on it are over.)
struct exclusive_address_use
    : detail::boolean_option<"exclusive_address_use", SOL_SOCKET, detail::so_exclusiveaddruse.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::so_exclusiveaddruse.available;
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip;
};

// SO_REUSEPORT (not on Windows): several sockets bound to one port share its
// traffic. Not on local sockets.
struct reuse_port : detail::boolean_option<"reuse_port", SOL_SOCKET, detail::so_reuseport.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::so_reuseport.available;
    template <class Family, class Type>
    static constexpr bool applies_to = !detail::where::local<Family>;
};

// SO_KEEPALIVE: probe an idle TCP connection (tune with tcp::keep_idle,
// keep_interval, keep_count).
struct keep_alive : detail::boolean_option<"keep_alive", SOL_SOCKET, SO_KEEPALIVE> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// SO_LINGER: what close() does with data not yet sent. The value is a
// std::optional<std::chrono::seconds> rather than struct linger's pair,
// which can say "off, 30 s", a state that means nothing:
//   std::nullopt (the default)  close returns at once, the kernel sends on
//   n seconds                   close waits up to n seconds for the data to go
//   0 seconds                   close drops the data and resets (RST)
// A negative duration throws (Linux would take it as "for ever"), as does
// one above max seconds.
struct linger : detail::option_base<SOL_SOCKET, SO_LINGER, detail::option_access::get_set>,
                detail::option_storage<::linger> {
    using value_type = std::optional<std::chrono::seconds>;
    static constexpr auto max = std::numeric_limits<decltype(::linger::l_linger)>::max();

    constexpr linger() noexcept = default;
    constexpr explicit linger(std::optional<std::chrono::seconds> value) : option_storage(checked(value)) {}

    constexpr value_type value() const noexcept
    {
        if (native_.l_onoff == 0)
            return std::nullopt;
        return std::chrono::seconds(native_.l_linger);
    }

    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;

private:
    static constexpr ::linger checked(std::optional<std::chrono::seconds> value)
    {
        ::linger l{};
        if (value) {
            const auto n = value->count();
            if (n < 0 || std::cmp_greater(n, max))
                detail::throw_bad_option("linger",
                                         std::to_string(n) + " s is outside [0, " + std::to_string(max) + "]");
            l.l_onoff = 1;
            l.l_linger = static_cast<decltype(l.l_linger)>(n);
        }
        return l;
    }
};

// SO_RCVBUF: the receive buffer, in bytes. Linux doubles what it is given
// (for its bookkeeping) and reports the doubled size.
struct receive_buffer_size : detail::integer_option<"receive_buffer_size", SOL_SOCKET, SO_RCVBUF, int, 0> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_SNDBUF: the send buffer, in bytes (doubled by Linux, as SO_RCVBUF).
struct send_buffer_size : detail::integer_option<"send_buffer_size", SOL_SOCKET, SO_SNDBUF, int, 0> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_RCVLOWAT (not on Windows): a stream read (and poll) waits for at least
// this many bytes.
struct receive_low_watermark
    : detail::integer_option<"receive_low_watermark", SOL_SOCKET, detail::so_rcvlowat.name, int, 0> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_rcvlowat.available;
    template <class Family, class Type>
    static constexpr bool applies_to = Type::value == SOCK_STREAM;
};

// SO_SNDLOWAT (not on Windows): poll says writable when this much buffer
// space is free. Linux fixes it at 1: there it can be read, not set.
struct send_low_watermark : detail::integer_option<"send_low_watermark", SOL_SOCKET, detail::so_sndlowat.name, int, 0,
                                                   INT_MAX, detail::send_low_watermark_access> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_sndlowat.available;
    template <class Family, class Type>
    static constexpr bool applies_to = Type::value == SOCK_STREAM;
};

// SO_RCVTIMEO: a blocking receive fails with EAGAIN after this long; zero
// (the default) waits for ever. Microseconds (a timeval; Windows rounds up to
// milliseconds). A negative duration throws.
struct receive_timeout : detail::timeout_option<"receive_timeout", SOL_SOCKET, SO_RCVTIMEO> {
    using timeout_option::timeout_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_SNDTIMEO: a blocking send fails after this long; as receive_timeout.
struct send_timeout : detail::timeout_option<"send_timeout", SOL_SOCKET, SO_SNDTIMEO> {
    using timeout_option::timeout_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_BROADCAST: allow sending to a broadcast address. IPv4 datagram and raw
// sockets (and inet, which may be IPv4): IPv6 has no broadcast.
struct broadcast : detail::boolean_option<"broadcast", SOL_SOCKET, SO_BROADCAST> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::multicast<Type>;
};

// SO_ERROR, read only: the pending error, cleared by reading it (how a
// non-blocking connect reports its outcome). Empty when there is none.
struct error : detail::option_base<SOL_SOCKET, SO_ERROR, detail::option_access::get>, detail::option_storage<int> {
    using value_type = std::error_code;

    constexpr error() noexcept = default;

    std::error_code value() const noexcept
    {
        return native_ == 0 ? std::error_code() : detail::socket_error(native_);
    }

    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_TYPE, read only: SOCK_STREAM, SOCK_DGRAM, ...
struct type : detail::integer_option<"type", SOL_SOCKET, SO_TYPE, int, INT_MIN, INT_MAX, detail::option_access::get> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_ACCEPTCONN, read only: whether listen() was called.
struct accept_connections
    : detail::boolean_option<"accept_connections", SOL_SOCKET, SO_ACCEPTCONN, detail::option_access::get> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = Type::connection_oriented;
};

// SO_DONTROUTE: send only to directly connected hosts, bypassing routing.
struct dont_route : detail::boolean_option<"dont_route", SOL_SOCKET, SO_DONTROUTE> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip;
};

// SO_OOBINLINE: urgent (out-of-band) data arrives in the normal stream.
struct oob_inline : detail::boolean_option<"oob_inline", SOL_SOCKET, SO_OOBINLINE> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = Type::value == SOCK_STREAM;
};

// SO_DOMAIN, read only (Linux): AF_INET, AF_INET6, AF_UNIX, ...
struct domain
    : detail::integer_option<"domain", SOL_SOCKET, detail::so_domain.name, int, INT_MIN, INT_MAX, detail::option_access::get> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_domain.available;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_PROTOCOL, read only (Linux): IPPROTO_TCP, IPPROTO_UDP, ...
struct protocol
    : detail::integer_option<"protocol", SOL_SOCKET, detail::so_protocol.name, int, INT_MIN, INT_MAX, detail::option_access::get> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_protocol.available;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// SO_PRIORITY (Linux): the queueing priority of outgoing packets; 0 to 6
// without CAP_NET_ADMIN.
struct priority : detail::integer_option<"priority", SOL_SOCKET, detail::so_priority.name> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_priority.available;
    template <class Family, class Type>
    static constexpr bool applies_to = !detail::where::local<Family>;
};

// SO_MARK (Linux): the firewall mark of outgoing packets; needs CAP_NET_ADMIN.
struct mark : detail::integer_option<"mark", SOL_SOCKET, detail::so_mark.name, std::uint32_t> {
    using integer_option::integer_option;
    static constexpr bool available = detail::so_mark.available;
    template <class Family, class Type>
    static constexpr bool applies_to = !detail::where::local<Family>;
};

// SO_BINDTODEVICE (Linux): send and receive through one interface only ("" to
// undo). The kernel would cut a name longer than max_length (15) characters
// to fit; here the constructor throws std::system_error
// (std::errc::invalid_argument) instead, as it does for a name with a NUL.
struct bind_to_device
    : detail::string_option<"bind_to_device", SOL_SOCKET, detail::so_bindtodevice.name, detail::interface_name_size> {
    using string_option::string_option;
    static constexpr bool available = detail::so_bindtodevice.available;
    template <class Family, class Type>
    static constexpr bool applies_to = !detail::where::local<Family>;
};

// The process at the other end of a local socket, as SO_PEERCRED reports it.
struct credentials {
    detail::process_id pid = 0;
    detail::user_id uid = 0;
    detail::group_id gid = 0;
    friend constexpr bool operator==(const credentials&, const credentials&) = default;
};

// SO_PEERCRED, read only (Linux): who connected (or socketpair'ed) the peer
// of a local socket.
struct peer_credentials : detail::option_base<SOL_SOCKET, detail::so_peercred.name, detail::option_access::get>,
                          detail::option_storage<detail::peer_credentials_native> {
    using value_type = credentials;
    static constexpr bool available = detail::so_peercred.available;

    constexpr peer_credentials() noexcept = default;
    constexpr explicit peer_credentials(const credentials& c) noexcept
        : option_storage(detail::peer_credentials_native{c.pid, c.uid, c.gid})
    {
    }

    constexpr credentials value() const noexcept { return {native_.pid, native_.uid, native_.gid}; }

    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::local<Family>;
};

// SO_PASSCRED (Linux): receive the sender's credentials (SCM_CREDENTIALS)
// with each message on a local socket.
struct pass_credentials : detail::boolean_option<"pass_credentials", SOL_SOCKET, detail::so_passcred.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::so_passcred.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::local<Family>;
};

// SO_TIMESTAMPNS (Linux): each message received comes with the time the
// kernel took it in, as a receive_time control message (message.hpp), on
// any socket.
struct receive_timestamp_ns
    : detail::boolean_option<"receive_timestamp_ns", SOL_SOCKET, detail::so_timestampns.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::so_timestampns.available;
    template <class Family, class Type>
    static constexpr bool applies_to = true;
};

// IPPROTO_TCP: on IP stream sockets only.
namespace tcp {

// TCP_NODELAY: send small segments at once (no Nagle algorithm).
struct no_delay : detail::boolean_option<"tcp::no_delay", IPPROTO_TCP, TCP_NODELAY> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_KEEPIDLE (TCP_KEEPALIVE on Apple; not on Windows): idle time before the first
// keep-alive probe, whole seconds, at least 1.
struct keep_idle
    : detail::int_duration_option<"tcp::keep_idle", IPPROTO_TCP, detail::tcp_keepidle.name, std::chrono::seconds, 1> {
    using int_duration_option::int_duration_option;
    static constexpr bool available = detail::tcp_keepidle.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_KEEPINTVL (not on Windows): time between keep-alive probes, whole seconds, at least 1.
struct keep_interval
    : detail::int_duration_option<"tcp::keep_interval", IPPROTO_TCP, detail::tcp_keepintvl.name, std::chrono::seconds, 1> {
    using int_duration_option::int_duration_option;
    static constexpr bool available = detail::tcp_keepintvl.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_KEEPCNT (not on Windows): unanswered probes before the connection is
// dropped, at least 1.
struct keep_count : detail::integer_option<"tcp::keep_count", IPPROTO_TCP, detail::tcp_keepcnt.name, int, 1> {
    using integer_option::integer_option;
    static constexpr bool available = detail::tcp_keepcnt.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_USER_TIMEOUT (Linux): how long sent data may stay unacknowledged before
// the connection is dropped; zero is the system's default.
struct user_timeout
    : detail::int_duration_option<"tcp::user_timeout", IPPROTO_TCP, detail::tcp_user_timeout.name, std::chrono::milliseconds, 0> {
    using int_duration_option::int_duration_option;
    static constexpr bool available = detail::tcp_user_timeout.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_CORK (Linux): hold partial segments until uncorked (or 200 ms).
struct cork : detail::boolean_option<"tcp::cork", IPPROTO_TCP, detail::tcp_cork.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::tcp_cork.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_QUICKACK (Linux): acknowledge at once rather than delay; the kernel
// may switch back by itself, so read it as "right now".
struct quick_ack : detail::boolean_option<"tcp::quick_ack", IPPROTO_TCP, detail::tcp_quickack.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::tcp_quickack.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_FASTOPEN (Linux): on a listener, the length of the queue of
// connections that send data with their SYN (RFC 7413); 0 turns it off.
struct fast_open : detail::integer_option<"tcp::fast_open", IPPROTO_TCP, detail::tcp_fastopen.name, int, 0> {
    using integer_option::integer_option;
    static constexpr bool available = detail::tcp_fastopen.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_FASTOPEN_CONNECT (Linux): the client side: connect() returns at once
// and the first send goes with the SYN.
struct fast_open_connect : detail::boolean_option<"tcp::fast_open_connect", IPPROTO_TCP, detail::tcp_fastopen_connect.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::tcp_fastopen_connect.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

// TCP_CONGESTION (Linux): the congestion control algorithm by name ("cubic",
// "reno", "bbr" ...). A name over max_length (15) characters throws, as for
// bind_to_device; an unknown one is the kernel's ENOENT.
struct congestion
    : detail::string_option<"tcp::congestion", IPPROTO_TCP, detail::tcp_congestion.name, detail::tcp_congestion_name_size> {
    using string_option::string_option;
    static constexpr bool available = detail::tcp_congestion.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::tcp<Family, Type>;
};

} // namespace tcp

// IPPROTO_UDP (Linux): UDP's segmentation offloads, on IP datagram sockets.
namespace udp {

// UDP_SEGMENT (Linux): generic segmentation offload. A send of more than
// this many bytes leaves as several datagrams of this size (the last one
// shorter), cut by the kernel or the network card: one system call for up
// to 64 segments. 0 turns it off.
struct segment : detail::integer_option<"udp::segment", IPPROTO_UDP, detail::udp_segment.name, int, 0, 65535> {
    using integer_option::integer_option;
    static constexpr bool available = detail::udp_segment.available;
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip && Type::value == SOCK_DGRAM;
};

// UDP_GRO (Linux): generic receive offload. Datagrams of one flow may arrive
// coalesced into one buffer, each but the last of the same size (the
// segment size comes in a UDP_GRO control message, which recv_from does not
// read: read it with recvmsg to cut the buffer up again).
struct gro : detail::boolean_option<"udp::gro", IPPROTO_UDP, detail::udp_gro.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::udp_gro.available;
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip && Type::value == SOCK_DGRAM;
};

} // namespace udp

// IPPROTO_IP: on IPv4 sockets (and inet ones, which may be IPv4).
namespace ip {

// IP_TTL: the time to live of unicast packets; -1 is the system default.
struct ttl : detail::integer_option<"ip::ttl", IPPROTO_IP, IP_TTL, int, -1, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family>;
};

// IP_TOS: the type-of-service byte (DSCP and ECN bits).
struct tos : detail::integer_option<"ip::tos", IPPROTO_IP, IP_TOS, int, 0, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family>;
};

// IP_MULTICAST_TTL: the time to live of multicast packets (default 1: this
// link only).
struct multicast_ttl : detail::integer_option<"ip::multicast_ttl", IPPROTO_IP, IP_MULTICAST_TTL, int, 0, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::multicast<Type>;
};

// IP_MULTICAST_LOOP: deliver multicast sent from this host to its own
// members too (default true).
struct multicast_loop : detail::boolean_option<"ip::multicast_loop", IPPROTO_IP, IP_MULTICAST_LOOP> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::multicast<Type>;
};

// IP_MULTICAST_IF: the interface multicast is sent from, by its address
// (0.0.0.0: chosen by route).
struct multicast_interface : detail::option_base<IPPROTO_IP, IP_MULTICAST_IF, detail::option_access::get_set>,
                             detail::option_storage<::in_addr> {
    using value_type = address_v4;

    constexpr multicast_interface() noexcept = default;
    explicit multicast_interface(const address_v4& interface_address) noexcept
        : option_storage(interface_address.to_in_addr())
    {
    }

    address_v4 value() const noexcept { return address_v4(native_); }

    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::multicast<Type>;
};

// The switches of recv_msg's IPv4 control messages (message.hpp), on
// datagram and raw sockets. Not on Windows (no recv_msg there yet).

// IP_PKTINFO: each datagram comes with its destination address and the
// interface it came in on (packet_info_v4).
struct receive_packet_info : detail::boolean_option<"ip::receive_packet_info", IPPROTO_IP, detail::ip_pktinfo.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ip_pktinfo.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::datagrams<Type>;
};

// IP_RECVTTL: each datagram comes with the TTL it arrived with (received_ttl).
struct receive_ttl : detail::boolean_option<"ip::receive_ttl", IPPROTO_IP, detail::ip_recvttl.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ip_recvttl.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::datagrams<Type>;
};

// IP_RECVTOS: each datagram comes with its type-of-service byte (received_tos).
struct receive_tos : detail::boolean_option<"ip::receive_tos", IPPROTO_IP, detail::ip_recvtos.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ip_recvtos.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv4_or_inet<Family> && detail::where::datagrams<Type>;
};

} // namespace ip

// IPPROTO_IPV6: on IPv6 sockets (and inet ones, which may be IPv6).
namespace ipv6 {

// IPV6_V6ONLY: accept IPv6 only, not IPv4-mapped traffic, on this socket.
// Its default is the system's (net.ipv6.bindv6only on Linux, usually false).
struct only : detail::boolean_option<"ipv6::only", IPPROTO_IPV6, IPV6_V6ONLY> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family>;
};

// IPV6_UNICAST_HOPS: the hop limit of unicast packets; -1 is the route's.
struct unicast_hops : detail::integer_option<"ipv6::unicast_hops", IPPROTO_IPV6, IPV6_UNICAST_HOPS, int, -1, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family>;
};

// IPV6_TCLASS: the traffic class byte (DSCP and ECN bits); -1 is the default.
struct tclass : detail::integer_option<"ipv6::tclass", IPPROTO_IPV6, IPV6_TCLASS, int, -1, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family>;
};

// IPV6_MULTICAST_HOPS: the hop limit of multicast packets (default 1); -1 is
// the default.
struct multicast_hops
    : detail::integer_option<"ipv6::multicast_hops", IPPROTO_IPV6, IPV6_MULTICAST_HOPS, int, -1, 255> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::multicast<Type>;
};

// IPV6_MULTICAST_LOOP: deliver multicast sent from this host to its own
// members too (default true).
struct multicast_loop : detail::boolean_option<"ipv6::multicast_loop", IPPROTO_IPV6, IPV6_MULTICAST_LOOP> {
    using boolean_option::boolean_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::multicast<Type>;
};

// IPV6_MULTICAST_IF: the interface multicast is sent from, by index (0:
// chosen by route).
struct multicast_interface
    : detail::integer_option<"ipv6::multicast_interface", IPPROTO_IPV6, IPV6_MULTICAST_IF, std::uint32_t> {
    using integer_option::integer_option;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::multicast<Type>;
};

// The switches of recv_msg's IPv6 control messages (RFC 3542; message.hpp),
// on datagram and raw sockets. Not on Windows (no recv_msg there yet).

// IPV6_RECVPKTINFO: each datagram comes with its destination address and the
// interface it came in on (packet_info_v6).
struct receive_packet_info
    : detail::boolean_option<"ipv6::receive_packet_info", IPPROTO_IPV6, detail::ipv6_recvpktinfo.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ipv6_recvpktinfo.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::datagrams<Type>;
};

// IPV6_RECVHOPLIMIT: each datagram comes with the hop limit it arrived with
// (received_hop_limit).
struct receive_hop_limit
    : detail::boolean_option<"ipv6::receive_hop_limit", IPPROTO_IPV6, detail::ipv6_recvhoplimit.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ipv6_recvhoplimit.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::datagrams<Type>;
};

// IPV6_RECVTCLASS: each datagram comes with its traffic class
// (received_traffic_class).
struct receive_traffic_class
    : detail::boolean_option<"ipv6::receive_traffic_class", IPPROTO_IPV6, detail::ipv6_recvtclass.name> {
    using boolean_option::boolean_option;
    static constexpr bool available = detail::ipv6_recvtclass.available;
    template <class Family, class Type>
    static constexpr bool applies_to = detail::where::ipv6_or_inet<Family> && detail::where::datagrams<Type>;
};

} // namespace ipv6

} // namespace options

} // namespace tsock

// The multicast memberships (ip::join_group, ipv6::join_source_group ...)
// are in their own header; options.hpp gives them too.
#include <tsock/multicast.hpp>

#endif // TSOCK_OPTIONS_HPP
