#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# check.sh CASE.cpp COMPILER [FLAGS...]
#
# A compile-fail case passes when
#  1. it does NOT compile, and the compiler's output matches the extended
#     regular expression on its "// expect: ..." line (so a typo that fails
#     for another reason does not pass),
#  2. its twin, the same file with -DTSOCK_COMPILE_FAIL_CONTROL, compiles, and
#  3. the regular expression is specific: it does NOT match the output of two
#     mutants that fail for an unrelated reason,
#      a. the control twin followed by a use of an undeclared name and a call
#         with a wrong argument count, inside namespace tsock;
#      b. the case with an #include of a tsock header that does not exist
#         prepended.
#     The mutants are temporary files; a #line directive puts their bad line
#     on a line of the case (the control twin's first line for a, the case's
#     first #include for b), so their diagnostics carry the case's file name
#     and g++ quotes that line of the case, as it would for a slip in the case
#     itself. clang quotes the physical line instead, so the bad line repeats
#     the case's line in a trailing comment. A regex that matches these (a
#     word of the case's name or code, "no matching", "not declared") would
#     also let a case pass that fails for the wrong reason.
# Every compilation is -fsyntax-only. Used by CMake (test/CMakeLists.txt) and
# b2 (test/Jamfile) alike; POSIX sh.
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

# The mutants.
case_dir=$(cd "$(dirname "$case_file")" && pwd) || exit 1
case_abs=$case_dir/$(basename "$case_file")
# The path as a string literal for #include and #line.
case_lit=$(printf '%s\n' "$case_abs" | sed 's/\\/\\\\/g; s/"/\\"/g')
case_lines=$(wc -l < "$case_file" | tr -d ' ')

# line_of ERE OFFSET: the number of the first line of the case that matches
# the ERE, plus OFFSET; one past the last line if none does.
line_of() {
    awk -v re="$1" -v offset="$2" -v none=$((case_lines + 1)) '
        $0 ~ re { print NR + offset; found = 1; exit }
        END { if (!found) print none }' "$case_file"
}
# quote N: line N of the case as a comment (trailing backslashes dropped, so
# the comment does not swallow the next line).
quote() {
    text=$(sed -n "${1}p" "$case_file" | sed 's/[[:space:]\\]*$//')
    [ -n "$text" ] && printf ' // %s' "$text"
}

tmp_dir=$(mktemp -d "${TMPDIR:-/tmp}/tsock_compile_fail.XXXXXX") || exit 1
trap 'rm -rf "$tmp_dir"' EXIT
trap 'exit 1' HUP INT TERM

control_line=$(line_of '^[[:space:]]*#[[:space:]]*ifdef[[:space:]]+TSOCK_COMPILE_FAIL_CONTROL' 1)
include_line=$(line_of '^[[:space:]]*#[[:space:]]*include' 0)

{
    printf '#define TSOCK_COMPILE_FAIL_CONTROL\n'
    printf '#include "%s"\n' "$case_lit"
    printf '#line %s "%s"\n' "$control_line" "$case_lit"
    printf 'namespace tsock { void mutation_probe_(int); void mutation_probe_(int, int, int); '
    printf 'inline void mutation_unrelated_() { (void)undeclared_for_mutation_; mutation_probe_(1, 2); } }'
    quote "$control_line"
    printf '\n'
} > "$tmp_dir/unrelated_error.cpp"

{
    printf '#line %s "%s"\n' "$include_line" "$case_lit"
    printf '#include <tsock/no_such_header_for_mutation.hpp>'
    quote "$include_line"
    printf '\n#line 1 "%s"\n' "$case_lit"
    cat "$case_file"
} > "$tmp_dir/missing_header.cpp"

for mutant in unrelated_error missing_header; do
    case $mutant in
        unrelated_error) what="the control twin with an undeclared name and a call with a wrong argument count" ;;
        missing_header) what="the case with a nonexistent tsock header included first" ;;
    esac
    mout=$("$compiler" "$@" -fsyntax-only "$tmp_dir/$mutant.cpp" 2>&1)
    if [ $? -eq 0 ]; then
        echo "FAIL $case_file: mutant '$mutant' ($what) compiled; the check cannot tell" >&2
        exit 1
    fi
    if printf '%s\n' "$mout" | grep -Eq -- "$expect"; then
        echo "FAIL $case_file: the expect regex /$expect/ is too weak: it also matches an unrelated error" >&2
        echo "  (mutant '$mutant': $what). Matching lines:" >&2
        printf '%s\n' "$mout" | grep -E -- "$expect" | head -n 5 | sed 's/^/    /' >&2
        echo "  Make the regex match the reason's own sentence. The mutant's output:" >&2
        printf '%s\n' "$mout" | head -n 20 | sed 's/^/    /' >&2
        exit 1
    fi
done
echo "ok $case_file: rejected with /$expect/; twin compiles; regex matches neither unrelated mutant"
