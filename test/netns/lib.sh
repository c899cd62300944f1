# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# Sourced by the tests of test/netns (bash): two hosts on one machine.
#   netns_pair         creates namespaces $ns_a and $ns_b joined by a veth
#                      pair, va in a (198.18.0.1/24, fd5e:feed::1/64) and vb
#                      in b (198.18.0.2/24, fd5e:feed::2/64), lo up in both;
#                      exits 77 (ctest: skipped) where iproute2 is missing or
#                      namespaces cannot be made (no root, a container).
#   in_a CMD..., in_b CMD...   run CMD in a namespace.
#   netns_fail TEXT    prints "<test>: FAIL: TEXT" and exits 1.
# The namespaces (and with them the veth pair) are deleted on every exit;
# background processes named in $netns_pids are killed first. Only the
# documentation ranges 198.18.0.0/24 and fd5e:feed::/64 are used, and only
# inside these namespaces: the host's own network is not touched.

netns_test=${netns_test:-$(basename "$0" .sh)}
ns_a=tsock-$netns_test-$$-a
ns_b=tsock-$netns_test-$$-b
netns_pids=
netns_made=

netns_cleanup() {
    for p in $netns_pids; do kill "$p" 2>/dev/null || true; done
    for ns in $netns_made; do ip netns del "$ns" 2>/dev/null || true; done
    [ -z "${netns_dir:-}" ] || rm -rf "$netns_dir"
}
trap netns_cleanup EXIT
trap 'exit 1' HUP INT TERM

netns_fail() {
    echo "$netns_test: FAIL: $*"
    exit 1
}

netns_skip() {
    echo "$netns_test: SKIP: $*"
    exit 77
}

in_a() { ip netns exec "$ns_a" "$@"; }
in_b() { ip netns exec "$ns_b" "$@"; }

netns_pair() {
    command -v ip >/dev/null 2>&1 || netns_skip "no ip command (iproute2)"
    ip netns add "$ns_a" 2>/dev/null || netns_skip "ip netns add is not permitted here"
    netns_made=$ns_a
    ip netns add "$ns_b" || netns_fail "ip netns add $ns_b"
    netns_made="$ns_a $ns_b"
    # No duplicate address detection in these namespaces (set before the
    # veth pair exists, so that its ends inherit it): addresses, link-local
    # ones included, are usable at once rather than tentative for a while,
    # during which the first IPv6 packets can be lost.
    for ns in "$ns_a" "$ns_b"; do
        ip netns exec "$ns" sh -c 'echo 0 > /proc/sys/net/ipv6/conf/default/accept_dad' ||
            netns_fail "accept_dad in $ns"
    done
    ip link add name va netns "$ns_a" type veth peer name vb netns "$ns_b" || netns_fail "no veth pair"
    in_a ip addr add 198.18.0.1/24 dev va || netns_fail "address a"
    in_a ip addr add fd5e:feed::1/64 dev va nodad || netns_fail "address a6"
    in_b ip addr add 198.18.0.2/24 dev vb || netns_fail "address b"
    in_b ip addr add fd5e:feed::2/64 dev vb nodad || netns_fail "address b6"
    for ns in "$ns_a" "$ns_b"; do
        ip -n "$ns" link set lo up || netns_fail "lo up"
    done
    in_a ip link set va up || netns_fail "va up"
    in_b ip link set vb up || netns_fail "vb up"
    # The kernel reports a veth end's carrier through linkwatch, up to a
    # second after "up"; until then the end's operstate is down and IPv6
    # drops what is sent to it (measured: no multicast for ~1 s). Wait for
    # both ends, 5 s at most.
    local tries=0
    until [ "$(in_a cat /sys/class/net/va/operstate)" = up ] && [ "$(in_b cat /sys/class/net/vb/operstate)" = up ]; do
        tries=$((tries + 1))
        [ $tries -le 100 ] || netns_fail "the veth pair did not come up within 5 s"
        sleep 0.05
    done
    # Each end knows the other's link address: no ARP or neighbour discovery,
    # whose first solicitation, sent while the link is still coming up, can
    # be lost (then the first datagram waits a whole second for the retry).
    local mac_a mac_b
    mac_a=$(in_a cat /sys/class/net/va/address)
    mac_b=$(in_b cat /sys/class/net/vb/address)
    [ -n "$mac_a" ] && [ -n "$mac_b" ] || netns_fail "no link addresses"
    in_a ip neigh replace 198.18.0.2 lladdr "$mac_b" dev va nud permanent || netns_fail "neighbour b"
    in_a ip neigh replace fd5e:feed::2 lladdr "$mac_b" dev va nud permanent || netns_fail "neighbour b6"
    in_b ip neigh replace 198.18.0.1 lladdr "$mac_a" dev vb nud permanent || netns_fail "neighbour a"
    in_b ip neigh replace fd5e:feed::1 lladdr "$mac_a" dev vb nud permanent || netns_fail "neighbour a6"
}
