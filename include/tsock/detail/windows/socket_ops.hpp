// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP
#define TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP

// An error here means a program uses tsock's sockets on Windows: only the
// addresses, byte order and errors are ported there yet.
#error "tsock: sockets are not yet implemented on Windows (addresses and byte order are)"

#endif // TSOCK_DETAIL_WINDOWS_SOCKET_OPS_HPP
