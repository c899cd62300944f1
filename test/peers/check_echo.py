# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The echo tutorial programs against their Python twins, both ways:
  python3 check_echo.py EXAMPLE_BINARY_DIR [CASE...]
TCP: two clients one after the other (the server takes the next), one with a
message longer than the 1024-byte buffers; UDP: two datagrams."""
import sys

from peerlib import DIRECTIONS, Run, check

LONG = "x" * 5000 + " end"


def tcp(run, server_side, client_side):
    server = run.start("tcp_echo_server", server_side, "--port", "0", "--max-clients", "2")
    host, port = server.listening()
    for message in ["hello from the tutorial", LONG]:
        client = run.start("tcp_echo_client", client_side, host, port, *message.split(" "))
        client.expect("received " + message)
        client.wait(0)
        line = server.read_line()
        check(line is not None and line.startswith(b"connected by 127.0.0.1:"),
              f"server said {line!r}, not 'connected by 127.0.0.1:PORT'")
    server.wait(0)


def udp(run, server_side, client_side):
    server = run.start("udp_echo_server", server_side, "--port", "0", "--max-datagrams", "2")
    host, port = server.listening()
    for message in ["one datagram", "x" * 1400]:
        client = run.start("udp_echo_client", client_side, host, port, message)
        client.expect("received " + message)
        client.wait(0)
    server.wait(0)


def refused(run, side):
    """No server: the TCP client fails with a clear message, status 1."""
    server = run.start("tcp_echo_server", "tsock", "--port", "0", "--max-clients", "1")
    host, port = server.listening()
    server.stop()  # nothing listens on the port now
    client = run.start("tcp_echo_client", side, host, port, "anyone?")
    check(client.read_all() == b"", "the client printed something with no server")
    client.wait(1)
    check(b"refused" in client.stderr().lower(), "the client did not say the connection was refused")


run = Run("echo", sys.argv)
for s, c in DIRECTIONS:
    run.case(f"tcp {s} server, {c} client", tcp, s, c)
    run.case(f"udp {s} server, {c} client", udp, s, c)
run.case("tcp tsock client, no server", refused, "tsock")
run.passed()
