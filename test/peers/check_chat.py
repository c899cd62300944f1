# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The half-duplex chat tutorial programs against their Python twins, both ways:
  python3 check_chat.py EXAMPLE_BINARY_DIR [CASE...]
For TCP and UDP, a scripted chat written to the two programs' stdin a line at
a time, each line awaited on the other side before the reply is written:
a plain line, an empty line (allowed: "\\n" on TCP, an empty datagram on UDP),
a line with non-ASCII UTF-8, a 3000-byte line and one of exactly 4096 bytes
(the TCP programs' maximum). It ends four ways: "###" from the client, from
the server, and the end of the client's or the server's stdin (which sends
"###"); both then exit 0 with nothing on stderr. On UDP a stranger's datagram
mid-chat is ignored (and said so on stderr). Failures: a TCP peer killed
mid-chat, a TCP line over 4096 bytes, a UDP server that never answers (the
client gives up after 10 s); each exits 1 with a clear message."""
import os
import socket
import sys

from peerlib import DIRECTIONS, Run, check

os.environ["PYTHONUTF8"] = "1"  # the Python twins read and print UTF-8 whatever the locale

SCRIPT = [  # (the client's line, the server's reply)
    ("hello from the client", "hello from the server"),
    ("", "an empty line came"),
    ("héllo wörld, ça va? ✓ 日本語", "très bien ✓"),
    ("c" * 2999 + "!", "s" * 4095 + "!"),
]
ENDS = ["client says ###", "server says ###", "client stdin ends", "server stdin ends"]


def start(run, proto, server_side, client_side):
    server = run.start(f"{proto}_chat_server", server_side, "--port", "0")
    host, port = server.listening()
    client = run.start(f"{proto}_chat_client", client_side, host, port)
    if proto == "tcp":
        names(server, b"connected by 127.0.0.1:")
    return server, client, int(port)


def names(server, prefix):
    """The server names its client once: TCP when it connects, UDP at its first datagram."""
    line = server.read_line()
    check(line is not None and line.startswith(prefix), f"server said {line!r}, not {prefix!r}PORT")


def say(sender, receiver, line, prefix):
    sender.write(line.encode() + b"\n")
    receiver.expect(f"{prefix}: {line}".encode())


def chat(run, proto, server_side, client_side, end):
    server, client, port = start(run, proto, server_side, client_side)
    first = True
    for mine, theirs in SCRIPT:
        client.write(mine.encode() + b"\n")
        if first and proto == "udp":
            names(server, b"chatting with 127.0.0.1:")
        server.expect(f"client: {mine}".encode())
        if first and proto == "udp":  # a stranger's datagram, before the client's next
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as stranger:
                stranger.sendto(b"let me in", ("127.0.0.1", port))
        first = False
        say(server, client, theirs, "server")
    if end == "client says ###":
        say(client, server, "###", "client")
    elif end == "server says ###":
        say(client, server, "one more", "client")
        say(server, client, "###", "server")
    elif end == "client stdin ends":
        client.close_stdin()
        server.expect("client: ###")
    else:
        say(client, server, "one more", "client")
        server.close_stdin()
        client.expect("server: ###")
    for p in (server, client):
        p.wait(0)
        check(p.read_all() == b"", f"{p.label} printed more after the chat")
    check(client.stderr() == b"", "the client wrote to stderr")
    err = server.stderr()
    if proto == "udp":
        check(err.startswith(b"udp_chat_server: ignored a datagram from 127.0.0.1:") and err.count(b"\n") == 1,
              f"the server did not report the stranger's datagram once: {err!r}")
    else:
        check(err == b"", f"the server wrote to stderr: {err!r}")


def killed(run, side, victim):
    """A peer killed mid-chat: the tsock side says so, exit 1."""
    server, client, _ = start(run, "tcp", side if victim == "client" else "python",
                              side if victim == "server" else "python")
    say(client, server, "hello", "client")
    if victim == "client":
        say(server, client, "are you there?", "server")  # the server now waits for the client
        client.stop()
        survivor, why = server, b"tcp_chat_server: the client disconnected"
    else:
        server.stop()  # the client waits for the server
        survivor, why = client, b"tcp_chat_client: the server disconnected"
    survivor.wait(1)
    err = survivor.stderr()
    check(err.strip() == why, f"{survivor.label} said {err!r}, not {why!r}")
    print(f"  {survivor.label}: {err.decode().strip()}")


def too_long(run, side, receiver):
    """A line of 4097 bytes: the tsock receiver refuses it, exit 1."""
    server, client, _ = start(run, "tcp", side if receiver == "server" else "python",
                              side if receiver == "client" else "python")
    if receiver == "server":
        client.write(b"x" * 4097 + b"\n")
        survivor = server
    else:
        say(client, server, "hello", "client")
        server.write(b"x" * 4097 + b"\n")
        survivor = client
    survivor.wait(1)
    err = survivor.stderr()
    print(f"  {survivor.label}: {err.decode().strip()}")
    check(b"maximum line length" in err or b"longer than 4096 bytes" in err, f"{survivor.label} said {err!r}, not that the line is too long")


def silent(run, side):
    """A UDP server that never answers: the client gives up after 10 s."""
    server, client, _ = start(run, "udp", "python", side)
    client.write(b"hello?\n")
    names(server, b"chatting with 127.0.0.1:")
    server.expect("client: hello?")  # and the server's stdin stays silent
    client.wait(1, timeout=20)
    err = client.stderr()
    print(f"  {client.label}: {err.decode().strip()}")
    check(b"timed out" in err, f"the client said {err!r}, not that it timed out")


run = Run("chat", sys.argv)
for proto in ("tcp", "udp"):
    for s, c in DIRECTIONS:
        for end in ENDS:
            run.case(f"{proto} {s} server, {c} client, {end}", chat, proto, s, c, end)
for side in ("tsock", "python"):
    for victim, survivor in (("client", "server"), ("server", "client")):
        run.case(f"tcp {side} {survivor}, {victim} killed mid-chat", killed, side, victim)
        run.case(f"tcp {side} {survivor}, a line over 4096 bytes", too_long, side, survivor)
run.case("udp tsock client, a server that never answers", silent, "tsock")
run.passed()
