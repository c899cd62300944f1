// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
#include <tsock/error.hpp>

#define BOOST_TEST_MODULE error
#include <boost/test/unit_test.hpp>

#include <limits>
#include <set>
#include <string>
#include <string_view>
#include <system_error>
#include <type_traits>

using tsock::error;

namespace {

// Every enumerator, in declaration order.
const error all_errors[] = {
    error::empty_address,
    error::invalid_character,
    error::leading_zero,
    error::part_out_of_range,
    error::too_few_parts,
    error::too_many_parts,
    error::empty_part,
    error::group_too_long,
    error::too_few_groups,
    error::too_many_groups,
    error::multiple_double_colons,
    error::misplaced_colon,
    error::misplaced_ipv4,
    error::empty_zone,
    error::zone_out_of_range,
    error::zone_too_long,
    error::unknown_interface,
    error::zone_name_in_constant_expression,
    error::not_v4_mapped,
    error::address_too_long,
    error::bad_endpoint,
    error::timed_out,
    error::family_mismatch,
    error::type_mismatch,
    error::end_of_stream,
    error::empty_host,
    error::name_too_long,
    error::label_too_long,
    error::embedded_nul,
    error::host_name_too_long,
    error::port_out_of_range,
    error::service_not_found,
    error::protocol_not_found,
    error::no_such_interface,
    error::not_dual_stack,
    error::no_endpoints,
    error::negative_duration,
    error::bad_service,
    error::message_truncated,
    error::already_registered,
    error::not_registered,
    error::reserved_token,
    error::too_many_buffers,
    error::control_truncated,
    error::unexpected_control,
    error::too_many_descriptors,
    error::line_too_long,
    error::empty_delimiter,
};

const std::string unknown = "unknown tsock error";

} // namespace

BOOST_AUTO_TEST_CASE(category_identity)
{
    BOOST_TEST(std::string_view(tsock::error_category().name()) == "tsock");
    BOOST_TEST(&tsock::error_category() == &tsock::error_category()); // one object
    BOOST_TEST(&tsock::error_category() != &std::generic_category());
    BOOST_TEST(&tsock::error_category() != &std::system_category());
    static_assert(noexcept(tsock::error_category()));
}

BOOST_AUTO_TEST_CASE(every_enumerator_has_its_own_message)
{
    std::set<std::string> seen;
    for (error e : all_errors) {
        const std::string m = tsock::error_category().message(static_cast<int>(e));
        BOOST_TEST_CONTEXT("enumerator " << static_cast<int>(e))
        {
            BOOST_TEST(!m.empty());
            BOOST_TEST(m != unknown);
            BOOST_TEST(seen.insert(m).second, "duplicate message: " << m);
            BOOST_TEST(make_error_code(e).message() == m);
        }
    }
    BOOST_TEST(seen.size() == std::size(all_errors));
}

BOOST_AUTO_TEST_CASE(enumerators_are_consecutive_from_one_and_nothing_else)
{
    // The values start at 1 (0 means success) and have no gaps; the list
    // above is complete exactly when the value after its last is unknown.
    for (std::size_t i = 0; i != std::size(all_errors); ++i)
        BOOST_TEST(static_cast<int>(all_errors[i]) == int(i + 1));
    const int past_the_end = static_cast<int>(std::size(all_errors)) + 1;
    BOOST_TEST(tsock::error_category().message(past_the_end) == unknown);
    BOOST_TEST(tsock::error_category().message(0) == unknown);
    BOOST_TEST(tsock::error_category().message(-1) == unknown);
    BOOST_TEST(tsock::error_category().message(1000) == unknown);
    BOOST_TEST(tsock::error_category().message(std::numeric_limits<int>::max()) == unknown);
    BOOST_TEST(tsock::error_category().message(std::numeric_limits<int>::min()) == unknown);
}

BOOST_AUTO_TEST_CASE(make_error_code_and_implicit_conversion)
{
    static_assert(std::is_error_code_enum_v<error>);
    static_assert(std::is_convertible_v<error, std::error_code>);
    static_assert(!std::is_convertible_v<int, error>);

    std::error_code ec = tsock::error::empty_address; // through is_error_code_enum
    BOOST_TEST(ec.value() == 1);
    BOOST_TEST(&ec.category() == &tsock::error_category());
    BOOST_TEST(bool(ec));
    BOOST_TEST(ec == error::empty_address);
    BOOST_TEST(ec != error::invalid_character);
    BOOST_TEST(ec.message() == tsock::error_category().message(1));

    for (error e : all_errors) {
        const std::error_code c = make_error_code(e); // found by ADL
        BOOST_TEST_CONTEXT("enumerator " << static_cast<int>(e))
        {
            BOOST_TEST(c.value() == static_cast<int>(e));
            BOOST_TEST(&c.category() == &tsock::error_category());
            BOOST_TEST(c == e);
            BOOST_TEST(bool(c));
            // Not confused with errno values of the same number.
            BOOST_TEST(c != std::error_code(static_cast<int>(e), std::generic_category()));
            BOOST_TEST(c != std::error_code(static_cast<int>(e), std::system_category()));
        }
    }
}

BOOST_AUTO_TEST_CASE(travels_in_system_error)
{
    try {
        throw std::system_error(error::zone_too_long, "parsing \"fe80::1%x\"");
    } catch (const std::system_error& e) {
        BOOST_TEST(e.code() == error::zone_too_long);
        const std::string what = e.what();
        BOOST_TEST(what.find("parsing \"fe80::1%x\"") != std::string::npos, what);
        BOOST_TEST(what.find(make_error_code(error::zone_too_long).message()) != std::string::npos, what);
    }
}

// tsock's timed_out is the standard timed-out condition, as the kernel's
// ETIMEDOUT is: one comparison covers a deadline of either kind.
BOOST_AUTO_TEST_CASE(timed_out_is_the_standard_timed_out_condition)
{
    const std::error_code ec = make_error_code(error::timed_out);
    BOOST_TEST((ec == std::errc::timed_out));
    BOOST_TEST((ec == error::timed_out));
    BOOST_TEST((ec.default_error_condition() == std::errc::timed_out));
    BOOST_TEST((make_error_code(error::end_of_stream) != std::errc::timed_out));
    BOOST_TEST((make_error_code(error::end_of_stream).default_error_condition().category() == tsock::error_category()));
}
