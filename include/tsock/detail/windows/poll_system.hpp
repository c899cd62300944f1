// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_POLL_SYSTEM_HPP
#define TSOCK_DETAIL_WINDOWS_POLL_SYSTEM_HPP

// The poller's Windows parts: WSAPoll's structure and bits, and the wake-up
// channel: a UDP socket on 127.0.0.1 connected to itself (WSAPoll waits on
// sockets only).

#include <tsock/detail/socket_ops.hpp>

#include <cstdint>
#include <unordered_map>

namespace tsock::detail {

using pollfd_type = ::WSAPOLLFD;

// WSAPoll takes POLLRDNORM and POLLWRNORM (POLLPRI is an error there).
inline constexpr std::uint32_t poll_readable = POLLRDNORM;
inline constexpr std::uint32_t poll_writable = POLLWRNORM;
inline constexpr std::uint32_t poll_error = POLLERR | POLLNVAL;
inline constexpr std::uint32_t poll_hang_up = POLLHUP;

inline int poll_system(pollfd_type* fds, std::size_t count, int ms) noexcept
{
    return ::WSAPoll(fds, static_cast<::ULONG>(count), ms);
}
// Not used with WSAPoll (nothing to remove from a system set).
inline constexpr status bad_handle_status = WSAENOTSOCK;
inline constexpr status not_in_set_status = WSAENOTSOCK;

// WSAPoll is not cut short by anything.
inline bool poll_interrupted(status) noexcept { return false; }

inline constexpr bool has_epoll = false;
inline constexpr bool has_kqueue = false;
inline constexpr bool has_poll = false;
inline constexpr bool has_wsapoll = true;

// A value per registered socket: SOCKETs are not small numbers, so a hash
// map.
template <class V>
class handle_map {
public:
    V* find(native_handle_type h) noexcept
    {
        const auto i = map_.find(h);
        return i == map_.end() ? nullptr : &i->second;
    }
    const V* find(native_handle_type h) const noexcept { return const_cast<handle_map*>(this)->find(h); }
    V& insert(native_handle_type h) { return map_[h] = V{}; }
    void erase(native_handle_type h) noexcept { map_.erase(h); }

private:
    std::unordered_map<native_handle_type, V> map_;
};

class wakeup_channel {
public:
    wakeup_channel() noexcept = default;
    wakeup_channel(const wakeup_channel&) = delete;
    wakeup_channel& operator=(const wakeup_channel&) = delete;
    ~wakeup_channel()
    {
        if (socket_ != INVALID_SOCKET)
            ::closesocket(socket_);
    }

    status open() noexcept
    {
        status s = 0;
        socket_ = open_socket(AF_INET, SOCK_DGRAM, 0, true, s);
        if (s)
            return s;
        ::sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        int len = sizeof a;
        if (::bind(socket_, reinterpret_cast<::sockaddr*>(&a), len) != 0 ||
            ::getsockname(socket_, reinterpret_cast<::sockaddr*>(&a), &len) != 0 ||
            ::connect(socket_, reinterpret_cast<::sockaddr*>(&a), len) != 0)
            return last_status();
        return 0;
    }
    native_handle_type read_end() const noexcept { return socket_; }

    void signal() const noexcept
    {
        const char one = 1;
        ::send(socket_, &one, 1, 0);
    }
    void drain() const noexcept
    {
        char buffer[64];
        while (::recv(socket_, buffer, sizeof buffer, 0) > 0) {
        }
    }

private:
    ::SOCKET socket_ = INVALID_SOCKET;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_POLL_SYSTEM_HPP
