#!/bin/sh
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Windows check: cross-compiles with mingw-w64 and runs under wine the
# platform-independent tests (config, tsock), the Winsock socket tests
# (test/windows/sockets.cpp) and name services tests (test/windows/names.cpp)
# with header-only Boost.Test, the address tour and host_info; checks that local sockets, abstract local names and the options
# Windows lacks do not compile there. Needs:
# g++-mingw-w64-x86-64 wine wine64 (sh tools/install-deps.sh windows). Exits
# non-zero on any failure.
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
# Bounded: a hung test fails instead of blocking the run.
run() {
    echo "--- wine $*"
    timeout 600 wine "$@"
}

for t in config tsock windows/sockets windows/poller windows/names; do
    echo "--- $cxx test/$t.cpp (header-only Boost.Test)"
    $cxx $flags -DTSOCK_TEST_HEADER_ONLY "$root/test/$t.cpp" -o "$out/test_$(basename "$t").exe" $libs
done
echo "--- $cxx example/address_tour.cpp"
$cxx $flags "$root/example/address_tour.cpp" -o "$out/address_tour.exe" $libs
echo "--- $cxx example/host_info.cpp"
$cxx $flags -I"$root/example" "$root/example/host_info.cpp" -o "$out/host_info.exe" $libs

# Local (AF_UNIX) sockets and socket_pair are compile errors on Windows, with
# their message; the control twin (a TCP socket) compiles.
compile_fail() { # name, expected message, code
    printf '#include <tsock.hpp>\nint main() {\n#if defined(CONTROL)\n auto s = tsock::tcp_socket::open();\n#else\n %s\n#endif\n (void)s;\n}\n' "$3" > "$out/$1.cpp"
    echo "--- $cxx $1.cpp must not compile"
    $cxx $flags -fsyntax-only -DCONTROL "$out/$1.cpp"
    if $cxx $flags -fsyntax-only "$out/$1.cpp" 2> "$out/$1.log"; then
        echo "$1: compiled" >&2
        exit 1
    fi
    grep -q "$2" "$out/$1.log" || { cat "$out/$1.log" >&2; echo "$1: not the expected message: $2" >&2; exit 1; }
}
compile_fail local_socket "local (AF_UNIX) sockets are not available on this platform" \
    "auto s = tsock::unix_stream_socket::open();"
compile_fail socket_pair "socket_pair makes local (AF_UNIX) stream, datagram or seqpacket pairs, where socketpair exists" "auto s = tsock::socket_pair();"
# Names that exist everywhere but not here: refused with their reason.
compile_fail reuse_port "this option is not available on this platform" \
    "auto s = tsock::tcp_socket::open(); s.set(tsock::options::reuse_port(true));"
compile_fail keep_idle_get "this option is not available on this platform" \
    "auto s = tsock::tcp_socket::open(); (void)s.get<tsock::options::tcp::keep_idle>();"
compile_fail abstract_name "abstract local socket names exist on Linux only; use local_endpoint::path" \
    "auto s = tsock::local_endpoint::abstract(\"tsock\");"

run "$out/test_config.exe"
run "$out/test_tsock.exe"
run "$out/test_sockets.exe"
run "$out/test_poller.exe"
run "$out/test_names.exe"
tour=$(run "$out/address_tour.exe" "::ffff:10.0.0.1")
echo "$tour"
echo "$tour" | grep -q "v4-mapped (holds 10.0.0.1)"
# host_info: this host with its interfaces (the loopback's 127.0.0.1 among
# them), and a lookup of localhost's http with the databases' answers.
info=$(run "$out/host_info.exe" --interfaces)
echo "$info"
echo "$info" | grep -q "inet  127.0.0.1 netmask 255.0.0.0"
info=$(run "$out/host_info.exe" localhost http)
echo "$info"
echo "$info" | grep -q "127.0.0.1:80  is .* http"
echo "$info" | grep -q "service http: port 80/tcp; port 80 is http"
echo "$info" | grep -q "protocol tcp: number 6"
echo "windows: all passed"
