# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""port_check (tsock, and its Python twin) against ports whose state this
script sets up itself:
  python3 check_ports.py EXAMPLE_BINARY_DIR [CASE...]

The peer (a Ports object, in this process) binds 11 consecutive TCP ports
on loopback, a free run found by trying random bases:
  BASE+1, +4, +9   listen: "open"; after each run every one of them must
                   hold exactly one connection, which the checker closed
                   (accepted here: EOF, no data), and no second one;
  BASE+10          listen(0) with one connection never accepted: its accept
                   queue is full, so Linux drops further SYNs and a connect
                   "timed out" (checked once by a probe of our own first; if
                   the probe does not time out, the timed-out cases are
                   skipped with a note instead of failing);
  the others       bound but not listening: a connect is refused, "closed".
Cases: the 10-port range (default timeout), the 11-port range with
--timeout 300, one port, a range of exactly 1024 ports, ::1 if loopback
IPv6 works, an error line (255.255.255.255: the kernel refuses a TCP
connect to a broadcast address, nothing is sent), bad ranges and timeouts
(exit 2, the message on stderr, nothing on stdout)."""
import errno
import random
import re
import socket
import sys

from peerlib import TIMEOUT, Failure, Run, check

SIDES = ["tsock", "python"]
OPEN = (1, 4, 9)
FULL = 10  # the listener whose accept queue is full
COUNT = 11


class Ports:
    def __init__(self, host, top=60000):
        self.host = host
        self.family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.socks = []
        for _ in range(100):
            self.base = random.randrange(20000, top - COUNT)
            try:
                for i in range(COUNT):
                    self.socks.append(socket.socket(self.family, socket.SOCK_STREAM))
                    self.socks[-1].bind((host, self.base + i))
                break
            except OSError as e:
                self.close()
                if e.errno != errno.EADDRINUSE:
                    raise
        else:
            raise Failure(f"no {COUNT} free consecutive ports on {host} in 100 tries")
        for i in OPEN:
            self.socks[i].listen()
        self.socks[FULL].listen(0)
        self.filler = socket.create_connection((host, self.base + FULL), timeout=TIMEOUT)
        with socket.socket(self.family, socket.SOCK_STREAM) as probe:
            probe.settimeout(0.3)
            self.drops = probe.connect_ex((host, self.base + FULL)) == errno.EAGAIN

    def expected(self, first, last):
        states = {i: "closed" for i in range(COUNT)}
        states.update({i: "open" for i in OPEN})
        states[FULL] = "timed out"
        return [f"{self.base + i} {states[i]}" for i in range(first, last + 1)]

    def check_connections(self):
        """Each listening port got one connection per run, closed, no data."""
        for i in OPEN:
            listener = self.socks[i]
            listener.settimeout(TIMEOUT)
            try:
                conn, _ = listener.accept()
            except TimeoutError:
                raise Failure(f"port {self.base + i}: no connection from the checker") from None
            with conn:
                conn.settimeout(TIMEOUT)
                data = conn.recv(1)
                check(data == b"", f"port {self.base + i}: the checker sent {data!r}, not EOF")
            listener.setblocking(False)
            try:
                listener.accept()[0].close()
                raise Failure(f"port {self.base + i}: a second connection from one run")
            except BlockingIOError:
                pass

    def close(self):
        for s in self.socks:
            s.close()
        self.socks = []


def run_check(run, side, *args, expect, status=0):
    """Runs port_check, checks its exit status (and its lines, unless
    expect is None); returns its lines and its stderr."""
    p = run.start("port_check", side, *args, stdin=False)
    lines = [line.decode() for line in p.read_all(TIMEOUT + 5).splitlines()]
    p.wait(status)
    err = p.stderr().decode()
    if expect is not None:
        check(lines == expect, f"port_check {' '.join(args)}: printed {lines}, expected {expect}")
    return lines, err


def with_ports(host, body, top=60000):
    def case(run, side):
        try:
            ports = Ports(host, top)
        except OSError as e:
            if host != "::1":
                raise Failure(f"ports on {host}: {e}") from None
            print(f"ports: note: {host} not usable here ({e}): case skipped", flush=True)
            return
        try:
            body(run, side, ports)
        finally:
            ports.filler.close()
            ports.close()
    return case


def ten(run, side, ports):
    _, err = run_check(run, side, ports.host, f"{ports.base}-{ports.base + 9}",
                       expect=ports.expected(0, 9))
    check(err == "", f"stderr: {err!r}")
    ports.check_connections()


def timed_out(run, side, ports):
    if not ports.drops:
        print("ports: note: a full accept queue did not drop our probe's SYN on this system;"
              " the timed-out case is skipped", flush=True)
        return
    run_check(run, side, ports.host, f"{ports.base}-{ports.base + FULL}", "--timeout", "300",
              expect=ports.expected(0, FULL))
    ports.check_connections()


def single(run, side, ports):
    run_check(run, side, ports.host, str(ports.base + 4), expect=[f"{ports.base + 4} open"])
    run_check(run, side, ports.host, str(ports.base + 3), expect=[f"{ports.base + 3} closed"])


def widest(run, side, ports):
    """1024 ports (the most it takes): ours exact, the rest open, closed or
    timed out (other programs may listen there; they are below the
    ephemeral ports, so no other test's --port 0 server is among them)."""
    first = ports.base
    lines, _ = run_check(run, side, ports.host, f"{first}-{first + 1023}", expect=None)
    check(len(lines) == 1024, f"{len(lines)} lines for 1024 ports")
    mine = ports.expected(0, FULL if ports.drops else 9)
    check(lines[:len(mine)] == mine, f"our ports: {lines[:len(mine)]}, expected {mine}")
    for n, line in enumerate(lines):
        check(re.fullmatch(f"{first + n} (open|closed|timed out)", line), f"line {n}: {line!r}")
    ports.check_connections()


def error_line(run, side):
    run_check(run, side, "255.255.255.255", "7-8", "--timeout", "300",
              expect=["7 error: Network is unreachable", "8 error: Network is unreachable"])


BAD = [
    (["5-3"], "bad port range 5-3: LAST is below FIRST"),
    (["0-10"], "bad port range 0-10: ports are 1 to 65535"),
    (["65535-65536"], "bad port range 65535-65536: ports are 1 to 65535"),
    (["70000"], "bad port range 70000: ports are 1 to 65535"),
    (["100-1124"], "bad port range 100-1124: more than 1024 ports"),
    (["abc"], "bad port range abc: ports are 1 to 65535"),
    (["5-"], "bad port range 5-: ports are 1 to 65535"),
    (["1-2-3"], "bad port range 1-2-3: ports are 1 to 65535"),
    (["80", "--timeout", "0"], "--timeout: at least 1 ms"),
    (["80", "--timeout", "-5"], "--timeout: at least 1 ms"),
]


def bad(run, side):
    for args, message in BAD:
        _, err = run_check(run, side, "127.0.0.1", *args, expect=[], status=2)
        check(message in err and "usage: port_check" in err,
              f"port_check 127.0.0.1 {' '.join(args)}: stderr {err!r}, not {message!r} and the usage")
    for args in (["127.0.0.1"], []):
        _, err = run_check(run, side, *args, expect=[], status=2)
        check("usage: port_check" in err, f"port_check {' '.join(args)}: stderr {err!r}")


# The ephemeral ports start here: the 1024-port range stays below them.
try:
    with open("/proc/sys/net/ipv4/ip_local_port_range") as f:
        EPHEMERAL = int(f.read().split()[0])
except OSError:
    EPHEMERAL = 32768

run = Run("ports", sys.argv)
for side in SIDES:
    run.case(f"{side} 10 ports", with_ports("127.0.0.1", ten), side)
    run.case(f"{side} timed out", with_ports("127.0.0.1", timed_out), side)
    run.case(f"{side} one port", with_ports("127.0.0.1", single), side)
    if EPHEMERAL - 1024 > 20000 + COUNT:
        run.case(f"{side} 1024 ports", with_ports("127.0.0.1", widest, EPHEMERAL - 1024), side)
    else:
        print(f"ports: note: the ephemeral ports start at {EPHEMERAL}: no room for the 1024-port case")
    run.case(f"{side} ipv6 10 ports", with_ports("::1", ten), side)
    run.case(f"{side} ipv6 timed out", with_ports("::1", timed_out), side)
    run.case(f"{side} error line", error_line, side)
    run.case(f"{side} bad arguments", bad, side)
run.passed()
