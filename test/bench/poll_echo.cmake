# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# The poller echo server (bench_throughput's echo loops) driven in one thread
# for deterministic counts: tsock::poller, raw epoll and Asio's io_context.
#   bench_poll_echo <tsock|raw|asio> <connections> <requests>
#   ctest -L instructions             the poller's zero-overhead check
# Linux only (epoll).
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    return()
endif()

add_executable(bench_poll_echo ${CMAKE_CURRENT_LIST_DIR}/poll_echo.cpp)
# The tsock echo server is the example's (example/poll_echo.hpp).
target_include_directories(bench_poll_echo PRIVATE ${PROJECT_SOURCE_DIR}/example)
target_link_libraries(bench_poll_echo PRIVATE tsock::tsock tsock_warnings)
# Optimised whatever the build type (dev is Debug), as bench_pingpong.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(bench_poll_echo PRIVATE -O2)
endif()
target_compile_definitions(bench_poll_echo PRIVATE NDEBUG)
if(TSOCK_ASIO_INCLUDE_DIR)
    target_include_directories(bench_poll_echo SYSTEM PRIVATE ${TSOCK_ASIO_INCLUDE_DIR})
    target_compile_definitions(bench_poll_echo PRIVATE TSOCK_BENCH_HAVE_ASIO ASIO_STANDALONE ASIO_NO_DEPRECATED)
endif()

# User-space instructions of the server (callgrind) and system calls
# (strace) per request: tsock within 5 % of raw, and the same calls.
# Skipped (77) without valgrind or strace.
add_test(NAME bench.poll_instructions
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/poll_instructions.sh $<TARGET_FILE:bench_poll_echo> --check)
set_tests_properties(bench.poll_instructions PROPERTIES LABELS instructions TIMEOUT 600 SKIP_RETURN_CODE 77)
