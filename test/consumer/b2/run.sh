#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Builds the b2 project beside this script (it uses tsock with use-project)
# into WORK_DIR and runs its program; then checks that a target without
# <cxxstd>20 stops with tsock's sentence, not with a compiler error.
# usage: run.sh B2 WORK_DIR
set -eu
if [ $# -ne 2 ]; then
    echo "usage: run.sh B2 WORK_DIR" >&2
    exit 2
fi
b2=$1
work=$2
cd "$(dirname "$0")"
rm -rf "$work"
mkdir -p "$work"
"$b2" -q toolset=gcc --build-dir="$work" consumer
program=$(find "$work" -type f -name consumer)
if [ ! -x "$program" ]; then
    echo "run.sh: b2 built no consumer program under $work" >&2
    exit 1
fi
"$program"
if "$b2" -q toolset=gcc --build-dir="$work" consumer_without_cxx20 >"$work/without_cxx20.txt" 2>&1; then
    echo "run.sh: a target without <cxxstd>20 was built" >&2
    exit 1
fi
if ! grep -q "tsock needs C++20: a target that uses /tsock//tsock needs <cxxstd>20" "$work/without_cxx20.txt"; then
    cat "$work/without_cxx20.txt"
    echo "run.sh: a target without <cxxstd>20 failed without tsock's sentence" >&2
    exit 1
fi
echo "run.sh: the b2 consumer built and ran; without <cxxstd>20 it stopped with tsock's sentence"
