# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Shared by the instruction-count scripts (instructions.sh,
# poll_instructions.sh); sourced, not run. The caller sets `set -euo
# pipefail`; parse_arguments sets bin, check and n, and make_scratch $tmp.

# The scripts' command line: <bench program> [--check] [--COUNT_OPTION N].
# Sets bin, check (0 or 1) and n (default $3). $1: the script's name;
# $2: the count's option (--round-trips, --requests); the rest: the arguments.
parse_arguments() {
    local script=$1 count_option=$2
    n=$3
    shift 3
    local usage="usage: $script <bench program> [--check] [$count_option N]"
    [[ $# -ge 1 ]] || { echo "$usage" >&2; exit 2; }
    bin=$1
    shift
    check=0
    while [[ $# -gt 0 ]]; do
        if [[ $1 == --check ]]; then
            check=1
        elif [[ $1 == "$count_option" && $# -ge 2 && $2 =~ ^[1-9][0-9]{0,8}$ ]]; then
            n=$2
            shift
        else
            echo "$usage" >&2
            exit 2
        fi
        shift
    done
    if [[ ! -x $bin ]]; then
        echo "$script: $bin is not an executable" >&2
        exit 2
    fi
}

# The scripts' start: parse_arguments (the same arguments), require_tools,
# make_scratch, and impls, the array of the bench program's implementations
# (its output for "impls").
start_counting() {
    parse_arguments "$@"
    require_tools "$1"
    make_scratch
    local impl_list
    impl_list=$("$bin" impls)
    read -r -a impls <<<"$impl_list"
}

# A scratch directory in $tmp, removed at exit.
make_scratch() {
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' EXIT
}

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

# "a b -- c d": before_dashes=(a b), after_dashes=(c d) (the first -- splits).
split_at_dashes() {
    before_dashes=() after_dashes=()
    while [[ $# -gt 0 && $1 != -- ]]; do
        before_dashes+=("$1")
        shift
    done
    [[ $# -gt 0 ]] && shift
    after_dashes=("$@")
}

# Callgrind's "totals:" line of a run: valgrind --tool=callgrind [options] -- program args...
callgrind_total() {
    local out=$tmp/callgrind.out
    rm -f "$out"
    split_at_dashes "$@"
    run_or_die valgrind --tool=callgrind -q --callgrind-out-file="$out" "${before_dashes[@]}" "${after_dashes[@]}"
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
        [[ $have_asio == 1 ]] && a=${ir[asio.$key]:--} # "-": not run for this key
        awk -v k="$key" -v w="$width" -v t="$t" -v r="$r" -v a="$a" 'BEGIN {
            printf "%-*s %9s %9s %9s %10.3f %10s\n", w, k, t, r, a, t / r, a == "-" ? "-" : sprintf("%.3f", a / r) }'
    done
    echo
    echo "system calls per $calls_unit (strace -f -c)"
    printf "%-${width}s %-6s %6s  %s\n" "$title" impl calls "by name"
    for key in "$@"; do
        for impl in "${impls[@]}"; do
            [[ -v "calls[$impl.$key]" ]] || continue # not run for this key
            read -r total by_name <<<"${calls[$impl.$key]}"
            printf "%-${width}s %-6s %6s  %s\n" "$key" "$impl" "$total" "${by_name:-}"
        done
    done
}

# Measures one implementation at one key (a protocol, a connection count):
# ir[impl.key], user-space instructions per unit, and calls[impl.key], the
# system calls per unit (per_unit's form), from runs of $bin at $n units and
# at 0. $1: key; $2: impl; then callgrind's options, --, and the bench's
# arguments before the count.
measure() {
    local key=$1 impl=$2 zero many
    shift 2
    split_at_dashes "$@"
    local opts=("${before_dashes[@]}")
    set -- "${after_dashes[@]}"
    zero=$(callgrind_total "${opts[@]}" -- "$bin" "$@" 0)
    many=$(callgrind_total "${opts[@]}" -- "$bin" "$@" "$n")
    ir[$impl.$key]=$(awk -v a="$zero" -v b="$many" -v n="$n" 'BEGIN { printf "%.1f", (b - a) / n }')
    syscall_counts "$bin" "$@" 0 >"$tmp/sys.0"
    syscall_counts "$bin" "$@" "$n" >"$tmp/sys.n"
    calls[$impl.$key]=$(per_unit "$tmp/sys.0" "$tmp/sys.n" "$n")
}

# The checks; each prints a FAIL line and sets failed=1. $1: key; $2: how the
# key reads in a message ("tcp", "100 connections"); $3: what the figures are
# per.
# tsock's instructions within $4 % of raw's.
check_instructions() {
    local t=${ir[tsock.$1]} r=${ir[raw.$1]}
    if ! awk -v t="$t" -v r="$r" -v l="$4" 'BEGIN { exit !(t <= r * (1 + l / 100)) }'; then
        awk -v k="$2" -v u="$3" -v t="$t" -v r="$r" -v l="$4" 'BEGIN {
            printf "FAIL %s: tsock takes %s instructions per %s, raw %s: %.1f %% more (limit %s %%)\n",
                k, t, u, r, (t / r - 1) * 100, l }'
        failed=1
    fi
}
# Counts below 10 per unit: the measurement itself broke (callgrind collected
# nothing: a renamed or nested toggle function), not a loop got free.
check_plausible() {
    local impl
    for impl in tsock raw; do
        if ! awk -v x="${ir[$impl.$1]}" 'BEGIN { exit !(x >= 10) }'; then
            echo "FAIL $impl, $2: ${ir[$impl.$1]} instructions per $3 cannot be right"
            failed=1
        fi
    done
}
# For runs whose waits vary from run to run (the timeout mode on two
# threads: whether the peer's data is there yet is a race): tsock's system
# calls the same as raw's once the waits are taken out. Each poll follows one
# send or recv that would have blocked, so the same names must appear, and
# the sends and receives less the polls (the calls that moved data) must be
# the same, to rounding (each count is rounded to 0.01).
check_calls_waiting() {
    local t r
    t=$(calls_less_waits "${calls[tsock.$1]}")
    r=$(calls_less_waits "${calls[raw.$1]}")
    if ! awk -v t="$t" -v r="$r" 'BEGIN {
        split(t, a, ";"); split(r, b, ";"); d = a[2] - b[2]
        exit !(a[1] == b[1] && d <= 0.015 && d >= -0.015) }'; then
        echo "FAIL $2: tsock makes other system calls per $3 than raw (names; sends and receives less polls): tsock $t; raw $r"
        failed=1
    fi
}
# "names;moved" from a per_unit line: the names, and sendto + recvfrom - poll.
calls_less_waits() {
    awk '{ names = ""; moved = 0
           for (i = 2; i < NF; i += 2) {
               names = names " " $i
               if ($i == "sendto" || $i == "recvfrom") moved += $(i + 1)
               if ($i == "poll") moved -= $(i + 1)
           }
           printf "%s;%.2f\n", names, moved }' <<<"$1"
}
# tsock's system calls the same as raw's, by name.
check_calls() {
    if [[ ${calls[tsock.$1]} != "${calls[raw.$1]}" ]]; then
        echo "FAIL $2: tsock makes other system calls per $3 than raw: tsock ${calls[tsock.$1]}; raw ${calls[raw.$1]}"
        failed=1
    fi
}
# measure at every key of the array named $1 for every implementation, the
# bench run as "<program> impl key N"; the rest: callgrind's options.
measure_each() {
    local -n keys_to_measure=$1
    shift
    local key impl
    for key in "${keys_to_measure[@]}"; do
        for impl in "${impls[@]}"; do
            measure "$key" "$impl" "$@" -- "$impl" "$key"
        done
    done
}

# All three checks at every key of the array named $1 (a key reads as
# itself in messages); $2: what the figures are per; $3: the instruction
# limit in per cent.
check_each() {
    local -n keys_to_check=$1
    local key
    for key in "${keys_to_check[@]}"; do
        check_plausible "$key" "$key" "$2"
        check_instructions "$key" "$key" "$2" "$3"
        check_calls "$key" "$key" "$2"
    done
}
