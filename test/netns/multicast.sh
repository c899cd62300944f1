#!/bin/bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
#   bash multicast.sh MULTICAST_PEER
# Multicast between two network namespaces this script creates (lib.sh):
# b joins a group, a sends to it, and b must print exactly the datagrams its
# membership lets through. a sends from two addresses, 198.18.0.1 (and
# fd5e:feed::1) and 198.18.0.3 (fd5e:feed::3): an any-source member gets
# both, a source-specific member of .1 only the datagrams of .1. a sends the
# other source's datagram first and "end" last, on the same link, so by the
# time "end" is in, a datagram that got through would be in too; b then
# listens 200 ms more. Cases: IPv4 any-source and source-specific, each by
# interface address and by index; IPv6 any-source and source-specific.
# Every read waits 10 s at most; b's own wait is 5 s at most. Exits 77 where
# namespaces cannot be made; prints "multicast: PASS" at the end.
set -u
peer=$1
netns_test=multicast
. "$(dirname "$0")/lib.sh"
netns_pair
in_a ip addr add 198.18.0.3/24 dev va || netns_fail "second address"
in_a ip addr add fd5e:feed::3/64 dev va nodad || netns_fail "second address v6"
netns_dir=$(mktemp -d)

port=40000
# check NAME FAMILY GROUP INTERFACE_IN_B "SOURCE_IN_B" OTHER_SOURCE SOURCE EXPECTED
# b joins GROUP on INTERFACE_IN_B (from SOURCE_IN_B when not empty); a sends
# "other" from OTHER_SOURCE, then "joined" and "end" from SOURCE; b's
# output must be EXPECTED. a chooses its sending interface as b does: by
# name (index) when b's INTERFACE_IN_B is a name, else by its own address.
check() {
    local name=$1 family=$2 group=$3 interface=$4 only=$5 other=$6 source=$7 expected=$8
    port=$((port + 1))
    local fifo=$netns_dir/$name
    mkfifo "$fifo"
    # shellcheck disable=SC2086 # $only is empty or one address
    in_b "$peer" recv "$family" "$group" "$port" "$interface" $only >"$fifo" &
    local pid=$!
    netns_pids="$netns_pids $pid"
    exec 3<"$fifo"
    local line got=
    IFS= read -r -t 10 line <&3 || netns_fail "$name: the receiver did not start"
    [ "$line" = ready ] || netns_fail "$name: the receiver said \"$line\""
    local out_other=va out_source=va
    case $interface in
    *.*) out_other=$other out_source=$source ;;
    esac
    in_a "$peer" send "$family" "$group" "$port" "$other" "$out_other" other || netns_fail "$name: send from $other"
    in_a "$peer" send "$family" "$group" "$port" "$source" "$out_source" joined end ||
        netns_fail "$name: send from $source"
    while IFS= read -r -t 10 line <&3; do
        got="$got$line;"
    done
    exec 3<&-
    wait "$pid" || netns_fail "$name: the receiver failed"
    if [ "$got" != "$expected" ]; then
        netns_fail "$name: received \"$got\", expected \"$expected\""
    fi
    echo "  $name: $got"
}

check v4_any_by_address 4 239.1.2.3 198.18.0.2 "" 198.18.0.3 198.18.0.1 \
    "got other from 198.18.0.3;got joined from 198.18.0.1;got end from 198.18.0.1;"
check v4_any_by_index 4 239.1.2.3 vb "" 198.18.0.3 198.18.0.1 \
    "got other from 198.18.0.3;got joined from 198.18.0.1;got end from 198.18.0.1;"
check v4_source_by_address 4 232.1.2.3 198.18.0.2 198.18.0.1 198.18.0.3 198.18.0.1 \
    "got joined from 198.18.0.1;got end from 198.18.0.1;"
check v4_source_by_index 4 232.1.2.3 vb 198.18.0.1 198.18.0.3 198.18.0.1 \
    "got joined from 198.18.0.1;got end from 198.18.0.1;"
check v6_any 6 ff15::4242 vb "" fd5e:feed::3 fd5e:feed::1 \
    "got other from fd5e:feed::3;got joined from fd5e:feed::1;got end from fd5e:feed::1;"
check v6_source 6 ff3e::8000:4242 vb fd5e:feed::1 fd5e:feed::3 fd5e:feed::1 \
    "got joined from fd5e:feed::1;got end from fd5e:feed::1;"
echo "multicast: PASS"
