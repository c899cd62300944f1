#!/usr/bin/env bash
# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
#
# The poller's zero-overhead check: user-space instructions of the echo
# server (callgrind) and system calls (strace) per request, for the echo loop
# over tsock::poller, the same loop over raw epoll, and Asio's io_context
# (bench_poll_echo, test/bench/poll_echo_servers.hpp).
#   poll_instructions.sh <bench_poll_echo> [--check] [--requests N]
#
# Method. bench_poll_echo runs server and client in one thread, so that each
# wait returns the same events on every run: a round writes a 64-byte request
# on each of C connections, then calls the server's poll_once() (one
# epoll_wait whose events are the round's requests, each answered with one
# recv and one send), then reads the echoes. Only the server is counted:
# callgrind collects inside the bench classes' poll_once() alone
# (tsock_poll_echo::poll_once and its raw and Asio twins; --collect-atstart=no
# --toggle-collect), not the client's code. Each run is made at N requests
# (default 20000) and at 0, with the same setup (C connections accepted);
# per request = (count at N - count at 0) / N. System calls: strace -f -c of
# the process, by name; the client writes and reads with write(2) and
# read(2), which the servers never call, so the server's calls are the other
# names (tsock and raw: epoll_wait 1/C, recvfrom 1, sendto 1).
# Two configurations: 100 connections (an epoll_wait returns 100 events)
# and 1 (every request has a wait of its own: the poller's per-wait cost).
#
# --check: exit 1 if, with 100 connections, tsock takes more than 2 % more
# instructions per request than raw, or if, in either configuration, tsock
# makes other system calls per request than raw (by name, to 0.01). The
# 1-connection instruction ratio and Asio are reported, never checked.
# Exit 77 (skipped) when valgrind or strace is missing.
set -euo pipefail

here=$(dirname "${BASH_SOURCE[0]}")
# shellcheck source=counting.sh
. "$here/counting.sh"
parse_arguments poll_instructions.sh --requests 20000 "$@"
require_tools poll_instructions.sh
make_scratch

impl_list=$("$bin" impls)
read -r -a impls <<<"$impl_list"
conn_counts=(100 1)
checked_conns=100
limit=2 # per cent

declare -A ir calls
echo "bench_poll_echo: $n requests of 64 bytes, minus 0 (same setup); the server's poll_once() only"
for conns in "${conn_counts[@]}"; do
    for impl in "${impls[@]}"; do
        measure "$conns" "$impl" --collect-atstart=no '--toggle-collect=*_poll_echo::poll_once*' -- "$impl" "$conns"
    done
done

print_tables "request, server only" "request, client's write and read included" connections 11 "${conn_counts[@]}"

[[ $check == 1 ]] || exit 0
echo
failed=0
for conns in "${conn_counts[@]}"; do
    check_plausible "$conns" "$conns connections" request
    check_calls "$conns" "$conns connections" request
done
check_instructions "$checked_conns" "$checked_conns connections" request "$limit"
if [[ $failed == 1 ]]; then
    exit 1
fi
echo "OK: tsock within $limit % of raw's instructions per request ($checked_conns connections) and with raw's system calls"
