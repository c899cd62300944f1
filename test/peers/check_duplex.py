# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The full-duplex chat (duplex_chat) against its Python twin, both ways:
  python3 check_duplex.py EXAMPLE_BINARY_DIR [CASE...]
The listen side is the "server". Lines go one way while the other side has
sent nothing, then the other way while the first one's stdin is still open,
then cross (both written before either is read); the ends of stdin come one
after the other, in both orders, the last line unfinished; IPv6; a burst of
2000 lines (~200 KB, one of 60000 bytes) each way at once, written by
threads while the outputs are read; stdin a regular file; a line over
64 KiB, from stdin or from the peer, is refused. Against a plain socket: a
line in pieces and an unfinished one; a peer that reads nothing while the
program has megabytes to send (it must keep printing what the peer sends)."""
import os
import socket
import sys
import tempfile
import threading
import time

from peerlib import DIRECTIONS, TIMEOUT, Failure, Run, check


def pair(run, server_side, client_side, address="127.0.0.1"):
    a = run.start("duplex_chat", server_side, "listen", "--host", address, "--port", "0",
                  label=f"listen[{server_side}]")
    host, port = a.listening()
    b = run.start("duplex_chat", client_side, "connect", host, port, label=f"connect[{client_side}]")
    shown = f"[{host}]" if ":" in host else host
    b.expect(f"connected to {shown}:{port}")
    line = a.read_line()
    check(line is not None and line.startswith(f"connected by {shown}:".encode()),
          f"listen side said {line!r}, not 'connected by {shown}:PORT'")
    return a, b


def ipv6(run, server_side, client_side):
    a, b = pair(run, server_side, client_side, "::1")
    a.write("over IPv6\n")
    b.expect("peer: over IPv6")
    a.close_stdin()
    b.expect("peer left")
    b.close_stdin()
    a.expect("peer left")
    ended(a, b)


def ended(*sides):
    for p in sides:
        p.wait(0)
        check(p.read_all() == b"", f"{p.label}: more output after its end")


def duplex(run, server_side, client_side, first_to_end):
    a, b = pair(run, server_side, client_side)
    a.write("one\ntwo\n")
    a.write("three, with\ttab and \xe9\n")  # B has sent nothing yet
    for line in ["one", "two", "three, with\ttab and \xe9"]:
        b.expect("peer: " + line)
    b.write("four\nfive\n")  # A's stdin is still open
    a.expect("peer: four")
    a.expect("peer: five")
    for i in range(3):  # crossing: both written before either is read
        a.write(f"a{i}\n")
        b.write(f"b{i}\n")
        a.expect(f"peer: b{i}")
        b.expect(f"peer: a{i}")
    first, second = (a, b) if first_to_end == "server" else (b, a)
    first.write("bye, unfinished")
    first.close_stdin()
    second.expect("peer: bye, unfinished")
    second.expect("peer left")
    second.write("still here\n")  # the first still reads after its stdin ended
    first.expect("peer: still here")
    second.close_stdin()
    first.expect("peer left")
    ended(a, b)


def burst_lines(name):
    lines = [f"{name} {i:04d} " + "\xe9x" * (i % 100) for i in range(2000)]
    lines[1000] = name + " long " + "y" * 60000
    return "".join(line + "\n" for line in lines).encode()


def burst(run, server_side, client_side):
    a, b = pair(run, server_side, client_side)
    data = {a: burst_lines("from-a"), b: burst_lines("from-b")}
    outputs = {}

    def read(p):
        try:
            outputs[p] = p.read_all(timeout=60)
        except Failure as e:
            outputs[p] = str(e).encode()

    def write(p):
        p.write(data[p])
        p.close_stdin()

    threads = [in_background(f, p) for f in (write, read) for p in (a, b)]
    for t in threads:
        t.join(70)
    for p, q in [(a, b), (b, a)]:
        want = b"".join(b"peer: " + line + b"\n" for line in data[q].split(b"\n")[:-1]) + b"peer left\n"
        check(outputs[p] == want, f"{p.label}: printed {len(outputs[p])} bytes, not the {len(want)} expected"
              f" (first difference at {next((i for i, (x, y) in enumerate(zip(outputs[p], want)) if x != y), None)})")
    a.wait(0)
    b.wait(0)


def file_input(run, server_side, client_side):
    """The connect side's stdin is a regular file (poll(2), not epoll)."""
    a = run.start("duplex_chat", server_side, "listen", "--port", "0", label=f"listen[{server_side}]")
    host, port = a.listening()
    with tempfile.NamedTemporaryFile("wb", suffix=".txt", delete=False) as f:
        f.write(b"from a file\nsecond line\n")
    try:
        b = run.start_command(f"connect[{client_side}] < file", [
            "sh", "-c", 'f=$1; shift; exec "$@" < "$f"', "sh", f.name,
            *run.argv("duplex_chat", client_side), "connect", host, port], stdin=False)
        b.expect(f"connected to {host}:{port}")
        a.read_line()  # connected by
        a.expect("peer: from a file")
        a.expect("peer: second line")
        a.expect("peer left")
        a.write("reply\n")
        b.expect("peer: reply")
        a.close_stdin()
        b.expect("peer left")
        ended(a, b)
    finally:
        os.unlink(f.name)


def long_from_stdin(run, server_side, client_side):
    a, b = pair(run, server_side, client_side)
    try:
        a.write("z" * 70000 + "\n")
    except BrokenPipeError:  # it stopped reading after 65537 bytes
        pass
    a.wait(1)
    check(b"longer than 65536 bytes from stdin" in a.stderr(), f"{a.label}: no clear message for the long line")
    b.expect("peer left")
    b.close_stdin()
    ended(b)


def unfinished_from_peer(run, side):
    """A peer (a plain socket) that sends a line in pieces and ends in the
    middle of one."""
    a = run.start("duplex_chat", side, "listen", "--port", "0", label=f"listen[{side}]")
    host, port = a.listening()
    with socket.create_connection((host, int(port))) as s:
        a.read_line()  # connected by
        s.sendall(b"in ")
        s.sendall(b"pieces\nunfin")
        a.expect("peer: in pieces")
        s.sendall(b"ished")
        s.shutdown(socket.SHUT_WR)
        a.expect("peer: unfinished")
        a.expect("peer left")
        a.close_stdin()
        check(s.recv(1) == b"", f"{a.label}: did not close")
    ended(a)


def long_from_peer(run, side):
    a = run.start("duplex_chat", side, "listen", "--port", "0", label=f"listen[{side}]")
    host, port = a.listening()
    with socket.create_connection((host, int(port))) as s:
        a.read_line()  # connected by
        s.sendall(b"ok\n" + b"z" * 70000)
        a.expect("peer: ok")
        a.wait(1)
    check(b"longer than 65536 bytes from the peer" in a.stderr(), f"{a.label}: no clear message for the long line")


def in_background(f, *args):
    """A thread running f(*args); an OSError (the program died) ends it
    quietly: the main thread reports the failure."""
    def run():
        try:
            f(*args)
        except OSError:
            pass
    t = threading.Thread(target=run)
    t.start()
    return t


def send_buffer_max():
    """The most a TCP socket's send buffer grows to (Linux: tcp_wmem's third number)."""
    try:
        with open("/proc/sys/net/ipv4/tcp_wmem") as f:
            return int(f.read().split()[2])
    except OSError:
        return 4 << 20


def peer_not_reading(run, side):
    """The peer (a plain socket with a small receive buffer) reads nothing
    while stdin gives the program more than its send buffer can take: it
    must keep printing what the peer sends (more than the send buffer too:
    a program blocked in send would stop), and stop reading stdin (what it
    keeps to send is bounded). Then the peer reads it all."""
    a = run.start("duplex_chat", side, "listen", "--port", "0", label=f"listen[{side}]")
    host, port = a.listening()
    size = send_buffer_max()
    mine = b"".join(b"%07d " % i + b"m" * 92 + b"\n" for i in range(2 * size // 100 + 10000))
    theirs = b"".join(b"peer %07d " % i + b"p" * 87 + b"\n" for i in range(size // 100 + 10000))
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect((host, int(port)))
    with s:
        a.read_line()  # connected by
        writers = [in_background(a.write, mine), in_background(s.sendall, theirs)]
        want = b"".join(b"peer: " + line + b"\n" for line in theirs.split(b"\n")[:-1])
        while len(a.pending) < len(want):  # read fast (not line by line)
            check(a._fill(time.monotonic() + TIMEOUT), f"{a.label}: ended, printed only {a.pending[-200:]!r}")
        check(a.pending[:len(want)] == want, f"{a.label}: printed other bytes than the peer sent")
        a.pending = a.pending[len(want):]
        check(writers[0].is_alive(), f"{a.label}: read all of its stdin while the peer read nothing")
        got = b""
        while len(got) < len(mine):
            data = s.recv(1 << 20)
            check(data, f"{a.label}: closed the connection after {len(got)} bytes")
            got += data
        check(got == mine, f"{a.label}: sent other bytes than its stdin")
        for t in writers:
            t.join(TIMEOUT)
        s.shutdown(socket.SHUT_WR)
        a.expect("peer left")
        a.close_stdin()
        check(s.recv(1) == b"", f"{a.label}: sent more than its stdin")
    ended(a)

run = Run("duplex", sys.argv)
for s, c in DIRECTIONS:
    for first in ["server", "client"]:
        run.case(f"{s} server, {c} client, {first} ends first", duplex, s, c, first)
    run.case(f"{s} server, {c} client, burst both ways", burst, s, c)
    run.case(f"{s} server, {c} client, stdin a file", file_input, s, c)
    run.case(f"{s} server, {c} client, line too long on stdin", long_from_stdin, s, c)
    run.case(f"{s} server, {c} client, IPv6", ipv6, s, c)
for side in ["tsock", "python"]:
    run.case(f"{side}, unfinished line from the peer", unfinished_from_peer, side)
    run.case(f"{side}, line too long from the peer", long_from_peer, side)
    run.case(f"{side}, the peer reads nothing", peer_not_reading, side)
run.passed()
