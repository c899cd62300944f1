#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Builds every libFuzzer target in test/fuzz with clang++-16
# (-fsanitize=fuzzer,address,undefined) and runs each for SECONDS (default
# 20), starting from a copy of its seed corpus (test/fuzz/corpus/<target>),
# so that a run writes nothing into the tree. Fails on the first crash,
# sanitizer report, timeout (-timeout=5) or excess memory (-rss_limit_mb),
# and keeps its directory then, with the input that failed (crash-*, ...),
# and prints libFuzzer's report.
#
#   sh test/fuzz/run.sh [SECONDS [TARGET...]]
#
# Environment: CXX (default clang++-16); TSOCK_FUZZ_DIR, a directory to work
# in and keep (binaries, corpora that grow from run to run, artifacts)
# instead of a temporary one.
#
# A long campaign (doc/fuzzing.adoc): build once into a kept directory, then
# run a target on every core for as long as you like, e.g.
#   TSOCK_FUZZ_DIR=$HOME/tsock-fuzz sh test/fuzz/run.sh 1 address_text
#   cd $HOME/tsock-fuzz && ./address_text -jobs=8 -workers=8 -max_total_time=86400 \
#       -timeout=5 -rss_limit_mb=2048 -max_len=256 -dict=address_text.dict corpus/address_text
# Reproduce a crash with ./address_text crash-<sha1>.
set -eu
seconds=${1:-20}
[ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
targets=${*:-address_text sockaddr local_name service_text}
cxx=${CXX:-clang++-16}

if [ -n "${TSOCK_FUZZ_DIR:-}" ]; then
    work=$TSOCK_FUZZ_DIR
    mkdir -p "$work"
else
    work=$(mktemp -d "${TMPDIR:-/tmp}/tsock-fuzz.XXXXXX")
    trap 'rm -rf "$work"' EXIT
fi
keep() { trap - EXIT; echo "fuzz: kept $work" >&2; }

for t in $targets; do
    if [ ! -f "$here/$t.cpp" ]; then
        echo "fuzz: no target $t (test/fuzz/$t.cpp)" >&2
        exit 2
    fi
    echo "fuzz: building $t"
    "$cxx" -std=c++20 -g -O1 -Wall -Wextra -Wpedantic -Wshadow -Wconversion -Wsign-conversion -Werror \
        -fsanitize=fuzzer,address,undefined \
        -fno-sanitize-recover=all -I"$root/include" "$here/$t.cpp" -o "$work/$t"
    [ -f "$here/$t.dict" ] && cp "$here/$t.dict" "$work/$t.dict"
    mkdir -p "$work/corpus/$t"
    cp "$here/corpus/$t/"* "$work/corpus/$t/"
done

for t in $targets; do
    dict=
    [ -f "$work/$t.dict" ] && dict="-dict=$work/$t.dict"
    # shellcheck disable=SC2086 # dict is one word or none
    if ! (cd "$work" && "./$t" -max_total_time="$seconds" -timeout=5 -rss_limit_mb=2048 -max_len=256 \
        -artifact_prefix="$work/$t-" $dict "corpus/$t" >"$t.log" 2>&1); then
        grep -v -e '^#[0-9]' -e '^    #[0-9]' "$work/$t.log" | tail -n 40 >&2
        echo "fuzz: $t FAILED; the input is $work/$t-crash-* (or -timeout-*, -oom-*, -leak-*)" >&2
        keep
        exit 1
    fi
    echo "fuzz: $t: $(grep -E '^Done [0-9]+ runs' "$work/$t.log" | tail -n 1), \
$(grep -oE 'cov: [0-9]+ ft: [0-9]+ corp: [0-9]+' "$work/$t.log" | tail -n 1)"
done
echo "fuzz: all targets passed"
