#!/bin/bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# chat_server and two chat_clients as processes, the way a user runs them:
#   bash chat_test.sh CHAT_SERVER CHAT_CLIENT
# bob's terminal is a pipe this script writes to, alice's a pipe that ends
# after two lines. Checks: alice's line reaches bob and not alice; the end of
# alice's input ends her chat; ### ends bob's; the server (--max-clients 2)
# ends when both have left. Every read waits 10 s at most; every process is
# killed on the way out. Prints "chat_test: PASS" at the end.
set -eu
server=$1 client=$2
dir=$(mktemp -d)
pids=
cleanup() {
    for p in $pids; do kill "$p" 2>/dev/null || true; done
    rm -rf "$dir"
}
trap cleanup EXIT

fail() {
    echo "chat_test: FAIL: $*"
    exit 1
}
# expect FD TEXT: reads lines from FD until one contains TEXT.
expect() {
    local line
    while IFS= read -r -t 10 line <&"$1"; do
        echo "  [$1] $line"
        case $line in *"$2"*) return 0 ;; esac
    done
    fail "no line with \"$2\" on fd $1"
}

mkfifo "$dir/server.out" "$dir/bob.in" "$dir/bob.out"
"$server" --port 0 --max-clients 2 >"$dir/server.out" &
server_pid=$!
pids=$server_pid
exec 3<"$dir/server.out"
IFS= read -r -t 10 line <&3 || fail "the server did not start"
echo "  [3] $line"
port=${line##*:}

"$client" --name bob 127.0.0.1 "$port" <"$dir/bob.in" >"$dir/bob.out" &
bob_pid=$!
pids="$pids $bob_pid"
exec 4>"$dir/bob.in" 5<"$dir/bob.out"
expect 5 "is now bob"

printf '/name alice\nhello from alice\n' | "$client" 127.0.0.1 "$port" >"$dir/alice.out" &
alice_pid=$!
pids="$pids $alice_pid"
expect 5 "joined"
expect 5 "is now alice"
expect 5 "alice: hello from alice"
expect 5 "* alice left"
wait $alice_pid || fail "alice's client failed"
grep -q "is now alice" "$dir/alice.out" || fail "alice did not see her name"
! grep -q "hello from alice" "$dir/alice.out" || fail "alice's line came back to her"
echo "chat_test: alice's input ended, her chat ended; her line reached bob, not her"

printf '###\n' >&4
expect 5 "* bye"
wait $bob_pid || fail "bob's client failed"
exec 4>&-
echo "chat_test: ### ended bob's chat"

wait $server_pid || fail "the server failed"
server_log=$(cat <&3)
echo "$server_log" | sed 's/^/  [3] /'
case $server_log in *"bob left"*) ;; *) fail "the server did not see bob leave" ;; esac
echo "chat_test: PASS"
