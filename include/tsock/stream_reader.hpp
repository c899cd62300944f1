// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_STREAM_READER_HPP
#define TSOCK_STREAM_READER_HPP

// Python's makefile('rb') without iostreams: a buffered reader of lines and
// exact counts over a waiting stream socket (blocking or timeout mode).
// Named for what it is (it reads a stream), not for Python's word, which
// names the file object it makes; python.hpp users find it as "makefile".
//
// The reader borrows its socket (a reference): the socket stays the user's,
// to send on, to close, and to recv from again after take_buffered(). The
// buffer is allocated once, with a fixed capacity; a refill is one recv of
// at most that capacity, never a system call per byte.
//
// Lines: read_until(delimiter, max) returns the bytes up to AND including the
// delimiter (as Python's readline keeps "\n").
//   - no delimiter within max bytes: error::line_too_long (the max bytes are
//     consumed; the std::error_code form returns them);
//   - a clean end of stream before any byte: an empty string, no error;
//   - an end of stream after some bytes of a line: error::end_of_stream (the
//     std::error_code form returns the partial line).
// On any error (timed_out as well) the std::error_code form returns the bytes
// consumed so far, so none are lost; the throwing form throws
// std::system_error and those bytes are gone.

#include <tsock/concepts.hpp>
#include <tsock/detail/status.hpp>
#include <tsock/error.hpp>

#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <system_error>

// <algorithm> is left out on purpose (std::min only): in C++20 it costs
// about 10,000 preprocessed lines (see test/bench/header_budget.txt).

namespace tsock {

template <waiting_stream_socket Socket>
class stream_reader {
public:
    static constexpr std::size_t default_capacity = 8192;

    // Borrows s (it must outlive the reader); one buffer of capacity bytes
    // (at least 1), allocated here and never again.
    explicit stream_reader(Socket& s, std::size_t capacity = default_capacity)
        : socket_(&s), capacity_(capacity ? capacity : 1), buffer_(new std::byte[capacity_])
    {
    }

    Socket& socket() const noexcept { return *socket_; }
    std::size_t capacity() const noexcept { return capacity_; }

    // The bytes received and not yet read; valid until the next read.
    std::span<const std::byte> buffered() const noexcept { return {buffer_.get() + begin_, end_ - begin_}; }

    // Moves the buffered bytes out (the reader is then empty): what to do
    // before going back to the socket's own recv.
    std::string take_buffered()
    {
        std::string out(reinterpret_cast<const char*>(buffer_.get() + begin_), end_ - begin_);
        begin_ = end_ = 0;
        return out;
    }

    // Python's readline(max): read_until('\n', max).
    std::string read_line(std::size_t max)
    {
        std::error_code ec;
        std::string line = read_until('\n', max, ec);
        detail::throw_if(ec, "read_line");
        return line;
    }
    std::string read_line(std::size_t max, std::error_code& ec) { return read_until('\n', max, ec); }

    // The bytes up to and including delimiter, at most max of them (see the
    // top of this file for the ends and errors). recv(2) per refill.
    std::string read_until(char delimiter, std::size_t max)
    {
        std::error_code ec;
        std::string line = read_until(delimiter, max, ec);
        detail::throw_if(ec, "read_until");
        return line;
    }
    std::string read_until(char delimiter, std::size_t max, std::error_code& ec)
    {
        ec.clear();
        std::string line;
        // Each pass either ends or consumes at least one byte, or refills
        // (which ends the loop on an end of stream or error): bounded by max.
        for (;;) {
            const auto* first = reinterpret_cast<const char*>(buffer_.get() + begin_);
            const std::size_t room = max - line.size();
            const std::size_t look = end_ - begin_ < room ? end_ - begin_ : room;
            const auto* found = static_cast<const char*>(std::memchr(first, delimiter, look));
            const std::size_t take = found ? static_cast<std::size_t>(found - first) + 1 : look;
            line.append(first, take);
            begin_ += take;
            if (found || !refill_for(line, max, ec))
                return line;
        }
    }

    // The same with a delimiter of several bytes ("\r\n\r\n" ends an HTTP
    // head); max counts the delimiter too. An empty delimiter is
    // error::empty_delimiter. A delimiter split across refills is found.
    std::string read_until(std::string_view delimiter, std::size_t max)
    {
        std::error_code ec;
        std::string line = read_until(delimiter, max, ec);
        detail::throw_if(ec, "read_until");
        return line;
    }
    std::string read_until(std::string_view delimiter, std::size_t max, std::error_code& ec)
    {
        if (delimiter.size() == 1)
            return read_until(delimiter[0], max, ec);
        ec.clear();
        std::string line;
        if (delimiter.empty()) {
            ec = make_error_code(error::empty_delimiter);
            return line;
        }
        for (;;) {
            // The buffered bytes (up to max) go into line, and the search
            // starts where a delimiter across the old end could begin. A
            // match ends in the bytes just added: the ones after it go back.
            const std::size_t room = max - line.size();
            const std::size_t look = end_ - begin_ < room ? end_ - begin_ : room;
            const std::size_t from = line.size() < delimiter.size() ? 0 : line.size() - delimiter.size() + 1;
            line.append(reinterpret_cast<const char*>(buffer_.get() + begin_), look);
            const std::size_t at = line.find(delimiter, from);
            if (at != std::string::npos) {
                const std::size_t keep = at + delimiter.size();
                begin_ += look - (line.size() - keep);
                line.resize(keep);
                return line;
            }
            begin_ += look;
            if (!refill_for(line, max, ec))
                return line;
        }
    }

    // Python's read(n) on a socket file: exactly n bytes; an end of stream
    // first is error::end_of_stream (the std::error_code form returns the
    // bytes that came).
    std::string read_exact(std::size_t n)
    {
        std::error_code ec;
        std::string out = read_exact(n, ec);
        detail::throw_if(ec, "read_exact");
        return out;
    }
    std::string read_exact(std::size_t n, std::error_code& ec)
    {
        std::string out(n, '\0');
        out.resize(read_exact(std::span<std::byte>(reinterpret_cast<std::byte*>(out.data()), n), ec));
        return out;
    }
    // Fills buffer exactly: buffered bytes first, then the socket's own
    // recv_exact for the rest (no copy through the buffer). The
    // std::error_code form returns how many bytes were stored.
    void read_exact(std::span<std::byte> buffer)
    {
        std::error_code ec;
        read_exact(buffer, ec);
        detail::throw_if(ec, "read_exact");
    }
    std::size_t read_exact(std::span<std::byte> buffer, std::error_code& ec) noexcept
    {
        const std::size_t done = drain(buffer);
        if (done == buffer.size()) {
            ec.clear();
            return done;
        }
        return done + socket_->recv_exact(buffer.subspan(done), ec);
    }

    // Python's read1: whatever is buffered (up to buffer's size), or else
    // one recv; 0 is the end of stream (or an empty buffer).
    std::size_t read_some(std::span<std::byte> buffer)
    {
        std::error_code ec;
        const std::size_t n = read_some(buffer, ec);
        detail::throw_if(ec, "read_some");
        return n;
    }
    std::size_t read_some(std::span<std::byte> buffer, std::error_code& ec) noexcept
    {
        ec.clear();
        if (begin_ == end_ && !buffer.empty()) {
            // A large read goes straight to the caller's memory.
            if (buffer.size() >= capacity_)
                return socket_->recv(buffer, ec);
            if (!refill(ec))
                return 0;
        }
        return drain(buffer);
    }

private:
    // Copies buffered bytes into out; how many.
    std::size_t drain(std::span<std::byte> out) noexcept
    {
        const std::size_t n = out.size() < end_ - begin_ ? out.size() : end_ - begin_;
        if (n)
            std::memcpy(out.data(), buffer_.get() + begin_, n);
        begin_ += n;
        return n;
    }

    // One recv into the (empty) buffer; false on an error (ec set). An end of
    // stream is true with nothing buffered.
    // A read_until pass found no delimiter in line: refills and says
    // whether to go on; false with ec set (line_too_long at max, the
    // refill's error, end_of_stream mid-line) or clear at a clean end.
    bool refill_for(const std::string& line, std::size_t max, std::error_code& ec)
    {
        if (line.size() == max) {
            ec = make_error_code(error::line_too_long);
            return false;
        }
        if (!refill(ec))
            return false;
        if (begin_ != end_)
            return true;
        if (!line.empty()) // end of stream mid-line
            ec = make_error_code(error::end_of_stream);
        return false;
    }

    bool refill(std::error_code& ec) noexcept
    {
        begin_ = end_ = 0;
        const std::size_t n = socket_->recv(std::span<std::byte>(buffer_.get(), capacity_), ec);
        if (ec)
            return false;
        end_ = n;
        return true;
    }

    Socket* socket_;
    std::size_t capacity_;
    std::unique_ptr<std::byte[]> buffer_;
    std::size_t begin_ = 0; // the unread bytes are [begin_, end_)
    std::size_t end_ = 0;
};

} // namespace tsock

#endif // TSOCK_STREAM_READER_HPP
