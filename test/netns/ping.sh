#!/bin/bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
#   bash ping.sh PING
# example/ping inside two network namespaces this script creates (lib.sh):
# from a, raw ICMP and ICMPv6 echo to b (the other end of the veth pair) and
# to a's own loopback; then the ICMP datagram socket, refused while the
# namespace's net.ipv4.ping_group_range is its default ("1 0": no group),
# and working once a sets it to every group (in a only: the sysctl is per
# namespace). Also: an address nobody has gets no reply (exit 1), bounded by
# --timeout. Exits 77 where namespaces cannot be made; prints "ping: PASS".
set -u
ping=$1
netns_test=ping
. "$(dirname "$0")/lib.sh"
netns_pair

# expect STATUS PATTERN ARGS...: ping ARGS in a exits STATUS and prints PATTERN.
expect() {
    local status=$1 pattern=$2 out rc
    shift 2
    out=$(in_a timeout 30 "$ping" "$@" 2>&1)
    rc=$?
    printf '%s\n' "$out" | sed "s/^/  [$*] /"
    [ "$rc" -eq "$status" ] || netns_fail "ping $*: exit status $rc, expected $status"
    printf '%s\n' "$out" | grep -Eq -- "$pattern" || netns_fail "ping $*: no line matching /$pattern/"
}

expect 0 "^64 bytes from 198\.18\.0\.2: icmp_seq=3 time=" --count 3 198.18.0.2
expect 0 "^64 bytes from fd5e:feed::2: icmp_seq=3 time=" --count 3 fd5e:feed::2
expect 0 "^64 bytes from 127\.0\.0\.1: icmp_seq=2 time=" --count 2 127.0.0.1
expect 0 "^64 bytes from ::1: icmp_seq=2 time=" --count 2 ::1
expect 1 "^no reply from 198\.18\.0\.9: icmp_seq=1" --count 1 --timeout 300 198.18.0.9

expect 1 "ping: .*socket: Permission denied" --dgram --count 1 198.18.0.2
in_a sh -c 'echo "0 2147483647" > /proc/sys/net/ipv4/ping_group_range' || netns_fail "ping_group_range"
[ "$(in_b cat /proc/sys/net/ipv4/ping_group_range)" != "$(in_a cat /proc/sys/net/ipv4/ping_group_range)" ] ||
    netns_fail "ping_group_range is not per namespace here"
expect 0 "^64 bytes from 198\.18\.0\.2: icmp_seq=2 time=" --dgram --count 2 198.18.0.2
expect 0 "^64 bytes from fd5e:feed::2: icmp_seq=2 time=" --dgram --count 2 fd5e:feed::2
expect 0 "^64 bytes from 127\.0\.0\.1: icmp_seq=1 time=" --dgram --count 1 127.0.0.1
echo "ping: PASS"
