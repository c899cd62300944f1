// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/iostream.hpp>

#define BOOST_TEST_MODULE iostream
#include <boost/test/unit_test.hpp>

#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>
#include <tsock/basic_socket.hpp>
#include <tsock/error.hpp>

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

using timeout_pair_socket = tsock::basic_socket<tsock::local, tsock::stream, tsock::timeout>;

auto timeout_pair()
{
    return tsock::socket_pair<tsock::stream, tsock::timeout>(tsock::timeout{std::chrono::milliseconds(50)});
}

// What arrived at s within its timeout: "" when nothing did.
std::string arrived(timeout_pair_socket& s)
{
    std::array<char, 256> buf{};
    std::error_code ec;
    const std::size_t n = s.recv(buf, ec);
    return ec ? std::string() : std::string(buf.data(), n);
}

} // namespace

BOOST_AUTO_TEST_CASE(shift_and_getline_round_trip_over_tcp)
{
    on_ipv4 setup;
    auto c = connect_pair<tsock::stream, tsock::blocking>(setup);
    tsock::socket_stream out(c.client);
    tsock::socket_stream in(c.server, 8); // small: lines span refills
    out << "hello " << 42 << '\n' << "second line" << std::endl;
    std::string line;
    BOOST_TEST(static_cast<bool>(std::getline(in, line)));
    BOOST_TEST(line == "hello 42");
    BOOST_TEST(static_cast<bool>(std::getline(in, line)));
    BOOST_TEST(line == "second line");
    in << "reply" << std::endl;
    BOOST_TEST(static_cast<bool>(std::getline(out, line)));
    BOOST_TEST(line == "reply");
    c.client.close();
    BOOST_TEST(!std::getline(in, line)); // a clean end: eof and fail, not bad
    BOOST_TEST(in.eof());
    BOOST_TEST(!in.bad());
    BOOST_TEST(!in.error());
}

BOOST_AUTO_TEST_CASE(binary_data_with_nuls)
{
    auto [a, b] = tsock::socket_pair();
    std::string data;
    for (int i = 0; i < 1000; ++i)
        data.push_back(static_cast<char>(i % 7 == 0 ? 0 : i)); // NULs, '\n', '\r', 0xff all appear
    {
        tsock::socket_stream out(a, 64); // smaller than the data: overflow sends full buffers
        out.write(data.data(), static_cast<std::streamsize>(data.size()));
        BOOST_TEST(static_cast<bool>(out.flush()));
    }
    tsock::socket_stream in(b, 64);
    std::string back(data.size(), 'x');
    BOOST_TEST(static_cast<bool>(in.read(back.data(), static_cast<std::streamsize>(back.size()))));
    BOOST_TEST(back == data);
}

BOOST_AUTO_TEST_CASE(output_goes_on_flush_endl_full_buffer_and_destruction)
{
    auto [a, b] = timeout_pair();
    {
        tsock::socket_stream out(a, 16);
        out << "abc";
        BOOST_TEST(arrived(b).empty()); // buffered, not sent
        out << std::flush;
        BOOST_TEST(arrived(b) == "abc");
        out << "line" << std::endl;
        BOOST_TEST(arrived(b) == "line\n");
        out << "0123456789abcdefXY"; // 18 bytes into 16: the first 16 go
        BOOST_TEST(arrived(b) == "0123456789abcdef");
        out << "Z";
    }
    BOOST_TEST(arrived(b) == "XYZ"); // the destructor flushed
}

BOOST_AUTO_TEST_CASE(timeout_sets_badbit_and_error)
{
    auto [a, b] = timeout_pair();
    tsock::socket_stream in(b);
    std::string line;
    BOOST_TEST(!std::getline(in, line));
    BOOST_TEST(in.bad());
    BOOST_TEST((in.error() == error::timed_out));
    // The state cleared, the stream goes on.
    in.clear();
    a.send_all("late\n"sv);
    BOOST_TEST(static_cast<bool>(std::getline(in, line)));
    BOOST_TEST(line == "late");
    // With exceptions() asking for badbit, the error itself comes out.
    in.exceptions(std::ios::badbit);
    try {
        std::getline(in, line);
        BOOST_FAIL("no exception");
    } catch (const std::system_error& e) {
        BOOST_TEST((e.code() == error::timed_out));
    }
}

BOOST_AUTO_TEST_CASE(send_error_sets_badbit)
{
    auto [a, b] = tsock::socket_pair();
    b.close();
    tsock::socket_stream out(a);
    out << "to nobody" << std::flush; // EPIPE (tsock sends with MSG_NOSIGNAL)
    BOOST_TEST(out.bad());
    BOOST_TEST(static_cast<bool>(out.error()));
}
