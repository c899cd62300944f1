#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The zero-overhead check for endpoints on every call: user-space
# instructions (callgrind) and system calls (strace -f) per round of
# bench_workloads, for tsock, raw POSIX calls and Asio:
#   datagram  send_to and recv_from on unconnected UDP sockets, both ends
#             (a round: sendto, recvfrom, sendto, recvfrom)
#   accept    accept with the peer's endpoint, then close (a round also has
#             the harness's client: socket, connect, close)
#   datagram6, accept6
#             the same over IPv6 on ::1 (ipv6_endpoint, sockaddr_in6)
#   workload_instructions.sh <bench_workloads> [--check] [--rounds N]
# Only a round's own function is counted (round_trip, serve_one:
# --collect-atstart=no --toggle-collect), not the harness's loop or client.
# Each run is made at N rounds (default 10000) and at 0, with the same
# setup; per round = (count at N - count at 0) / N. System calls: the whole
# process's, by name.
# --check: exit 1 if tsock takes more than 2 % more instructions per round
# than raw for any workload, or makes other system
# calls per round than raw for any (by name, to 0.01). Asio is reported,
# never checked.
# Exit 77 (skipped) when valgrind or strace is missing.
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=counting.sh
. "$here/counting.sh"
start_counting workload_instructions.sh --rounds 10000 "$@"
workloads=(datagram accept datagram6 accept6)

declare -A ir calls
echo "bench_workloads: $n rounds, minus 0 (same setup); a round's own function only"
measure_each workloads --collect-atstart=no '--toggle-collect=*_impl::round_trip*' \
    '--toggle-collect=*_impl::serve_one*'

print_tables "round, its own function" "round, the whole process" workload 9 "${workloads[@]}"

[[ $check == 1 ]] || exit 0
echo
failed=0
check_each workloads round 2
[[ $failed == 0 ]] || exit 1
echo "OK: tsock with raw's system calls and within 2 % of raw's instructions for ${workloads[*]}"
