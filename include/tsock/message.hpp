// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_MESSAGE_HPP
#define TSOCK_MESSAGE_HPP

// send_msg / recv_msg: sendmsg(2) and recvmsg(2) with typed control
// messages (ancillary data), Python's sendmsg/recvmsg split into tsock's
// words as send_to/recv_from are. Free functions, not members: a program
// that passes no control data does not compile this header with
// basic_socket.hpp.
//
// A control-message type (tsock::control_message) names its level and type
// (SOL_SOCKET, SCM_RIGHTS ...), the most payload it takes (max_payload: the
// control buffer is the sum of CMSG_SPACE of these, fixed at compile time,
// on the stack), the sockets it applies to (applies_to<Family, Type>), the
// value recv_msg gives for it (value_type) and how that value is read from
// the payload (decode). To be sent, a value of it also tells its payload's
// size and writes it (payload_size, write_payload). descriptors<N> is one
// such type; a user adds others the same way.
//
// recv_msg never loses control data silently: control data that did not
// fit (MSG_CTRUNC) is error::control_truncated, a control message the call
// did not ask for is error::unexpected_control, and every descriptor that
// arrived is owned by the result, so that it is closed when the call fails.
//
// POSIX only so far (Windows' WSASendMsg/WSARecvMsg are not wired in, and
// tsock has no local sockets there to pass descriptors over).

#include <tsock/config.hpp>

#if BOOST_OS_WINDOWS
// An error here means tsock/message.hpp on Windows: control messages
// (WSASendMsg, WSARecvMsg) are not in tsock there yet.
static_assert(BOOST_OS_WINDOWS == 0, "tsock/message.hpp (send_msg, recv_msg, descriptor passing) is POSIX-only so far");
#else

#include <tsock/basic_socket.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/io_vectors.hpp>

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>

#include <netinet/in.h>
#include <sys/socket.h>
#include <time.h>
#if BOOST_OS_LINUX
#include <netinet/udp.h> // UDP_SEGMENT, UDP_GRO
#endif

namespace tsock {

// Is C a control-message type that recv_msg<C> can receive? (level, type,
// max_payload, value_type, and decode(data, size, value) reading one
// message's payload into value: an error code, or none. decode may be
// called more than once for one call when the kernel splits a type over
// several messages; it appends or overwrites, as the type means.)
template <class C>
concept control_message = requires {
    { C::level } -> std::convertible_to<int>;
    { C::type } -> std::convertible_to<int>;
    { C::max_payload } -> std::convertible_to<std::size_t>;
    typename C::value_type;
} && std::default_initializable<typename C::value_type> && std::movable<typename C::value_type> &&
                          requires(const unsigned char* data, std::size_t size, typename C::value_type& v) {
                              { C::decode(data, size, v) } noexcept -> std::same_as<std::error_code>;
                          };

// Can a value of C go out with send_msg? (a control_message whose value
// tells its payload's size, at most max_payload, and writes it.)
template <class C>
concept sendable_control = control_message<C> && requires(const C& c, unsigned char* out) {
    { c.payload_size() } noexcept -> std::convertible_to<std::size_t>;
    { c.write_payload(out) } noexcept;
};

// Does control message C mean something on sockets of Family and Type?
template <class C, class Family, class Type>
concept control_message_for = control_message<C> && C::template applies_to<Family, Type>;

namespace detail {

// A handle to send: a native descriptor, or anything with native_handle()
// (a tsock socket or listener).
template <class H>
concept descriptor_source = std::same_as<H, native_handle_type> || requires(const H& h) {
    { h.native_handle() } -> std::same_as<native_handle_type>;
};
template <class H>
native_handle_type native_of(const H& h) noexcept
{
    if constexpr (std::same_as<H, native_handle_type>)
        return h;
    else
        return h.native_handle();
}

template <class S>
inline constexpr bool is_basic_socket = false;
template <class F, class T, class M>
inline constexpr bool is_basic_socket<basic_socket<F, T, M>> = true;

} // namespace detail

// Descriptors received with SCM_RIGHTS, owned: each is closed with this
// object unless taken (release, or adopt into a tsock socket).
template <std::size_t N>
class received_descriptors {
public:
    received_descriptors() noexcept = default;
    received_descriptors(received_descriptors&& o) noexcept : count_(std::exchange(o.count_, 0))
    {
        std::memcpy(fds_, o.fds_, sizeof fds_);
    }
    received_descriptors& operator=(received_descriptors&& o) noexcept
    {
        if (this != &o) {
            close_all();
            count_ = std::exchange(o.count_, 0);
            std::memcpy(fds_, o.fds_, sizeof fds_);
        }
        return *this;
    }
    ~received_descriptors() { close_all(); }

    // How many arrived (taken ones included: their slots read invalid_handle).
    std::size_t size() const noexcept { return count_; }
    // The i-th descriptor, still owned here.
    detail::native_handle_type operator[](std::size_t i) const noexcept { return fds_[i]; }
    // Gives the i-th up: the caller closes it.
    [[nodiscard]] detail::native_handle_type release(std::size_t i) noexcept
    {
        return std::exchange(fds_[i], detail::invalid_handle);
    }
    // The i-th as a Socket (basic_socket<...>::adopt: its family and type
    // checked, error::type_mismatch or family_mismatch otherwise, when it
    // stays here and is closed with the rest).
    template <class Socket>
    Socket adopt(std::size_t i, std::error_code& ec) noexcept
    {
        auto s = Socket::adopt(fds_[i], ec);
        if (!ec)
            fds_[i] = detail::invalid_handle;
        return s;
    }
    template <class Socket>
    Socket adopt(std::size_t i)
    {
        std::error_code ec;
        auto s = adopt<Socket>(i, ec);
        detail::throw_if(ec, "adopt");
        return s;
    }

    // Takes n received descriptors from data (a payload of SCM_RIGHTS);
    // those beyond N are closed at once. 0, or the error.
    std::error_code take(const unsigned char* data, std::size_t size) noexcept
    {
        std::error_code ec;
        if (size % sizeof(int) != 0)
            ec = error::unexpected_control;
        for (std::size_t at = 0; at + sizeof(int) <= size; at += sizeof(int)) {
            int fd;
            std::memcpy(&fd, data + at, sizeof fd);
            if (count_ < N) {
                fds_[count_++] = fd;
            } else {
                (void)detail::close_socket(fd);
                ec = error::too_many_descriptors;
            }
        }
        return ec;
    }

private:
    void close_all() noexcept
    {
        for (std::size_t i = 0; i != count_; ++i)
            if (fds_[i] != detail::invalid_handle)
                (void)detail::close_socket(fds_[i]);
        count_ = 0;
    }

    detail::native_handle_type fds_[N] = {};
    std::size_t count_ = 0;
};

// SCM_RIGHTS: up to N descriptors passed over a local (AF_UNIX) socket.
// As a type, recv_msg<descriptors<N>> receives up to N (value_type:
// received_descriptors<N>, MSG_CMSG_CLOEXEC always); as a value, it holds
// the handles send_msg passes (not owned: they stay the caller's).
template <std::size_t N>
class descriptors {
    static_assert(N >= 1, "descriptors<N> passes at least one descriptor");

public:
    static constexpr int level = SOL_SOCKET;
    static constexpr int type = SCM_RIGHTS;
    static constexpr std::size_t max_payload = N * sizeof(int);
    template <class Family, class Type>
    static constexpr bool applies_to = std::is_same_v<typename Family::endpoint_type, local_endpoint>;
    using value_type = received_descriptors<N>;

    descriptors() noexcept = default;
    template <class... Hs>
        requires(sizeof...(Hs) >= 1 && sizeof...(Hs) <= N && (detail::descriptor_source<Hs> && ...))
    descriptors(const Hs&... handles) noexcept // NOLINT(google-explicit-constructor)
        : fds_{detail::native_of(handles)...}, count_(sizeof...(Hs))
    {
    }

    std::size_t payload_size() const noexcept { return count_ * sizeof(int); }
    void write_payload(unsigned char* out) const noexcept { std::memcpy(out, fds_, payload_size()); }
    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        return v.take(data, size);
    }

private:
    detail::native_handle_type fds_[N] = {};
    std::size_t count_ = 0;
};
template <class... Hs>
descriptors(const Hs&...) -> descriptors<sizeof...(Hs)>;

#if BOOST_OS_LINUX
// SCM_CREDENTIALS (Linux): the sender's process, user and group, checked by
// the kernel, on local sockets. Received where options::pass_credentials is
// set (the kernel then adds the sender's own to every message); as a value,
// send_msg passes the ones given (EPERM for ones the sender may not claim).
struct sender_credentials {
    static constexpr int level = SOL_SOCKET;
    static constexpr int type = SCM_CREDENTIALS;
    static constexpr std::size_t max_payload = sizeof(::ucred);
    template <class Family, class Type>
    static constexpr bool applies_to = std::is_same_v<typename Family::endpoint_type, local_endpoint>;
    // Received, it is its own value (as options::credentials reads them).
    using value_type = sender_credentials;

    ::pid_t pid = 0;
    ::uid_t uid = 0;
    ::gid_t gid = 0;

    std::size_t payload_size() const noexcept { return sizeof(::ucred); }
    void write_payload(unsigned char* out) const noexcept
    {
        const ::ucred u{pid, uid, gid};
        std::memcpy(out, &u, sizeof u);
    }
    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size != sizeof(::ucred))
            return error::unexpected_control;
        ::ucred u;
        std::memcpy(&u, data, sizeof u);
        v.pid = u.pid;
        v.uid = u.uid;
        v.gid = u.gid;
        return {};
    }
};

// SCM_TIMESTAMPNS (Linux): when the kernel received the message, on the
// system clock (CLOCK_REALTIME, software time stamp), on any socket where
// options::receive_timestamp_ns is set.
// Received only.
struct receive_time {
    static constexpr int level = SOL_SOCKET;
    static constexpr int type = SCM_TIMESTAMPNS;
    static constexpr std::size_t max_payload = sizeof(::timespec);
    template <class Family, class Type>
    static constexpr bool applies_to = true;
    using value_type = std::chrono::system_clock::time_point;

    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size != sizeof(::timespec))
            return error::unexpected_control;
        ::timespec t;
        std::memcpy(&t, data, sizeof t);
        const auto since_epoch = std::chrono::seconds(t.tv_sec) + std::chrono::nanoseconds(t.tv_nsec);
        v = value_type(std::chrono::duration_cast<std::chrono::system_clock::duration>(since_epoch));
        return {};
    }
};
#endif

#if defined(IP_PKTINFO)
// IP_PKTINFO: a datagram's destination address and the interface it came
// in on (received, where options::ip::receive_packet_info is set); sent,
// the source address and interface to use (index 0: the routing table's
// choice). On IPv4 datagram sockets.
struct packet_info_v4 {
    static constexpr int level = IPPROTO_IP;
    static constexpr int type = IP_PKTINFO;
    static constexpr std::size_t max_payload = sizeof(::in_pktinfo);
    template <class Family, class Type>
    static constexpr bool applies_to =
        std::is_same_v<typename Family::endpoint_type, ipv4_endpoint> && std::is_same_v<Type, datagram>;
    using value_type = packet_info_v4;

    address_v4 address{};          // received: the destination; sent: the source
    unsigned interface_index = 0; // 0 when sent: any

    std::size_t payload_size() const noexcept { return sizeof(::in_pktinfo); }
    void write_payload(unsigned char* out) const noexcept
    {
        ::in_pktinfo p{};
        p.ipi_ifindex = static_cast<int>(interface_index);
        p.ipi_spec_dst = address.to_in_addr();
        std::memcpy(out, &p, sizeof p);
    }
    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size != sizeof(::in_pktinfo))
            return error::unexpected_control;
        ::in_pktinfo p;
        std::memcpy(&p, data, sizeof p);
        v.address = address_v4(p.ipi_addr);
        v.interface_index = static_cast<unsigned>(p.ipi_ifindex);
        return {};
    }
};
#endif

#if defined(IPV6_PKTINFO)
// IPV6_PKTINFO: the same for IPv6 datagram sockets (received where
// options::ipv6::receive_packet_info is set).
struct packet_info_v6 {
    static constexpr int level = IPPROTO_IPV6;
    static constexpr int type = IPV6_PKTINFO;
    static constexpr std::size_t max_payload = sizeof(::in6_pktinfo);
    template <class Family, class Type>
    static constexpr bool applies_to =
        std::is_same_v<typename Family::endpoint_type, ipv6_endpoint> && std::is_same_v<Type, datagram>;
    using value_type = packet_info_v6;

    address_v6 address{};
    unsigned interface_index = 0;

    std::size_t payload_size() const noexcept { return sizeof(::in6_pktinfo); }
    void write_payload(unsigned char* out) const noexcept
    {
        ::in6_pktinfo p{};
        p.ipi6_addr = address.to_in6_addr();
        p.ipi6_ifindex = interface_index;
        std::memcpy(out, &p, sizeof p);
    }
    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size != sizeof(::in6_pktinfo))
            return error::unexpected_control;
        ::in6_pktinfo p;
        std::memcpy(&p, data, sizeof p);
        v.address = address_v6(p.ipi6_addr);
        v.interface_index = p.ipi6_ifindex;
        return {};
    }
};
#endif

namespace detail {

// A field of a received datagram's IP header, as an int: the TTL or TOS of
// IPv4, the hop limit or traffic class of IPv6 (RFC 3542), received where
// its switch (options::ip::receive_ttl ...) is set, on datagram sockets of
// the family of Endpoint. The kernel sends a byte for some (IP_TOS, the
// BSDs' IP_RECVTTL) and an int for others: decode takes either.
template <int Level, int Kind, class Endpoint>
struct received_header_field {
    static constexpr int level = Level;
    static constexpr int type = Kind;
    static constexpr std::size_t max_payload = sizeof(int);
    template <class Family, class Type>
    static constexpr bool applies_to =
        std::is_same_v<typename Family::endpoint_type, Endpoint> && std::is_same_v<Type, datagram>;
    using value_type = int;

    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size == 1) {
            v = data[0];
        } else if (size == sizeof(int)) {
            std::memcpy(&v, data, sizeof v);
        } else {
            return error::unexpected_control;
        }
        return {};
    }
};

// Linux names the IPv4 ones as the options that set them on send; the BSDs
// as the options that ask for them.
#if BOOST_OS_LINUX
inline constexpr int received_ttl_type = IP_TTL;
inline constexpr int received_tos_type = IP_TOS;
#elif defined(IP_RECVTTL) && defined(IP_RECVTOS)
inline constexpr int received_ttl_type = IP_RECVTTL;
inline constexpr int received_tos_type = IP_RECVTOS;
#endif

} // namespace detail

#if BOOST_OS_LINUX || (defined(IP_RECVTTL) && defined(IP_RECVTOS))
// The TTL an IPv4 datagram arrived with (where options::ip::receive_ttl is
// set). Received only.
struct received_ttl : detail::received_header_field<IPPROTO_IP, detail::received_ttl_type, ipv4_endpoint> {};
// The type-of-service byte (DSCP and ECN) of an IPv4 datagram (where
// options::ip::receive_tos is set). Received only.
struct received_tos : detail::received_header_field<IPPROTO_IP, detail::received_tos_type, ipv4_endpoint> {};
#endif

#if defined(IPV6_RECVHOPLIMIT) && defined(IPV6_HOPLIMIT)
// The hop limit an IPv6 datagram arrived with (IPV6_HOPLIMIT, where
// options::ipv6::receive_hop_limit is set). Received only.
struct received_hop_limit : detail::received_header_field<IPPROTO_IPV6, IPV6_HOPLIMIT, ipv6_endpoint> {};
#endif
#if defined(IPV6_RECVTCLASS) && defined(IPV6_TCLASS)
// The traffic class (DSCP and ECN) of an IPv6 datagram (IPV6_TCLASS, where
// options::ipv6::receive_traffic_class is set). Received only.
struct received_traffic_class : detail::received_header_field<IPPROTO_IPV6, IPV6_TCLASS, ipv6_endpoint> {};
#endif

#if BOOST_OS_LINUX
// UDP_SEGMENT (Linux): generic segmentation offload for one send_msg, as
// options::udp::segment is for every send: the message leaves as datagrams
// of size bytes (the last one shorter). 0 sends it whole whatever the
// option says. On IP datagram sockets; a larger message than 64 segments
// or than the path's MTU allows is the kernel's EINVAL.
struct udp_segment {
    static constexpr int level = IPPROTO_UDP;
    static constexpr int type = UDP_SEGMENT;
    static constexpr std::size_t max_payload = sizeof(std::uint16_t);
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip && std::is_same_v<Type, datagram>;
    // Never received; it is a control_message so that its type is checked
    // against the socket's as the others' are.
    using value_type = std::uint16_t;

    std::uint16_t size = 0;

    udp_segment() noexcept = default;
    explicit udp_segment(std::uint16_t segment_size) noexcept : size(segment_size) {}

    std::size_t payload_size() const noexcept { return sizeof size; }
    void write_payload(unsigned char* out) const noexcept { std::memcpy(out, &size, sizeof size); }
    static std::error_code decode(const unsigned char* data, std::size_t n, value_type& v) noexcept
    {
        if (n != sizeof v)
            return error::unexpected_control;
        std::memcpy(&v, data, sizeof v);
        return {};
    }
};

// UDP_GRO (Linux): where options::udp::gro is set, datagrams of one flow
// may arrive coalesced in one buffer; this is the size of each of them but
// the last (which may be shorter), to cut the buffer up again. Absent when
// the datagram came alone. Received only.
struct udp_gro {
    static constexpr int level = IPPROTO_UDP;
    static constexpr int type = UDP_GRO;
    static constexpr std::size_t max_payload = sizeof(int);
    template <class Family, class Type>
    static constexpr bool applies_to = Family::is_ip && std::is_same_v<Type, datagram>;
    using value_type = int;

    static std::error_code decode(const unsigned char* data, std::size_t size, value_type& v) noexcept
    {
        if (size != sizeof v)
            return error::unexpected_control;
        std::memcpy(&v, data, sizeof v);
        return {};
    }
};
#endif

// What recv_msg<Cs...> returns: the bytes received and, for each control
// type asked for, its value when the kernel sent one (empty otherwise).
template <control_message... Cs>
struct received_message {
    std::size_t size = 0;
    std::tuple<std::optional<typename Cs::value_type>...> controls;

    // The value of control type C, if it arrived.
    template <class C>
    std::optional<typename C::value_type>& get() noexcept
    {
        // An error here means get<C>() of a type the recv_msg call did not ask for.
        static_assert(index_of<C> != sizeof...(Cs), "this control type was not asked for in recv_msg<...>");
        return std::get<index_of<C>>(controls);
    }
    template <class C>
    const std::optional<typename C::value_type>& get() const noexcept
    {
        static_assert(index_of<C> != sizeof...(Cs), "this control type was not asked for in recv_msg<...>");
        return std::get<index_of<C>>(controls);
    }

private:
    template <class C>
    static constexpr std::size_t index_of = [] {
        constexpr bool same[] = {std::is_same_v<C, Cs>..., false};
        std::size_t i = 0;
        while (i != sizeof...(Cs) && !same[i])
            ++i;
        return i;
    }();
};

// What recv_msg_from<Cs...> returns: received_message's, and the sender.
template <class Endpoint, control_message... Cs>
struct received_message_from : received_message<Cs...> {
    Endpoint sender{};
};

namespace detail {

// The control buffer for Cs: the sum of their CMSG_SPACE, at compile time.
template <class... Cs>
inline constexpr std::size_t control_space = (std::size_t(0) + ... + std::size_t(CMSG_SPACE(Cs::max_payload)));

// A control buffer aligned for cmsghdr (one byte when empty, never read).
template <std::size_t Size>
struct control_buffer {
    alignas(::cmsghdr) unsigned char bytes[Size == 0 ? 1 : Size];
};

// One buffer or a sequence of them, as a sequence.
template <class B>
auto as_sequence(B& b) noexcept
{
    if constexpr (buffer_sequence<std::remove_const_t<B>>)
        return std::ref(b);
    else if constexpr (std::is_const_v<B>)
        return std::array<byte_run<const std::byte>, 1>{detail::as_bytes(b)};
    else
        return std::array<byte_run<std::byte>, 1>{detail::as_writable_bytes(b)};
}
template <class T>
T& unwrap(std::reference_wrapper<T> r) noexcept
{
    return r.get();
}
template <class T>
T& unwrap(T& t) noexcept
{
    return t;
}

// Writes c as one control message at m's next free byte (used: the bytes
// written so far).
template <class C>
void put_control(unsigned char* buffer, std::size_t& used, const C& c) noexcept
{
    const std::size_t size = c.payload_size();
    if (size == 0)
        return; // nothing to pass: no message (an empty SCM_RIGHTS is EINVAL)
    ::cmsghdr h{};
    h.cmsg_level = C::level;
    h.cmsg_type = C::type;
    h.cmsg_len = static_cast<decltype(h.cmsg_len)>(CMSG_LEN(size));
    std::memcpy(buffer + used, &h, sizeof h);
    c.write_payload(buffer + used + (CMSG_LEN(0)));
    used += CMSG_SPACE(size);
}

// Gives one received control message to the Cs that asked for its level
// and type: 0, or the error (unexpected_control when none did; descriptors
// that came with one are closed).
template <class... Cs>
std::error_code take_control(std::tuple<std::optional<typename Cs::value_type>...>& values, const ::cmsghdr* h,
                             const unsigned char* data, std::size_t size) noexcept
{
    std::error_code ec = error::unexpected_control;
    bool taken = false;
    const auto one = [&]<std::size_t I, class C>(std::integral_constant<std::size_t, I>, C*) {
        if (taken || h->cmsg_level != C::level || h->cmsg_type != C::type)
            return;
        taken = true;
        auto& v = std::get<I>(values);
        if (!v)
            v.emplace();
        ec = C::decode(data, size, *v);
    };
    [&]<std::size_t... Is>(std::index_sequence<Is...>) {
        (one(std::integral_constant<std::size_t, Is>(), static_cast<Cs*>(nullptr)), ...);
    }(std::index_sequence_for<Cs...>());
    if (!taken && h->cmsg_level == SOL_SOCKET && h->cmsg_type == SCM_RIGHTS) {
        for (std::size_t at = 0; at + sizeof(int) <= size; at += sizeof(int)) { // nobody asked for them
            int fd;
            std::memcpy(&fd, data + at, sizeof fd);
            (void)close_socket(fd);
        }
    }
    return ec;
}

} // namespace detail

namespace detail {

// Are Cs all control messages for sockets of Socket's family and type?
template <class Socket, class... Cs>
concept controls_for = is_basic_socket<Socket> &&
                       (control_message_for<Cs, typename Socket::family_type, typename Socket::type_policy> && ...);
// Is B one buffer or a sequence of them?
template <class B>
concept some_buffers = sendable_buffer<B> || buffer_sequence<B>;
template <class B>
concept some_receivable_buffers = receivable_buffer<B> || receivable_buffer_sequence<B>;

template <class Socket, class B, class... Cs>
status send_with_controls(const Socket& s, const B& buffers, const ::sockaddr* to, ::socklen_t to_size, std::size_t& n,
                          const Cs&... controls) noexcept
{
    auto seq = as_sequence(buffers);
    const auto& list = unwrap(seq);
    io_vectors<const std::remove_cvref_t<decltype(list)>, false> v;
    status st = v.fill(list);
    if (st) [[unlikely]]
        return st;
    control_buffer<control_space<Cs...>> control{};
    std::size_t used = 0;
    (put_control(control.bytes, used, controls), ...);
    ::msghdr m{};
    m.msg_name = const_cast<::sockaddr*>(to); // sendmsg does not write it
    m.msg_namelen = to ? to_size : 0;
    m.msg_iov = v.data();
    m.msg_iovlen = static_cast<decltype(m.msg_iovlen)>(v.size());
    m.msg_control = used ? control.bytes : nullptr;
    m.msg_controllen = static_cast<decltype(m.msg_controllen)>(used);
    const auto h = s.native_handle();
    socket_access::perform(s, POLLOUT, st, [&] {
        const auto r = send_message_once(h, m, 0);
        n = r < 0 ? 0 : std::size_t(r);
        return r < 0 ? last_status() : 0;
    });
    return st;
}

template <class Socket, class B, class... Cs>
status recv_with_controls(const Socket& s, B& buffers, received_message<Cs...>& out, ::sockaddr* from = nullptr,
                          ::socklen_t* from_size = nullptr) noexcept
{
    auto seq = as_sequence(buffers);
    auto& list = unwrap(seq);
    io_vectors<std::remove_reference_t<decltype(list)>, true> v;
    status st = v.fill(list);
    if (st) [[unlikely]]
        return st;
    constexpr std::size_t space = control_space<Cs...>;
    control_buffer<space> control;
    ::msghdr m{};
    const auto h = s.native_handle();
    std::ptrdiff_t r = 0;
    const ::socklen_t room = from_size ? *from_size : 0;
    socket_access::perform(s, POLLIN, st, [&] {
        m = ::msghdr{};
        m.msg_name = from;
        m.msg_namelen = room;
        m.msg_iov = v.data();
        m.msg_iovlen = static_cast<decltype(m.msg_iovlen)>(v.size());
        m.msg_control = space ? control.bytes : nullptr;
        m.msg_controllen = static_cast<decltype(m.msg_controllen)>(space);
        r = recv_message_once(h, m, 0);
        return r < 0 ? last_status() : 0;
    });
    if (st)
        return st;
    if (from_size)
        *from_size = m.msg_namelen;
    out.size = std::size_t(r);
    // Every control message is taken (its descriptors owned by out, or
    // closed) before any error is reported: a failed call leaks none.
    std::error_code first;
    if (m.msg_controllen != 0) {
        for (::cmsghdr* c = CMSG_FIRSTHDR(&m); c != nullptr; c = CMSG_NXTHDR(&m, c)) {
            const std::size_t header = CMSG_LEN(0);
            const std::size_t size = c->cmsg_len > header ? std::size_t(c->cmsg_len) - header : 0;
            const std::error_code ec = take_control<Cs...>(out.controls, c, CMSG_DATA(c), size);
            if (ec && !first)
                first = ec;
        }
    }
    if ((m.msg_flags & MSG_CTRUNC) != 0)
        return status_of(error::control_truncated);
    if (first)
        return status_of(first);
    if ((m.msg_flags & MSG_TRUNC) != 0 && Socket::type_policy::message_oriented)
        return status_of(error::message_truncated);
    return 0;
}

} // namespace detail

// sendmsg(2): the buffers (one buffer or a sequence of them) and the
// control messages (descriptors{fd, socket ...}, or a user's type), in one
// call, MSG_NOSIGNAL added. How many bytes went, as send. On a stream the
// control data goes with the first byte: send at least one. The
// std::error_code form takes ec before the controls.
template <class Socket, class B, class... Cs>
    requires(detail::some_buffers<B> && (sendable_control<Cs> && ...) && detail::controls_for<Socket, Cs...>)
[[nodiscard]] auto send_msg(Socket& s, const B& buffers, const Cs&... controls)
{
    std::size_t n = 0;
    const detail::status st = detail::send_with_controls(s, buffers, nullptr, 0, n, controls...);
    return Socket::mode_type::template finish_or_throw<std::size_t>(n, st, "sendmsg");
}
template <class Socket, class B, class... Cs>
    requires(detail::some_buffers<B> && (sendable_control<Cs> && ...) && detail::controls_for<Socket, Cs...>)
[[nodiscard]] auto send_msg(Socket& s, const B& buffers, std::error_code& ec, const Cs&... controls) noexcept
{
    std::size_t n = 0;
    const detail::status st = detail::send_with_controls(s, buffers, nullptr, 0, n, controls...);
    return Socket::mode_type::template finish<std::size_t>(n, st, ec);
}

// recvmsg(2) into the buffers (one or a sequence), with room for the
// control types Cs (their CMSG_SPACE summed at compile time), and
// MSG_CMSG_CLOEXEC: a received_message<Cs...> in the mode's result. Errors
// as recv's, and control_truncated (MSG_CTRUNC), unexpected_control (a
// type not asked for), too_many_descriptors; the descriptors of a failed
// call are closed.
template <control_message... Cs, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, Cs...>)
[[nodiscard]] auto recv_msg(Socket& s, B&& buffers)
{
    received_message<Cs...> out;
    const detail::status st = detail::recv_with_controls(s, buffers, out);
    return Socket::mode_type::template finish_or_throw<received_message<Cs...>>(std::move(out), st, "recvmsg");
}
template <control_message... Cs, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, Cs...>)
[[nodiscard]] auto recv_msg(Socket& s, B&& buffers, std::error_code& ec) noexcept
{
    received_message<Cs...> out;
    const detail::status st = detail::recv_with_controls(s, buffers, out);
    return Socket::mode_type::template finish<received_message<Cs...>>(std::move(out), st, ec);
}

// sendmsg(2) to ep (datagram and raw sockets): send_msg's message as one
// datagram to ep; with packet_info_v4/v6, from the source it names.
template <class Socket, class B, class... Cs>
    requires(detail::some_buffers<B> && (sendable_control<Cs> && ...) && detail::controls_for<Socket, Cs...> &&
             !Socket::type_policy::connection_oriented)
[[nodiscard]] auto send_msg_to(Socket& s, const B& buffers, const typename Socket::endpoint_type& ep,
                               const Cs&... controls)
{
    const detail::name_of<typename Socket::endpoint_type> name(ep);
    std::size_t n = 0;
    const detail::status st = detail::send_with_controls(s, buffers, name.data(), name.size(), n, controls...);
    return Socket::mode_type::template finish_or_throw<std::size_t>(n, st, "sendmsg");
}
template <class Socket, class B, class... Cs>
    requires(detail::some_buffers<B> && (sendable_control<Cs> && ...) && detail::controls_for<Socket, Cs...> &&
             !Socket::type_policy::connection_oriented)
[[nodiscard]] auto send_msg_to(Socket& s, const B& buffers, const typename Socket::endpoint_type& ep,
                               std::error_code& ec, const Cs&... controls) noexcept
{
    const detail::name_of<typename Socket::endpoint_type> name(ep);
    std::size_t n = 0;
    const detail::status st = detail::send_with_controls(s, buffers, name.data(), name.size(), n, controls...);
    return Socket::mode_type::template finish<std::size_t>(n, st, ec);
}

namespace detail {
template <class Socket, class B, class... Cs>
status recv_with_sender(const Socket& s, B& buffers,
                        received_message_from<typename Socket::endpoint_type, Cs...>& out) noexcept
{
    name_slot<typename Socket::endpoint_type> name(out.sender);
    ::socklen_t len = name.capacity;
    status st = recv_with_controls(s, buffers, out, name.data(), &len);
    if (!st || st == status_of(error::message_truncated)) {
        if (const status taken = name.take(len))
            st = taken;
    }
    return st;
}
} // namespace detail

// recvmsg(2) with the sender's endpoint (datagram and raw sockets):
// recv_msg's message and its sender.
template <control_message... Cs, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, Cs...> &&
             !Socket::type_policy::connection_oriented)
[[nodiscard]] auto recv_msg_from(Socket& s, B&& buffers)
{
    using R = received_message_from<typename Socket::endpoint_type, Cs...>;
    R out;
    const detail::status st = detail::recv_with_sender(s, buffers, out);
    return Socket::mode_type::template finish_or_throw<R>(std::move(out), st, "recvmsg");
}
template <control_message... Cs, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, Cs...> &&
             !Socket::type_policy::connection_oriented)
[[nodiscard]] auto recv_msg_from(Socket& s, B&& buffers, std::error_code& ec) noexcept
{
    using R = received_message_from<typename Socket::endpoint_type, Cs...>;
    R out;
    const detail::status st = detail::recv_with_sender(s, buffers, out);
    return Socket::mode_type::template finish<R>(std::move(out), st, ec);
}

// An error here means a control message on a socket it does not apply to:
// descriptors (SCM_RIGHTS) pass over local (AF_UNIX) sockets only;
// packet_info_v4, received_ttl ... over IPv4 datagram sockets,
// packet_info_v6, received_hop_limit ... over IPv6 ones, udp_segment and
// udp_gro over either.
template <class Socket, class B, class... Cs>
    requires(detail::is_basic_socket<Socket> && (control_message<Cs> && ...) &&
             !detail::controls_for<Socket, Cs...>)
TSOCK_REFUSED("this control message does not apply to this socket (descriptors pass over local sockets only, "
              "the IP ones over IP datagram sockets of their family)")
send_msg(Socket&, const B&, const Cs&...) TSOCK_DELETED;
template <control_message... Cs, class Socket, class B, class... Args>
    requires(detail::is_basic_socket<Socket> && !detail::controls_for<Socket, Cs...>)
TSOCK_REFUSED("this control message does not apply to this socket (descriptors pass over local sockets only, "
              "the IP ones over IP datagram sockets of their family)")
recv_msg(Socket&, B&&, Args&&...) TSOCK_DELETED;

// Python's send_fds(sock, buffers, fds): the buffers and the descriptors
// (native handles or tsock sockets) in one sendmsg.
template <class Socket, class B, class... Hs>
    requires(detail::some_buffers<B> && sizeof...(Hs) >= 1 && (detail::descriptor_source<Hs> && ...) &&
             detail::controls_for<Socket, descriptors<sizeof...(Hs)>>)
[[nodiscard]] auto send_fds(Socket& s, const B& buffers, const Hs&... handles)
{
    return send_msg(s, buffers, descriptors<sizeof...(Hs)>(handles...));
}

// Python's recv_fds(sock, bufsize, maxfds): up to N descriptors and the
// bytes, as recv_msg<descriptors<N>>.
template <std::size_t N, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, descriptors<N>>)
[[nodiscard]] auto recv_fds(Socket& s, B&& buffers)
{
    return recv_msg<descriptors<N>>(s, std::forward<B>(buffers));
}
template <std::size_t N, class Socket, class B>
    requires(detail::some_receivable_buffers<B> && detail::controls_for<Socket, descriptors<N>>)
[[nodiscard]] auto recv_fds(Socket& s, B&& buffers, std::error_code& ec) noexcept
{
    return recv_msg<descriptors<N>>(s, std::forward<B>(buffers), ec);
}

} // namespace tsock

#endif // BOOST_OS_WINDOWS

#endif // TSOCK_MESSAGE_HPP
