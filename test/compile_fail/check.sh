#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# check.sh CASE.cpp COMPILER [FLAGS...]
#
# A compile-fail case passes when
#  1. it does NOT compile, and the compiler's output matches the extended
#     regular expression on its "// expect: ..." line (so a typo that fails
#     for another reason does not pass), and
#  2. its twin, the same file with -DTSOCK_COMPILE_FAIL_CONTROL, compiles.
# Used by CMake (test/CMakeLists.txt) and b2 (test/Jamfile) alike.
set -u
case_file=$1
compiler=$2
shift 2

expect=$(sed -n 's|^// expect: ||p' "$case_file" | head -n 1)
if [ -z "$expect" ]; then
    echo "FAIL $case_file: no '// expect: <regex>' line" >&2
    exit 1
fi

out=$("$compiler" "$@" -fsyntax-only "$case_file" 2>&1)
status=$?
if [ $status -eq 0 ]; then
    echo "FAIL $case_file: compiled, but must not" >&2
    exit 1
fi
if ! printf '%s\n' "$out" | grep -Eq -- "$expect"; then
    echo "FAIL $case_file: failed to compile, but without the expected diagnostic /$expect/:" >&2
    printf '%s\n' "$out" | head -n 40 >&2
    exit 1
fi

twin=$("$compiler" "$@" -DTSOCK_COMPILE_FAIL_CONTROL -fsyntax-only "$case_file" 2>&1)
if [ $? -ne 0 ]; then
    echo "FAIL $case_file: the control twin (-DTSOCK_COMPILE_FAIL_CONTROL) does not compile:" >&2
    printf '%s\n' "$twin" | head -n 40 >&2
    exit 1
fi
echo "ok $case_file: rejected with /$expect/; twin compiles"
