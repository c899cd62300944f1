#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The oldest Boost tsock accepts, 1.74 (Debian 12's default libboost-dev),
# checked without installing it (it conflicts with the 1.81 packages): its
# -dev package is downloaded and unpacked into OUT_DIR, tsock is configured
# against it (find_package(Boost 1.74 CONFIG), Boost.Test from its headers)
# and the Predef test (config) and the every-header test (tsock) are built
# and run. Needs network (apt-get download) and dpkg.
# usage: run.sh [OUT_DIR]   (default build/boost-1.74)
set -eu
version=1.74
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/build/boost-$version}
mkdir -p "$out"
out=$(cd "$out" && pwd)
if [ ! -d "$out/root/usr/include/boost" ]; then
    (cd "$out" && rm -f libboost$version-dev_*.deb && apt-get download -q "libboost$version-dev")
    dpkg -x "$out"/libboost$version-dev_*.deb "$out/root"
fi
include=$out/root/usr/include
boost_dir=$(echo "$out"/root/usr/lib/*/cmake/Boost-$version.*)
if [ ! -f "$boost_dir/BoostConfig.cmake" ]; then
    echo "run.sh: no BoostConfig.cmake for $version under $out/root" >&2
    exit 1
fi

cmake -S "$root" -B "$out/build" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DBoost_DIR="$boost_dir" \
    -DTSOCK_HEADER_ONLY_BOOST_TEST=ON -DTSOCK_BUILD_EXAMPLES=OFF -DTSOCK_BUILD_BENCHMARKS=OFF \
    -DCMAKE_EXPORT_COMPILE_COMMANDS=ON >"$out/configure.log" 2>&1 || { cat "$out/configure.log"; exit 1; }
# find_package(Boost) takes the system's 1.81 when it refuses this one.
found=$(sed -n 's/^Boost_DIR:[A-Z]*=//p' "$out/build/CMakeCache.txt")
if [ "$found" != "$boost_dir" ]; then
    echo "run.sh: tsock's CMake refused Boost $version: it took $found instead of $boost_dir" >&2
    exit 1
fi
cmake --build "$out/build" --target test_config test_tsock
# The tests saw these headers, not /usr/include's (1.81 is installed there).
if ! grep -q -- "-isystem $include " "$out/build/compile_commands.json"; then
    echo "run.sh: the tests were not compiled against $include" >&2
    exit 1
fi
ctest --test-dir "$out/build" -R '^(config|tsock)$' --output-on-failure
echo "run.sh: tsock's config and tsock tests pass against Boost $version's headers"
