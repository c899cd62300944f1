// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_FAMILY_OF_HPP
#define TSOCK_DETAIL_FAMILY_OF_HPP

// family_of_t<Endpoint>: the family policy whose endpoint_type is Endpoint,
// for the functions that take an endpoint and make a socket for it.

#include <tsock/family.hpp>

#include <type_traits>

namespace tsock::detail {

template <class Endpoint>
struct family_of {};
template <>
struct family_of<ipv4_endpoint> {
    using type = ipv4;
};
template <>
struct family_of<ipv6_endpoint> {
    using type = ipv6;
};
template <>
struct family_of<inet_endpoint> {
    using type = inet;
};
template <>
struct family_of<local_endpoint> {
    using type = local;
};

template <class Endpoint>
using family_of_t = typename family_of<std::remove_cvref_t<Endpoint>>::type;

} // namespace tsock::detail

#endif // TSOCK_DETAIL_FAMILY_OF_HPP
