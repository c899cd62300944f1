#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The zero-overhead check: user-space instructions (callgrind, both threads)
# and system calls (strace -f) per ping-pong round trip, for tsock, raw POSIX
# calls and Asio over tcp, udp and unix.
#   instructions.sh <bench_pingpong> [--check] [--round-trips N]
# Each run is made at N round trips (default 10000) and at 0, with the same
# setup; per round trip = (count at N - count at 0) / N.
# --check: exit 1 if, for any protocol, tsock takes more than 2 % more
# instructions per round trip than raw, or makes other system calls per round
# trip than raw (by name, to 0.01). Asio is reported, never checked.
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
workloads=(whole whole_ec timeout)
stream_protos=(tcp unix)

declare -A ir calls
echo "bench_pingpong: $n round trips of 64 bytes each way, minus 0 (same setup); both threads"
for proto in "${protos[@]}"; do
    for impl in "${impls[@]}"; do
        measure "$proto" "$impl" -- "$impl" "$proto" # user-space instructions of the whole process
    done
done

print_tables "round trip" "round trip" proto 6 "${protos[@]}"

# The other workloads, tsock and raw over the stream protocols.
impls=(tsock raw)
keys=()
for workload in "${workloads[@]}"; do
    for proto in "${stream_protos[@]}"; do
        keys+=("$workload/$proto")
        for impl in "${impls[@]}"; do
            measure "$workload/$proto" "$impl" -- "$impl" "$proto" "$workload"
        done
    done
done
echo
echo "whole: send_all and recv_exact, throwing; whole_ec: their std::error_code form;"
echo "timeout: send and recv in the timeout mode (poll only when a call would block)"
print_tables "round trip" "round trip" workload 14 "${keys[@]}"

[[ $check == 1 ]] || exit 0
echo
failed=0
for key in "${protos[@]}" "${keys[@]}"; do
    check_plausible "$key" "$key" "round trip"
    check_instructions "$key" "$key" "round trip" 2
    check_calls "$key" "$key" "round trip"
done
if [[ $failed == 1 ]]; then
    exit 1
fi
echo "OK: tsock within 2 % of raw's instructions and with raw's system calls, for ${protos[*]} ${keys[*]}"
