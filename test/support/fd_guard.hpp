// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#ifndef TSOCK_TEST_SUPPORT_FD_GUARD_HPP
#define TSOCK_TEST_SUPPORT_FD_GUARD_HPP

// The tests' own descriptors (raw sockets, pipes, files they open with the
// system calls themselves, beside tsock's): closed at the end of the scope.
// POSIX only. std::unique_ptr does not fit: a descriptor is an int, not a
// pointer.

#include <unistd.h>

namespace tsock_test {

class fd_guard {
public:
    explicit fd_guard(int fd = -1) noexcept : fd_(fd) { }
    fd_guard(const fd_guard&) = delete;
    fd_guard& operator=(const fd_guard&) = delete;
    ~fd_guard() { reset(); }

    int get() const noexcept { return fd_; }
    // Closes the descriptor now (a pipe's end the other side waits on).
    void reset() noexcept
    {
        if (fd_ >= 0)
            ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

} // namespace tsock_test

#endif
