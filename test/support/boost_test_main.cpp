// Copyright (c) 2026 The tsock authors.
// Distributed under the Boost Software License, Version 1.0.
//
// Boost.Test's implementation and main(), compiled once from its headers, for
// builds that cannot link the Boost.Test library (libc++: the library was
// built against libstdc++). CMake links this object into every test program
// when TSOCK_HEADER_ONLY_BOOST_TEST is ON; the test files are unchanged: each
// defines BOOST_TEST_MODULE and includes <boost/test/unit_test.hpp>, which
// then defines the init_unit_test_suite that this main() calls, exactly as
// with the static Boost.Test library. No BOOST_TEST_MODULE here: it names the
// module, and each program's own file does that.
#if defined(BOOST_TEST_DYN_LINK) || defined(BOOST_TEST_MODULE) || defined(BOOST_TEST_MAIN)
// An error here means this file was built with the linked library's settings:
// it must see neither BOOST_TEST_DYN_LINK (Boost::unit_test_framework adds it)
// nor a module name.
#error "boost_test_main.cpp is the header-only Boost.Test main: build it without BOOST_TEST_DYN_LINK, BOOST_TEST_MODULE, BOOST_TEST_MAIN"
#endif
#include <boost/test/included/unit_test.hpp>
