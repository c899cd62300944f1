// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/batch.hpp>

#define BOOST_TEST_MODULE batch
#include <boost/test/unit_test.hpp>

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/options.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

// send_many, recv_many (sendmmsg/recvmmsg), UDP GSO/GRO and sendfile, on
// loopback: what arrives, in which order, from whom, and what a caller is
// told when a batch cannot go whole.

namespace {

using namespace std::literals;
using tsock::ipv4_endpoint;
using datagram = tsock::datagram_to<ipv4_endpoint>;
using received = tsock::received_datagram<ipv4_endpoint>;

const ipv4_endpoint loopback_any{tsock::address_v4::loopback(), 0};

template <class Mode = tsock::blocking>
tsock::basic_socket<tsock::ipv4, tsock::datagram, Mode> bound_udp(Mode mode = Mode{})
{
    auto s = tsock::basic_socket<tsock::ipv4, tsock::datagram, Mode>::open(mode);
    s.bind(loopback_any);
    return s;
}

// Can S batch? (send_many and recv_many are absent on stream sockets.)
template <class S>
concept can_send_many = requires(S& s, std::array<datagram, 1>& b) { s.send_many(b); };
template <class S>
concept can_recv_many = requires(S& s, std::array<std::array<char, 8>, 1>& b, std::array<received, 1>& r) {
    s.recv_many(b, r);
};
static_assert(can_send_many<tsock::udp_socket> && can_recv_many<tsock::udp_socket>);
static_assert(can_send_many<tsock::basic_socket<tsock::ipv4, tsock::datagram, tsock::non_blocking>>);
static_assert(!can_send_many<tsock::tcp_socket> && !can_recv_many<tsock::tcp_socket>);

// A temporary file holding text, removed by the destructor.
class temp_file {
public:
    explicit temp_file(std::string_view text)
    {
        char name[] = "/tmp/tsock_batch_XXXXXX";
        fd_ = ::mkstemp(name);
        BOOST_REQUIRE(fd_ >= 0);
        path_ = name;
        std::size_t done = 0;
        while (done != text.size()) {
            const auto r = ::write(fd_, text.data() + done, text.size() - done);
            BOOST_REQUIRE(r > 0);
            done += std::size_t(r);
        }
    }
    temp_file(const temp_file&) = delete;
    temp_file& operator=(const temp_file&) = delete;
    ~temp_file()
    {
        ::close(fd_);
        ::unlink(path_.c_str());
    }
    int fd() const { return fd_; }
    const std::string& path() const { return path_; }

private:
    int fd_ = -1;
    std::string path_;
};

std::string pattern(std::size_t size)
{
    std::string s(size, '\0');
    for (std::size_t i = 0; i != size; ++i)
        s[i] = char('a' + (i * 7 + i / 251) % 26);
    return s;
}

// Receives into buffers and results with recv_many until want datagrams
// arrived or a few calls passed (loopback delivers at once; the bound only
// keeps a broken test from hanging): how many arrived.
template <class S, class Buffers, class Results>
std::size_t recv_until(S& s, Buffers& buffers, Results& results, std::size_t want)
{
    std::size_t got = 0;
    for (int call = 0; call != 10 && got != want; ++call)
        got += s.recv_many(std::span(buffers).subspan(got), std::span(results).subspan(got));
    return got;
}

} // namespace

BOOST_AUTO_TEST_CASE(send_many_then_recv_many_in_order_with_senders)
{
    auto a = bound_udp();
    auto b = bound_udp();
    const auto to = b.local_endpoint();
    const std::array<std::string, 5> texts = {"one", "two", "three", "four", "five!"};
    std::vector<datagram> out;
    for (const auto& t : texts)
        out.emplace_back(t, to);
    BOOST_TEST(a.send_many(out) == texts.size());

    std::array<std::array<char, 16>, 8> buffers{};
    std::array<received, 8> in{};
    const std::size_t got = recv_until(b, buffers, in, texts.size());
    BOOST_TEST_REQUIRE(got == texts.size());
    for (std::size_t i = 0; i != got; ++i) {
        BOOST_TEST(std::string_view(buffers[i].data(), in[i].size) == texts[i]);
        BOOST_TEST((in[i].sender == a.local_endpoint()));
        BOOST_TEST(!in[i].truncated());
        BOOST_TEST(!in[i].error());
    }
}

BOOST_AUTO_TEST_CASE(connected_send_many_takes_buffers)
{
    auto a = bound_udp();
    auto b = bound_udp();
    a.connect(b.local_endpoint());
    const std::array<std::string_view, 3> out = {"x"sv, "yy"sv, "zzz"sv};
    BOOST_TEST(a.send_many(out) == 3u);
    std::vector<std::vector<char>> buffers(3, std::vector<char>(8));
    std::vector<received> in(3);
    const std::size_t got = recv_until(b, buffers, in, 3);
    BOOST_TEST_REQUIRE(got == 3u);
    for (std::size_t i = 0; i != 3; ++i)
        BOOST_TEST(std::string_view(buffers[i].data(), in[i].size) == out[i]);
}

BOOST_AUTO_TEST_CASE(empty_batch_is_zero_without_a_call)
{
    auto a = bound_udp();
    std::vector<datagram> none;
    BOOST_TEST(a.send_many(none) == 0u);
    std::vector<std::array<char, 4>> no_buffers;
    std::vector<received> no_results;
    // A blocking socket with nothing to read: 0 at once, it does not wait.
    BOOST_TEST(a.recv_many(no_buffers, no_results) == 0u);
    std::array<std::array<char, 4>, 2> buffers{};
    BOOST_TEST(a.recv_many(buffers, no_results) == 0u); // no room for a result: nothing taken
}

BOOST_AUTO_TEST_CASE(longer_than_max_batch_is_split_and_says_so)
{
    auto a = bound_udp();
    auto b = bound_udp();
    b.set(tsock::options::receive_buffer_size(1 << 20));
    const auto to = b.local_endpoint();
    const std::size_t total = 1030; // more than UIO_MAXIOV (1024) as well
    std::vector<std::string> texts;
    for (std::size_t i = 0; i != total; ++i)
        texts.push_back(std::to_string(i));
    std::vector<datagram> out;
    for (const auto& t : texts)
        out.emplace_back(t, to);
    // One call sends at most max_batch; the count says where to go on.
    std::size_t sent = 0, calls = 0;
    std::vector<std::array<char, 8>> buffers(total);
    std::vector<received> in(total);
    std::size_t got = 0;
    while (sent != total && calls != 100) {
        const auto n = a.send_many(std::span(out).subspan(sent));
        BOOST_TEST_REQUIRE(n <= tsock::max_batch);
        BOOST_TEST_REQUIRE(n > 0u);
        sent += n;
        ++calls;
        // Drain as we go, so that the receive buffer never overflows.
        while (got != sent) {
            auto rb = std::span(buffers).subspan(got);
            auto rr = std::span(in).subspan(got);
            const auto m = b.recv_many(rb, rr);
            BOOST_TEST_REQUIRE(m <= tsock::max_batch);
            got += m;
        }
    }
    BOOST_TEST(sent == total);
    BOOST_TEST(calls >= (total + tsock::max_batch - 1) / tsock::max_batch);
    for (std::size_t i = 0; i != total; ++i)
        BOOST_TEST_REQUIRE(std::string_view(buffers[i].data(), in[i].size) == texts[i]);
}

BOOST_AUTO_TEST_CASE(datagram_longer_than_its_buffer_is_reported_truncated)
{
    auto a = bound_udp();
    auto b = bound_udp();
    const auto to = b.local_endpoint();
    const std::array<datagram, 3> out = {datagram("short"sv, to), datagram("far too long for it"sv, to),
                                         datagram("ok"sv, to)};
    BOOST_TEST(a.send_many(out) == 3u);
    std::array<std::array<char, 6>, 3> buffers{};
    std::array<received, 3> in{};
    const std::size_t got = recv_until(b, buffers, in, 3);
    BOOST_TEST_REQUIRE(got == 3u);
    BOOST_TEST(!in[0].truncated());
    BOOST_TEST(in[1].truncated());
    BOOST_TEST((in[1].error() == tsock::error::message_truncated));
    BOOST_TEST(in[1].size == 6u);
    BOOST_TEST(std::string_view(buffers[1].data(), 6) == "far to");
    BOOST_TEST(!in[2].truncated());
    BOOST_TEST(std::string_view(buffers[2].data(), in[2].size) == "ok");
}

BOOST_AUTO_TEST_CASE(non_blocking_recv_many_is_empty_when_none)
{
    auto b = bound_udp(tsock::non_blocking{});
    std::array<std::array<char, 8>, 4> buffers{};
    std::array<received, 4> in{};
    const auto r = b.recv_many(buffers, in);
    BOOST_TEST(!r.has_value());
    std::error_code ec;
    const auto r2 = b.recv_many(buffers, in, ec);
    BOOST_TEST(!r2.has_value());
    BOOST_TEST(!ec);

    auto a = bound_udp(tsock::non_blocking{});
    const std::array<datagram, 2> out = {datagram("p"sv, b.local_endpoint()), datagram("q"sv, b.local_endpoint())};
    const auto sent = a.send_many(out);
    BOOST_TEST_REQUIRE(sent.has_value());
    BOOST_TEST(*sent == 2u);
    std::size_t got = 0;
    for (int round = 0; round != 100 && got != 2; ++round) {
        auto rb = std::span(buffers).subspan(got);
        auto rr = std::span(in).subspan(got);
        if (const auto n = b.recv_many(rb, rr))
            got += *n;
        else
            std::this_thread::sleep_for(1ms); // not synchronisation: a bounded retry on loopback
    }
    BOOST_TEST(got == 2u);
}

BOOST_AUTO_TEST_CASE(timeout_recv_many_has_its_deadline)
{
    auto b = bound_udp(tsock::timeout{50ms});
    std::array<std::array<char, 8>, 2> buffers{};
    std::array<received, 2> in{};
    const auto start = std::chrono::steady_clock::now();
    std::error_code ec;
    const auto n = b.recv_many(buffers, in, ec);
    BOOST_TEST(n == 0u);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST((std::chrono::steady_clock::now() - start >= 40ms));

    auto a = bound_udp();
    const std::array<datagram, 1> out = {datagram("t"sv, b.local_endpoint())};
    BOOST_TEST(a.send_many(out) == 1u);
    BOOST_TEST(b.recv_many(buffers, in) == 1u);
    BOOST_TEST(in[0].size == 1u);
}

BOOST_AUTO_TEST_CASE(blocking_recv_many_waits_for_the_first)
{
    auto b = bound_udp();
    const auto to = b.local_endpoint();
    std::thread sender([to] {
        auto a = bound_udp();
        std::this_thread::sleep_for(20ms); // let the receiver block first (its result does not depend on it)
        const std::array<datagram, 1> out = {datagram("late"sv, to)};
        (void)a.send_many(out);
    });
    std::array<std::array<char, 8>, 4> buffers{};
    std::array<received, 4> in{};
    const auto n = b.recv_many(buffers, in);
    sender.join();
    BOOST_TEST(n == 1u);
    BOOST_TEST(std::string_view(buffers[0].data(), in[0].size) == "late");
}

BOOST_AUTO_TEST_CASE(send_many_error_is_reported)
{
    auto a = bound_udp();
    // An oversized datagram: the first cannot go, so the call fails.
    std::vector<char> huge(70000);
    const std::array<datagram, 1> out = {datagram(huge, ipv4_endpoint(tsock::address_v4::loopback(), 9))};
    std::error_code ec;
    BOOST_TEST(a.send_many(out, ec) == 0u);
    BOOST_TEST((ec == std::errc::message_size), ec.message());
    BOOST_CHECK_THROW((void)a.send_many(out), std::system_error);
    // One that can go first: it goes, and the count stops before the bad one.
    const std::array<datagram, 2> mixed = {datagram("fine"sv, ipv4_endpoint(tsock::address_v4::loopback(), 9)),
                                           datagram(huge, ipv4_endpoint(tsock::address_v4::loopback(), 9))};
    BOOST_TEST(a.send_many(mixed, ec) == 1u);
    BOOST_TEST(!ec);
    // The call from there says why the rest did not go.
    BOOST_TEST(a.send_many(std::span(mixed).subspan(1), ec) == 0u);
    BOOST_TEST((ec == std::errc::message_size), ec.message());
}

#if BOOST_OS_LINUX
BOOST_AUTO_TEST_CASE(gso_send_arrives_as_several_datagrams)
{
    auto a = bound_udp();
    auto b = bound_udp();
    a.set(tsock::options::udp::segment(1200));
    BOOST_TEST(a.get<tsock::options::udp::segment>() == 1200);
    const std::string data = pattern(1200 * 5 + 100); // five whole segments and a short last one
    BOOST_TEST(a.send_to(data, b.local_endpoint()) == data.size());
    std::array<std::array<char, 2048>, 8> buffers{};
    std::array<received, 8> in{};
    const std::size_t got = recv_until(b, buffers, in, 6);
    BOOST_TEST_REQUIRE(got == 6u);
    std::string joined;
    for (std::size_t i = 0; i != got; ++i) {
        BOOST_TEST(in[i].size == (i == 5 ? 100u : 1200u));
        joined.append(buffers[i].data(), in[i].size);
    }
    BOOST_TEST((joined == data));
}

// The offloads are UDP's: IP datagram sockets only.
static_assert(tsock::settable_option_for<tsock::options::udp::segment, tsock::ipv4, tsock::datagram>);
static_assert(tsock::settable_option_for<tsock::options::udp::gro, tsock::ipv6, tsock::datagram>);
static_assert(!tsock::settable_option_for<tsock::options::udp::segment, tsock::ipv4, tsock::stream>);
static_assert(!tsock::settable_option_for<tsock::options::udp::gro, tsock::local, tsock::datagram>);

BOOST_AUTO_TEST_CASE(gso_sends_a_mebibyte_in_1200_byte_datagrams)
{
    auto a = bound_udp();
    auto b = bound_udp();
    constexpr std::size_t segment = 1200, per_send = 54 * segment; // 64,800 bytes: under UDP's 65,507
    a.set(tsock::options::udp::segment(int(segment)));
    const std::string data = pattern(1 << 20);
    std::string joined;
    std::vector<std::array<char, 2048>> buffers(tsock::max_batch);
    std::vector<received> in(tsock::max_batch);
    std::size_t datagrams = 0;
    for (std::size_t done = 0; done < data.size(); done += per_send) {
        const std::string_view part = std::string_view(data).substr(done, per_send);
        BOOST_TEST_REQUIRE(a.send_to(part, b.local_endpoint()) == part.size());
        // Loopback delivers during the send: take this send's datagrams
        // before the next, so that the receive buffer never overflows.
        const std::size_t want = (part.size() + segment - 1) / segment;
        const std::size_t got = recv_until(b, buffers, in, want);
        BOOST_TEST_REQUIRE(got == want);
        for (std::size_t i = 0; i != got; ++i) {
            BOOST_TEST_REQUIRE(!in[i].truncated());
            BOOST_TEST_REQUIRE(in[i].size <= segment);
            joined.append(buffers[i].data(), in[i].size);
        }
        datagrams += got;
    }
    BOOST_TEST(datagrams == (data.size() + segment - 1) / segment); // 874
    BOOST_TEST((joined == data));
}

BOOST_AUTO_TEST_CASE(gro_option_round_trips_and_coalesces)
{
    auto a = bound_udp();
    auto b = bound_udp();
    b.set(tsock::options::udp::gro(true));
    BOOST_TEST(b.get<tsock::options::udp::gro>());
    a.set(tsock::options::udp::segment(1000));
    const std::string data = pattern(1000 * 4);
    BOOST_TEST(a.send_to(data, b.local_endpoint()) == data.size());
    // With GRO the segments may come back as one datagram (loopback keeps
    // the GSO packet whole) or as several: either way every byte, in order.
    std::string joined;
    std::array<char, 65536> buffer{};
    for (int round = 0; round != 8 && joined.size() < data.size(); ++round) {
        const auto r = b.recv_from(buffer);
        joined.append(buffer.data(), r.size);
    }
    BOOST_TEST((joined == data));
}
#endif

BOOST_AUTO_TEST_CASE(sendfile_sends_the_exact_bytes)
{
    const std::string text = pattern(300000);
    temp_file file(text);
    auto listener = tsock::tcp_listener::listen_on(loopback_any, 4);
    auto client = tsock::tcp_socket::connect_to(listener.local_endpoint());
    auto served = listener.accept();
    std::string got;
    std::thread reader([&] {
        std::array<char, 65536> buf{};
        for (;;) {
            const auto n = served.socket.recv(buf);
            if (n == 0)
                break;
            got.append(buf.data(), n);
        }
    });
    // Nothing here throws while the reader runs (it ends when client shuts down).
    std::error_code ec;
    std::size_t sent = client.sendfile(file.fd(), 0, std::size_t(-1), ec);
    BOOST_TEST(!ec);
    BOOST_TEST(sent == text.size());
    // A slice: offset and count, and the file's position is not used.
    sent = client.sendfile(file.fd(), 1000, 777, ec);
    BOOST_TEST(sent == 777u);
    // Past the end: only what is there.
    sent = client.sendfile(file.fd(), text.size() - 10, 100, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(sent == 10u);
    client.shutdown(tsock::shutdown_type::send, ec);
    reader.join();
    BOOST_TEST((got == text + text.substr(1000, 777) + text.substr(text.size() - 10)));
    BOOST_TEST(::lseek(file.fd(), 0, SEEK_CUR) == off_t(text.size())); // only write() moved it
}

BOOST_AUTO_TEST_CASE(sendfile_reports_a_bad_file)
{
    auto [a, b] = tsock::socket_pair();
    std::error_code ec;
    BOOST_TEST(a.sendfile(-1, 0, 10, ec) == 0u);
    BOOST_TEST(ec);
    BOOST_CHECK_THROW((void)a.sendfile(-1), std::system_error);
}

BOOST_AUTO_TEST_CASE(sendfile_through_a_socket_pair_non_blocking)
{
    const std::string text = pattern(5000);
    temp_file file(text);
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
    std::size_t offset = 0;
    std::string got;
    std::array<char, 8192> buf{};
    for (int round = 0; round != 1000 && got.size() != text.size(); ++round) {
        if (offset != text.size()) {
            if (const auto n = a.sendfile(file.fd(), offset, text.size() - offset))
                offset += *n;
        }
        if (const auto n = b.recv(buf))
            got.append(buf.data(), *n);
    }
    BOOST_TEST((got == text));
}

BOOST_AUTO_TEST_CASE(sendfile_in_the_timeout_mode_has_one_deadline)
{
    // Nobody reads: the socket's buffer fills, and the call fails at its
    // deadline, saying how much went before.
    const std::string text = pattern(8 << 20);
    temp_file file(text);
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{50ms});
    std::error_code ec;
    const auto start = std::chrono::steady_clock::now();
    const std::size_t sent = a.sendfile(file.fd(), 0, text.size(), ec);
    BOOST_TEST((ec == tsock::error::timed_out), ec.message());
    BOOST_TEST(sent > 0u);
    BOOST_TEST(sent < text.size());
    BOOST_TEST((std::chrono::steady_clock::now() - start >= 40ms));
    // What went is the file's head, byte for byte.
    std::string got;
    std::array<char, 65536> buf{};
    while (got.size() != sent) {
        const auto n = b.recv(buf, ec);
        BOOST_TEST_REQUIRE(!ec, ec.message());
        BOOST_TEST_REQUIRE(n > 0u);
        got.append(buf.data(), n);
    }
    BOOST_TEST((got == text.substr(0, sent)));
}

BOOST_AUTO_TEST_CASE(local_datagrams_batch_through_converted_names)
{
    // local_endpoint does not hold a sockaddr_un: its names go through
    // to_native and from_native (an unnamed sender is the unnamed endpoint).
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    const std::array<std::string_view, 2> out = {"left"sv, "right"sv};
    BOOST_TEST(a.send_many(out) == 2u);
    std::array<std::array<char, 8>, 2> buffers{};
    std::array<tsock::received_datagram<tsock::local_endpoint>, 2> in{};
    BOOST_TEST_REQUIRE(recv_until(b, buffers, in, 2) == 2u);
    BOOST_TEST(std::string_view(buffers[0].data(), in[0].size) == "left");
    BOOST_TEST(std::string_view(buffers[1].data(), in[1].size) == "right");
    BOOST_TEST(!in[0].error(), in[0].error().message());
    BOOST_TEST((in[1].sender == a.local_endpoint()));
}
