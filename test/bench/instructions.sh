#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The zero-overhead check: user-space instructions (callgrind, both threads)
# and system calls (strace -f) per ping-pong round trip, for tsock, raw POSIX
# calls and Asio over tcp, udp and unix (blocking send and recv); then tsock
# and raw over tcp and unix in the other workloads of bench_pingpong: whole
# (send_all and recv_exact, throwing), whole_ec (their std::error_code form),
# timeout (the timeout mode, both ends on one thread in lockstep, so that no
# call waits: a round trip is four calls there) and timeout_wait (the timeout
# mode on two threads, where calls do wait).
#   instructions.sh <bench_pingpong> [--check] [--round-trips N]
# Each run is made at N round trips (default 10000) and at 0, with the same
# setup; per round trip = (count at N - count at 0) / N.
# --check: exit 1 if, for any protocol and workload, tsock takes more than
# 2 % more instructions per round trip than raw, or makes other system calls
# per round trip than raw (by name, to 0.01). Asio is reported, never
# checked. timeout_wait is the exception: how many of its calls find the
# peer's data not there yet (and wait with poll) is a race between the two
# threads, which changes from run to run and between tsock's run and raw's;
# its instructions are reported, not checked, and its system calls are
# checked less the waits (the same names, and the same sends and receives
# less polls).
# Exit 77 (skipped) when valgrind or strace is missing.
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=counting.sh
. "$here/counting.sh"
parse_arguments instructions.sh --round-trips 10000 "$@"
require_tools instructions.sh
make_scratch

impl_list=$("$bin" impls)
read -r -a impls <<<"$impl_list"
protos=(tcp udp unix)
# The workloads beside the single send and recv, over tcp and unix: every
# figure checked, but for timeout_wait's (see the script's head).
workloads=(whole whole_ec timeout timeout_wait)
stream_protos=(tcp unix)

declare -A ir calls
echo "bench_pingpong: $n round trips of 64 bytes each way, minus 0 (same setup); both threads"
for proto in "${protos[@]}"; do
    for impl in "${impls[@]}"; do
        measure "$proto" "$impl" -- "$impl" "$proto" # user-space instructions of the whole process
    done
done

print_tables "round trip" "round trip" proto 6 "${protos[@]}"

# The other workloads, tsock and raw over the stream protocols; Asio, when
# built in, for whole_ec (asio::write and asio::read; it has no timeout mode
# for its synchronous calls). Reported, never checked.
keys=()
for workload in "${workloads[@]}"; do
    for proto in "${stream_protos[@]}"; do
        keys+=("$workload/$proto")
        for impl in "${impls[@]}"; do
            [[ $impl == asio && $workload != whole_ec ]] && continue
            measure "$workload/$proto" "$impl" -- "$impl" "$proto" "$workload"
        done
    done
done
echo
echo "whole: send_all and recv_exact, throwing; whole_ec: their std::error_code form;"
echo "timeout: send and recv in the timeout mode, both ends on one thread (no call waits);"
echo "timeout_wait: the same on two threads (calls wait when the data is not there yet:"
echo "how often varies from run to run, so its figures are shown, not checked)"
print_tables "round trip" "round trip" workload 17 "${keys[@]}"

[[ $check == 1 ]] || exit 0
echo
failed=0
for key in "${protos[@]}" "${keys[@]}"; do
    check_plausible "$key" "$key" "round trip"
    if [[ $key == timeout_wait/* ]]; then
        check_calls_waiting "$key" "$key" "round trip"
        continue
    fi
    check_instructions "$key" "$key" "round trip" 2
    check_calls "$key" "$key" "round trip"
done
if [[ $failed == 1 ]]; then
    exit 1
fi
echo "OK: tsock within 2 % of raw's instructions and with raw's system calls, for ${protos[*]} ${keys[*]}"
echo "(timeout_wait: its system calls less the waits)"
