// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/message.hpp>

#define BOOST_TEST_MODULE message
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/options.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <vector>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

using namespace tsock_test;
using namespace std::string_view_literals;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

using views = std::array<std::string_view, 3>;
using spans = std::array<std::span<char>, 3>;

// What a sequence is, and what is not one.
static_assert(tsock::buffer_sequence<views>);
static_assert(tsock::buffer_sequence<std::vector<std::string>>);
static_assert(tsock::buffer_sequence<std::span<const std::span<const std::byte>>>);
static_assert(!tsock::buffer_sequence<std::string>); // a buffer, not a sequence of them
static_assert(!tsock::buffer_sequence<std::vector<int>>);
static_assert(!tsock::mutable_buffer_sequence<views>);
static_assert(tsock::mutable_buffer_sequence<spans>);
static_assert(tsock::receivable_buffer_sequence<spans>);                  // a temporary of views
static_assert(tsock::receivable_buffer_sequence<std::vector<std::string>&>); // a named one
static_assert(!tsock::receivable_buffer_sequence<std::vector<std::string>>); // a temporary of owners
static_assert(tsock::detail::static_count<spans>() == 3);
static_assert(tsock::detail::static_count<std::vector<std::string>>() == tsock::detail::dynamic_count);
static_assert(tsock::detail::static_count<std::span<std::string, 2>>() == 2);

// What the socket types take.
template <class S, class B>
concept can_send = requires(S& s, const B& b) { s.send(b); };
template <class S, class B>
concept can_recv = requires(S& s, B&& b) { s.recv(std::forward<B>(b)); };
template <class S, class B>
concept can_send_all = requires(S& s, const B& b) { s.send_all(b); };
template <class S, class B>
concept can_send_to = requires(S& s, const B& b, const typename S::endpoint_type& e) { s.send_to(b, e); };
static_assert(can_send<tsock::tcp_socket, views>);
static_assert(can_recv<tsock::tcp_socket, spans>);
static_assert(!can_recv<tsock::tcp_socket, views&>); // const bytes
static_assert(!can_recv<tsock::tcp_socket, std::vector<std::string>>); // lost with the temporary
static_assert(can_send_all<tsock::tcp_socket, views>);
static_assert(!can_send_all<tsock::udp_socket, views>);
static_assert(!can_send_all<tsock::stream_socket<tsock::ipv4, tsock::non_blocking>, views>);
static_assert(can_send_to<tsock::udp_socket, views>);
static_assert(!can_send_to<tsock::tcp_socket, views>);

std::string text_of(std::span<const char> s) { return std::string(s.data(), s.size()); }

} // namespace

BOOST_AUTO_TEST_CASE(stream_gathers_and_scatters)
{
    auto [a, b] = tsock::socket_pair();
    const std::array<std::string_view, 3> out{"head"sv, ""sv, "body!"sv};
    BOOST_TEST(a.send(out) == 9u);
    std::array<char, 2> one{};
    std::string two(10, '.');
    BOOST_TEST(b.recv(std::array{std::span<char>(one), std::span<char>(two)}) == 9u);
    BOOST_TEST(text_of(one) == "he");
    BOOST_TEST(two == "adbody!...");
}

BOOST_AUTO_TEST_CASE(send_all_and_recv_exact_cross_buffers_with_partial_transfers)
{
    // A small send buffer makes the kernel take part of a buffer at a time:
    // the loop must restart inside a buffer, not at its start.
    auto [a, b] = tsock::socket_pair();
    set_int_option(a.native_handle(), SOL_SOCKET, SO_SNDBUF, 4096);
    set_int_option(b.native_handle(), SOL_SOCKET, SO_RCVBUF, 4096);
    const auto data = pattern(1 << 20);
    std::vector<std::span<const std::byte>> out;
    for (std::size_t at = 0, step = 1; at < data.size(); at += step, step = step * 3 % 65521 + 1)
        out.push_back(data.subspan(at, std::min(step, data.size() - at)));
    BOOST_REQUIRE(out.size() <= tsock::detail::max_io_vectors);
    std::vector<std::byte> in(data.size());
    std::vector<std::span<std::byte>> into;
    for (std::size_t at = 0; at < in.size(); at += 7777)
        into.emplace_back(in.data() + at, std::min<std::size_t>(7777, in.size() - at));
    BOOST_REQUIRE(into.size() <= tsock::detail::max_io_vectors);
    joining_thread sender([&] { a.send_all(out); });
    b.recv_exact(into);
    BOOST_TEST(pattern_mismatch(in, 0) == in.size());
}

BOOST_AUTO_TEST_CASE(recv_exact_reports_the_end_of_stream_with_what_arrived)
{
    auto [a, b] = tsock::socket_pair();
    a.send_all(std::array{"abc"sv, "de"sv});
    a.shutdown(tsock::shutdown_type::send);
    std::string x(2, 0), y(5, 0);
    std::error_code ec;
    BOOST_TEST(b.recv_exact(std::array{std::span<char>(x), std::span<char>(y)}, ec) == 5u);
    BOOST_TEST(ec == tsock::error::end_of_stream);
    BOOST_TEST(x == "ab");
    BOOST_TEST(y.substr(0, 3) == "cde");
}

BOOST_AUTO_TEST_CASE(datagram_is_one_message_and_truncation_is_reported)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    BOOST_TEST(a.send(std::array{"12"sv, "345"sv, "6"sv}) == 6u);
    std::array<char, 2> x{};
    std::array<char, 3> y{};
    std::error_code ec;
    // As the single-buffer recv: an error (0 with ec set), the head stored.
    BOOST_TEST(b.recv(std::array{std::span<char>(x), std::span<char>(y)}, ec) == 0u);
    BOOST_TEST(ec == tsock::error::message_truncated);
    BOOST_TEST(text_of(x) + text_of(y) == "12345");
    // The lost tail is gone: the next message is the next datagram.
    BOOST_TEST(a.send(std::array{"7"sv}) == 1u);
    BOOST_TEST(b.recv(std::array{std::span<char>(x), std::span<char>(y)}) == 1u);
    BOOST_TEST(x[0] == '7');
    BOOST_TEST(a.send(std::array{"12345"sv, "6"sv}) == 6u);
    BOOST_CHECK_THROW((void)b.recv(std::array{std::span<char>(x)}), std::system_error);
}

BOOST_AUTO_TEST_CASE(udp_send_to_and_recv_from_over_buffers)
{
    auto r = tsock::udp_socket::open();
    r.bind(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    auto s = tsock::udp_socket::open();
    s.bind(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    BOOST_TEST(s.send_to(std::vector<std::string>{"ping", "-", "pong"}, r.local_endpoint()) == 9u);
    std::string head(4, 0), rest(16, 0);
    const auto got = r.recv_from(std::array{std::span<char>(head), std::span<char>(rest)});
    BOOST_TEST(got.size == 9u);
    BOOST_TEST(got.sender == s.local_endpoint());
    BOOST_TEST(head == "ping");
    BOOST_TEST(rest.substr(0, 5) == "-pong");
    BOOST_TEST(s.send_to(std::array{"0123456789"sv}, r.local_endpoint()) == 10u);
    std::error_code ec;
    const auto cut = r.recv_from(std::array{std::span<char>(head)}, ec);
    BOOST_TEST(ec == tsock::error::message_truncated);
    BOOST_TEST(cut.size == 0u); // a failed call's result, as the single-buffer recv_from
    BOOST_TEST(head == "0123");
}

BOOST_AUTO_TEST_CASE(too_many_buffers_is_an_error_not_undefined_behaviour)
{
    auto [a, b] = tsock::socket_pair();
    const std::vector<std::string_view> many(tsock::detail::max_io_vectors + 1, "x"sv);
    std::error_code ec;
    BOOST_TEST(a.send(many, ec) == 0u);
    BOOST_TEST(ec == tsock::error::too_many_buffers);
    BOOST_TEST(a.send_all(many, ec) == 0u);
    BOOST_TEST(ec == tsock::error::too_many_buffers);
    BOOST_CHECK_THROW((void)a.send(many), std::system_error);
    // Exactly IOV_MAX go in one call.
    const std::vector<std::string_view> most(tsock::detail::max_io_vectors, "x"sv);
    BOOST_TEST(a.send(most) == most.size());
    std::string in(most.size(), 0);
    b.recv_exact(std::array{std::span<char>(in)});
    BOOST_TEST(in == std::string(most.size(), 'x'));
}

BOOST_AUTO_TEST_CASE(empty_sequences_and_empty_buffers)
{
    auto [a, b] = tsock::socket_pair();
    BOOST_TEST(a.send(std::vector<std::string_view>{}) == 0u);
    std::vector<std::span<char>> none;
    BOOST_TEST(b.recv(none) == 0u); // at once, as recv of an empty buffer
    a.send_all(std::array{""sv, "z"sv, ""sv});
    char z = 0;
    b.recv_exact(std::array{std::span<char>(), std::span<char>(&z, 1)});
    BOOST_TEST(z == 'z');
}

BOOST_AUTO_TEST_CASE(non_blocking_would_block_and_timeout_times_out)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
    std::array<char, 4> x{};
    const auto r = b.recv(std::array{std::span<char>(x)});
    BOOST_TEST(!r.has_value());
    BOOST_TEST(a.send(std::array{"ab"sv, "cd"sv}).value() == 4u);
    BOOST_REQUIRE(wait_for(b.native_handle(), POLLIN));
    BOOST_TEST(b.recv(std::array{std::span<char>(x)}).value() == 4u);

    using namespace std::chrono_literals;
    auto [c, d] = tsock::socket_pair<tsock::stream>(tsock::timeout{20ms});
    std::error_code ec;
    const auto start = steady::now();
    BOOST_TEST(d.recv_exact(std::array{std::span<char>(x)}, ec) == 0u);
    BOOST_TEST(ec == tsock::error::timed_out);
    BOOST_TEST(bool(steady::now() - start < patience));
}

BOOST_AUTO_TEST_CASE(signals_do_not_surface_as_errors)
{
    sigusr1_without_restart handler;
    auto [a, b] = tsock::socket_pair();
    std::string in(5, 0);
    auto storm = signal_storm(::pthread_self(), 20, [&] { a.send_all(std::array{"ab"sv, "cde"sv}); });
    b.recv_exact(std::array{std::span<char>(in).first(1), std::span<char>(in).subspan(1)});
    BOOST_TEST(in == "abcde");
}

// ---------------------------------------------------------------------------
// send_msg / recv_msg with descriptors (SCM_RIGHTS)

namespace {

template <class S, class... Cs>
concept can_send_msg = requires(S& s, std::string_view b, const Cs&... cs) { tsock::send_msg(s, b, cs...); };
template <class S, class C>
concept can_recv_msg = requires(S& s, std::string& b) { tsock::recv_msg<C>(s, b); };
static_assert(can_send_msg<tsock::unix_stream_socket, tsock::descriptors<1>>);
static_assert(can_send_msg<tsock::unix_datagram_socket, tsock::descriptors<2>>);
static_assert(!can_send_msg<tsock::tcp_socket, tsock::descriptors<1>>);
static_assert(!can_send_msg<tsock::udp6_socket, tsock::descriptors<1>>);
static_assert(can_recv_msg<tsock::unix_seqpacket_socket, tsock::descriptors<1>>);
static_assert(!can_recv_msg<tsock::tcp_socket, tsock::descriptors<1>>);
static_assert(tsock::control_message<tsock::descriptors<3>>);
// More descriptors than the type has room for do not make one.
static_assert(std::is_constructible_v<tsock::descriptors<2>, int, int>);
static_assert(!std::is_constructible_v<tsock::descriptors<2>, int, int, int>);
static_assert(std::is_constructible_v<tsock::descriptors<1>, tsock::unix_stream_socket>);
static_assert(!std::is_constructible_v<tsock::descriptors<1>, double>);
static_assert(tsock::sendable_control<tsock::descriptors<3>>);
static_assert(tsock::detail::control_space<tsock::descriptors<3>> == CMSG_SPACE(3 * sizeof(int)));
static_assert(tsock::detail::control_space<tsock::descriptors<1>, tsock::descriptors<2>> ==
              CMSG_SPACE(sizeof(int)) + CMSG_SPACE(2 * sizeof(int)));

// A descriptor this test can recognise: one end of a pipe, with its inode.
struct marked_pipe {
    int fds[2] = {-1, -1};
    marked_pipe() { BOOST_REQUIRE(::pipe2(fds, O_CLOEXEC) == 0); }
    ~marked_pipe()
    {
        ::close(fds[0]);
        ::close(fds[1]);
    }
    marked_pipe(const marked_pipe&) = delete;
    marked_pipe& operator=(const marked_pipe&) = delete;
};
bool same_file(int a, int b)
{
    struct stat x {}, y {};
    return ::fstat(a, &x) == 0 && ::fstat(b, &y) == 0 && x.st_ino == y.st_ino && x.st_dev == y.st_dev;
}

} // namespace

BOOST_AUTO_TEST_CASE(descriptors_pass_and_arrive_owned_and_cloexec)
{
    auto [a, b] = tsock::socket_pair();
    marked_pipe p;
    const int before = open_fd_count();
    BOOST_TEST(tsock::send_msg(a, "x"sv, tsock::descriptors{p.fds[0], p.fds[1]}) == 1u);
    std::string in(4, 0);
    {
        auto m = tsock::recv_msg<tsock::descriptors<2>>(b, in);
        BOOST_TEST(m.size == 1u);
        BOOST_TEST(in[0] == 'x');
        auto& fds = m.get<tsock::descriptors<2>>();
        BOOST_REQUIRE(fds.has_value());
        BOOST_REQUIRE(fds->size() == 2u);
        BOOST_TEST(same_file((*fds)[0], p.fds[0]));
        BOOST_TEST(same_file((*fds)[1], p.fds[1]));
        BOOST_TEST(is_cloexec((*fds)[0]));
        BOOST_TEST(is_cloexec((*fds)[1]));
        BOOST_TEST(open_fd_count() == before + 2);
    }
    BOOST_TEST(open_fd_count() == before); // closed with the message
}

BOOST_AUTO_TEST_CASE(a_received_socket_is_adopted_with_its_type_checked)
{
    auto [a, b] = tsock::socket_pair<tsock::seqpacket>();
    auto [c, d] = tsock::socket_pair<tsock::datagram>();
    const int before = open_fd_count();
    BOOST_TEST(tsock::send_fds(a, std::array{"one"sv, "two"sv}, c, d.native_handle()) == 6u);
    std::string in(8, 0);
    auto m = tsock::recv_fds<2>(b, in);
    BOOST_TEST(m.size == 6u);
    auto& fds = *m.get<tsock::descriptors<2>>();
    BOOST_REQUIRE(fds.size() == 2u);
    std::error_code ec;
    (void)fds.adopt<tsock::unix_stream_socket>(0, ec);
    BOOST_TEST(ec == tsock::error::type_mismatch);
    (void)fds.adopt<tsock::udp_socket>(0, ec);
    BOOST_TEST((ec == tsock::error::type_mismatch || ec == tsock::error::family_mismatch));
    BOOST_TEST(fds[0] != -1); // still owned here after a refused adopt
    auto got = fds.adopt<tsock::unix_datagram_socket>(0);
    BOOST_TEST(fds[0] == -1);
    BOOST_TEST(got.send("via the passed socket"sv) == 21u);
    std::string out(32, 0);
    BOOST_TEST(d.recv(out) == 21u);
    const int raw = fds.release(1);
    BOOST_TEST(raw >= 0);
    ::close(raw);
    got.close();
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(no_descriptors_sent_is_an_empty_control_not_an_error)
{
    auto [a, b] = tsock::socket_pair();
    BOOST_TEST(a.send("plain"sv) == 5u);
    std::string in(8, 0);
    auto m = tsock::recv_msg<tsock::descriptors<1>>(b, in);
    BOOST_TEST(m.size == 5u);
    BOOST_TEST(!m.get<tsock::descriptors<1>>().has_value());
}

BOOST_AUTO_TEST_CASE(more_descriptors_than_room_is_an_error_and_none_leak)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    marked_pipe p;
    const int before = open_fd_count();
    BOOST_TEST(tsock::send_fds(a, "3"sv, p.fds[0], p.fds[1], p.fds[0]) == 1u);
    std::string in(4, 0);
    std::error_code ec;
    auto m = tsock::recv_fds<1>(b, in, ec); // room for one: the kernel cuts the rest (MSG_CTRUNC)
    BOOST_TEST(ec == tsock::error::control_truncated);
    BOOST_TEST(m.size == 0u);
    BOOST_TEST(open_fd_count() == before);
    // The throwing form throws, and leaks none either.
    BOOST_TEST(tsock::send_fds(a, "3"sv, p.fds[0], p.fds[1]) == 1u);
    BOOST_CHECK_THROW((void)tsock::recv_fds<1>(b, in), std::system_error);
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(a_control_message_not_asked_for_is_an_error_and_none_leak)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    marked_pipe p;
    const int before = open_fd_count();
    // Credentials the call did not ask for (SO_PASSCRED), with descriptors it did.
    set_int_option(b.native_handle(), SOL_SOCKET, SO_PASSCRED, 1);
    BOOST_TEST(tsock::send_fds(a, "c"sv, p.fds[0]) == 1u);
    std::string in(4, 0);
    std::error_code ec;
    (void)tsock::recv_msg<tsock::descriptors<4>>(b, in, ec);
    // Either the credentials did not fit (control_truncated) or they did and
    // were not asked for (unexpected_control): an error, never silence.
    BOOST_TEST((ec == tsock::error::control_truncated || ec == tsock::error::unexpected_control), ec.message());
    BOOST_TEST(open_fd_count() == before);
    // Descriptors arriving where none were asked for: truncated, closed.
    set_int_option(b.native_handle(), SOL_SOCKET, SO_PASSCRED, 0);
    BOOST_TEST(tsock::send_fds(a, "d"sv, p.fds[1]) == 1u);
    std::error_code ec2;
    (void)tsock::recv_msg<>(b, in, ec2);
    BOOST_TEST(ec2 == tsock::error::control_truncated);
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(truncated_data_with_descriptors_closes_them)
{
    auto [a, b] = tsock::socket_pair<tsock::seqpacket>();
    marked_pipe p;
    const int before = open_fd_count();
    BOOST_TEST(tsock::send_fds(a, "longer than two"sv, p.fds[0]) == 15u);
    std::array<char, 2> in{};
    std::error_code ec;
    (void)tsock::recv_fds<1>(b, std::span<char>(in), ec);
    BOOST_TEST(ec == tsock::error::message_truncated);
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(decode_keeps_what_fits_and_closes_the_rest)
{
    // A payload of three descriptors for room of two (as a malformed or
    // oversized control message would bring): two kept, one closed at once.
    const int before = open_fd_count();
    int fds[3] = {::dup(0), ::dup(0), ::dup(0)};
    tsock::received_descriptors<2> got;
    const auto ec = tsock::descriptors<2>::decode(reinterpret_cast<const unsigned char*>(fds), sizeof fds, got);
    BOOST_TEST(ec == tsock::error::too_many_descriptors);
    BOOST_TEST(got.size() == 2u);
    BOOST_TEST(open_fd_count() == before + 2);
    const auto odd = tsock::received_descriptors<2>().take(reinterpret_cast<const unsigned char*>(fds), 3);
    BOOST_TEST(odd == tsock::error::unexpected_control); // not a whole descriptor
    got = tsock::received_descriptors<2>();
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(non_blocking_recv_msg_would_block)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::non_blocking>();
    std::string in(4, 0);
    auto r = tsock::recv_msg<tsock::descriptors<1>>(b, in);
    BOOST_TEST(r.would_block());
    marked_pipe p;
    BOOST_TEST(tsock::send_msg(a, "n"sv, tsock::descriptors{p.fds[0]}).value() == 1u);
    BOOST_REQUIRE(wait_for(b.native_handle(), POLLIN));
    auto m = tsock::recv_msg<tsock::descriptors<1>>(b, in);
    BOOST_REQUIRE(m.has_value());
    BOOST_TEST(m->get<tsock::descriptors<1>>()->size() == 1u);
}

// ---------------------------------------------------------------------------
// Credentials and receive times (Linux)

BOOST_AUTO_TEST_CASE(credentials_arrive_where_asked_for)
{
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    b.set(tsock::options::pass_credentials(true));
    BOOST_TEST(a.send("who"sv) == 3u); // the kernel adds the sender's own
    std::string in(4, 0);
    auto m = tsock::recv_msg<tsock::sender_credentials>(b, in);
    const auto& c = m.get<tsock::sender_credentials>();
    BOOST_REQUIRE(c.has_value());
    BOOST_TEST(c->pid == ::getpid());
    BOOST_TEST(c->uid == ::getuid());
    BOOST_TEST(c->gid == ::getgid());
    // Sent explicitly, with descriptors alongside: both arrive.
    marked_pipe p;
    const int before = open_fd_count();
    tsock::sender_credentials mine;
    mine.pid = ::getpid();
    mine.uid = ::getuid();
    mine.gid = ::getgid();
    BOOST_TEST(tsock::send_msg(a, "both"sv, mine, tsock::descriptors{p.fds[0]}) == 4u);
    {
        auto both = tsock::recv_msg<tsock::sender_credentials, tsock::descriptors<1>>(b, in);
        BOOST_TEST(both.get<tsock::sender_credentials>()->pid == ::getpid());
        BOOST_TEST(both.get<tsock::descriptors<1>>()->size() == 1u);
    }
    BOOST_TEST(open_fd_count() == before);
}

BOOST_AUTO_TEST_CASE(receive_time_is_a_system_clock_time_point)
{
    auto r = tsock::udp_socket::open();
    r.bind(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    r.set(tsock::options::receive_timestamp_ns(true));
    auto s = tsock::udp_socket::open();
    const auto before = std::chrono::system_clock::now();
    BOOST_TEST(s.send_to("tick"sv, r.local_endpoint()) == 4u);
    std::string in(8, 0);
    auto m = tsock::recv_msg<tsock::receive_time>(r, in);
    const auto after = std::chrono::system_clock::now();
    BOOST_TEST(m.size == 4u);
    BOOST_REQUIRE(m.get<tsock::receive_time>().has_value());
    const auto t = *m.get<tsock::receive_time>();
    BOOST_TEST(bool(t >= before - std::chrono::milliseconds(1)));
    BOOST_TEST(bool(t <= after + std::chrono::milliseconds(1)));
    static_assert(!tsock::sendable_control<tsock::receive_time>); // received only
}

BOOST_AUTO_TEST_CASE(packet_info_tells_the_destination_and_chooses_the_source)
{
    auto r = tsock::udp_socket::open();
    r.bind(tsock::ipv4_endpoint(tsock::address_v4::any(), 0));
    r.set(tsock::options::ip::receive_packet_info(true));
    const tsock::ipv4_endpoint to(tsock::address_v4::loopback(), r.local_endpoint().port());
    auto s = tsock::udp_socket::open();
    s.bind(tsock::ipv4_endpoint(tsock::address_v4::any(), 0));
    tsock::packet_info_v4 source;
    source.address = tsock::address_v4::loopback();
    std::string in(8, 0);
    // A connected-less send with a source chosen: send_msg has no endpoint,
    // so connect first (a default peer), then pass the source.
    s.connect(to);
    BOOST_TEST(tsock::send_msg(s, "pk"sv, source) == 2u);
    auto m = tsock::recv_msg<tsock::packet_info_v4>(r, in);
    BOOST_TEST(m.size == 2u);
    BOOST_REQUIRE(m.get<tsock::packet_info_v4>().has_value());
    BOOST_TEST(m.get<tsock::packet_info_v4>()->address == tsock::address_v4::loopback());
    BOOST_TEST(m.get<tsock::packet_info_v4>()->interface_index != 0u); // lo
    static_assert(!can_send_msg<tsock::tcp_socket, tsock::packet_info_v4>);
    static_assert(!can_send_msg<tsock::udp6_socket, tsock::packet_info_v4>);
    static_assert(can_send_msg<tsock::udp6_socket, tsock::packet_info_v6>);
}

BOOST_AUTO_TEST_CASE(packet_info_v6)
{
    auto r = tsock::udp6_socket::open();
    r.bind(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0));
    r.set(tsock::options::ipv6::receive_packet_info(true));
    auto s = tsock::udp6_socket::open();
    BOOST_TEST(s.send_to("six"sv, r.local_endpoint()) == 3u);
    std::string in(8, 0);
    auto m = tsock::recv_msg<tsock::packet_info_v6>(r, in);
    BOOST_REQUIRE(m.get<tsock::packet_info_v6>().has_value());
    BOOST_TEST(m.get<tsock::packet_info_v6>()->address == tsock::address_v6::loopback());
}

BOOST_AUTO_TEST_CASE(send_msg_to_and_recv_msg_from_carry_endpoints)
{
    auto r = tsock::udp_socket::open();
    r.bind(tsock::ipv4_endpoint(tsock::address_v4::any(), 0));
    r.set(tsock::options::ip::receive_packet_info(true));
    const tsock::ipv4_endpoint to(tsock::address_v4::loopback(), r.local_endpoint().port());
    auto s = tsock::udp_socket::open();
    s.bind(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    tsock::packet_info_v4 source;
    source.address = tsock::address_v4::loopback();
    BOOST_TEST(tsock::send_msg_to(s, std::array{"t"sv, "o"sv}, to, source) == 2u);
    std::string in(8, 0);
    auto m = tsock::recv_msg_from<tsock::packet_info_v4>(r, in);
    BOOST_TEST(m.size == 2u);
    BOOST_TEST(in.substr(0, 2) == "to");
    BOOST_TEST(m.sender == s.local_endpoint());
    BOOST_TEST(m.get<tsock::packet_info_v4>()->address == tsock::address_v4::loopback());
    // Truncated: an error, as recv_from.
    BOOST_TEST(tsock::send_msg_to(s, "0123456789"sv, to) == 10u);
    std::array<char, 3> small{};
    std::error_code ec;
    (void)tsock::recv_msg_from<tsock::packet_info_v4>(r, std::span<char>(small), ec);
    BOOST_TEST(ec == tsock::error::message_truncated);
    // Without room for the IP_PKTINFO the socket asks the kernel for, the
    // control data is cut: that is the error, never silence.
    BOOST_TEST(tsock::send_msg_to(s, "x"sv, to) == 1u);
    (void)tsock::recv_msg_from<>(r, std::span<char>(small), ec);
    BOOST_TEST(ec == tsock::error::control_truncated);
    // Unix datagrams: descriptors to a bound name, and the sender's name.
    marked_pipe p;
    const int before = open_fd_count();
    auto [a, b] = tsock::socket_pair<tsock::datagram>();
    {
        auto mm = (void(tsock::send_fds(a, "u"sv, p.fds[0])), tsock::recv_msg_from<tsock::descriptors<1>>(b, in));
        BOOST_TEST(mm.get<tsock::descriptors<1>>()->size() == 1u);
    }
    BOOST_TEST(open_fd_count() == before + 2); // the pair itself; the received descriptor is closed
}

namespace {
// A receiver on loopback that gives up after a while rather than hang a
// test whose datagram never came.
template <class Socket, class Endpoint>
Socket bound_receiver(const Endpoint& ep)
{
    auto r = Socket::open();
    r.bind(ep);
    r.set(tsock::options::receive_timeout(std::chrono::seconds(5)));
    return r;
}
} // namespace

BOOST_AUTO_TEST_CASE(ttl_and_tos_of_ipv4_datagrams)
{
    auto r = bound_receiver<tsock::udp_socket>(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    auto s = tsock::udp_socket::open();
    s.set(tsock::options::ip::ttl(42));
    s.set(tsock::options::ip::tos(0x28));
    std::string in(8, 0);
    // Not asked of the kernel: none comes, the optionals are empty.
    BOOST_TEST(s.send_to("no"sv, r.local_endpoint()) == 2u);
    auto none = tsock::recv_msg<tsock::received_ttl, tsock::received_tos>(r, in);
    BOOST_TEST(none.size == 2u);
    BOOST_TEST(!none.get<tsock::received_ttl>().has_value());
    BOOST_TEST(!none.get<tsock::received_tos>().has_value());
    // Asked for: the sender's values (loopback does not route, so no hop
    // takes one off the TTL).
    r.set(tsock::options::ip::receive_ttl(true));
    r.set(tsock::options::ip::receive_tos(true));
    BOOST_TEST(s.send_to("yes"sv, r.local_endpoint()) == 3u);
    auto m = tsock::recv_msg<tsock::received_ttl, tsock::received_tos>(r, in);
    BOOST_TEST(m.size == 3u);
    BOOST_REQUIRE(m.get<tsock::received_ttl>().has_value());
    BOOST_REQUIRE(m.get<tsock::received_tos>().has_value());
    BOOST_TEST(*m.get<tsock::received_ttl>() == 42);
    BOOST_TEST(*m.get<tsock::received_tos>() == 0x28);
    // Only one asked for: no room for the other, an error, never silence.
    BOOST_TEST(s.send_to("one"sv, r.local_endpoint()) == 3u);
    std::error_code ec;
    (void)tsock::recv_msg<tsock::received_ttl>(r, in, ec);
    BOOST_TEST(ec == tsock::error::control_truncated);

    static_assert(!tsock::sendable_control<tsock::received_ttl>); // received only
    static_assert(!can_recv_msg<tsock::tcp_socket, tsock::received_ttl>);
    static_assert(!can_recv_msg<tsock::udp6_socket, tsock::received_tos>);
    static_assert(!can_recv_msg<tsock::unix_datagram_socket, tsock::received_ttl>);
    static_assert(can_recv_msg<tsock::udp_socket, tsock::received_tos>);
}

BOOST_AUTO_TEST_CASE(hop_limit_and_traffic_class_of_ipv6_datagrams)
{
    auto r = bound_receiver<tsock::udp6_socket>(tsock::ipv6_endpoint(tsock::address_v6::loopback(), 0));
    auto s = tsock::udp6_socket::open();
    s.set(tsock::options::ipv6::unicast_hops(17));
    s.set(tsock::options::ipv6::tclass(0xb8));
    std::string in(8, 0);
    BOOST_TEST(s.send_to("no"sv, r.local_endpoint()) == 2u);
    auto none = tsock::recv_msg<tsock::received_hop_limit, tsock::received_traffic_class>(r, in);
    BOOST_TEST(!none.get<tsock::received_hop_limit>().has_value());
    BOOST_TEST(!none.get<tsock::received_traffic_class>().has_value());
    r.set(tsock::options::ipv6::receive_hop_limit(true));
    r.set(tsock::options::ipv6::receive_traffic_class(true));
    BOOST_TEST(s.send_to("yes"sv, r.local_endpoint()) == 3u);
    auto m = tsock::recv_msg<tsock::received_hop_limit, tsock::received_traffic_class>(r, in);
    BOOST_TEST(m.size == 3u);
    BOOST_REQUIRE(m.get<tsock::received_hop_limit>().has_value());
    BOOST_REQUIRE(m.get<tsock::received_traffic_class>().has_value());
    BOOST_TEST(*m.get<tsock::received_hop_limit>() == 17);
    BOOST_TEST(*m.get<tsock::received_traffic_class>() == 0xb8);

    static_assert(!can_recv_msg<tsock::udp_socket, tsock::received_hop_limit>);
    static_assert(!can_recv_msg<tsock::tcp6_socket, tsock::received_traffic_class>);
}

BOOST_AUTO_TEST_CASE(udp_segment_sends_one_message_as_several_datagrams)
{
    auto r = bound_receiver<tsock::udp_socket>(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    auto s = tsock::udp_socket::open();
    s.connect(r.local_endpoint());
    // Three segments of 4 bytes, the last one shorter.
    BOOST_TEST(tsock::send_msg(s, std::array{"aaaab"sv, "bbbcc"sv}, tsock::udp_segment(4)) == 10u);
    std::string in(16, 0);
    const std::array<std::string_view, 3> expected{"aaaa"sv, "bbbb"sv, "cc"sv};
    for (const auto want : expected) {
        // Without options::udp::gro each comes alone, with no UDP_GRO.
        auto m = tsock::recv_msg<tsock::udp_gro>(r, in);
        BOOST_TEST(std::string_view(in).substr(0, m.size) == want);
        BOOST_TEST(!m.get<tsock::udp_gro>().has_value());
    }
    // Size 0: this message whole, whatever options::udp::segment says.
    s.set(tsock::options::udp::segment(2));
    BOOST_TEST(tsock::send_msg(s, "whole"sv, tsock::udp_segment(0)) == 5u);
    BOOST_TEST(r.recv(in) == 5u);

    static_assert(tsock::sendable_control<tsock::udp_segment>);
    static_assert(can_send_msg<tsock::udp6_socket, tsock::udp_segment>);
    static_assert(!can_send_msg<tsock::tcp_socket, tsock::udp_segment>);
    static_assert(!can_send_msg<tsock::unix_datagram_socket, tsock::udp_segment>);
}

BOOST_AUTO_TEST_CASE(udp_gro_tells_the_segment_size_of_coalesced_datagrams)
{
    auto r = bound_receiver<tsock::udp_socket>(tsock::ipv4_endpoint(tsock::address_v4::loopback(), 0));
    r.set(tsock::options::udp::gro(true));
    auto s = tsock::udp_socket::open();
    s.connect(r.local_endpoint());
    // Segmented on loopback, a GRO socket takes the three in one buffer.
    BOOST_TEST(tsock::send_msg(s, "aaaabbbbcc"sv, tsock::udp_segment(4)) == 10u);
    std::string in(16, 0);
    auto m = tsock::recv_msg<tsock::udp_gro>(r, in);
    BOOST_TEST(m.size == 10u);
    BOOST_REQUIRE(m.get<tsock::udp_gro>().has_value());
    BOOST_TEST(*m.get<tsock::udp_gro>() == 4);
    static_assert(!tsock::sendable_control<tsock::udp_gro>); // received only
    static_assert(!can_recv_msg<tsock::tcp_socket, tsock::udp_gro>);
}
