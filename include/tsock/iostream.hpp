// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_IOSTREAM_HPP
#define TSOCK_IOSTREAM_HPP

// std::iostream over a waiting stream socket, for << and std::getline
// (Python's makefile('rwb') with text on top). Not part of <tsock.hpp>:
// <istream> and <ostream> are a cost only the users of this header pay; the
// iostream-free way to read lines is stream_reader.hpp.
//
// Like stream_reader, the stream borrows its socket (a reference that must
// outlive it). Binary-safe (no translation of any byte). Output is buffered
// and goes out with send_all when the buffer is full, on std::flush and
// std::endl, and when the stream is destroyed; input is one recv per refill.
//
// Errors: a clean end of stream is eofbit and failbit, as a file's end; a
// failed recv (error::timed_out in the timeout mode, a reset, ...) is
// badbit, a failed send_all as well. error() holds the last error; clear()
// the state to go on after a timeout.

#include <tsock/concepts.hpp>

#include <cstddef>
#include <istream>
#include <memory>
#include <ostream>
#include <span>
#include <streambuf>
#include <system_error>

namespace tsock {

// The std::streambuf: an input and an output buffer of fixed size, each
// allocated once.
template <waiting_stream_socket Socket>
class socket_streambuf : public std::streambuf {
public:
    static constexpr std::size_t default_buffer_size = 4096;

    explicit socket_streambuf(Socket& s, std::size_t buffer_size = default_buffer_size)
        : socket_(&s), size_(buffer_size ? buffer_size : 1), in_(new char[size_]), out_(new char[size_])
    {
        setg(in_.get(), in_.get(), in_.get());
        setp(out_.get(), out_.get() + size_);
    }
    socket_streambuf(const socket_streambuf&) = delete;
    socket_streambuf& operator=(const socket_streambuf&) = delete;
    // Sends what is still buffered; an error there is dropped (a destructor
    // cannot report it: flush first to see it).
    ~socket_streambuf() override { (void)flush_output(); }

    Socket& socket() const noexcept { return *socket_; }
    // The last error of a recv or send_all (kept until another one); empty
    // when none failed.
    const std::error_code& error() const noexcept { return error_; }

protected:
    // One recv into the input buffer. A failed recv throws: the stream
    // catches it and sets badbit (rethrowing only when its exceptions() ask
    // for badbit), which tells an error from the end of the stream.
    int_type underflow() override
    {
        if (gptr() < egptr())
            return traits_type::to_int_type(*gptr());
        std::error_code ec;
        const std::size_t n = socket_->recv(std::span<char>(in_.get(), size_), ec);
        if (ec) {
            error_ = ec;
            throw std::system_error(ec, "socket_streambuf recv");
        }
        setg(in_.get(), in_.get(), in_.get() + n);
        return n ? traits_type::to_int_type(*gptr()) : traits_type::eof();
    }

    // The output buffer is full: send it, then store c.
    int_type overflow(int_type c) override
    {
        if (!flush_output())
            return traits_type::eof();
        if (traits_type::eq_int_type(c, traits_type::eof()))
            return traits_type::not_eof(c);
        *pptr() = traits_type::to_char_type(c);
        pbump(1);
        return c;
    }

    // std::flush, std::endl: send what is buffered; -1 (badbit) on an error.
    int sync() override { return flush_output() ? 0 : -1; }

private:
    bool flush_output() noexcept
    {
        const auto pending = static_cast<std::size_t>(pptr() - pbase());
        if (pending == 0)
            return true;
        std::error_code ec;
        const std::size_t sent = socket_->send_all(std::span<const char>(pbase(), pending), ec);
        if (ec) {
            error_ = ec;
            // Keep what did not go, so a retry after a timeout sends it.
            std::char_traits<char>::move(out_.get(), pbase() + sent, pending - sent);
            setp(out_.get(), out_.get() + size_);
            pbump(static_cast<int>(pending - sent));
            return false;
        }
        setp(out_.get(), out_.get() + size_);
        return true;
    }

    Socket* socket_;
    std::size_t size_;
    std::unique_ptr<char[]> in_;
    std::unique_ptr<char[]> out_;
    std::error_code error_;
};

// std::iostream over a socket: socket_stream s(sock); s << "hi" << std::endl;
// std::getline(s, line); s.error() after a failure.
template <waiting_stream_socket Socket>
class socket_stream : public std::iostream {
public:
    explicit socket_stream(Socket& s, std::size_t buffer_size = socket_streambuf<Socket>::default_buffer_size)
        : std::iostream(nullptr), buf_(s, buffer_size)
    {
        rdbuf(&buf_);
    }

    // The last error of a recv or send_all, behind badbit.
    const std::error_code& error() const noexcept { return buf_.error(); }
    Socket& socket() const noexcept { return buf_.socket(); }

private:
    socket_streambuf<Socket> buf_;
};

} // namespace tsock

#endif // TSOCK_IOSTREAM_HPP
