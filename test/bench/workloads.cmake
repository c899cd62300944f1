# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# Endpoints on every call: unconnected UDP (send_to, recv_from) and accept
# with the peer's endpoint, over IPv4 and IPv6, for tsock, raw POSIX calls
# and Asio, one translation unit each (workloads.hpp says why).
#   bench_workloads <tsock|raw|asio> <datagram|accept|datagram6|accept6> <rounds>
#   ctest -L instructions             their zero-overhead check
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    return()
endif()

tsock_bench_program(bench_workloads
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/workloads.cpp ${CMAKE_CURRENT_LIST_DIR}/workloads_raw.cpp
    ASIO_SOURCES ${CMAKE_CURRENT_LIST_DIR}/workloads_asio.cpp)

# User-space instructions of a round's own function (callgrind) and the
# process's system calls (strace) per round: the same calls as raw for every
# workload; instructions within 2 % of raw's for every one.
tsock_instruction_test(bench.workload_instructions workload_instructions.sh bench_workloads)
