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

tsock_bench_program(bench_poll_echo SOURCES ${CMAKE_CURRENT_LIST_DIR}/poll_echo.cpp)
# The tsock echo server is the example's (example/poll_echo.hpp).
target_include_directories(bench_poll_echo PRIVATE ${PROJECT_SOURCE_DIR}/example)
if(TSOCK_ASIO_INCLUDE_DIR)
    target_compile_definitions(bench_poll_echo PRIVATE ASIO_STANDALONE ASIO_NO_DEPRECATED)
endif()

# User-space instructions of the server (callgrind) and system calls
# (strace) per request: tsock within 2 % of raw, and the same calls.
tsock_instruction_test(bench.poll_instructions poll_instructions.sh bench_poll_echo)
