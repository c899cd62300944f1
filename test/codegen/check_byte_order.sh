#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# check_byte_order.sh [COMPILER [INCLUDE_DIR [FLAGS...]]]
#
# Compiles byte_order.cpp (next to this script) to x86-64 assembly at -O2 and
# checks that each of its extern "C" functions is
#   64 and 32 bits: exactly one bswap of that width, then ret;
#   16 bits:        exactly one 8-bit rotate of a 16-bit register
#                   (rolw $8 / rorw $8) or an xchg of its two bytes, then ret;
#   8 bits:         no swap at all, just ret;
# with register moves (no memory) allowed anywhere before the ret. Directives,
# labels, comments and endbr64 are ignored. COMPILER defaults to g++,
# INCLUDE_DIR to the repository's include/; FLAGS go to the compiler as well.
# On a host that is not x86-64 it prints SKIP and passes.
set -u

script_dir=$(cd "$(dirname "$0")" && pwd)
compiler=${1:-g++}
include_dir=${2:-$script_dir/../../include}
[ $# -gt 0 ] && shift
[ $# -gt 0 ] && shift
source_file=$script_dir/byte_order.cpp

machine=$(uname -m)
if [ "$machine" != x86_64 ]; then
    echo "SKIP codegen byte_order: the check reads x86-64 assembly; this host is $machine"
    exit 0
fi

# name=kind for every extern "C" function in the source; the name says the width.
expected=
for name in $(sed -n 's/^std::uint[0-9]*_t \(tsock_[a-z0-9]*\)(.*/\1/p' "$source_file"); do
    case $name in
        tsock_hton8 | tsock_ntoh8) kind=none ;;
        tsock_hton16 | tsock_ntoh16 | tsock_htons | tsock_ntohs) kind=rotate16 ;;
        tsock_hton32 | tsock_ntoh32 | tsock_htonl | tsock_ntohl) kind=bswap32 ;;
        tsock_hton64 | tsock_ntoh64) kind=bswap64 ;;
        *)
            echo "FAIL codegen byte_order: no expectation for $name; add it to $0" >&2
            exit 1
            ;;
    esac
    expected="$expected $name=$kind"
done
if [ -z "$expected" ]; then
    echo "FAIL codegen byte_order: found no functions in $source_file" >&2
    exit 1
fi

asm_file=$(mktemp "${TMPDIR:-/tmp}/tsock_codegen.XXXXXX") || exit 1
trap 'rm -f "$asm_file" "$asm_file.err"' EXIT
trap 'exit 1' INT TERM
if ! "$compiler" -std=c++20 -O2 -masm=att -I"$include_dir" "$@" -S -o - "$source_file" \
    >"$asm_file" 2>"$asm_file.err"; then
    echo "FAIL codegen byte_order: $compiler could not compile $source_file:" >&2
    cat "$asm_file.err" >&2
    exit 1
fi

awk -v expected="$expected" -v compiler="$compiler" '
function trim(s) { sub(/^[ \t]+/, "", s); sub(/[ \t]+$/, "", s); return s }

BEGIN {
    n = split(trim(expected), pairs, / +/)
    for (i = 1; i <= n; ++i) {
        split(pairs[i], kv, "=")
        order[i] = kv[1]
        want[kv[1]] = kv[2]
    }
}

# Collect each function body: from its label to .cfi_endproc, .size or the next
# .type. raw[] keeps every line for the report; ins[] only the instructions.
{
    line = $0
    sub(/#.*/, "", line)
    line = trim(line)
    if (current != "" && (line ~ /^\.cfi_endproc/ || line ~ /^\.size/ || line ~ /^\.type/))
        current = ""
    if (line ~ /^[A-Za-z_.$][A-Za-z0-9_.$@]*:/) {
        label = line
        sub(/:.*/, "", label)
        if (label in want) {
            current = label
            found[current] = 1
            nraw[current] = 0
            nins[current] = 0
        }
        sub(/^[^:]*:/, "", line) # an instruction may follow the label
        line = trim(line)
    }
    if (current == "")
        next
    raw[current, ++nraw[current]] = $0
    if (line == "" || line ~ /^\./ || line ~ /^endbr(32|64)$/)
        next
    ins[current, ++nins[current]] = line
}

# "movl %edi, %eax" -> mnemonic "movl", operands "%edi, %eax"
function mnemonic(s,    m) { m = s; sub(/[ \t].*/, "", m); return tolower(m) }
function operands(s,    o) { o = s; if (!sub(/^[^ \t]+[ \t]+/, "", o)) o = ""; return tolower(o) }

function reg64(r) { return r ~ /^%r([a-d]x|[sd]i|[sb]p|[0-9]+)$/ }
function reg32(r) { return r ~ /^%(e([a-d]x|[sd]i|[sb]p)|r[0-9]+d)$/ }
function reg16(r) { return r ~ /^%(([a-d]x|[sd]i|[sb]p)|r[0-9]+w)$/ }

# The swap an instruction performs ("bswap32", "bswap64", "rotate16"), "mov",
# "ret", or "other".
function classify(s,    m, o, parts, np) {
    m = mnemonic(s)
    o = operands(s)
    gsub(/[ \t]/, "", o)
    if (m ~ /^(rep|repz)$/ && o ~ /^ret[lq]?$/)
        return "ret"
    if (m ~ /^ret[lq]?$/)
        return "ret"
    if (m ~ /^mov([bwlq]|z[bw][wlq]|zx|s[bw][wlq]|slq|sx|sxd|absq?)?$/)
        return o ~ /\(/ ? "other" : "mov" # register moves only, no memory

    if (m ~ /^bswap[lq]?$/) {
        if (reg64(o)) return "bswap64"
        if (reg32(o)) return "bswap32"
        return "other"
    }
    if (m ~ /^(rol|ror)w?$/) {
        np = split(o, parts, ",")
        if (np == 2 && parts[1] == "$8" && reg16(parts[2]))
            return "rotate16"
        return "other"
    }
    if (m ~ /^xchgb?$/ && (o == "%ah,%al" || o == "%al,%ah" || o == "%bh,%bl" || o == "%bl,%bh" || \
                           o == "%ch,%cl" || o == "%cl,%ch" || o == "%dh,%dl" || o == "%dl,%dh"))
        return "rotate16"
    return "other"
}

function describe(kind) {
    if (kind == "none") return "no byte swap, just ret"
    if (kind == "rotate16") return "exactly one 16-bit byte rotate (rolw $8 or xchg), then ret"
    if (kind == "bswap32") return "exactly one 32-bit bswap, then ret"
    return "exactly one 64-bit bswap, then ret"
}

END {
    failed = 0
    for (i = 1; i in order; ++i) {
        name = order[i]
        kind = want[name]
        if (!(name in found)) {
            printf "FAIL %s: not found in the assembly from %s\n", name, compiler
            failed = 1
            continue
        }
        swaps = 0; bad = 0; rets = 0; summary = ""
        for (k = 1; k <= nins[name]; ++k) {
            c = classify(ins[name, k])
            short = c == "bswap32" || c == "bswap64" ? "bswap" : c == "rotate16" ? mnemonic(ins[name, k]) : c
            if (c == "other")
                short = mnemonic(ins[name, k])
            sub(/w$/, "", short) # rolw -> rol
            summary = summary (summary == "" ? "" : "+") short
            if (c == "ret") {
                ++rets
                if (k != nins[name]) bad = 1
            } else if (c == "mov") {
            } else if (c == kind) {
                ++swaps
            } else {
                bad = 1
            }
        }
        if (rets != 1) bad = 1
        if (kind == "none" ? swaps != 0 : swaps != 1) bad = 1
        if (!bad) {
            printf "ok %s: %s\n", name, summary
            continue
        }
        failed = 1
        printf "FAIL %s: expected %s (moves allowed); got %s:\n", name, describe(kind),
               summary == "" ? "nothing" : summary
        for (k = 1; k <= nraw[name]; ++k)
            printf "    %s\n", raw[name, k]
    }
    exit failed
}
' "$asm_file"
