# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# Ping-pong: tsock, raw POSIX calls and Asio over TCP, UDP and AF_UNIX.
#   bench_pingpong bench              round trips/s, interleaved, medians
#   ctest -L instructions             the zero-overhead check (callgrind, strace)
if(NOT UNIX)
    return()
endif()

add_executable(bench_pingpong ${CMAKE_CURRENT_LIST_DIR}/pingpong.cpp)
target_link_libraries(bench_pingpong PRIVATE tsock::tsock tsock_warnings Threads::Threads)
# Optimised whatever the build type (dev is Debug): the instruction check
# measures the code users ship. Target options come after the build type's.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(bench_pingpong PRIVATE -O2)
endif()
target_compile_definitions(bench_pingpong PRIVATE NDEBUG)
if(TSOCK_ASIO_INCLUDE_DIR)
    target_include_directories(bench_pingpong SYSTEM PRIVATE ${TSOCK_ASIO_INCLUDE_DIR})
    target_compile_definitions(bench_pingpong PRIVATE TSOCK_BENCH_HAVE_ASIO)
endif()

# User-space instructions (callgrind) and system calls (strace) per round
# trip: tsock within 2 % of raw, and the same calls. Skipped (77) without
# valgrind or strace.
add_test(NAME bench.instructions
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/instructions.sh $<TARGET_FILE:bench_pingpong> --check)
set_tests_properties(bench.instructions PROPERTIES LABELS instructions TIMEOUT 600 SKIP_RETURN_CODE 77)
