// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_BATCH_OPS_HPP
#define TSOCK_DETAIL_BATCH_OPS_HPP

// The system calls of send_many, recv_many and sendfile. message_batch holds
// the headers of one batch: Linux's (detail/posix/batch_ops.hpp) for
// sendmmsg and recvmmsg; elsewhere this file's, a loop of sendto and
// recvfrom that ends as those calls do (at the first message that cannot go
// or has not arrived). send_file_once: sendfile(2) on Linux, a read and a
// send elsewhere (detail/posix/file_ops.hpp, detail/windows/file_ops.hpp).

#include <tsock/batch.hpp>
#include <tsock/config.hpp>
#include <tsock/detail/chrono.hpp>
#include <tsock/detail/socket_ops.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/endpoint.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <system_error>

#if BOOST_OS_WINDOWS
#include <tsock/detail/windows/file_ops.hpp>
#else
#include <tsock/detail/posix/file_ops.hpp>
#endif

#if BOOST_OS_LINUX
#include <tsock/detail/posix/batch_ops.hpp>
#else
namespace tsock::detail {

// The same interface as Linux's message_batch, one call per message.
class message_batch {
public:
    message_batch() noexcept {} // NOLINT: set() fills each entry before it is read

    void set(std::size_t i, void* data, std::size_t size, ::sockaddr* name, ::socklen_t name_size) noexcept
    {
        entries_[i] = {data, size, name, name_size, 0, false};
    }

    // sendto each message in turn; stops at the first that fails: how many
    // went, or -1 (last_status()) when the first failed.
    std::ptrdiff_t send(native_handle_type h, std::size_t count) noexcept
    {
        for (std::size_t i = 0; i != count; ++i) {
            const entry& e = entries_[i];
            if (send_to(h, e.data, e.size, 0, e.name, e.name_size) < 0)
                return i == 0 ? -1 : std::ptrdiff_t(i);
        }
        return std::ptrdiff_t(count);
    }

    // recvfrom the first message as the socket waits, then the others only
    // while one is ready at once (a zero-timeout poll: recvmmsg's
    // MSG_WAITFORONE). How many arrived, or -1 when the first failed.
    std::ptrdiff_t receive(native_handle_type h, std::size_t count) noexcept
    {
        for (std::size_t i = 0; i != count; ++i) {
            entry& e = entries_[i];
            if (i != 0 && wait_ready(h, POLLIN, std::chrono::steady_clock::time_point::min()) != 0)
                return std::ptrdiff_t(i);
            const auto n = recv_message(h, e.data, e.size, 0, e.name, &e.name_size, e.truncated);
            if (n < 0)
                return i == 0 ? -1 : std::ptrdiff_t(i);
            e.length = std::size_t(n);
        }
        return std::ptrdiff_t(count);
    }

    std::size_t length(std::size_t i) const noexcept { return entries_[i].length; }
    bool truncated(std::size_t i) const noexcept { return entries_[i].truncated; }
    ::socklen_t name_length(std::size_t i) const noexcept { return entries_[i].name_size; }

private:
    struct entry {
        void* data;
        std::size_t size;
        ::sockaddr* name;
        ::socklen_t name_size;
        std::size_t length;
        bool truncated;
    };
    entry entries_[max_batch];
};

} // namespace tsock::detail
#endif

namespace tsock::detail {

// Where a batch's names are, for endpoints of type E: in the endpoints
// themselves when they hold their sockaddr (name_access), else in an array
// of native names here, converted before sending and after receiving.
template <class E, bool InPlace = name_access<E>::in_place>
class batch_names {
public:
    ::sockaddr* to_send(const E& e, std::size_t i, ::socklen_t& size) noexcept
    {
        native_[i] = e.to_native();
        size = e.native_size();
        return reinterpret_cast<::sockaddr*>(&native_[i]);
    }
    ::sockaddr* to_receive(E&, std::size_t i) noexcept { return reinterpret_cast<::sockaddr*>(&native_[i]); }
    static constexpr ::socklen_t capacity = sizeof(typename E::native_type);
    // Reads the name the system wrote for message i into out: 0, or why it
    // is not one of E's (out is then E's default).
    status take(E& out, std::size_t i, ::socklen_t length) noexcept
    {
        std::error_code ec;
        out = E::from_native(reinterpret_cast<const ::sockaddr*>(&native_[i]), length, ec);
        return status_of(ec);
    }

private:
    typename E::native_type native_[max_batch];
};
template <class E>
class batch_names<E, true> {
public:
    ::sockaddr* to_send(const E& e, std::size_t, ::socklen_t& size) noexcept
    {
        size = sizeof(typename E::native_type);
        // sendmmsg's header has one non-const name pointer for both ways;
        // sending only reads it.
        return const_cast<::sockaddr*>(name_access<E>::name(e));
    }
    ::sockaddr* to_receive(E& e, std::size_t) noexcept { return name_access<E>::name(e); }
    static constexpr ::socklen_t capacity = sizeof(typename E::native_type);
    status take(E& out, std::size_t, ::socklen_t length) noexcept
    {
        if (name_access<E>::adopt(out, length)) [[likely]]
            return 0;
        return refuse(out);
    }

private:
    TSOCK_COLD static status refuse(E& out) noexcept
    {
        out = E();
        return status_of(error::bad_endpoint);
    }
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_BATCH_OPS_HPP
