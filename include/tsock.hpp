// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_HPP
#define TSOCK_HPP

// Everything public in tsock.

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/byte_order.hpp>
#include <tsock/config.hpp>
#include <tsock/error.hpp>
#include <tsock/family.hpp>
#include <tsock/inet.hpp>

#endif // TSOCK_HPP
