# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Shared by the instruction-count scripts (instructions.sh,
# poll_instructions.sh); sourced, not run. The caller sets $tmp (a scratch
# directory) and `set -euo pipefail`.

# Exits 77 (skipped) when valgrind or strace is missing. $1: the script's name.
require_tools() {
    local tool
    for tool in valgrind strace; do
        if ! command -v "$tool" >/dev/null; then
            echo "$1: skipped: $tool not found"
            exit 77
        fi
    done
}

# Runs "$@" quietly; on failure shows its output and stops the script.
run_or_die() {
    local log=$tmp/log
    if ! "$@" >"$log" 2>&1; then
        cat "$log" >&2
        echo "failed: $*" >&2
        exit 1
    fi
}

# Callgrind's "totals:" line of a run: valgrind --tool=callgrind [options] -- program args...
callgrind_total() {
    local out=$tmp/callgrind.out
    rm -f "$out"
    local opts=()
    while [[ $1 != -- ]]; do
        opts+=("$1")
        shift
    done
    shift
    run_or_die valgrind --tool=callgrind -q --callgrind-out-file="$out" "${opts[@]}" "$@"
    awk '/^totals:/ { print $2; found = 1 } END { exit !found }' "$out"
}

# System calls of the whole process (all threads), one "name count" line each.
syscall_counts() { # program args...
    local out=$tmp/strace.out
    run_or_die strace -f -c -o "$out" "$@"
    awk '$1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" { print $NF, $4 }' "$out"
}

# Per unit of work, from "name count" lines at 0 (file 1) and at n (file 2):
# "total name count name count ..." over the names whose count changed (to 0.01).
per_unit() { # zero_file n_file n
    local changed
    changed=$(awk -v n="$3" '
        NR == FNR { zero[$1] = $2; names[$1] = 1; next }
        { many[$1] = $2; names[$1] = 1 }
        END {
            for (name in names) {
                d = sprintf("%.2f", (many[name] - zero[name]) / n)
                if (d != "0.00" && d != "-0.00")
                    print name, d
            }
        }' "$1" "$2" | sort)
    awk '{ total += $2; list = list " " $1 " " $2 } END { printf "%.2f%s\n", total, list }' <<<"$changed"
}

# Prints the two tables of a run: instructions (global ir[impl.key]) and
# system calls (global calls[impl.key]), a row per key and implementation
# (global impls). $1: what the instructions are per; $2: what the system
# calls are per; $3: the key column's title; $4: its width; the rest: keys.
print_tables() {
    local ir_unit=$1 calls_unit=$2 title=$3 width=$4
    shift 4
    local have_asio=0 impl key t r a total by_name
    for impl in "${impls[@]}"; do
        [[ $impl == asio ]] && have_asio=1
    done
    echo
    echo "user-space instructions per $ir_unit (valgrind --tool=callgrind)"
    printf "%-${width}s %9s %9s %9s %10s %10s\n" "$title" tsock raw asio tsock/raw asio/raw
    for key in "$@"; do
        t=${ir[tsock.$key]}
        r=${ir[raw.$key]}
        a=-
        [[ $have_asio == 1 ]] && a=${ir[asio.$key]}
        awk -v k="$key" -v w="$width" -v t="$t" -v r="$r" -v a="$a" 'BEGIN {
            printf "%-*s %9s %9s %9s %10.3f %10s\n", w, k, t, r, a, t / r, a == "-" ? "-" : sprintf("%.3f", a / r) }'
    done
    echo
    echo "system calls per $calls_unit (strace -f -c)"
    printf "%-${width}s %-6s %6s  %s\n" "$title" impl calls "by name"
    for key in "$@"; do
        for impl in "${impls[@]}"; do
            read -r total by_name <<<"${calls[$impl.$key]}"
            printf "%-${width}s %-6s %6s  %s\n" "$key" "$impl" "$total" "${by_name:-}"
        done
    done
}
