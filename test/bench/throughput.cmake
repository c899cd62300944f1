# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# Throughput: bulk TCP, accept rate and a 1,000-connection epoll echo server
# over loopback, each as tsock, raw POSIX calls and standalone Asio.
#   bench_throughput bench            all three, interleaved; medians and ratios to raw
#   bench_throughput --quick          the same in a few seconds (smoke test)
# A benchmark, not a test: no ctest entry. Linux only (epoll).
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    return()
endif()

add_executable(bench_throughput ${CMAKE_CURRENT_LIST_DIR}/throughput.cpp)
# The tsock echo server is the example's (example/poll_echo.hpp).
target_include_directories(bench_throughput PRIVATE ${PROJECT_SOURCE_DIR}/example)
target_link_libraries(bench_throughput PRIVATE tsock::tsock tsock_warnings Threads::Threads)
# Optimised whatever the build type (dev is Debug). Target options come after
# the build type's, so this -O2 wins.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(bench_throughput PRIVATE -O2)
endif()
target_compile_definitions(bench_throughput PRIVATE NDEBUG)
if(TSOCK_ASIO_INCLUDE_DIR)
    target_include_directories(bench_throughput SYSTEM PRIVATE ${TSOCK_ASIO_INCLUDE_DIR})
    target_compile_definitions(bench_throughput PRIVATE TSOCK_BENCH_HAVE_ASIO ASIO_STANDALONE ASIO_NO_DEPRECATED)
endif()
