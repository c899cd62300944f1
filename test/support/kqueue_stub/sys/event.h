// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// A stand-in for the BSD <sys/event.h> (FreeBSD's layout and values), so
// that Linux can compile tsock's kqueue backend; nothing here runs (the two
// calls fail with ENOSYS). The header_alone test compiles detail/posix/kqueue_poller.hpp
// and kqueue_check.cpp with it.
#pragma once

#include <stdint.h>
#include <time.h>

struct kevent {
    uintptr_t ident;
    short filter;
    unsigned short flags;
    unsigned int fflags;
    int64_t data;
    void* udata;
};

#define EV_SET(kevp, a, b, c, d, e, f)                                                                                 \
    do {                                                                                                               \
        struct kevent* ev_ = (kevp);                                                                                   \
        ev_->ident = (a);                                                                                              \
        ev_->filter = (b);                                                                                             \
        ev_->flags = (c);                                                                                              \
        ev_->fflags = (d);                                                                                             \
        ev_->data = (e);                                                                                               \
        ev_->udata = (f);                                                                                              \
    } while (0)

#define EVFILT_READ (-1)
#define EVFILT_WRITE (-2)
#define EVFILT_USER (-11)
#define EV_ADD 0x0001
#define EV_DELETE 0x0002
#define EV_ENABLE 0x0004
#define EV_DISABLE 0x0008
#define EV_ONESHOT 0x0010
#define EV_CLEAR 0x0020
#define EV_DISPATCH 0x0080
#define EV_ERROR 0x4000
#define EV_EOF 0x8000
#define NOTE_TRIGGER 0x01000000

// Defined so that the check links; they fail as a system without kqueue would.
#include <errno.h>
inline int kqueue(void)
{
    errno = ENOSYS;
    return -1;
}
inline int kevent(int, const struct kevent*, int, struct kevent*, int, const struct timespec*)
{
    errno = ENOSYS;
    return -1;
}
