// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_HPP
#define TSOCK_HPP

// Everything public in tsock.

#include <tsock/config.hpp>

#include <tsock/address_v4.hpp>
#include <tsock/address_v6.hpp>
#include <tsock/batch.hpp>
#include <tsock/buffer.hpp>
#include <tsock/byte_order.hpp>
#include <tsock/error.hpp>
#include <tsock/family.hpp>
#include <tsock/inet.hpp>
#include <tsock/inet_endpoint.hpp>
#include <tsock/ip_endpoint.hpp>
#include <tsock/local_endpoint.hpp>
#include <tsock/message_flags.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/if_ready.hpp>
#include <tsock/mode.hpp>
#include <tsock/multicast.hpp>
#include <tsock/options.hpp>
#include <tsock/port_number.hpp>
#include <tsock/socket_option.hpp>
#include <tsock/socket_type.hpp>

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/concepts.hpp>
#include <tsock/create_connection.hpp>
#include <tsock/create_server.hpp>
#include <tsock/interfaces.hpp>
#include <tsock/poller.hpp>
#include <tsock/wait.hpp>
#include <tsock/resolve.hpp>
#include <tsock/resolver_error.hpp>

#include <tsock/host.hpp>
#include <tsock/host_entry.hpp>
#include <tsock/python.hpp>
#include <tsock/reverse_resolve.hpp>
#include <tsock/services.hpp>

// Control messages are POSIX-only so far (see README).
#if !BOOST_OS_WINDOWS
#include <tsock/message.hpp>
#endif

#endif // TSOCK_HPP
