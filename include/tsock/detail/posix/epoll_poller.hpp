// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_EPOLL_POLLER_HPP
#define TSOCK_DETAIL_POSIX_EPOLL_POLLER_HPP

// The poller over epoll (Linux): one epoll_ctl per add, modify and remove,
// one epoll_wait per wait; the kernel writes the events straight into the
// poller's buffer, each with the 64 bits of key the poller gave it.

#include <tsock/detail/posix/poll_system.hpp>

// Empty except on Linux (every header compiles on its own everywhere).
#if BOOST_OS_LINUX

#include <cstddef>
#include <cstdint>

#include <sys/epoll.h>
#include <unistd.h>

namespace tsock::detail {

static_assert(EPOLLIN == POLLIN && EPOLLOUT == POLLOUT && EPOLLERR == POLLERR && EPOLLHUP == POLLHUP,
              "epoll's bits are poll's: readiness converts by value");

class epoll_poller {
public:
    static constexpr bool has_edge = true;
    static constexpr bool has_one_shot = true;

    using raw_event = ::epoll_event;
    static std::uint64_t key_of(const raw_event& e) noexcept { return e.data.u64; }
    static void set_key(raw_event& e, std::uint64_t key) noexcept { e.data.u64 = key; }
    static std::uint32_t events_of(const raw_event& e) noexcept { return e.events; }

    epoll_poller() noexcept = default;
    epoll_poller(const epoll_poller&) = delete;
    epoll_poller& operator=(const epoll_poller&) = delete;
    ~epoll_poller()
    {
        if (epoll_ >= 0)
            ::close(epoll_);
    }

    // wake_key: the key of the wake-up events (the poller skips them).
    status open(std::uint64_t wake_key) noexcept
    {
        epoll_ = ::epoll_create1(EPOLL_CLOEXEC);
        if (epoll_ < 0)
            return last_status();
        if (const status s = wake_.open())
            return s;
        // Edge-triggered: each write to the eventfd is a new edge, so the
        // counter is never read (it would take 2^64 wakes to fill it).
        return control(EPOLL_CTL_ADD, wake_.read_end(), EPOLLIN | EPOLLET, wake_key);
    }
    // Ends a wait in another thread (or the next one). Thread-safe.
    void wake() const noexcept { wake_.signal(); }

    status add(native_handle_type h, std::uint32_t interest, bool edge, bool one_shot, std::uint64_t key) noexcept
    {
        return control(EPOLL_CTL_ADD, h, native(interest, edge, one_shot), key);
    }
    status modify(native_handle_type h, std::uint32_t interest, bool edge, bool one_shot, std::uint64_t key) noexcept
    {
        return control(EPOLL_CTL_MOD, h, native(interest, edge, one_shot), key);
    }
    status remove(native_handle_type h) noexcept
    {
        return ::epoll_ctl(epoll_, EPOLL_CTL_DEL, h, nullptr) == 0 ? 0 : last_status();
    }
    // Up to capacity events into out: their count, or -1 with s set.
    int wait(raw_event* out, std::size_t capacity, int ms, status& s) noexcept
    {
        const int n = ::epoll_wait(epoll_, out, static_cast<int>(capacity), ms);
        if (n < 0) [[unlikely]]
            s = last_status();
        return n;
    }

private:
    static std::uint32_t native(std::uint32_t interest, bool edge, bool one_shot) noexcept
    {
        return interest | (edge ? std::uint32_t(EPOLLET) : 0u) | (one_shot ? std::uint32_t(EPOLLONESHOT) : 0u);
    }
    status control(int op, native_handle_type h, std::uint32_t events, std::uint64_t key) noexcept
    {
        ::epoll_event e{};
        e.events = events;
        e.data.u64 = key;
        return ::epoll_ctl(epoll_, op, h, &e) == 0 ? 0 : last_status();
    }

    int epoll_ = -1;
    wakeup_channel wake_;
};

} // namespace tsock::detail

#endif // BOOST_OS_LINUX

#endif // TSOCK_DETAIL_POSIX_EPOLL_POLLER_HPP
