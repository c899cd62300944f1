# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# Endpoints on every call: unconnected UDP (send_to, recv_from) and accept
# with the peer's endpoint, for tsock, raw POSIX calls and Asio.
#   bench_workloads <tsock|raw|asio> <datagram|accept> <rounds>
#   ctest -L instructions             their zero-overhead check
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    return()
endif()

# One translation unit per implementation (workloads.hpp says why).
add_executable(bench_workloads ${CMAKE_CURRENT_LIST_DIR}/workloads.cpp ${CMAKE_CURRENT_LIST_DIR}/workloads_raw.cpp)
target_link_libraries(bench_workloads PRIVATE tsock::tsock tsock_warnings)
# Optimised whatever the build type (dev is Debug), as bench_pingpong.
if(CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    target_compile_options(bench_workloads PRIVATE -O2)
endif()
target_compile_definitions(bench_workloads PRIVATE NDEBUG)
if(TSOCK_ASIO_INCLUDE_DIR)
    target_sources(bench_workloads PRIVATE ${CMAKE_CURRENT_LIST_DIR}/workloads_asio.cpp)
    target_include_directories(bench_workloads SYSTEM PRIVATE ${TSOCK_ASIO_INCLUDE_DIR})
    target_compile_definitions(bench_workloads PRIVATE TSOCK_BENCH_HAVE_ASIO)
endif()

# User-space instructions of a round's own function (callgrind) and the
# process's system calls (strace) per round: tsock within 2 % of raw, and
# the same calls, for both workloads. Skipped (77) without valgrind or strace.
add_test(NAME bench.workload_instructions
    COMMAND bash ${CMAKE_CURRENT_LIST_DIR}/workload_instructions.sh $<TARGET_FILE:bench_workloads> --check)
set_tests_properties(bench.workload_instructions PROPERTIES LABELS instructions TIMEOUT 600 SKIP_RETURN_CODE 77)
