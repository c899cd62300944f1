// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

// The minimal TCP client with POSIX calls, written as carefully as tsock
// does it (CLOEXEC, MSG_NOSIGNAL, partial sends and EINTR retried, and a
// connect that a signal interrupts waited for, as POSIX has it go on):
// connects to 127.0.0.1:PORT, sends MESSAGE, prints the reply, closes.

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char** argv)
{
    if (argc != 3) {
        std::fputs("usage: raw_client PORT MESSAGE\n", stderr);
        return 2;
    }
    const auto port = static_cast<unsigned short>(std::strtoul(argv[1], nullptr, 10));
    const auto fail = [](const char* what) {
        std::fprintf(stderr, "raw_client: %s: %s\n", what, std::strerror(errno));
        return 1;
    };

    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return fail("socket");
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<const sockaddr*>(&addr), sizeof addr) != 0) {
        if (errno != EINTR)
            return fail("connect");
        // Interrupted: the connection goes on (POSIX); wait until it is
        // made or has failed, and read which (tsock's blocking connect).
        pollfd p{fd, POLLOUT, 0};
        int r;
        do
            r = ::poll(&p, 1, -1);
        while (r < 0 && errno == EINTR);
        int err = 0;
        socklen_t len = sizeof err;
        if (r < 0 || ::getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) != 0)
            return fail("connect");
        if (err != 0) {
            errno = err;
            return fail("connect");
        }
    }
    const char* msg = argv[2];
    std::size_t left = std::strlen(msg);
    while (left != 0) {
        const ssize_t n = ::send(fd, msg, left, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return fail("send");
        msg += n;
        left -= std::size_t(n);
    }
    char reply[64];
    ssize_t n;
    do
        n = ::recv(fd, reply, sizeof reply, 0);
    while (n < 0 && errno == EINTR);
    if (n < 0)
        return fail("recv");
    std::fwrite(reply, 1, std::size_t(n), stdout);
    ::close(fd);
    return 0;
}
