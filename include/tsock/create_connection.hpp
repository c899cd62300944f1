// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_CREATE_CONNECTION_HPP
#define TSOCK_CREATE_CONNECTION_HPP

// create_connection(host, service): Python's create_connection, typed.
// Resolves, then tries the addresses until one connects, within one overall
// timeout, from an optional source endpoint; or races them (Happy Eyeballs,
// RFC 8305). The socket returned has the mode asked for. When every attempt
// fails, the exception lists each address tried and why it failed. (The
// member connect() connects a socket that exists.)

#include <tsock/basic_socket.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/resolve.hpp>

#include <cstddef>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

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
    // as the system takes; in the timeout mode, the mode's duration. Any
    // std::chrono duration (a plain number does not compile).
    time_limit timeout{};
    // Bound before connecting (Python's source_address); port 0 = any port.
    // An attempt to an address of another family fails with family_mismatch.
    std::optional<inet_endpoint> source{};
    // Happy Eyeballs: the addresses' families alternate, and the next attempt
    // starts this long after the last one (or at once when one fails); the
    // first to connect wins, the others are closed. None: one at a time.
    time_limit happy_eyeballs{};
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
    const int first = order.front().family();
    std::vector<Endpoint> same, other, mixed;
    for (const auto& e : order)
        (e.family() == first ? same : other).push_back(e);
    for (std::size_t i = 0; i < same.size() || i < other.size(); ++i) {
        if (i < same.size())
            mixed.push_back(same[i]);
        if (i < other.size())
            mixed.push_back(other[i]);
    }
    return mixed;
}

// Tries order until one connects; returns its descriptor (non-blocking), or
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
    std::vector<wait_scratch> scratch;
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
            const auto outcome = e ? connect_status::failed : s.connect(target, e);
            attempts.push_back({target, e});
            if (e)
                continue; // failed at once: the next one starts now
            if (outcome == connect_status::connected) {
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
        done.assign(handles.size(), 0);
        scratch.resize(handles.size());
        const int wait_ms = ms_between(now, until);
        if (const status s = wait_any_connected(handles.data(), handles.size(), done.data(), scratch.data(), wait_ms)) {
            ec = to_error_code(s);
            return invalid_handle;
        }
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

// The overall limit: the option's, else the mode's own timeout if it has one.
template <class Mode>
time_limit overall_timeout(const connect_options& o, const Mode& mode) noexcept
{
    if (o.timeout)
        return o.timeout;
    if constexpr (has_timeout<Mode>)
        return mode.value();
    else
        return {};
}

// negative_duration for a negative timeout or delay (also the timeout mode's).
template <class Mode>
bool negative_durations(const connect_options& o, const Mode& mode, std::error_code& ec) noexcept
{
    if (overall_timeout(o, mode).is_negative() || o.happy_eyeballs.is_negative()) {
        ec = make_error_code(error::negative_duration);
        return true;
    }
    return false;
}

template <class Mode>
steady_time connect_deadline(const connect_options& o, const Mode& mode) noexcept
{
    const auto limit = overall_timeout(o, mode);
    return limit ? deadline_after(*limit) : steady_time::max();
}

// create_connection over a list, with the deadline already set; this call's
// attempts go into attempts.
template <class Type, class Mode, class Family, class Range>
basic_socket<Family, Type, Mode> connect_list(const Range& endpoints, const connect_options& o, steady_time deadline,
                                              std::vector<connect_attempt>& attempts, const Mode& mode,
                                              std::error_code& ec)
{
    using socket = basic_socket<Family, Type, Mode>;
    std::vector<typename Family::endpoint_type> order;
    for (auto&& e : endpoints)
        order.push_back(e);
    if (o.happy_eyeballs)
        order = interleave_families(std::move(order));
    const auto h = connect_first<Family, Type>(order, o, deadline, attempts, ec);
    if (ec)
        return socket();
    // The attempts were non-blocking; the socket gets the mode's O_NONBLOCK.
    if (const status s = match_nonblocking(h, Mode::nonblocking_handle)) {
        ec = to_error_code(s);
        close_socket(h);
        return socket();
    }
    return socket_access::make<socket>(h, mode);
}

template <class Type, class Mode, class Family, class Range>
basic_socket<Family, Type, Mode> connect_range(const Range& endpoints, const connect_options& o,
                                               std::vector<connect_attempt>& attempts, const Mode& mode,
                                               std::error_code& ec)
{
    ec.clear();
    if (negative_durations(o, mode, ec))
        return {};
    return connect_list<Type, Mode, Family>(endpoints, o, connect_deadline(o, mode), attempts, mode, ec);
}

// The overall deadline starts before the lookup: resolution counts.
template <class Type, class Mode, class Family>
basic_socket<Family, Type, Mode> connect_name(std::string_view host, std::string_view service,
                                              const connect_options& o, std::vector<connect_attempt>& attempts,
                                              const Mode& mode, std::error_code& ec)
{
    ec.clear();
    if (negative_durations(o, mode, ec))
        return {};
    const auto deadline = connect_deadline(o, mode);
    const auto results = resolve<Family, Type>(host, service, o.flags, ec);
    if (ec)
        return {};
    return connect_list<Type, Mode, Family>(results, o, deadline, attempts, mode, ec);
}

inline void add_to_report(const connect_options& o, const std::vector<connect_attempt>& attempts)
{
    if (o.report)
        o.report->insert(o.report->end(), attempts.begin(), attempts.end());
}

// A range of IP endpoints create_connection can try: its elements are
// endpoints of an IP family that has sockets of Type.
template <class Range, class Type>
concept ip_endpoint_range = requires(const Range& r) {
    std::begin(r);
    std::end(r);
} && endpoint<std::remove_cvref_t<decltype(*std::begin(std::declval<const Range&>()))>> &&
    family_of_t<decltype(*std::begin(std::declval<const Range&>()))>::is_ip &&
    family_of_t<decltype(*std::begin(std::declval<const Range&>()))>::template supports<Type>;

template <class Range>
using range_family_t = family_of_t<decltype(*std::begin(std::declval<const Range&>()))>;

// Can create_connection make a Type socket of Family? (IP, and a type IP has)
template <class Family, class Type>
concept connectable_by_name = Family::is_ip && Family::template supports<Type> && Type::value != SOCK_RAW;

} // namespace detail

// Connects to the first endpoint of the range that accepts (in order, or
// raced with options.happy_eyeballs). On failure sets ec to the last
// attempt's error (error::timed_out at the deadline, error::no_endpoints for
// an empty range) and returns a closed socket; options.report, when set, has
// what each attempt did appended to it.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range>
    requires detail::ip_endpoint_range<Range, Type>
auto create_connection(const Range& endpoints, const connect_options& o, const Mode& mode, std::error_code& ec)
{
    std::vector<connect_attempt> attempts;
    auto s = detail::connect_range<Type, Mode, detail::range_family_t<Range>>(endpoints, o, attempts, mode, ec);
    detail::add_to_report(o, attempts);
    return s;
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range>
    requires(detail::ip_endpoint_range<Range, Type> && std::default_initializable<Mode>)
auto create_connection(const Range& endpoints, const connect_options& o, std::error_code& ec)
{
    return create_connection<Type, Mode>(endpoints, o, Mode{}, ec);
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range>
    requires(detail::ip_endpoint_range<Range, Type> && std::default_initializable<Mode>)
auto create_connection(const Range& endpoints, std::error_code& ec)
{
    return create_connection<Type, Mode>(endpoints, connect_options{}, Mode{}, ec);
}

// As above; throws connect_error, whose attempts() are this call's.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range>
    requires(detail::ip_endpoint_range<Range, Type> && std::default_initializable<Mode>)
auto create_connection(const Range& endpoints, const connect_options& o = {})
{
    return create_connection<Type, Mode>(endpoints, o, Mode{});
}
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range>
    requires detail::ip_endpoint_range<Range, Type>
auto create_connection(const Range& endpoints, const connect_options& o, const Mode& mode)
{
    std::vector<connect_attempt> attempts;
    std::error_code ec;
    auto s = detail::connect_range<Type, Mode, detail::range_family_t<Range>>(endpoints, o, attempts, mode, ec);
    detail::add_to_report(o, attempts);
    if (ec) {
        const auto what = detail::describe_attempts("tsock: create_connection", attempts);
        detail::throw_exception(connect_error(ec, what, std::move(attempts)));
    }
    return s;
}

// Resolves host and service for the family and type, then connects as above.
// The overall timeout covers the lookup too (which cannot be cut short:
// getaddrinfo has no timeout, so the attempts then find the deadline passed).
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
    requires detail::connectable_by_name<Family, Type>
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service,
                                                   const connect_options& o, const Mode& mode, std::error_code& ec)
{
    std::vector<connect_attempt> attempts;
    auto s = detail::connect_name<Type, Mode, Family>(host, service, o, attempts, mode, ec);
    detail::add_to_report(o, attempts);
    return s;
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
    requires(detail::connectable_by_name<Family, Type> && std::default_initializable<Mode>)
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service,
                                                   const connect_options& o, std::error_code& ec)
{
    return create_connection<Type, Mode, Family>(host, service, o, Mode{}, ec);
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
    requires(detail::connectable_by_name<Family, Type> && std::default_initializable<Mode>)
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service,
                                                   std::error_code& ec)
{
    return create_connection<Type, Mode, Family>(host, service, connect_options{}, Mode{}, ec);
}

// As above; throws std::system_error naming host and service when the lookup
// fails (or a duration is negative), connect_error when every attempt did.
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
    requires(detail::connectable_by_name<Family, Type> && std::default_initializable<Mode>)
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service,
                                                   const connect_options& o = {})
{
    return create_connection<Type, Mode, Family>(host, service, o, Mode{});
}
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet>
    requires detail::connectable_by_name<Family, Type>
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service,
                                                   const connect_options& o, const Mode& mode)
{
    std::vector<connect_attempt> attempts;
    std::error_code ec;
    auto s = detail::connect_name<Type, Mode, Family>(host, service, o, attempts, mode, ec);
    detail::add_to_report(o, attempts);
    if (!ec)
        return s;
    if (attempts.empty() && ec != error::no_endpoints)
        detail::throw_for(ec, "create_connection", {host, service});
    std::string what = "tsock: create_connection ";
    detail::append_quoted(what, host);
    what += ' ';
    detail::append_quoted(what, service);
    what = detail::describe_attempts(std::move(what), attempts);
    detail::throw_exception(connect_error(ec, what, std::move(attempts)));
}

// With a mode and no options: create_connection(host, port, timeout{10s})
// is a socket in the timeout mode, whose 10 s are the overall timeout too.
template <socket_type Type = stream, blocking_mode Mode, socket_family Family = inet>
    requires detail::connectable_by_name<Family, Type>
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service, const Mode& mode)
{
    return create_connection<Type, Mode, Family>(host, service, connect_options{}, mode);
}
template <socket_type Type = stream, blocking_mode Mode, socket_family Family = inet>
    requires detail::connectable_by_name<Family, Type>
basic_socket<Family, Type, Mode> create_connection(std::string_view host, std::string_view service, const Mode& mode,
                                                   std::error_code& ec)
{
    return create_connection<Type, Mode, Family>(host, service, connect_options{}, mode, ec);
}

template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet, class... Args>
    requires(detail::connectable_by_name<Family, Type> && detail::mode_missing<Mode, Args...>)
TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) create_connection(std::string_view, std::string_view, Args&&...) TSOCK_DELETED;

// An error here means create_connection of a type or family it cannot
// make: it connects IP stream or datagram sockets (seqpacket over IP is
// SCTP, which tsock does not offer; raw sockets do not connect by name).
template <socket_type Type = stream, blocking_mode Mode = blocking, socket_family Family = inet, class... Args>
    requires(!detail::connectable_by_name<Family, Type>)
TSOCK_REFUSED("create_connection makes IP stream or datagram sockets (no seqpacket or raw over IP)")
create_connection(std::string_view, Args&&...) TSOCK_DELETED;

// An error here means create_connection over local (or other non-IP)
// endpoints: a local socket has one path to try; use connect_to.
template <socket_type Type = stream, blocking_mode Mode = blocking, class Range, class... Args>
    requires(!std::is_convertible_v<const Range&, std::string_view> && requires(const Range& r) { std::begin(r); } &&
             !detail::ip_endpoint_range<Range, Type>)
TSOCK_REFUSED("create_connection tries a list of IP endpoints: for one local endpoint use basic_socket::connect_to")
create_connection(const Range&, Args&&...) TSOCK_DELETED;

} // namespace tsock

#endif // TSOCK_CREATE_CONNECTION_HPP
