// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_TEST_SUPPORT_SANDBOX_HPP
#define TSOCK_TEST_SUPPORT_SANDBOX_HPP

// run_in_sandbox: runs a function in a forked child inside Linux namespaces
// that the test creates, so that a test can control /etc/hosts, the host name
// and the network without touching the machine. The namespaces die with the
// child; the parent removes its temporary files and reaps the child, whatever
// happened. Linux only; needs no Boost.Test (failures are exceptions).
//
// The child is a copy of the test process that never returns into the test
// framework: fn's answer (or exception text) travels back through a pipe and
// the child leaves with _exit. Assertions belong in the parent, on the
// string fn returned; a BOOST_TEST inside fn would be lost with the child.

#include "fd_guard.hpp"

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <functional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <net/if.h>
#include <poll.h>
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

namespace tsock_test {

// What the child's namespaces look like. Every field left at its default
// makes no namespace at all (a plain forked child).
struct sandbox {
    // Non-empty: these contents replace /etc/hosts (a new mount namespace and
    // a bind mount of a temporary file).
    std::string hosts;
    // Replaces /etc/nsswitch.conf whenever a mount namespace is made, so that
    // host lookups read files only and never ask DNS. An entry for
    // /etc/nsswitch.conf in files wins; "" leaves the machine's file.
    std::string nsswitch = "hosts: files\n";
    // More files to replace, {path, contents}: {"/etc/gai.conf", "..."}. The
    // path must exist (a bind mount needs a file to cover).
    std::vector<std::pair<std::string, std::string>> files;
    // A new UTS namespace: the host name may be changed.
    bool uts = false;
    // A new network namespace with only lo, brought up.
    bool net = false;
    // With net: a veth pair tsockv0/tsockv1, 198.18.0.1/24 and fd5e:feed::1/64
    // on tsockv0, both up, and permanent neighbours 198.18.0.2 and
    // fd5e:feed::2 at 02:00:00:00:00:02, which no interface has: what is sent
    // to them vanishes, so a TCP connect hangs until its timeout. Runs ip
    // (iproute2). The IPv6 half is left out where the kernel has no IPv6.
    bool blackhole = false;
};

namespace sandbox_detail {

using clock = std::chrono::steady_clock;

// A failure to build the sandbox, as opposed to an exception of fn.
struct setup_failure : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline std::string errno_text(int e) { return std::error_code(e, std::system_category()).message(); }

// Throws setup_failure "call: errno text (hint)".
[[noreturn]] inline void fail(const std::string& call, int e, std::string_view hint = {})
{
    std::string what = call + ": " + errno_text(e);
    if (!hint.empty())
        what.append(" (").append(hint).append(")");
    throw setup_failure(what);
}

using tsock_test::fd_guard;

// Writes all of data; false (errno set) on failure.
inline bool write_all(int fd, std::string_view data) noexcept
{
    for (int i = 0; i != 1000000 && !data.empty(); ++i) {
        const auto n = ::write(fd, data.data(), data.size());
        if (n < 0 && errno != EINTR)
            return false;
        if (n > 0)
            data.remove_prefix(static_cast<std::size_t>(n));
    }
    return data.empty();
}

// "exit status 3" or "killed by signal 6 (Aborted)", from waitpid's status.
inline std::string describe_status(int status)
{
    if (WIFEXITED(status))
        return "exit status " + std::to_string(WEXITSTATUS(status));
    if (WIFSIGNALED(status)) {
        const char* name = ::strsignal(WTERMSIG(status));
        return "killed by signal " + std::to_string(WTERMSIG(status)) + " (" + (name ? name : "?") + ")";
    }
    return "wait status " + std::to_string(status);
}

// waitpid(pid) without WNOHANG: for a child that has exited or was sent SIGKILL.
inline bool reap(pid_t pid, int& status) noexcept
{
    for (int i = 0; i != 1000; ++i) {
        if (::waitpid(pid, &status, 0) == pid)
            return true;
        if (errno != EINTR)
            return false;
    }
    return false;
}

// What a child wrote to its pipe, and how it ended.
struct outcome {
    std::string output;
    int status = 0;         // waitpid's status
    bool timed_out = false; // the deadline passed: the child was killed
    bool lost = false;      // waitpid failed (someone else reaped it)
};

// One read from the non-blocking fd into out; eof becomes true at the end
// of the pipe (or on an error other than EAGAIN or EINTR).
inline void read_some(int fd, std::string& out, bool& eof)
{
    char buffer[16384];
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n > 0)
        out.append(buffer, static_cast<std::size_t>(n));
    else if (n == 0 || (errno != EAGAIN && errno != EINTR))
        eof = true;
}

// Reads fd (non-blocking, the read end of the child's pipe) and reaps pid,
// both before deadline; past it, kills the child with SIGKILL and reaps it.
// A pidfd tells when the child has exited even if a grandchild still holds
// the pipe open; without pidfd_open (kernels before 5.3) the end of the pipe
// stands for the child's exit.
inline outcome collect(pid_t pid, int fd, clock::time_point deadline)
{
    outcome r;
#if defined(SYS_pidfd_open)
    fd_guard pidfd(static_cast<int>(::syscall(SYS_pidfd_open, pid, 0)));
#else
    fd_guard pidfd;
#endif
    bool eof = false;
    bool reaped = false;
    // Each round reads, reaps or waits out the deadline; the count only
    // guards against a poll that keeps waking for nothing.
    for (long round = 0; !reaped && round != 10000000; ++round) {
        if (eof && pidfd.get() < 0) {
            r.lost = !reap(pid, r.status);
            reaped = true;
            break;
        }
        const auto left = std::chrono::ceil<std::chrono::milliseconds>(deadline - clock::now()).count();
        if (left <= 0)
            break;
        ::pollfd p[2] = {{eof ? -1 : fd, POLLIN, 0}, {pidfd.get(), POLLIN, 0}};
        const int n = ::poll(p, 2, static_cast<int>(std::min<long long>(left, INT_MAX)));
        if (n < 0 && errno != EINTR)
            break;
        if (n <= 0)
            continue;
        if (p[0].revents != 0)
            read_some(fd, r.output, eof);
        if (p[1].revents != 0) {
            const pid_t w = ::waitpid(pid, &r.status, WNOHANG);
            if (w == pid || (w < 0 && errno != EINTR)) {
                reaped = true;
                r.lost = w != pid;
            }
        }
    }
    if (reaped) {
        // The pipe holds all the child wrote before it exited.
        for (int i = 0; i != 100000 && !eof; ++i) {
            const auto size = r.output.size();
            read_some(fd, r.output, eof);
            if (r.output.size() == size)
                break;
        }
    } else {
        r.timed_out = true;
        ::kill(pid, SIGKILL);
        r.lost = !reap(pid, r.status);
    }
    return r;
}

// A private directory /tmp/tsock-sandbox-<pid>-XXXXXX for the files that
// replace others, made at the first add() and removed with its files.
class scratch {
public:
    scratch() = default;
    scratch(const scratch&) = delete;
    scratch& operator=(const scratch&) = delete;
    ~scratch()
    {
        if (!dir_.empty()) {
            std::error_code ignored; // a destructor: host.cpp checks nothing is left
            std::filesystem::remove_all(dir_, ignored);
        }
    }

    // The directory name's prefix for this process (a test checks that no
    // such directory is left behind).
    static std::string prefix() { return "/tmp/tsock-sandbox-" + std::to_string(::getpid()) + "-"; }

    // A new file (mode 0644) holding contents; its path.
    std::string add(std::string_view contents)
    {
        if (dir_.empty()) {
            std::string name = prefix() + "XXXXXX";
            if (::mkdtemp(name.data()) == nullptr)
                throw std::runtime_error("run_in_sandbox: mkdtemp " + name + ": " + errno_text(errno));
            dir_ = name;
        }
        std::string path = dir_ + "/" + std::to_string(files_++);
        fd_guard fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
        if (fd.get() < 0)
            throw std::runtime_error("run_in_sandbox: create " + path + ": " + errno_text(errno));
        if (::fchmod(fd.get(), 0644) != 0 || !write_all(fd.get(), contents))
            throw std::runtime_error("run_in_sandbox: write " + path + ": " + errno_text(errno));
        return path;
    }

private:
    std::string dir_;
    unsigned files_ = 0;
};

// A bind mount to make in the child: source covers target.
struct bind_mount {
    std::string source;
    std::string target;
};

// Writes text to a /proc file of the child (uid_map, gid_map).
inline void write_proc(const char* path, const std::string& text, std::string_view hint)
{
    fd_guard fd(::open(path, O_WRONLY | O_CLOEXEC));
    if (fd.get() < 0 || !write_all(fd.get(), text))
        fail(std::string("write ") + path + " \"" + text + "\"", errno, hint);
}

// A user namespace in which this process is root (uid and gid 0 stand for
// its own ids outside), so that it may make the other namespaces.
inline void enter_user_namespace()
{
    const auto uid = ::geteuid();
    const auto gid = ::getegid();
    if (::unshare(CLONE_NEWUSER) != 0)
        fail("unshare(CLONE_NEWUSER)", errno,
             "this machine does not let the test create namespaces: user namespaces are disabled or "
             "limited (sysctl kernel.unprivileged_userns_clone, user.max_user_namespaces, a seccomp "
             "profile); the sandboxed tests cannot run here");
    // Writing gid_map without CAP_SETGID in the parent namespace needs
    // setgroups denied first; kernels before 3.19 have no such file.
    fd_guard setgroups(::open("/proc/self/setgroups", O_WRONLY | O_CLOEXEC));
    if (setgroups.get() >= 0) {
        if (!write_all(setgroups.get(), "deny"))
            fail("write /proc/self/setgroups \"deny\"", errno);
    } else if (errno != ENOENT) {
        fail("open /proc/self/setgroups", errno);
    }
    // Since Linux 5.12 root's own uid 0 may be mapped only with CAP_SETFCAP.
    const char* hint = "this machine does not let the test create namespaces: root without CAP_SETFCAP "
                       "may not map uid 0";
    write_proc("/proc/self/uid_map", "0 " + std::to_string(uid) + " 1", uid == 0 ? hint : "");
    write_proc("/proc/self/gid_map", "0 " + std::to_string(gid) + " 1", uid == 0 ? hint : "");
}

// Brings lo up: SIOCGIFFLAGS, then SIOCSIFFLAGS with IFF_UP.
inline void bring_lo_up()
{
    fd_guard s(::socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    if (s.get() < 0)
        fail("socket(AF_INET, SOCK_DGRAM) for lo", errno);
    ::ifreq request{};
    std::strncpy(request.ifr_name, "lo", IFNAMSIZ - 1);
    if (::ioctl(s.get(), SIOCGIFFLAGS, &request) != 0)
        fail("ioctl(SIOCGIFFLAGS, lo)", errno);
    request.ifr_flags = static_cast<short>(request.ifr_flags | IFF_UP);
    if (::ioctl(s.get(), SIOCSIFFLAGS, &request) != 0)
        fail("ioctl(SIOCSIFFLAGS, lo, IFF_UP)", errno);
}

// Runs "ip <args>" and waits for it (at most 10 s): what it printed (stdout
// and stderr). Throws setup_failure with ip's own message when it fails.
inline std::string run_ip(std::vector<std::string> args)
{
    std::string command = "ip";
    for (const auto& a : args)
        command += " " + a;
    args.insert(args.begin(), "ip");
    std::vector<char*> argv;
    for (auto& a : args)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0)
        fail("pipe2 for " + command, errno);
    fd_guard read_end(p[0]);
    fd_guard write_end(p[1]);
    const pid_t pid = ::fork();
    if (pid < 0)
        fail("fork for " + command, errno);
    if (pid == 0) {
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        ::dup2(write_end.get(), STDOUT_FILENO);
        ::dup2(write_end.get(), STDERR_FILENO);
        for (const char* path : {"/usr/sbin/ip", "/sbin/ip", "/usr/bin/ip", "/bin/ip"})
            ::execv(path, argv.data());
        ::execvp("ip", argv.data());
        const std::string why = "cannot run ip (install iproute2): " + errno_text(errno);
        write_all(STDERR_FILENO, why);
        ::_exit(127);
    }
    write_end.reset();
    ::fcntl(read_end.get(), F_SETFL, O_NONBLOCK);
    const auto r = collect(pid, read_end.get(), clock::now() + std::chrono::seconds(10));
    if (r.timed_out)
        throw setup_failure(command + ": no answer within 10 s (killed)");
    if (r.lost || !WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) {
        std::string output = r.output;
        while (!output.empty() && (output.back() == '\n' || output.back() == ' '))
            output.pop_back();
        throw setup_failure(command + ": " + describe_status(r.status) + ": " + output);
    }
    return r.output;
}

// The veth pair and the neighbours that swallow packets (see sandbox::blackhole).
inline void make_blackhole()
{
    // Without IPv6 in the kernel the IPv6 half cannot be made.
    const fd_guard v6(::socket(AF_INET6, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    const bool ipv6 = v6.get() >= 0;
    run_ip({"link", "add", "tsockv0", "type", "veth", "peer", "name", "tsockv1"});
    run_ip({"addr", "add", "198.18.0.1/24", "dev", "tsockv0"});
    if (ipv6)
        run_ip({"-6", "addr", "add", "fd5e:feed::1/64", "dev", "tsockv0", "nodad"});
    // The peer first, so that tsockv0 has its carrier as it comes up.
    run_ip({"link", "set", "tsockv1", "up"});
    run_ip({"link", "set", "tsockv0", "up"});
    run_ip({"neigh", "add", "198.18.0.2", "lladdr", "02:00:00:00:00:02", "dev", "tsockv0", "nud", "permanent"});
    if (ipv6)
        run_ip({"-6", "neigh", "add", "fd5e:feed::2", "lladdr", "02:00:00:00:00:02", "dev", "tsockv0", "nud",
                "permanent"});
}

// Everything the child does before fn: namespaces, mounts, interfaces.
inline void enter_sandbox(const sandbox& s, const std::vector<bind_mount>& mounts)
{
    int flags = 0;
    std::string names;
    const auto add = [&](bool wanted, int flag, const char* name) {
        if (!wanted)
            return;
        flags |= flag;
        names += names.empty() ? name : std::string("|") + name;
    };
    add(!mounts.empty(), CLONE_NEWNS, "CLONE_NEWNS");
    add(s.uts, CLONE_NEWUTS, "CLONE_NEWUTS");
    add(s.net, CLONE_NEWNET, "CLONE_NEWNET");
    if (flags == 0)
        return;

    // Root may lack CAP_SYS_ADMIN (a container): then a user namespace, too.
    bool own_user_namespace = ::geteuid() != 0;
    if (own_user_namespace)
        enter_user_namespace();
    if (::unshare(flags) != 0) {
        const int e = errno;
        if (e != EPERM || own_user_namespace)
            fail("unshare(" + names + ")", e, "this machine does not let the test create namespaces");
        enter_user_namespace();
        if (::unshare(flags) != 0)
            fail("unshare(" + names + ") in a user namespace", errno,
                 "this machine does not let the test create namespaces");
    }

    if (!mounts.empty()) {
        // Private from here on: no mount below is seen outside the child.
        if (::mount(nullptr, "/", nullptr, MS_REC | MS_PRIVATE, nullptr) != 0)
            fail("mount(\"/\", MS_REC | MS_PRIVATE)", errno);
        for (const auto& m : mounts)
            if (::mount(m.source.c_str(), m.target.c_str(), nullptr, MS_BIND, nullptr) != 0)
                fail("mount(\"" + m.source + "\", \"" + m.target + "\", MS_BIND)", errno,
                     "the file to replace must exist");
    }
    if (s.net) {
        bring_lo_up();
        if (s.blackhole)
            make_blackhole();
    }
}

// Sends the status byte and text to the parent, then leaves without running
// anything of the test framework or static destructors.
[[noreturn]] inline void leave(int fd, char status, std::string_view text) noexcept
{
    std::fflush(nullptr);
    const bool sent = write_all(fd, std::string_view(&status, 1)) && write_all(fd, text);
    ::_exit(sent ? 0 : 3);
}

// The child: never returns.
[[noreturn]] inline void child_main(const sandbox& s, const std::vector<bind_mount>& mounts,
                                    const std::function<std::string()>& fn, int fd, pid_t parent) noexcept
{
    try {
        // The test framework's handlers for crashes would jump back into it:
        // a crash of the child must end the child.
        for (const int sig : {SIGABRT, SIGALRM, SIGBUS, SIGFPE, SIGILL, SIGSEGV, SIGSYS, SIGTRAP})
            ::signal(sig, SIG_DFL);
        ::sigset_t none;
        ::sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        // Die with the test, rather than outlive it.
        ::prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (::getppid() != parent)
            ::_exit(4);
        enter_sandbox(s, mounts);
    } catch (const std::exception& e) {
        leave(fd, 'S', e.what());
    } catch (...) {
        leave(fd, 'S', "an exception not derived from std::exception");
    }
    try {
        const std::string answer = fn();
        leave(fd, 'O', answer);
    } catch (const std::exception& e) {
        leave(fd, 'E', e.what());
    } catch (...) {
        leave(fd, 'E', "an exception not derived from std::exception");
    }
}

} // namespace sandbox_detail

// Runs fn in a forked child in the namespaces s asks for; returns the string
// fn returned. Throws std::runtime_error naming what failed when the child
// could not set up (the call and errno's text), fn threw (its what()), the
// child crashed (the signal) or ran past limit (then it is killed with SIGKILL
// and reaped). Temporary files are removed, the pipe closed and the child
// reaped in every case; the namespaces die with the child.
inline std::string run_in_sandbox(const sandbox& s, const std::function<std::string()>& fn,
                                  std::chrono::seconds limit = std::chrono::seconds(30))
{
    using namespace sandbox_detail;
    if (s.blackhole && !s.net)
        throw std::runtime_error("run_in_sandbox: blackhole needs net (a veth pair is never made on the host)");

    std::vector<std::pair<std::string, std::string>> replace = s.files;
    if (!s.hosts.empty())
        replace.emplace_back("/etc/hosts", s.hosts);
    const bool nsswitch_given = std::any_of(replace.begin(), replace.end(),
                                            [](const auto& f) { return f.first == "/etc/nsswitch.conf"; });
    if (!replace.empty() && !s.nsswitch.empty() && !nsswitch_given)
        replace.emplace_back("/etc/nsswitch.conf", s.nsswitch);

    scratch files;
    std::vector<bind_mount> mounts;
    for (const auto& [target, contents] : replace)
        mounts.push_back({files.add(contents), target});

    int p[2];
    if (::pipe2(p, O_CLOEXEC) != 0)
        throw std::runtime_error("run_in_sandbox: pipe2: " + errno_text(errno));
    fd_guard read_end(p[0]);
    fd_guard write_end(p[1]);
    ::fcntl(read_end.get(), F_SETFL, O_NONBLOCK);

    // What is buffered now would otherwise be written twice.
    std::fflush(nullptr);
    const pid_t parent = ::getpid();
    const auto deadline = clock::now() + limit;
    const pid_t pid = ::fork();
    if (pid < 0)
        throw std::runtime_error("run_in_sandbox: fork: " + errno_text(errno));
    if (pid == 0) {
        read_end.reset();
        child_main(s, mounts, fn, write_end.get(), parent);
    }
    write_end.reset();
    const outcome r = collect(pid, read_end.get(), deadline);

    const std::string text = r.output.empty() ? std::string() : r.output.substr(1);
    if (r.timed_out)
        throw std::runtime_error("run_in_sandbox: the child ran past its limit of " + std::to_string(limit.count()) +
                                 " s and was killed (SIGKILL)");
    if (r.lost)
        throw std::runtime_error("run_in_sandbox: the child could not be waited for (was SIGCHLD ignored?)");
    if (WIFSIGNALED(r.status))
        throw std::runtime_error("run_in_sandbox: the child crashed: " + describe_status(r.status));
    if (r.output.empty())
        throw std::runtime_error("run_in_sandbox: the child ended without an answer: " + describe_status(r.status));
    switch (r.output[0]) {
    case 'S': throw std::runtime_error("run_in_sandbox: setup failed: " + text);
    case 'E': throw std::runtime_error("run_in_sandbox: the function threw: " + text);
    default: break;
    }
    if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0)
        throw std::runtime_error("run_in_sandbox: the child ended with " + describe_status(r.status));
    return text;
}

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_SANDBOX_HPP
