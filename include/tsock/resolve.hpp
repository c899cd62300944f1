// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_RESOLVE_HPP
#define TSOCK_RESOLVE_HPP

// resolve<Family, Type>(host, service): getaddrinfo, typed. The family and
// type policies become ai_family, ai_socktype and ai_protocol; the results
// are a range of the family's endpoints (inet: IPv4 and IPv6 endpoints, in the
// system's order). Bad names are refused before the lookup (never truncated).

#include <tsock/detail/name_checks.hpp>
#include <tsock/detail/owned_list.hpp>
#include <tsock/detail/throw_error.hpp>
#include <tsock/family.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/port_number.hpp>
#include <tsock/resolver_error.hpp>
#include <tsock/socket_type.hpp>

#include <cerrno>
#include <concepts>
#include <cstddef>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>

namespace tsock {

// getaddrinfo's AI_* flags, typed.
enum class resolve_flags : int {
    none = 0,
    passive = AI_PASSIVE,                 // for bind: an empty host is the wildcard address
    canonical_name = AI_CANONNAME,        // ask for the canonical name (canonical_name())
    numeric_host = AI_NUMERICHOST,        // the host is an address: never ask a name server
    numeric_service = AI_NUMERICSERV,     // the service is a port number: no services lookup
    v4_mapped = AI_V4MAPPED,              // ipv6 family: IPv4 addresses as ::ffff:a.b.c.d
    all = AI_ALL,                         // with v4_mapped: IPv6 and mapped IPv4 addresses
    address_configured = AI_ADDRCONFIG,   // only families this host has an address of
};

constexpr resolve_flags operator|(resolve_flags a, resolve_flags b) noexcept { return resolve_flags(int(a) | int(b)); }
constexpr resolve_flags operator&(resolve_flags a, resolve_flags b) noexcept { return resolve_flags(int(a) & int(b)); }
constexpr bool has(resolve_flags set, resolve_flags flag) noexcept { return (int(set) & int(flag)) == int(flag); }

// What getaddrinfo found: a range of Endpoint (converted from each sockaddr
// as it is read). Owns the addrinfo list (freed once); move-only and as
// cheap to move as a pointer.
template <class Endpoint>
class resolve_results {
    struct free_list {
        void operator()(::addrinfo* list) const noexcept { ::freeaddrinfo(list); }
    };

public:
    class iterator {
    public:
        using iterator_concept = std::forward_iterator_tag;
        using iterator_category = std::input_iterator_tag; // operator* returns a value
        using value_type = Endpoint;
        using difference_type = std::ptrdiff_t;

        iterator() noexcept = default;
        // The endpoint of this entry. The C library wrote it for the family
        // asked for; a malformed one would throw std::system_error.
        Endpoint operator*() const { return Endpoint::from_native(entry_->ai_addr, entry_->ai_addrlen); }
        iterator& operator++() noexcept
        {
            entry_ = entry_->ai_next;
            return *this;
        }
        iterator operator++(int) noexcept
        {
            auto old = *this;
            ++*this;
            return old;
        }
        friend bool operator==(iterator, iterator) noexcept = default;
        // The addrinfo entry itself (socket type, protocol, flags).
        const ::addrinfo& native() const noexcept { return *entry_; }

    private:
        friend class resolve_results;
        explicit iterator(const ::addrinfo* entry) noexcept : entry_(entry) {}
        const ::addrinfo* entry_ = nullptr;
    };

    resolve_results() noexcept = default;
    explicit resolve_results(::addrinfo* list) noexcept : list_(list) {}

    iterator begin() const noexcept { return iterator(list_.get()); }
    iterator end() const noexcept { return iterator(); }
    bool empty() const noexcept { return !list_; }
    std::size_t size() const noexcept { return std::size_t(std::distance(begin(), end())); }
    Endpoint front() const { return *begin(); }

    // The canonical name, when resolve_flags::canonical_name asked for it;
    // empty otherwise.
    std::string_view canonical_name() const noexcept
    {
        const ::addrinfo* first = list_.get();
        return first && first->ai_canonname ? std::string_view(first->ai_canonname) : std::string_view();
    }

private:
    detail::owned_list<::addrinfo, free_list> list_;
};

namespace detail {

inline ::addrinfo* get_address_info(std::string_view host, std::string_view service, int family, int type,
                                    int protocol, resolve_flags flags, std::error_code& ec) noexcept
{
    ec.clear();
    check_host(host, has(flags, resolve_flags::passive), ec);
    if (!ec)
        check_service(service, ec);
    if (ec)
        return nullptr;
    ::addrinfo hints{};
    hints.ai_family = family;
    hints.ai_socktype = type;
    hints.ai_protocol = protocol;
    hints.ai_flags = int(flags);
    // Both strings must be NUL-terminated: copy them (names are short).
    char host_text[max_name_length + 2] = {};
    char service_text[max_name_length + 2] = {};
    if (service.size() > max_name_length)
        return ec = make_error_code(error::service_not_found), nullptr;
    host.copy(host_text, host.size());
    service.copy(service_text, service.size());
    if (const int r = start_sockets(); r != 0) // getaddrinfo needs Winsock started
        return ec = socket_error(r), nullptr;
    ::addrinfo* list = nullptr;
    errno = 0;
    const int r = ::getaddrinfo(host.empty() ? nullptr : host_text, service.empty() ? nullptr : service_text, &hints,
                                &list);
    ec = resolver_code(r, errno);
    return ec ? nullptr : list;
}

template <class Family, class Type>
constexpr void check_resolvable() noexcept
{
    // An error here means resolve<local, ...>: names of local sockets are
    // paths, not host names; make a local_endpoint instead.
    static_assert(Family::is_ip, "resolve looks up IP hosts: a non-IP family has no resolver");
    static_assert(Family::template supports<Type>, "this address family has no sockets of this socket type");
}

} // namespace detail

// What resolve takes as a service: text ("http", "8080"), anything that
// converts to std::string_view except an integer. An integer is a port
// number: resolve<ipv4>(host, 0) is port 0, not a null pointer made text.
template <class S>
concept service_text = std::convertible_to<const S&, std::string_view> && !std::integral<S>;

// getaddrinfo(host, service) for this family and type. An empty host is the
// wildcard address with resolve_flags::passive, and an error (empty_host)
// without it; an empty service is port 0. A service that starts with a digit,
// a sign or a blank must be decimal digits up to 65535 (error::bad_service,
// error::port_out_of_range): glibc would read "+80", " 80" and "65616" as port
// 80. Sets ec (resolver_category, or a tsock::error for a name refused before
// the lookup) and returns no results on failure.
template <socket_family Family, socket_type Type = stream, service_text Service>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, const Service& service,
                                                        resolve_flags flags, std::error_code& ec) noexcept
{
    detail::check_resolvable<Family, Type>();
    return resolve_results<typename Family::endpoint_type>(detail::get_address_info(
        host, std::string_view(service), lookup_domain<Family>(), Type::value, Type::protocol, flags, ec));
}
template <socket_family Family, socket_type Type = stream, service_text Service>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, const Service& service,
                                                        std::error_code& ec) noexcept
{
    return resolve<Family, Type>(host, std::string_view(service), resolve_flags::none, ec);
}
// As above; throws std::system_error naming host and service.
template <socket_family Family, socket_type Type = stream, service_text Service>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, const Service& service,
                                                        resolve_flags flags = resolve_flags::none)
{
    const std::string_view text(service);
    std::error_code ec;
    auto results = resolve<Family, Type>(host, text, flags, ec);
    if (ec)
        detail::throw_for(ec, "resolve", {host, text});
    return results;
}

// With a port number instead of a service (a constant, checked while
// compiling, a std::uint16_t, or port_number::checked(n)): numeric_service is
// implied.
template <socket_family Family, socket_type Type = stream>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, port_number port, resolve_flags flags,
                                                        std::error_code& ec) noexcept
{
    char digits[8] = {};
    const auto text = detail::port_digits(port.value(), digits);
    return resolve<Family, Type>(host, text, flags | resolve_flags::numeric_service, ec);
}
template <socket_family Family, socket_type Type = stream>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, port_number port,
                                                        std::error_code& ec) noexcept
{
    return resolve<Family, Type>(host, port, resolve_flags::none, ec);
}
template <socket_family Family, socket_type Type = stream>
resolve_results<typename Family::endpoint_type> resolve(std::string_view host, port_number port,
                                                        resolve_flags flags = resolve_flags::none)
{
    std::error_code ec;
    auto results = resolve<Family, Type>(host, port, flags, ec);
    if (ec)
        detail::throw_for(ec, "resolve", {host, std::to_string(port.value())});
    return results;
}

} // namespace tsock

#endif // TSOCK_RESOLVE_HPP
