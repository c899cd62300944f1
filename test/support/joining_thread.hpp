// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#ifndef TSOCK_TEST_SUPPORT_JOINING_THREAD_HPP
#define TSOCK_TEST_SUPPORT_JOINING_THREAD_HPP

// std::jthread without the stop token, which is all the tests use of it:
// libc++ 16 (the libcxx preset) has no std::jthread.

#include <thread>
#include <type_traits>
#include <utility>

namespace tsock_test {

// A std::thread joined when destroyed and before being assigned over.
class joining_thread {
public:
    joining_thread() noexcept = default;
    template <class F, class... Args>
        requires(!std::is_same_v<std::remove_cvref_t<F>, joining_thread>)
    explicit joining_thread(F&& f, Args&&... args) : thread_(std::forward<F>(f), std::forward<Args>(args)...)
    {
    }
    joining_thread(joining_thread&&) noexcept = default;
    joining_thread& operator=(joining_thread&& other) noexcept
    {
        if (this != &other) {
            join_if_joinable();
            thread_ = std::move(other.thread_);
        }
        return *this;
    }
    ~joining_thread() { join_if_joinable(); }

    bool joinable() const noexcept { return thread_.joinable(); }
    void join() { thread_.join(); }

private:
    void join_if_joinable() noexcept
    {
        if (thread_.joinable())
            thread_.join();
    }

    std::thread thread_;
};

} // namespace tsock_test

#endif // TSOCK_TEST_SUPPORT_JOINING_THREAD_HPP
