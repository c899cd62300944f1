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

usage() {
    echo "usage: instructions.sh <bench_pingpong> [--check] [--round-trips N]" >&2
    exit 2
}

[[ $# -ge 1 ]] || usage
bin=$1
shift
check=0
n=10000
while [[ $# -gt 0 ]]; do
    case $1 in
    --check) check=1 ;;
    --round-trips)
        [[ $# -ge 2 && $2 =~ ^[1-9][0-9]{0,8}$ ]] || usage
        n=$2
        shift
        ;;
    *) usage ;;
    esac
    shift
done
if [[ ! -x $bin ]]; then
    echo "instructions.sh: $bin is not an executable" >&2
    exit 2
fi
here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=counting.sh
. "$here/counting.sh"
require_tools instructions.sh

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

impl_list=$("$bin" impls)
read -r -a impls <<<"$impl_list"
protos=(tcp udp unix)

# Instructions executed in user space by the whole process (all threads).
instructions() { # impl proto round_trips
    callgrind_total -- "$bin" "$1" "$2" "$3"
}

# System calls of the whole process, one "name count" line each.
syscalls() { # impl proto round_trips
    syscall_counts "$bin" "$1" "$2" "$3"
}

declare -A ir calls
echo "bench_pingpong: $n round trips of 64 bytes each way, minus 0 (same setup); both threads"
for proto in "${protos[@]}"; do
    for impl in "${impls[@]}"; do
        zero=$(instructions "$impl" "$proto" 0)
        many=$(instructions "$impl" "$proto" "$n")
        ir[$impl.$proto]=$(awk -v a="$zero" -v b="$many" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')
        syscalls "$impl" "$proto" 0 >"$tmp/sys.0"
        syscalls "$impl" "$proto" "$n" >"$tmp/sys.n"
        calls[$impl.$proto]=$(per_unit "$tmp/sys.0" "$tmp/sys.n" "$n")
    done
done

print_tables "round trip" "round trip" proto 6 "${protos[@]}"

[[ $check == 1 ]] || exit 0
echo
failed=0
for proto in "${protos[@]}"; do
    t=${ir[tsock.$proto]}
    r=${ir[raw.$proto]}
    if ! awk -v t="$t" -v r="$r" 'BEGIN { exit !(t <= r * 1.02) }'; then
        awk -v p="$proto" -v t="$t" -v r="$r" 'BEGIN {
            printf "FAIL %s: tsock takes %s instructions per round trip, raw %s: %.1f %% more (limit 2 %%)\n",
                p, t, r, (t / r - 1) * 100 }'
        failed=1
    fi
    if [[ ${calls[tsock.$proto]} != "${calls[raw.$proto]}" ]]; then
        echo "FAIL $proto: tsock makes other system calls per round trip than raw: tsock ${calls[tsock.$proto]}; raw ${calls[raw.$proto]}"
        failed=1
    fi
done
if [[ $failed == 1 ]]; then
    exit 1
fi
echo "OK: tsock within 2 % of raw's instructions and with raw's system calls, for ${protos[*]}"
