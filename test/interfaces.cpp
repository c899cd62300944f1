// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/interfaces.hpp>

#define BOOST_TEST_MODULE interfaces
#include <boost/test/unit_test.hpp>

#include "support/errors.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <climits>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

// Expected values come from the kernel's own views: /sys/class/net (names,
// ifindex, flags, operstate, carrier), /proc/net/if_inet6 (IPv6 addresses)
// and `ip -o -4 addr show` (IPv4 addresses, iproute2). The suite system_view
// runs twice: on the host, and again in a network namespace that the test
// makes, with a veth pair of its own (namespace_view checks that pair).

using tsock::address_v4;
using tsock::address_v6;
using tsock::error;
using tsock_test::check_error;
using tsock::interface_flags;
using tsock::network_interface;
using namespace std::string_view_literals;

namespace {

namespace fs = std::filesystem;

constexpr int max_lines = 100000; // every read of a file or a command is bounded

std::vector<std::string> words(std::string_view line)
{
    std::istringstream in{std::string(line)};
    std::vector<std::string> out;
    for (std::string w; in >> w;)
        out.push_back(w);
    return out;
}

template <class Int>
std::optional<Int> number(std::string_view text, int base = 10)
{
    if (base == 16 && text.starts_with("0x"))
        text.remove_prefix(2);
    Int value{};
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, base);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

// The first line of a file; empty when it cannot be read.
std::string first_line(const fs::path& path)
{
    std::ifstream in(path);
    std::string line;
    std::getline(in, line);
    return line;
}

std::vector<std::string> command_lines(const std::string& command)
{
    FILE* p = ::popen((command + " 2>&1").c_str(), "r");
    BOOST_TEST_REQUIRE(p != nullptr, "popen " << command);
    std::vector<std::string> lines;
    std::string line;
    char buffer[4096];
    for (int n = 0; n != max_lines && std::fgets(buffer, sizeof buffer, p); ++n) {
        line += buffer;
        if (!line.empty() && line.back() == '\n') {
            line.pop_back();
            lines.push_back(std::move(line));
            line.clear();
        }
    }
    const int status = ::pclose(p);
    BOOST_TEST_REQUIRE(status == 0, command << " failed (iproute2 installed?): "
                                            << (lines.empty() ? std::string() : lines.front()));
    return lines;
}

// /sys/class/net: one directory (a link) per interface.
struct sys_interface {
    unsigned index = 0;
    unsigned flags = 0;
    std::string operstate;
    std::string carrier; // "1", "0", or empty while down
};

std::map<std::string, sys_interface> sys_interfaces()
{
    std::map<std::string, sys_interface> out;
    int n = 0;
    for (const auto& entry : fs::directory_iterator("/sys/class/net")) {
        BOOST_TEST_REQUIRE(++n < max_lines);
        const auto dir = entry.path();
        const auto index = number<unsigned>(first_line(dir / "ifindex"));
        const auto flags = number<unsigned>(first_line(dir / "flags"), 16);
        BOOST_TEST_REQUIRE((index && flags), "unreadable " << dir);
        out[dir.filename().string()] = {*index, *flags, first_line(dir / "operstate"), first_line(dir / "carrier")};
    }
    BOOST_TEST_REQUIRE(out.count("lo") == 1u, "no lo in /sys/class/net");
    return out;
}

address_v4 netmask_v4(unsigned prefix)
{
    return address_v4(prefix == 0 ? std::uint32_t(0) : std::uint32_t(0xffffffffu << (32 - prefix)));
}

// One IPv4 address as text for comparing sets: index address netmask brd peer.
std::string v4_text(unsigned index, const tsock::interface_address_v4& a)
{
    return std::to_string(index) + " " + a.address.to_string() + " " + a.netmask.to_string() + " brd " +
           (a.broadcast ? a.broadcast->to_string() : "-") + " peer " + (a.peer ? a.peer->to_string() : "-");
}

// `ip -o -4 addr show`: "3: eth0    inet 10.0.0.1/24 brd 10.0.0.255 scope global eth0\ ..."
// or, point-to-point, "inet 10.0.0.1 peer 10.0.0.2/32 scope ...".
std::multiset<std::string> ip_v4_addresses()
{
    std::multiset<std::string> out;
    for (const auto& line : command_lines("ip -o -4 addr show")) {
        const auto w = words(line);
        const auto inet = std::find(w.begin(), w.end(), "inet");
        BOOST_TEST_REQUIRE((w.size() > 3 && inet != w.end() && inet + 1 != w.end()), "ip: " << line);
        const auto index = number<unsigned>(std::string_view(w[0]).substr(0, w[0].find(':')));
        tsock::interface_address_v4 a;
        std::string with_prefix = inet[1];
        const auto text = [&](const std::string& s) { return s.substr(0, s.find('/')); };
        a.address = address_v4::parse(text(with_prefix));
        for (auto it = inet + 2; it + 1 < w.end(); ++it) {
            if (*it == "peer") {
                with_prefix = it[1];
                a.peer = address_v4::parse(text(it[1]));
            } else if (*it == "brd") {
                a.broadcast = address_v4::parse(it[1]);
            }
        }
        const auto slash = with_prefix.find('/');
        const auto prefix = slash == std::string::npos ? std::optional<unsigned>(32)
                                                       : number<unsigned>(with_prefix.substr(slash + 1));
        BOOST_TEST_REQUIRE((index && prefix && *prefix <= 32), "ip: " << line);
        a.netmask = netmask_v4(*prefix);
        out.insert(v4_text(*index, a));
    }
    return out;
}

// /proc/net/if_inet6 (of this process's network namespace): "address(32 hex)
// index prefix scope flags name", all hex. Empty when the kernel has no IPv6.
struct proc_v6 {
    address_v6 address;
    unsigned index, prefix, scope;
    std::string name;
};

std::vector<proc_v6> proc_v6_addresses()
{
    std::vector<proc_v6> out;
    std::ifstream in("/proc/net/if_inet6");
    std::string line;
    for (int n = 0; n != max_lines && std::getline(in, line); ++n) {
        const auto w = words(line);
        BOOST_TEST_REQUIRE((w.size() == 6 && w[0].size() == 32), "if_inet6: " << line);
        address_v6::bytes_type bytes{};
        for (std::size_t i = 0; i != 16; ++i) {
            const auto b = number<std::uint8_t>(std::string_view(w[0]).substr(2 * i, 2), 16);
            BOOST_TEST_REQUIRE(b.has_value(), "if_inet6: " << line);
            bytes[i] = *b;
        }
        const auto index = number<unsigned>(w[1], 16), prefix = number<unsigned>(w[2], 16),
                   scope = number<unsigned>(w[3], 16);
        BOOST_TEST_REQUIRE((index && prefix && scope), "if_inet6: " << line);
        out.push_back({address_v6(bytes), *index, *prefix, *scope, w[5]});
    }
    return out;
}

const network_interface* find_interface(const std::vector<network_interface>& all, std::string_view name)
{
    const auto it = std::find_if(all.begin(), all.end(), [&](const auto& i) { return i.name == name; });
    return it == all.end() ? nullptr : &*it;
}

constexpr auto up = interface_flags::up;
constexpr auto loopback = interface_flags::loopback;
constexpr auto running = interface_flags::running;
constexpr auto lower_up = interface_flags::lower_up;
constexpr auto broadcast = interface_flags::broadcast;

} // namespace

BOOST_AUTO_TEST_CASE(flag_operators)
{
    static_assert(unsigned(up | loopback) == unsigned(IFF_UP | IFF_LOOPBACK));
    static_assert(((up | loopback) & loopback) == loopback);
    static_assert(has(up | loopback, up) && has(up | loopback, up | loopback));
    static_assert(!has(up, loopback) && !has(up, up | loopback));
    static_assert(has(up, interface_flags::none));
    static_assert(unsigned(interface_flags::point_to_point) == IFF_POINTOPOINT);
    static_assert(unsigned(interface_flags::multicast) == IFF_MULTICAST);
    // <linux/if.h>'s IFF_LOWER_UP and IFF_DORMANT.
    static_assert(unsigned(lower_up) == 0x10000 && unsigned(interface_flags::dormant) == 0x20000);
    BOOST_TEST(has(up | running, running));
}

BOOST_AUTO_TEST_SUITE(system_view)

BOOST_AUTO_TEST_CASE(names_and_indexes_match_sysfs)
{
    const auto sys = sys_interfaces();
    std::error_code ec = make_error_code(error::timed_out); // must be cleared
    const auto names = tsock::interface_names(ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((names == tsock::interface_names()));
    std::set<std::string> seen_names;
    std::set<unsigned> seen_indexes;
    for (const auto& id : names) {
        BOOST_TEST(seen_names.insert(id.name).second, "twice: " << id.name);
        BOOST_TEST(seen_indexes.insert(id.index).second, "twice: " << id.index);
        const auto it = sys.find(id.name);
        BOOST_TEST_REQUIRE((it != sys.end()), id.name << " is not in /sys/class/net");
        BOOST_TEST(id.index == it->second.index, id.name);
    }
    BOOST_TEST(seen_names.size() == sys.size());

    // In the kernel's order: that of `ip -o link show` ("3: name: <...").
    std::vector<unsigned> ip_order;
    for (const auto& line : command_lines("ip -o link show"))
        if (const auto index = number<unsigned>(std::string_view(line).substr(0, line.find(':'))))
            ip_order.push_back(*index);
    std::vector<unsigned> order;
    for (const auto& id : names)
        order.push_back(id.index);
    BOOST_TEST(order == ip_order, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(names_and_indexes_round_trip)
{
    for (const auto& [name, sys] : sys_interfaces()) {
        std::error_code ec = make_error_code(error::timed_out);
        BOOST_TEST(tsock::interface_index(name, ec) == sys.index, name);
        BOOST_TEST(!ec, name << ": " << ec.message());
        BOOST_TEST(tsock::interface_index(name) == sys.index, name);
        ec = make_error_code(error::timed_out);
        BOOST_TEST(tsock::interface_name(sys.index, ec) == name);
        BOOST_TEST(!ec, sys.index << ": " << ec.message());
        BOOST_TEST(tsock::interface_name(sys.index) == name);
    }
}

BOOST_AUTO_TEST_CASE(interfaces_match_sysfs)
{
    const auto sys = sys_interfaces();
    std::error_code ec = make_error_code(error::timed_out);
    const auto all = tsock::interfaces(ec);
    BOOST_TEST_REQUIRE(!ec, ec.message());
    BOOST_TEST((all == tsock::interfaces()));

    // One entry per interface, in if_nameindex's order (glibc's getifaddrs
    // names every link, from the same kernel dump, before any address).
    std::vector<std::string> names, expected_names;
    for (const auto& i : all)
        names.push_back(i.name);
    for (const auto& id : tsock::interface_names())
        expected_names.push_back(id.name);
    BOOST_TEST(names == expected_names, boost::test_tools::per_element());

    // Flags as sysfs has them, but for those the kernel reports apart from
    // the device's own (running, lower_up, dormant: link state; promiscuous
    // and all_multicast: sysfs gives the effective, getifaddrs the asked-for).
    const unsigned volatile_bits = unsigned(running | lower_up | interface_flags::dormant |
                                            interface_flags::promiscuous | interface_flags::all_multicast);
    for (const auto& i : all) {
        const auto it = sys.find(i.name);
        BOOST_TEST_REQUIRE((it != sys.end()), i.name << " is not in /sys/class/net");
        const auto& s = it->second;
        BOOST_TEST(i.index == s.index, i.name);
        BOOST_TEST((unsigned(i.flags) & ~volatile_bits) == (s.flags & ~volatile_bits), i.name);
        // RUNNING: up, and operationally up (or the driver does not say).
        const bool oper_up = s.operstate == "up" || s.operstate == "unknown";
        BOOST_TEST(has(i.flags, running) == (has(i.flags, up) && oper_up), i.name << " operstate " << s.operstate);
        if (has(i.flags, up))
            BOOST_TEST(has(i.flags, lower_up) == (s.carrier == "1"), i.name << " carrier " << s.carrier);
        if (!has(i.flags, broadcast))
            for (const auto& a : i.v4)
                BOOST_TEST(!a.broadcast, i.name << " " << a.address.to_string());
    }
}

BOOST_AUTO_TEST_CASE(v4_addresses_match_iproute2)
{
    std::multiset<std::string> got;
    for (const auto& i : tsock::interfaces())
        for (const auto& a : i.v4)
            got.insert(v4_text(i.index, a));
    const auto expected = ip_v4_addresses();
    BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(v6_addresses_match_proc)
{
    const auto proc = proc_v6_addresses();
    std::multiset<std::string> got, expected;
    for (const auto& i : tsock::interfaces()) {
        for (const auto& a : i.v6) {
            auto bare = a.address;
            bare.scope_id(0);
            got.insert(i.name + " " + std::to_string(i.index) + " " + bare.to_string() + "/" +
                       std::to_string(a.prefix_length));
            // The scope id is the interface's index for link-local
            // addresses (fe80::/10, ff02::/16), 0 for any other.
            const bool link_scope = a.address.is_link_local() || a.address.is_multicast_link_local();
            BOOST_TEST(a.address.scope_id() == (link_scope ? i.index : 0u), a.address.to_string());
        }
    }
    for (const auto& p : proc)
        expected.insert(p.name + " " + std::to_string(p.index) + " " + p.address.to_string() + "/" +
                        std::to_string(p.prefix));
    BOOST_TEST(got == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(loopback_interface)
{
    const auto all = tsock::interfaces();
    const auto* lo = find_interface(all, "lo");
    BOOST_TEST_REQUIRE(lo != nullptr);
    BOOST_TEST(has(lo->flags, loopback | up));
    BOOST_TEST(!has(lo->flags, broadcast));
    BOOST_TEST(lo->index == tsock::interface_index("lo"));
    const tsock::interface_address_v4 v4{address_v4::loopback(), address_v4::parse("255.0.0.0"), {}, {}};
    BOOST_TEST((std::count(lo->v4.begin(), lo->v4.end(), v4) == 1));

    // ::1/128 exactly when the kernel lists it on lo.
    const auto proc = proc_v6_addresses();
    const bool kernel_has = std::any_of(proc.begin(), proc.end(), [](const proc_v6& p) {
        return p.name == "lo" && p.address == address_v6::loopback() && p.prefix == 128;
    });
    const tsock::interface_address_v6 v6{address_v6::loopback(), 128};
    BOOST_TEST((std::count(lo->v6.begin(), lo->v6.end(), v6) == (kernel_has ? 1 : 0)));
    BOOST_TEST_MESSAGE("IPv6 on lo: " << (kernel_has ? "yes" : "no"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_CASE(bad_names_and_indexes)
{
    const auto sys = sys_interfaces();
    std::error_code ec;
    const auto index_error = [&](std::string_view name) {
        ec.clear();
        const unsigned index = tsock::interface_index(name, ec);
        BOOST_TEST(index == 0u);
        return ec;
    };
    // A NUL is an error, not the end of the name: "lo\0x" is not lo.
    BOOST_TEST((index_error("lo\0"sv) == error::embedded_nul));
    BOOST_TEST((index_error("lo\0x"sv) == error::embedded_nul));
    BOOST_TEST((index_error("\0"sv) == error::embedded_nul));
    BOOST_TEST((index_error("") == error::no_such_interface));
    BOOST_TEST((index_error("tsock-nosuchif") == error::no_such_interface));
    // The longest name an interface can have (unused here), and one more.
    const std::string longest(tsock::detail::interface_name_size - 1, 'q');
    const std::string too_long(tsock::detail::interface_name_size, 'q');
    BOOST_TEST_REQUIRE(sys.count(longest) == 0u);
    BOOST_TEST((index_error(longest) == error::no_such_interface));
    BOOST_TEST((index_error(too_long) == error::no_such_interface));
    BOOST_TEST((index_error(std::string(100000, 'l')) == error::no_such_interface));
    // Linux's SIOCGIFINDEX reads "lo:x" as lo with an address label: tsock
    // does not (no interface is called that).
    BOOST_TEST((index_error("lo:x") == error::no_such_interface));
    BOOST_TEST((index_error("lo:") == error::no_such_interface));
    // An interface's name with more after it is not that interface.
    BOOST_TEST((index_error("lo ") == error::no_such_interface));
    BOOST_TEST((index_error("lox") == error::no_such_interface));

    check_error([] { tsock::interface_index("lo\0x"sv); }, error::embedded_nul,
                "tsock: interface_index \"lo\\x00x\": name contains a NUL byte");
    check_error([] { tsock::interface_index("tsock-nosuchif"); }, error::no_such_interface,
                "tsock: interface_index \"tsock-nosuchif\": no interface of this host");
    check_error([&] { tsock::interface_index(too_long); }, error::no_such_interface, "\"" + too_long + "\"");

    // Index 0 names no interface; nor does one past the largest in use.
    unsigned largest = 0;
    for (const auto& [name, s] : sys)
        largest = std::max(largest, s.index);
    for (const unsigned index : {0u, largest + 1, unsigned(INT_MAX), UINT_MAX}) {
        ec.clear();
        BOOST_TEST(tsock::interface_name(index, ec).empty());
        BOOST_TEST((ec == error::no_such_interface), index << ": " << ec.message());
        check_error([index] { tsock::interface_name(index); }, error::no_such_interface,
                    "tsock: interface_name \"" + std::to_string(index) + "\": no interface");
    }
}

// In the namespace only (the parent test below runs it there): the veth pair
// the parent set up, and nothing of the host's.
BOOST_AUTO_TEST_CASE(namespace_view, *boost::unit_test::disabled())
{
    const char* host_ns = std::getenv("TSOCK_TEST_HOST_NETNS");
    BOOST_TEST_REQUIRE(host_ns != nullptr, "run by in_a_network_namespace_of_its_own only");
    BOOST_TEST(fs::read_symlink("/proc/self/ns/net").string() != host_ns);

    const auto all = tsock::interfaces();
    const auto* v0 = find_interface(all, "tsockv0");
    const auto* v1 = find_interface(all, "tsockv1");
    BOOST_TEST_REQUIRE(v0 != nullptr);
    BOOST_TEST_REQUIRE(v1 != nullptr);
    BOOST_TEST(v0->index == tsock::interface_index("tsockv0"));
    BOOST_TEST(v1->index == tsock::interface_index("tsockv1"));

    // tsockv0 is up; its peer is down, so it has no carrier and is not running.
    BOOST_TEST(has(v0->flags, up | broadcast | interface_flags::multicast));
    BOOST_TEST(!has(v0->flags, running));
    BOOST_TEST(!has(v0->flags, loopback));
    const auto mask = address_v4::parse("255.255.255.0");
    const tsock::interface_address_v4 primary{address_v4::parse("198.18.0.1"), mask,
                                              address_v4::parse("198.18.0.255"), {}};
    // Added without a broadcast address (glibc reports the address itself
    // there) and under the label tsockv0:1 (glibc's ifa_name).
    const tsock::interface_address_v4 labelled{address_v4::parse("198.18.0.2"), mask, {}, {}};
    BOOST_TEST_REQUIRE(v0->v4.size() == 2u);
    BOOST_TEST((v0->v4[0] == primary), v4_text(v0->index, v0->v4[0]));
    BOOST_TEST((v0->v4[1] == labelled), v4_text(v0->index, v0->v4[1]));
    BOOST_TEST(!find_interface(all, "tsockv0:1"));
    std::error_code ec; // a label is no interface
    BOOST_TEST(tsock::interface_index("tsockv0:1", ec) == 0u);
    BOOST_TEST((ec == error::no_such_interface));

    if (fs::exists("/proc/net/if_inet6")) {
        // No link-local address yet: that waits for a carrier.
        const tsock::interface_address_v6 v6{address_v6::parse("fd5e:feed::1"), 64};
        BOOST_TEST_REQUIRE(v0->v6.size() == 1u);
        BOOST_TEST((v0->v6[0] == v6), v0->v6[0].address.to_string() << "/" << v0->v6[0].prefix_length);
    } else {
        BOOST_TEST(v0->v6.empty());
    }

    BOOST_TEST(!has(v1->flags, up));
    BOOST_TEST(has(v1->flags, broadcast));
    BOOST_TEST(v1->v4.empty());
    BOOST_TEST(v1->v6.empty());
}

namespace {

// In the forked child: a command run to its end; true when it exited 0.
bool run(std::vector<std::string> argv)
{
    const pid_t pid = ::fork();
    if (pid == 0) {
        std::vector<char*> args;
        for (auto& a : argv)
            args.push_back(a.data());
        args.push_back(nullptr);
        ::execvp(args[0], args.data());
        ::_exit(127);
    }
    int status = 0;
    while (pid > 0 && ::waitpid(pid, &status, 0) == -1 && errno == EINTR) {
    }
    return pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

bool write_file(const char* path, std::string_view text)
{
    const int fd = ::open(path, O_WRONLY | O_CLOEXEC);
    const bool ok = fd != -1 && ::write(fd, text.data(), text.size()) == ssize_t(text.size());
    if (fd != -1)
        ::close(fd);
    return ok;
}

// Exit codes of the child before it runs the test program.
enum setup_failure { user_namespace = 100, network_namespace, private_mounts, sysfs, ip_command, exec };

[[noreturn]] void fail(setup_failure code, const char* what)
{
    std::fprintf(stderr, "namespace setup: %s: %s\n", what, std::strerror(errno));
    ::_exit(code);
}

// In the forked child: a user namespace when not root (mapping this user to
// root in it), then new network and mount namespaces, a sysfs of the new
// network namespace on /sys, the veth pair with its addresses, and this test
// program again, for the system_view suite and namespace_view.
[[noreturn]] void child(const std::string& host_ns)
{
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    const auto uid = ::geteuid();
    const auto gid = ::getegid();
    if (uid != 0) {
        if (::unshare(CLONE_NEWUSER) != 0)
            fail(user_namespace, "unshare(CLONE_NEWUSER)");
        if (!write_file("/proc/self/setgroups", "deny") ||
            !write_file("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1") ||
            !write_file("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1"))
            fail(user_namespace, "uid_map/gid_map");
    }
    if (::unshare(CLONE_NEWNET | CLONE_NEWNS) != 0)
        fail(network_namespace, "unshare(CLONE_NEWNET | CLONE_NEWNS)");
    if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
        fail(private_mounts, "mount --make-rprivate /");
    if (::mount("sysfs", "/sys", "sysfs", 0, nullptr) != 0)
        fail(sysfs, "mount -t sysfs sysfs /sys");
    const std::vector<std::vector<std::string>> commands = {
        {"ip", "link", "add", "tsockv0", "type", "veth", "peer", "name", "tsockv1"},
        {"ip", "link", "set", "lo", "up"},
        {"ip", "link", "set", "tsockv0", "up"},
        {"ip", "addr", "add", "198.18.0.1/24", "brd", "+", "dev", "tsockv0"},
        {"ip", "addr", "add", "198.18.0.2/24", "dev", "tsockv0", "label", "tsockv0:1"},
        {"ip", "-6", "addr", "add", "fd5e:feed::1/64", "dev", "tsockv0", "nodad"},
    };
    const bool has_v6 = ::access("/proc/net/if_inet6", F_OK) == 0;
    for (const auto& c : commands) {
        if (c[1] == "-6" && !has_v6)
            continue;
        if (!run(c))
            fail(ip_command, (c[1] + " " + c[2] + " " + c[3] + " " + c[4] + " (iproute2 installed?)").c_str());
    }
    ::setenv("TSOCK_TEST_HOST_NETNS", host_ns.c_str(), 1);
    char program[] = "/proc/self/exe";
    char suite[] = "--run_test=system_view";
    char test[] = "--run_test=namespace_view";
    char report[] = "--report_level=short";
    char* args[] = {program, suite, test, report, nullptr};
    ::execv(program, args);
    fail(exec, "exec /proc/self/exe");
}

} // namespace

BOOST_AUTO_TEST_CASE(in_a_network_namespace_of_its_own)
{
    const std::string host_ns = fs::read_symlink("/proc/self/ns/net").string();
    std::cout.flush();
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    BOOST_TEST_REQUIRE(pid != -1, std::strerror(errno));
    if (pid == 0)
        child(host_ns);

    // A bounded wait: 30 s, then the child is killed.
    const int pidfd = int(::syscall(SYS_pidfd_open, pid, 0));
    int ready = -1;
    if (pidfd != -1) {
        ::pollfd p{pidfd, POLLIN, 0};
        for (int i = 0; i != 100 && (ready = ::poll(&p, 1, 30000)) == -1 && errno == EINTR; ++i) {
        }
        ::close(pidfd);
    }
    if (ready != 1)
        ::kill(pid, SIGKILL);
    int status = 0;
    while (::waitpid(pid, &status, 0) == -1 && errno == EINTR) {
    }
    BOOST_TEST_REQUIRE(pidfd != -1, "pidfd_open: " << std::strerror(errno));
    BOOST_TEST_REQUIRE(ready == 1, "the namespace test took more than 30 s: killed");
    BOOST_TEST_REQUIRE(WIFEXITED(status), "the namespace test died of signal " << WTERMSIG(status));
    BOOST_TEST(WEXITSTATUS(status) == 0, "the namespace test failed (exit status " << WEXITSTATUS(status)
                                                                                     << "; its output is above)");
    // Nothing of the namespace reached the host.
    std::error_code ec;
    BOOST_TEST(tsock::interface_index("tsockv0", ec) == 0u);
    BOOST_TEST((ec == error::no_such_interface));
}
