#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# diagnostics.sh [--summary | --json] [--require-first-line PCT] COMPILER [FLAGS...]
#
# Measures how readable the compile-fail diagnostics are. Compiles every
# test/compile_fail/*.cpp with COMPILER FLAGS -fsyntax-only (FLAGS default to
# what CMake passes: -std=c++20 -I<repo>/include) and records for each case
#  - the number of lines the compiler printed, and
#  - whether the first error line ("file:line:col: error: ..." or
#    "fatal error: ...", g++ and clang alike) matches the case's
#    "// expect:" regex, that is whether the reader sees the reason first.
# Prints one line per case,
#     ok|miss  LINES  CASE  [the first error line, shortened, for a miss]
# then a summary: the number of cases, the percentage with the reason on the
# first error line, the median and the maximum line count.
#   --summary                  the summary only
#   --json                     one JSON object instead (figures and cases)
#   --require-first-line PCT   exit 1 when the percentage is below PCT
# Otherwise it exits 0 whatever it measures (2 on a usage error). Run by the
# compile_fail.diagnostics test (test/CMakeLists.txt, test/Jamfile); POSIX sh.
set -u
usage() {
    echo "usage: sh diagnostics.sh [--summary | --json] [--require-first-line PCT] COMPILER [FLAGS...]" >&2
    exit 2
}

format=text
require=
while [ $# -gt 0 ]; do
    case $1 in
        --summary) format=summary ;;
        --json) format=json ;;
        --require-first-line)
            [ $# -ge 2 ] || usage
            require=$2
            shift
            ;;
        -h|--help) sed -n '5,22s/^# \{0,1\}//p' "$0"; exit 0 ;;
        -*) usage ;;
        *) break ;;
    esac
    shift
done
[ $# -ge 1 ] || usage
case $require in
    ''|*[!0-9.]*|*.*.*|.) [ -z "$require" ] || usage ;;
esac
compiler=$1
shift

here=$(cd "$(dirname "$0")" && pwd) || exit 2
if [ $# -eq 0 ]; then
    set -- -std=c++20 "-I$(cd "$here/../../include" && pwd)"
fi
version=$("$compiler" --version 2>/dev/null | head -n 1)
if [ -z "$version" ]; then
    echo "diagnostics.sh: cannot run the compiler '$compiler'" >&2
    exit 2
fi

tmp_dir=$(mktemp -d "${TMPDIR:-/tmp}/tsock_diagnostics.XXXXXX") || exit 2
trap 'rm -rf "$tmp_dir"' EXIT
trap 'exit 2' HUP INT TERM

# One line per case, tab-separated: status, lines, case, first error line.
results=$tmp_dir/results
: > "$results"
for case_file in "$here"/*.cpp; do
    [ -f "$case_file" ] || continue
    name=$(basename "$case_file" .cpp)
    expect=$(sed -n 's|^// expect: ||p' "$case_file" | head -n 1)
    "$compiler" "$@" -fsyntax-only "$case_file" > "$tmp_dir/out" 2>&1
    lines=$(wc -l < "$tmp_dir/out" | tr -d ' ')
    first=$(awk '/(^|: )(fatal )?error: / { print; exit }' "$tmp_dir/out" | tr '\t\r' '  ')
    status=miss
    if [ -n "$expect" ] && [ -n "$first" ] && printf '%s\n' "$first" | grep -Eq -- "$expect"; then
        status=ok
    fi
    [ -n "$first" ] || first="(no error line)"
    [ -n "$expect" ] || first="(no // expect: line) $first"
    printf '%s\t%s\t%s\t%s\n' "$status" "$lines" "$name" "$first" | tr -d '\001-\010\013-\037\177' >> "$results"
done

# cases ok percent median max
figures=$(cut -f 2 "$results" | sort -n | awk '
    { n[NR] = $1 }
    END {
        if (NR == 0) { print "0 0 0 0 0"; exit }
        m = (NR % 2) ? n[(NR + 1) / 2] : (n[NR / 2] + n[NR / 2 + 1]) / 2
        print NR, 0, 0, m, n[NR]
    }')
set -- $figures
n_cases=$1 median=$4 max=$5
n_ok=$(grep -c '^ok	' "$results")
percent=$(awk -v ok="$n_ok" -v n="$n_cases" 'BEGIN { printf "%.1f", n ? 100 * ok / n : 0 }')

json_string() {
    printf '"%s"' "$(printf '%s' "$1" | sed 's/\\/\\\\/g; s/"/\\"/g; s/	/\\t/g')"
}

case $format in
    json)
        printf '{\n  "compiler": %s,\n  "version": %s,\n' "$(json_string "$compiler")" "$(json_string "$version")"
        printf '  "cases": %s,\n  "reason_on_first_error_line": %s,\n  "first_line_percent": %s,\n' \
            "$n_cases" "$n_ok" "$percent"
        printf '  "median_lines": %s,\n  "max_lines": %s,\n  "results": [' "$median" "$max"
        sep=
        while IFS='	' read -r status lines name first; do
            [ "$status" = ok ] && on_first=true || on_first=false
            printf '%s\n    {"case": %s, "reason_on_first_error_line": %s, "lines": %s, "first_error_line": %s}' \
                "$sep" "$(json_string "$name")" "$on_first" "$lines" "$(json_string "$first")"
            sep=,
        done < "$results"
        printf '\n  ]\n}\n'
        ;;
    *)
        if [ "$format" = text ]; then
            echo "compile-fail diagnostics: $compiler ($version)"
            # The first error line without its location, with ASCII quotes; when
            # longer than 110 characters, template argument lists from the
            # innermost out become <...>, then it is cut.
            awk -F '\t' '
                function expanded(s) { gsub(/\001/, "<...>", s); return s }
                {
                    shown = ""
                    if ($1 != "ok") {
                        shown = $4
                        sub(/^[^ ]*:[0-9]+:[0-9]+: /, "", shown)
                        gsub(/\342\200[\230\231]/, "\047", shown)
                        while (length(expanded(shown)) > 110 && gsub(/<[^<>]*>/, "\001", shown) > 0)
                            ;
                        shown = expanded(shown)
                        if (length(shown) > 110) shown = substr(shown, 1, 107) "..."
                    }
                    printf "%-4s %4d  %s%s\n", $1, $2, $3, (shown == "" ? "" : "  " shown)
                }' "$results"
        fi
        echo "cases: $n_cases; reason on the first error line: $n_ok/$n_cases ($percent%);" \
            "lines of output: median $median, max $max"
        ;;
esac

if [ -n "$require" ]; then
    if awk -v p="$percent" -v r="$require" 'BEGIN { exit !(p + 0 < r + 0) }'; then
        echo "diagnostics.sh: the reason is on the first error line in $percent% of the cases, below the required $require%" >&2
        exit 1
    fi
fi
exit 0
