// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// Compiles the kqueue backend behind the poller's front end on a system
// without kqueue (with the stand-in <sys/event.h> beside this file): every
// call the front end makes of a backend, instantiated. Never run.

#include <tsock/basic_socket.hpp>
#include <tsock/detail/posix/kqueue_poller.hpp>
#include <tsock/poller.hpp>

namespace {

struct kqueue_for_check {
    static constexpr bool available = true;
    using impl = tsock::detail::kqueue_poller;
};

[[maybe_unused]] void use_every_call(const tsock::basic_socket<tsock::ipv4, tsock::stream, tsock::non_blocking>& s)
{
    tsock::basic_poller<void*, kqueue_for_check> p;
    p.add(s, tsock::interest::readable, nullptr, tsock::edge_triggered_one_shot);
    p.modify(s, tsock::interest::both);
    p.rearm(s);
    for (auto e : p.wait(std::chrono::milliseconds(5)))
        (void)e.token();
    p.remove(s);
    p.wake();
}

} // namespace
