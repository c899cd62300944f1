# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""What the tutorial checks share: run a program (a tsock example or its
Python peer) as a process, talk to it through pipes with a deadline on every
read, check the bytes, and stop everything it started.

A check script builds a Run, starts programs with run.start(...), and ends
with run.passed(); any failed expectation prints "<name>: FAIL: why" and
exits 1 after killing what is still running. Nothing waits longer than
TIMEOUT seconds for one thing.
"""

import os
import selectors
import signal
import subprocess
import sys
import time

TIMEOUT = 10.0  # seconds, for any single read, start or exit
HERE = os.path.dirname(os.path.abspath(__file__))


class Failure(Exception):
    pass


class Process:
    """A running program: stdin a pipe (or None), stdout read line by line
    with a deadline, stderr kept for the failure message."""

    def __init__(self, label, argv, stdin=True, env=None):
        self.label = label
        self.argv = argv
        self.proc = subprocess.Popen(
            argv, stdin=subprocess.PIPE if stdin else subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
        self.pending = b""  # read from stdout, not yet returned
        self.transcript = []  # the lines read, for the failure message

    def _fill(self, deadline):
        """Reads what stdout has; False at its end."""
        fd = self.proc.stdout.fileno()
        with selectors.DefaultSelector() as sel:
            sel.register(fd, selectors.EVENT_READ)
            left = deadline - time.monotonic()
            if left <= 0 or not sel.select(left):
                raise Failure(f"{self.label}: nothing within {TIMEOUT:g} s"
                              f" (read so far: {self.transcript[-5:]})")
        chunk = os.read(fd, 65536)
        self.pending += chunk
        return bool(chunk)

    def read_line(self, timeout=TIMEOUT):
        """The next line of stdout, without its newline; None at the end."""
        deadline = time.monotonic() + timeout
        while b"\n" not in self.pending:
            if not self._fill(deadline):
                if self.pending:
                    rest, self.pending = self.pending, b""
                    self.transcript.append(rest)
                    return rest
                return None
        line, self.pending = self.pending.split(b"\n", 1)
        self.transcript.append(line)
        return line

    def read_all(self, timeout=TIMEOUT):
        """Everything stdout still says, up to its end."""
        deadline = time.monotonic() + timeout
        while self._fill(deadline):
            pass
        rest, self.pending = self.pending, b""
        return rest

    def expect(self, expected, timeout=TIMEOUT):
        """The next line must be exactly `expected` (str or bytes)."""
        want = expected.encode() if isinstance(expected, str) else expected
        got = self.read_line(timeout)
        if got != want:
            raise Failure(f"{self.label}: expected {want!r}, got {got!r}")
        return got

    def listening(self):
        """Reads the server's first line, "listening on HOST:PORT", and
        returns (host, port) as strings."""
        line = self.read_line()
        prefix = b"listening on "
        if line is None or not line.startswith(prefix):
            raise Failure(f"{self.label}: expected 'listening on HOST:PORT', got {line!r}")
        host, _, port = line[len(prefix):].decode().rpartition(":")
        return host.strip("[]"), port

    def write(self, data):
        self.proc.stdin.write(data.encode() if isinstance(data, str) else data)
        self.proc.stdin.flush()

    def close_stdin(self):
        if self.proc.stdin and not self.proc.stdin.closed:
            self.proc.stdin.close()

    def wait(self, status=0, timeout=TIMEOUT):
        """Waits for the exit and checks its status."""
        try:
            got = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            raise Failure(f"{self.label}: still running after {timeout:g} s") from None
        if status is not None and got != status:
            err = self.proc.stderr.read().decode(errors="replace").strip()
            raise Failure(f"{self.label}: exit status {got}, expected {status}; stderr: {err!r}")
        return got

    def stderr(self):
        """stderr, once the process has ended."""
        return self.proc.stderr.read()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()
        for f in (self.proc.stdin, self.proc.stdout, self.proc.stderr):
            if f and not f.closed:
                try:
                    f.close()
                except OSError:
                    pass


class Run:
    """One check script: its programs and its verdict.

        run = Run("echo", sys.argv)       # argv[1]: the directory of the
        srv = run.start("tcp_echo_server", "tsock", "--port", "0")
        ...
        run.passed()
    """

    def __init__(self, name, argv):
        if len(argv) < 2:
            sys.exit(f"usage: {os.path.basename(argv[0])} EXAMPLE_BINARY_DIR [CASE...]")
        self.name = name
        self.bindir = argv[1]
        self.only = set(argv[2:])  # cases to run; empty: all
        self.processes = []

    def argv(self, program, side):
        """The command for `program` written with tsock ("tsock") or in Python
        ("python": test/peers/PROGRAM.py)."""
        if side == "tsock":
            return [os.path.join(self.bindir, program)]
        if side == "python":
            return [sys.executable, os.path.join(HERE, program + ".py")]
        raise ValueError(side)

    def start(self, program, side, *args, stdin=True, label=None):
        p = Process(label or f"{program}[{side}]", self.argv(program, side) + list(args), stdin)
        self.processes.append(p)
        return p

    def start_command(self, label, argv, stdin=True):
        """Another program (curl, python3 -m http.server)."""
        p = Process(label, argv, stdin)
        self.processes.append(p)
        return p

    def case(self, title, function, *args):
        """Runs one case; stops what it started, whatever happens."""
        if self.only and title not in self.only:
            return
        started = len(self.processes)
        try:
            function(self, *args)
        except Failure as e:
            self.fail(f"{title}: {e}")
        finally:
            for p in self.processes[started:]:
                p.stop()
            del self.processes[started:]
        print(f"{self.name}: {title}: ok", flush=True)

    def fail(self, why):
        print(f"{self.name}: FAIL: {why}", flush=True)
        for p in self.processes:
            p.stop()
        sys.exit(1)

    def passed(self):
        print(f"{self.name}: PASS", flush=True)


def check(condition, why):
    if not condition:
        raise Failure(why)


# The (server side, client side) pairs a client/server program is checked
# in: tsock against Python both ways, and tsock against itself.
DIRECTIONS = [("tsock", "python"), ("python", "tsock"), ("tsock", "tsock")]
