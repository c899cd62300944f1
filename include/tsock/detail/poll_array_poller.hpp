// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_POLL_ARRAY_POLLER_HPP
#define TSOCK_DETAIL_POLL_ARRAY_POLLER_HPP

// The poller over an array of pollfd: poll(2) on POSIX, WSAPoll on Windows
// (detail/*/poll_system.hpp give the structure, the call and the bits).
// Level-triggered; one-shot is kept here: a reported one-shot entry is
// disarmed (its descriptor set to the invalid handle, which both calls
// skip) until modify arms it again. No edge-triggered mode. Entry 0 is the
// wake-up channel, drained here and never reported.

#include <tsock/detail/poll_system.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace tsock::detail {

class poll_array_poller {
public:
    static constexpr bool has_edge = false;
    static constexpr bool has_one_shot = true;

    struct raw_event {
        std::uint64_t key;
        std::uint32_t events;
    };
    static std::uint64_t key_of(const raw_event& e) noexcept { return e.key; }
    static void set_key(raw_event& e, std::uint64_t key) noexcept { e.key = key; }
    static std::uint32_t events_of(const raw_event& e) noexcept { return e.events; }

    status open(std::uint64_t wake_key)
    {
        if (const status s = wake_.open())
            return s;
        fds_.push_back(entry_fd(wake_.read_end(), poll_readable));
        entries_.push_back({wake_.read_end(), wake_key, false, false});
        return 0;
    }
    void wake() const noexcept { wake_.signal(); }

    status add(native_handle_type h, std::uint32_t interest, bool, bool one_shot, std::uint64_t key)
    {
        positions_.insert(h) = fds_.size();
        fds_.push_back(entry_fd(h, interest));
        entries_.push_back({h, key, one_shot, false});
        return 0;
    }
    status modify(native_handle_type h, std::uint32_t interest, bool, bool one_shot, std::uint64_t key) noexcept
    {
        const std::size_t i = *positions_.find(h);
        fds_[i] = entry_fd(h, interest);
        entries_[i] = {h, key, one_shot, false};
        return 0;
    }
    status remove(native_handle_type h) noexcept
    {
        const std::size_t i = *positions_.find(h);
        positions_.erase(h);
        fds_[i].fd = invalid_handle;
        entries_[i].removed = true;
        ++removed_;
        return 0;
    }

    int wait(raw_event* out, std::size_t capacity, int ms, status& s) noexcept
    {
        if (removed_ != 0)
            compact();
        int ready = poll_system(fds_.data(), fds_.size(), ms);
        if (ready < 0) {
            s = last_status();
            return -1;
        }
        if (ready != 0 && fds_[0].revents != 0) {
            fds_[0].revents = 0;
            wake_.drain();
            --ready;
        }
        // Start where the last full batch stopped, so that a batch smaller
        // than the ready entries starves none of them.
        const std::size_t count = fds_.size();
        std::size_t n = 0;
        for (std::size_t k = 0; k + 1 < count && ready > 0 && n < capacity; ++k) {
            std::size_t i = 1 + (start_ + k) % (count - 1);
            auto& fd = fds_[i];
            if (fd.revents == 0)
                continue;
            --ready;
            out[n++] = {entries_[i].key, static_cast<std::uint32_t>(static_cast<unsigned short>(fd.revents))};
            fd.revents = 0;
            if (entries_[i].one_shot)
                fd.fd = invalid_handle;
            if (n == capacity)
                start_ = (start_ + k + 1) % (count - 1);
        }
        return static_cast<int>(n);
    }

private:
    struct entry {
        native_handle_type handle;
        std::uint64_t key;
        bool one_shot;
        bool removed;
    };

    static pollfd_type entry_fd(native_handle_type h, std::uint32_t interest) noexcept
    {
        pollfd_type p{};
        p.fd = h;
        p.events = static_cast<short>(interest);
        return p;
    }

    // Drops the removed entries (remove only marks them, so that the
    // positions of a batch being handled stay put).
    void compact() noexcept
    {
        std::size_t to = 1;
        for (std::size_t i = 1; i != fds_.size(); ++i) {
            if (entries_[i].removed)
                continue;
            if (to != i) {
                fds_[to] = fds_[i];
                entries_[to] = entries_[i];
                *positions_.find(entries_[to].handle) = to;
            }
            ++to;
        }
        fds_.resize(to);
        entries_.resize(to);
        removed_ = 0;
        start_ = 0;
    }

    std::vector<pollfd_type> fds_;
    std::vector<entry> entries_;
    handle_map<std::size_t> positions_;
    std::size_t removed_ = 0;
    std::size_t start_ = 0;
    wakeup_channel wake_;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_POLL_ARRAY_POLLER_HPP
