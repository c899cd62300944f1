// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POSIX_KQUEUE_POLLER_HPP
#define TSOCK_DETAIL_POSIX_KQUEUE_POLLER_HPP

// The poller over kqueue (BSD, macOS). WRITTEN BUT NOT TESTED: tsock's CI
// machines are Linux and Windows (under wine); this file is compiled only
// on a BSD or macOS. Interest is two filters (EVFILT_READ, EVFILT_WRITE);
// edge-triggered is EV_CLEAR, one-shot EV_DISPATCH (disabled after one
// event, enabled again by modify). A descriptor ready both ways comes as two
// events, one per filter. The wake-up is an EVFILT_USER event.

#include <tsock/detail/posix/poll_system.hpp>

// Empty except on a BSD or macOS (every header compiles on its own everywhere).
#if BOOST_OS_MACOS || BOOST_OS_BSD

#include <cerrno>
#include <cstddef>
#include <cstdint>

#include <sys/event.h>
#include <sys/types.h>
#include <unistd.h>

namespace tsock::detail {

class kqueue_poller {
public:
    static constexpr bool has_edge = true;
    static constexpr bool has_one_shot = true;

    using raw_event = struct ::kevent;
    static std::uint64_t key_of(const raw_event& e) noexcept { return reinterpret_cast<std::uintptr_t>(e.udata); }
    static void set_key(raw_event& e, std::uint64_t key) noexcept
    {
        e.udata = reinterpret_cast<decltype(e.udata)>(static_cast<std::uintptr_t>(key));
    }
    static std::uint32_t events_of(const raw_event& e) noexcept
    {
        std::uint32_t r = 0;
        if (e.flags & EV_ERROR)
            return poll_error;
        if (e.filter == EVFILT_READ)
            r |= poll_readable;
        if (e.filter == EVFILT_WRITE)
            r |= poll_writable;
        if (e.flags & EV_EOF)
            r |= poll_hang_up | (e.fflags != 0 ? poll_error : 0u);
        return r;
    }

    kqueue_poller() noexcept = default;
    kqueue_poller(const kqueue_poller&) = delete;
    kqueue_poller& operator=(const kqueue_poller&) = delete;
    ~kqueue_poller()
    {
        if (kq_ >= 0)
            ::close(kq_);
    }

    status open(std::uint64_t wake_key) noexcept
    {
        static_assert(sizeof(void*) == 8, "the kqueue backend keeps 64-bit keys in udata");
        kq_ = ::kqueue();
        if (kq_ < 0)
            return last_status();
        struct ::kevent e;
        EV_SET(&e, 0, EVFILT_USER, EV_ADD | EV_CLEAR, 0, 0, nullptr);
        set_key(e, wake_key);
        return change(&e, 1);
    }
    void wake() const noexcept
    {
        struct ::kevent e;
        EV_SET(&e, 0, EVFILT_USER, 0, NOTE_TRIGGER, 0, nullptr);
        ::kevent(kq_, &e, 1, nullptr, 0, nullptr);
    }

    status add(native_handle_type h, std::uint32_t interest, bool edge, bool one_shot, std::uint64_t key) noexcept
    {
        return set(h, interest, edge, one_shot, key);
    }
    status modify(native_handle_type h, std::uint32_t interest, bool edge, bool one_shot, std::uint64_t key) noexcept
    {
        return set(h, interest, edge, one_shot, key);
    }
    status remove(native_handle_type h) noexcept
    {
        struct ::kevent e[2];
        EV_SET(&e[0], h, EVFILT_READ, EV_DELETE, 0, 0, nullptr);
        EV_SET(&e[1], h, EVFILT_WRITE, EV_DELETE, 0, 0, nullptr);
        // One filter may not be there: ENOENT for it is fine.
        for (auto& one : e)
            if (change(&one, 1) != 0 && errno != ENOENT)
                return last_status();
        return 0;
    }

    int wait(raw_event* out, std::size_t capacity, int ms, status& s) noexcept
    {
        ::timespec t{ms / 1000, (ms % 1000) * 1000000L};
        const int n = ::kevent(kq_, nullptr, 0, out, static_cast<int>(capacity), ms < 0 ? nullptr : &t);
        if (n < 0)
            s = last_status();
        return n;
    }

private:
    // Both filters: added (enabled) where interest has them, disabled where
    // not, so that modify can switch either way.
    status set(native_handle_type h, std::uint32_t interest, bool edge, bool one_shot, std::uint64_t key) noexcept
    {
        const unsigned short common = EV_ADD | (edge ? EV_CLEAR : 0) | (one_shot ? EV_DISPATCH : 0);
        struct ::kevent e[2];
        EV_SET(&e[0], h, EVFILT_READ, common | ((interest & poll_readable) ? EV_ENABLE : EV_DISABLE), 0, 0, nullptr);
        EV_SET(&e[1], h, EVFILT_WRITE, common | ((interest & poll_writable) ? EV_ENABLE : EV_DISABLE), 0, 0, nullptr);
        set_key(e[0], key);
        set_key(e[1], key);
        return change(e, 2);
    }
    status change(struct ::kevent* e, int n) noexcept
    {
        return ::kevent(kq_, e, n, nullptr, 0, nullptr) < 0 ? last_status() : 0;
    }

    int kq_ = -1;
};

} // namespace tsock::detail

#endif // BOOST_OS_MACOS || BOOST_OS_BSD

#endif // TSOCK_DETAIL_POSIX_KQUEUE_POLLER_HPP
