#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The zero-overhead check for batches: user-space instructions (callgrind)
# and system calls (strace -f) per round of bench_batch, for tsock and raw:
#   batch  one send_many (raw: sendmmsg) of 32 datagrams of 64 bytes
#   loop   the same 32 datagrams, one send_to (raw: sendto) each (figures)
#   batch_instructions.sh <bench_batch> [--check] [--rounds N]
# Only a round's own function is counted (send_round, send_loop_round), not
# the harness's loop or its drain of the receiver. Each run is made at N
# rounds (default 1000: valgrind's start-up is most of the run) and at 0;
# per round = (count at N - count at 0) / N.
# --check: exit 1 if tsock's batch takes more than 2 % more instructions
# per round than raw's, or makes other system calls per round. The loop is
# reported, never checked (workload_instructions.sh checks send_to).
# Exit 77 (skipped) when valgrind or strace is missing.
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=counting.sh
. "$here/counting.sh"
start_counting batch_instructions.sh --rounds 1000 "$@"
workloads=(batch loop)
checked=(batch)

declare -A ir calls
echo "bench_batch: $n rounds of 32 datagrams, minus 0 (same setup); a round's own function only"
measure_each workloads --collect-atstart=no '--toggle-collect=*_impl::send_round(*' \
    '--toggle-collect=*_impl::send_loop_round(*'

print_tables "round of 32 datagrams, its own function" "round, the whole process" workload 8 "${workloads[@]}"
echo
for key in "${workloads[@]}"; do
    for impl in "${impls[@]}"; do
        awk -v k="$key" -v i="$impl" -v x="${ir[$impl.$key]}" 'BEGIN {
            printf "%-6s %-6s %8.1f instructions per datagram\n", k, i, x / 32 }'
    done
done

[[ $check == 1 ]] || exit 0
echo
failed=0
check_each checked round 2
[[ $failed == 0 ]] || exit 1
echo "OK: tsock's send_many with raw sendmmsg's system calls and within 2 % of its instructions"
