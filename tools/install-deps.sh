#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Installs what tsock's builds need on Debian 12, with apt.
#   sh tools/install-deps.sh demo   compiler, CMake, Ninja, Boost headers and
#                                   Python 3 (the tutorial programs' twins)
#   sh tools/install-deps.sh        all of that, plus Boost.Test, b2, clang-16
#                                   with libc++ 16, Google Benchmark, valgrind,
#                                   strace and Asio
#                                   (the benchmarks' yardsticks), fmt (for
#                                   tsock/fmt.hpp's test), and what the
#                                   tests read or run: netbase (/etc/services,
#                                   /etc/protocols), iproute2 (ip, for the
#                                   network namespaces the tests create) and
#                                   curl (a client of the tutorial's HTTP server);
#                                   asciidoctor and ruby-rouge (the manual,
#                                   doc/index.adoc, as HTML: ctest doc.html)
#   sh tools/install-deps.sh windows   mingw-w64 and wine (test/windows/run.sh)
#   sh tools/install-deps.sh s390x     the s390x (big-endian) cross compiler,
#                                      qemu-user and netbase (test/s390x/run.sh)
# Runs apt-get through sudo when not root. Boost is pinned to 1.81: the
# unversioned libboost-*-dev packages are 1.74 and conflict with it.
set -eu
packages="g++ cmake ninja-build libboost1.81-dev python3"
case "${1:-all}" in
demo) ;;
all) packages="$packages libboost-test1.81-dev libboost1.81-tools-dev clang-16 libclang-rt-16-dev libc++-16-dev libc++abi-16-dev libbenchmark-dev valgrind strace libasio-dev libfmt-dev netbase iproute2 curl asciidoctor ruby-rouge" ;;
windows) packages="libboost1.81-dev g++-mingw-w64-x86-64 wine wine64" ;;
s390x) packages="libboost1.81-dev g++-s390x-linux-gnu qemu-user netbase" ;;
*) echo "usage: install-deps.sh [demo|all|windows|s390x]" >&2; exit 2 ;;
esac
sudo=
if [ "$(id -u)" -ne 0 ]; then
    sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=600 update -qq
# shellcheck disable=SC2086 # the list is meant to split
$sudo apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends $packages >/dev/null
echo "tsock: installed $packages"
