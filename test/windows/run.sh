#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Windows check: cross-compiles with mingw-w64 and runs under wine the
# platform-independent tests (config, tsock) with header-only Boost.Test, and
# the address tour. Needs: g++-mingw-w64-x86-64 wine wine64 (sh
# tools/install-deps.sh windows). Exits non-zero on any failure.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build/windows}
cxx=x86_64-w64-mingw32-g++-posix
mkdir -p "$out/boost-include"
# Only Boost from /usr/include: glibc's headers there would break mingw.
ln -sfn /usr/include/boost "$out/boost-include/boost"
flags="-std=c++20 -O1 -Wall -Wextra -Werror -I$root/include -isystem $out/boost-include -static"
libs="-lws2_32 -liphlpapi"

export WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml=" WINEPREFIX="$out/wine-prefix"
run() {
    echo "--- wine $*"
    wine "$@"
}

for t in config tsock; do
    echo "--- $cxx test/$t.cpp (header-only Boost.Test)"
    $cxx $flags -DTSOCK_TEST_HEADER_ONLY "$root/test/$t.cpp" -o "$out/test_$t.exe" $libs
done
echo "--- $cxx example/address_tour.cpp"
$cxx $flags "$root/example/address_tour.cpp" -o "$out/address_tour.exe" $libs

run "$out/test_config.exe"
run "$out/test_tsock.exe"
tour=$(run "$out/address_tour.exe" "::ffff:10.0.0.1")
echo "$tour"
echo "$tour" | grep -q "v4-mapped (holds 10.0.0.1)"
echo "windows: all passed"
