// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/resolver_error.hpp>

#include <tsock/error.hpp>

#define BOOST_TEST_MODULE resolver_error
#include <boost/test/unit_test.hpp>

#include <netdb.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

// Expected values come from the C library itself: the EAI_* macros and
// gai_strerror, and what getaddrinfo returns for a numeric host that is not
// an address (no name server is asked).

using tsock::resolver_error;

namespace {

struct named_code {
    resolver_error code;
    int eai;
};

const std::vector<named_code> every_code = {
    {resolver_error::host_not_found, EAI_NONAME},
    {resolver_error::try_again, EAI_AGAIN},
    {resolver_error::no_recovery, EAI_FAIL},
    {resolver_error::family_not_supported, EAI_FAMILY},
    {resolver_error::socket_type_not_supported, EAI_SOCKTYPE},
    {resolver_error::service_not_found, EAI_SERVICE},
    {resolver_error::bad_flags, EAI_BADFLAGS},
    {resolver_error::out_of_memory, EAI_MEMORY},
    {resolver_error::overflow, EAI_OVERFLOW},
    {resolver_error::no_data, EAI_NODATA},
    {resolver_error::no_address_in_family, EAI_ADDRFAMILY},
};

} // namespace

BOOST_AUTO_TEST_CASE(category_identity)
{
    BOOST_TEST(std::string_view(tsock::resolver_category().name()) == "resolver");
    BOOST_TEST(&tsock::resolver_category() == &tsock::resolver_category());
    BOOST_TEST(&tsock::resolver_category() != &std::system_category());
    BOOST_TEST(&tsock::resolver_category() != &tsock::error_category());
}

BOOST_AUTO_TEST_CASE(each_code_is_the_platform_value_with_gai_strerror_text)
{
    for (const auto& [code, eai] : every_code) {
        const std::error_code ec = code; // implicit: is_error_code_enum
        BOOST_TEST(ec.value() == eai);
        BOOST_TEST(&ec.category() == &tsock::resolver_category());
        // glibc's gai_strerror has no text for EAI_OVERFLOW ("Unknown
        // error"); tsock gives it one.
        BOOST_TEST(ec.message() == (code == resolver_error::overflow ? std::string("Argument buffer overflow")
                                                                      : std::string(::gai_strerror(eai))));
        BOOST_TEST(!ec.message().empty());
        BOOST_TEST(ec == code);
    }
    // The codes are distinct.
    for (std::size_t i = 0; i != every_code.size(); ++i)
        for (std::size_t j = i + 1; j != every_code.size(); ++j)
            BOOST_TEST(int(every_code[i].code) != int(every_code[j].code));
}

BOOST_AUTO_TEST_CASE(resolver_code_maps_system_to_errno)
{
    BOOST_TEST(!tsock::detail::resolver_code(0, ENOENT));
    const auto sys = tsock::detail::resolver_code(EAI_SYSTEM, ENOENT);
    BOOST_TEST(&sys.category() == &std::system_category());
    BOOST_TEST(sys.value() == ENOENT);
    // EAI_SYSTEM with errno 0 still is an error (EIO), never success.
    const auto unknown_errno = tsock::detail::resolver_code(EAI_SYSTEM, 0);
    BOOST_TEST(bool(unknown_errno));
    BOOST_TEST(unknown_errno.value() == EIO);
    const auto noname = tsock::detail::resolver_code(EAI_NONAME, ENOENT);
    BOOST_TEST(noname == resolver_error::host_not_found);
    BOOST_TEST(&noname.category() == &tsock::resolver_category());
}

BOOST_AUTO_TEST_CASE(a_real_lookup_failure_has_the_category)
{
    ::addrinfo hints{};
    hints.ai_flags = AI_NUMERICHOST;
    ::addrinfo* list = nullptr;
    const int r = ::getaddrinfo("not-an-address", nullptr, &hints, &list);
    BOOST_TEST_REQUIRE(r != 0);
    const auto ec = tsock::detail::resolver_code(r, errno);
    BOOST_TEST(ec == resolver_error::host_not_found);
    const std::system_error e(ec, "tsock: resolve");
    BOOST_TEST(std::string(e.what()).find(::gai_strerror(EAI_NONAME)) != std::string::npos);
}

BOOST_AUTO_TEST_CASE(codes_a_system_lacks_have_values_and_texts_of_tsocks_own)
{
    // Where a system has no EAI_OVERFLOW, EAI_NODATA or EAI_ADDRFAMILY (as
    // Winsock lacks two), the enumerator takes tsock's own value: distinct
    // from every code here, with the text of the code here.
    const std::vector<named_code> own = {
        {resolver_error(tsock::detail::own_eai_overflow), EAI_OVERFLOW},
        {resolver_error(tsock::detail::own_eai_no_data), EAI_NODATA},
        {resolver_error(tsock::detail::own_eai_address_family), EAI_ADDRFAMILY},
    };
    for (std::size_t i = 0; i != own.size(); ++i) {
        const std::error_code ec = own[i].code;
        BOOST_TEST(ec.message() == make_error_code(resolver_error(own[i].eai)).message());
        for (const auto& [code, eai] : every_code)
            BOOST_TEST(int(own[i].code) != eai);
        for (std::size_t j = i + 1; j != own.size(); ++j)
            BOOST_TEST(int(own[i].code) != int(own[j].code));
    }
    static_assert(tsock::detail::eai_or_own(EAI_OVERFLOW, tsock::detail::own_eai_overflow) == EAI_OVERFLOW);
    static_assert(tsock::detail::eai_or_own(0, tsock::detail::own_eai_overflow) == tsock::detail::own_eai_overflow);
}

BOOST_AUTO_TEST_CASE(unknown_value_has_a_message)
{
    const std::error_code ec(-12345, tsock::resolver_category());
    BOOST_TEST(!ec.message().empty());
}
