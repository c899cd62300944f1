// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_POLLER_HPP
#define TSOCK_POLLER_HPP

// A readiness poller: one thread waits on many non-blocking sockets (Python's
// selectors, the loop under an event-driven server).
//
//   tsock::poller<connection*> p;                       // the token type
//   p.add(listener, tsock::interest::readable, nullptr);
//   for (;;)
//       for (auto e : p.wait())                          // or wait(100ms)
//           if (e.token() == nullptr) ...accept...
//           else if (e.readable()) ...recv on e.token()'s socket...
//
// What can be registered: non-blocking sockets and listeners (a blocking or
// timeout-mode socket does not compile: it would stall every other
// connection), and, unchecked, any other descriptor through
// tsock::unchecked_handle (an eventfd, a pipe, a terminal).
//
// Tokens. Each registration carries a Token (an integer, a pointer, an enum:
// at most 8 bytes, copied bit for bit); events give it back. The token with
// every bit set is the poller's own (add refuses it: error::reserved_token).
// Give each registration its own token.
//
// Registration lifetime (the rule):
//   - Remove a socket (p.remove(s)) before closing it. remove also drops the
//     events of its token still in the batch being handled, so no event
//     reaches a connection that a handler earlier in the batch closed.
//   - A socket closed while registered leaves its number registered: when a
//     new socket gets that number, add refuses it with
//     error::already_registered, in every build, instead of mixing the new
//     socket's events with the old token. (p.remove(new_socket) then clears
//     the stale entry.)
//   - The range wait returns is valid until the next wait.
//
// Triggers: level_triggered (the default: reported at every wait while
// ready), edge_triggered (reported when it becomes ready), one_shot
// (reported once, then disarmed until modify or rearm) and
// edge_triggered_one_shot. The poll and WSAPoll backends have no
// edge-triggered mode: asking for it does not compile.
//
// Backends (the second template parameter): epoll_backend (Linux),
// kqueue_backend (BSD, macOS: written, not tested by tsock's CI),
// poll_backend (POSIX poll(2), anywhere), wsapoll_backend (Windows).
// default_poll_backend is the first of epoll, kqueue, WSAPoll the platform
// has, else poll.
//
// Windows: WSAPoll before Windows 10 2004 does not report a failed connect
// (no event at all); tsock::complete_connect (tsock/wait.hpp) uses select
// there and is the way to finish a connect on those systems.
//
// Threads: wake() may be called from any thread; everything else belongs to
// the thread that waits.

#include <tsock/concepts.hpp>
#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/poll_backends.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/error.hpp>
#include <tsock/mode.hpp>

#include <climits>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <system_error>
#include <type_traits>
#include <vector>


namespace tsock {

// What a registration waits for.
enum class interest : std::uint32_t {
    none = 0,
    readable = detail::poll_readable,
    writable = detail::poll_writable,
    both = detail::poll_readable | detail::poll_writable,
};
constexpr interest operator|(interest a, interest b) noexcept { return interest(std::uint32_t(a) | std::uint32_t(b)); }
constexpr interest operator&(interest a, interest b) noexcept { return interest(std::uint32_t(a) & std::uint32_t(b)); }

// What an event reports: the interest that is ready, plus error and hang_up,
// which are reported whatever the interest.
enum class readiness : std::uint32_t {
    none = 0,
    readable = detail::poll_readable,
    writable = detail::poll_writable,
    error = detail::poll_error,
    hang_up = detail::poll_hang_up,
};
constexpr readiness operator|(readiness a, readiness b) noexcept
{
    return readiness(std::uint32_t(a) | std::uint32_t(b));
}
constexpr readiness operator&(readiness a, readiness b) noexcept
{
    return readiness(std::uint32_t(a) & std::uint32_t(b));
}

// How a registration is reported (see the top of this file).
template <bool Edge, bool OneShot>
struct trigger {
    static constexpr bool edge = Edge;
    static constexpr bool one_shot = OneShot;
};
inline constexpr trigger<false, false> level_triggered{};
inline constexpr trigger<true, false> edge_triggered{};
inline constexpr trigger<false, true> one_shot{};
inline constexpr trigger<true, true> edge_triggered_one_shot{};

// A descriptor that is not a tsock socket (an eventfd, a timerfd, a pipe,
// a terminal, a socket of another library), for poller::add. UNCHECKED:
// tsock cannot know that it is non-blocking; a blocking one stalls the loop
// as a blocking socket would.
struct unchecked_handle {
    native_handle_type handle;
    constexpr explicit unchecked_handle(native_handle_type h) noexcept : handle(h) {}
};

// The backends, as tags. available says whether this platform has one.
struct epoll_backend {
    static constexpr bool available = detail::has_epoll;
    using impl = detail::epoll_impl;
};
struct kqueue_backend {
    static constexpr bool available = detail::has_kqueue;
    using impl = detail::kqueue_impl;
};
struct poll_backend {
    static constexpr bool available = detail::has_poll;
    using impl = detail::poll_impl;
};
struct wsapoll_backend {
    static constexpr bool available = detail::has_wsapoll;
    using impl = detail::wsapoll_impl;
};
using default_poll_backend = std::conditional_t<
    detail::has_epoll, epoll_backend,
    std::conditional_t<detail::has_kqueue, kqueue_backend,
                       std::conditional_t<detail::has_wsapoll, wsapoll_backend, poll_backend>>>;

// Can T be a poller's token? (at most 8 bytes, copied bit for bit.)
template <class T>
concept poll_token = std::is_trivially_copyable_v<T> && std::is_default_constructible_v<T> && sizeof(T) <= 8;

// What a poller can watch: a non-blocking socket or listener, or an
// unchecked_handle.
template <class S>
concept pollable = nonblocking_socket<S> || std::same_as<S, unchecked_handle>;

// One event: whose (the token) and what is ready.
template <poll_token Token>
class poll_event {
public:
    constexpr poll_event(Token token, readiness what) noexcept : token_(token), what_(what) {}

    constexpr Token token() const noexcept { return token_; }
    constexpr readiness what() const noexcept { return what_; }
    constexpr bool readable() const noexcept { return has(readiness::readable); }
    constexpr bool writable() const noexcept { return has(readiness::writable); }
    // An error is pending on the socket (read it with pending_error()).
    constexpr bool error() const noexcept { return has(readiness::error); }
    // The connection is closed both ways (or was never made).
    constexpr bool hang_up() const noexcept { return has(readiness::hang_up); }

private:
    constexpr bool has(readiness r) const noexcept { return (what_ & r) != readiness::none; }

    Token token_;
    readiness what_;
};

namespace detail {

inline constexpr std::uint64_t reserved_poll_key = ~std::uint64_t(0);

template <class Token>
std::uint64_t poll_key_of(Token token) noexcept
{
    std::uint64_t key = 0;
    std::memcpy(&key, &token, sizeof(Token));
    return key;
}

template <class S>
native_handle_type poll_handle_of(const S& s) noexcept
{
    if constexpr (std::same_as<S, unchecked_handle>)
        return s.handle;
    else
        return s.native_handle();
}

} // namespace detail

// The events of one wait, in the order the system gave them: an input
// range of poll_event<Token>, read from the poller's own buffer (no copy,
// no allocation). Valid until the next wait.
template <poll_token Token, class Raw, class Impl>
class poll_events {
public:
    class iterator {
    public:
        using value_type = poll_event<Token>;
        using difference_type = std::ptrdiff_t;

        iterator() noexcept = default;
        poll_event<Token> operator*() const noexcept
        {
            Token t;
            const std::uint64_t key = Impl::key_of(*p_);
            std::memcpy(&t, &key, sizeof(Token));
            return {t, readiness(Impl::events_of(*p_))};
        }
        iterator& operator++() noexcept
        {
            ++p_;
            skip();
            return *this;
        }
        iterator operator++(int) noexcept
        {
            auto old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.p_ == b.p_; }

    private:
        friend class poll_events;
        explicit iterator(const Raw* p) noexcept : p_(p) { skip(); }
        // Past the wake-up's events and those remove() dropped. The poller
        // puts an event with another key after the last (a sentinel), so
        // the loop needs no end test: the iterator is one pointer, as a
        // C loop's index, and the compiler keeps no end in a register.
        void skip() noexcept
        {
            while (Impl::key_of(*p_) == detail::reserved_poll_key) [[unlikely]]
                ++p_;
        }
        const Raw* p_ = nullptr;
    };

    // [first, last), and *last an event whose key is not reserved_poll_key.
    poll_events(const Raw* first, const Raw* last) noexcept : first_(first), last_(last) {}
    iterator begin() const noexcept { return iterator(first_); }
    iterator end() const noexcept { return iterator(last_); }
    bool empty() const noexcept { return begin() == end(); }

private:
    const Raw* first_;
    const Raw* last_;
};

template <poll_token Token = std::uint64_t, class Backend = default_poll_backend>
class basic_poller {
    static_assert(Backend::available,
                  "this poll backend does not exist on this platform (epoll: Linux; kqueue: BSD and macOS; "
                  "wsapoll: Windows; poll: POSIX): use default_poll_backend");
    using impl = typename Backend::impl;
    using raw_event = typename impl::raw_event;

public:
    using token_type = Token;
    using backend_type = Backend;
    using events_type = poll_events<Token, raw_event, impl>;
    // Does the backend have edge-triggered and one-shot registrations?
    static constexpr bool has_edge_triggered = impl::has_edge;
    static constexpr bool has_one_shot = impl::has_one_shot;
    static constexpr std::size_t default_max_events = 256;

    // A poller that reports at most max_events events per wait (the rest
    // wait for the next). Throws std::system_error when the system has no
    // poller to give (EMFILE ...), std::invalid_argument for max_events 0.
    explicit basic_poller(std::size_t max_events = default_max_events)
        : batch_(checked_capacity(max_events) + 1), capacity_(max_events)
    {
        if (const detail::status s = impl_.open(detail::reserved_poll_key))
            detail::throw_status(s, "poller");
    }
    basic_poller(const basic_poller&) = delete;
    basic_poller& operator=(const basic_poller&) = delete;

    // Registers s for what with token (and a trigger). Throws
    // std::system_error: error::already_registered, error::reserved_token,
    // or the system's error.
    template <pollable S, class Trigger = trigger<false, false>>
        requires(!Trigger::edge || impl::has_edge)
    void add(const S& s, interest what, Token token, Trigger = {})
    {
        check(add_status(detail::poll_handle_of(s), what, token, Trigger::edge, Trigger::one_shot), "poller::add");
    }
    template <pollable S>
    void add(const S& s, interest what, Token token, std::error_code& ec)
    {
        detail::set_error(ec, add_status(detail::poll_handle_of(s), what, token, false, false));
    }
    template <pollable S, class Trigger>
        requires(!Trigger::edge || impl::has_edge)
    void add(const S& s, interest what, Token token, Trigger, std::error_code& ec)
    {
        detail::set_error(ec, add_status(detail::poll_handle_of(s), what, token, Trigger::edge, Trigger::one_shot));
    }

    // Changes what s waits for, keeping its token and trigger; also arms a
    // one-shot registration again. error::not_registered when s is not here.
    template <pollable S>
    void modify(const S& s, interest what)
    {
        check(modify_status(detail::poll_handle_of(s), &what, nullptr), "poller::modify");
    }
    template <pollable S>
    void modify(const S& s, interest what, std::error_code& ec) noexcept
    {
        detail::set_error(ec, modify_status(detail::poll_handle_of(s), &what, nullptr));
    }
    // Changes the interest and the token.
    template <pollable S>
    void modify(const S& s, interest what, Token token)
    {
        check(modify_status(detail::poll_handle_of(s), &what, &token), "poller::modify");
    }
    template <pollable S>
    void modify(const S& s, interest what, Token token, std::error_code& ec) noexcept
    {
        detail::set_error(ec, modify_status(detail::poll_handle_of(s), &what, &token));
    }
    // Arms a one-shot registration again with the interest it had.
    template <pollable S>
    void rearm(const S& s)
    {
        check(modify_status(detail::poll_handle_of(s), nullptr, nullptr), "poller::rearm");
    }
    template <pollable S>
    void rearm(const S& s, std::error_code& ec) noexcept
    {
        detail::set_error(ec, modify_status(detail::poll_handle_of(s), nullptr, nullptr));
    }

    // Unregisters s, and drops its events from the batch being handled. A
    // socket closed while registered can be removed too (by the socket
    // that now has its number, or by its unchecked_handle).
    template <pollable S>
    void remove(const S& s)
    {
        check(remove_status(detail::poll_handle_of(s)), "poller::remove");
    }
    template <pollable S>
    void remove(const S& s, std::error_code& ec) noexcept
    {
        detail::set_error(ec, remove_status(detail::poll_handle_of(s)));
    }

    // From now on s is watched for what with token, whatever it was: added,
    // changed (interest and token), or, for interest::none, removed, since
    // a registration with no interest still reports a hang-up or an error
    // (as poll(2) does) and so cannot pause a source whose peer has gone.
    // One system call at most; none when s is neither here nor wanted.
    template <pollable S>
    void watch(const S& s, interest what, Token token)
    {
        check(watch_status(detail::poll_handle_of(s), what, token), "poller::watch");
    }
    template <pollable S>
    void watch(const S& s, interest what, Token token, std::error_code& ec)
    {
        detail::set_error(ec, watch_status(detail::poll_handle_of(s), what, token));
    }

    // Is s registered here?
    template <pollable S>
    bool contains(const S& s) const noexcept
    {
        return registered_.find(detail::poll_handle_of(s)) != nullptr;
    }
    // How many registrations.
    std::size_t size() const noexcept { return size_; }

    // Waits until something is ready, wake() is called, or the timeout
    // passes (any std::chrono duration; zero only looks), and returns the
    // events (empty at the timeout or on a wake). A signal does not end the
    // wait (EINTR: it waits again for what is left). A negative timeout is
    // error::negative_duration. Throws std::system_error.
    events_type wait() { return checked_wait(std::chrono::steady_clock::time_point::max()); }
    events_type wait(std::error_code& ec) noexcept
    {
        return wait_until(std::chrono::steady_clock::time_point::max(), ec);
    }
    template <class Rep, class Period>
    events_type wait(std::chrono::duration<Rep, Period> timeout)
    {
        const auto t = detail::to_nanoseconds(timeout);
        if (t < std::chrono::nanoseconds::zero()) [[unlikely]]
            detail::throw_status(detail::status_of(error::negative_duration), "poller::wait");
        return checked_wait(deadline_of(t));
    }
    template <class Rep, class Period>
    events_type wait(std::chrono::duration<Rep, Period> timeout, std::error_code& ec) noexcept
    {
        const auto t = detail::to_nanoseconds(timeout);
        if (t < std::chrono::nanoseconds::zero()) [[unlikely]] {
            ec = make_error_code(error::negative_duration);
            return events(0);
        }
        return wait_until(deadline_of(t), ec);
    }
    // An error here means a number was given for a timeout: say its unit
    // with std::chrono.
    template <class T, class... Args>
        requires std::is_arithmetic_v<T>
    TSOCK_REFUSED("a poller waits for a std::chrono duration: write 100ms or std::chrono::seconds(1), or nothing "
                  "to wait for ever")
    wait(T, Args&&...) TSOCK_DELETED;

    // Ends the current (or the next) wait early, from any thread.
    void wake() const noexcept { impl_.wake(); }

    // An error here means a blocking or timeout-mode socket was given to the
    // poller.
    template <class S, class... Args>
        requires(any_socket<S> && !nonblocking_socket<S>)
    TSOCK_REFUSED("only a non_blocking socket can be registered: a blocking or timeout-mode socket would stall every "
                  "other connection of the loop (std::move(s).with_mode<tsock::non_blocking>() makes one)")
    add(const S&, Args&&...) TSOCK_DELETED;
    // An error here means edge_triggered was asked of the poll or WSAPoll
    // backend.
    template <pollable S, bool OneShot, class... Args>
        requires(!impl::has_edge)
    TSOCK_REFUSED("this poll backend has no edge-triggered mode (poll and WSAPoll are level-triggered): use "
                  "level_triggered or one_shot, or the epoll or kqueue backend")
    add(const S&, interest, Token, trigger<true, OneShot>, Args&&...) TSOCK_DELETED;

private:
    struct registration {
        std::uint64_t key;
        interest what;
        bool edge;
        bool one_shot;
    };

    static std::size_t checked_capacity(std::size_t n)
    {
        if (n == 0 || n > INT_MAX)
            detail::throw_exception(std::invalid_argument("tsock: poller: max_events must be between 1 and INT_MAX"));
        return n;
    }
    static void check(detail::status s, const char* what)
    {
        if (s) [[unlikely]]
            detail::throw_status(s, what);
    }

    // The registration calls (one system call each) stay out of line:
    // inlined, they would make an event handler that calls them too large
    // for the compiler to inline into the event loop, and that call costs
    // more than this one.
    TSOCK_NOINLINE detail::status add_status(
        native_handle_type h, interest what, Token token, bool edge, bool once)
    {
        const std::uint64_t key = detail::poll_key_of(token);
        if (key == detail::reserved_poll_key) [[unlikely]]
            return detail::status_of(error::reserved_token);
        if (registered_.find(h)) [[unlikely]]
            return detail::status_of(error::already_registered);
        if (const detail::status s = impl_.add(h, std::uint32_t(what), edge, once, key))
            return s;
        registered_.insert(h) = {key, what, edge, once};
        ++size_;
        return 0;
    }
    TSOCK_NOINLINE detail::status modify_status(
        native_handle_type h, const interest* what, const Token* token) noexcept
    {
        registration* r = registered_.find(h);
        if (!r) [[unlikely]]
            return detail::status_of(error::not_registered);
        registration next = *r;
        if (what)
            next.what = *what;
        if (token) {
            next.key = detail::poll_key_of(*token);
            if (next.key == detail::reserved_poll_key) [[unlikely]]
                return detail::status_of(error::reserved_token);
        }
        if (const detail::status s = impl_.modify(h, std::uint32_t(next.what), next.edge, next.one_shot, next.key))
            return s;
        *r = next;
        return 0;
    }
    detail::status watch_status(native_handle_type h, interest what, Token token)
    {
        const bool here = registered_.find(h) != nullptr;
        if (what == interest::none)
            return here ? remove_status(h) : 0;
        return here ? modify_status(h, &what, &token) : add_status(h, what, token, false, false);
    }

    TSOCK_NOINLINE detail::status remove_status(native_handle_type h) noexcept
    {
        registration* r = registered_.find(h);
        if (!r) [[unlikely]]
            return detail::status_of(error::not_registered);
        const std::uint64_t key = r->key;
        registered_.erase(h);
        --size_;
        // Its events still in the batch are dropped (the iterator skips the
        // reserved key).
        for (std::size_t i = 0; i != batch_size_; ++i)
            if (impl::key_of(batch_[i]) == key)
                impl::set_key(batch_[i], detail::reserved_poll_key);
        // A descriptor closed while registered is gone from the system's
        // set already (epoll, kqueue): nothing more to undo.
        const detail::status s = impl_.remove(h);
        return s == detail::bad_handle_status || s == detail::not_in_set_status ? 0 : s;
    }

    // A timeout's deadline; zero only looks (min(): no clock read).
    static std::chrono::steady_clock::time_point deadline_of(std::chrono::nanoseconds t) noexcept
    {
        return t == std::chrono::nanoseconds::zero() ? std::chrono::steady_clock::time_point::min()
                                                     : detail::deadline_after(t);
    }

    // The throwing form tests a status, not a std::error_code: building one
    // calls std::system_category() out of line on every wait.
    events_type checked_wait(std::chrono::steady_clock::time_point deadline)
    {
        detail::status s = 0;
        auto events = wait_status(deadline, s);
        if (s) [[unlikely]]
            detail::throw_status(s, "poller::wait");
        return events;
    }
    events_type wait_until(std::chrono::steady_clock::time_point deadline, std::error_code& ec) noexcept
    {
        detail::status s = 0;
        auto events = wait_status(deadline, s);
        detail::set_error(ec, s);
        return events;
    }
    // The first n events of the batch, with the sentinel after them.
    events_type events(std::size_t n) noexcept
    {
        batch_size_ = n;
        impl::set_key(batch_[n], 0); // any key but reserved_poll_key
        return {batch_.data(), batch_.data() + n};
    }
    // deadline: max() waits for ever, min() only looks. s: 0 or why it failed.
    events_type wait_status(std::chrono::steady_clock::time_point deadline, detail::status& s) noexcept
    {
        int ms = deadline == std::chrono::steady_clock::time_point::min() ? 0 : detail::ms_until(deadline);
        for (;;) {
            const int n = impl_.wait(batch_.data(), capacity_, ms, s);
            if (n >= 0) [[likely]]
                return events(static_cast<std::size_t>(n));
            if (!detail::poll_interrupted(s))
                return events(0);
            s = 0;
            if (ms > 0)
                ms = detail::ms_until(deadline);
        }
    }

    impl impl_;
    detail::handle_map<registration> registered_;
    std::size_t size_ = 0;
    std::vector<raw_event> batch_;
    // How many events a wait may return: batch_ has one more, the sentinel
    // after the last (see poll_events). Kept, not batch_.size() - 1: the
    // vector's size is (end - begin) / sizeof, a subtraction, a shift and a
    // multiplication on every wait.
    std::size_t capacity_;
    std::size_t batch_size_ = 0;
};

// The poller of this platform's default backend.
template <poll_token Token = std::uint64_t>
using poller = basic_poller<Token, default_poll_backend>;

} // namespace tsock

#endif // TSOCK_POLLER_HPP
