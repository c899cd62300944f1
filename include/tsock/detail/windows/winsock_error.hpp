// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_WINDOWS_WINSOCK_ERROR_HPP
#define TSOCK_DETAIL_WINDOWS_WINSOCK_ERROR_HPP

// The category of the codes WSAGetLastError() and SO_ERROR give. Its own,
// because std::system_category() of libstdc++ 12 (mingw-w64) maps no WSA
// code to std::errc and has no text for most of them: with this one,
// ec == std::errc::connection_refused holds for WSAECONNREFUSED, as it does
// for ECONNREFUSED on POSIX. The value stays the WSA code itself.
// Include through tsock/detail/platform.hpp (winsock2.h first).

#include <string>
#include <string_view>
#include <system_error>

namespace tsock::detail {

// A system message's text (FormatMessage's, and gai_strerror's, which is
// FormatMessage's) without the line break and full stop it ends with: no
// other tsock message has them.
inline std::string_view system_message_text(std::string_view text) noexcept
{
    while (!text.empty() && std::string_view("\r\n .").find(text.back()) != std::string_view::npos)
        text.remove_suffix(1);
    return text;
}

struct winsock_code {
    int value;
    int condition; // a std::errc value, or 0: none is equivalent
    const char* text;
};

// WSAESHUTDOWN is broken_pipe: a send after shutdown(send), which POSIX
// reports as EPIPE. Codes with no std::errc twin keep their own category.
inline constexpr winsock_code winsock_codes[] = {
    {WSAEINTR, int(std::errc::interrupted), "interrupted function call"},
    {WSAEBADF, int(std::errc::bad_file_descriptor), "bad file descriptor"},
    {WSAEACCES, int(std::errc::permission_denied), "permission denied"},
    {WSAEFAULT, int(std::errc::bad_address), "bad address"},
    {WSAEINVAL, int(std::errc::invalid_argument), "invalid argument"},
    {WSAEMFILE, int(std::errc::too_many_files_open), "too many open sockets"},
    {WSAEWOULDBLOCK, int(std::errc::operation_would_block), "operation would block"},
    {WSAEINPROGRESS, int(std::errc::operation_in_progress), "a blocking operation is in progress"},
    {WSAEALREADY, int(std::errc::connection_already_in_progress), "operation already in progress"},
    {WSAENOTSOCK, int(std::errc::not_a_socket), "not a socket"},
    {WSAEDESTADDRREQ, int(std::errc::destination_address_required), "destination address required"},
    {WSAEMSGSIZE, int(std::errc::message_size), "message too long"},
    {WSAEPROTOTYPE, int(std::errc::wrong_protocol_type), "protocol wrong type for socket"},
    {WSAENOPROTOOPT, int(std::errc::no_protocol_option), "protocol not available"},
    {WSAEPROTONOSUPPORT, int(std::errc::protocol_not_supported), "protocol not supported"},
    {WSAESOCKTNOSUPPORT, 0, "socket type not supported"},
    {WSAEOPNOTSUPP, int(std::errc::operation_not_supported), "operation not supported"},
    {WSAEPFNOSUPPORT, 0, "protocol family not supported"},
    {WSAEAFNOSUPPORT, int(std::errc::address_family_not_supported), "address family not supported"},
    {WSAEADDRINUSE, int(std::errc::address_in_use), "address already in use"},
    {WSAEADDRNOTAVAIL, int(std::errc::address_not_available), "cannot assign requested address"},
    {WSAENETDOWN, int(std::errc::network_down), "network is down"},
    {WSAENETUNREACH, int(std::errc::network_unreachable), "network is unreachable"},
    {WSAENETRESET, int(std::errc::network_reset), "network dropped connection on reset"},
    {WSAECONNABORTED, int(std::errc::connection_aborted), "software caused connection abort"},
    {WSAECONNRESET, int(std::errc::connection_reset), "connection reset by peer"},
    {WSAENOBUFS, int(std::errc::no_buffer_space), "no buffer space available"},
    {WSAEISCONN, int(std::errc::already_connected), "socket is already connected"},
    {WSAENOTCONN, int(std::errc::not_connected), "socket is not connected"},
    {WSAESHUTDOWN, int(std::errc::broken_pipe), "cannot send after socket shutdown"},
    {WSAETIMEDOUT, int(std::errc::timed_out), "connection timed out"},
    {WSAECONNREFUSED, int(std::errc::connection_refused), "connection refused"},
    {WSAELOOP, int(std::errc::too_many_symbolic_link_levels), "too many levels of symbolic links"},
    {WSAENAMETOOLONG, int(std::errc::filename_too_long), "name too long"},
    {WSAEHOSTDOWN, 0, "host is down"},
    {WSAEHOSTUNREACH, int(std::errc::host_unreachable), "no route to host"},
    {WSAEPROCLIM, 0, "too many processes use Winsock"},
    {WSASYSNOTREADY, 0, "network subsystem is unavailable"},
    {WSAVERNOTSUPPORTED, 0, "Winsock version not supported"},
    {WSANOTINITIALISED, 0, "Winsock is not initialised (WSAStartup)"},
    {WSAEDISCON, 0, "graceful shutdown in progress"},
    {ERROR_NOT_ENOUGH_MEMORY, int(std::errc::not_enough_memory), "not enough memory"},
    {ERROR_INVALID_PARAMETER, int(std::errc::invalid_argument), "invalid parameter"},
    {ERROR_OPERATION_ABORTED, int(std::errc::operation_canceled), "operation aborted"},
};

inline const winsock_code* find_winsock_code(int value) noexcept
{
    for (const auto& c : winsock_codes)
        if (c.value == value)
            return &c;
    return nullptr;
}

class winsock_category_impl final : public std::error_category {
public:
    const char* name() const noexcept override { return "winsock"; }

    std::error_condition default_error_condition(int value) const noexcept override
    {
        const auto* c = find_winsock_code(value);
        if (c != nullptr && c->condition != 0)
            return {c->condition, std::generic_category()};
        return {value, *this};
    }

    // The table's text (the same in every locale and under wine, which has
    // no text for most WSA codes), else the system's, else the number.
    std::string message(int value) const override
    {
        if (const auto* c = find_winsock_code(value))
            return c->text;
        char buffer[256];
        const DWORD n = ::FormatMessageA(FORMAT_MESSAGE_FROM_SYSTEM | FORMAT_MESSAGE_IGNORE_INSERTS, nullptr,
                                         static_cast<DWORD>(value), 0, buffer, sizeof buffer, nullptr);
        if (const auto text = system_message_text({buffer, n}); !text.empty())
            return std::string(text);
        return "Winsock error " + std::to_string(value);
    }
};

// The category of Winsock's error codes; its name() is "winsock".
inline const std::error_category& winsock_category() noexcept
{
    static const winsock_category_impl instance;
    return instance;
}

// The category of the socket calls' errors, as on POSIX, and the
// std::error_code of a WSA code (from WSAGetLastError or SO_ERROR).
inline const std::error_category& socket_category() noexcept { return winsock_category(); }
inline std::error_code socket_error(int value) noexcept { return {value, winsock_category()}; }

} // namespace tsock::detail

#endif // TSOCK_DETAIL_WINDOWS_WINSOCK_ERROR_HPP
