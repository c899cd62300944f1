// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// A chat relay on one thread: a tsock::poller over the listener and every
// client. Each line a client sends goes to every other client, after its
// sender's name; joins and leaves are announced. "/name NAME" picks a name
// (the address until then), "###" leaves.
//
//   chat_server [--bind ADDRESS] [--port N] [--max-line BYTES]
//               [--max-clients N] [--exit-after-idle SECONDS]
//   chat_server demo        the server and four clients in one process, checked
//   chat_server --help
//
// Nothing is unbounded: a line longer than --max-line is not relayed (its
// sender is told); a client that does not read what it is sent is dropped
// once 1 MiB waits for it, and until then only it waits (each client has its
// own output, and is watched for writable only while output is pending).
// SIGINT or SIGTERM stops the server (the handler wakes the poller).

#include "poller_support.hpp"

#include <tsock/basic_socket.hpp>
#include <tsock/create_server.hpp>
#include <tsock/options.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <thread>
#include <vector>

namespace {

using namespace std::chrono_literals;
using listener_type = tsock::basic_listener<tsock::inet, tsock::stream, tsock::non_blocking>;
using socket_type = listener_type::socket;

struct server_options {
    std::size_t max_line = 1024;      // bytes, without the newline
    std::size_t max_output = 1 << 20; // bytes waiting for one client
    int max_clients = -1;             // >= 0: accept that many, end when they have left
    std::chrono::seconds exit_after_idle{0}; // > 0: end after that long without clients
    bool log = true;                  // joins and leaves on stdout
};

class chat_server {
public:
    chat_server(listener_type l, server_options o) : listener_(std::move(l)), options_(o)
    {
        poller_.add(listener_, tsock::interest::readable, listener_token);
    }

    tsock::inet_endpoint local_endpoint() const { return listener_.local_endpoint(); }
    // From any thread or a signal handler: ends the wait, so that run sees stop.
    void wake() const noexcept { poller_.wake(); }
    const tsock::poller<std::uint64_t>& poller() const noexcept { return poller_; }

    // Relays until stop is true (and wake is called), or --max-clients or
    // --exit-after-idle says so.
    void run(const std::atomic<bool>& stop)
    {
        auto idle_since = std::chrono::steady_clock::now();
        while (!stop) {
            if (accepting_ && options_.max_clients >= 0 && accepted_ == options_.max_clients) {
                poller_.remove(listener_); // accept no more; end when they have gone
                accepting_ = false;
            }
            if (!accepting_ && clients_.empty())
                return;
            const auto events =
                options_.exit_after_idle > 0s && clients_.empty() ? poller_.wait(1s) : poller_.wait();
            for (const auto e : events) {
                if (e.token() == listener_token)
                    accept_all();
                else if (const auto c = clients_.find(e.token()); c != clients_.end()) {
                    if (e.writable())
                        flush(c->second);
                    if (e.readable() || e.error() || e.hang_up())
                        receive(c->second);
                }
                reap();
            }
            if (!clients_.empty())
                idle_since = std::chrono::steady_clock::now();
            else if (options_.exit_after_idle > 0s &&
                     std::chrono::steady_clock::now() - idle_since >= options_.exit_after_idle)
                return;
        }
        for (auto& [id, c] : clients_)
            poller_.remove(c.s);
        clients_.clear();
    }

private:
    struct client {
        socket_type s;
        std::string name;
        std::string in;          // the start of a line (at most max_line bytes)
        std::string out;         // what waits to be sent
        bool discarding = false; // dropping the rest of a line too long
        bool writing = false;    // registered for writable too
        bool leaving = false;    // said ###: close once out is sent
        std::string gone;        // not empty: why it is being removed
    };
    static constexpr std::uint64_t listener_token = 0;

    void accept_all()
    {
        while (accepting_) {
            std::error_code ec;
            auto a = listener_.accept(ec);
            if (ec || !a)
                return; // would block, or that connection failed before we took it
            const std::uint64_t id = next_id_++;
            client& c = clients_[id];
            c.s = std::move(a->socket);
            c.name = a->peer.to_string();
            poller_.add(c.s, tsock::interest::readable, id);
            ++accepted_;
            log(c.name + " joined");
            send_to(c, "* welcome, " + c.name + "; " + std::to_string(clients_.size()) +
                           " here. /name NAME to choose a name, ### to leave\n");
            broadcast(&c, "* " + c.name + " joined\n");
            if (options_.max_clients >= 0 && accepted_ == options_.max_clients)
                return;
        }
    }

    void receive(client& c)
    {
        char buffer[4096];
        std::error_code ec;
        const auto n = c.s.recv(buffer, ec);
        if (ec)
            return drop(c, ec == std::errc::connection_reset ? "connection reset" : ec.message());
        if (!n)
            return; // nothing after all
        if (*n == 0) {
            if (!c.in.empty() && !c.discarding && !c.leaving)
                line(c, std::exchange(c.in, {})); // the last line had no newline
            return drop(c, "");
        }
        if (c.leaving)
            return; // read and ignored: it said ###
        std::string_view data(buffer, *n);
        while (!data.empty() && c.gone.empty() && !c.leaving) {
            const auto eol = data.find('\n');
            const std::string_view part = data.substr(0, eol);
            data.remove_prefix(eol == data.npos ? data.size() : eol + 1);
            if (c.discarding) {
                c.discarding = eol == data.npos;
                continue;
            }
            if (c.in.size() + part.size() > options_.max_line) {
                c.in.clear();
                c.discarding = eol == data.npos; // the rest of it comes later
                send_to(c, "* your line was longer than " + std::to_string(options_.max_line) +
                               " bytes: not sent\n");
                continue;
            }
            c.in.append(part);
            if (eol != data.npos)
                line(c, std::exchange(c.in, {}));
        }
    }

    void line(client& c, std::string text)
    {
        if (text.ends_with('\r'))
            text.pop_back(); // telnet and Windows clients
        if (text == "###") {
            c.leaving = true;
            send_to(c, "* bye\n");
        } else if (text.starts_with("/name ") && text.size() > 6 && text.size() <= 6 + 32) {
            std::string name = text.substr(6);
            log(c.name + " is now " + name);
            broadcast(nullptr, "* " + c.name + " is now " + name + "\n");
            c.name = std::move(name);
        } else
            broadcast(&c, c.name + ": " + text + "\n");
    }

    // To every client but from (which may be null).
    void broadcast(const client* from, const std::string& text)
    {
        for (auto& [id, c] : clients_)
            if (&c != from)
                send_to(c, text);
    }

    void send_to(client& c, std::string_view text)
    {
        if (!c.gone.empty())
            return;
        if (c.out.size() + text.size() > options_.max_output)
            return drop(c, "too slow: " + std::to_string(c.out.size()) + " bytes waiting for it");
        c.out.append(text);
        flush(c);
    }

    // Sends what it can of c.out; watches for writable while some is left.
    void flush(client& c)
    {
        std::size_t sent = 0;
        while (sent != c.out.size()) {
            std::error_code ec;
            const auto n = c.s.send(std::string_view(c.out).substr(sent), ec);
            if (ec)
                return drop(c, ec.message());
            if (!n)
                break; // full: the rest when writable
            sent += *n;
        }
        c.out.erase(0, sent);
        if (c.out.empty() && c.leaving)
            return drop(c, "");
        if (c.out.empty() == c.writing) {
            c.writing = !c.out.empty();
            poller_.modify(c.s, c.writing ? tsock::interest::both : tsock::interest::readable);
        }
    }

    // Marks c to be removed once the current event is handled (a broadcast
    // may be iterating over the clients).
    void drop(client& c, std::string why)
    {
        if (c.gone.empty())
            c.gone = why.empty() ? "left" : "left (" + why + ")";
    }

    // Removes the clients marked by drop; telling the others may mark more.
    void reap()
    {
        for (bool again = true; again;) {
            again = false;
            for (auto i = clients_.begin(); i != clients_.end(); ++i) {
                if (i->second.gone.empty())
                    continue;
                const std::string text = i->second.name + " " + i->second.gone;
                poller_.remove(i->second.s); // before the socket closes
                clients_.erase(i);
                log(text);
                broadcast(nullptr, "* " + text + "\n");
                again = true;
                break;
            }
        }
    }

    void log(const std::string& text) const
    {
        if (options_.log)
            std::cout << "chat_server: " << text << std::endl;
    }

    tsock::poller<std::uint64_t> poller_;
    listener_type listener_;
    server_options options_;
    std::map<std::uint64_t, client> clients_; // by token; ids are never reused
    std::uint64_t next_id_ = 1;
    int accepted_ = 0;
    bool accepting_ = true;
};

int serve(std::string_view address, int port, const server_options& o)
{
    const auto ep = poller_support::endpoint_of(address, port);
    chat_server server(tsock::create_server<tsock::stream, tsock::non_blocking>(ep), o);
    std::cout << "chat_server: listening on " << server.local_endpoint() << std::endl;
    server.run(poller_support::stop_on_signals(server.poller()));
    std::cout << "chat_server: stopped" << std::endl;
    return 0;
}

// ---- demo: the server in a thread, clients as a user's program would be ----

using client_socket = tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::timeout>;

// A blocking client that reads line by line (10 s at most for any call).
struct demo_client {
    std::string who;
    client_socket s;
    std::string buffer;

    demo_client(std::string name, const tsock::ipv4_endpoint& ep)
        : who(std::move(name)), s(client_socket::connect_to(ep, tsock::timeout{10s}))
    {
    }
    void say(std::string_view text) { s.send_all(text); }
    // The next line, without its newline; nullopt when the server closed.
    std::optional<std::string> next_line()
    {
        char chunk[4096];
        std::size_t eol;
        while ((eol = buffer.find('\n')) == buffer.npos) {
            const std::size_t n = s.recv(chunk);
            if (n == 0)
                return std::nullopt;
            buffer.append(chunk, n);
        }
        std::string line = buffer.substr(0, eol);
        buffer.erase(0, eol + 1);
        return line;
    }
};

bool check(demo_client& c, std::string_view expected_start)
{
    const auto got = c.next_line();
    const bool ok = got && got->starts_with(expected_start);
    std::cout << "demo: " << c.who << " got " << (got ? '"' + got->substr(0, 60) + '"' : "the end")
              << (ok ? ": ok" : ": WRONG, expected \"" + std::string(expected_start) + "...\"") << std::endl;
    return ok;
}

bool demo_script(const tsock::ipv4_endpoint& ep)
{
    bool ok = true;
    demo_client a("alice", ep);
    ok &= check(a, "* welcome");
    demo_client b("bob", ep);
    ok &= check(b, "* welcome");
    ok &= check(a, "* 127.0.0.1:");
    demo_client c("carol", ep);
    ok &= check(c, "* welcome");
    ok &= check(a, "* 127.0.0.1:");
    ok &= check(b, "* 127.0.0.1:");
    for (demo_client* x : {&a, &b, &c}) {
        x->say("/name " + x->who + "\n");
        for (demo_client* y : {&a, &b, &c})
            ok &= check(*y, "* 127.0.0.1:");
    }
    std::cout << "demo: a line goes to the others, not back to its sender" << std::endl;
    a.say("hello from alice\n");
    ok &= check(b, "alice: hello from alice");
    ok &= check(c, "alice: hello from alice");
    b.say("hi alice\n");
    ok &= check(a, "bob: hi alice");
    ok &= check(c, "bob: hi alice"); // alice's own line did not come first
    std::cout << "demo: a line too long is refused, the next one goes" << std::endl;
    c.say(std::string(3000, 'x') + "\nshort\n");
    ok &= check(c, "* your line was longer than 1024 bytes");
    ok &= check(a, "carol: short");
    ok &= check(b, "carol: short");
    std::cout << "demo: a client that resets its connection leaves; the others go on" << std::endl;
    b.s.set(tsock::options::linger(0s));
    { const client_socket closing = std::move(b.s); } // closed with linger 0: a reset
    ok &= check(a, "* bob left (connection reset)");
    ok &= check(c, "* bob left (connection reset)");
    std::cout << "demo: ### ends a client" << std::endl;
    c.say("###\n");
    ok &= check(c, "* bye");
    ok &= !c.next_line();
    ok &= check(a, "* carol left");
    std::cout << "demo: a client that does not read is dropped; the others are not held" << std::endl;
    demo_client d("dave", ep);
    ok &= check(d, "* welcome");
    ok &= check(a, "* 127.0.0.1:");
    const std::string flood = std::string(1000, 'f') + '\n';
    for (int i = 0; i != 20000; ++i) // 20 MB: more than loopback's buffers and the 1 MiB cap
        a.say(flood);
    const std::string dave = d.s.local_endpoint().to_string(); // the server calls it so
    ok &= check(a, "* " + dave + " left (too slow") && a.buffer.empty();
    std::cout << "demo: alice ends her side; the server closes hers" << std::endl;
    a.s.shutdown(tsock::shutdown_type::send);
    ok &= !a.next_line();
    return ok;
}

bool demo()
{
    chat_server server(tsock::create_server<tsock::stream, tsock::non_blocking>(
                           tsock::inet_endpoint(tsock::ipv4_endpoint{tsock::address_v4::loopback(), 0})),
                       {.log = false});
    const tsock::ipv4_endpoint ep{tsock::address_v4::loopback(), server.local_endpoint().port()};
    std::atomic<bool> stop{false};
    std::thread relay([&] { server.run(stop); });
    bool ok = false;
    try {
        ok = demo_script(ep);
    } catch (const std::exception& e) {
        std::cout << "demo: " << e.what() << std::endl;
    }
    stop = true;
    server.wake();
    relay.join();
    std::cout << (ok ? "demo: all checks passed" : "demo: FAILED") << std::endl;
    return ok;
}

int usage(std::ostream& out, int status)
{
    out << "usage: chat_server [--bind ADDRESS] [--port N] [--max-line BYTES]\n"
           "                   [--max-clients N] [--exit-after-idle SECONDS]\n"
           "       chat_server demo\n"
           "  Relays each line a client sends to the other clients, on one thread.\n"
           "  ADDRESS: 127.0.0.1 (the default), ::1, 0.0.0.0 ...; --port 0 (the\n"
           "  default) picks a free port and prints it. --max-line: longer lines are\n"
           "  refused (1024). --max-clients N: accept N clients, end when they have\n"
           "  left. --exit-after-idle S: end after S seconds without clients.\n"
           "  Clients: chat_client, or nc/telnet. A client sends /name NAME to be\n"
           "  called NAME, ### to leave. SIGINT or SIGTERM stops the server.\n"
           "  demo: the server and four clients in this process, checked.\n";
    return status;
}

} // namespace

int main(int argc, char** argv)
{
    try {
        std::string address = "127.0.0.1";
        int port = 0;
        server_options o;
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            const bool has_value = i + 1 < argc;
            if (arg == "--help" || arg == "-h")
                return usage(std::cout, 0);
            if (arg == "demo" && argc == 2)
                return demo() ? 0 : 1;
            if (arg == "--bind" && has_value)
                address = argv[++i];
            else if (arg == "--port" && has_value)
                port = std::stoi(argv[++i]);
            else if (arg == "--max-line" && has_value)
                o.max_line = std::stoul(argv[++i]);
            else if (arg == "--max-clients" && has_value)
                o.max_clients = std::stoi(argv[++i]);
            else if (arg == "--exit-after-idle" && has_value)
                o.exit_after_idle = std::chrono::seconds(std::stoi(argv[++i]));
            else
                return usage(std::cerr, 2);
        }
        return serve(address, port, o);
    } catch (const std::exception& e) {
        std::cerr << "chat_server: " << e.what() << '\n';
        return 1;
    }
}
