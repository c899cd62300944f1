// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_POLL_SYSTEM_HPP
#define TSOCK_DETAIL_POSIX_POLL_SYSTEM_HPP

// The poller's POSIX parts: poll(2)'s structure and bits, which backends
// this system has, and the wake-up descriptor (an eventfd on Linux, a pipe
// elsewhere).

#include <tsock/detail/socket_ops.hpp>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>
#if BOOST_OS_LINUX
#include <sys/eventfd.h>
#endif

namespace tsock::detail {

using pollfd_type = ::pollfd;

// The bits poll(2) reads and reports (epoll's have the same values on Linux).
inline constexpr std::uint32_t poll_readable = POLLIN;
inline constexpr std::uint32_t poll_writable = POLLOUT;
inline constexpr std::uint32_t poll_error = POLLERR | POLLNVAL;
inline constexpr std::uint32_t poll_hang_up = POLLHUP;

inline int poll_system(pollfd_type* fds, std::size_t count, int ms) noexcept
{
    return ::poll(fds, static_cast<::nfds_t>(count), ms);
}
// A signal cut the wait short (wait again for what is left).
inline bool poll_interrupted(status s) noexcept { return s == EINTR; }

// What removing a descriptor from epoll or kqueue says when it was closed
// while registered: its number is not open, or is another descriptor's.
inline constexpr status bad_handle_status = EBADF;
inline constexpr status not_in_set_status = ENOENT;

// The backends this system has.
inline constexpr bool has_epoll = BOOST_OS_LINUX != 0;
inline constexpr bool has_kqueue = BOOST_OS_MACOS != 0 || BOOST_OS_BSD != 0;
inline constexpr bool has_poll = true;
inline constexpr bool has_wsapoll = false;

// A value per registered descriptor: descriptors are small numbers, so a
// vector indexed by them (no hashing on the poller's paths).
template <class V>
class handle_map {
public:
    V* find(native_handle_type h) noexcept
    {
        const auto i = static_cast<std::size_t>(h);
        return h >= 0 && i < slots_.size() && slots_[i].used ? &slots_[i].value : nullptr;
    }
    const V* find(native_handle_type h) const noexcept { return const_cast<handle_map*>(this)->find(h); }
    // A new entry for h (which find(h) does not have), value-initialised.
    V& insert(native_handle_type h)
    {
        const auto i = static_cast<std::size_t>(h);
        if (i >= slots_.size())
            slots_.resize(i + 1 > 2 * slots_.size() ? i + 1 : 2 * slots_.size());
        slots_[i] = {V{}, true};
        return slots_[i].value;
    }
    void erase(native_handle_type h) noexcept { slots_[static_cast<std::size_t>(h)].used = false; }

private:
    struct slot {
        V value;
        bool used;
    };
    std::vector<slot> slots_;
};

// What another thread writes to end a wait: an eventfd on Linux, the two
// ends of a pipe elsewhere. read_end() is what the poller watches.
class wakeup_channel {
public:
    wakeup_channel() noexcept = default;
    wakeup_channel(const wakeup_channel&) = delete;
    wakeup_channel& operator=(const wakeup_channel&) = delete;
    ~wakeup_channel() { close(); }

    status open() noexcept
    {
#if BOOST_OS_LINUX
        read_ = write_ = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
        return read_ < 0 ? last_status() : 0;
#else
        int fds[2];
        if (::pipe(fds) != 0)
            return last_status();
        read_ = fds[0];
        write_ = fds[1];
        for (int fd : fds)
            if (::fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK) != 0)
                return last_status();
        return 0;
#endif
    }
    native_handle_type read_end() const noexcept { return read_; }

    // Makes read_end() readable. Safe from any thread and from a signal
    // handler (one write(2)); a full pipe or counter is already readable.
    void signal() const noexcept
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto n = ::write(write_, &one, write_ == read_ ? sizeof one : 1);
    }
    // Makes read_end() not readable again.
    void drain() const noexcept
    {
        std::uint64_t buffer[8];
        while (::read(read_, buffer, sizeof buffer) > 0) {
        }
    }

private:
    void close() noexcept
    {
        if (write_ >= 0 && write_ != read_)
            ::close(write_);
        if (read_ >= 0)
            ::close(read_);
        read_ = write_ = -1;
    }

    int read_ = -1;
    int write_ = -1;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POSIX_POLL_SYSTEM_HPP
