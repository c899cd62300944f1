// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_SOCKET_BASE_HPP
#define TSOCK_DETAIL_SOCKET_BASE_HPP

// What basic_socket and basic_listener share: owning the handle (move-only,
// closed by the destructor), opening, adopting, duplicating, binding, names,
// options, the mode (and changing it), and running a call as the mode says.

#include <tsock/detail/chrono.hpp>
#include <tsock/detail/refuse.hpp>
#include <tsock/detail/socket_ops.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/error.hpp>
#include <tsock/family.hpp>
#include <tsock/mode.hpp>
#include <tsock/socket_option.hpp>
#include <tsock/socket_type.hpp>

#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock::detail {

// The AF_* value of an endpoint.
template <class Endpoint>
int domain_of(const Endpoint& ep) noexcept
{
    return ep.family();
}

// The sockaddr that sendto (or connect, bind) passes for an endpoint e: e's
// own when it holds one (detail::name_access), else to_native()'s copy.
template <class E, bool InPlace = name_access<E>::in_place>
class name_of {
public:
    explicit name_of(const E& e) noexcept : native_(e.to_native()), size_(e.native_size()) {}
    const ::sockaddr* data() const noexcept { return reinterpret_cast<const ::sockaddr*>(&native_); }
    ::socklen_t size() const noexcept { return size_; }

private:
    typename E::native_type native_;
    ::socklen_t size_;
};
template <class E>
class name_of<E, true> {
public:
    explicit name_of(const E& e) noexcept : data_(name_access<E>::name(e)) {}
    const ::sockaddr* data() const noexcept { return data_; }
    static constexpr ::socklen_t size() noexcept { return sizeof(typename E::native_type); }

private:
    const ::sockaddr* data_;
};

// Where recvfrom or accept writes a peer's name for the endpoint out, and
// out read from it: out's own sockaddr when it holds one (no copy, no
// conversion), else a native_type that name_access<E>::read reads where E
// has it (no std::error_code built), else from_native.
template <class E, bool InPlace = name_access<E>::in_place>
class name_slot {
public:
    static constexpr ::socklen_t capacity = sizeof(typename E::native_type);
    explicit name_slot(E& out) noexcept : out_(out) {}
    ::sockaddr* data() noexcept { return reinterpret_cast<::sockaddr*>(&native_); }
    // Reads the length bytes the system wrote into out: 0, or why they are
    // not one of E's names (out is then E's default).
    status take(::socklen_t length) noexcept
    {
        if constexpr (requires(E& e) { name_access<E>::read(e, data(), length); }) {
            return status_of(name_access<E>::read(out_, data(), length));
        } else {
            std::error_code ec;
            out_ = E::from_native(data(), length, ec);
            return status_of(ec);
        }
    }

private:
    E& out_;
    typename E::native_type native_;
};
template <class E>
class name_slot<E, true> {
public:
    static constexpr ::socklen_t capacity = sizeof(typename E::native_type);
    explicit name_slot(E& out) noexcept : out_(out) {}
    ::sockaddr* data() noexcept { return name_access<E>::name(out_); }
    status take(::socklen_t length) noexcept
    {
        if (name_access<E>::adopt(out_, length)) [[likely]]
            return 0;
        return refuse();
    }

private:
    TSOCK_COLD status refuse() noexcept
    {
        out_ = E();
        return status_of(error::bad_endpoint);
    }

    E& out_;
};

// A result {head, endpoint} whose endpoint a call fills in next: for an
// endpoint held in place left uninitialized (E(for_overwrite)), else E's
// default. Built in the caller's object (guaranteed elision: the result is
// larger than two registers), so no indeterminate value is ever copied.
// head: the value, or a function that makes it (built in place then).
template <class Result, class E, class Head>
TSOCK_ALWAYS_INLINE Result blank_result(Head head) noexcept
{
    const auto first = [&]() TSOCK_ALWAYS_INLINE_LAMBDA -> decltype(auto) {
        if constexpr (std::is_invocable_v<Head&>)
            return head();
        else
            return std::move(head);
    };
    if constexpr (name_access<E>::in_place)
        return Result{first(), E(for_overwrite)};
    else
        return Result{first(), E()};
}

// Makes sockets and listeners from handles tsock itself just made (accept,
// socketpair, a mode change), through their private constructor.
struct socket_access {
    template <class S, class Mode>
    static S make(native_handle_type h, const Mode& mode) noexcept
    {
        return S(h, mode);
    }
    template <class S, class Mode>
    static S make(for_overwrite_t, const Mode& mode) noexcept
    {
        return S(for_overwrite, mode);
    }
    // The handle a socket or listener owns, for a call that fills in one
    // made without (accept).
    template <class S>
    static native_handle_type& handle(S& s) noexcept
    {
        return s.handle_;
    }
    // Runs op as the socket's mode says (socket_base::perform), for calls
    // written outside the class (send_msg, recv_msg in tsock/message.hpp).
    template <class S, class Op>
    static void perform(const S& s, short events, status& st, Op op) noexcept
    {
        s.perform(events, st, op);
    }
};

// Does a call with these arguments leave out the value a stateful mode
// (the timeout's duration) needs? Then a refused overload says so.
template <class Mode, class... Args>
concept mode_missing =
    !std::default_initializable<Mode> &&
    ((!std::is_convertible_v<Args, Mode> || std::is_arithmetic_v<std::remove_cvref_t<Args>>) && ...);

// Is E an endpoint of another family than Endpoint (an IPv6 endpoint for an
// IPv4 socket, a local one for an inet socket ...)?
template <class E, class Endpoint>
concept foreign_endpoint = endpoint<std::remove_cvref_t<E>> && !std::is_convertible_v<const E&, const Endpoint&>;

// The reasons an endpoint or a mode is refused.
#define TSOCK_REASON_FOREIGN_ENDPOINT                                                                                  \
    "this endpoint is of another address family than the socket (e.g. IPv6 for an IPv4 socket)"

// The reason a factory is refused without its mode.
#define TSOCK_REASON_MODE_VALUE "this mode needs its value: pass it, e.g. tsock::timeout{2s}, before the error_code"

// Does Family fix its AF_* value at compile time (all but inet, whose
// endpoint decides)?
template <class Family>
concept fixed_domain = requires {
    { Family::domain } -> std::convertible_to<int>;
};

// Does Mode hold a duration that timeout() reads (Python's gettimeout)?
template <class Mode>
concept has_timeout = requires(const Mode& m) {
    { m.value() } -> std::same_as<std::chrono::nanoseconds>;
};

// Does the family's endpoint type fit it? 0: yes (or it is incomplete,
// which another check reports); 1: it does not model tsock::endpoint;
// 2: its family_type is another family.
template <class Family>
constexpr int endpoint_fits() noexcept
{
    using E = typename Family::endpoint_type;
    if constexpr (!requires { sizeof(E); })
        return 0;
    else if constexpr (!endpoint<E>)
        return 1;
    else if constexpr (!std::is_same_v<family_of_t<E>, Family>)
        return 2;
    else
        return 0;
}

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
    // An error here means a family of the user's whose endpoint type does
    // not provide what tsock::endpoint asks (tsock/endpoint.hpp), or names
    // another family as its family_type.
    static_assert(endpoint_fits<Family>() != 1,
                  "the family's endpoint type does not model tsock::endpoint: see tsock/endpoint.hpp");
    static_assert(endpoint_fits<Family>() != 2,
                  "the family's endpoint type names another family as its family_type");
    // An error here means a local (AF_UNIX) socket on a platform where tsock
    // has none (Windows: no socketpair, and wine no AF_UNIX to test with).
    static_assert(has_local_sockets || !std::is_same_v<typename Family::endpoint_type, ::tsock::local_endpoint>,
                  "local (AF_UNIX) sockets are not available on this platform in tsock");

    friend struct socket_access;

public:
    using family_type = Family;
    using type_policy = Type;
    using mode_type = Mode;
    using endpoint_type = typename Family::endpoint_type;
    using native_handle_type = detail::native_handle_type;

    socket_base(const socket_base&) = delete;
    socket_base& operator=(const socket_base&) = delete;

    // socket(2) of this family and type (CLOEXEC; NONBLOCK when the mode
    // wants it). The inet family is opened for an endpoint instead.
    static Derived open()
        requires fixed_domain<Family> && std::default_initializable<Mode>
    {
        return open(Mode{});
    }
    static Derived open(Mode mode)
        requires fixed_domain<Family>
    {
        status s = 0;
        const auto h = open_socket(Family::domain, Type::value, Type::protocol, Mode::nonblocking_handle, s);
        if (s) [[unlikely]]
            throw_system_error(s, "socket");
        return socket_access::make<Derived>(h, mode);
    }
    static Derived open(std::error_code& ec) noexcept
        requires fixed_domain<Family> && std::default_initializable<Mode>
    {
        return open(Mode{}, ec);
    }
    static Derived open(Mode mode, std::error_code& ec) noexcept
        requires fixed_domain<Family>
    {
        status s = 0;
        const auto h = open_socket(Family::domain, Type::value, Type::protocol, Mode::nonblocking_handle, s);
        set_system_error(ec, s);
        return s ? Derived() : socket_access::make<Derived>(h, mode);
    }
    // An error here means open() of an inet socket: IPv4 or IPv6 is decided
    // by the endpoint. Use open_for(endpoint).
    template <class... Args>
        requires(!fixed_domain<Family>)
    static TSOCK_REFUSED("an inet socket is IPv4 or IPv6 as its endpoint says: use open_for(endpoint)")
    open(Args&&...) TSOCK_DELETED;
    // An error here means a socket of a mode that holds a value (the
    // timeout's duration) made without one: pass it.
    template <class... Args>
        requires(fixed_domain<Family> && mode_missing<Mode, Args...>)
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) open(Args&&...) TSOCK_DELETED;

    // socket(2) of the endpoint's family (for inet: IPv4 or IPv6).
    static Derived open_for(const endpoint_type& ep)
        requires std::default_initializable<Mode>
    {
        return open_for(ep, Mode{});
    }
    static Derived open_for(const endpoint_type& ep, Mode mode)
    {
        status s = 0;
        const auto h = open_socket(domain_of(ep), Type::value, Type::protocol, Mode::nonblocking_handle, s);
        if (s) [[unlikely]]
            throw_system_error(s, "socket");
        return socket_access::make<Derived>(h, mode);
    }
    static Derived open_for(const endpoint_type& ep, std::error_code& ec) noexcept
        requires std::default_initializable<Mode>
    {
        return open_for(ep, Mode{}, ec);
    }
    static Derived open_for(const endpoint_type& ep, Mode mode, std::error_code& ec) noexcept
    {
        status s = 0;
        const auto h = open_socket(domain_of(ep), Type::value, Type::protocol, Mode::nonblocking_handle, s);
        set_system_error(ec, s);
        return s ? Derived() : socket_access::make<Derived>(h, mode);
    }
    template <class E, class... Args>
        requires(!foreign_endpoint<E, endpoint_type> && mode_missing<Mode, Args...>)
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) open_for(const E&, Args&&...) TSOCK_DELETED;
    template <class E, class... Args>
        requires foreign_endpoint<E, endpoint_type>
    static TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) open_for(const E&, Args&&...) TSOCK_DELETED;

    // Takes ownership of a native handle (Python's socket(fileno=h)), after
    // checking that it is a socket of this family and type (SO_TYPE,
    // SO_DOMAIN) and making its O_NONBLOCK (FIONBIO) what the mode needs.
    // On failure the handle stays the caller's.
    static Derived adopt(native_handle_type h)
        requires std::default_initializable<Mode>
    {
        return adopt(h, Mode{});
    }
    static Derived adopt(native_handle_type h, Mode mode)
    {
        std::error_code ec;
        auto s = adopt(h, mode, ec);
        throw_if(ec, "adopt");
        return s;
    }
    static Derived adopt(native_handle_type h, std::error_code& ec) noexcept
        requires std::default_initializable<Mode>
    {
        return adopt(h, Mode{}, ec);
    }
    static Derived adopt(native_handle_type h, Mode mode, std::error_code& ec) noexcept
    {
        status s = check_adoptable(h);
        if (!s)
            s = match_nonblocking(h, Mode::nonblocking_handle);
        set_error(ec, s);
        return s ? Derived() : socket_access::make<Derived>(h, mode);
    }
    template <class... Args>
        requires mode_missing<Mode, Args...>
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) adopt(native_handle_type, Args&&...) TSOCK_DELETED;

    // Python's fromfd: adopts a duplicate of h (h stays the caller's, open).
    static Derived adopt_duplicate(native_handle_type h)
        requires std::default_initializable<Mode>
    {
        return adopt_duplicate(h, Mode{});
    }
    static Derived adopt_duplicate(native_handle_type h, Mode mode)
    {
        std::error_code ec;
        auto s = adopt_duplicate(h, mode, ec);
        throw_if(ec, "adopt_duplicate");
        return s;
    }
    static Derived adopt_duplicate(native_handle_type h, std::error_code& ec) noexcept
        requires std::default_initializable<Mode>
    {
        return adopt_duplicate(h, Mode{}, ec);
    }
    static Derived adopt_duplicate(native_handle_type h, Mode mode, std::error_code& ec) noexcept
    {
        status s = check_adoptable(h);
        native_handle_type d = invalid_handle;
        if (!s)
            d = detail::duplicate(h, s);
        if (!s) {
            s = match_nonblocking(d, Mode::nonblocking_handle);
            if (s)
                close_socket(d);
        }
        set_error(ec, s);
        return s ? Derived() : socket_access::make<Derived>(d, mode);
    }
    template <class... Args>
        requires mode_missing<Mode, Args...>
    static TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) adopt_duplicate(native_handle_type, Args&&...) TSOCK_DELETED;

    // Python's dup(): another socket object for the same socket (a new
    // descriptor, CLOEXEC), with the same mode.
    Derived duplicate() const
    {
        std::error_code ec;
        auto d = duplicate(ec);
        throw_if(ec, "duplicate");
        return d;
    }
    Derived duplicate(std::error_code& ec) const noexcept
    {
        status s = 0;
        const auto d = detail::duplicate(handle_, s);
        set_system_error(ec, s);
        return s ? Derived() : socket_access::make<Derived>(d, mode_);
    }

    bool is_open() const noexcept { return handle_ != invalid_handle; }
    // Python's fileno().
    native_handle_type native_handle() const noexcept { return handle_; }
    // Gives the handle up: the object no longer closes it.
    native_handle_type release() noexcept { return std::exchange(handle_, invalid_handle); }

    // close(2); a closed object may be closed again (no-op).
    void close()
    {
        std::error_code ec;
        close(ec);
        throw_if(ec, "close");
    }
    void close(std::error_code& ec) noexcept
    {
        set_system_error(ec, is_open() ? close_socket(release()) : 0);
    }

    // bind(2) to a local endpoint.
    void bind(const endpoint_type& ep)
    {
        std::error_code ec;
        bind(ep, ec);
        throw_if(ec, "bind");
    }
    void bind(const endpoint_type& ep, std::error_code& ec) noexcept
    {
        const auto native = ep.to_native();
        set_system_error(ec, detail::bind(handle_, reinterpret_cast<const ::sockaddr*>(&native), ep.native_size()));
    }
    template <class E, class... Args>
        requires foreign_endpoint<E, endpoint_type>
    TSOCK_REFUSED(TSOCK_REASON_FOREIGN_ENDPOINT) bind(const E&, Args&&...) TSOCK_DELETED;

    // getsockname(2).
    endpoint_type local_endpoint() const
    {
        std::error_code ec;
        auto ep = local_endpoint(ec);
        throw_if(ec, "local_endpoint");
        return ep;
    }
    endpoint_type local_endpoint(std::error_code& ec) const noexcept
    {
        typename endpoint_type::native_type native{};
        ::socklen_t len = sizeof native;
        set_system_error(ec, local_name(handle_, reinterpret_cast<::sockaddr*>(&native), &len));
        if (ec)
            return endpoint_type();
        return endpoint_type::from_native(reinterpret_cast<const ::sockaddr*>(&native), len, ec);
    }

    // setsockopt(2) with a typed option. Only options that apply to this
    // socket's family and type and can be set exist for it.
    template <class O>
        requires settable_option_for<O, Family, Type>
    void set(const O& option)
    {
        std::error_code ec;
        set(option, ec);
        throw_if(ec, "setsockopt");
    }
    template <class O>
        requires settable_option_for<O, Family, Type>
    void set(const O& option, std::error_code& ec) noexcept
    {
        set_system_error(ec, set_option(handle_, O::level, O::name, option.data(), option.size()));
    }
    // An error here means set() was given something that is not a socket
    // option (see tsock/options.hpp, or raw_option<Level, Name, T>).
    template <class O, class... Args>
        requires(!socket_option<O>)
    TSOCK_REFUSED("set takes a socket option: tsock::options::..., or raw_option<Level, Name, T>")
    set(const O&, Args&&...) TSOCK_DELETED;
    // An error here means an option this platform lacks (Option::available
    // is false): reuse_port on Windows, exclusive_address_use outside it, a
    // Linux option elsewhere. Test Option::available with if constexpr.
    template <class O, class... Args>
        requires(socket_option<O> && !detail::option_available<O>())
    TSOCK_REFUSED("this option is not available on this platform")
    set(const O&, Args&&...) TSOCK_DELETED;
    // An error here means a read-only option (error, type, peer credentials ...).
    template <class O, class... Args>
        requires(socket_option<O> && detail::option_available<O>() && !O::settable)
    TSOCK_REFUSED("this option is read-only: read it with get<Option>()")
    set(const O&, Args&&...) TSOCK_DELETED;
    // An error here means an option of another protocol or family: a TCP
    // option on a datagram socket, broadcast on a stream, an IPv6 option on
    // IPv4 ... (raw_option<Level, Name, T> is the way around).
    template <class O, class... Args>
        requires(socket_option<O> && detail::option_available<O>() && O::settable &&
                 !O::template applies_to<Family, Type>)
    TSOCK_REFUSED("this option does not apply to this family and socket type")
    set(const O&, Args&&...) TSOCK_DELETED;

    // getsockopt(2) with a typed option: its value (bool, int, a duration,
    // ...). Only options that apply and can be read exist for it.
    template <class O>
        requires gettable_option_for<O, Family, Type>
    typename O::value_type get() const
    {
        std::error_code ec;
        auto value = get<O>(ec);
        throw_if(ec, "getsockopt");
        return value;
    }
    template <class O>
        requires gettable_option_for<O, Family, Type>
    typename O::value_type get(std::error_code& ec) const noexcept
    {
        O option;
        ::socklen_t len = option.capacity();
        set_system_error(ec, get_option(handle_, O::level, O::name, option.data(), &len));
        if (!ec)
            option.resize(len, ec);
        return ec ? typename O::value_type() : option.value();
    }
    template <class O, class... Args>
        requires(!socket_option<O>)
    TSOCK_REFUSED("get<O>() takes a socket option: tsock::options::..., or raw_option<Level, Name, T>")
    get(Args&&...) const TSOCK_DELETED;
    // An error here means an option this platform lacks (see set).
    template <class O, class... Args>
        requires(socket_option<O> && !detail::option_available<O>())
    TSOCK_REFUSED("this option is not available on this platform")
    get(Args&&...) const TSOCK_DELETED;
    // An error here means a write-only option (join_group, leave_group).
    template <class O, class... Args>
        requires(socket_option<O> && detail::option_available<O>() && !O::gettable)
    TSOCK_REFUSED("this option is write-only: set it with set(option)")
    get(Args&&...) const TSOCK_DELETED;
    template <class O, class... Args>
        requires(socket_option<O> && detail::option_available<O>() && O::gettable &&
                 !O::template applies_to<Family, Type>)
    TSOCK_REFUSED("this option does not apply to this family and socket type")
    get(Args&&...) const TSOCK_DELETED;

    // The mode's value: Python's gettimeout, for the timeout mode.
    std::chrono::nanoseconds timeout() const noexcept
        requires has_timeout<Mode>
    {
        return mode_.value();
    }
    // Python's settimeout, for a socket already in the timeout mode.
    void timeout(const Mode& mode) noexcept
        requires has_timeout<Mode>
    {
        mode_ = mode;
    }
    // An error here means timeout() on a blocking or non_blocking socket.
    template <class... Args>
        requires(!has_timeout<Mode>)
    TSOCK_REFUSED("only a timeout-mode socket has a timeout: std::move(s).with_mode(tsock::timeout{2s}) makes one")
    timeout(Args&&...) const TSOCK_DELETED;

    // The mode this socket runs its calls in.
    const Mode& mode() const noexcept { return mode_; }

    // Python's setblocking/settimeout as a type change: the same descriptor
    // as a socket of another mode (one ioctl, FIONBIO, when the descriptor's
    // O_NONBLOCK changes; none otherwise). On failure this socket keeps it.
    template <blocking_mode NewMode>
        requires std::default_initializable<NewMode>
    auto with_mode() &&
    {
        return std::move(*this).with_mode(NewMode{});
    }
    template <blocking_mode NewMode>
    auto with_mode(NewMode mode) &&
    {
        std::error_code ec;
        auto s = std::move(*this).with_mode(mode, ec);
        throw_if(ec, "with_mode");
        return s;
    }
    template <blocking_mode NewMode>
        requires std::default_initializable<NewMode>
    auto with_mode(std::error_code& ec) && noexcept
    {
        return std::move(*this).with_mode(NewMode{}, ec);
    }
    template <blocking_mode NewMode>
    auto with_mode(NewMode mode, std::error_code& ec) && noexcept
    {
        using result = typename Derived::template rebind_mode<NewMode>;
        status s = 0;
        if constexpr (NewMode::nonblocking_handle != Mode::nonblocking_handle)
            s = set_nonblocking(handle_, NewMode::nonblocking_handle);
        set_system_error(ec, s);
        return s ? result() : socket_access::make<result>(release(), mode);
    }
    template <blocking_mode NewMode, class... Args>
        requires mode_missing<NewMode, Args...>
    TSOCK_REFUSED(TSOCK_REASON_MODE_VALUE) with_mode(Args&&...) && TSOCK_DELETED;

protected:
    socket_base() noexcept : handle_(invalid_handle), mode_(closed_mode<Mode>()) {}
    socket_base(native_handle_type h, const Mode& mode) noexcept : handle_(h), mode_(mode) {}
    // A socket whose handle the next call writes before anything reads it
    // (accept's result, built in the caller's object: no store of
    // invalid_handle that the call's own store then replaces).
    socket_base(for_overwrite_t, const Mode& mode) noexcept : mode_(mode) {}
    socket_base(socket_base&& other) noexcept : handle_(other.release()), mode_(other.mode_) {}
    socket_base& operator=(socket_base&& other) noexcept
    {
        if (this != &other) {
            if (is_open())
                (void)close_socket(handle_);
            handle_ = other.release();
            mode_ = other.mode_;
        }
        return *this;
    }
    // Closes the handle, ignoring close's error (no std::error_code built).
    ~socket_base()
    {
        if (is_open())
            (void)close_socket(handle_);
    }

    // The mode's result R {head, endpoint} of a call that fills it in
    // place (recv_from, accept: the system writes the peer's name into the
    // result's endpoint); fill(r) makes the call and returns its status.
    // tsock's waiting modes return r itself, built in the caller's object
    // (the named return value): a copy of what the kernel wrote would cost
    // more than the call's own checks. Other modes: their finish_or_throw.
    template <class R, class Head, class Fill>
    TSOCK_ALWAYS_INLINE static typename Mode::template result<R> fill_or_throw(Head head, Fill fill, const char* what)
    {
        R r = blank_result<R, endpoint_type>(std::move(head));
        const status s = fill(r);
        if constexpr (std::is_base_of_v<value_results, Mode>) {
            if (s) [[unlikely]]
                throw_status(s, what);
            return r;
        } else {
            return Mode::template finish_or_throw<R>(std::move(r), s, what);
        }
    }
    // The same for the std::error_code forms (a failed call: R{}, ec set).
    template <class R, class Head, class Fill>
    TSOCK_ALWAYS_INLINE static typename Mode::template result<R> fill_or_set(Head head, Fill fill,
                                                                            std::error_code& ec) noexcept
    {
        R r = blank_result<R, endpoint_type>(std::move(head));
        const status s = fill(r);
        if constexpr (std::is_base_of_v<value_results, Mode>) {
            set_error(ec, s);
            if (s) [[unlikely]]
                r = R();
            return r;
        } else {
            return Mode::template finish<R>(std::move(r), s, ec);
        }
    }

    // Runs op (the system call: returns 0 or its status) as the mode says,
    // under a call state of its own. s: 0 or why it failed. An op may leave
    // EINTR to this loop (then one loop, not two: see perform_all). When op
    // fails only with system errors (0 or errno, never a tsock::error) and
    // the mode adds none (see mode_adds_errors), the optimiser is told so,
    // and the caller's conversion of s leaves the tsock::error branch out.
    template <class Op>
    TSOCK_ALWAYS_INLINE void perform(short events, status& s, Op op) const noexcept
    {
        auto c = mode_.begin(s);
        if (s) [[unlikely]]
            return;
        for (;;) {
            s = op();
            if (!s) [[likely]]
                return;
            if (interrupted(s))
                continue;
            if (!mode_.wait(c, handle_, events, s))
                break;
        }
        if constexpr (!mode_adds_errors)
            s = system_only(s);
    }

    // Runs op (one send or recv of the bytes from done to size, EINTR not
    // retried: how many moved, or -1 with the error in last_status()) until
    // done reaches size, under one call state (one deadline for the whole
    // send_all). 0, or why it stopped; Receiving: 0 bytes is the peer's end,
    // error::end_of_stream. One loop, as a C programmer writes it: the
    // system call, then the checks; EINTR goes round again, and the mode's
    // wait comes only on a failure. (With op retrying EINTR itself, the
    // compiler keeps two loops, and moves each call's arguments twice.)
    template <bool Receiving, class Op>
    TSOCK_ALWAYS_INLINE status perform_all(short events, std::size_t size, std::size_t& done, Op op) const noexcept
    {
        status s = 0;
        auto c = mode_.begin(s);
        if (s) [[unlikely]]
            return s;
        while (done != size) {
            const auto r = op();
            if (r < 0) [[unlikely]] {
                s = last_status();
                if (interrupted(s))
                    continue;
                if (!mode_.wait(c, handle_, events, s))
                    return s;
                continue;
            }
            if constexpr (Receiving) {
                if (r == 0) [[unlikely]]
                    return status_of(error::end_of_stream);
            }
            done += std::size_t(r);
        }
        return 0;
    }

    // Does the mode fail calls with tsock::error values of its own (the
    // timeout mode's timed_out and negative_duration; a user's mode may)?
    // The blocking and non_blocking modes add none: a call that fails only
    // with the system's errors and its mode's then converts its status with
    // no tsock::error branch, and a program of such calls does not link
    // tsock's error category.
    static constexpr bool mode_adds_errors =
        !std::is_same_v<Mode, blocking> && !std::is_same_v<Mode, non_blocking>;
    // ec = the error of such a call's status, or cleared.
    TSOCK_ALWAYS_INLINE static void set_call_error(std::error_code& ec, status s) noexcept
    {
        if constexpr (mode_adds_errors)
            set_error(ec, s);
        else
            set_system_error(ec, s);
    }
    // Throws the error of such a call's failed status.
    [[noreturn]] TSOCK_ALWAYS_INLINE static void throw_call_error(status s, const char* what)
    {
        if constexpr (mode_adds_errors)
            throw_status(s, what);
        else
            throw_system_error(s, what);
    }

    // Is h a socket of this family and type? 0, or why not.
    static status check_adoptable(native_handle_type h) noexcept
    {
        int value = 0;
        ::socklen_t len = sizeof value;
        if (const status s = get_option(h, SOL_SOCKET, SO_TYPE, &value, &len))
            return s;
        if (value != Type::value)
            return status_of(error::type_mismatch);
        status s = 0;
        const int domain = socket_domain(h, s);
        if (s)
            return s;
        bool family_ok = false;
        if constexpr (fixed_domain<Family>)
            family_ok = domain == Family::domain;
        else
            family_ok = domain == AF_INET || domain == AF_INET6;
        return family_ok ? 0 : status_of(error::family_mismatch);
    }

    native_handle_type handle_; // every constructor sets it (for_overwrite: the call that follows)
    [[no_unique_address]] Mode mode_;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_SOCKET_BASE_HPP
