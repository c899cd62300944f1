// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/host.hpp>

#define BOOST_TEST_MODULE host
#include <boost/test/unit_test.hpp>

#include "support/sandbox.hpp"
#include "support/socket_support.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <arpa/inet.h>
#include <dirent.h>
#include <fcntl.h>
#include <net/if.h>
#include <netdb.h>
#include <netinet/in.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

// The host name is changed only inside a UTS namespace the test creates
// (run_in_sandbox), never on the machine; the network tests run in network
// namespaces of their own. Expected values come from the kernel itself:
// uname(2), /proc/sys/kernel/hostname, sysconf, and raw system calls.

using namespace std::chrono_literals;
using namespace std::string_literals;
using namespace tsock_test;

BOOST_TEST_GLOBAL_FIXTURE(fd_leak_check);

namespace {

std::string read_file(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read " + path);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::string without_newline(std::string s)
{
    if (!s.empty() && s.back() == '\n')
        s.pop_back();
    return s;
}

std::string proc_host_name() { return without_newline(read_file("/proc/sys/kernel/hostname")); }

std::string uname_node_name()
{
    ::utsname u{};
    if (::uname(&u) != 0)
        throw std::runtime_error("uname failed");
    return u.nodename;
}

std::string errno_text(int e) { return std::error_code(e, std::system_category()).message(); }

// "same", or what the three views of the host name say instead of expected.
std::string compare_host_name(const std::string& expected)
{
    const auto a = tsock::host_name();
    const auto b = proc_host_name();
    const auto c = uname_node_name();
    if (a == expected && b == expected && c == expected)
        return "same";
    return "host_name " + a + ", /proc " + b + ", uname " + c;
}

// The longest host name, as the system reports it.
std::size_t system_host_name_max()
{
    const long n = ::sysconf(_SC_HOST_NAME_MAX);
    return n > 0 ? static_cast<std::size_t>(n) : std::size_t(HOST_NAME_MAX);
}

// True when this process has no child left to reap.
bool no_child_left()
{
    errno = 0;
    return ::waitpid(-1, nullptr, WNOHANG) == -1 && errno == ECHILD;
}

// Directories run_in_sandbox made for this process that are still in /tmp.
int scratch_left()
{
    const std::string prefix = sandbox_detail::scratch::prefix().substr(5); // without "/tmp/"
    int n = 0;
    if (DIR* d = ::opendir("/tmp")) {
        while (const ::dirent* e = ::readdir(d))
            if (std::string_view(e->d_name).starts_with(prefix))
                ++n;
        ::closedir(d);
    }
    return n;
}

// Checks run after every sandbox: nothing left behind.
void check_cleaned_up()
{
    BOOST_TEST(no_child_left());
    BOOST_TEST(scratch_left() == 0);
}

// run_in_sandbox's exception text, or "" when it threw none.
std::string sandbox_error(const sandbox& s, const std::function<std::string()>& fn,
                          std::chrono::seconds limit = std::chrono::seconds(30))
{
    try {
        run_in_sandbox(s, fn, limit);
    } catch (const std::runtime_error& e) {
        return e.what();
    }
    return "";
}

// The names of this network namespace's interfaces, sorted, space-separated.
std::string interface_names()
{
    std::vector<std::string> names;
    if (struct ::if_nameindex* list = ::if_nameindex()) {
        for (const struct ::if_nameindex* i = list; i->if_index != 0; ++i)
            names.emplace_back(i->if_name);
        ::if_freenameindex(list);
    }
    std::sort(names.begin(), names.end());
    std::string joined;
    for (const auto& n : names)
        joined += (joined.empty() ? "" : " ") + n;
    return joined;
}

bool is_up(const char* interface)
{
    sandbox_detail::fd_guard s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    ::ifreq request{};
    std::strncpy(request.ifr_name, interface, IFNAMSIZ - 1);
    return s.get() >= 0 && ::ioctl(s.get(), SIOCGIFFLAGS, &request) == 0 && (request.ifr_flags & IFF_UP) != 0;
}

// The addresses getaddrinfo finds for host (stream sockets), sorted, or
// EAI_NONAME / the resolver's message.
std::string lookup(const char* host)
{
    ::addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    ::addrinfo* list = nullptr;
    const int r = ::getaddrinfo(host, nullptr, &hints, &list);
    if (r == EAI_NONAME)
        return "EAI_NONAME";
    if (r != 0)
        return ::gai_strerror(r);
    std::vector<std::string> found;
    for (const ::addrinfo* i = list; i != nullptr; i = i->ai_next) {
        char text[INET6_ADDRSTRLEN] = {};
        const void* where = i->ai_family == AF_INET
                                ? static_cast<const void*>(&reinterpret_cast<const ::sockaddr_in*>(i->ai_addr)->sin_addr)
                                : static_cast<const void*>(&reinterpret_cast<const ::sockaddr_in6*>(i->ai_addr)->sin6_addr);
        ::inet_ntop(i->ai_family, where, text, sizeof text);
        found.emplace_back(text);
    }
    ::freeaddrinfo(list);
    std::sort(found.begin(), found.end());
    std::string joined;
    for (const auto& f : found)
        joined += (joined.empty() ? "" : " ") + f;
    return joined;
}

// An IPv4 or IPv6 socket address for text and port.
struct socket_address {
    ::sockaddr_storage storage{};
    ::socklen_t size = 0;
    int family = AF_UNSPEC;
};

socket_address make_address(const char* text, unsigned short port)
{
    socket_address a;
    auto* v4 = reinterpret_cast<::sockaddr_in*>(&a.storage);
    auto* v6 = reinterpret_cast<::sockaddr_in6*>(&a.storage);
    if (::inet_pton(AF_INET, text, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(port);
        a.size = sizeof *v4;
        a.family = AF_INET;
    } else if (::inet_pton(AF_INET6, text, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(port);
        a.size = sizeof *v6;
        a.family = AF_INET6;
    } else {
        throw std::runtime_error(std::string("not an address: ") + text);
    }
    return a;
}

// A plain POSIX non-blocking connect to text:port, then poll for 300 ms:
// "connected", "timeout", or the error.
std::string try_connect(const char* text, unsigned short port)
{
    const auto a = make_address(text, port);
    sandbox_detail::fd_guard s(::socket(a.family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (s.get() < 0)
        return "socket: " + errno_text(errno);
    if (::connect(s.get(), reinterpret_cast<const ::sockaddr*>(&a.storage), a.size) == 0)
        return "connected";
    if (errno != EINPROGRESS)
        return "connect: " + errno_text(errno);
    ::pollfd p{s.get(), POLLOUT, 0};
    const int r = ::poll(&p, 1, 300);
    if (r == 0)
        return "timeout";
    if (r < 0)
        return "poll: " + errno_text(errno);
    int error = 0;
    ::socklen_t len = sizeof error;
    ::getsockopt(s.get(), SOL_SOCKET, SO_ERROR, &error, &len);
    return error == 0 ? "connected" : errno_text(error);
}

// A TCP listener on text, port 0 (the kernel picks the port).
struct listener {
    socket_address address;
    sandbox_detail::fd_guard fd;
    unsigned short port = 0;

    explicit listener(const char* text)
        : address(make_address(text, 0)), fd(::socket(address.family, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        auto* sa = reinterpret_cast<::sockaddr*>(&address.storage);
        if (fd.get() < 0 || ::bind(fd.get(), sa, address.size) != 0 || ::listen(fd.get(), 4) != 0 ||
            ::getsockname(fd.get(), sa, &address.size) != 0)
            throw std::runtime_error(std::string("listen on ") + text + ": " + errno_text(errno));
        port = ntohs(address.family == AF_INET ? reinterpret_cast<const ::sockaddr_in*>(sa)->sin_port
                                               : reinterpret_cast<const ::sockaddr_in6*>(sa)->sin6_port);
    }
};

// Whether a raw AF_INET6 socket opens, and takes IPV6_V6ONLY = 0.
struct ipv6_raw {
    bool opens = false;
    bool dual_stack = false;
};

ipv6_raw raw_ipv6_check()
{
    ipv6_raw r;
    sandbox_detail::fd_guard s(::socket(AF_INET6, SOCK_STREAM | SOCK_CLOEXEC, 0));
    r.opens = s.get() >= 0;
    const int off = 0;
    r.dual_stack = r.opens && ::setsockopt(s.get(), IPPROTO_IPV6, IPV6_V6ONLY, &off, sizeof off) == 0;
    return r;
}

std::string ipv6_report()
{
    const auto raw = raw_ipv6_check();
    std::ostringstream out;
    out << "has_ipv6 " << tsock::has_ipv6() << " raw " << raw.opens << " has_dual_stack_ipv6 "
        << tsock::has_dual_stack_ipv6() << " raw " << raw.dual_stack;
    return out.str();
}

const std::string sandbox_hosts = "127.0.0.1 localhost\n"
                                  "::1 localhost\n"
                                  "192.0.2.7 tsock-sandbox-check.test\n"
                                  "2001:db8::7 tsock-sandbox-check.test\n";

// The sandboxes the tests use.
sandbox uts_sandbox()
{
    sandbox s;
    s.uts = true;
    return s;
}
sandbox net_sandbox(bool blackhole)
{
    sandbox s;
    s.net = true;
    s.blackhole = blackhole;
    return s;
}
sandbox hosts_sandbox()
{
    sandbox s;
    s.hosts = sandbox_hosts;
    return s;
}
sandbox files_sandbox(std::vector<std::pair<std::string, std::string>> files)
{
    sandbox s;
    s.files = std::move(files);
    return s;
}

} // namespace

// ---------------------------------------------------------------------------
// host_name and set_host_name

BOOST_AUTO_TEST_SUITE(host_name_tests)

BOOST_AUTO_TEST_CASE(host_name_agrees_with_the_kernel)
{
    const auto name = tsock::host_name();
    BOOST_TEST(!name.empty());
    BOOST_TEST(name == proc_host_name());
    BOOST_TEST(name == uname_node_name());
    BOOST_TEST(name.find('\0') == std::string::npos);

    std::error_code ec = make_error_code(std::errc::io_error);
    BOOST_TEST(tsock::host_name(ec) == name);
    BOOST_TEST(!ec); // cleared on success
}

BOOST_AUTO_TEST_CASE(set_host_name_in_a_uts_sandbox)
{
    const auto before = tsock::host_name();
    const auto answer = run_in_sandbox(uts_sandbox(), [] {
        tsock::set_host_name("tsock-sandbox-host");
        std::string report = compare_host_name("tsock-sandbox-host") + "\n";
        std::error_code ec = make_error_code(std::errc::io_error);
        tsock::set_host_name("tsock-second", ec);
        report += (ec ? ec.message() : "ok") + " " + compare_host_name("tsock-second");
        return report;
    });
    BOOST_TEST(answer == "same\nok same");
    BOOST_TEST(tsock::host_name() == before);
    BOOST_TEST(proc_host_name() == before);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(longest_host_name_exactly)
{
    const auto before = tsock::host_name();
    const auto max = system_host_name_max();
    BOOST_TEST(max >= 1u);
    const auto answer = run_in_sandbox(uts_sandbox(), [max] {
        // Letters in a cycle, so that a name cut short cannot pass as whole.
        std::string name;
        for (std::size_t i = 0; i != max; ++i)
            name += static_cast<char>('a' + i % 26);
        std::error_code ec;
        tsock::set_host_name(name, ec);
        std::string report = "longest " + (ec ? ec.message() : "ok") + " " + compare_host_name(name) + "\n";

        const std::string longer = name + "z";
        tsock::set_host_name(longer, ec);
        report += "one more " + std::string(ec.category().name()) + ": " + ec.message() + ", " +
                  (ec == tsock::error::host_name_too_long ? "host_name_too_long" : "another error") + ", name " +
                  compare_host_name(name) + "\n";
        // The kernel's own limit is the same: it refuses one more as well.
        report += "kernel one more " +
                  (::sethostname(longer.data(), longer.size()) == 0 ? "taken"s : errno_text(errno)) + "\n";
        try {
            tsock::set_host_name(longer);
            report += "no exception";
        } catch (const std::system_error& e) {
            report += std::string(e.what()) + (e.code() == tsock::error::host_name_too_long ? " (code ok)" : "");
        }
        return report;
    });
    std::string name;
    for (std::size_t i = 0; i != max; ++i)
        name += static_cast<char>('a' + i % 26);
    BOOST_TEST(answer == "longest ok same\n"
                         "one more tsock: host name is longer than the system allows (HOST_NAME_MAX), "
                         "host_name_too_long, name same\n"
                         "kernel one more Invalid argument\n"
                         "tsock: set_host_name \"" +
                             name + "z\": host name is longer than the system allows (HOST_NAME_MAX) (code ok)");
    BOOST_TEST(tsock::host_name() == before);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(set_host_name_refuses_bad_input)
{
    const auto before = tsock::host_name();
    const auto answer = run_in_sandbox(uts_sandbox(), [] {
        tsock::set_host_name("tsock-before");
        std::string report;
        std::error_code ec;
        tsock::set_host_name("", ec);
        report += std::string(ec == tsock::error::empty_host ? "empty_host" : "not empty_host: " + ec.message()) +
                  " " + compare_host_name("tsock-before") + "\n";
        tsock::set_host_name("tsock\0bad"s, ec);
        report +=
            std::string(ec == tsock::error::embedded_nul ? "embedded_nul" : "not embedded_nul: " + ec.message()) +
            " " + compare_host_name("tsock-before") + "\n";
        for (const auto& bad : {""s, "tsock\0bad"s}) {
            try {
                tsock::set_host_name(bad);
                report += "no exception\n";
            } catch (const std::system_error& e) {
                report += std::string(e.what()) + "\n";
            }
        }
        return report + compare_host_name("tsock-before");
    });
    BOOST_TEST(answer == "empty_host same\n"
                         "embedded_nul same\n"
                         "tsock: set_host_name \"\": host name is empty\n"
                         "tsock: set_host_name \"tsock\\x00bad\": name contains a NUL byte\n"
                         "same");
    BOOST_TEST(tsock::host_name() == before);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(set_host_name_without_permission)
{
    // A user namespace made after the UTS namespace does not own it: in it,
    // sethostname fails with EPERM.
    const auto answer = run_in_sandbox(uts_sandbox(), [] {
        tsock::set_host_name("tsock-owner");
        if (::unshare(CLONE_NEWUSER) != 0)
            return "unshare(CLONE_NEWUSER): " + errno_text(errno);
        std::error_code ec;
        tsock::set_host_name("tsock-denied", ec);
        std::string report = std::string(ec.category() == std::system_category() ? "system " : "other ") +
                             (ec == std::errc::operation_not_permitted ? "EPERM " : ec.message() + " ") +
                             compare_host_name("tsock-owner") + "\n";
        try {
            tsock::set_host_name("tsock-denied");
            report += "no exception";
        } catch (const std::system_error& e) {
            report += e.what();
        }
        return report;
    });
    BOOST_TEST(answer == "system EPERM same\ntsock: set_host_name \"tsock-denied\": Operation not permitted");
    check_cleaned_up();
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// fqdn (Python's getfqdn), against a hosts file and host name the test sets
// inside its own mount and UTS namespaces.

BOOST_AUTO_TEST_SUITE(fqdn_tests)

const std::string fqdn_hosts = "127.0.0.1 localhost\n"
                               "192.0.2.10 tsock-box.example.test tsock-box\n"
                               "192.0.2.11 tsock-short tsock-alias.with.dot tsock-later.dot\n"
                               "192.0.2.12 tsock-plain tsock-other\n"
                               "2001:db8::20 tsock-six.example.test tsock-six\n";

BOOST_AUTO_TEST_CASE(fqdn_follows_pythons_getfqdn_rules)
{
    sandbox s;
    s.hosts = fqdn_hosts;
    s.uts = true;
    const auto answer = run_in_sandbox(s, [] {
        tsock::set_host_name("tsock-box");
        std::string out;
        // This host: no name, the wildcard addresses, spaces only.
        for (const char* name : {"", "0.0.0.0", "::", "  \t"})
            out += tsock::fqdn(name) + "\n";
        out += tsock::fqdn() + "\n";
        // Named hosts: the entry's name when it has a dot, else the first
        // alias with one, else the name; an IPv6 entry; an address literal.
        for (const char* name : {"tsock-box", " tsock-box\n", "tsock-short", "tsock-plain", "tsock-six",
                                 "192.0.2.10", "2001:db8::20"})
            out += tsock::fqdn(name) + "\n";
        // Unknown (no DNS here: nsswitch says files): the name, stripped.
        out += tsock::fqdn(" tsock-nowhere ") + "\n";
        out += tsock::fqdn("192.0.2.99");
        return out;
    });
    BOOST_TEST(answer == "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-alias.with.dot\n"
                         "tsock-plain\n"
                         "tsock-six.example.test\n"
                         "tsock-box.example.test\n"
                         "tsock-six.example.test\n"
                         "tsock-nowhere\n"
                         "192.0.2.99");
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(fqdn_of_names_no_lookup_could_take_throws)
{
    const std::string too_long(254, 'a');
    const std::string long_label = std::string(64, 'b') + ".test";
    const std::string with_nul("tsock\0box", 9);
    const auto code_of = [](const std::string& name) {
        try {
            tsock::fqdn(name);
        } catch (const std::system_error& e) {
            return e.code();
        }
        return std::error_code();
    };
    BOOST_TEST((code_of(too_long) == tsock::error::name_too_long));
    BOOST_TEST((code_of(long_label) == tsock::error::label_too_long));
    BOOST_TEST((code_of(with_nul) == tsock::error::embedded_nul));
    // The limits themselves pass (and, not found, come back unchanged).
    sandbox s;
    s.hosts = fqdn_hosts;
    const auto answer = run_in_sandbox(s, [] {
        std::string at_limit;
        for (int i = 0; i != 4; ++i)
            at_limit += std::string(i == 3 ? 60 : 63, char('c' + i)) + (i == 3 ? "" : ".");
        return std::to_string(at_limit.size()) + " " + (tsock::fqdn(at_limit) == at_limit ? "same" : "changed");
    });
    BOOST_TEST(answer == "252 same");
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// has_ipv6 and has_dual_stack_ipv6

BOOST_AUTO_TEST_SUITE(ipv6_tests)

BOOST_AUTO_TEST_CASE(has_ipv6_agrees_with_the_kernel)
{
    const auto raw = raw_ipv6_check();
    BOOST_TEST(tsock::has_ipv6() == raw.opens);
    // The kernel makes /proc/net/if_inet6 when its IPv6 is up.
    BOOST_TEST(tsock::has_ipv6() == (::access("/proc/net/if_inet6", F_OK) == 0));
    BOOST_TEST(tsock::has_dual_stack_ipv6() == raw.dual_stack);
    BOOST_TEST((!tsock::has_dual_stack_ipv6() || tsock::has_ipv6()));
    // Asking twice opens and closes again (the global fixture counts descriptors).
    BOOST_TEST(tsock::has_ipv6() == tsock::has_ipv6());
}

BOOST_AUTO_TEST_CASE(has_ipv6_in_a_network_sandbox)
{
    const auto here = ipv6_report();
    const auto there = run_in_sandbox(net_sandbox(false), [] { return ipv6_report(); });
    // A new network namespace has the same kernel, so the same answers.
    BOOST_TEST(there == here);
    const auto raw = raw_ipv6_check();
    BOOST_TEST(here == "has_ipv6 "s + (raw.opens ? "1" : "0") + " raw " + (raw.opens ? "1" : "0") +
                           " has_dual_stack_ipv6 " + (raw.dual_stack ? "1" : "0") + " raw " +
                           (raw.dual_stack ? "1" : "0"));
    check_cleaned_up();
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------
// The sandbox itself

BOOST_AUTO_TEST_SUITE(sandbox_tests)

BOOST_AUTO_TEST_CASE(hosts_replacement_seen_by_getaddrinfo)
{
    // The C library reads nsswitch.conf before the fork (the protocols
    // database is local), so the child sees the new one only if the library
    // notices that the file changed.
    BOOST_TEST(::getprotobyname("tcp") != nullptr);
    const auto answer = run_in_sandbox(hosts_sandbox(), [] {
        return lookup("tsock-sandbox-check.test") + "\n" + read_file("/etc/hosts") + read_file("/etc/nsswitch.conf");
    });
    BOOST_TEST(answer == "192.0.2.7 2001:db8::7\n" + sandbox_hosts + "hosts: files\n");
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(nsswitch_replacement_reloaded)
{
    // The parent has read nsswitch.conf ("hosts: files ..."); the child's
    // names a module that does not exist, so the name in its hosts file
    // must not be found: the library read the new file.
    BOOST_TEST(::getprotobyname("tcp") != nullptr);
    auto s = hosts_sandbox();
    s.nsswitch = "hosts: tsocknosuchmodule\n";
    const auto answer = run_in_sandbox(s, [] { return lookup("tsock-sandbox-check.test"); });
    BOOST_TEST(answer.find("192.0.2.7") == std::string::npos, answer);
    BOOST_TEST(!answer.empty());
    // The control: the same hosts file with files in nsswitch.conf.
    s.nsswitch = "hosts: files\n";
    BOOST_TEST(run_in_sandbox(s, [] { return lookup("tsock-sandbox-check.test"); }) == "192.0.2.7 2001:db8::7");
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(hosts_replacement_not_seen_afterwards)
{
    const auto mount_lines = [] {
        std::istringstream in(read_file("/proc/self/mountinfo"));
        std::string line, found;
        while (std::getline(in, line))
            if (line.find("/etc/hosts") != std::string::npos || line.find("/etc/nsswitch.conf") != std::string::npos)
                found += line + "\n";
        return found;
    };
    const auto hosts_before = read_file("/etc/hosts");
    const auto nsswitch_before = read_file("/etc/nsswitch.conf");
    const auto mounts_before = mount_lines();

    BOOST_TEST(run_in_sandbox(hosts_sandbox(), [] { return lookup("tsock-sandbox-check.test"); }) ==
               "192.0.2.7 2001:db8::7");

    BOOST_TEST(read_file("/etc/hosts") == hosts_before);
    BOOST_TEST(read_file("/etc/nsswitch.conf") == nsswitch_before);
    BOOST_TEST(mount_lines() == mounts_before);
    // The machine's own /etc/hosts, looked up in files only (no DNS): the
    // name is gone.
    const auto answer = run_in_sandbox(files_sandbox({{"/etc/nsswitch.conf", "hosts: files\n"}}), [] {
        return lookup("tsock-sandbox-check.test") + " " + read_file("/etc/hosts");
    });
    BOOST_TEST(answer == "EAI_NONAME " + hosts_before);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(more_files_replaced)
{
    const auto gai_before = read_file("/etc/gai.conf");
    const auto host_conf_before = read_file("/etc/host.conf");
    const auto s = files_sandbox({{"/etc/gai.conf", "precedence ::ffff:0:0/96 100\n"}, {"/etc/host.conf", "multi on\n"}});
    const auto answer = run_in_sandbox(s, [] {
        return read_file("/etc/gai.conf") + read_file("/etc/host.conf") + read_file("/etc/nsswitch.conf");
    });
    BOOST_TEST(answer == "precedence ::ffff:0:0/96 100\nmulti on\nhosts: files\n");
    BOOST_TEST(read_file("/etc/gai.conf") == gai_before);
    BOOST_TEST(read_file("/etc/host.conf") == host_conf_before);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(network_sandbox_has_lo_only)
{
    const auto here = interface_names();
    const auto answer = run_in_sandbox(net_sandbox(false), [] {
        const listener v4("127.0.0.1");
        std::string report = interface_names() + (is_up("lo") ? " lo up" : " lo down") + "\n127.0.0.1 " +
                             try_connect("127.0.0.1", v4.port);
        if (tsock::has_ipv6()) {
            const listener v6("::1");
            report += "\n::1 " + try_connect("::1", v6.port);
        }
        return report;
    });
    BOOST_TEST(answer == "lo lo up\n127.0.0.1 connected"s + (tsock::has_ipv6() ? "\n::1 connected" : ""));
    BOOST_TEST(interface_names() == here);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(blackhole_interfaces)
{
    const bool v6 = tsock::has_ipv6();
    const auto answer = run_in_sandbox(net_sandbox(true), [v6] {
        // ip's view of the neighbours, one line each, trailing blanks cut.
        const auto neighbour = [](const char* family, const char* address) {
            auto line = sandbox_detail::run_ip({family, "neigh", "show", "to", address, "dev", "tsockv0"});
            while (!line.empty() && (line.back() == '\n' || line.back() == ' '))
                line.pop_back();
            return line;
        };
        std::string report = interface_names() + (is_up("lo") ? " lo up" : " lo down") +
                             (is_up("tsockv0") ? " v0 up" : " v0 down") + (is_up("tsockv1") ? " v1 up" : " v1 down") +
                             "\n" + neighbour("-4", "198.18.0.2");
        if (v6)
            report += "\n" + neighbour("-6", "fd5e:feed::2");
        return report;
    });
    BOOST_TEST(answer == "lo tsockv0 tsockv1 lo up v0 up v1 up\n"
                         "198.18.0.2 lladdr 02:00:00:00:00:02 PERMANENT"s +
                             (v6 ? "\nfd5e:feed::2 lladdr 02:00:00:00:00:02 PERMANENT" : ""));
    // Nothing of it on the machine.
    BOOST_TEST(::if_nametoindex("tsockv0") == 0u);
    BOOST_TEST(::if_nametoindex("tsockv1") == 0u);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(blackholed_connect_times_out)
{
    const bool v6 = tsock::has_ipv6();
    const auto answer = run_in_sandbox(net_sandbox(true), [v6] {
        // The control: the same network reaches a listener of its own, so
        // the timeouts below are the neighbours' doing.
        const listener own("198.18.0.1");
        std::string report = "198.18.0.1 " + try_connect("198.18.0.1", own.port) + "\n198.18.0.2 " +
                             try_connect("198.18.0.2", 9);
        if (v6) {
            const listener own6("fd5e:feed::1");
            report += "\nfd5e:feed::1 " + try_connect("fd5e:feed::1", own6.port) + "\nfd5e:feed::2 " +
                      try_connect("fd5e:feed::2", 9);
        }
        return report;
    });
    BOOST_TEST(answer == "198.18.0.1 connected\n198.18.0.2 timeout"s +
                             (v6 ? "\nfd5e:feed::1 connected\nfd5e:feed::2 timeout" : ""));
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(plain_child_and_a_long_answer)
{
    const auto parent = ::getpid();
    // More than a pipe holds: the parent reads while the child writes.
    const auto answer = run_in_sandbox(sandbox(), [parent] {
        return (::getpid() != parent ? "child "s : "parent "s) + std::string(1 << 20, 'x') + "end";
    });
    BOOST_TEST(answer.size() == 6 + (1u << 20) + 3);
    BOOST_TEST(answer.starts_with("child x"));
    BOOST_TEST(answer.ends_with("xend"));
    BOOST_TEST(run_in_sandbox(sandbox(), [] { return std::string(); }) == "");
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(throwing_function_reported)
{
    BOOST_TEST(sandbox_error(uts_sandbox(), []() -> std::string { throw std::logic_error("boom 42"); }) ==
               "run_in_sandbox: the function threw: boom 42");
    BOOST_TEST(sandbox_error(sandbox(), []() -> std::string { throw 42; }) ==
               "run_in_sandbox: the function threw: an exception not derived from std::exception");
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(crash_reported)
{
    const auto what = sandbox_error(hosts_sandbox(), []() -> std::string {
        ::raise(SIGABRT);
        return "still here";
    });
    BOOST_TEST(what.starts_with("run_in_sandbox: the child crashed: killed by signal " + std::to_string(SIGABRT)),
               what);
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(overrun_killed_and_reported)
{
    const auto start = steady::now();
    const auto what = sandbox_error(
        hosts_sandbox(),
        []() -> std::string {
            // Nothing wakes it: only the SIGKILL at the limit ends it.
            for (int i = 0; i != 1000; ++i)
                ::pause();
            return "pause returned 1000 times";
        },
        1s);
    const auto took = steady::now() - start;
    BOOST_TEST(what == "run_in_sandbox: the child ran past its limit of 1 s and was killed (SIGKILL)");
    BOOST_TEST(ms(took) >= 1000);
    BOOST_TEST(ms(took) < ms(patience));
    check_cleaned_up();
}

BOOST_AUTO_TEST_CASE(setup_failure_named)
{
    const auto what = sandbox_error(files_sandbox({{"/nonexistent-tsock/file", "x"}}), [] { return "ran"s; });
    BOOST_TEST(what.starts_with("run_in_sandbox: setup failed: mount(\""), what);
    BOOST_TEST(what.find("\", \"/nonexistent-tsock/file\", MS_BIND): No such file or directory") != std::string::npos,
               what);
    // A veth pair is never made outside a network namespace.
    sandbox host_network;
    host_network.blackhole = true;
    BOOST_TEST(sandbox_error(host_network, [] { return "ran"s; }).find("blackhole needs net") != std::string::npos);
    check_cleaned_up();
}

BOOST_AUTO_TEST_SUITE_END()
