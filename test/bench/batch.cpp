// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Batches of datagrams: tsock's send_many against raw sendmmsg and against a
// send_to loop, and UDP GSO against plain sends. One thread, loopback,
// blocking sockets. This file has tsock's rounds and main; batch_raw.cpp
// raw's and the harness's raw calls.
//
//   batch   a round: one send_many (raw: sendmmsg) of 32 datagrams of 64
//           bytes, each to the receiver's endpoint
//   loop    a round: the same 32 datagrams, one send_to (raw: sendto) each
// After each round the harness drains the receiver with raw recvmmsg calls,
// the same for both, and outside the round's function (send_round,
// send_loop_round), which test/bench/batch_instructions.sh counts alone.
//
//   bench_batch <tsock|raw> <batch|loop> <rounds>
//       exactly that many rounds (0: the same setup, none run)
//   bench_batch impls
//   bench_batch rate [--quick]
//       figures: 64-byte datagrams per second sent by a tsock send_to loop,
//       tsock send_many batches of 32 and raw sendmmsg batches of 32; and 1
//       MiB in 1,200-byte datagrams, plain send_to against GSO (udp::segment,
//       54 segments a send). The sending side only: the receiver is not
//       drained (the kernel drops what its buffer cannot hold). Medians of 5.

#include "batch.hpp"

#include <tsock.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <unistd.h>

namespace bench::batch::tsock_impl {

using entry = tsock::datagram_to<tsock::ipv4_endpoint>;

[[gnu::noinline]] void send_round(tsock::udp_socket& s, const std::array<entry, batch_size>& batch)
{
    if (s.send_many(batch) != batch_size) [[unlikely]]
        fail("send_many");
}

[[gnu::noinline]] void send_loop_round(tsock::udp_socket& s, const std::array<entry, batch_size>& batch)
{
    for (const entry& e : batch) {
        if (s.send_to(std::span(e.data, e.size), e.to) != e.size) [[unlikely]]
            fail("send_to");
    }
}

void run(bool batch, int port, int receiver_fd, std::uint64_t count)
{
    auto s = tsock::udp_socket::open();
    const tsock::ipv4_endpoint to(tsock::address_v4::loopback(), tsock::ntohs(std::uint16_t(port)));
    static std::array<std::array<char, datagram_size>, batch_size> payload{};
    std::array<entry, batch_size> entries;
    for (std::size_t i = 0; i != batch_size; ++i)
        entries[i] = entry(payload[i], to);
    for (std::uint64_t r = 0; r != count; ++r) {
        if (batch)
            send_round(s, entries);
        else
            send_loop_round(s, entries);
        if (receiver_fd >= 0)
            drain(receiver_fd);
    }
}

} // namespace bench::batch::tsock_impl

namespace {

using namespace bench::batch;
using clock_type = std::chrono::steady_clock;

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Datagrams per second of run(batch, ...) for rounds rounds, receiver not drained.
template <class Run>
double datagrams_per_second(Run run, bool batch, int port, std::uint64_t rounds)
{
    const auto start = clock_type::now();
    run(batch, port, -1, rounds);
    const std::chrono::duration<double> took = clock_type::now() - start;
    return double(rounds * batch_size) / took.count();
}

// MiB per second of 1 MiB in 1,200-byte datagrams, times times: plain
// send_to per datagram, or with GSO sends of up to 54 segments (64,800
// bytes: the most under UDP's 65,507-byte limit).
double mib_per_second(bool gso, int port, int times)
{
    constexpr std::size_t segment = 1200, total = 1 << 20, per_send = 54 * segment;
    static std::vector<char> data(total, 'g');
    auto s = tsock::udp_socket::open();
    if (gso)
        s.set(tsock::options::udp::segment(int(segment)));
    const tsock::ipv4_endpoint to(tsock::address_v4::loopback(), tsock::ntohs(std::uint16_t(port)));
    const std::size_t step = gso ? per_send : segment;
    const auto start = clock_type::now();
    for (int t = 0; t != times; ++t) {
        for (std::size_t done = 0; done < total; done += step) {
            const std::size_t n = std::min(step, total - done);
            if (s.send_to(std::span(data.data() + done, n), to) != n)
                fail("send_to");
        }
    }
    const std::chrono::duration<double> took = clock_type::now() - start;
    return times / took.count();
}

int rate(bool quick)
{
    const receiver r = open_receiver();
    const std::uint64_t rounds = quick ? 2000 : 20000;
    const int mib = quick ? 20 : 200;
    std::vector<double> loop, many, raw, plain, gso;
    for (int i = 0; i != 5; ++i) { // interleaved, so that a change of load hits all alike
        loop.push_back(datagrams_per_second(tsock_impl::run, false, r.port, rounds));
        many.push_back(datagrams_per_second(tsock_impl::run, true, r.port, rounds));
        raw.push_back(datagrams_per_second(raw_impl::run, true, r.port, rounds));
        plain.push_back(mib_per_second(false, r.port, mib));
        gso.push_back(mib_per_second(true, r.port, mib));
    }
    ::close(r.fd);
    const double l = median(loop), m = median(many), w = median(raw), p = median(plain), g = median(gso);
    std::printf("64-byte datagrams per second, sending side, median of 5 (%llu rounds of 32)\n",
                static_cast<unsigned long long>(rounds));
    std::printf("  tsock send_to loop        %12.0f\n", l);
    std::printf("  tsock send_many (32)      %12.0f  %.2fx the loop\n", m, m / l);
    std::printf("  raw sendmmsg (32)         %12.0f  tsock/raw %.3f\n", w, m / w);
    std::printf("1 MiB in 1,200-byte datagrams, MiB per second, median of 5 (%d MiB)\n", mib);
    std::printf("  send_to per datagram      %12.1f\n", p);
    std::printf("  GSO, 54 segments a send   %12.1f  %.2fx plain\n", g, g / p);
    return 0;
}

constexpr const char* usage_text = "usage: bench_batch <tsock|raw> <batch|loop> <rounds>\n"
                                   "       bench_batch impls\n"
                                   "       bench_batch rate [--quick]\n";

int run_exact(std::string_view impl, std::string_view workload, std::string_view count_text)
{
    if (workload != "batch" && workload != "loop")
        throw std::invalid_argument("unknown workload '" + std::string(workload) + "'");
    std::uint64_t count = 0;
    const char* const last = count_text.data() + count_text.size();
    if (const auto res = std::from_chars(count_text.data(), last, count); res.ec != std::errc() || res.ptr != last)
        throw std::invalid_argument("not a round count: '" + std::string(count_text) + "'");
    const receiver r = open_receiver();
    if (impl == "tsock")
        tsock_impl::run(workload == "batch", r.port, r.fd, count);
    else if (impl == "raw")
        raw_impl::run(workload == "batch", r.port, r.fd, count);
    else
        throw std::invalid_argument("unknown implementation '" + std::string(impl) + "'");
    ::close(r.fd);
    std::printf("%.*s %.*s: %llu rounds\n", int(impl.size()), impl.data(), int(workload.size()), workload.data(),
                static_cast<unsigned long long>(count));
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const std::string_view first = argc > 1 ? argv[1] : "";
    int status = 2;
    try {
        if (argc == 2 && first == "impls") {
            std::printf("tsock raw\n");
            return 0;
        }
        if ((argc == 2 || argc == 3) && first == "rate")
            return rate(argc == 3 && std::string_view(argv[2]) == "--quick");
        if (argc == 4)
            status = run_exact(first, argv[2], argv[3]);
    } catch (const std::invalid_argument& e) {
        std::fprintf(stderr, "bench_batch: %s\n", e.what());
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bench_batch: %s\n", e.what());
        status = 1;
    }
    if (status == 2)
        std::fputs(usage_text, stderr);
    return status;
}
