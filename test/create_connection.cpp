// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/create_connection.hpp>

#define BOOST_TEST_MODULE connect
#include <boost/test/unit_test.hpp>

#include "support/sandbox.hpp"
#include "support/socket_support.hpp"

#include <tsock/basic_listener.hpp>

#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include <netdb.h>
#include <pthread.h>
#include <sys/socket.h>

// Every connection here goes to loopback, or to addresses inside a network
// namespace the test makes (run_in_sandbox): 198.18.0.2 and fd5e:feed::2 are
// blackholed there, so a connect to them hangs until its deadline. An
// endpoint that must refuse is held by a bound socket that never listens, so
// nobody else can listen there while the test runs. Names are looked up in
// /etc/hosts files the tests write inside a mount namespace ("hosts: files",
// so nothing asks a name server), except "localhost", which the machine's
// own /etc/hosts answers.
//
// A sandboxed child cannot use BOOST_TEST: it answers "key=value" lines,
// and the parent asserts on them.

using namespace std::chrono_literals;
using namespace std::string_view_literals;
using namespace tsock_test;

using tsock::blocking;
using tsock::connect_attempt;
using tsock::connect_error;
using tsock::connect_options;
using tsock::datagram;
using tsock::error;
using tsock::inet;
using tsock::inet_endpoint;
using tsock::non_blocking;
using tsock::stream;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

using port_type = inet_endpoint::port_type;
using attempts = std::vector<connect_attempt>;
using inet_stream = tsock::basic_socket<inet, stream>;

// connect_options field by field: g++ 12 warns (-Wmissing-field-initializers)
// about a designated initializer that leaves out a field without a default
// member initializer, as connect_options' optionals are.
struct opts {
    connect_options value;
    opts& timeout(std::chrono::nanoseconds d) { return value.timeout = d, *this; }
    opts& source(const inet_endpoint& e) { return value.source = e, *this; }
    opts& happy_eyeballs(std::chrono::nanoseconds d) { return value.happy_eyeballs = d, *this; }
    opts& flags(tsock::resolve_flags f) { return value.flags = f, *this; }
    opts& report(attempts* r) { return value.report = r, *this; }
    operator const connect_options&() const noexcept { return value; } // NOLINT(google-explicit-constructor)
};

inet_endpoint v4(std::string_view address, port_type port)
{
    return tsock::ipv4_endpoint(tsock::address_v4::parse(address), port);
}

inet_endpoint v6(std::string_view address, port_type port)
{
    return tsock::ipv6_endpoint(tsock::address_v6::parse(address), port);
}

// A listener on address:0 (the kernel picks the port); accept waits at most
// patience.
tsock::basic_listener<tsock::ipv4, stream, tsock::timeout> listener_v4(std::string_view address = "127.0.0.1")
{
    using L = tsock::basic_listener<tsock::ipv4, stream, tsock::timeout>;
    return L::listen_on(tsock::ipv4_endpoint(tsock::address_v4::parse(address), 0), SOMAXCONN,
                        tsock::timeout{patience});
}

// A socket bound to an endpoint that never listens: while it lives, a TCP
// connect there is refused, and no other program can listen there.
struct refuser {
    inet_stream socket;
    inet_endpoint endpoint;
};

refuser refuse_at(const inet_endpoint& ep)
{
    auto s = inet_stream::open_for(ep);
    s.bind(ep);
    const auto bound = s.local_endpoint();
    return {std::move(s), bound};
}

// A listener on listen_address:P and a refuser on refuse_address:P, for one
// port P that both can have. The kernel picked P for the listener alone, so
// another socket may hold refuse_address:P (or a wildcard of its family):
// then the pair is made again, a bounded number of times.
struct one_port {
    tsock::basic_listener<tsock::ipv4, stream, tsock::timeout> listener;
    refuser refused;
    port_type port;
};

one_port listener_and_refuser(std::string_view listen_address, const inet_endpoint& refuse_address)
{
    for (int i = 0; i != 50; ++i) {
        auto l = listener_v4(listen_address);
        const auto port = l.local_endpoint().port();
        auto ep = refuse_address;
        ep.port(port);
        auto s = inet_stream::open_for(ep);
        std::error_code ec;
        s.bind(ep, ec);
        if (!ec)
            return {std::move(l), {std::move(s), ep}, port};
        if (ec != std::errc::address_in_use)
            throw std::system_error(ec, "bind " + ep.to_string());
    }
    throw std::runtime_error("no port free for both " + std::string(listen_address) + " and " +
                             refuse_address.to_string() + " in 50 tries");
}

// A short name for how an attempt ended, for messages and comparisons.
std::string error_name(const std::error_code& ec)
{
    if (!ec)
        return "ok";
    if (ec == error::timed_out)
        return "timed_out";
    if (ec == error::family_mismatch)
        return "family_mismatch";
    if (ec == std::errc::connection_refused)
        return "refused";
    if (ec == std::errc::operation_canceled)
        return "canceled";
    return std::string(ec.category().name()) + ":" + std::to_string(ec.value()) + " (" + ec.message() + ")";
}

// "127.0.0.2:80 refused; 127.0.0.1:80 ok"
std::string describe(const attempts& report)
{
    std::string out;
    for (const auto& a : report) {
        if (!out.empty())
            out += "; ";
        out += a.endpoint.to_string() + " " + error_name(a.error);
    }
    return out;
}

// "[::1]:80 127.0.0.1:80"
template <class Range>
std::string joined(const Range& endpoints)
{
    std::string out;
    for (const auto& e : endpoints) {
        if (!out.empty())
            out += ' ';
        out += inet_endpoint(e).to_string();
    }
    return out;
}

std::string contains_msg(const std::string& text, std::string_view part)
{
    return "\"" + text + "\" should contain \"" + std::string(part) + "\"";
}

bool contains(std::string_view text, std::string_view part) { return text.find(part) != std::string_view::npos; }

// A line of a sandboxed child's answer.
template <class T>
std::string field(std::string_view key, const T& value)
{
    std::string out(key);
    out += '=';
    if constexpr (std::is_convertible_v<T, std::string_view>)
        out += std::string_view(value);
    else
        out += std::to_string(value);
    return out + '\n';
}

// Runs fn in the sandbox; its "key=value" lines as a map.
std::map<std::string, std::string> ask(const sandbox& s, const std::function<std::string()>& fn)
{
    const std::string text = run_in_sandbox(s, fn);
    BOOST_TEST_MESSAGE("sandbox answered:\n" << text);
    std::map<std::string, std::string> answer;
    std::size_t at = 0;
    for (int i = 0; i != 1000 && at < text.size(); ++i) {
        auto end = text.find('\n', at);
        if (end == std::string::npos)
            end = text.size();
        const std::string line = text.substr(at, end - at);
        const auto eq = line.find('=');
        if (eq == std::string::npos)
            throw std::runtime_error("sandbox answer line without '=': " + line);
        answer[line.substr(0, eq)] = line.substr(eq + 1);
        at = end + 1;
    }
    return answer;
}

// A network namespace with lo and the blackhole (198.18.0.2, fd5e:feed::2).
sandbox blackhole_net(std::string hosts = {})
{
    sandbox s;
    s.hosts = std::move(hosts);
    s.net = true;
    s.blackhole = true;
    return s;
}

long long number(const std::map<std::string, std::string>& answer, const std::string& key)
{
    const auto it = answer.find(key);
    if (it == answer.end())
        throw std::runtime_error("sandbox answer has no " + key);
    return std::stoll(it->second);
}

std::string text_of(const std::map<std::string, std::string>& answer, const std::string& key)
{
    const auto it = answer.find(key);
    return it == answer.end() ? "<missing " + key + ">" : it->second;
}

using modes = std::tuple<blocking, non_blocking, tsock::timeout>;

} // namespace

// ---------------------------------------------------------------------------
// By name

BOOST_AUTO_TEST_CASE_TEMPLATE(connects_to_localhost_by_name_in_the_mode_asked_for, Mode, modes)
{
    auto l = listener_v4();
    const auto port = l.local_endpoint().port();
    const auto service = std::to_string(port);
    const auto target = v4("127.0.0.1", port);

    // Both forms; the throwing one and the error_code one.
    attempts thrown_report, ec_report;
    auto by_throwing =
        tsock::create_connection<stream, Mode>("localhost", service, opts().report(&thrown_report), test_mode<Mode>());
    std::error_code ec = make_error_code(std::errc::io_error);
    auto by_ec = tsock::create_connection<stream, Mode>("localhost", service, opts().report(&ec_report), test_mode<Mode>(), ec);
    BOOST_TEST(!ec, ec.message());
    static_assert(std::is_same_v<decltype(by_throwing), tsock::basic_socket<inet, stream, Mode>>);
    static_assert(std::is_same_v<decltype(by_ec), tsock::basic_socket<inet, stream, Mode>>);

    for (auto* report : {&thrown_report, &ec_report}) {
        // "localhost" may also name ::1 (refused: nothing listens there);
        // the last attempt is the one that connected.
        BOOST_TEST_REQUIRE(!report->empty());
        BOOST_TEST(report->back().endpoint == target, describe(*report));
        BOOST_TEST(!report->back().error, describe(*report));
        for (std::size_t i = 0; i + 1 < report->size(); ++i)
            BOOST_TEST(bool((*report)[i].error), describe(*report));
    }

    for (auto* client : {&by_throwing, &by_ec}) {
        BOOST_REQUIRE(client->is_open());
        const int fd = client->native_handle();
        BOOST_TEST(is_nonblocking(fd) == Mode::nonblocking_handle);
        BOOST_TEST(is_cloexec(fd));
        BOOST_TEST(int_option(fd, SOL_SOCKET, SO_TYPE) == SOCK_STREAM);
        BOOST_TEST(client->remote_endpoint() == target);
        if constexpr (is_timeout_mode<Mode>)
            BOOST_TEST((client->timeout() == patience));

        // It is connected: data flows both ways.
        auto server = l.accept();
        BOOST_TEST(inet_endpoint(server.peer) == client->local_endpoint());
        send_bytes(*client, "ping");
        BOOST_TEST(recv_bytes(server.socket, 4) == "ping");
        send_bytes(server.socket, "pong!");
        BOOST_TEST(recv_bytes(*client, 5) == "pong!");
    }
}

BOOST_AUTO_TEST_CASE(connects_by_numeric_host_and_the_short_overload)
{
    auto l = listener_v4();
    const auto port = std::to_string(l.local_endpoint().port());
    std::error_code ec = make_error_code(std::errc::io_error);
    auto a = tsock::create_connection("127.0.0.1", port, ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(a.is_open());
    auto b = tsock::create_connection("127.0.0.1", port, opts().flags(tsock::resolve_flags::numeric_host));
    BOOST_TEST(b.is_open());
    BOOST_TEST(!is_nonblocking(b.native_handle())); // blocking is the default mode
    BOOST_TEST(l.accept().socket.is_open());
    BOOST_TEST(l.accept().socket.is_open());
}

BOOST_AUTO_TEST_CASE(the_family_and_type_come_from_the_range_or_the_template)
{
    auto l = listener_v4();
    const tsock::ipv4_endpoint target = l.local_endpoint();
    const std::vector<tsock::ipv4_endpoint> only_v4{target};
    auto s = tsock::create_connection(only_v4);
    static_assert(std::is_same_v<decltype(s), tsock::tcp_socket>);
    BOOST_TEST(s.remote_endpoint() == target);

    attempts report;
    std::error_code ec;
    auto t = tsock::create_connection<stream, non_blocking>(only_v4, opts().report(&report), ec);
    static_assert(std::is_same_v<decltype(t), tsock::basic_socket<tsock::ipv4, stream, non_blocking>>);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(describe(report) == target.to_string() + " ok");
    BOOST_TEST(is_nonblocking(t.native_handle()));
}

// ---------------------------------------------------------------------------
// Falling back along the list

BOOST_AUTO_TEST_CASE(falls_back_from_a_refused_endpoint_to_the_next)
{
    auto [l, refused, port] = listener_and_refuser("127.0.0.1", v4("127.0.0.2", 0));
    const std::vector<inet_endpoint> endpoints{refused.endpoint, v4("127.0.0.1", port)};

    attempts report;
    std::error_code ec = make_error_code(std::errc::io_error);
    auto s = tsock::create_connection(endpoints, opts().report(&report), ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_REQUIRE(s.is_open());
    BOOST_TEST(s.remote_endpoint() == endpoints[1]);
    BOOST_TEST_REQUIRE(report.size() == 2u, describe(report));
    BOOST_TEST(report[0].endpoint == endpoints[0]);
    BOOST_TEST(report[0].error.value() == ECONNREFUSED);
    BOOST_TEST((report[0].error.category() == std::system_category()));
    BOOST_TEST(report[1].endpoint == endpoints[1]);
    BOOST_TEST(!report[1].error, report[1].error.message());
    BOOST_TEST(l.accept().peer.address() == tsock::address_v4::loopback());
}

BOOST_AUTO_TEST_CASE(falls_back_in_the_throwing_form_too)
{
    auto [l, refused, port] = listener_and_refuser("127.0.0.1", v4("127.0.0.2", 0));
    const std::vector<inet_endpoint> endpoints{refused.endpoint, v4("127.0.0.1", port)};

    attempts report;
    auto s = tsock::create_connection(endpoints, opts().report(&report));
    BOOST_TEST(s.remote_endpoint() == endpoints[1]);
    BOOST_TEST(describe(report) == endpoints[0].to_string() + " refused; " + endpoints[1].to_string() + " ok");

    // Without a report it connects all the same.
    auto t = tsock::create_connection(endpoints);
    BOOST_TEST(t.remote_endpoint() == endpoints[1]);
}

BOOST_AUTO_TEST_CASE(when_every_endpoint_refuses_connect_error_lists_them_all)
{
    const auto a = refuse_at(v4("127.0.0.2", 0));
    const auto b = refuse_at(v4("127.0.0.1", 0));
    const std::vector<inet_endpoint> endpoints{a.endpoint, b.endpoint};

    // The error_code form: the last attempt's error, a closed socket.
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(endpoints, opts().report(&report), ec);
    BOOST_TEST(!s.is_open());
    BOOST_TEST(ec.value() == ECONNREFUSED);
    BOOST_TEST((ec.category() == std::system_category()));
    BOOST_TEST(describe(report) == a.endpoint.to_string() + " refused; " + b.endpoint.to_string() + " refused");

    // The throwing form: connect_error, a std::system_error.
    bool thrown = false;
    try {
        tsock::create_connection(endpoints);
    } catch (const connect_error& e) {
        thrown = true;
        BOOST_TEST(error_name(e.code()) == "refused");
        BOOST_TEST_REQUIRE(e.attempts().size() == 2u);
        BOOST_TEST(e.attempts()[0].endpoint == endpoints[0]);
        BOOST_TEST(e.attempts()[1].endpoint == endpoints[1]);
        BOOST_TEST(error_name(e.attempts()[0].error) == "refused");
        BOOST_TEST(error_name(e.attempts()[1].error) == "refused");
        const std::string what = e.what();
        for (const auto& ep : endpoints)
            BOOST_TEST(contains(what, ep.to_string()), contains_msg(what, ep.to_string()));
        const auto refused_text = std::make_error_code(std::errc::connection_refused).message();
        BOOST_TEST(contains(what, refused_text), contains_msg(what, refused_text));
        BOOST_TEST(contains(what, "refused"), contains_msg(what, "refused"));
    }
    BOOST_TEST(thrown);
    BOOST_CHECK_THROW(tsock::create_connection(endpoints), std::system_error);
}

BOOST_AUTO_TEST_CASE(by_name_connect_error_names_the_host_and_service)
{
    const auto r = refuse_at(v4("127.0.0.1", 0));
    const auto service = std::to_string(r.endpoint.port());
    bool thrown = false;
    try {
        tsock::create_connection("127.0.0.1", service);
    } catch (const connect_error& e) {
        thrown = true;
        const std::string what = e.what();
        BOOST_TEST(error_name(e.code()) == "refused");
        BOOST_TEST(describe(e.attempts()) == r.endpoint.to_string() + " refused");
        for (const auto& part : {std::string("\"127.0.0.1\""), "\"" + service + "\"", r.endpoint.to_string()})
            BOOST_TEST(contains(what, part), contains_msg(what, part));
    }
    BOOST_TEST(thrown);
}

BOOST_AUTO_TEST_CASE(an_empty_list_is_no_endpoints)
{
    const std::vector<inet_endpoint> none;
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(none, opts().report(&report), ec);
    BOOST_TEST(!s.is_open());
    BOOST_TEST(ec == error::no_endpoints);
    BOOST_TEST(report.empty());

    bool thrown = false;
    try {
        tsock::create_connection(none);
    } catch (const connect_error& e) {
        thrown = true;
        BOOST_TEST(e.code() == error::no_endpoints);
        BOOST_TEST(e.attempts().empty());
    }
    BOOST_TEST(thrown);
}

// The report is appended to; an earlier call's entries must not stand for
// this call's outcome (an empty list is no_endpoints, not the error the
// report's last entry holds).
BOOST_AUTO_TEST_CASE(an_empty_list_is_no_endpoints_even_with_a_used_report)
{
    auto l = listener_v4();
    const std::vector<inet_endpoint> one{inet_endpoint(l.local_endpoint())};
    const std::vector<inet_endpoint> none;
    attempts report;
    std::error_code ec;
    auto first = tsock::create_connection(one, opts().report(&report), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST_REQUIRE(report.size() == 1u); // ends with a success

    // Blocking mode: reports EBADF (fcntl on -1) instead of no_endpoints.
    auto blocking_socket = tsock::create_connection(none, opts().report(&report), ec);
    BOOST_TEST(ec == error::no_endpoints, "expected no_endpoints, got " << error_name(ec));
    BOOST_TEST(!blocking_socket.is_open());

    // Non-blocking mode: no error at all, and a closed socket.
    ec = make_error_code(std::errc::io_error);
    auto non_blocking_socket = tsock::create_connection<stream, non_blocking>(none, opts().report(&report), ec);
    BOOST_TEST(ec == error::no_endpoints, "expected no_endpoints, got " << error_name(ec));
    BOOST_TEST(!non_blocking_socket.is_open());
    BOOST_CHECK_THROW((tsock::create_connection<stream, non_blocking>(none, opts().report(&report))), connect_error);

    // After a failure: that failure's code instead of no_endpoints.
    attempts failed;
    const auto r = refuse_at(v4("127.0.0.1", 0));
    tsock::create_connection(std::vector<inet_endpoint>{r.endpoint}, opts().report(&failed), ec);
    BOOST_TEST_REQUIRE(error_name(ec) == "refused");
    tsock::create_connection(none, opts().report(&failed), ec);
    BOOST_TEST(ec == error::no_endpoints, "expected no_endpoints, got " << error_name(ec));
    BOOST_TEST(l.accept().socket.is_open());
}

BOOST_AUTO_TEST_CASE(the_report_is_appended_to)
{
    auto l = listener_v4();
    const std::vector<inet_endpoint> one{inet_endpoint(l.local_endpoint())};
    attempts report{{v4("127.0.0.9", 9), make_error_code(std::errc::io_error)}};
    auto s = tsock::create_connection(one, opts().report(&report));
    BOOST_TEST_REQUIRE(report.size() == 2u);
    BOOST_TEST(report[0].endpoint == v4("127.0.0.9", 9));
    BOOST_TEST(report[1].endpoint == one[0]);
    BOOST_TEST(!report[1].error);
    BOOST_TEST(l.accept().socket.is_open());
}

// connect_error lists "each address tried" by this call, not the earlier
// entries of the caller's report.
BOOST_AUTO_TEST_CASE(connect_error_lists_only_this_calls_attempts)
{
    const auto r = refuse_at(v4("127.0.0.1", 0));
    const std::vector<inet_endpoint> refusing{r.endpoint};
    const auto earlier = v4("127.0.0.9", 9);
    attempts report{{earlier, make_error_code(std::errc::io_error)}};
    bool thrown = false;
    try {
        tsock::create_connection(refusing, opts().report(&report));
    } catch (const connect_error& e) {
        thrown = true;
        BOOST_TEST(describe(e.attempts()) == r.endpoint.to_string() + " refused");
        const std::string what = e.what();
        BOOST_TEST(!contains(what, earlier.to_string()), what);
    }
    BOOST_TEST(thrown);
    BOOST_TEST(describe(report) == earlier.to_string() + " " + error_name(make_error_code(std::errc::io_error)) +
                                       "; " + r.endpoint.to_string() + " refused"); // the report itself is appended to
}

BOOST_AUTO_TEST_CASE(a_negative_timeout_or_delay_is_negative_duration)
{
    auto l = listener_v4();
    const std::vector<inet_endpoint> one{inet_endpoint(l.local_endpoint())};
    const connect_options negative_timeout = opts().timeout(-1ms);
    const connect_options negative_delay = opts().happy_eyeballs(-1ns);
    for (const auto& o : {negative_timeout, negative_delay}) {
        attempts report;
        auto with_report = o;
        with_report.report = &report;
        std::error_code ec;
        auto s = tsock::create_connection(one, with_report, ec);
        BOOST_TEST(ec == error::negative_duration);
        BOOST_TEST(!s.is_open());
        BOOST_TEST(report.empty()); // nothing was tried
        auto n = tsock::create_connection("127.0.0.1", std::to_string(one[0].port()), o, ec);
        BOOST_TEST(ec == error::negative_duration);
        BOOST_TEST(!n.is_open());
        BOOST_CHECK_EXCEPTION(tsock::create_connection(one, o), connect_error,
                              [](const connect_error& e) { return e.code() == error::negative_duration; });
    }
    // The timeout mode's duration is the overall timeout when none is given.
    std::error_code ec;
    auto t = tsock::create_connection<stream, tsock::timeout>(one, {}, tsock::timeout{-1s}, ec);
    BOOST_TEST(ec == error::negative_duration);
    BOOST_TEST(!t.is_open());
    // A zero delay is no error: every attempt starts at once.
    auto z = tsock::create_connection(one, opts().timeout(patience).happy_eyeballs(0ns), ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(z.is_open());
    BOOST_TEST(l.accept().socket.is_open());
}

// ---------------------------------------------------------------------------
// Source endpoint

BOOST_AUTO_TEST_CASE(binds_to_the_source_endpoint)
{
    auto l = listener_v4();
    const auto target = inet_endpoint(l.local_endpoint());
    auto s = tsock::create_connection(std::vector<inet_endpoint>{target}, opts().source(v4("127.0.0.3", 0)));
    const auto local = s.local_endpoint();
    BOOST_TEST(local.v4().address() == tsock::address_v4::parse("127.0.0.3"));
    const auto accepted = l.accept();
    BOOST_TEST(accepted.peer.address() == tsock::address_v4::parse("127.0.0.3"));
    BOOST_TEST(inet_endpoint(accepted.peer) == local);
}

BOOST_AUTO_TEST_CASE(a_fixed_source_port_is_bound_again_after_a_refusal)
{
    auto [l, refused, port] = listener_and_refuser("127.0.0.1", v4("127.0.0.2", 0));
    // A source port the kernel just handed out, free again.
    const auto source = [] {
        auto probe = inet_stream::open_for(v4("127.0.0.3", 0));
        probe.bind(v4("127.0.0.3", 0));
        return probe.local_endpoint();
    }();
    attempts report;
    auto s = tsock::create_connection(std::vector<inet_endpoint>{refused.endpoint, v4("127.0.0.1", port)},
                            opts().source(source).report(&report));
    BOOST_TEST(describe(report) ==
               refused.endpoint.to_string() + " refused; 127.0.0.1:" + std::to_string(port) + " ok");
    BOOST_TEST(s.local_endpoint() == source);
    BOOST_TEST(inet_endpoint(l.accept().peer) == source);
}

BOOST_AUTO_TEST_CASE(a_source_of_the_other_family_fails_that_attempt_with_family_mismatch)
{
    auto l4 = listener_v4();
    const auto target4 = inet_endpoint(l4.local_endpoint());

    // A v6 source and only a v4 target: the call fails.
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(std::vector<inet_endpoint>{target4}, opts().source(v6("::1", 0)).report(&report), ec);
    BOOST_TEST(!s.is_open());
    BOOST_TEST(ec == error::family_mismatch);
    BOOST_TEST(describe(report) == target4.to_string() + " family_mismatch");
    BOOST_CHECK_EXCEPTION(tsock::create_connection(std::vector<inet_endpoint>{target4}, opts().source(v6("::1", 0))),
                          connect_error, [](const connect_error& e) { return e.code() == error::family_mismatch; });

    // The mismatch fails only that attempt: the next, of the source's
    // family, connects from the source.
    auto l6 = tsock::tcp6_listener::listen_on({tsock::address_v6::loopback(), 0});
    const auto target6 = inet_endpoint(l6.local_endpoint());
    report.clear();
    auto t = tsock::create_connection(std::vector<inet_endpoint>{target4, target6}, opts().source(v6("::1", 0)).report(&report),
                            ec);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(t.remote_endpoint() == target6);
    BOOST_TEST(describe(report) == target4.to_string() + " family_mismatch; " + target6.to_string() + " ok");
    BOOST_TEST(l6.accept().socket.is_open());

    // Over the ipv4 family alone, an IPv6 source can never fit.
    ec.clear();
    auto u = tsock::create_connection(std::vector<tsock::ipv4_endpoint>{l4.local_endpoint()}, opts().source(v6("::1", 0)), ec);
    BOOST_TEST(ec == error::family_mismatch);
}

// ---------------------------------------------------------------------------
// Happy Eyeballs

BOOST_AUTO_TEST_CASE(happy_eyeballs_falls_back_to_the_family_that_answers)
{
    auto [l, refused, port] = listener_and_refuser("127.0.0.1", v6("::1", 0));
    const std::vector<inet_endpoint> endpoints{refused.endpoint, v4("127.0.0.1", port)};

    // The delay is far longer than the timeout: only "a failure starts the
    // next attempt at once" lets this connect before the deadline.
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(endpoints, opts().timeout(patience).happy_eyeballs(1h).report(&report), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message() << ": " << describe(report));
    BOOST_TEST(s.remote_endpoint() == endpoints[1]);
    BOOST_TEST(s.remote_endpoint().is_v4());
    BOOST_TEST(describe(report) == endpoints[0].to_string() + " refused; " + endpoints[1].to_string() + " ok");
    BOOST_TEST(l.accept().socket.is_open());

    // The RFC's recommended delay, in the throwing form.
    auto t = tsock::create_connection(endpoints, opts().happy_eyeballs(tsock::recommended_attempt_delay));
    BOOST_TEST(t.remote_endpoint() == endpoints[1]);
    BOOST_TEST(l.accept().socket.is_open());
}

BOOST_AUTO_TEST_CASE(happy_eyeballs_alternates_the_families_starting_with_the_first)
{
    const auto a6 = refuse_at(v6("::1", 0));
    const auto b6 = refuse_at(v6("::1", 0));
    const auto a4 = refuse_at(v4("127.0.0.1", 0));
    const auto b4 = refuse_at(v4("127.0.0.1", 0));
    const auto text = [](const auto&... r) {
        std::string out;
        ((out += (out.empty() ? "" : "; ") + r.endpoint.to_string() + " refused"), ...);
        return out;
    };

    const std::vector<inet_endpoint> six_first{a6.endpoint, b6.endpoint, a4.endpoint, b4.endpoint};
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(six_first, opts().timeout(patience).happy_eyeballs(1h).report(&report), ec);
    BOOST_TEST(!s.is_open());
    BOOST_TEST(error_name(ec) == "refused");
    BOOST_TEST(describe(report) == text(a6, a4, b6, b4));

    // Starting with IPv4; the longer family's tail comes last.
    const std::vector<inet_endpoint> four_first{a4.endpoint, a6.endpoint, b6.endpoint};
    report.clear();
    tsock::create_connection(four_first, opts().timeout(patience).happy_eyeballs(1h).report(&report), ec);
    BOOST_TEST(describe(report) == text(a4, a6, b6));

    // Without Happy Eyeballs the list's own order.
    report.clear();
    tsock::create_connection(six_first, opts().timeout(patience).report(&report), ec);
    BOOST_TEST(describe(report) == text(a6, b6, a4, b4));
}

// When several attempts are found connected in the same wait, the earlier
// (preferred) address should win: the list's order is the preference order
// (RFC 8305 section 4), not whichever descriptor the loop meets first when
// walking them backwards. With a delay of 0 both loopback connects are
// complete before the first poll; on a real network the same happens when
// the first completes just as the delay expires.
BOOST_AUTO_TEST_CASE(happy_eyeballs_prefers_the_earlier_address_when_both_are_ready)
{
    auto l4 = listener_v4();
    auto l6 = tsock::basic_listener<tsock::ipv6, stream, tsock::timeout>::listen_on(
        {tsock::address_v6::loopback(), 0}, SOMAXCONN, tsock::timeout{patience});
    const std::vector<inet_endpoint> endpoints{l6.local_endpoint(), l4.local_endpoint()};
    attempts report;
    std::error_code ec;
    auto s = tsock::create_connection(endpoints, opts().timeout(patience).happy_eyeballs(0ns).report(&report), ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST(s.remote_endpoint() == endpoints[0]);
    BOOST_TEST(describe(report) == endpoints[0].to_string() + " ok; " + endpoints[1].to_string() + " canceled");
}

// ---------------------------------------------------------------------------
// Modes and types

BOOST_AUTO_TEST_CASE(the_timeout_mode_keeps_its_duration_on_the_socket)
{
    auto l = listener_v4();
    const std::vector<inet_endpoint> one{inet_endpoint(l.local_endpoint())};
    auto s = tsock::create_connection<stream, tsock::timeout>(one, {}, tsock::timeout{1234ms});
    BOOST_TEST((s.timeout() == 1234ms));
    BOOST_TEST(is_nonblocking(s.native_handle()));
    // An explicit overall timeout does not change the socket's own.
    auto t = tsock::create_connection<stream, tsock::timeout>(one, opts().timeout(patience), tsock::timeout{4321ms});
    BOOST_TEST((t.timeout() == 4321ms));
    BOOST_TEST(l.accept().socket.is_open());
    BOOST_TEST(l.accept().socket.is_open());
}

// By name with a mode and no options, both forms; the mode's type is the
// socket's.
BOOST_AUTO_TEST_CASE(by_name_with_a_mode_and_no_options)
{
    auto l = listener_v4();
    const auto port = std::to_string(l.local_endpoint().port());
    auto s = tsock::create_connection("127.0.0.1", port, tsock::timeout{1234ms});
    static_assert(std::is_same_v<decltype(s), tsock::basic_socket<inet, stream, tsock::timeout>>);
    BOOST_TEST((s.timeout() == 1234ms));
    std::error_code ec = make_error_code(std::errc::io_error);
    auto t = tsock::create_connection("127.0.0.1", port, tsock::non_blocking{}, ec);
    static_assert(std::is_same_v<decltype(t), tsock::basic_socket<inet, stream, tsock::non_blocking>>);
    BOOST_TEST(!ec, ec.message());
    BOOST_TEST(is_nonblocking(t.native_handle()));
    BOOST_TEST(t.remote_endpoint() == inet_endpoint(l.local_endpoint()));
    BOOST_TEST(l.accept().socket.is_open());
    BOOST_TEST(l.accept().socket.is_open());
    // A refused connection in the error_code form: ec set, no socket.
    l.close();
    auto u = tsock::create_connection("127.0.0.1", port, tsock::timeout{patience}, ec);
    BOOST_TEST((ec == std::errc::connection_refused), ec.message());
    BOOST_TEST(!u.is_open());
}

BOOST_AUTO_TEST_CASE(a_connected_datagram_socket_reaches_its_receiver)
{
    auto receiver = tsock::basic_socket<tsock::ipv4, datagram, tsock::timeout>::open(tsock::timeout{patience});
    receiver.bind({tsock::address_v4::loopback(), 0});
    const auto at = receiver.local_endpoint();

    attempts report;
    auto client = tsock::create_connection<datagram>("127.0.0.1", std::to_string(at.port()), opts().report(&report));
    static_assert(std::is_same_v<decltype(client), tsock::basic_socket<inet, datagram, blocking>>);
    BOOST_TEST(int_option(client.native_handle(), SOL_SOCKET, SO_TYPE) == SOCK_DGRAM);
    BOOST_TEST(is_cloexec(client.native_handle()));
    BOOST_TEST(!is_nonblocking(client.native_handle()));
    BOOST_TEST(describe(report) == at.to_string() + " ok");
    BOOST_TEST(client.remote_endpoint() == inet_endpoint(at));

    BOOST_TEST(client.send("datagram"sv) == 8u);
    std::string buffer(64, '\0');
    const auto got = receiver.recv_from(buffer);
    BOOST_TEST(buffer.substr(0, got.size) == "datagram");
    BOOST_TEST(inet_endpoint(got.sender) == client.local_endpoint());

    // The receiver answers; the connected socket hears it.
    BOOST_TEST(receiver.send_to("reply"sv, got.sender) == 5u);
    BOOST_TEST(wait_for(client.native_handle(), POLLIN));
    std::string answer(64, '\0');
    answer.resize(client.recv(answer));
    BOOST_TEST(answer == "reply");
}

// ---------------------------------------------------------------------------
// Bad input and failed lookups

BOOST_AUTO_TEST_CASE(bad_names_are_refused_before_the_lookup)
{
    std::error_code ec;
    auto a = tsock::create_connection("", "80", ec);
    BOOST_TEST(ec == error::empty_host);
    BOOST_TEST(!a.is_open());
    BOOST_CHECK_EXCEPTION(tsock::create_connection("", "80"), std::system_error,
                          [](const std::system_error& e) { return e.code() == error::empty_host; });

    auto b = tsock::create_connection("127.0.0.1", "65536", ec);
    BOOST_TEST(ec == error::port_out_of_range);
    BOOST_TEST(!b.is_open());
    BOOST_CHECK_EXCEPTION(tsock::create_connection("127.0.0.1", "65536"), std::system_error, [](const std::system_error& e) {
        const std::string what = e.what();
        return e.code() == error::port_out_of_range && contains(what, "\"65536\"");
    });
    // The lookup's failures are no connect_error: nothing was tried.
    try {
        tsock::create_connection("", "80");
    } catch (const connect_error&) {
        BOOST_ERROR("a bad name threw connect_error");
    } catch (const std::system_error&) {
    }
}

BOOST_AUTO_TEST_CASE(an_unknown_host_is_a_resolver_error_naming_the_host)
{
    // "hosts: files" and a network namespace of its own: no name server asked.
    sandbox s;
    s.hosts = "127.0.0.1 localhost\n";
    s.net = true;
    const auto answer = ask(s, [] {
        std::string out;
        try {
            tsock::create_connection("no-such-host.invalid", "80");
            out += field("thrown", "nothing");
        } catch (const connect_error& e) {
            out += field("thrown", "connect_error");
        } catch (const std::system_error& e) {
            out += field("thrown", "system_error");
            out += field("category", e.code().category().name());
            out += field("value", e.code().value());
            out += field("what", e.what());
        }
        std::error_code ec;
        auto sock = tsock::create_connection("no-such-host.invalid", "80", ec);
        out += field("ec_category", ec.category().name());
        out += field("ec_value", ec.value());
        out += field("open", int(sock.is_open()));
        return out;
    });
    BOOST_TEST(text_of(answer, "thrown") == "system_error");
    BOOST_TEST(text_of(answer, "category") == tsock::resolver_category().name());
    BOOST_TEST(number(answer, "value") == EAI_NONAME);
    BOOST_TEST(number(answer, "value") == int(tsock::resolver_error::host_not_found));
    const auto what = text_of(answer, "what");
    BOOST_TEST(contains(what, "\"no-such-host.invalid\""), contains_msg(what, "\"no-such-host.invalid\""));
    BOOST_TEST(text_of(answer, "ec_category") == "resolver");
    BOOST_TEST(number(answer, "ec_value") == EAI_NONAME);
    BOOST_TEST(number(answer, "open") == 0);
}

// ---------------------------------------------------------------------------
// Deadlines against the blackhole (a network namespace of the test's own)

BOOST_AUTO_TEST_CASE(a_blackholed_endpoint_times_out_at_the_overall_timeout)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        const std::vector<inet_endpoint> hole{v4("198.18.0.2", 80)};
        attempts report;
        std::error_code ec;
        const auto start = steady::now();
        auto s = tsock::create_connection(hole, opts().timeout(300ms).report(&report), ec);
        out += field("error", error_name(ec));
        out += field("elapsed", ms(steady::now() - start));
        out += field("open", int(s.is_open()));
        out += field("report", describe(report));

        const auto thrown_start = steady::now();
        try {
            tsock::create_connection(hole, opts().timeout(300ms));
            out += field("thrown", "nothing");
        } catch (const connect_error& e) {
            out += field("thrown", error_name(e.code()));
            out += field("thrown_elapsed", ms(steady::now() - thrown_start));
            out += field("thrown_report", describe(e.attempts()));
            out += field("thrown_what", e.what());
        }
        return out;
    });
    BOOST_TEST(text_of(answer, "error") == "timed_out");
    BOOST_TEST(number(answer, "elapsed") >= 300);
    BOOST_TEST(number(answer, "elapsed") < 5000);
    BOOST_TEST(number(answer, "open") == 0);
    BOOST_TEST(text_of(answer, "report") == "198.18.0.2:80 timed_out");
    BOOST_TEST(text_of(answer, "thrown") == "timed_out");
    BOOST_TEST(number(answer, "thrown_elapsed") >= 300);
    BOOST_TEST(number(answer, "thrown_elapsed") < 5000);
    BOOST_TEST(text_of(answer, "thrown_report") == "198.18.0.2:80 timed_out");
    const auto what = text_of(answer, "thrown_what");
    BOOST_TEST(contains(what, "198.18.0.2:80"), contains_msg(what, "198.18.0.2:80"));
    const auto timed_out_text = make_error_code(error::timed_out).message();
    BOOST_TEST(contains(what, timed_out_text), contains_msg(what, timed_out_text));
}

BOOST_AUTO_TEST_CASE(one_at_a_time_the_deadline_passes_before_the_next_endpoint)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        auto l = listener_v4();
        const auto port = l.local_endpoint().port();
        attempts report;
        std::error_code ec;
        const auto start = steady::now();
        auto s = tsock::create_connection(std::vector<inet_endpoint>{v4("198.18.0.2", 80), v4("127.0.0.1", port)},
                                opts().timeout(500ms).report(&report), ec);
        out += field("error", error_name(ec));
        out += field("elapsed", ms(steady::now() - start));
        out += field("report", describe(report));
        return out;
    });
    BOOST_TEST(text_of(answer, "error") == "timed_out");
    BOOST_TEST(number(answer, "elapsed") >= 500);
    BOOST_TEST(number(answer, "elapsed") < 5000);
    BOOST_TEST(text_of(answer, "report") == "198.18.0.2:80 timed_out"); // the second was never tried
}

// Signals interrupt the wait (EINTR, no SA_RESTART): the wait resumes and
// the deadline stays where it was.
BOOST_AUTO_TEST_CASE(a_signal_storm_neither_fails_nor_extends_the_wait)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        const sigusr1_without_restart handler;
        auto l = listener_v4();
        attempts report, raced;
        std::error_code ec, raced_ec;
        long long elapsed = 0;
        {
            const auto storm = signal_storm(::pthread_self(), 400, [] {});
            const auto start = steady::now();
            auto s = tsock::create_connection(std::vector<inet_endpoint>{v4("198.18.0.2", 80)},
                                    opts().timeout(300ms).report(&report), ec);
            elapsed = ms(steady::now() - start);
            auto t = tsock::create_connection(std::vector<inet_endpoint>{v6("fd5e:feed::2", 80), l.local_endpoint()},
                                    opts().timeout(patience).happy_eyeballs(100ms).report(&raced), raced_ec);
        }
        out += field("error", error_name(ec));
        out += field("elapsed", elapsed);
        out += field("report", describe(report));
        out += field("raced_error", error_name(raced_ec));
        out += field("raced", describe(raced));
        out += field("signals", sigusr1_without_restart::count());
        return out;
    });
    BOOST_TEST(number(answer, "signals") > 0);
    BOOST_TEST(text_of(answer, "error") == "timed_out");
    BOOST_TEST(number(answer, "elapsed") >= 300);
    BOOST_TEST(number(answer, "elapsed") < 5000);
    BOOST_TEST(text_of(answer, "report") == "198.18.0.2:80 timed_out");
    BOOST_TEST(text_of(answer, "raced_error") == "ok");
    BOOST_TEST(contains(text_of(answer, "raced"), "[fd5e:feed::2]:80 canceled; 127.0.0.1:"), text_of(answer, "raced"));
}

BOOST_AUTO_TEST_CASE(the_timeout_modes_duration_is_the_default_overall_timeout)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        const std::vector<inet_endpoint> hole{v4("198.18.0.2", 80)};
        const auto start = steady::now();
        try {
            tsock::create_connection<stream, tsock::timeout>(hole, {}, tsock::timeout{300ms});
            out += field("thrown", "nothing");
        } catch (const connect_error& e) {
            out += field("thrown", error_name(e.code()));
            out += field("report", describe(e.attempts()));
        }
        out += field("elapsed", ms(steady::now() - start));

        // An explicit timeout wins over the mode's (here far longer) one.
        std::error_code ec;
        const auto explicit_start = steady::now();
        auto s = tsock::create_connection<stream, tsock::timeout>(hole, opts().timeout(300ms), tsock::timeout{60s}, ec);
        out += field("explicit", error_name(ec));
        out += field("explicit_elapsed", ms(steady::now() - explicit_start));
        return out;
    });
    BOOST_TEST(text_of(answer, "thrown") == "timed_out");
    BOOST_TEST(text_of(answer, "report") == "198.18.0.2:80 timed_out");
    BOOST_TEST(number(answer, "elapsed") >= 300);
    BOOST_TEST(number(answer, "elapsed") < 5000);
    BOOST_TEST(text_of(answer, "explicit") == "timed_out");
    BOOST_TEST(number(answer, "explicit_elapsed") >= 300);
    BOOST_TEST(number(answer, "explicit_elapsed") < 5000);
}

BOOST_AUTO_TEST_CASE(happy_eyeballs_wins_over_ipv4_while_ipv6_blackholes)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        auto l = listener_v4();
        const auto port = l.local_endpoint().port();
        out += field("port", port);
        attempts report;
        std::error_code ec;
        const auto start = steady::now();
        auto s = tsock::create_connection(std::vector<inet_endpoint>{v6("fd5e:feed::2", 80), v4("127.0.0.1", port)},
                                opts().timeout(patience).happy_eyeballs(50ms).report(&report), ec);
        out += field("elapsed", ms(steady::now() - start));
        out += field("error", error_name(ec));
        out += field("report", describe(report));
        if (s.is_open()) {
            out += field("remote", s.remote_endpoint().to_string());
            out += field("accepted", l.accept().peer.to_string() == s.local_endpoint().to_string() ? "yes" : "no");
        }
        return out;
    });
    const auto port = text_of(answer, "port");
    BOOST_TEST(text_of(answer, "error") == "ok");
    BOOST_TEST(text_of(answer, "remote") == "127.0.0.1:" + port);
    BOOST_TEST(text_of(answer, "accepted") == "yes");
    BOOST_TEST(text_of(answer, "report") == "[fd5e:feed::2]:80 canceled; 127.0.0.1:" + port + " ok");
    BOOST_TEST(number(answer, "elapsed") >= 50); // IPv4 waited for the delay
    BOOST_TEST(number(answer, "elapsed") < 5000); // and did not wait for the timeout
}

// "The next attempt starts this long after the last one (or at once when
// one fails)": with a delay beyond the clock's range, only a failure starts
// the next (now + delay must saturate, not overflow into the past and start
// the second attempt at once; UBSan would abort the child).
BOOST_AUTO_TEST_CASE(a_delay_beyond_the_clock_waits_for_a_failure)
{
    const auto answer = ask(blackhole_net(), [] {
        std::string out;
        auto l = listener_v4();
        attempts report;
        std::error_code ec;
        auto s = tsock::create_connection(std::vector<inet_endpoint>{v6("fd5e:feed::2", 80), inet_endpoint(l.local_endpoint())},
                                opts().timeout(300ms).happy_eyeballs(std::chrono::nanoseconds::max()).report(&report),
                                ec);
        out += field("error", error_name(ec));
        out += field("report", describe(report));
        return out;
    });
    BOOST_TEST(text_of(answer, "error") == "timed_out");
    BOOST_TEST(text_of(answer, "report") == "[fd5e:feed::2]:80 timed_out");
}

BOOST_AUTO_TEST_CASE(happy_eyeballs_by_name_when_the_first_address_blackholes)
{
    const auto answer = ask(blackhole_net("fd5e:feed::2 tsock-dual\n127.0.0.1 tsock-dual\n"), [] {
        std::string out;
        auto l = listener_v4();
        const auto port = l.local_endpoint().port();
        const auto service = std::to_string(port);
        out += field("port", port);
        out += field("order", joined(tsock::resolve<inet>("tsock-dual", service)));

        attempts report;
        std::error_code ec;
        const auto start = steady::now();
        auto s = tsock::create_connection("tsock-dual", service,
                                opts().timeout(patience).happy_eyeballs(50ms).report(&report), ec);
        out += field("elapsed", ms(steady::now() - start));
        out += field("error", error_name(ec));
        out += field("report", describe(report));
        if (s.is_open())
            out += field("remote", s.remote_endpoint().to_string());

        // One at a time, the blackholed first address takes all the time.
        attempts sequential;
        auto t = tsock::create_connection("tsock-dual", service, opts().timeout(300ms).report(&sequential), ec);
        out += field("sequential_error", error_name(ec));
        out += field("sequential_report", describe(sequential));
        return out;
    });
    const auto port = text_of(answer, "port");
    // RFC 6724 (glibc's sorting) puts the global IPv6 address, with its
    // source fd5e:feed::1, first: the case Happy Eyeballs is for.
    BOOST_TEST_REQUIRE(text_of(answer, "order") == "[fd5e:feed::2]:" + port + " 127.0.0.1:" + port,
                       "precondition: getaddrinfo's order; the test needs the blackholed IPv6 address first");
    BOOST_TEST(text_of(answer, "error") == "ok");
    BOOST_TEST(text_of(answer, "remote") == "127.0.0.1:" + port);
    BOOST_TEST(text_of(answer, "report") == "[fd5e:feed::2]:" + port + " canceled; 127.0.0.1:" + port + " ok");
    BOOST_TEST(number(answer, "elapsed") < 5000);
    BOOST_TEST(text_of(answer, "sequential_error") == "timed_out");
    BOOST_TEST(text_of(answer, "sequential_report") == "[fd5e:feed::2]:" + port + " timed_out");
}

BOOST_AUTO_TEST_CASE(falls_back_by_name_in_getaddrinfos_order)
{
    // glibc sorts 127.0.0.1 first whatever the file's order (RFC 6724 rule
    // 9, longest prefix shared with the source 127.0.0.1): so 127.0.0.1 is
    // the address that refuses and 127.0.0.2 the one that listens.
    sandbox s;
    s.hosts = "127.0.0.2 tsock-fallback\n127.0.0.1 tsock-fallback\n";
    s.net = true;
    const auto answer = ask(s, [] {
        std::string out;
        auto [l, refused, port] = listener_and_refuser("127.0.0.2", v4("127.0.0.1", 0));
        const auto service = std::to_string(port);
        out += field("port", port);
        out += field("order", joined(tsock::resolve<inet>("tsock-fallback", service)));

        attempts report;
        std::error_code ec;
        auto c = tsock::create_connection("tsock-fallback", service, opts().report(&report), ec);
        out += field("error", error_name(ec));
        out += field("report", describe(report));
        if (c.is_open())
            out += field("remote", c.remote_endpoint().to_string());

        attempts thrown_report;
        auto d = tsock::create_connection("tsock-fallback", service, opts().report(&thrown_report));
        out += field("thrown_report", describe(thrown_report));
        return out;
    });
    const auto port = text_of(answer, "port");
    BOOST_TEST_REQUIRE(text_of(answer, "order") == "127.0.0.1:" + port + " 127.0.0.2:" + port,
                       "precondition: getaddrinfo's order puts the refusing address first");
    const auto expected = "127.0.0.1:" + port + " refused; 127.0.0.2:" + port + " ok";
    BOOST_TEST(text_of(answer, "error") == "ok");
    BOOST_TEST(text_of(answer, "report") == expected);
    BOOST_TEST(text_of(answer, "remote") == "127.0.0.2:" + port);
    BOOST_TEST(text_of(answer, "thrown_report") == expected);
}

// connect_options::timeout says "resolution counts against it": the deadline
// starts before getaddrinfo, not after it returns. A name server that never answers (198.18.0.2, one try of 1 s) makes the
// lookup slow before /etc/hosts answers; the 1 s timeout should then be
// (nearly) spent when the blackholed attempt starts.
BOOST_AUTO_TEST_CASE(the_lookup_counts_against_the_overall_timeout)
{
    sandbox s = blackhole_net("198.18.0.2 tsock-slow\n");
    s.nsswitch = "hosts: dns files\n";
    s.files = {{"/etc/resolv.conf", "nameserver 198.18.0.2\noptions timeout:1 attempts:1\n"}};
    const auto answer = ask(s, [] {
        std::string out;
        const auto lookup_start = steady::now();
        std::error_code ec;
        const auto found = tsock::resolve<inet>("tsock-slow", "80", ec);
        out += field("lookup", ms(steady::now() - lookup_start));
        out += field("found", joined(found));

        attempts report;
        const auto start = steady::now();
        auto c = tsock::create_connection("tsock-slow", "80", opts().timeout(1s).report(&report), ec);
        out += field("elapsed", ms(steady::now() - start));
        out += field("error", error_name(ec));
        return out;
    });
    BOOST_TEST_REQUIRE(text_of(answer, "found") == "198.18.0.2:80");
    const auto lookup = number(answer, "lookup");
    BOOST_TEST_REQUIRE(lookup >= 500, "precondition: the lookup waits for the silent name server");
    BOOST_TEST(text_of(answer, "error") == "timed_out");
    // Counted: about max(lookup, 1 s). Not counted: about lookup + 1 s.
    BOOST_TEST(number(answer, "elapsed") < std::max(lookup, 1000LL) + 500,
               "lookup took " << lookup << " ms; connect with a 1 s timeout took " << number(answer, "elapsed")
                              << " ms");
}
