# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.

# Batches of datagrams: tsock send_many against raw sendmmsg and a send_to
# loop, and UDP GSO against plain sends (Linux: sendmmsg, UDP_SEGMENT).
#   bench_batch <tsock|raw> <batch|loop> <rounds>
#   bench_batch rate                  the figures (datagrams/s, MiB/s)
#   ctest -L instructions             send_many's zero-overhead check
if(NOT CMAKE_SYSTEM_NAME STREQUAL "Linux")
    return()
endif()

tsock_bench_program(bench_batch
    SOURCES ${CMAKE_CURRENT_LIST_DIR}/batch.cpp ${CMAKE_CURRENT_LIST_DIR}/batch_raw.cpp)

# User-space instructions of a round's own function (callgrind) and the
# process's system calls (strace) per round: send_many within 2 % of raw
# sendmmsg's instructions, with the same system calls.
tsock_instruction_test(bench.batch_instructions batch_instructions.sh bench_batch)
