#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# compile_cost.sh [--runs N] [--cxx COMPILER]...
# compile_cost.sh --check-size [--cxx COMPILER]
#
# What the same minimal TCP client (compile/*.cpp) costs to build with tsock,
# its umbrella header, raw POSIX calls, standalone Asio and Boost.Asio. For
# each source and compiler: median wall time (and user+sys CPU time) of
# `-O2 -c` and of `-fsyntax-only` over N interleaved runs (default 5),
# preprocessed lines (-E | wc -l), the object's .text* bytes, and the
# stripped executable's .text, `size` text (.text, .rodata, .eh_frame and
# the dynamic tables) and file bytes. Every client is first run against a
# local echo server (and against a refused port) to show the programs are
# equivalent. Then the targets of issues 5 and 11 are checked and printed
# MET or MISSED.
#
# --cxx may be given more than once (default: g++ and clang++-16).
# Figures, not a test: the exit status is 0 unless a build or a run fails.
#
# --check-size: the test (ctest bench.client_size). Builds only the raw,
# error_code and throwing clients with one compiler (default g++), and
# exits 1 when a stripped tsock client's `size` text exceeds its limit
# (size_limits below), 77 (skipped) with a compiler other than the one the
# limits were set for. Deterministic: no timing, no runs.
set -euo pipefail

usage() { sed -n '5,26s/^# \{0,1\}//p' "$0"; }

# The limits of --check-size: each tsock client's stripped `size` text over
# the raw client's, for the compiler they were set with (its name and major
# version): issue 11's 1.5x for the error_code client and 2x for the
# throwing one.
size_compiler="g++ 12"
declare -A size_limits=([tsock_client]=1.5 [tsock_throwing_client]=2.0)

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
source_dir=$script_dir/compile
include_dir=$(cd "$script_dir/../../include" && pwd)

runs=5
compilers=()
check_size=0
while [ $# -gt 0 ]; do
    case $1 in
        --runs) runs=${2:?--runs needs a number}; shift 2 ;;
        --cxx) compilers+=("${2:?--cxx needs a compiler}"); shift 2 ;;
        --check-size) check_size=1; shift ;;
        -h | --help) usage; exit 0 ;;
        *) echo "compile_cost.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
    esac
done
[ ${#compilers[@]} -gt 0 ] || { [ $check_size = 1 ] && compilers=(g++); } || compilers=(g++ clang++-16)
case $runs in '' | *[!0-9]* | 0) echo "compile_cost.sh: --runs needs a positive number" >&2; exit 2 ;; esac

# Rows in table order; the first four are the ones the targets compare.
sources=(tsock_client tsock_umbrella_client raw_client asio_client asio_narrow_client boost_asio_client tsock_throwing_client)
flags=(-std=c++20 -I"$include_dir")
message="tsock compile-cost check"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/tsock_compile_cost.XXXXXX")
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
    rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 1' INT TERM

die() {
    echo "FAIL compile_cost: $*" >&2
    [ -s "$tmp/err" ] && sed 's/^/    /' "$tmp/err" >&2
    exit 1
}

# key=compiler index/source -> figures (label: the compiler's base name).
declare -A available o2_wall o2_cpu syn_wall syn_cpu pp_lines obj_text exe_text exe_size_text exe_bytes

# build KEY CXX SOURCE: compiles compile/SOURCE.cpp at -O2, links and strips
# it ($tmp/KEY-path), and records its sizes under KEY.
build() {
    local key=$1 cxx=$2 src=$3
    local file=$source_dir/$src.cpp obj=$tmp/${key//\//.}.o exe=$tmp/${key//\//.}
    "$cxx" "${flags[@]}" -O2 -c "$file" -o "$obj" 2>"$tmp/err" || die "$cxx -O2 -c $src.cpp"
    obj_text[$key]=$(size -A "$obj" | awk '$1 ~ /^\.text/ { n += $2 } END { print n + 0 }')
    "$cxx" -O2 "$obj" -o "$exe" 2>"$tmp/err" || die "$cxx: linking $src"
    strip "$exe"
    exe_text[$key]=$(size -A "$exe" | awk '$1 == ".text" { print $2 }')
    exe_size_text[$key]=$(size "$exe" | awk 'NR == 2 { print $1 }')
    exe_bytes[$key]=$(stat -c %s "$exe")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

if [ $check_size = 1 ]; then
    [ ${#compilers[@]} -le 1 ] || { echo "compile_cost.sh: --check-size takes one --cxx" >&2; exit 2; }
    cxx=${compilers[0]}
    command -v "$cxx" >/dev/null || die "no compiler $cxx"
    # Its kind and major version, whatever the command is called (g++-12).
    kind=g++
    if "$cxx" -dM -E -x c++ /dev/null | grep -q '__clang__'; then kind=clang; fi
    id="$kind $("$cxx" -dumpversion | cut -d. -f1)"
    if [ "$id" != "$size_compiler" ]; then
        echo "compile_cost.sh: skipped: the size limits are for $size_compiler, this is $id"
        exit 77
    fi
    for src in raw_client "${!size_limits[@]}"; do build "0/$src" "$cxx" "$src"; done
    fail=0
    for src in "${!size_limits[@]}"; do
        r=$(ratio "${exe_size_text[0/$src]}" "${exe_size_text[0/raw_client]}")
        verdict=$(awk -v r="$r" -v l="${size_limits[$src]}" 'BEGIN { print r <= l ? "ok" : "OVER" }')
        printf '%-22s size text %6s = %s x raw (%s)   limit %s: %s\n' "$src" "${exe_size_text[0/$src]}" "$r" \
            "${exe_size_text[0/raw_client]}" "${size_limits[$src]}" "$verdict"
        [ "$verdict" = ok ] || fail=1
    done
    exit $fail
fi

# The echo server: one listener that echoes one recv per connection, and one
# socket bound but never listening, so connecting to it is refused.
mkfifo "$tmp/ports"
python3 -c '
import socket, sys
refused = socket.socket()
refused.bind(("127.0.0.1", 0))
server = socket.create_server(("127.0.0.1", 0))
print(server.getsockname()[1], refused.getsockname()[1], flush=True)
sys.stdout.close()
while True:
    conn, _ = server.accept()
    with conn:
        conn.sendall(conn.recv(1024))
' >"$tmp/ports" &
server_pid=$!
read -r port refused_port <"$tmp/ports" || { echo "FAIL compile_cost: the echo server did not start" >&2; exit 1; }

# Untimed pass: availability, sizes, the run check (it also warms the page cache).
for ci in "${!compilers[@]}"; do
    cxx=${compilers[$ci]}
    command -v "$cxx" >/dev/null || die "no compiler $cxx"
    for src in "${sources[@]}"; do
        key=$ci/$src
        file=$source_dir/$src.cpp
        # Asio and Boost.Asio are optional: their rows are skipped when absent.
        header=$(sed -n 's/^#include <\(\(boost\/\)\{0,1\}asio[^>]*\)>$/\1/p' "$file" | head -n 1)
        if [ -n "$header" ] && ! echo "#include <$header>" | "$cxx" "${flags[@]}" -fsyntax-only -x c++ - 2>/dev/null; then
            echo "note: $cxx cannot include <$header>; $src skipped" >&2
            available[$key]=0
            continue
        fi
        available[$key]=1
        exe=$tmp/$ci.$src
        "$cxx" "${flags[@]}" -E "$file" >"$tmp/pp" 2>"$tmp/err" || die "$cxx -E $src.cpp"
        pp_lines[$key]=$(wc -l <"$tmp/pp")
        build "$key" "$cxx" "$src"
        # Equivalence: echoes the message, and reports a refused connection.
        reply=$(timeout 10 "$exe" "$port" "$message" 2>"$tmp/err") || die "$src ($cxx) failed against the echo server"
        [ "$reply" = "$message" ] || die "$src ($cxx) printed '$reply', not the echoed '$message'"
        if timeout 10 "$exe" "$refused_port" "$message" >/dev/null 2>"$tmp/err"; then
            die "$src ($cxx) succeeded against a port that refuses connections"
        fi
        [ -s "$tmp/err" ] || die "$src ($cxx) failed on a refused connection without saying why"
    done
done
: >"$tmp/err"

# One timed compile: appends its wall and user+sys milliseconds to the lists.
TIMEFORMAT='%3R %3U %3S'
timed() {
    local -n wall_list=$1 cpu_list=$2
    local key=$3 wall user sys
    shift 3
    if ! { time "$@" >/dev/null 2>"$tmp/err"; } 2>"$tmp/time"; then die "$*"; fi
    read -r wall user sys <"$tmp/time"
    wall_list[$key]+="$(awk -v w="$wall" 'BEGIN { printf "%.0f", w * 1000 }') "
    cpu_list[$key]+="$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.0f", (u + s) * 1000 }') "
}

# Interleaved: every run visits every compiler, source and mode once, so a
# burst of load on the shared machine spreads over all of them.
echo "timing $runs interleaved runs of ${#sources[@]} sources x ${#compilers[@]} compilers..." >&2
for ((run = 1; run <= runs; run++)); do
    for ci in "${!compilers[@]}"; do
        for src in "${sources[@]}"; do
            key=$ci/$src
            [ "${available[$key]}" = 1 ] || continue
            file=$source_dir/$src.cpp
            timed o2_wall o2_cpu "$key" "${compilers[$ci]}" "${flags[@]}" -O2 -c "$file" -o "$tmp/timed.o"
            timed syn_wall syn_cpu "$key" "${compilers[$ci]}" "${flags[@]}" -fsyntax-only "$file"
        done
    done
done

median() { tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{ v[NR] = $1 } END { print NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
for key in "${!o2_wall[@]}"; do
    o2_wall[$key]=$(median <<<"${o2_wall[$key]}")
    o2_cpu[$key]=$(median <<<"${o2_cpu[$key]}")
    syn_wall[$key]=$(median <<<"${syn_wall[$key]}")
    syn_cpu[$key]=$(median <<<"${syn_cpu[$key]}")
done

echo
echo "Medians of $runs runs; ms are wall time (user+sys CPU in brackets); .o text: all .text* sections."
printf '%-22s %-12s %15s %15s %9s %9s %9s %9s %9s\n' \
    source compiler "-O2 -c ms" "-fsyntax ms" "pp lines" ".o text" "exe text" "size text" "exe bytes"
for ci in "${!compilers[@]}"; do
    for src in "${sources[@]}"; do
        key=$ci/$src
        [ "${available[$key]}" = 1 ] || continue
        printf '%-22s %-12s %15s %15s %9s %9s %9s %9s %9s\n' "$src" "$(basename "${compilers[$ci]}")" \
            "${o2_wall[$key]} [${o2_cpu[$key]}]" "${syn_wall[$key]} [${syn_cpu[$key]}]" \
            "${pp_lines[$key]}" "${obj_text[$key]}" "${exe_text[$key]}" "${exe_size_text[$key]}" "${exe_bytes[$key]}"
    done
done

# check LABEL RATIO LIMIT [NOTE]: MET or MISSED on RATIO; never fails the script.
check() {
    awk -v t="$1" -v r="$2" -v l="$3" -v n="${4:-}" \
        'BEGIN { printf "  %-7s %-54s %6.3f (limit %.2f)%s\n", r <= l ? "MET" : "MISSED", t, r, l, n }'
}
# time_check LABEL KEY1 KEY2 LIMIT WALL CPU: the wall-time ratio decides, the CPU one is shown.
time_check() {
    local -n wall=$5 cpu=$6
    check "$1" "$(ratio "${wall[$2]}" "${wall[$3]}")" "$4" "  [CPU $(ratio "${cpu[$2]}" "${cpu[$3]}")]"
}

for ci in "${!compilers[@]}"; do
    cxx=$(basename "${compilers[$ci]}")
    t=$ci/tsock_client u=$ci/tsock_umbrella_client r=$ci/raw_client
    echo
    echo "$cxx ratios (wall; CPU in brackets):"
    for base in asio_client asio_narrow_client boost_asio_client; do
        b=$ci/$base
        [ "${available[$b]}" = 1 ] || continue
        for row in tsock_client tsock_umbrella_client; do
            k=$ci/$row
            printf '  %-36s -O2 -c %s [%s]   -fsyntax-only %s [%s]\n' "${row%_client}/${base%_client}" \
                "$(ratio "${o2_wall[$k]}" "${o2_wall[$b]}")" "$(ratio "${o2_cpu[$k]}" "${o2_cpu[$b]}")" \
                "$(ratio "${syn_wall[$k]}" "${syn_wall[$b]}")" "$(ratio "${syn_cpu[$k]}" "${syn_cpu[$b]}")"
        done
    done
    printf '  %-36s exe text %s   exe bytes %s   .o text %s\n' "tsock/raw" \
        "$(ratio "${exe_text[$t]}" "${exe_text[$r]}")" "$(ratio "${exe_bytes[$t]}" "${exe_bytes[$r]}")" \
        "$(ratio "${obj_text[$t]}" "${obj_text[$r]}")"

    echo "$cxx targets (issue 5; Asio as users include it, <asio.hpp>; wall-time medians):"
    a=$ci/asio_client
    if [ "${available[$a]}" = 1 ]; then
        time_check "tsock client -O2 -c time <= 0.15x Asio" "$t" "$a" 0.15 o2_wall o2_cpu
        time_check "tsock client -fsyntax-only time <= 0.20x Asio" "$t" "$a" 0.20 syn_wall syn_cpu
        time_check "umbrella <tsock.hpp> -O2 -c time <= 0.25x Asio" "$u" "$a" 0.25 o2_wall o2_cpu
        time_check "umbrella <tsock.hpp> -fsyntax-only time <= 0.25x Asio" "$u" "$a" 0.25 syn_wall syn_cpu
    else
        echo "  NOT CHECKED: the time targets (no standalone Asio for $cxx)"
    fi
    check "stripped exe .text <= 1.5x raw POSIX" "$(ratio "${exe_text[$t]}" "${exe_text[$r]}")" 1.5
    echo "$cxx targets (issue 11; stripped \`size\` text; --check-size holds the limits met):"
    check "error_code client size text <= 1.5x raw POSIX" "$(ratio "${exe_size_text[$t]}" "${exe_size_text[$r]}")" 1.5
    w=$ci/tsock_throwing_client
    check "throwing client size text <= 2x raw POSIX" "$(ratio "${exe_size_text[$w]}" "${exe_size_text[$r]}")" 2
done
