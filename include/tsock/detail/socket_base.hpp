// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SOCKET_BASE_HPP
#define TSOCK_DETAIL_SOCKET_BASE_HPP

// What basic_socket and basic_listener share: owning the handle (move-only,
// closed by the destructor), opening, binding, adopting, names, and the wait
// that the timeout mode adds to a call that would block.

#include <tsock/detail/chrono.hpp>
#include <tsock/detail/socket_ops.hpp>
#include <tsock/error.hpp>
#include <tsock/family.hpp>
#include <tsock/mode.hpp>
#include <tsock/socket_option.hpp>
#include <tsock/socket_type.hpp>

#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock::detail {

[[noreturn]] inline void throw_error(const std::error_code& ec, const char* what)
{
    throw std::system_error(ec, std::string("tsock: ") + what);
}

// For a call that just failed: throws with last_error().
[[noreturn]] inline void throw_last_error(const char* what) { throw_error(last_error(), what); }

inline void throw_if(const std::error_code& ec, const char* what)
{
    if (ec)
        throw_error(ec, what);
}

template <class Endpoint>
int domain_of(const Endpoint& ep) noexcept
{
    if constexpr (requires { ep.family(); })
        return ep.family();
    else
        return Endpoint::family;
}

// from + d, saturating: a duration beyond the clock's range is no deadline
// (adding it would overflow). deadline_after: from now().
inline std::chrono::steady_clock::time_point time_after(std::chrono::steady_clock::time_point from,
                                                        std::chrono::nanoseconds d) noexcept
{
    using time_point = std::chrono::steady_clock::time_point;
    if (d >= time_point::max() - from)
        return time_point::max();
    return from + std::chrono::duration_cast<std::chrono::steady_clock::duration>(d);
}
inline std::chrono::steady_clock::time_point deadline_after(std::chrono::nanoseconds d) noexcept
{
    return time_after(std::chrono::steady_clock::now(), d);
}

// Tag of the constructor that takes a handle tsock itself just made (accept,
// socketpair) without the checks adopt() makes.
struct own_handle_t {
    explicit own_handle_t() = default;
};
inline constexpr own_handle_t own_handle{};

// Derived is the class built on it (basic_socket or basic_listener): the
// factories below make one, through its own_handle constructor.
template <class Derived, class Family, class Type, class Mode>
class socket_base {
    // An error here means the family has no sockets of this type: SOCK_SEQPACKET
    // over IP (that is SCTP) or raw sockets over local (AF_UNIX).
    static_assert(Family::template supports<Type>, "this address family has no sockets of this socket type");
    // An error here means the family's endpoint type is declared but not
    // defined: include its header (<tsock/inet_endpoint.hpp> for inet;
    // basic_socket.hpp brings those of ipv4, ipv6 and local).
    static_assert(requires { sizeof(typename Family::endpoint_type); },
                  "the family's endpoint type is incomplete: include its header (<tsock/inet_endpoint.hpp> for inet)");
#if BOOST_OS_WINDOWS
    // An error here means a local (AF_UNIX) socket on Windows: tsock does not
    // offer them there (no socketpair; wine has no AF_UNIX to test them on).
    static_assert(Family::domain != AF_UNIX, "local (AF_UNIX) sockets are not available on Windows in tsock");
#endif

public:
    using family_type = Family;
    using type_policy = Type;
    using mode_type = Mode;
    using endpoint_type = typename Family::endpoint_type;
    using native_handle_type = detail::native_handle_type;

    socket_base(const socket_base&) = delete;
    socket_base& operator=(const socket_base&) = delete;

    // socket(2) of this family and type (CLOEXEC; NONBLOCK unless the mode
    // blocks). The inet family is opened for an endpoint instead.
    static Derived open(std::error_code& ec, Mode mode = {}) noexcept
        requires(Family::domain != AF_UNSPEC)
    {
        return Derived(own_handle, open_handle(Family::domain, ec), mode);
    }
    static Derived open(Mode mode = {})
        requires(Family::domain != AF_UNSPEC)
    {
        std::error_code ec;
        auto s = open(ec, mode);
        throw_if(ec, "socket");
        return s;
    }
    // socket(2) of the endpoint's family (for inet: IPv4 or IPv6).
    static Derived open_for(const endpoint_type& ep, std::error_code& ec, Mode mode = {}) noexcept
    {
        return Derived(own_handle, open_handle(domain_for(ep), ec), mode);
    }
    static Derived open_for(const endpoint_type& ep, Mode mode = {})
    {
        std::error_code ec;
        auto s = open_for(ep, ec, mode);
        throw_if(ec, "socket");
        return s;
    }

    // Takes ownership of a native handle (Python's fromfd, without the dup),
    // after checking that it is a socket of this family and type (SO_TYPE,
    // SO_DOMAIN). On a mismatch the handle stays the caller's. The handle's
    // O_NONBLOCK (FIONBIO on Windows) must already match the mode.
    static Derived adopt(native_handle_type h, std::error_code& ec, Mode mode = {}) noexcept
    {
        check_adoptable(h, ec);
        return ec ? Derived() : Derived(own_handle, h, mode);
    }
    static Derived adopt(native_handle_type h, Mode mode = {})
    {
        std::error_code ec;
        auto s = adopt(h, ec, mode);
        throw_if(ec, "adopt");
        return s;
    }

    bool is_open() const noexcept { return handle_ != invalid_handle; }
    // Python's fileno().
    native_handle_type native_handle() const noexcept { return handle_; }
    // Gives the handle up: the object no longer closes it.
    native_handle_type release() noexcept { return std::exchange(handle_, invalid_handle); }

    // close(2); a closed object may be closed again (no-op).
    void close(std::error_code& ec) noexcept
    {
        ec.clear();
        if (is_open())
            close_socket(release(), ec);
    }
    void close()
    {
        std::error_code ec;
        close(ec);
        throw_if(ec, "close");
    }

    // bind(2) to a local endpoint.
    void bind(const endpoint_type& ep, std::error_code& ec) noexcept
    {
        const auto native = ep.to_native();
        detail::bind(handle_, reinterpret_cast<const ::sockaddr*>(&native), ep.native_size(), ec);
    }
    void bind(const endpoint_type& ep)
    {
        std::error_code ec;
        bind(ep, ec);
        throw_if(ec, "bind");
    }

    // getsockname(2).
    endpoint_type local_endpoint(std::error_code& ec) const noexcept
    {
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        local_name(handle_, reinterpret_cast<::sockaddr*>(&native), &len, ec);
        if (ec)
            return endpoint_type();
        return endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
    }
    endpoint_type local_endpoint() const
    {
        std::error_code ec;
        auto ep = local_endpoint(ec);
        throw_if(ec, "local_endpoint");
        return ep;
    }

    // setsockopt(2) with a typed option. Only options that apply to this
    // socket's family and type compile: an error naming settable_option_for
    // says which option, family and type did not fit.
    template <class O>
        requires settable_option_for<O, Family, Type>
    void set(const O& option, std::error_code& ec) noexcept
    {
        set_option(handle_, O::level, O::name, option.data(), option.size(), ec);
    }
    template <class O>
        requires settable_option_for<O, Family, Type>
    void set(const O& option)
    {
        std::error_code ec;
        set(option, ec);
        throw_if(ec, "setsockopt");
    }

    // getsockopt(2) with a typed option: its value (bool, int, a duration,
    // ...). Only options that apply and can be read compile.
    template <class O>
        requires gettable_option_for<O, Family, Type>
    typename O::value_type get(std::error_code& ec) const noexcept
    {
        O option;
        ::socklen_t len = option.capacity();
        get_option(handle_, O::level, O::name, option.data(), &len, ec);
        if (!ec)
            option.resize(len, ec);
        return option.value();
    }
    template <class O>
        requires gettable_option_for<O, Family, Type>
    typename O::value_type get() const
    {
        std::error_code ec;
        auto value = get<O>(ec);
        throw_if(ec, "getsockopt");
        return value;
    }

    // Python's gettimeout/settimeout, for the timeout mode.
    template <class M = Mode>
        requires std::is_same_v<M, tsock::timeout>
    typename M::duration timeout() const noexcept
    {
        return mode_.value;
    }
    template <class M = Mode>
        requires std::is_same_v<M, tsock::timeout>
    void timeout(typename M::duration d) noexcept
    {
        mode_.value = d;
    }

protected:
    socket_base() noexcept = default;
    explicit socket_base(native_handle_type h, Mode mode = {}) noexcept : handle_(h), mode_(mode) {}
    socket_base(socket_base&& other) noexcept
        : handle_(other.release()), mode_(other.mode_)
    {
    }
    socket_base& operator=(socket_base&& other) noexcept
    {
        if (this != &other) {
            std::error_code ignored;
            close(ignored);
            handle_ = other.release();
            mode_ = other.mode_;
        }
        return *this;
    }
    ~socket_base()
    {
        std::error_code ignored;
        close(ignored);
    }

    // socket(2) for domain, with this type's SOCK_* and protocol, CLOEXEC,
    // and NONBLOCK when the mode wants it.
    static native_handle_type open_handle(int domain, std::error_code& ec) noexcept
    {
        return open_socket(domain, Type::value, Type::protocol, Mode::nonblocking_handle, ec);
    }

    static int domain_for(const endpoint_type& ep) noexcept
    {
        if constexpr (Family::domain != AF_UNSPEC)
            return Family::domain;
        else
            return domain_of(ep);
    }

    // Checks that h is a socket of this family and type before adopting it.
    static void check_adoptable(native_handle_type h, std::error_code& ec) noexcept
    {
        int value = 0;
        ::socklen_t len = sizeof value;
        get_option(h, SOL_SOCKET, SO_TYPE, &value, &len, ec);
        if (ec)
            return;
        if (value != Type::value) {
            ec = make_error_code(error::type_mismatch);
            return;
        }
#if defined(SO_DOMAIN)
        len = sizeof value;
        get_option(h, SOL_SOCKET, SO_DOMAIN, &value, &len, ec);
        if (ec)
            return;
#elif BOOST_OS_WINDOWS
        // No SO_DOMAIN, and getsockname fails on an unbound socket.
        ::WSAPROTOCOL_INFOW info{};
        len = sizeof info;
        get_option(h, SOL_SOCKET, SO_PROTOCOL_INFOW, &info, &len, ec);
        if (ec)
            return;
        value = info.iAddressFamily;
#else
        ::sockaddr_storage name{};
        ::socklen_t name_len = sizeof name;
        local_name(h, reinterpret_cast<::sockaddr*>(&name), &name_len, ec);
        if (ec)
            return;
        value = name.ss_family;
#endif
        const bool family_ok = Family::domain == AF_UNSPEC ? (value == AF_INET || value == AF_INET6)
                                                           : value == Family::domain;
        if (!family_ok)
            ec = make_error_code(error::family_mismatch);
    }

    using deadline_type = std::chrono::steady_clock::time_point;

    deadline_type deadline() const noexcept
    {
        if constexpr (std::is_same_v<Mode, tsock::timeout>) {
            return deadline_after(mode_.value);
        } else {
            return {};
        }
    }

    // Runs op; in the timeout mode, while op would block, waits for events
    // until the deadline (then ec = timed_out). Other modes run op once.
    template <class Op>
    auto with_wait(short events, deadline_type until, std::error_code& ec, Op op) const noexcept
    {
        for (;;) {
            auto r = op(ec);
            if constexpr (std::is_same_v<Mode, tsock::timeout>) {
                if (ec && would_block(ec)) {
                    if (wait_until(handle_, events, until, ec))
                        continue;
                    if (!ec)
                        ec = make_error_code(error::timed_out);
                }
            }
            return r;
        }
    }

    native_handle_type handle_ = invalid_handle;
    [[no_unique_address]] Mode mode_{};
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_SOCKET_BASE_HPP
