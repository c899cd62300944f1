// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/stream_reader.hpp>

#define BOOST_TEST_MODULE stream_reader
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>

#include <array>
#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <system_error>

using namespace std::string_view_literals;
using namespace tsock_test;
using tsock::error;

namespace {

template <class S>
void send_text(S& s, std::string_view text)
{
    s.send_all(text);
}

std::span<std::byte> bytes_of(std::string& s) { return {reinterpret_cast<std::byte*>(s.data()), s.size()}; }

} // namespace

// Borrowed, so a temporary socket is refused; only waiting streams qualify.
static_assert(!std::is_constructible_v<tsock::stream_reader<tsock::unix_stream_socket>, tsock::unix_stream_socket&&>);
template <class S>
concept readable = requires { typename tsock::stream_reader<S>; };
static_assert(readable<tsock::tcp_socket>);
static_assert(readable<tsock::basic_socket<tsock::local, tsock::stream, tsock::timeout>>);
static_assert(!readable<tsock::basic_socket<tsock::local, tsock::stream, tsock::non_blocking>>);
static_assert(!readable<tsock::udp_socket>);
static_assert(!readable<tsock::basic_socket<tsock::local, tsock::seqpacket, tsock::blocking>>);

BOOST_AUTO_TEST_CASE(lines_split_across_sends_and_a_clean_end)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 4); // a tiny buffer: every line spans refills
    send_text(a, "hel");
    send_text(a, "lo\nwor");
    send_text(a, "ld\n\n");
    BOOST_TEST(reader.read_line(100) == "hello\n");
    BOOST_TEST(reader.read_line(100) == "world\n");
    BOOST_TEST(reader.read_line(100) == "\n");
    a.close();
    std::error_code ec = make_error_code(error::timed_out);
    BOOST_TEST(reader.read_line(100, ec).empty()); // clean end: empty, no error
    BOOST_TEST(!ec);
    BOOST_TEST(reader.read_line(100).empty());
}

BOOST_AUTO_TEST_CASE(delimiter_at_a_buffer_boundary_and_read_until)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 4);
    send_text(a, "abc;defg;h");
    BOOST_TEST(reader.read_until(';', 10) == "abc;"); // ';' is the 4th byte: the first refill's last
    BOOST_TEST(reader.buffered().empty());
    BOOST_TEST(reader.read_until(';', 10) == "defg;");
    BOOST_TEST(reader.buffered().size() == 1u);
}

// A delimiter of several bytes: split across refills, a false start
// ("\r\n\r" then "x"), the bytes after it kept, max counting it.
BOOST_AUTO_TEST_CASE(read_until_a_delimiter_of_several_bytes)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 3); // every delimiter spans refills
    send_text(a, "GET / HTTP/1.0\r\nHost: x\r\n\r\nbody\r\n\rx\r\n\r\ntail");
    BOOST_TEST(reader.read_until("\r\n\r\n"sv, 100) == "GET / HTTP/1.0\r\nHost: x\r\n\r\n");
    BOOST_TEST(reader.read_until("\r\n\r\n"sv, 100) == "body\r\n\rx\r\n\r\n");
    BOOST_TEST(reader.read_exact(2) == "ta"); // the bytes after the delimiter stayed
    BOOST_TEST(reader.read_until("il"sv, 2) == "il"); // delimiter exactly max bytes

    send_text(a, "abcde--");
    std::error_code ec;
    BOOST_TEST(reader.read_until("--"sv, 6, ec) == "abcde-"); // the delimiter's end is the 7th byte
    BOOST_TEST((ec == error::line_too_long));
    BOOST_TEST(reader.read_until("-"sv, 6) == "-"); // one byte: the char form

    BOOST_TEST(reader.read_until(""sv, 6, ec).empty());
    BOOST_TEST((ec == error::empty_delimiter));
    BOOST_CHECK_THROW((void)reader.read_until(""sv, 6), std::system_error);

    send_text(a, "no end<");
    a.close();
    BOOST_TEST(reader.read_until("<>"sv, 100, ec) == "no end<");
    BOOST_TEST((ec == error::end_of_stream));
    BOOST_TEST(reader.read_until("<>"sv, 100, ec).empty()); // then a clean end
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(line_exactly_at_max_and_one_past)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 3);
    send_text(a, "1234\n12345\nrest\n");
    BOOST_TEST(reader.read_line(5) == "1234\n"); // five bytes with the delimiter: fits
    std::error_code ec;
    BOOST_TEST(reader.read_line(5, ec) == "12345"); // the max bytes, consumed
    BOOST_TEST((ec == error::line_too_long));
    BOOST_TEST(reader.read_line(5) == "\n");
    send_text(a, "toolong\n");
    BOOST_TEST(reader.read_line(5) == "rest\n");
    try {
        (void)reader.read_line(5);
        BOOST_FAIL("no exception");
    } catch (const std::system_error& e) {
        BOOST_TEST((e.code() == error::line_too_long));
        BOOST_TEST(std::string_view(e.what()).find("read_line") != std::string_view::npos); // the call made
    }
    BOOST_TEST(reader.read_line(5) == "ng\n");
    BOOST_TEST(std::string_view(make_error_code(error::line_too_long).message()).find("maximum") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(end_of_stream_mid_line)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 8);
    send_text(a, "partial");
    a.close();
    std::error_code ec;
    BOOST_TEST(reader.read_line(100, ec) == "partial");
    BOOST_TEST((ec == error::end_of_stream));

    auto [c, d] = tsock::socket_pair();
    tsock::stream_reader other(d, 8);
    send_text(c, "x");
    c.close();
    BOOST_CHECK_THROW((void)other.read_line(100), std::system_error);
}

BOOST_AUTO_TEST_CASE(read_exact_across_refills_and_read_some)
{
    auto [a, b] = tsock::socket_pair();
    tsock::stream_reader reader(b, 4);
    send_text(a, "line\n0123456789abcdef");
    BOOST_TEST(reader.read_line(10) == "line\n");
    BOOST_TEST(reader.read_exact(3) == "012"); // buffered bytes, then the socket
    std::string big(10, '\0');
    reader.read_exact(bytes_of(big)); // larger than the buffer: straight from the socket
    BOOST_TEST(big == "3456789abc");
    std::array<std::byte, 2> two{};
    BOOST_TEST(reader.read_some(two) == 2u);
    BOOST_TEST(static_cast<char>(two[0]) == 'd');
    a.close();
    std::error_code ec;
    BOOST_TEST(reader.read_exact(5, ec) == "f"); // what came before the end
    BOOST_TEST((ec == error::end_of_stream));
    BOOST_TEST(reader.read_some(two) == 0u); // end of stream
}

BOOST_AUTO_TEST_CASE(switch_back_to_raw_recv_over_tcp)
{
    on_ipv4 setup;
    auto c = connect_pair<tsock::stream, tsock::blocking>(setup);
    tsock::stream_reader reader(c.server, 64);
    c.client.send_all("HEADER\nbody-bytes"sv);
    BOOST_TEST(reader.read_line(64) == "HEADER\n");
    // What the reader holds comes first, then the socket's own recv.
    std::string body = reader.take_buffered();
    BOOST_TEST(reader.buffered().empty());
    c.client.send_all("-more"sv);
    std::array<char, 32> rest{};
    // Bounded: the peer sent 15 bytes in all.
    for (int i = 0; i < 15 && body.size() < 15; ++i) {
        const std::size_t n = c.server.recv(std::span(rest).first(15 - body.size()));
        body.append(rest.data(), n);
    }
    BOOST_TEST(body == "body-bytes-more");
}

BOOST_AUTO_TEST_CASE(timeout_surfaces_in_both_forms)
{
    auto [a, b] = tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{std::chrono::milliseconds(50)});
    tsock::stream_reader reader(b, 16);
    send_text(a, "no newline");
    std::error_code ec;
    BOOST_TEST(reader.read_line(100, ec) == "no newline"); // what came is not lost
    BOOST_TEST((ec == error::timed_out));
    try {
        (void)reader.read_exact(1);
        BOOST_FAIL("no exception");
    } catch (const std::system_error& e) {
        BOOST_TEST((e.code() == error::timed_out));
    }
}
