// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_LOCAL_ENDPOINT_HPP
#define TSOCK_LOCAL_ENDPOINT_HPP

// local_endpoint: the name of an AF_UNIX socket. Unnamed (what an unbound
// or socketpair socket reports), a filesystem path, or on Linux an abstract
// name (unix(7)), which may hold any bytes, NULs included. The name lives in
// a fixed array the size of sun_path: no heap. Construction and comparison
// are constexpr; only the conversions to and from sockaddr_un are not.

#include <tsock/detail/escape.hpp>
#include <tsock/detail/parse_faults.hpp>
#include <tsock/detail/platform.hpp>
#include <tsock/detail/sockaddr.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/error.hpp>

#include <compare>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <iosfwd>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <utility>

namespace tsock {

// The family policy (tsock/family.hpp) each endpoint names as its family_type.
struct local;

// The address of an AF_UNIX socket.
class local_endpoint {
public:
    using native_type = ::sockaddr_un;
    using family_type = local;
    // The AF_* value, as every endpoint has it (inet_endpoint: per value).
    static constexpr int family() noexcept { return AF_UNIX; }

    enum class kind_type : std::uint8_t {
        unnamed, // no name: an unbound socket, or one end of a socketpair
        path, // a filesystem path
        abstract, // a Linux abstract name (never produced elsewhere)
    };

    // The size of sun_path: 108 bytes on Linux and Windows, 104 on BSD and macOS.
    static constexpr std::size_t capacity = sizeof(native_type::sun_path);
    // Linux binds a path that fills sun_path with no NUL (unix(7)): 108 bytes.
    // It adds the NUL in its own copy, so getsockname and the like report it
    // with length sizeof(sockaddr_un) + 1, which from_native takes.
    // Elsewhere a path needs its terminating NUL inside sun_path.
    static constexpr std::size_t max_path_length = detail::local_path_fills_sun_path ? capacity : capacity - 1;
    // An abstract name (Linux only) follows its leading NUL: 107 bytes.
    static constexpr std::size_t max_abstract_length = capacity - 1;

    // Unnamed.
    constexpr local_endpoint() noexcept = default;

    // A filesystem path, as bind and connect take it. Throws std::system_error
    // with error::empty_address when p is empty, error::address_too_long when
    // it is longer than max_path_length (108 bytes on Linux, where sun_path
    // need not hold the NUL; 103 on BSD and macOS, 107 on Windows), or
    // error::invalid_character when it holds a NUL.
    static constexpr local_endpoint path(std::string_view p)
    {
        const auto r = check_path(p);
        if (r.code != error{}) {
            if (std::is_constant_evaluated())
                detail::local_path_fault(r.code)(); // the compile error names the fault
            detail::throw_parse_error("local socket path", p, r.code, r.where);
        }
        return local_endpoint(kind_type::path, p);
    }
    // As path(p); on failure sets ec and returns an unnamed endpoint.
    static local_endpoint path(std::string_view p, std::error_code& ec) noexcept
    {
        const auto r = check_path(p);
        ec = r.code == error{} ? std::error_code() : make_error_code(r.code);
        return r.code == error{} ? local_endpoint(kind_type::path, p) : local_endpoint();
    }

    // A Linux abstract name: any bytes (NULs too, and none), without the
    // leading NUL that marks it in sun_path. Throws std::system_error with
    // error::address_too_long when it is longer than max_abstract_length.
    // Elsewhere a compile error. (Abstract_names is for that static_assert
    // only: do not give it.)
    template <bool Abstract_names = detail::has_abstract_local_names>
    static constexpr local_endpoint abstract(std::string_view name)
    {
        // An error here means abstract local names were asked for on a
        // platform other than Linux: only Linux has them. Use path.
        static_assert(Abstract_names, "abstract local socket names exist on Linux only; use local_endpoint::path");
        if (name.size() > max_abstract_length) {
            if (std::is_constant_evaluated())
                detail::abstract_local_name_does_not_fit_sun_path(); // the compile error names the fault
            detail::throw_parse_error("abstract local socket name", name, error::address_too_long, max_abstract_length);
        }
        return local_endpoint(kind_type::abstract, name);
    }
    // As abstract(name); on failure sets ec and returns an unnamed endpoint.
    template <bool Abstract_names = detail::has_abstract_local_names>
    static local_endpoint abstract(std::string_view name, std::error_code& ec) noexcept
    {
        static_assert(Abstract_names, "abstract local socket names exist on Linux only; use local_endpoint::path");
        if (name.size() > max_abstract_length) {
            ec = make_error_code(error::address_too_long);
            return {};
        }
        ec.clear();
        return local_endpoint(kind_type::abstract, name);
    }

    constexpr kind_type kind() const noexcept { return kind_; }
    // The path or abstract name (without its leading NUL); empty when unnamed.
    constexpr std::string_view name() const noexcept { return {bytes_, size_}; }

    // The path itself; "@name" for an abstract name, with NULs, other
    // non-printable bytes and '\' shown as \xNN (the convention of ss and
    // netstat; note that a relative path may begin with '@' as well); ""
    // when unnamed.
    std::string to_string() const
    {
        if (kind_ != kind_type::abstract)
            return std::string(name());
        std::string out = "@";
        detail::append_escaped(out, name());
        return out;
    }

    // The sockaddr_un for bind and connect: the family, then the path and
    // its NUL (none when the path fills sun_path), or a NUL and the abstract
    // name; the rest zero.
    native_type to_native() const noexcept
    {
        native_type sa;
        std::memset(&sa, 0, sizeof sa);
        detail::set_sockaddr_length(sa, native_size());
        sa.sun_family = static_cast<decltype(sa.sun_family)>(AF_UNIX);
        const std::size_t start = kind_ == kind_type::abstract ? 1 : 0;
        std::memcpy(sa.sun_path + start, bytes_, size_);
        return sa;
    }
    // The length argument that goes with to_native(), as unix(7) gives it:
    // offsetof(sockaddr_un, sun_path) plus the path and its NUL (a path that
    // fills sun_path: sizeof(sockaddr_un), no NUL), or plus the leading NUL
    // and the abstract name; just the family when unnamed.
    constexpr ::socklen_t native_size() const noexcept
    {
        std::size_t extra = 0;
        if (kind_ == kind_type::path)
            extra = size_ == capacity ? capacity : std::size_t(size_) + 1;
        else if (kind_ == kind_type::abstract)
            extra = std::size_t(size_) + 1;
        return static_cast<::socklen_t>(path_offset + extra);
    }

    // From what getsockname, getpeername, accept or recvfrom filled in, with
    // the length they returned (the bytes at sa that are valid: nothing past
    // them, nor past a sockaddr_un, is read). As unix(7) describes: length
    // equal to offsetof(sockaddr_un, sun_path) is unnamed; on Linux a
    // sun_path starting with NUL is an abstract name of exactly the rest of
    // length; otherwise a path, up to its NUL or to length, whichever comes
    // first. On Linux a path may fill sun_path with no NUL, and length may
    // then be sizeof(sockaddr_un) + 1 (the NUL the kernel added, which is not
    // read). Sets ec to error::bad_endpoint when sa is not AF_UNIX or length
    // does not reach sun_path, and to error::address_too_long when the name
    // does not fit (a length beyond that: the kernel truncated it; elsewhere,
    // a path with no NUL in sun_path); then returns an unnamed endpoint.
    static local_endpoint from_native(const ::sockaddr* sa, ::socklen_t length, std::error_code& ec) noexcept
    {
        local_endpoint e;
        detail::set_endpoint_error(ec, read_native(e, sa, length));
        return e;
    }
    // As from_native(sa, length, ec); throws std::system_error instead.
    static local_endpoint from_native(const ::sockaddr* sa, ::socklen_t length)
    {
        std::error_code ec;
        auto ep = from_native(sa, length, ec);
        if (ec)
            detail::throw_bad_endpoint("tsock::local_endpoint::from_native",
                                       ec == error::bad_endpoint ? "a local endpoint (AF_UNIX)"
                                                                 : "a name that fits sun_path",
                                       sa, length, ec);
        return ep;
    }

    friend constexpr bool operator==(const local_endpoint& a, const local_endpoint& b) noexcept
    {
        return a.kind_ == b.kind_ && a.name() == b.name();
    }
    // Unnamed, then paths, then abstract names; each by its bytes.
    friend constexpr std::strong_ordering operator<=>(const local_endpoint& a, const local_endpoint& b) noexcept
    {
        if (const auto c = a.kind_ <=> b.kind_; c != 0)
            return c;
        return a.name() <=> b.name();
    }

private:
    static constexpr std::size_t path_offset = offsetof(native_type, sun_path);

    struct check_result {
        error code{};
        std::size_t where = 0;
    };
    static constexpr check_result check_path(std::string_view p) noexcept
    {
        if (p.empty())
            return {error::empty_address, 0};
        if (p.size() > max_path_length)
            return {error::address_too_long, max_path_length};
        for (std::size_t i = 0; i != p.size(); ++i)
            if (p[i] == '\0')
                return {error::invalid_character, i};
        return {};
    }

    // Bytes before the first NUL of the n at p.
    static std::size_t path_length(const char* p, std::size_t n) noexcept
    {
        const void* nul = std::memchr(p, 0, n);
        return nul == nullptr ? n : std::size_t(static_cast<const char*>(nul) - p);
    }

    friend struct detail::read_native_access<local_endpoint>;

    // from_native's reading: into e, an unnamed endpoint (it stays so on
    // failure); error{}, or why sa is not a name.
    static error read_native(local_endpoint& e, const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        // recvfrom reports a datagram from an unbound sender with length 0
        // (Linux): no name at all, which is the unnamed endpoint.
        if (length == 0)
            return error{};
        if (const error r = check_native(sa, length); r != error{})
            return r;
        const std::size_t size = detail::sockaddr_size(length);
        const std::size_t n = (size < sizeof(native_type) ? size : sizeof(native_type)) - path_offset;
        const char* p = reinterpret_cast<const char*>(sa) + path_offset;
        if (detail::has_abstract_local_names && n != 0 && p[0] == '\0') {
            e = local_endpoint(kind_type::abstract, std::string_view(p + 1, n - 1));
        } else if (const std::size_t path_size = path_length(p, n); path_size != 0) {
            e = local_endpoint(kind_type::path, std::string_view(p, path_size));
        }
        return error{};
    }

    // What is wrong with the sockaddr, or error{}.
    static error check_native(const ::sockaddr* sa, ::socklen_t length) noexcept
    {
        const std::size_t size = detail::sockaddr_size(length);
        if (detail::sockaddr_family(sa, length) != AF_UNIX || size < path_offset)
            return error::bad_endpoint;
        const char* p = reinterpret_cast<const char*>(sa) + path_offset;
        constexpr bool full_paths = max_path_length == capacity; // Linux
        if (size <= sizeof(native_type)) {
            // Linux: an abstract name of at most capacity - 1 bytes, or a
            // path of at most capacity. Elsewhere a path needs its NUL.
            return full_paths || path_length(p, size - path_offset) < capacity ? error{} : error::address_too_long;
        }
        // Beyond a sockaddr_un the kernel truncated the name, but for a path
        // of capacity bytes that Linux reports with the NUL it added past
        // sun_path (that byte is not read).
        const bool whole_path = full_paths && size == sizeof(native_type) + 1 && p[0] != '\0' &&
                                path_length(p, capacity) == capacity;
        return whole_path ? error{} : error::address_too_long;
    }

    constexpr local_endpoint(kind_type kind, std::string_view name) noexcept
        : size_(static_cast<std::uint8_t>(name.size())), kind_(kind)
    {
        for (std::size_t i = 0; i != name.size(); ++i)
            bytes_[i] = name[i];
    }

    static_assert(capacity < 256, "sun_path is expected to be at most 255 bytes");
    char bytes_[capacity] = {};
    std::uint8_t size_ = 0;
    kind_type kind_ = kind_type::unnamed;
};

namespace detail {
// recvfrom and accept read a local_endpoint with no std::error_code built.
template <>
struct name_access<local_endpoint> : read_native_access<local_endpoint> {};
} // namespace detail

template <class CharT, class Traits>
std::basic_ostream<CharT, Traits>& operator<<(std::basic_ostream<CharT, Traits>& os, const local_endpoint& e)
{
    for (char c : e.to_string())
        os << os.widen(c);
    return os;
}

} // namespace tsock

template <> struct std::hash<tsock::local_endpoint> {
    std::size_t operator()(const tsock::local_endpoint& e) const noexcept
    {
        std::uint64_t h = 0xcbf29ce484222325ull; // FNV-1a over the kind and the name
        h = (h ^ std::uint64_t(e.kind())) * 0x100000001b3ull;
        for (char c : e.name())
            h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ull;
        return std::size_t(h);
    }
};

#endif // TSOCK_LOCAL_ENDPOINT_HPP
