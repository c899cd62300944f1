// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CONNECT_HPP
#define TSOCK_CONNECT_HPP

// connect(host, service): Python's create_connection, typed. Resolves, then
// tries the addresses until one connects, within one overall timeout, from an
// optional source endpoint; or races them (Happy Eyeballs, RFC 8305). The
// socket returned has the mode asked for. When every attempt fails, the
// exception lists each address tried and why it failed.

#include <tsock/basic_socket.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/family_of.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/resolve.hpp>

#include <cstddef>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#if !BOOST_OS_WINDOWS
#include <fcntl.h>
#include <poll.h>
#endif

namespace tsock {

// RFC 8305's recommended Connection Attempt Delay.
inline constexpr std::chrono::milliseconds recommended_attempt_delay{250};

// One address tried, and how it ended: no error for the one that connected,
// std::errc::operation_canceled for a race it lost.
struct connect_attempt {
    inet_endpoint endpoint;
    std::error_code error;
};

struct connect_options {
    // For the whole call, all attempts together (resolution counts against
    // it but cannot be cut short: getaddrinfo has no timeout). None: as long
    // as the system takes; in the timeout mode, the mode's duration.
    std::optional<std::chrono::nanoseconds> timeout{};
    // Bound before connecting (Python's source_address); port 0 = any port.
    // An attempt to an address of another family fails with family_mismatch.
    std::optional<inet_endpoint> source{};
    // Happy Eyeballs: the addresses' families alternate, and the next attempt
    // starts this long after the last one (or at once when one fails); the
    // first to connect wins, the others are closed. None: one at a time.
    std::optional<std::chrono::nanoseconds> happy_eyeballs{};
    resolve_flags flags = resolve_flags::none; // for the lookup
    // When set, every attempt is appended here, successful or not.
    std::vector<connect_attempt>* report = nullptr;
};

// Thrown when every attempt failed: what() names each address and its error;
// code() is the last attempt's error (error::timed_out at the deadline).
class connect_error : public std::system_error {
public:
    connect_error(std::error_code ec, const std::string& what, std::vector<connect_attempt> attempts)
        : std::system_error(ec, what), attempts_(std::move(attempts))
    {
    }
    const std::vector<connect_attempt>& attempts() const noexcept { return attempts_; }

private:
    std::vector<connect_attempt> attempts_;
};

namespace detail {

using steady_time = std::chrono::steady_clock::time_point;

// The source endpoint for an attempt to target, when their families agree.
template <class Endpoint>
std::optional<Endpoint> source_for(const inet_endpoint& source, const Endpoint& target) noexcept
{
    if constexpr (std::is_same_v<Endpoint, inet_endpoint>) {
        if (source.family() == target.family())
            return source;
    } else if constexpr (std::is_same_v<Endpoint, ipv4_endpoint>) {
        if (const auto* v4 = source.as_v4())
            return *v4;
    } else if constexpr (std::is_same_v<Endpoint, ipv6_endpoint>) {
        if (const auto* v6 = source.as_v6())
            return *v6;
    }
    return std::nullopt;
}

// RFC 8305 section 4: alternate the families, starting with the first one's.
template <class Endpoint>
std::vector<Endpoint> interleave_families(std::vector<Endpoint> order)
{
    if (order.empty())
        return order;
    const int first = domain_of(order.front());
    std::vector<Endpoint> same, other, mixed;
    for (const auto& e : order)
        (domain_of(e) == first ? same : other).push_back(e);
    for (std::size_t i = 0; i < same.size() || i < other.size(); ++i) {
        if (i < same.size())
            mixed.push_back(same[i]);
        if (i < other.size())
            mixed.push_back(other[i]);
    }
    return mixed;
}

// The attempts under way at once, at most: select's FD_SETSIZE on Windows
// (64 unless the program defines it larger before including tsock); no
// limit but the descriptors a process may have on POSIX. Further attempts
// wait for one of these to end.
#if BOOST_OS_WINDOWS
inline constexpr std::size_t max_racing = FD_SETSIZE;
#else
inline constexpr std::size_t max_racing = std::size_t(-1);
#endif

// Waits up to ms milliseconds for any of the sockets, each with a connect
// under way, to finish; sets done[i] for those that did. False with ec set
// when the wait itself fails; a signal (EINTR) only ends it early.
inline bool wait_connecting(const std::vector<native_handle_type>& sockets, std::vector<char>& done, int ms,
                            std::error_code& ec)
{
    done.assign(sockets.size(), 0);
#if BOOST_OS_WINDOWS
    // select, not WSAPoll, which misses failed connects before Windows 10
    // 2004 (see wait_connected); a failure shows in the exception set.
    ::fd_set writable, failed;
    FD_ZERO(&writable);
    FD_ZERO(&failed);
    for (const auto s : sockets) {
        FD_SET(s, &writable);
        FD_SET(s, &failed);
    }
    ::timeval tv{ms / 1000, (ms % 1000) * 1000};
    if (::select(0, nullptr, &writable, &failed, &tv) == SOCKET_ERROR) {
        ec = last_error();
        return false;
    }
    for (std::size_t i = 0; i != sockets.size(); ++i)
        done[i] = FD_ISSET(sockets[i], &writable) || FD_ISSET(sockets[i], &failed);
#else
    std::vector<::pollfd> fds;
    fds.reserve(sockets.size());
    for (const auto s : sockets)
        fds.push_back({s, POLLOUT, 0});
    if (::poll(fds.data(), ::nfds_t(fds.size()), ms) < 0 && errno != EINTR) {
        ec = last_error();
        return false;
    }
    for (std::size_t i = 0; i != fds.size(); ++i)
        done[i] = fds[i].revents != 0;
#endif
    ec.clear();
    return true;
}

// Makes a socket of the attempts, non-blocking until now, block.
inline void make_blocking(native_handle_type h, std::error_code& ec) noexcept
{
#if BOOST_OS_WINDOWS
    ::u_long off = 0;
    if (::ioctlsocket(h, FIONBIO, &off) != 0) {
        ec = last_error();
        return;
    }
#else
    const int flags = ::fcntl(h, F_GETFL);
    if (flags < 0 || ::fcntl(h, F_SETFL, flags & ~O_NONBLOCK) < 0) {
        ec = last_error();
        return;
    }
#endif
    ec.clear();
}

// Tries order until one connects; returns its descriptor (O_NONBLOCK), or
// invalid_handle with ec set. Every attempt is appended to attempts (which
// holds this call's attempts only).
template <class Family, class Type>
native_handle_type connect_first(const std::vector<typename Family::endpoint_type>& order, const connect_options& o,
                                 steady_time deadline, std::vector<connect_attempt>& attempts,
                                 std::error_code& ec)
{
    using probe = basic_socket<Family, Type, non_blocking>;
    struct pending {
        probe socket;
        std::size_t attempt; // index into attempts
    };
    const auto cancel_others = [&](const std::vector<pending>& racing) {
        for (const auto& r : racing)
            if (r.socket.is_open())
                attempts[r.attempt].error = std::make_error_code(std::errc::operation_canceled);
    };
    std::vector<pending> racing;
    std::vector<native_handle_type> handles;
    std::vector<char> done;
    std::size_t next = 0;
    steady_time next_start{};
    for (;;) {
        auto now = std::chrono::steady_clock::now();
        while (next != order.size() && racing.size() < max_racing &&
               (racing.empty() || (o.happy_eyeballs && now >= next_start))) {
            const auto& target = order[next++];
            std::error_code e;
            auto s = probe::open_for(target, e);
            if (!e && o.source) {
                if (const auto src = source_for(*o.source, target))
                    s.bind(*src, e);
                else
                    e = make_error_code(error::family_mismatch);
            }
            const auto status = e ? connect_status::connected : s.connect(target, e);
            attempts.push_back({target, e});
            if (e)
                continue; // failed at once: the next one starts now
            if (status == connect_status::connected) {
                cancel_others(racing);
                return s.release();
            }
            racing.push_back({std::move(s), attempts.size() - 1});
            if (o.happy_eyeballs)
                next_start = time_after(now, *o.happy_eyeballs);
        }
        if (racing.empty()) {
            ec = attempts.empty() ? make_error_code(error::no_endpoints) : attempts.back().error;
            return invalid_handle;
        }
        if (now >= deadline) {
            for (auto& r : racing)
                attempts[r.attempt].error = make_error_code(error::timed_out);
            ec = make_error_code(error::timed_out);
            return invalid_handle;
        }
        auto until = deadline;
        if (o.happy_eyeballs && next != order.size() && racing.size() < max_racing && next_start < until)
            until = next_start;
        handles.clear();
        for (auto& r : racing)
            handles.push_back(r.socket.native_handle());
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(until - now).count();
        const int wait_ms = left <= 0 ? 0 : left > 0x7fffffff ? 0x7fffffff : int(left);
        if (!wait_connecting(handles, done, wait_ms, ec))
            return invalid_handle;
        // First to last: when several are ready at once, the earlier address
        // (the one the order prefers) wins.
        bool failed = false;
        for (std::size_t i = 0; i != handles.size(); ++i) {
            if (!done[i])
                continue;
            auto& r = racing[i];
            attempts[r.attempt].error = r.socket.pending_error();
            if (!attempts[r.attempt].error) {
                const auto winner = r.socket.release();
                cancel_others(racing);
                return winner;
            }
            std::error_code ignored;
            r.socket.close(ignored);
            failed = true;
        }
        std::erase_if(racing, [](const pending& r) { return !r.socket.is_open(); });
        if (failed && o.happy_eyeballs)
            next_start = now; // a failure starts the next attempt at once
    }
}

// The text of connect_error: the call, then each address and its error.
inline std::string describe_attempts(std::string what, const std::vector<connect_attempt>& attempts)
{
    what += " (tried";
    for (std::size_t i = 0; i != attempts.size(); ++i) {
        what += i == 0 ? " " : "; ";
        what += attempts[i].endpoint.to_string();
        what += ": ";
        what += attempts[i].error.message();
    }
    return what + ")";
}

template <class Mode>
std::optional<std::chrono::nanoseconds> overall_timeout(const connect_options& o, const Mode& mode) noexcept
{
    if (o.timeout)
        return o.timeout;
    if constexpr (std::is_same_v<Mode, tsock::timeout>)
        return mode.value;
    return std::nullopt;
}

} // namespace detail

namespace detail {

// negative_duration for a negative timeout or delay (also the timeout mode's).
template <class Mode>
bool negative_durations(const connect_options& o, const Mode& mode, std::error_code& ec) noexcept
{
    const auto limit = overall_timeout(o, mode);
    if ((limit && limit->count() < 0) || (o.happy_eyeballs && o.happy_eyeballs->count() < 0)) {
        ec = make_error_code(error::negative_duration);
        return true;
    }
    return false;
}

// connect over a list, with the deadline already set; this call's attempts
// go into attempts.
template <class Type, class Mode, class Family, class Range>
basic_socket<Family, Type, Mode> connect_list(const Range& endpoints, const connect_options& o,
                                              steady_time deadline, std::vector<connect_attempt>& attempts,
                                              std::error_code& ec, Mode mode)
{
    using socket = basic_socket<Family, Type, Mode>;
    std::vector<typename Family::endpoint_type> order(std::ranges::begin(endpoints), std::ranges::end(endpoints));
    if (o.happy_eyeballs)
        order = interleave_families(std::move(order));
    const auto h = connect_first<Family, Type>(order, o, deadline, attempts, ec);
    if (ec)
        return socket();
    if constexpr (!Mode::nonblocking_handle) {
        // The attempts were non-blocking; this socket blocks.
        make_blocking(h, ec);
        if (ec) {
            std::error_code ignored;
            close_socket(h, ignored);
            return socket();
        }
    }
    return socket(own_handle, h, mode);
}

template <class Mode>
steady_time connect_deadline(const connect_options& o, const Mode& mode) noexcept
{
    const auto limit = overall_timeout(o, mode);
    return limit ? deadline_after(*limit) : steady_time::max();
}

template <class Type, class Mode, class Family, class Range>
basic_socket<Family, Type, Mode> connect_range(const Range& endpoints, const connect_options& o,
                                               std::vector<connect_attempt>& attempts, std::error_code& ec,
                                               Mode mode)
{
    // An error here means connect over local endpoints: there is one path to
    // try; use basic_socket::connect_to.
    static_assert(Family::is_ip, "connect tries a list of IP endpoints: for a local endpoint use connect_to");
    ec.clear();
    if constexpr (Family::is_ip) { // (no further errors after the assertion)
        if (negative_durations(o, mode, ec))
            return {};
        return connect_list<Type, Mode, Family>(endpoints, o, connect_deadline(o, mode), attempts, ec, mode);
    } else {
        return {};
    }
}

// The overall deadline starts before the lookup: resolution counts.
template <class Type, class Mode, class Family>
basic_socket<Family, Type, Mode> connect_name(std::string_view host, std::string_view service,
                                              const connect_options& o, std::vector<connect_attempt>& attempts,
                                              std::error_code& ec, Mode mode)
{
    ec.clear();
    if (negative_durations(o, mode, ec))
        return {};
    const auto deadline = connect_deadline(o, mode);
    const auto results = resolve<Family, Type>(host, service, o.flags, ec);
    if (ec)
        return {};
    return connect_list<Type, Mode, Family>(results, o, deadline, attempts, ec, mode);
}

inline void add_to_report(const connect_options& o, const std::vector<connect_attempt>& attempts)
{
    if (o.report)
        o.report->insert(o.report->end(), attempts.begin(), attempts.end());
}

} // namespace detail

// Connects to the first endpoint of the range that accepts (in order, or
// raced with options.happy_eyeballs). On failure sets ec to the last
// attempt's error (error::timed_out at the deadline, error::no_endpoints for
// an empty range) and returns a closed socket; options.report, when set, has
// what each attempt did appended to it.
template <socket_type Type = stream, blocking_mode Mode = blocking, std::ranges::input_range Range,
          class Family = detail::family_of_t<std::ranges::range_value_t<Range>>>
basic_socket<Family, Type, Mode> connect(const Range& endpoints, const connect_options& o, std::error_code& ec,
                                         Mode mode = {})
{
    std::vector<connect_attempt> attempts;
    auto s = detail::connect_range<Type, Mode, Family>(endpoints, o, attempts, ec, mode);
    detail::add_to_report(o, attempts);
    return s;
}
template <socket_type Type = stream, blocking_mode Mode = blocking, std::ranges::input_range Range,
          class Family = detail::family_of_t<std::ranges::range_value_t<Range>>>
basic_socket<Family, Type, Mode> connect(const Range& endpoints, std::error_code& ec)
{
    return connect<Type, Mode>(endpoints, connect_options{}, ec);
}

// As above; throws connect_error, whose attempts() are this call's.
template <socket_type Type = stream, blocking_mode Mode = blocking, std::ranges::input_range Range,
          class Family = detail::family_of_t<std::ranges::range_value_t<Range>>>
basic_socket<Family, Type, Mode> connect(const Range& endpoints, const connect_options& o = {}, Mode mode = {})
{
    std::vector<connect_attempt> attempts;
    std::error_code ec;
    auto s = detail::connect_range<Type, Mode, Family>(endpoints, o, attempts, ec, mode);
    detail::add_to_report(o, attempts);
    if (ec) {
        const auto what = detail::describe_attempts("tsock: connect", attempts);
        throw connect_error(ec, what, std::move(attempts));
    }
    return s;
}

// Resolves host and service for the family and type, then connects as above.
// The overall timeout covers the lookup too (which cannot be cut short:
// getaddrinfo has no timeout, so the attempts then find the deadline passed).
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
basic_socket<Family, Type, Mode> connect(std::string_view host, std::string_view service, const connect_options& o,
                                         std::error_code& ec, Mode mode = {})
{
    std::vector<connect_attempt> attempts;
    auto s = detail::connect_name<Type, Mode, Family>(host, service, o, attempts, ec, mode);
    detail::add_to_report(o, attempts);
    return s;
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
basic_socket<Family, Type, Mode> connect(std::string_view host, std::string_view service, std::error_code& ec)
{
    return connect<Type, Mode, Family>(host, service, connect_options{}, ec);
}

// As above; throws std::system_error naming host and service when the lookup
// fails (or a duration is negative), connect_error when every attempt did.
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
basic_socket<Family, Type, Mode> connect(std::string_view host, std::string_view service,
                                         const connect_options& o = {}, Mode mode = {})
{
    std::vector<connect_attempt> attempts;
    std::error_code ec;
    auto s = detail::connect_name<Type, Mode, Family>(host, service, o, attempts, ec, mode);
    detail::add_to_report(o, attempts);
    if (!ec)
        return s;
    if (attempts.empty() && ec != error::no_endpoints)
        detail::throw_for(ec, "connect", {host, service});
    std::string what = "tsock: connect ";
    detail::append_quoted(what, host);
    what += ' ';
    detail::append_quoted(what, service);
    what = detail::describe_attempts(std::move(what), attempts);
    throw connect_error(ec, what, std::move(attempts));
}

} // namespace tsock

#endif // TSOCK_CONNECT_HPP
