#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# header_cost.sh [--cxx COMPILER] [--times N] [--check BUDGET | --write BUDGET]
#
# What including each public header costs: for include/tsock.hpp and every
# include/tsock/*.hpp, the lines of a translation unit holding only that
# #include after preprocessing (-std=c++20 -E | wc -l: deterministic for a
# given compiler and standard library), and with --times N the median wall
# time of -fsyntax-only over N runs. Prints a Markdown table
# (doc/performance.md carries one).
#   --check BUDGET   exit 1 when a header has more lines than its budget, or
#                    has none; exit 77 (skipped) when the compiler is not the
#                    one the budget was written for (its first line)
#   --write BUDGET   write the budget: each header's lines plus 5 %
set -euo pipefail

usage() { sed -n '5,17s/^# \{0,1\}//p' "$0"; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cxx=g++
times=0
mode=show
budget=
while [ $# -gt 0 ]; do
    case $1 in
        --cxx) cxx=${2:?--cxx needs a compiler}; shift 2 ;;
        --times) times=${2:?--times needs a number}; shift 2 ;;
        --check) mode=check; budget=${2:?--check needs a file}; shift 2 ;;
        --write) mode=write; budget=${2:?--write needs a file}; shift 2 ;;
        -h | --help) usage; exit 0 ;;
        *) echo "header_cost.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
case $times in *[!0-9]*) echo "header_cost.sh: --times needs a number" >&2; exit 2 ;; esac

# The compiler as the budget names it: its name and major version.
compiler_id() { printf '%s %s\n' "$("$cxx" --version | head -1 | cut -d' ' -f1)" "$("$cxx" -dumpfullversion | cut -d. -f1)"; }
id=$(compiler_id)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tsock_header_cost.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

headers=(tsock.hpp)
for h in "$root"/include/tsock/*.hpp; do headers+=("tsock/$(basename "$h")"); done

declare -A lines seconds
for h in "${headers[@]}"; do
    printf '#include <%s>\n' "$h" >"$tmp/tu.cpp"
    lines[$h]=$("$cxx" -std=c++20 -I"$root/include" -E "$tmp/tu.cpp" | wc -l)
    if [ "$times" -gt 0 ]; then
        runs=()
        for _ in $(seq "$times"); do
            start=$(date +%s%N)
            "$cxx" -std=c++20 -I"$root/include" -fsyntax-only "$tmp/tu.cpp"
            runs+=($(( ($(date +%s%N) - start) / 1000000 )))
        done
        seconds[$h]=$(printf '%s\n' "${runs[@]}" | sort -n | sed -n "$(( (times + 1) / 2 ))p")
    fi
done

printf '| header | preprocessed lines |%s\n' "$([ "$times" -gt 0 ] && printf ' -fsyntax-only (ms) |')"
printf '|---|---:|%s\n' "$([ "$times" -gt 0 ] && printf -- '---:|')"
for h in "${headers[@]}"; do
    printf '| `%s` | %d |%s\n' "$h" "${lines[$h]}" "$([ "$times" -gt 0 ] && printf ' %d |' "${seconds[$h]}")"
done
echo "($id, -std=c++20)"

case $mode in
    write)
        { echo "$id"; for h in "${headers[@]}"; do echo "$h $(( lines[$h] + lines[$h] / 20 ))"; done; } >"$budget"
        echo "header_cost.sh: wrote $budget"
        ;;
    check)
        if [ "$(head -1 "$budget")" != "$id" ]; then
            echo "header_cost.sh: skipped: the budget is for $(head -1 "$budget"), this is $id"
            exit 77
        fi
        fail=0
        for h in "${headers[@]}"; do
            limit=$(awk -v h="$h" '$1 == h { print $2 }' "$budget")
            if [ -z "$limit" ]; then
                echo "header_cost.sh: $h has no budget in $budget (add one: --write)"
                fail=1
            elif [ "${lines[$h]}" -gt "$limit" ]; then
                echo "header_cost.sh: $h preprocesses to ${lines[$h]} lines, over its budget of $limit"
                fail=1
            fi
        done
        [ $fail -eq 0 ] && echo "header_cost.sh: every header within its budget"
        exit $fail
        ;;
esac
