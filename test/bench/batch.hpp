// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// bench_batch's harness (see batch.cpp): what tsock's and raw's rounds
// share. Each has a translation unit of its own (as bench_workloads has:
// see workloads.hpp); this header includes system headers only.

#ifndef TSOCK_BENCH_BATCH_HPP
#define TSOCK_BENCH_BATCH_HPP

#include <cstddef>
#include <cstdint>

namespace bench::batch {

constexpr std::size_t datagram_size = 64;
constexpr std::size_t batch_size = 32;

// A receiver bound to 127.0.0.1 (port 0): its descriptor and port (network
// order), made with raw calls, the same for both implementations.
struct receiver {
    int fd;
    std::uint16_t port;
};
receiver open_receiver();
// Takes whatever has arrived (recvmmsg, MSG_DONTWAIT), so that the
// receiver's buffer never fills: the same raw calls for both.
void drain(int fd);
[[noreturn]] void fail(const char* what);

// Each implementation's run: count rounds of the workload, each round 32
// datagrams of 64 bytes to the receiver ("loop": 32 send_to; "batch": one
// send_many or sendmmsg of 32), the receiver drained after each round
// (receiver_fd -1: not drained, for the timed runs, which count the sending
// side only).
namespace tsock_impl {
void run(bool batch, int port, int receiver_fd, std::uint64_t count);
}
namespace raw_impl {
void run(bool batch, int port, int receiver_fd, std::uint64_t count);
}

} // namespace bench::batch

#endif // TSOCK_BENCH_BATCH_HPP
