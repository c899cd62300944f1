# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The threaded tutorial programs against their Python twins, both ways:
  python3 check_threaded.py EXAMPLE_BINARY_DIR [CASE...]
TCP: five clients at once, their lines interleaved (write to all, then read
all), four of them ending while the first stays open, which a server serving
one client at a time cannot do (shown: the same case fails against the Python
twin with threading taken out); the server's bytes from a raw socket (greeting,
echo, Bye, a line in pieces, two lines in one segment, the longest line, a too
long one answered "error: ..." and closed); clients that reset or vanish
mid-line while another is served. UDP: hello to several names, UTF-8 among
them, and the client's timeout when nobody answers."""
import os
import re
import socket
import struct
import sys

from peerlib import DIRECTIONS, HERE, TIMEOUT, Failure, Run, check

GREETING = b'Welcome! Send lines; "exit" ends.\n'
TOO_LONG = b"error: line too long (1023 bytes at most)\n"
CLIENTS = 5


def lines_of(i):
    """Client i's lines: each its own, the last the longest a line may be."""
    return [f"client {i}: hello", f"client {i}: Grüße, 世界 ✓", "", f'{i} says "exit"\tand EXIT',
            f"{i}" + "x" * 1022]


def connected_lines(server, count):
    """The server's `count` "connected by" lines, in any order (threads)."""
    ports = set()
    for _ in range(count):
        line = server.read_line()
        m = re.fullmatch(rb"connected by 127\.0\.0\.1:(\d+)", line or b"")
        check(m is not None, f"server said {line!r}, not 'connected by 127.0.0.1:PORT'")
        ports.add(int(m.group(1)))
    check(len(ports) == count, f"{count} clients, but the ports {sorted(ports)}")
    return ports


def concurrent(run, server, client_side, patience=TIMEOUT):
    """Five clients at once; clients 1-4 end while client 0 stays open."""
    host, port = server.listening()
    clients = []
    for i in range(CLIENTS):  # each greeted before the next starts: client 0 is the first connected
        clients.append(run.start("threaded_client", client_side, host, port, label=f"client {i}[{client_side}]"))
        clients[i].expect(GREETING.rstrip(b"\n"), timeout=TIMEOUT if i == 0 else patience)
    for n in range(len(lines_of(0))):
        for i, c in enumerate(clients):
            c.write(lines_of(i)[n] + "\n")
        for i, c in enumerate(clients):
            c.expect("echo: " + lines_of(i)[n])
    for c in clients[1:] + clients[:1]:  # client 0 last
        c.close_stdin()
        c.expect("Bye!")
        check(c.read_all() == b"", f"{c.label} printed more after Bye!")
        c.wait(0)
    connected_lines(server, CLIENTS)
    server.wait(0)
    check(server.read_all() == b"", "the server printed more than its lines")


def tcp(run, server_side, client_side):
    concurrent(run, run.start("threaded_server", server_side, "--port", "0", "--max-clients", str(CLIENTS)),
               client_side)


def serialised(run):
    """The Python twin with socketserver's threading taken out serves one
    client at a time: the same case must fail, at client 1's greeting."""
    code = ("import runpy, socketserver, sys\n"
            "socketserver.ThreadingTCPServer = socketserver.TCPServer\n"
            "sys.argv[:2] = sys.argv[1:2]  # the script's path, then its arguments\n"
            "runpy.run_path(sys.argv[0], run_name='__main__')\n")
    server = run.start_command("serialised threaded_server[python]",
                               [sys.executable, "-c", code, os.path.join(HERE, "threaded_server.py"),
                                "--port", "0", "--max-clients", str(CLIENTS)])
    try:
        concurrent(run, server, "tsock", patience=2)
    except Failure as e:
        check("client 1" in str(e) and "nothing within" in str(e),
              f"the serialised server failed otherwise than by keeping client 1 waiting: {e}")
        return
    raise Failure("a server serving one client at a time passed the concurrency case")


class Raw:
    """A client written here, to check the server's bytes exactly."""

    def __init__(self, host, port):
        self.sock = socket.create_connection((host, int(port)), timeout=TIMEOUT)
        self.file = self.sock.makefile("rb")

    def line(self):
        try:
            return self.file.readline()
        except ConnectionResetError:
            return b""  # closed with our bytes unread: a reset, not a FIN

    def expect(self, want):
        got = self.line()
        check(got == want, f"raw client: expected {want!r}, got {got!r}")

    def port(self):
        return self.sock.getsockname()[1]

    def reset(self):
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close()

    def close(self):
        self.file.close()
        self.sock.close()


def raw_protocol(run, side):
    """The server's bytes, exactly, whatever the segments."""
    server = run.start("threaded_server", side, "--port", "0", "--max-clients", "2")
    host, port = server.listening()
    a = Raw(host, port)
    a.expect(GREETING)
    a.sock.sendall(b"exit \n")  # not "exit": echoed
    a.expect(b"echo: exit \n")
    for piece in [b"in ", b"pie", b"ces\nEXIT\n", b"two\nlines\n"]:
        a.sock.sendall(piece)
    for want in [b"in pieces", b"EXIT", b"two", b"lines"]:
        a.expect(b"echo: " + want + b"\n")
    longest = "é" * 511 + "z"  # 1023 bytes, 512 characters
    a.sock.sendall(longest.encode() + b"\n")
    a.expect(b"echo: " + longest.encode() + b"\n")
    a.sock.sendall(b"exit\nnever read\n")
    a.expect(b"Bye!\n")
    a.expect(b"")  # closed
    b = Raw(host, port)
    b.expect(GREETING)
    b.sock.sendall(b"y" * 1024 + b"\n")  # 1025 bytes with its newline
    b.expect(TOO_LONG)
    b.expect(b"")
    ports = connected_lines(server, 2)
    check(ports == {a.port(), b.port()}, f"connected by {ports}, expected {a.port()} and {b.port()}")
    a.close()
    b.close()
    server.wait(0)


def too_long(run, server_side, client_side):
    """A stdin line too long: the client prints the server's error line,
    then fails (the server has closed), status 1."""
    server = run.start("threaded_server", server_side, "--port", "0", "--max-clients", "1")
    host, port = server.listening()
    client = run.start("threaded_client", client_side, host, port)
    client.write("fine\n" + "y" * 2000 + "\n")
    client.close_stdin()
    client.expect(GREETING.rstrip(b"\n"))
    client.expect("echo: fine")
    client.expect(TOO_LONG.rstrip(b"\n"))
    check(client.read_all() == b"", "the client printed more after the error line")
    client.wait(1)
    connected_lines(server, 1)
    server.wait(0)


def vanishing(run, server_side, client_side):
    """Clients that reset mid-line, close mid-line, or reset with a reply
    unread do not stop the server: a client after them is served."""
    server = run.start("threaded_server", server_side, "--port", "0", "--max-clients", "4")
    host, port = server.listening()
    gone = []
    for how in ["reset", "close", "unread"]:
        r = Raw(host, port)
        r.expect(GREETING)
        r.sock.sendall(b"half a li" if how != "unread" else b"a whole line\n" * 1000)
        r.reset() if how != "close" else r.close()
        gone.append(r)
    client = run.start("threaded_client", client_side, host, port)
    client.write("still served?\n")
    client.close_stdin()
    for want in [GREETING.rstrip(b"\n"), b"echo: still served?", b"Bye!"]:
        client.expect(want)
    client.wait(0)
    connected_lines(server, 4)
    server.wait(0)


def udp(run, server_side, client_side):
    names = ["world", "Zoë", "世界", "a b", "x" * 1400]
    server = run.start("udp_hello_server", server_side, "--port", "0", "--max-datagrams", str(len(names)))
    host, port = server.listening()
    for name in names:
        client = run.start("udp_hello_client", client_side, host, port, name)
        client.expect(f"Hello, {name}!")
        check(client.read_all() == b"", "the client printed more than the greeting")
        client.wait(0)
    server.wait(0)


def udp_silent(run, side):
    """A server that never answers: the client gives up (2 s), status 1."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as silent:
        silent.bind(("127.0.0.1", 0))
        client = run.start("udp_hello_client", side, "127.0.0.1", str(silent.getsockname()[1]), "anyone")
        check(client.read_all() == b"", "the client printed something with no answer")
        client.wait(1)
        check(silent.recv(100) == b"anyone", "the client did not send its name")
        err = client.stderr().lower()
        check(b"timed out" in err or b"timeout" in err, f"the client did not say it timed out: {err!r}")


run = Run("threaded", sys.argv)
for s, c in DIRECTIONS:
    run.case(f"tcp {s} server, {c} clients", tcp, s, c)
    run.case(f"tcp too long, {s} server, {c} client", too_long, s, c)
    run.case(f"tcp vanishing clients, {s} server, {c} client", vanishing, s, c)
    run.case(f"udp {s} server, {c} client", udp, s, c)
for side in ["tsock", "python"]:
    run.case(f"tcp raw client, {side} server", raw_protocol, side)
    run.case(f"udp {side} client, no answer", udp_silent, side)
run.case("tcp serialised server fails", serialised)
run.passed()
