// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_SOCKET_OPS_HPP
#define TSOCK_DETAIL_POSIX_SOCKET_OPS_HPP

// POSIX system calls on descriptors. Each returns its status (0, or the
// errno value it failed with; a value it returns comes back through its
// return value or a status& argument); none builds a std::error_code or
// throws: that happens at the API's edge (detail/status.hpp). The calls a
// blocking socket makes retry EINTR, so a signal never surfaces as an error.

#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/platform.hpp>

#include <cerrno>
#include <climits>
#include <cstddef>

#include <tsock/error.hpp>

#include <fcntl.h>
#include <poll.h>
#include <sys/uio.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

namespace tsock::detail {

using native_handle_type = int;
inline constexpr native_handle_type invalid_handle = -1;

// Flags that every send gets: never raise SIGPIPE (Linux, BSD); Apple has no
// MSG_NOSIGNAL and gets SO_NOSIGPIPE on the socket instead (see open_socket).
#if defined(MSG_NOSIGNAL)
inline constexpr int send_flags = MSG_NOSIGNAL;
#else
inline constexpr int send_flags = 0;
#endif

// What listen_on sets before binding, as Python's create_server does: a
// restarted server binds while old connections linger in TIME_WAIT.
inline constexpr int server_address_option = SO_REUSEADDR;

// How a call ended, before any std::error_code is built (building one costs
// a call to std::system_category() on every success): 0 for success, an
// errno value, or a tsock::error negated (see detail/status.hpp).
using status = int;

// A system error value as a status. Never negative (errno and SO_ERROR
// values are positive); the mask says so to the optimiser, which then drops
// the tsock::error branch of the conversions (detail/status.hpp) wherever
// only system errors can arrive: a program whose calls cannot fail with a
// tsock::error does not link tsock's error category.
inline status system_status(int value) noexcept { return value & INT_MAX; }

// errno, after a call that failed: never 0 (POSIX: a call that fails sets
// it), and the optimiser is told so. Otherwise a caller's "failed, but the
// status is 0" path joins the success path, and GCC then computes every
// success's result with a conditional move for it.
inline status last_status() noexcept
{
    const status s = system_status(errno);
    TSOCK_ASSUME(s != 0);
    return s;
}

// Did the call fail only because it would have had to wait?
inline bool would_block(status s) noexcept { return s == EAGAIN || s == EWOULDBLOCK; }

// connect's errors that mean "under way": EINPROGRESS, and EINTR (the
// signal only cut the wait short). Not EAGAIN: an AF_UNIX listener's
// backlog is full, or no TCP port is free; nothing is under way.
inline constexpr int connect_in_progress = EINPROGRESS;
inline constexpr int connect_interrupted = EINTR;

// Runs call until it does not fail with EINTR; a failure (< 0) leaves errno
// saying why. Declared inline: GCC inlines a plain function template far
// less eagerly, and this one is on every send and recv.
template <class Call>
inline auto retry_eintr(Call call) noexcept
{
    for (;;) {
        const auto r = call();
        if (r >= 0 || errno != EINTR)
            return r;
    }
}

// The status of a call that returns 0 or -1 (errno).
inline status status_of_result(int r) noexcept { return r == 0 ? 0 : last_status(); }

// socket(2) with SOCK_CLOEXEC, and SOCK_NONBLOCK when asked: no fcntl round
// trip where the platform has the flags. invalid_handle when it fails.
inline native_handle_type open_socket(int domain, int type, int protocol, bool nonblocking, status& s) noexcept
{
#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
    const int fd = ::socket(domain, type | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), protocol);
    s = fd < 0 ? last_status() : 0;
#else
    const int fd = ::socket(domain, type, protocol);
    s = fd < 0 ? last_status() : 0;
    if (fd < 0)
        return invalid_handle;
    ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (nonblocking)
        ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
#if defined(SO_NOSIGPIPE)
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_NOSIGPIPE, &one, sizeof one);
#endif
#endif
    return fd;
}

// The AF_* value of a socket: SO_DOMAIN where the system has it, else the
// family of its name.
inline int socket_domain(native_handle_type fd, status& s) noexcept
{
#if defined(SO_DOMAIN)
    int value = AF_UNSPEC;
    ::socklen_t len = sizeof value;
    s = status_of_result(::getsockopt(fd, SOL_SOCKET, SO_DOMAIN, &value, &len));
    return s ? AF_UNSPEC : value;
#else
    ::sockaddr_storage name{};
    ::socklen_t len = sizeof name;
    s = status_of_result(::getsockname(fd, reinterpret_cast<::sockaddr*>(&name), &len));
    return s ? AF_UNSPEC : name.ss_family;
#endif
}

// socketpair(2) with the same flags; fds[0], fds[1] on success.
inline status open_socket_pair(int domain, int type, int protocol, bool nonblocking, native_handle_type fds[2]) noexcept
{
#if defined(SOCK_CLOEXEC) && defined(SOCK_NONBLOCK)
    return status_of_result(
        ::socketpair(domain, type | SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0), protocol, fds));
#else
    if (::socketpair(domain, type, protocol, fds) != 0)
        return last_status();
    for (int i = 0; i != 2; ++i) {
        ::fcntl(fds[i], F_SETFD, FD_CLOEXEC);
        if (nonblocking)
            ::fcntl(fds[i], F_SETFL, ::fcntl(fds[i], F_GETFL) | O_NONBLOCK);
    }
    return 0;
#endif
}

// close(2). Not retried on EINTR: Linux has released the descriptor anyway,
// and retrying could close one another thread just opened.
TSOCK_ALWAYS_INLINE status close_socket(native_handle_type fd) noexcept
{
    if (::close(fd) != 0 && errno != EINTR)
        return last_status();
    return 0;
}

// accept4(2) with SOCK_CLOEXEC and, when asked, SOCK_NONBLOCK: the new
// handle, or invalid_handle with st saying why (no std::error_code: it is on
// every accept's path). EINTR is not retried here: the listener's one loop
// (socket_base::perform) does, so the compiler keeps no second loop.
inline native_handle_type accept(native_handle_type fd, ::sockaddr* sa, ::socklen_t* len, bool nonblocking,
                                 status& s) noexcept
{
#if BOOST_OS_LINUX || BOOST_OS_BSD_FREE || BOOST_OS_BSD_NET || BOOST_OS_BSD_OPEN
    const int a = ::accept4(fd, sa, len, SOCK_CLOEXEC | (nonblocking ? SOCK_NONBLOCK : 0));
#else
    const int a = ::accept(fd, sa, len);
    if (a >= 0) {
        ::fcntl(a, F_SETFD, FD_CLOEXEC);
        if (nonblocking)
            ::fcntl(a, F_SETFL, ::fcntl(a, F_GETFL) | O_NONBLOCK);
    }
#endif
    s = a < 0 ? last_status() : 0;
    return a;
}

// send and recv: the count, or -1 with last_status() saying why.
inline std::ptrdiff_t send(native_handle_type fd, const void* data, std::size_t size, int flags) noexcept
{
    return retry_eintr([&] { return ::send(fd, data, size, flags | send_flags); });
}

inline std::ptrdiff_t recv(native_handle_type fd, void* data, std::size_t size, int flags) noexcept
{
    return retry_eintr([&] { return ::recv(fd, data, size, flags); });
}

// One send or recv, EINTR not retried: for a loop that retries it itself
// (send_all's and recv_exact's, which then make one loop, not two).
inline std::ptrdiff_t send_once(native_handle_type fd, const void* data, std::size_t size, int flags) noexcept
{
    return ::send(fd, data, size, flags | send_flags);
}

inline std::ptrdiff_t recv_once(native_handle_type fd, void* data, std::size_t size, int flags) noexcept
{
    return ::recv(fd, data, size, flags);
}

// Did a signal cut the call short (make it again)?
inline bool interrupted(status s) noexcept { return s == EINTR; }

// send_to and recv_message make one call, EINTR not retried: their callers
// run them in socket_base::perform, whose loop retries it (a retry here
// would be a second loop, and GCC then moves every argument twice a call).
inline std::ptrdiff_t send_to(native_handle_type fd, const void* data, std::size_t size, int flags,
                              const ::sockaddr* sa, ::socklen_t len) noexcept
{
    return ::sendto(fd, data, size, flags | send_flags, sa, len);
}

// Receives one message (datagram, seqpacket record, raw packet) into
// [data, data + size), with its sender's name when sa is not null. Returns
// the bytes stored, or -1 with errno; truncated tells whether the message
// was longer than size (its tail is lost).
inline std::ptrdiff_t recv_message(native_handle_type fd, void* data, std::size_t size, int flags, ::sockaddr* sa,
                                   ::socklen_t* len, bool& truncated) noexcept
{
#if BOOST_OS_LINUX
    const auto n = ::recvfrom(fd, data, size, flags | MSG_TRUNC, sa, len);
    truncated = n >= 0 && std::size_t(n) > size;
    return truncated ? std::ptrdiff_t(size) : n;
#else
    ::iovec io{data, size};
    ::msghdr m{};
    m.msg_name = sa;
    m.msg_namelen = len ? *len : 0;
    m.msg_iov = &io;
    m.msg_iovlen = 1;
    const auto n = ::recvmsg(fd, &m, flags);
    if (len)
        *len = m.msg_namelen;
    truncated = n >= 0 && (m.msg_flags & MSG_TRUNC) != 0;
    return n;
#endif
}

// Receives one message on a connected socket (no sender name): recv with
// MSG_TRUNC on Linux, one call, the real length telling truncation.
inline std::ptrdiff_t recv_message(native_handle_type fd, void* data, std::size_t size, int flags,
                                   bool& truncated) noexcept
{
#if BOOST_OS_LINUX
    const auto n = ::recv(fd, data, size, flags | MSG_TRUNC);
    truncated = n >= 0 && std::size_t(n) > size;
    return truncated ? std::ptrdiff_t(size) : n;
#else
    return recv_message(fd, data, size, flags, nullptr, nullptr, truncated);
#endif
}

// Scatter/gather: one iovec per buffer. The system takes IOV_MAX of them
// in one call (1024 on Linux; POSIX guarantees 16, which IOV_MAX says when
// <climits> does not define it).
using io_vector = ::iovec;
#if defined(IOV_MAX)
inline constexpr std::size_t max_io_vectors = IOV_MAX;
#else
inline constexpr std::size_t max_io_vectors = 16;
#endif

inline io_vector make_io_vector(const void* data, std::size_t size) noexcept
{
    return {const_cast<void*>(data), size}; // sendmsg does not write through it
}
inline std::size_t io_vector_size(const io_vector& v) noexcept { return v.iov_len; }
inline void skip_bytes(io_vector& v, std::size_t n) noexcept
{
    v.iov_base = static_cast<char*>(v.iov_base) + n;
    v.iov_len -= n;
}

// sendmsg(2) of count vectors (to sa when not null), MSG_NOSIGNAL added.
// EINTR is not retried: the caller's loop does. The count, or -1 (errno).
inline std::ptrdiff_t send_vectors_once(native_handle_type fd, const io_vector* v, std::size_t count, int flags,
                                        const ::sockaddr* sa, ::socklen_t len) noexcept
{
    ::msghdr m{};
    m.msg_name = const_cast<::sockaddr*>(sa);
    m.msg_namelen = sa ? len : 0;
    m.msg_iov = const_cast<io_vector*>(v);
    m.msg_iovlen = static_cast<decltype(m.msg_iovlen)>(count);
    return ::sendmsg(fd, &m, flags | send_flags);
}

// recvmsg(2) into count vectors, with the sender's name when sa is not
// null (len: its room in, its length out). truncated: the message was
// longer than the vectors (MSG_TRUNC). EINTR not retried.
inline std::ptrdiff_t recv_vectors_once(native_handle_type fd, io_vector* v, std::size_t count, int flags,
                                        ::sockaddr* sa, ::socklen_t* len, bool& truncated) noexcept
{
    ::msghdr m{};
    m.msg_name = sa;
    m.msg_namelen = len ? *len : 0;
    m.msg_iov = v;
    m.msg_iovlen = static_cast<decltype(m.msg_iovlen)>(count);
    const auto n = ::recvmsg(fd, &m, flags);
    if (len)
        *len = m.msg_namelen;
    truncated = n >= 0 && (m.msg_flags & MSG_TRUNC) != 0;
    return n;
}

// sendmsg and recvmsg of a whole msghdr (control data too), EINTR not
// retried; recvmsg always with MSG_CMSG_CLOEXEC where the system has it, so
// a descriptor received is never inherited by a child exec'd meanwhile.
inline std::ptrdiff_t send_message_once(native_handle_type fd, const ::msghdr& m, int flags) noexcept
{
    return ::sendmsg(fd, &m, flags | send_flags);
}
#if defined(MSG_CMSG_CLOEXEC)
inline constexpr int recv_control_flags = MSG_CMSG_CLOEXEC;
#else
inline constexpr int recv_control_flags = 0;
#endif
inline std::ptrdiff_t recv_message_once(native_handle_type fd, ::msghdr& m, int flags) noexcept
{
    return ::recvmsg(fd, &m, flags | recv_control_flags);
}

// The outcome of a non-blocking connect (SO_ERROR, which reading clears):
// 0, the connect's errno value, or getsockopt's.
inline status pending_status(native_handle_type fd) noexcept
{
    int value = 0;
    ::socklen_t len = sizeof value;
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &value, &len) != 0)
        return last_status();
    return system_status(value);
}

// Bytes ready to read (FIONREAD).
inline std::size_t available(native_handle_type fd, status& s) noexcept
{
    int n = 0;
    s = status_of_result(::ioctl(fd, FIONREAD, &n));
    return s ? 0 : static_cast<std::size_t>(n);
}

// Sets or clears O_NONBLOCK with one ioctl (FIONBIO), as a mode change
// needs; 0 or errno.
inline status set_nonblocking(native_handle_type fd, bool on) noexcept
{
    int value = on ? 1 : 0;
    return ::ioctl(fd, FIONBIO, &value) == 0 ? 0 : last_status();
}

// Makes an adopted descriptor's O_NONBLOCK what the mode needs: reads it,
// and changes it only when it differs. 0 or errno.
inline status match_nonblocking(native_handle_type fd, bool on) noexcept
{
    const int flags = ::fcntl(fd, F_GETFL);
    if (flags < 0)
        return last_status();
    if (((flags & O_NONBLOCK) != 0) == on)
        return 0;
    return set_nonblocking(fd, on);
}

// A new descriptor for the same socket, CLOEXEC (Python's dup and fromfd).
inline native_handle_type duplicate(native_handle_type fd, status& s) noexcept
{
    const int d = ::fcntl(fd, F_DUPFD_CLOEXEC, 0);
    s = d < 0 ? last_status() : 0;
    return d;
}

// Waits until fd is ready for events (POLLIN, POLLOUT) or the deadline has
// passed. 0 when ready, error::timed_out (as a status) at the deadline, or
// poll's errno. EINTR waits again for what is left; time_point::max() waits
// without a limit. A deadline already passed still looks once (a zero
// timeout reports a socket that is ready).
inline status wait_ready(native_handle_type fd, short events, std::chrono::steady_clock::time_point deadline) noexcept
{
    for (;;) {
        const int ms = ms_until(deadline);
        ::pollfd p{fd, events, 0};
        const int r = ::poll(&p, 1, ms);
        if (r > 0)
            return 0;
        // Nothing by the deadline (ms, rounded up, reaches it; a wait cut
        // at INT_MAX ms goes on). A wait for ever (-1) never returns 0:
        // saying so leaves the timeout out of a blocking socket's connect.
        if (r == 0 && ms >= 0 && ms != INT_MAX)
            return -static_cast<int>(error::timed_out);
        if (r < 0 && errno != EINTR)
            return last_status();
    }
}

// Waits for a non-blocking connect to end (then SO_ERROR tells how).
inline status wait_connected(native_handle_type fd, std::chrono::steady_clock::time_point deadline) noexcept
{
    return wait_ready(fd, POLLOUT, deadline);
}

// Connect attempts under way at once, at most: no limit but the descriptors
// a process may have.
inline constexpr std::size_t max_racing = std::size_t(-1);

// Waits up to ms milliseconds (-1: for ever) for any of count sockets, each with a connect
// under way, to finish; done[i] = 1 for those that did. 0 or poll's errno;
// a signal (EINTR) only ends the wait early. fds: scratch space for count.
inline status wait_any_connected(const native_handle_type* sockets, std::size_t count, char* done, ::pollfd* fds,
                                 int ms) noexcept
{
    for (std::size_t i = 0; i != count; ++i)
        fds[i] = {sockets[i], POLLOUT, 0};
    if (::poll(fds, ::nfds_t(count), ms) < 0 && errno != EINTR)
        return last_status();
    for (std::size_t i = 0; i != count; ++i)
        done[i] = fds[i].revents != 0;
    return 0;
}
using wait_scratch = ::pollfd;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_SOCKET_OPS_HPP
