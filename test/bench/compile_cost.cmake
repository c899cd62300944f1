# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# bench_compile_cost: compile time and code size of one minimal TCP client
# written with tsock, raw POSIX calls, standalone Asio and Boost.Asio
# (compile_cost.sh; figures, not a test). Runs with the configured compiler;
# run the script by hand for more (default: g++ and clang++-16).
find_program(TSOCK_BASH bash)
if(TSOCK_BASH)
    add_custom_target(bench_compile_cost
        COMMAND ${TSOCK_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/compile_cost.sh --cxx ${CMAKE_CXX_COMPILER}
        USES_TERMINAL
        VERBATIM)
endif()

# The budget of preprocessed lines per public header (header_budget.txt,
# written by header_cost.sh --write for the toolchain its first line names;
# skipped with another compiler): a header that starts pulling in more
# fails here. Deterministic, not timed.
if(TSOCK_BASH)
    add_test(NAME bench.header_lines
        COMMAND ${TSOCK_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/header_cost.sh --cxx ${CMAKE_CXX_COMPILER}
            --check ${CMAKE_CURRENT_SOURCE_DIR}/header_budget.txt)
    set_tests_properties(bench.header_lines PROPERTIES LABELS compile_cost SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()

# The stripped size of the minimal client (compile_cost.sh --check-size):
# the error_code and throwing tsock clients against the raw POSIX one, at
# -O2 with the configured compiler (skipped with another than the one the
# limits were set for). A change that links tsock's error category or an
# exception path back into them fails here. Deterministic, not timed.
if(TSOCK_BASH)
    add_test(NAME bench.client_size
        COMMAND ${TSOCK_BASH} ${CMAKE_CURRENT_SOURCE_DIR}/compile_cost.sh --check-size --cxx ${CMAKE_CXX_COMPILER})
    set_tests_properties(bench.client_size PROPERTIES LABELS compile_cost SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
