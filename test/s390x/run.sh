#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Big-endian check: cross-compiles for s390x (IBM Z, big-endian) with
# g++-s390x-linux-gnu and runs under qemu-user (qemu-s390x) the tests where
# the byte order matters: byte order, addresses, endpoints, port numbers,
# socket options, service and host lookups, and sockets on loopback. First
# makes sure the target really is big-endian, so that the step cannot pass
# on a little-endian build. Boost.Test's implementation and main() are
# compiled once from its headers (test/support/boost_test_main.cpp) and
# linked into each test; only Boost comes from the host's /usr/include.
# Needs: g++-s390x-linux-gnu qemu-user (sh tools/install-deps.sh s390x).
# Usage: sh test/s390x/run.sh [OUTDIR]   Exits non-zero on any failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build/s390x}
cxx=s390x-linux-gnu-g++
sysroot=/usr/s390x-linux-gnu
for tool in "$cxx" qemu-s390x; do
    command -v "$tool" >/dev/null || {
        echo "s390x: $tool not found (sh tools/install-deps.sh s390x)" >&2
        exit 1
    }
done

# The tests where byte order shows, sockets on loopback included. Left out:
# host, interfaces, message, multicast and options, which need what qemu-user
# does not translate (some socket options, control messages, unshare with
# CLONE_NEWUSER, running /proc/self/exe again); concepts, poller, server and
# the rest of the socket tests pass here too, but add build time and no
# byte-order case of their own.
tests="byte_order address_v4 address_v6 endpoint ip_endpoint inet_endpoint
local_endpoint port_number inet socket_option services host_entry resolve
reverse_resolve basic_socket"

mkdir -p "$out/boost-include"
# Only Boost from /usr/include: the host's glibc headers there are x86-64's.
ln -sfn /usr/include/boost "$out/boost-include/boost"
flags="-std=c++20 -O1 -Wall -Wextra -Werror -I$root/include -isystem $out/boost-include"

# The programs link dynamically against the cross glibc and libstdc++;
# qemu finds the s390x loader and libraries under QEMU_LD_PREFIX.
export QEMU_LD_PREFIX="$sysroot" BOOST_TEST_COLOR_OUTPUT=no
# Bounded: a hung compile or test fails instead of blocking the run.
run() {
    echo "--- qemu-s390x ${1#"$out"/}"
    timeout 600 qemu-s390x "$1"
}

# The target is big-endian, by the compiler's word and by the bytes in memory
# of the program running under qemu; and qemu runs s390x code, not the host's.
cat > "$out/endian.cpp" <<'EOF'
#include <cstdint>
#include <cstdio>
#include <cstring>
static_assert(__BYTE_ORDER__ == __ORDER_BIG_ENDIAN__, "the s390x target is not big-endian");
#if !defined(__s390x__)
#error "not an s390x compiler"
#endif
int main()
{
    const std::uint32_t v = 0x01020304;
    unsigned char b[4];
    std::memcpy(b, &v, 4);
    std::printf("bytes of 0x01020304 in memory: %02x %02x %02x %02x\n", b[0], b[1], b[2], b[3]);
    return b[0] == 1 && b[1] == 2 && b[2] == 3 && b[3] == 4 ? 0 : 1;
}
EOF
echo "--- $cxx endian.cpp"
timeout 600 "$cxx" -std=c++20 -Wall -Werror "$out/endian.cpp" -o "$out/endian"
echo "--- qemu-s390x endian"
endian=$(timeout 60 qemu-s390x "$out/endian") || {
    echo "$endian"
    echo "s390x: the target is not big-endian" >&2
    exit 1
}
echo "$endian"
# EI_DATA, the ELF header's sixth byte: 2 is big-endian.
[ "$(od -An -tx1 -j5 -N1 "$out/endian" | tr -d ' ')" = 02 ] || {
    echo "s390x: $out/endian is not a big-endian ELF file" >&2
    exit 1
}

# Compiled as many at a time as there are cores (xargs -P: GNU and BSD), then
# linked one by one; each compile is bounded and any failure stops the run.
export cxx flags root out
# shellcheck disable=SC2016,SC2086 # $tests splits; the quoted script expands in sh
printf '%s\n' support/boost_test_main $tests | xargs -P "$(nproc)" -I{} sh -c '
    echo "--- $cxx test/$1.cpp"
    timeout 600 "$cxx" $flags -c "$root/test/$1.cpp" -o "$out/$(basename "$1").o"' sh {} || {
    echo "s390x: a compile failed (see above)" >&2
    exit 1
}
for t in $tests; do
    timeout 600 "$cxx" "$out/$t.o" "$out/boost_test_main.o" -o "$out/test_$t"
done
for t in $tests; do
    run "$out/test_$t"
done
echo "s390x: all passed ($(echo "$tests" | wc -w) tests, big-endian, under qemu-s390x)"
