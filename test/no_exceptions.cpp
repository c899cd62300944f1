// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// tsock without exceptions. Built with -fno-exceptions, so a plain program
// (Boost.Test needs exceptions) that prints what fails and exits non-zero.
// It includes the headers whose throws go through detail::throw_exception,
// calls their std::error_code& forms, and runs each kind of throwing form that
// fails in a child process, which must end in std::abort() after the message:
//   no_exceptions           the default: "tsock: exceptions are off, aborting
//                           on: <what()>" on stderr;
//   no_exceptions_handler   built with TSOCK_USER_EXCEPTION_HANDLER=1: the
//                           tsock::exception_handler below, which returns.
// POSIX only (fork).

// An error here means the build lost -fno-exceptions: this file tests tsock
// without them.
#if defined(__cpp_exceptions)
#error "test/no_exceptions.cpp must be compiled with -fno-exceptions"
#endif

#include <tsock.hpp>

#include <arpa/inet.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>
#include <typeinfo>

#if TSOCK_USER_EXCEPTION_HANDLER
// Says what it got and returns: tsock must then abort.
void tsock::exception_handler(const std::exception& e)
{
    const auto* se = dynamic_cast<const std::system_error*>(&e);
    std::fprintf(stderr, "handler: %s %s:%d: %s\n", se ? "system_error" : "other",
                 se ? se->code().category().name() : "-", se ? se->code().value() : 0, e.what());
}
#endif

namespace {

int failures = 0;

void check(bool ok, const char* what, int line)
{
    if (!ok) {
        std::fprintf(stderr, "no_exceptions.cpp:%d: check failed: %s\n", line, what);
        ++failures;
    }
}
#define TSOCK_TEST_CHECK(...) check((__VA_ARGS__), #__VA_ARGS__, __LINE__)

// The std::error_code& forms work as with exceptions.
void error_code_forms()
{
    using namespace tsock;
    using namespace std::string_view_literals;
    std::error_code ec;

    TSOCK_TEST_CHECK(address_v4::parse("1.2.3", ec) == address_v4() && ec == error::too_few_parts);
    TSOCK_TEST_CHECK(address_v4::parse("10.0.0.1", ec) == address_v4(0x0a000001) && !ec);
    TSOCK_TEST_CHECK(address_v6::parse("1::2::3", ec) == address_v6() && ec == error::multiple_double_colons);
    TSOCK_TEST_CHECK(address_v6::parse("::1", ec) == address_v6::loopback() && !ec);
    TSOCK_TEST_CHECK(inet_aton("1.2.3.256", ec) == address_v4() && ec == error::part_out_of_range);
    TSOCK_TEST_CHECK(!address_v6::try_parse("::1::"));

    TSOCK_TEST_CHECK(ipv4_endpoint::parse("10.0.0.1:", ec) == ipv4_endpoint() && ec == error::empty_part);
    TSOCK_TEST_CHECK(ipv6_endpoint::parse("[::1]:65536", ec) == ipv6_endpoint() && ec == error::part_out_of_range);
    TSOCK_TEST_CHECK(inet_endpoint::parse("[::1]:80", ec).is_v6() && !ec);
    TSOCK_TEST_CHECK(inet_endpoint::parse("[::1]", ec) == inet_endpoint() && ec);

    const ::sockaddr_in6 v6 = ipv6_endpoint(address_v6::loopback(), 80).to_native();
    const auto* sa = reinterpret_cast<const ::sockaddr*>(&v6);
    TSOCK_TEST_CHECK(ipv4_endpoint::from_native(sa, sizeof v6, ec) == ipv4_endpoint() && ec == error::bad_endpoint);
    TSOCK_TEST_CHECK(ipv6_endpoint::from_native(sa, sizeof v6, ec).port() == 80 && !ec);
    TSOCK_TEST_CHECK(inet_endpoint::from_native(sa, 4, ec) == inet_endpoint() && ec == error::bad_endpoint);
    TSOCK_TEST_CHECK(local_endpoint::from_native(sa, sizeof v6, ec) == local_endpoint() && ec == error::bad_endpoint);
    TSOCK_TEST_CHECK(local_endpoint::path(std::string(200, 'x'), ec) == local_endpoint() && ec == error::address_too_long);

    static_assert(ntoh(hton(std::uint32_t(0x01020304))) == 0x01020304u);
    TSOCK_TEST_CHECK(tsock::htons(std::uint16_t(0x1234)) == ::htons(0x1234));

    TSOCK_TEST_CHECK(resolve<ipv4>("", "80", ec).empty() && ec == error::empty_host);
    TSOCK_TEST_CHECK(resolve<ipv4>("localhost", "70000", resolve_flags::none, ec).empty() && ec == error::port_out_of_range);
    const int big_port = 70000;
    TSOCK_TEST_CHECK(port_number::checked(big_port, ec) == port_number() && ec == error::port_out_of_range);
    const auto local = resolve<ipv4>("127.0.0.1", 80, resolve_flags::numeric_host, ec);
    TSOCK_TEST_CHECK(!ec && !local.empty() && local.front() == ipv4_endpoint(address_v4::loopback(), 80));

    TSOCK_TEST_CHECK(service_by_name("tsock-no-such-service", ec).port == 0 && ec == error::service_not_found);
    TSOCK_TEST_CHECK(protocol_by_name("tsock-no-such-protocol", ec).number == 0 && ec == error::protocol_not_found);
    TSOCK_TEST_CHECK(!host_name(ec).empty() && !ec);
    TSOCK_TEST_CHECK(python::gethostbyname("a\0b"sv, ec) == address_v4() && ec == error::embedded_nul); // refused before any lookup

    TSOCK_TEST_CHECK(interface_index("lo", ec) != 0 && !ec);
    TSOCK_TEST_CHECK(interface_index("tsock-none", ec) == 0 && ec == error::no_such_interface);
    TSOCK_TEST_CHECK(!interfaces(ec).empty() && !ec);

    TSOCK_TEST_CHECK(options::linger(std::chrono::seconds(5)).value() == std::chrono::seconds(5));
    TSOCK_TEST_CHECK(options::receive_buffer_size(4096).value() == 4096);

    // Sockets: every call has its std::error_code form.
    auto [a, b] = socket_pair<stream>(ec);
    TSOCK_TEST_CHECK(!ec && a.is_open() && b.is_open());
    TSOCK_TEST_CHECK(a.send("ping"sv, ec) == 4u && !ec);
    char buffer[8];
    TSOCK_TEST_CHECK(b.recv(buffer, ec) == 4u && !ec);
    auto nb = std::move(b).with_mode<non_blocking>(ec);
    TSOCK_TEST_CHECK(!ec && nb.recv(buffer, ec).would_block() && !ec);
    unix_stream_socket closed;
    TSOCK_TEST_CHECK(closed.recv(buffer, ec) == 0u && ec == std::errc::bad_file_descriptor);
    auto l = create_server(ipv4_endpoint(address_v4::loopback(), 0), {}, ec);
    TSOCK_TEST_CHECK(!ec && l.is_open());
    const auto port = std::to_string(l.local_endpoint(ec).port());
    auto c = create_connection("127.0.0.1", port, {}, ec);
    TSOCK_TEST_CHECK(!ec && c.is_open());
    auto accepted = l.accept(ec);
    TSOCK_TEST_CHECK(!ec && accepted.socket.is_open());
    c.send_all("all of it"sv, ec);
    char nine[9];
    TSOCK_TEST_CHECK(accepted.socket.recv_exact(nine, ec) == 9u && !ec);
}

// Runs f in a child with stderr into a pipe; true when the child aborted
// (SIGABRT) and wrote a line containing expected.
template <class F>
bool aborts_with(const char* name, std::string_view expected, F f)
{
    int fds[2];
    if (::pipe(fds) != 0)
        return false;
    std::fflush(nullptr);
    const ::pid_t pid = ::fork();
    if (pid < 0)
        return false;
    if (pid == 0) {
        const ::rlimit no_core{0, 0};
        ::setrlimit(RLIMIT_CORE, &no_core); // an expected abort leaves no core file
        ::dup2(fds[1], STDERR_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        f();
        std::_Exit(100); // f returned: throw_exception is [[noreturn]], so never
    }
    ::close(fds[1]);
    std::string out;
    char buf[512];
    for (::ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;)
        out.append(buf, std::size_t(n));
    ::close(fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    const bool aborted = WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT;
    const bool said = out.find(expected) != std::string::npos;
    if (!aborted || !said) {
        std::fprintf(stderr, "%s: %s (status %d), stderr:\n%s\nexpected it to contain: %.*s\n", name,
                     aborted ? "aborted" : "did not abort", status, out.c_str(), int(expected.size()),
                     expected.data());
    }
    return aborted && said;
}

#if TSOCK_USER_EXCEPTION_HANDLER
constexpr std::string_view prefix = "handler: system_error ";
#else
constexpr std::string_view prefix = "tsock: exceptions are off, aborting on: ";
#endif

std::string expect(std::string_view category_and_code, std::string_view what)
{
#if TSOCK_USER_EXCEPTION_HANDLER
    return std::string(prefix) + std::string(category_and_code) + ": " + std::string(what);
#else
    (void)category_and_code;
    return std::string(prefix) + std::string(what);
#endif
}

std::string code(tsock::error e)
{
    return "tsock:" + std::to_string(int(e));
}

// One failing throwing form per converted throw site.
void throwing_forms()
{
    using namespace tsock;
    // detail::throw_parse_error (detail/throw_error.hpp).
    TSOCK_TEST_CHECK(aborts_with("parse", expect(code(error::too_few_parts), "invalid IPv4 address \"1.2.3\" at offset 5"),
                      [] { (void)address_v4::parse("1.2.3"); }));
    // detail::throw_for (detail/throw_error.hpp).
    TSOCK_TEST_CHECK(aborts_with("resolve", expect(code(error::empty_host), "tsock: resolve \"\" \"80\""),
                      [] { (void)resolve<ipv4>("", "80"); }));
    // detail::throw_bad_endpoint (ip_endpoint.hpp).
    TSOCK_TEST_CHECK(aborts_with("from_native", expect(code(error::bad_endpoint), "tsock::ipv4_endpoint::from_native"), [] {
        const ::sockaddr_in6 v6 = ipv6_endpoint().to_native();
        (void)ipv4_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&v6), sizeof v6);
    }));
    // inet_endpoint::throw_family_mismatch.
    TSOCK_TEST_CHECK(aborts_with("v4 of v6", expect(code(error::family_mismatch), "tsock::inet_endpoint holds"),
                      [] { (void)inet_endpoint(ipv6_endpoint()).v4(); }));
    // local_endpoint::from_native.
    TSOCK_TEST_CHECK(aborts_with("local from_native", expect(code(error::bad_endpoint), "tsock::local_endpoint::from_native"), [] {
        const ::sockaddr_in v4 = ipv4_endpoint().to_native();
        (void)local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&v4), sizeof v4);
    }));
    // detail::throw_bad_option (detail/option_storage.hpp).
    const std::string einval = "generic:" + std::to_string(EINVAL);
    TSOCK_TEST_CHECK(aborts_with("linger", expect(einval, "tsock::options::linger: -1 s is outside"),
                      [] { (void)options::linger(std::chrono::seconds(-1)); }));
    // detail::throw_status (detail/status.hpp): the sockets' throwing forms.
    const std::string ebadf = "system:" + std::to_string(EBADF);
    TSOCK_TEST_CHECK(aborts_with("recv", expect(ebadf, "tsock: recv"), [] {
        tcp_socket closed;
        char buffer[4];
        (void)closed.recv(buffer);
    }));
    // create_connection's connect_error.
    TSOCK_TEST_CHECK(aborts_with("create_connection", expect(code(error::no_endpoints), "tsock: create_connection"), [] {
        const std::vector<ipv4_endpoint> none;
        (void)create_connection(none);
    }));
}

} // namespace

int main()
{
    error_code_forms();
    throwing_forms();
    if (failures != 0) {
        std::fprintf(stderr, "%d check(s) failed\n", failures);
        return 1;
    }
    std::puts("no_exceptions: all checks passed");
    return 0;
}
