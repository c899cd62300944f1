// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_BATCH_HPP
#define TSOCK_BATCH_HPP

// The entries of a batch of datagrams, as basic_socket's send_many and
// recv_many take them (sendmmsg and recvmmsg on Linux, a loop of sendto and
// recvfrom elsewhere):
//
//   std::array<tsock::datagram_to<tsock::ipv4_endpoint>, 2> out = {{{"one"sv, ep}, {"two"sv, ep}}};
//   std::size_t sent = udp.send_many(out);                // how many went, in order
//   std::array<std::array<char, 1500>, 32> buffers;
//   std::array<tsock::received_datagram<tsock::ipv4_endpoint>, 32> in;
//   std::size_t got = udp.recv_many(buffers, in);         // in[0 .. got) hold sizes and senders
//
// One call moves at most max_batch datagrams (the rest of a larger batch is
// left for the next call: the count says where it stopped). A batch is any
// contiguous range (std::array, std::vector, std::span, a C array).

#include <tsock/buffer.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <system_error>
#include <type_traits>

namespace tsock {

// The most datagrams one send_many or recv_many moves: the headers of a
// batch are built on the stack (80 bytes each on Linux), and the kernel's
// own limit (UIO_MAXIOV, 1024) is far above what a batch gains by.
inline constexpr std::size_t max_batch = 64;

// One datagram of a send_many batch: its bytes (not copied: they must
// outlive the call) and where it goes.
template <class Endpoint>
struct datagram_to {
    const std::byte* data = nullptr;
    std::size_t size = 0;
    Endpoint to{};

    datagram_to() = default;
    template <sendable_buffer B>
    datagram_to(const B& buffer, const Endpoint& destination) noexcept
        : data(reinterpret_cast<const std::byte*>(std::data(buffer))), size(std::size(buffer)), to(destination)
    {
    }
};

// What recv_many says of one datagram it received: how many bytes are in its
// buffer, who sent it, and status: 0, or error::message_truncated (it was
// longer than its buffer: the head is there, the rest is lost) or
// error::bad_endpoint (the sender's name is not one of Endpoint's: sender
// is Endpoint's default).
template <class Endpoint>
struct received_datagram {
    std::size_t size = 0;
    Endpoint sender{};
    detail::status status = 0;

    bool truncated() const noexcept { return status == detail::status_of(error::message_truncated); }
    // The datagram's error as a std::error_code (cleared when it is whole).
    std::error_code error() const noexcept { return status ? detail::to_error_code(status) : std::error_code(); }
};

namespace detail {

// The element type of a contiguous range (std::data and std::size).
template <class R>
using batch_element_t = std::remove_cv_t<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>>;

// Is R a contiguous range of E (a batch of E)?
template <class R, class E>
concept batch_of = requires(R& r) {
    { std::size(r) } -> std::convertible_to<std::size_t>;
} && std::is_same_v<batch_element_t<R>, E>;

// Is R a contiguous range of buffers to send (a batch for a connected
// socket: each element a byte buffer that is not a string literal)?
template <class R>
concept send_buffer_batch = requires(R& r) {
    { std::size(r) } -> std::convertible_to<std::size_t>;
    std::data(r);
} && sendable_buffer<batch_element_t<R>>;

// Is R a contiguous range of writable buffers to receive into?
template <class R>
concept recv_buffer_batch = requires(R& r) {
    { std::size(r) } -> std::convertible_to<std::size_t>;
    std::data(r);
} && mutable_byte_buffer<batch_element_t<R>> &&
                            !std::is_const_v<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>>;

// Is R&& a batch of results recv_many can write to (received_datagram<E>,
// not const, outliving the call: a named range, or a std::span)?
template <class R, class E>
concept result_batch = batch_of<std::remove_reference_t<R>, received_datagram<E>> &&
                       !std::is_const_v<std::remove_pointer_t<decltype(std::data(std::declval<R&>()))>> &&
                       outlives_call<R>;

} // namespace detail
} // namespace tsock

#endif // TSOCK_BATCH_HPP
