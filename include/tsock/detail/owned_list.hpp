// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
// (See accompanying file LICENSE_1_0.txt or copy at https://www.boost.org/LICENSE_1_0.txt)

#ifndef TSOCK_DETAIL_OWNED_LIST_HPP
#define TSOCK_DETAIL_OWNED_LIST_HPP

// owned_list<T, Free>: a list the C library allocated (getaddrinfo,
// getifaddrs, if_nameindex), freed once by Free()(list). What
// std::unique_ptr<T, Free> would do, without <memory> (52k lines with
// libstdc++) in every header that names a host.

#include <utility>

namespace tsock::detail {

template <class T, class Free>
class owned_list {
public:
    owned_list() noexcept = default;
    explicit owned_list(T* list) noexcept : list_(list) {}
    owned_list(owned_list&& other) noexcept : list_(std::exchange(other.list_, nullptr)) {}
    owned_list& operator=(owned_list&& other) noexcept
    {
        if (this != &other) {
            reset();
            list_ = std::exchange(other.list_, nullptr);
        }
        return *this;
    }
    ~owned_list() { reset(); }

    T* get() const noexcept { return list_; }
    explicit operator bool() const noexcept { return list_ != nullptr; }

private:
    void reset() noexcept
    {
        if (list_)
            Free()(std::exchange(list_, nullptr));
    }

    T* list_ = nullptr;
};

} // namespace tsock::detail

#endif // TSOCK_DETAIL_OWNED_LIST_HPP
