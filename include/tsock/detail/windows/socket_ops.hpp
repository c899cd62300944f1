// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP
#define TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP

// Winsock 2 calls on SOCKETs, the same functions as detail/posix/socket_ops.hpp.
// Each returns its status (0, or the WSAGetLastError() value it failed with:
// winsock_category's, which compares equal to std::errc); none builds a
// std::error_code or throws.
// Winsock has no EINTR to retry, no SIGPIPE and no socketpair (so no local
// sockets: tsock leaves them out on Windows).

#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/error.hpp>

#include <climits>
#include <cstddef>
#include <system_error>

namespace tsock::detail {

using native_handle_type = ::SOCKET;
inline constexpr native_handle_type invalid_handle = INVALID_SOCKET;

// No SIGPIPE on Windows: nothing to add to a send.
inline constexpr int send_flags = 0;

// What listen_on sets before binding: SO_EXCLUSIVEADDRUSE, since Windows'
// SO_REUSEADDR would let another socket take over a port in use.
inline constexpr int server_address_option = SO_EXCLUSIVEADDRUSE;

// How a call ended, before any std::error_code is built: 0 for success, a
// WSA error value, or a tsock::error negated (see detail/status.hpp).
using status = int;

// A system error value as a status: never negative (see the POSIX one).
inline status system_status(int value) noexcept { return value & INT_MAX; }

inline status last_status() noexcept { return system_status(::WSAGetLastError()); }

inline bool would_block(status s) noexcept { return s == WSAEWOULDBLOCK; }

// connect's errors that mean "under way": WSAEWOULDBLOCK (a non-blocking
// connect; WSAEINPROGRESS means a Winsock 1.1 blocking call instead), and
// WSAEINTR, as EINTR on POSIX (Winsock 2 no longer interrupts calls).
inline constexpr int connect_in_progress = WSAEWOULDBLOCK;
inline constexpr int connect_interrupted = WSAEINTR;

// Lengths are int in Winsock. A stream may send or receive fewer bytes than
// asked, so a size above INT_MAX is clamped, never wrapped: send reports the
// partial count. No datagram comes near INT_MAX bytes, so a message socket
// fails the clamped send with WSAEMSGSIZE rather than cut the message.
inline int io_size(std::size_t size) noexcept { return size > std::size_t(INT_MAX) ? INT_MAX : static_cast<int>(size); }

// The status of a call that returns 0 or SOCKET_ERROR.
inline status status_of_result(int r) noexcept { return r == 0 ? 0 : last_status(); }

// WSASocketW with WSA_FLAG_NO_HANDLE_INHERIT (Windows' CLOEXEC) and
// WSA_FLAG_OVERLAPPED (as socket() has it); then FIONBIO when asked, since
// Windows has no SOCK_NONBLOCK.
inline native_handle_type open_socket(int domain, int type, int protocol, bool nonblocking, status& st) noexcept
{
    if (const int r = start_winsock(); r != 0) {
        st = system_status(r);
        return invalid_handle;
    }
    const ::SOCKET s =
        ::WSASocketW(domain, type, protocol, nullptr, 0, WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    if (s == INVALID_SOCKET) {
        st = last_status();
        return invalid_handle;
    }
    if (nonblocking) {
        ::u_long on = 1;
        if (::ioctlsocket(s, FIONBIO, &on) != 0) {
            st = last_status();
            ::closesocket(s);
            return invalid_handle;
        }
    }
    st = 0;
    return s;
}

// The AF_* value of a socket: no SO_DOMAIN, and getsockname fails on an
// unbound socket, so the protocol info's address family.
inline int socket_domain(native_handle_type s, status& st) noexcept
{
    ::WSAPROTOCOL_INFOW info{};
    int len = sizeof info;
    st = status_of_result(::getsockopt(s, SOL_SOCKET, SO_PROTOCOL_INFOW, reinterpret_cast<char*>(&info), &len));
    return st ? AF_UNSPEC : info.iAddressFamily;
}

// No socketpair on Windows (has_socket_pair is false; socket_pair refuses
// to compile): this only keeps the name for the templates that mention it.
inline status open_socket_pair(int, int, int, bool, native_handle_type fds[2]) noexcept
{
    fds[0] = fds[1] = invalid_handle;
    return WSAEOPNOTSUPP;
}

TSOCK_ALWAYS_INLINE status close_socket(native_handle_type s) noexcept { return status_of_result(::closesocket(s)); }

// accept. The new socket inherits the listener's FIONBIO state ("the same
// properties as s"), which is the mode's, as both share it; not its handle
// flags, so it is made non-inheritable here (as Python does).
// The new handle, or invalid_handle with st saying why.
inline native_handle_type accept(native_handle_type s, ::sockaddr* sa, ::socklen_t* len, bool /* nonblocking */,
                                 status& st) noexcept
{
    const ::SOCKET a = ::accept(s, sa, len);
    if (a == INVALID_SOCKET) {
        st = last_status();
        return invalid_handle;
    }
    if (!::SetHandleInformation(reinterpret_cast<::HANDLE>(a), HANDLE_FLAG_INHERIT, 0)) {
        st = system_status(static_cast<int>(::GetLastError()));
        ::closesocket(a);
        return invalid_handle;
    }
    st = 0;
    return a;
}

// send and recv: the count, or -1 with last_status() saying why.
inline std::ptrdiff_t send(native_handle_type s, const void* data, std::size_t size, int flags) noexcept
{
    const int r = ::send(s, static_cast<const char*>(data), io_size(size), flags);
    return r == SOCKET_ERROR ? -1 : r;
}

inline std::ptrdiff_t recv(native_handle_type s, void* data, std::size_t size, int flags) noexcept
{
    const int r = ::recv(s, static_cast<char*>(data), io_size(size), flags);
    return r == SOCKET_ERROR ? -1 : r;
}

// The same for a loop that would retry EINTR itself (send_all's and
// recv_exact's): Winsock has no EINTR, so they are send and recv.
inline std::ptrdiff_t send_once(native_handle_type s, const void* data, std::size_t size, int flags) noexcept
{
    return send(s, data, size, flags);
}

inline std::ptrdiff_t recv_once(native_handle_type s, void* data, std::size_t size, int flags) noexcept
{
    return recv(s, data, size, flags);
}

// Did a signal cut the call short? Never on Windows.
inline constexpr bool interrupted(status) noexcept { return false; }

inline std::ptrdiff_t send_to(native_handle_type s, const void* data, std::size_t size, int flags,
                              const ::sockaddr* sa, ::socklen_t len) noexcept
{
    const int r = ::sendto(s, static_cast<const char*>(data), io_size(size), flags, sa, len);
    return r == SOCKET_ERROR ? -1 : r;
}

// The outcome of a non-blocking connect (SO_ERROR, which reading clears):
// 0, the connect's WSA error, or getsockopt's.
inline status pending_status(native_handle_type s) noexcept
{
    int value = 0;
    int len = sizeof value;
    if (::getsockopt(s, SOL_SOCKET, SO_ERROR, reinterpret_cast<char*>(&value), &len) != 0)
        return last_status();
    return system_status(value);
}

// Bytes ready to read (FIONREAD).
inline std::size_t available(native_handle_type s, status& st) noexcept
{
    ::u_long n = 0;
    st = status_of_result(::ioctlsocket(s, FIONREAD, &n));
    return st ? 0 : static_cast<std::size_t>(n);
}

// Receives one message into [data, data + size), with its sender's name
// when sa is not null. Winsock fails a datagram larger than the buffer with
// WSAEMSGSIZE after filling the buffer: that is truncated, size bytes.
inline std::ptrdiff_t recv_message(native_handle_type s, void* data, std::size_t size, int flags, ::sockaddr* sa,
                                   ::socklen_t* len, bool& truncated) noexcept
{
    const int r = ::recvfrom(s, static_cast<char*>(data), io_size(size), flags, sa, len);
    truncated = r == SOCKET_ERROR && ::WSAGetLastError() == WSAEMSGSIZE;
    if (truncated)
        return std::ptrdiff_t(io_size(size));
    return r == SOCKET_ERROR ? -1 : r;
}

inline std::ptrdiff_t recv_message(native_handle_type s, void* data, std::size_t size, int flags,
                                   bool& truncated) noexcept
{
    return recv_message(s, data, size, flags, nullptr, nullptr, truncated);
}

// Scatter/gather: one WSABUF per buffer. Winsock documents no limit on
// their number; tsock takes as many as POSIX's Linux (1024) so that a
// program behaves the same on both. A WSABUF's length is a ULONG: each
// buffer is clamped at INT_MAX bytes, as io_size does.
using io_vector = ::WSABUF;
inline constexpr std::size_t max_io_vectors = 1024;

inline io_vector make_io_vector(const void* data, std::size_t size) noexcept
{
    io_vector v;
    v.len = static_cast<::ULONG>(io_size(size));
    v.buf = static_cast<char*>(const_cast<void*>(data)); // WSASend does not write through it
    return v;
}
inline std::size_t io_vector_size(const io_vector& v) noexcept { return v.len; }
inline void skip_bytes(io_vector& v, std::size_t n) noexcept
{
    v.buf += n;
    v.len -= static_cast<::ULONG>(n);
}

// WSASend (WSASendTo when sa is not null) of count buffers: the count, or -1.
inline std::ptrdiff_t send_vectors_once(native_handle_type s, const io_vector* v, std::size_t count, int flags,
                                        const ::sockaddr* sa, ::socklen_t len) noexcept
{
    ::DWORD sent = 0;
    auto* bufs = const_cast<io_vector*>(v);
    const int r = sa ? ::WSASendTo(s, bufs, ::DWORD(count), &sent, ::DWORD(flags), sa, len, nullptr, nullptr)
                     : ::WSASend(s, bufs, ::DWORD(count), &sent, ::DWORD(flags), nullptr, nullptr);
    return r == SOCKET_ERROR ? -1 : std::ptrdiff_t(sent);
}

// WSARecv (WSARecvFrom when sa is not null) into count buffers. A datagram
// larger than them fails with WSAEMSGSIZE after filling them: truncated,
// and every byte of the buffers stored.
inline std::ptrdiff_t recv_vectors_once(native_handle_type s, io_vector* v, std::size_t count, int flags,
                                        ::sockaddr* sa, ::socklen_t* len, bool& truncated) noexcept
{
    ::DWORD got = 0;
    ::DWORD f = ::DWORD(flags);
    const int r = sa ? ::WSARecvFrom(s, v, ::DWORD(count), &got, &f, sa, len, nullptr, nullptr)
                     : ::WSARecv(s, v, ::DWORD(count), &got, &f, nullptr, nullptr);
    truncated = r == SOCKET_ERROR && ::WSAGetLastError() == WSAEMSGSIZE;
    if (truncated) {
        std::size_t all = 0;
        for (std::size_t i = 0; i != count; ++i)
            all += v[i].len;
        return std::ptrdiff_t(all);
    }
    return r == SOCKET_ERROR ? -1 : std::ptrdiff_t(got);
}

// FIONBIO on or off; 0 or the WSA error.
inline status set_nonblocking(native_handle_type s, bool on) noexcept
{
    ::u_long value = on ? 1 : 0;
    return ::ioctlsocket(s, FIONBIO, &value) == 0 ? 0 : last_status();
}

// Winsock cannot read FIONBIO back: an adopted socket gets the mode's.
inline status match_nonblocking(native_handle_type s, bool on) noexcept { return set_nonblocking(s, on); }

// A new handle for the same socket (WSADuplicateSocketW into this process),
// not inheritable.
inline native_handle_type duplicate(native_handle_type s, status& st) noexcept
{
    ::WSAPROTOCOL_INFOW info{};
    if (::WSADuplicateSocketW(s, ::GetCurrentProcessId(), &info) != 0) {
        st = last_status();
        return invalid_handle;
    }
    const ::SOCKET d = ::WSASocketW(FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, FROM_PROTOCOL_INFO, &info, 0,
                                    WSA_FLAG_OVERLAPPED | WSA_FLAG_NO_HANDLE_INHERIT);
    st = d == INVALID_SOCKET ? last_status() : 0;
    return d;
}

// ms_until for select and WSAPoll's loops: a wait for ever is INT_MAX ms at a
// time.
inline int wait_ms(std::chrono::steady_clock::time_point deadline) noexcept
{
    const int ms = ms_until(deadline);
    return ms < 0 ? INT_MAX : ms; // for ever: INT_MAX at a time (select has no -1)
}

// Waits with WSAPoll until s is ready for events (POLLIN, POLLOUT) or the
// deadline has passed: 0 when ready, error::timed_out (as a status) at the
// deadline, or the WSA error. A deadline already passed still looks once.
inline status wait_ready(native_handle_type s, short events, std::chrono::steady_clock::time_point deadline) noexcept
{
    for (;;) {
        const int ms = wait_ms(deadline);
        ::WSAPOLLFD p{s, events, 0};
        const int r = ::WSAPoll(&p, 1, ms);
        if (r > 0)
            return 0;
        if (r == SOCKET_ERROR)
            return last_status();
        // Nothing by the deadline; a wait cut at INT_MAX ms (or for ever,
        // INT_MAX at a time) goes on.
        if (ms != INT_MAX)
            return -static_cast<int>(error::timed_out);
    }
}

// Waits for a non-blocking connect to end, as wait_ready. With select:
// WSAPoll does not report a failed connect before Windows 10 2004 (build
// 19041; Windows Server 2019 still has the bug), while select marks it in
// the exception set. Then read SO_ERROR.
inline status wait_connected(native_handle_type s, std::chrono::steady_clock::time_point deadline) noexcept
{
    for (;;) {
        const int ms = wait_ms(deadline);
        ::fd_set writable, failed;
        FD_ZERO(&writable);
        FD_ZERO(&failed);
        FD_SET(s, &writable);
        FD_SET(s, &failed);
        ::timeval tv{ms / 1000, (ms % 1000) * 1000};
        const int r = ::select(0, nullptr, &writable, &failed, &tv);
        if (r > 0)
            return 0;
        if (r == SOCKET_ERROR)
            return last_status();
        if (ms != INT_MAX) // nothing by the deadline (looked once if it had passed)
            return -static_cast<int>(error::timed_out);
    }
}

// Connect attempts under way at once, at most: select's FD_SETSIZE (64
// unless the program defines it larger before including tsock). Further
// attempts wait for one of these to end.
inline constexpr std::size_t max_racing = FD_SETSIZE;

// Waits up to ms milliseconds for any of count sockets, each with a connect
// under way, to finish; done[i] = 1 for those that did. With select, not
// WSAPoll, which misses failed connects before Windows 10 2004 (see
// wait_connected); a failure shows in the exception set.
struct wait_scratch {};
inline status wait_any_connected(const native_handle_type* sockets, std::size_t count, char* done, wait_scratch*,
                                 int ms) noexcept
{
    ::fd_set writable, failed;
    FD_ZERO(&writable);
    FD_ZERO(&failed);
    for (std::size_t i = 0; i != count; ++i) {
        FD_SET(sockets[i], &writable);
        FD_SET(sockets[i], &failed);
    }
    ::timeval tv{ms / 1000, (ms % 1000) * 1000};
    if (::select(0, nullptr, &writable, &failed, ms < 0 ? nullptr : &tv) == SOCKET_ERROR) // -1: for ever
        return last_status();
    for (std::size_t i = 0; i != count; ++i)
        done[i] = FD_ISSET(sockets[i], &writable) || FD_ISSET(sockets[i], &failed);
    return 0;
}

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP
