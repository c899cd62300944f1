// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/local_endpoint.hpp>

#define BOOST_TEST_MODULE local_endpoint
#if defined(TSOCK_TEST_HEADER_ONLY) // mingw: no linked Boost.Test there
#include <boost/test/included/unit_test.hpp>
#else
#include <boost/test/unit_test.hpp>
#endif

#include "support/fuzz.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <cerrno>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>
#include <unordered_set>
#include <vector>

#include "support/fd_guard.hpp"

// Expected values follow unix(7): the layout of sockaddr_un, the length
// rules for pathname, abstract and unnamed sockets, and what Linux's bind
// and getsockname do with them (checked here against the kernel itself).

using tsock::error;
using tsock::local_endpoint;
using kind = local_endpoint::kind_type;
using namespace std::string_view_literals;

namespace {

using tsock_test::show;

constexpr std::size_t offset = offsetof(::sockaddr_un, sun_path);
constexpr std::size_t capacity = sizeof(::sockaddr_un::sun_path);

const char* kind_name(kind k)
{
    switch (k) {
    case kind::unnamed:
        return "unnamed";
    case kind::path:
        return "path";
    case kind::abstract:
        return "abstract";
    }
    return "?";
}

using tsock_test::fd_guard;

// A fresh directory under the temporary directory ($TMPDIR, or /tmp),
// removed with what is left in it (the socket files the tests made) at the
// end of the scope.
struct temp_dir {
    std::string path;
    temp_dir()
    {
        std::string pattern = (std::filesystem::temp_directory_path() / "tsock_local_XXXXXX").string();
        BOOST_REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    ~temp_dir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
        BOOST_TEST(!ec, "removing " << path << ": " << ec.message());
    }
};

// from_native on a copy of the first length bytes at p, in a heap block of
// exactly that size: the address sanitizer reports any read past length.
local_endpoint from_exact_copy(const void* p, std::size_t length, std::error_code& ec)
{
    std::vector<char> block(static_cast<const char*>(p), static_cast<const char*>(p) + length);
    return local_endpoint::from_native(
        reinterpret_cast<const ::sockaddr*>(block.data()), static_cast<::socklen_t>(length), ec);
}

// A sockaddr_un built by hand: zeroed, AF_UNIX, these bytes at sun_path.
::sockaddr_un hand_sockaddr_un(std::string_view sun_path)
{
    ::sockaddr_un sa;
    std::memset(&sa, 0, sizeof sa);
    sa.sun_family = AF_UNIX;
    BOOST_REQUIRE(sun_path.size() <= capacity);
    std::memcpy(sa.sun_path, sun_path.data(), sun_path.size());
    return sa;
}

} // namespace

// ---------------------------------------------------------------------------
// Construction

BOOST_AUTO_TEST_CASE(unnamed_by_default)
{
    static_assert(local_endpoint().kind() == kind::unnamed);
    static_assert(local_endpoint().name().empty());
    static_assert(local_endpoint().native_size() == offset);
    static_assert(local_endpoint::family() == AF_UNIX);
    static_assert(std::is_trivially_copyable_v<local_endpoint>);
    static_assert(sizeof(local_endpoint) == capacity + 2); // the bytes, a length and a kind: no pointer
    static_assert(local_endpoint::capacity == capacity);
#if BOOST_OS_LINUX
    static_assert(local_endpoint::max_path_length == capacity); // Linux binds a path with no NUL in sun_path
#else
    static_assert(local_endpoint::max_path_length == capacity - 1);
#endif
    const local_endpoint e;
    BOOST_TEST(kind_name(e.kind()) == "unnamed"sv);
    BOOST_TEST(e.to_string() == "");
    BOOST_TEST(e.native_size() == ::socklen_t(sizeof(::sa_family_t))); // Linux: offsetof is the family's size
    const ::sockaddr_un sa = e.to_native();
    const ::sockaddr_un expected = hand_sockaddr_un("");
    BOOST_TEST(std::memcmp(&sa, &expected, sizeof sa) == 0);
}

BOOST_AUTO_TEST_CASE(filesystem_paths)
{
    static_assert(local_endpoint::path("/tmp/x").kind() == kind::path);
    static_assert(local_endpoint::path("/tmp/x").name() == "/tmp/x");
    static_assert(local_endpoint::path("/tmp/x").native_size() == offset + 6 + 1);
    static_assert(local_endpoint::path("/tmp/x") == local_endpoint::path("/tmp/x"));
    static_assert(local_endpoint::path("/tmp/x") != local_endpoint::path("/tmp/y"));

    const std::string longest(capacity - 1, 'p');
    const std::string_view paths[] = {"/", "a", "/tmp/tsock.sock", "relative/dir/s", "@not-abstract", "with space",
        "caf\xc3\xa9", "\x01\x7f\xff", longest};
    for (std::string_view p : paths) {
        BOOST_TEST_CONTEXT("path " << show(p))
        {
            const auto e = local_endpoint::path(p);
            BOOST_TEST(kind_name(e.kind()) == "path"sv);
            BOOST_TEST(e.name() == p);
            BOOST_TEST(e.to_string() == p); // the path itself, as given
            BOOST_TEST(e.native_size() == ::socklen_t(offset + p.size() + 1)); // with its NUL
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(local_endpoint::path(p, ec) == e);
            BOOST_TEST(!ec);

            // to_native against one built by hand, NUL and zero tail included.
            const ::sockaddr_un sa = e.to_native();
            const ::sockaddr_un expected = hand_sockaddr_un(p);
            BOOST_TEST(sa.sun_family == AF_UNIX);
            BOOST_TEST(std::strlen(sa.sun_path) == p.size());
            BOOST_TEST(std::memcmp(&sa, &expected, sizeof sa) == 0);
        }
    }
}

#if BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(a_path_may_fill_sun_path)
{
    // Linux binds a path of all 108 bytes of sun_path, with no NUL after it
    // (unix(7)); see kernel_108_byte_path. to_native fills sun_path and its
    // length is the whole sockaddr_un.
    const std::string full(capacity, 'f');
    static_assert(local_endpoint::path(std::string_view(
                      "/123456789/123456789/123456789/123456789/123456789/123456789/123456789/123456789/123456789/"
                      "123456789/1234567")).native_size() == sizeof(::sockaddr_un));
    const auto e = local_endpoint::path(full);
    BOOST_TEST(e.name() == full);
    BOOST_TEST(e.native_size() == ::socklen_t(sizeof(::sockaddr_un)));
    const ::sockaddr_un sa = e.to_native();
    const ::sockaddr_un expected = hand_sockaddr_un(full);
    BOOST_TEST(std::memcmp(&sa, &expected, sizeof sa) == 0);
    std::error_code ec = make_error_code(error::bad_endpoint);
    BOOST_TEST(from_exact_copy(&sa, sizeof sa, ec) == e); // round trip, no NUL anywhere
    BOOST_TEST(!ec);
    BOOST_TEST(local_endpoint::path(full, ec) == e);
    BOOST_TEST(!ec);
}

#endif // BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(path_errors)
{
    // On Linux 108 bytes fit (sun_path need not hold a NUL); elsewhere the
    // terminating NUL must fit in sun_path too. One more does not fit.
    constexpr std::size_t max = local_endpoint::max_path_length;
    struct row {
        std::string text;
        error code;
        std::size_t where;
    };
    const row rows[] = {
        {"", error::empty_address, 0},
        {std::string(max + 1, 'p'), error::address_too_long, max},
        {std::string(capacity + 1, 'p'), error::address_too_long, max},
        {std::string(500, '/'), error::address_too_long, max},
        {std::string("a\0b", 3), error::invalid_character, 1},
        {std::string("\0", 1), error::invalid_character, 0},
        {std::string("/tmp/x\0", 7), error::invalid_character, 6},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("path " << show(r.text))
        {
            std::error_code ec;
            const auto e = local_endpoint::path(r.text, ec);
            BOOST_TEST(ec == r.code);
            BOOST_TEST(kind_name(e.kind()) == "unnamed"sv);
            bool thrown = false;
            try {
                (void)local_endpoint::path(r.text);
            } catch (const std::system_error& x) {
                thrown = true;
                const std::string what = x.what();
                BOOST_TEST(x.code() == r.code);
                BOOST_TEST(what.find("local socket path") != std::string::npos, what);
                BOOST_TEST(what.find(show(r.text)) != std::string::npos, what);
                BOOST_TEST(what.find("offset " + std::to_string(r.where)) != std::string::npos, what);
            }
            BOOST_TEST(thrown);
        }
    }
    std::error_code ec;
    BOOST_TEST(local_endpoint::path(std::string(max, 'p'), ec).name().size() == max);
    BOOST_TEST(!ec);
}

#if BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(abstract_names)
{
    static_assert(local_endpoint::abstract("x").kind() == kind::abstract);
    static_assert(local_endpoint::abstract("a\0b"sv).name() == "a\0b"sv);
    static_assert(local_endpoint::abstract("a\0b"sv).native_size() == offset + 1 + 3);
    static_assert(local_endpoint::abstract("").native_size() == offset + 1);
    static_assert(local_endpoint::abstract("x") != local_endpoint::path("x"));
    static_assert(local_endpoint::abstract("x") != local_endpoint::abstract("x\0"sv)); // the length counts
    static_assert(local_endpoint::max_abstract_length == capacity - 1);

    struct row {
        std::string name;
        std::string text;
    };
    const row rows[] = {
        {"", "@"},
        {"tsock", "@tsock"},
        {std::string("a\0b", 3), "@a\\x00b"},
        {std::string("\0", 1), "@\\x00"},
        {std::string("x\0\0", 3), "@x\\x00\\x00"},
        {"tab\there\n", "@tab\\x09here\\x0a"},
        {"back\\slash", "@back\\x5cslash"},
        {"caf\xc3\xa9\x7f", "@caf\\xc3\\xa9\\x7f"},
        {"/looks/like/a/path", "@/looks/like/a/path"},
        {std::string(capacity - 1, 'n'), "@" + std::string(capacity - 1, 'n')},
        {std::string(capacity - 1, '\0'),
            "@" +
                [] {
                    std::string s;
                    for (std::size_t i = 0; i != capacity - 1; ++i)
                        s += "\\x00";
                    return s;
                }()},
    };
    for (const auto& r : rows) {
        BOOST_TEST_CONTEXT("abstract name " << show(r.name))
        {
            const auto e = local_endpoint::abstract(r.name);
            BOOST_TEST(kind_name(e.kind()) == "abstract"sv);
            BOOST_TEST(e.name() == r.name);
            BOOST_TEST(e.to_string() == r.text);
            std::ostringstream out;
            out << e;
            BOOST_TEST(out.str() == r.text);
            BOOST_TEST(e.native_size() == ::socklen_t(offset + 1 + r.name.size())); // leading NUL, no trailing one
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(local_endpoint::abstract(r.name, ec) == e);
            BOOST_TEST(!ec);

            const ::sockaddr_un sa = e.to_native();
            const ::sockaddr_un expected = hand_sockaddr_un(std::string(1, '\0') + r.name);
            BOOST_TEST(std::memcmp(&sa, &expected, sizeof sa) == 0);
        }
    }

    // 107 bytes after the leading NUL fill sun_path; 108 do not fit.
    for (std::size_t size : {capacity, capacity + 1, std::size_t(300)}) {
        const std::string name(size, 'n');
        std::error_code ec;
        BOOST_TEST(kind_name(local_endpoint::abstract(name, ec).kind()) == "unnamed"sv);
        BOOST_TEST(ec == error::address_too_long);
        BOOST_CHECK_EXCEPTION((void)local_endpoint::abstract(name), std::system_error, [](const std::system_error& x) {
            return x.code() == error::address_too_long
                && std::string(x.what()).find("abstract local socket name") != std::string::npos;
        });
    }
}

#endif // BOOST_OS_LINUX

// ---------------------------------------------------------------------------
// from_native and the unix(7) length rules

BOOST_AUTO_TEST_CASE(from_native_unnamed)
{
    // An unbound socket reports just the family: length offsetof(sun_path).
    const ::sockaddr_un sa = hand_sockaddr_un("");
    std::error_code ec = make_error_code(error::bad_endpoint);
    const auto e = from_exact_copy(&sa, offset, ec);
    BOOST_TEST(!ec);
    BOOST_TEST(kind_name(e.kind()) == "unnamed"sv);
    BOOST_TEST(e == local_endpoint());
    BOOST_TEST(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&sa), offset) == local_endpoint());
}

BOOST_AUTO_TEST_CASE(from_native_path_with_and_without_its_nul)
{
    const std::string_view paths[] = {"/", "/tmp/tsock.sock", "rel", std::string_view("/x/\xff")};
    for (std::string_view p : paths) {
        BOOST_TEST_CONTEXT("path " << show(p))
        {
            const auto expected = local_endpoint::path(p);
            const ::sockaddr_un sa = hand_sockaddr_un(p);
            // The NUL inside the length (what Linux reports), outside it (what
            // some systems report, and what a caller may pass), and the whole
            // struct (the zero tail after the NUL is ignored).
            for (std::size_t length : {offset + p.size() + 1, offset + p.size(), sizeof sa}) {
                std::error_code ec = make_error_code(error::bad_endpoint);
                BOOST_TEST(from_exact_copy(&sa, length, ec) == expected, "length " << length);
                BOOST_TEST(!ec);
            }
            // The length decides where the path ends when no NUL comes first.
            std::error_code ec;
            BOOST_TEST(from_exact_copy(&sa, offset + 1, ec) == local_endpoint::path(p.substr(0, 1)));
        }
    }

    // The longest path, 107 bytes, with its NUL: exactly a sockaddr_un.
    const std::string longest(capacity - 1, 'p');
    const ::sockaddr_un sa = hand_sockaddr_un(longest);
    std::error_code ec;
    BOOST_TEST(from_exact_copy(&sa, sizeof sa, ec) == local_endpoint::path(longest));
    BOOST_TEST(!ec);
    BOOST_TEST(from_exact_copy(&sa, sizeof sa - 1, ec) == local_endpoint::path(longest)); // NUL left out
    BOOST_TEST(!ec);
}

BOOST_AUTO_TEST_CASE(from_native_path_that_fills_sun_path)
{
    // 108 non-NUL bytes fill sun_path with no room for the NUL. Linux binds
    // such a path and reports it with length 111 (offsetof + 108 + the NUL it
    // added), one past sockaddr_un: from_native takes both 110 and 111, and
    // reads no more than a sockaddr_un (the block here has only 110 bytes).
    // Elsewhere a path must hold its NUL: address_too_long.
    const std::string full(capacity, 'p');
    const ::sockaddr_un sa = hand_sockaddr_un(full);
    std::vector<char> block(reinterpret_cast<const char*>(&sa), reinterpret_cast<const char*>(&sa) + sizeof sa);
    const auto* in_block = reinterpret_cast<const ::sockaddr*>(block.data());
    std::error_code ec;
#if BOOST_OS_LINUX
    const auto e = local_endpoint::path(full);
    BOOST_TEST(from_exact_copy(&sa, sizeof sa, ec) == e);
    BOOST_TEST(!ec);
    BOOST_TEST(local_endpoint::from_native(in_block, static_cast<::socklen_t>(sizeof sa + 1), ec) == e);
    BOOST_TEST(!ec);
    // More than one byte past sockaddr_un: the kernel truncated something.
    (void)local_endpoint::from_native(in_block, static_cast<::socklen_t>(sizeof sa + 2), ec);
    BOOST_TEST(ec == error::address_too_long);
    // One past, but sun_path holds a NUL (a shorter path, or an abstract
    // name that lost its last byte): no 108-byte path, so truncated.
    for (const std::string& sun_path : {std::string(10, 'p'), std::string(1, '\0') + std::string(capacity - 1, 'n')}) {
        const ::sockaddr_un other = hand_sockaddr_un(sun_path);
        std::vector<char> b(reinterpret_cast<const char*>(&other), reinterpret_cast<const char*>(&other) + sizeof other);
        (void)local_endpoint::from_native(
            reinterpret_cast<const ::sockaddr*>(b.data()), static_cast<::socklen_t>(sizeof other + 1), ec);
        BOOST_TEST(ec == error::address_too_long, show(sun_path.substr(0, 4)));
    }
#else
    BOOST_TEST(kind_name(from_exact_copy(&sa, sizeof sa, ec).kind()) == "unnamed"sv);
    BOOST_TEST(ec == error::address_too_long);
    (void)local_endpoint::from_native(in_block, static_cast<::socklen_t>(sizeof sa + 1), ec);
    BOOST_TEST(ec == error::address_too_long);
    BOOST_CHECK_EXCEPTION((void)local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&sa), sizeof sa),
        std::system_error, [](const std::system_error& x) {
            return x.code() == error::address_too_long
                && std::string(x.what()).find("fits sun_path") != std::string::npos;
        });
#endif
}

#if BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(from_native_abstract_takes_exactly_the_length)
{
    // An abstract name is the length - offsetof - 1 bytes after the leading
    // NUL, whatever they are: NULs inside and at the end belong to it.
    const std::string names[]
        = {"", "x", std::string("a\0b", 3), std::string("\0\0", 2), "tsock-test", std::string(capacity - 1, 'n')};
    for (const auto& name : names) {
        BOOST_TEST_CONTEXT("abstract name " << show(name))
        {
            const ::sockaddr_un sa = hand_sockaddr_un(std::string(1, '\0') + name);
            std::error_code ec = make_error_code(error::bad_endpoint);
            BOOST_TEST(from_exact_copy(&sa, offset + 1 + name.size(), ec) == local_endpoint::abstract(name));
            BOOST_TEST(!ec);
            // One more byte of length is one more (NUL) byte of name.
            if (name.size() < capacity - 1) {
                const auto longer = from_exact_copy(&sa, offset + 2 + name.size(), ec);
                BOOST_TEST(longer == local_endpoint::abstract(name + '\0'));
                BOOST_TEST(longer != local_endpoint::abstract(name));
            }
        }
    }
    // The whole struct: a 107-byte name, mostly NULs.
    const ::sockaddr_un sa = hand_sockaddr_un(std::string("\0tsock", 6));
    std::error_code ec;
    const auto e = from_exact_copy(&sa, sizeof sa, ec);
    BOOST_TEST(e.name().size() == capacity - 1);
    BOOST_TEST(e.name().substr(0, 5) == "tsock");
}

#endif // BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(from_native_every_length_reads_only_that_length)
{
    // For each kind of name, every length from 0 to sizeof(sockaddr_un), the
    // bytes copied into a block of exactly that size (the address sanitizer
    // catches any read past it). Length 0 is unnamed; between 0 and
    // offsetof(sun_path): bad_endpoint.
    const std::string p = "/tmp/some/socket";
    const ::sockaddr_un samples[] = {
        hand_sockaddr_un(""),
        hand_sockaddr_un(p),
        hand_sockaddr_un(std::string(capacity - 1, 'q')),
        hand_sockaddr_un(std::string("\0ab\0cd", 6)),
        hand_sockaddr_un(std::string(capacity, 'r')),
    };
    for (const auto& sa : samples) {
        for (std::size_t length = 0; length <= sizeof sa; ++length) {
            std::error_code ec;
            const auto e = from_exact_copy(&sa, length, ec);
            BOOST_TEST_CONTEXT("sun_path " << show(std::string_view(sa.sun_path, 8)) << "... length " << length)
            {
                if (length == 0) {
                    // No name at all: what recvfrom reports for a datagram
                    // from an unbound sender. That is the unnamed endpoint.
                    BOOST_TEST(!ec);
                    BOOST_TEST(kind_name(e.kind()) == "unnamed"sv);
                    continue;
                }
                if (length < offset) {
                    BOOST_TEST(ec == error::bad_endpoint);
                    BOOST_TEST(e == local_endpoint());
                    continue;
                }
                const std::size_t n = length - offset;
                const std::string_view given(sa.sun_path, n);
                if (n == 0) {
                    BOOST_TEST(!ec);
                    BOOST_TEST(kind_name(e.kind()) == "unnamed"sv);
                }
#if BOOST_OS_LINUX
                else if (given[0] == '\0') {
                    BOOST_TEST(!ec);
                    BOOST_TEST(e == local_endpoint::abstract(given.substr(1)));
                }
#endif
                else if (given.find('\0') == std::string_view::npos && n == capacity
                         && local_endpoint::max_path_length < capacity) {
                    BOOST_TEST(ec == error::address_too_long); // the NUL must fit, but for Linux
                } else {
                    BOOST_TEST(!ec);
                    BOOST_TEST(e == local_endpoint::path(given.substr(0, given.find('\0'))));
                }
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(from_native_rejects_other_families)
{
    ::sockaddr_storage storage;
    for (int family : {AF_UNSPEC, AF_INET, AF_INET6, 255}) {
        std::memset(&storage, 0, sizeof storage);
        storage.ss_family = static_cast<::sa_family_t>(family);
        std::memcpy(reinterpret_cast<char*>(&storage) + offset, "/tmp/x", 7);
        std::error_code ec;
        const auto e
            = local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&storage), sizeof(::sockaddr_un), ec);
        BOOST_TEST(ec == error::bad_endpoint, "family " << family);
        BOOST_TEST(e == local_endpoint());
    }
    std::error_code ec;
    (void)local_endpoint::from_native(nullptr, sizeof(::sockaddr_un), ec);
    BOOST_TEST(ec == error::bad_endpoint);
    storage.ss_family = AF_INET;
    BOOST_CHECK_EXCEPTION((void)local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&storage), 16),
        std::system_error, [](const std::system_error& x) {
            const std::string what = x.what();
            return x.code() == error::bad_endpoint
                && what.find("family " + std::to_string(AF_INET)) != std::string::npos
                && what.find("16 bytes") != std::string::npos && what.find("AF_UNIX") != std::string::npos;
        });
}

// ---------------------------------------------------------------------------
// Comparison, hashing, streams

BOOST_AUTO_TEST_CASE(ordering_is_kind_then_bytes)
{
    static_assert(local_endpoint() < local_endpoint::path("/"));
    static_assert(local_endpoint::path("/a") < local_endpoint::path("/a/b"));
    static_assert(local_endpoint::path("/a/b") < local_endpoint::path("/b"));
    std::vector<local_endpoint> sorted = {
        local_endpoint(),
        local_endpoint::path("/"),
        local_endpoint::path("/a"),
        local_endpoint::path("/a/b"),
        local_endpoint::path("/b"),
        local_endpoint::path("\xff"),
    };
#if BOOST_OS_LINUX
    static_assert(local_endpoint::path("\xff") < local_endpoint::abstract(""));
    sorted.push_back(local_endpoint::abstract(""));
    sorted.push_back(local_endpoint::abstract("\0"sv));
    sorted.push_back(local_endpoint::abstract("\0z"sv));
    sorted.push_back(local_endpoint::abstract("a"));
#endif
    for (std::size_t i = 0; i != sorted.size(); ++i)
        for (std::size_t j = 0; j != sorted.size(); ++j)
            BOOST_TEST_CONTEXT(sorted[i] << " vs " << sorted[j])
            {
                BOOST_TEST((sorted[i] < sorted[j]) == (i < j));
                BOOST_TEST((sorted[i] == sorted[j]) == (i == j));
                BOOST_TEST(((sorted[i] <=> sorted[j]) > 0) == (i > j));
            }

    std::unordered_set<local_endpoint> hashed(sorted.begin(), sorted.end());
    hashed.insert(sorted.begin(), sorted.end());
    BOOST_TEST(hashed.size() == sorted.size());
    for (const auto& e : sorted) {
        BOOST_TEST(hashed.count(e) == 1u);
        const ::sockaddr_un native = e.to_native();
        const auto copy = local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&native), e.native_size());
        BOOST_TEST(std::hash<local_endpoint>()(copy) == std::hash<local_endpoint>()(e));
    }
}

BOOST_AUTO_TEST_CASE(streams)
{
    std::ostringstream narrow;
    narrow << '[' << local_endpoint() << "] " << local_endpoint::path("/run/x.sock");
    BOOST_TEST(narrow.str() == "[] /run/x.sock");
    std::wostringstream wide;
    wide << local_endpoint::path("/run/x.sock");
#if BOOST_OS_LINUX
    wide << L' ' << local_endpoint::abstract("a\0b"sv);
    BOOST_TEST((wide.str() == L"/run/x.sock @a\\x00b"));
#else
    BOOST_TEST((wide.str() == L"/run/x.sock"));
#endif
}

// ---------------------------------------------------------------------------
// The kernel

namespace {

// Binds a new AF_UNIX stream socket to e and returns what getsockname says.
local_endpoint bind_and_read_back(int fd, const local_endpoint& e)
{
    const ::sockaddr_un sa = e.to_native();
    BOOST_REQUIRE_MESSAGE(::bind(fd, reinterpret_cast<const ::sockaddr*>(&sa), e.native_size()) == 0,
        "bind " << show(e.to_string()) << ": " << std::strerror(errno));
    ::sockaddr_un out;
    std::memset(&out, 0xab, sizeof out);
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(fd, reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    BOOST_TEST(length == e.native_size()); // Linux reports the NUL of a path; abstract names exactly
    return local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length);
}

} // namespace

BOOST_AUTO_TEST_CASE(kernel_unnamed_and_socketpair)
{
    const fd_guard s(::socket(AF_UNIX, SOCK_STREAM, 0));
    BOOST_REQUIRE(s.get() >= 0);
    ::sockaddr_un out;
    std::memset(&out, 0xab, sizeof out);
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(s.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    BOOST_TEST(length == ::socklen_t(sizeof(::sa_family_t)));
    BOOST_TEST(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length) == local_endpoint());

    int pair[2];
    BOOST_REQUIRE(::socketpair(AF_UNIX, SOCK_STREAM, 0, pair) == 0);
    const fd_guard a(pair[0]), b(pair[1]);
    length = sizeof out;
    BOOST_REQUIRE(::getpeername(a.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    BOOST_TEST(kind_name(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length).kind())
        == "unnamed"sv);
}

BOOST_AUTO_TEST_CASE(kernel_path_round_trip)
{
    temp_dir dir;
    // A short path, and one of exactly 107 bytes (the longest that fits).
    const std::string shortest = dir.path + "/s";
    std::string longest = dir.path + "/";
    BOOST_REQUIRE(longest.size() < capacity - 1);
    longest.append(capacity - 1 - longest.size(), 'L');
    for (const std::string& path : {shortest, longest}) {
        BOOST_TEST_CONTEXT("path " << path)
        {
            const auto e = local_endpoint::path(path);
            const fd_guard server(::socket(AF_UNIX, SOCK_STREAM, 0));
            BOOST_REQUIRE(server.get() >= 0);
            BOOST_TEST(bind_and_read_back(server.get(), e) == e);
            BOOST_REQUIRE(::listen(server.get(), 1) == 0);

            // The client sees the path as its peer; the server's peer is unnamed.
            const fd_guard client(::socket(AF_UNIX, SOCK_STREAM, 0));
            BOOST_REQUIRE(client.get() >= 0);
            const ::sockaddr_un sa = e.to_native();
            BOOST_REQUIRE(::connect(client.get(), reinterpret_cast<const ::sockaddr*>(&sa), e.native_size()) == 0);
            ::sockaddr_un out;
            ::socklen_t length = sizeof out;
            BOOST_REQUIRE(::getpeername(client.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
            BOOST_TEST(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length) == e);
            length = sizeof out;
            const fd_guard accepted(::accept(server.get(), reinterpret_cast<::sockaddr*>(&out), &length));
            BOOST_REQUIRE(accepted.get() >= 0);
            BOOST_TEST(
                local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length) == local_endpoint());
        }
    }
}

#if BOOST_OS_LINUX

BOOST_AUTO_TEST_CASE(kernel_108_byte_path)
{
    // Linux binds 108 non-NUL bytes (sun_path full, length sizeof(sockaddr_un)),
    // then getsockname reports length 111: the NUL it added lies past the
    // sockaddr_un it filled. Raw POSIX calls; tsock reads what they report.
    temp_dir dir;
    std::string path = dir.path + "/";
    path.append(capacity - path.size(), 'L');
    BOOST_REQUIRE(path.size() == capacity);
    const ::sockaddr_un sa = hand_sockaddr_un(path);
    const fd_guard s(::socket(AF_UNIX, SOCK_STREAM, 0));
    BOOST_REQUIRE(s.get() >= 0);
    BOOST_REQUIRE_MESSAGE(::bind(s.get(), reinterpret_cast<const ::sockaddr*>(&sa), sizeof sa) == 0,
        "bind of a 108-byte path: " << std::strerror(errno));
    ::sockaddr_un out;
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(s.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    BOOST_TEST(length == ::socklen_t(sizeof out + 1));
    const auto e = local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length);
    BOOST_TEST(e == local_endpoint::path(path));
    BOOST_TEST(e.name().size() == capacity);
    // Back to native: the same bytes and length that were bound, no NUL.
    const ::sockaddr_un back = e.to_native();
    BOOST_TEST(e.native_size() == ::socklen_t(sizeof sa));
    BOOST_TEST(std::memcmp(&back, &sa, sizeof sa) == 0);

    // A client connects to it with to_native() and sees it as its peer.
    BOOST_REQUIRE(::listen(s.get(), 1) == 0);
    const fd_guard client(::socket(AF_UNIX, SOCK_STREAM, 0));
    BOOST_REQUIRE(client.get() >= 0);
    BOOST_REQUIRE(::connect(client.get(), reinterpret_cast<const ::sockaddr*>(&back), e.native_size()) == 0);
    length = sizeof out;
    BOOST_REQUIRE(::getpeername(client.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    BOOST_TEST(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length) == e);

    // 109 bytes: the kernel refuses them, and so does tsock.
    const std::string longer = path + "L";
    ::sockaddr_storage big;
    std::memset(&big, 0, sizeof big);
    big.ss_family = AF_UNIX;
    std::memcpy(reinterpret_cast<char*>(&big) + offset, longer.data(), longer.size());
    const fd_guard t(::socket(AF_UNIX, SOCK_STREAM, 0));
    BOOST_REQUIRE(t.get() >= 0);
    BOOST_TEST(::bind(t.get(), reinterpret_cast<const ::sockaddr*>(&big), ::socklen_t(offset + longer.size())) == -1);
    BOOST_TEST(errno == EINVAL);
    std::error_code ec;
    BOOST_TEST(local_endpoint::path(longer, ec) == local_endpoint());
    BOOST_TEST(ec == error::address_too_long);
}

BOOST_AUTO_TEST_CASE(kernel_abstract_round_trip)
{
    // Unique per process; one with embedded and trailing NULs, one of the
    // longest size, one that is only NULs but for the pid.
    const std::string pid = std::to_string(::getpid());
    const std::string names[] = {
        "tsock-test-" + pid,
        std::string("tsock\0embedded\0", 15) + pid + std::string("\0\0", 2),
        ("tsock-longest-" + pid).append(capacity - 1 - 14 - pid.size(), 'z'),
        std::string(20, '\0') + pid,
    };
    for (const auto& name : names) {
        BOOST_TEST_CONTEXT("abstract name " << show(name))
        {
            BOOST_REQUIRE(name.size() <= capacity - 1);
            const auto e = local_endpoint::abstract(name);
            const fd_guard server(::socket(AF_UNIX, SOCK_DGRAM, 0));
            BOOST_REQUIRE(server.get() >= 0);
            const auto back = bind_and_read_back(server.get(), e);
            BOOST_TEST(back == e);
            BOOST_TEST(back.name().size() == name.size());

            // A datagram from a client bound to another abstract name: recvfrom
            // reports that name.
            const auto client_name = local_endpoint::abstract(("c" + name).substr(0, capacity - 1));
            const fd_guard client(::socket(AF_UNIX, SOCK_DGRAM, 0));
            BOOST_REQUIRE(client.get() >= 0);
            BOOST_TEST(bind_and_read_back(client.get(), client_name) == client_name);
            const ::sockaddr_un to = e.to_native();
            BOOST_REQUIRE(
                ::sendto(client.get(), "x", 1, 0, reinterpret_cast<const ::sockaddr*>(&to), e.native_size()) == 1);
            char byte = 0;
            ::sockaddr_un from;
            ::socklen_t length = sizeof from;
            BOOST_REQUIRE(::recvfrom(server.get(), &byte, 1, 0, reinterpret_cast<::sockaddr*>(&from), &length) == 1);
            BOOST_TEST(local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&from), length) == client_name);
        }
    }
}

BOOST_AUTO_TEST_CASE(kernel_autobind_gives_an_abstract_name)
{
    // bind with just the family (an unnamed endpoint's native_size) asks
    // Linux for an abstract name of five hex digits (unix(7), "Autobind").
    const fd_guard s(::socket(AF_UNIX, SOCK_DGRAM, 0));
    BOOST_REQUIRE(s.get() >= 0);
    const local_endpoint unnamed;
    const ::sockaddr_un sa = unnamed.to_native();
    BOOST_REQUIRE(::bind(s.get(), reinterpret_cast<const ::sockaddr*>(&sa), unnamed.native_size()) == 0);
    ::sockaddr_un out;
    ::socklen_t length = sizeof out;
    BOOST_REQUIRE(::getsockname(s.get(), reinterpret_cast<::sockaddr*>(&out), &length) == 0);
    const auto e = local_endpoint::from_native(reinterpret_cast<const ::sockaddr*>(&out), length);
    BOOST_TEST(kind_name(e.kind()) == "abstract"sv);
    BOOST_TEST(e.name().size() == 5u);
    BOOST_TEST(e.name().find_first_not_of("0123456789abcdef") == std::string_view::npos, show(e.name()));
}

#endif // BOOST_OS_LINUX
