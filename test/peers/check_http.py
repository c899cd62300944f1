# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
"""The HTTP tutorial programs against real peers:
  python3 check_http.py EXAMPLE_BINARY_DIR [CASE...]
(a) http_get (tsock and Python) against python3 -m http.server serving a text
file and a binary one (all 256 byte values, 100 KB): status line, headers,
Content-Length, --body byte for byte, a 404, the name localhost as well as
127.0.0.1; the two sides print the same bytes (Date aside). Malformed URLs
(exit 2), no server, a response cut short or not HTTP, a server that never
answers (exit 1 after 10 s).
(b) hello_http_server (tsock and Python) against curl (when found), both
http_gets and a raw socket: "Hello!", the request line it logs, a head of
exactly 8192 bytes (answered) and of 8193 (431), a client leaving early."""
import os
import re
import shutil
import socket
import sys
import tempfile
import threading

from peerlib import TIMEOUT, Run, check

SIDES = ["tsock", "python"]
TEXT = b"Hello from http.server\nsecond line\n"
BINARY = bytes(range(256)) * 400  # 102,400 bytes
HELLO = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\nHello!"
TOO_LARGE = b"HTTP/1.0 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
CURL = shutil.which("curl")


def get(run, side, url, *options, status=0):
    """Runs http_get; its stdout, once it exited with status."""
    client = run.start("http_get", side, url, *options, stdin=False)
    out = client.read_all()
    client.wait(status)
    return out


def split(out):
    """http_get --body's output: (header lines, body)."""
    head, blank, body = out.partition(b"\n\n")
    check(blank, f"no blank line after the header lines: {out[:200]!r}")
    return head.split(b"\n"), body


def http_server(run, directory):
    server = run.start_command("http.server", [sys.executable, "-u", "-m", "http.server", "--bind", "127.0.0.1",
                                               "--directory", directory, "0"], stdin=False)
    line = server.read_line()
    m = re.match(rb"Serving HTTP on 127\.0\.0\.1 port (\d+) ", line or b"")
    check(m, f"http.server said {line!r}")
    return int(m[1])


def files(run, directory):
    port = http_server(run, directory)
    outputs = {}
    for side in SIDES:
        for host in ["127.0.0.1", "localhost"]:
            for name, content in [("hello.txt", TEXT), ("data.bin", BINARY)]:
                url = f"http://{host}:{port}/{name}"
                out = get(run, side, url, "--body")
                lines, body = split(out)
                check(lines[0] == b"HTTP/1.0 200 OK", f"{side} {url}: status line {lines[0]!r}")
                check(f"Content-Length: {len(content)}".encode() in lines, f"{side} {url}: no right Content-Length in {lines}")
                check(body == content, f"{side} {url}: body of {len(body)} bytes, not the file's {len(content)}")
                check(all(l and b"\r" not in l for l in lines), f"{side} {url}: header lines {lines}")
                head = get(run, side, url)
                check(no_date(head) == no_date(b"\n".join(lines) + b"\n"), f"{side} {url}: without --body {head!r}")
                outputs.setdefault((host, name), []).append(no_date(out))
    for key, (a, b) in outputs.items():
        check(a == b, f"{key}: tsock and Python printed different bytes:\n{a[:300]!r}\n{b[:300]!r}")


def no_date(out):
    """http_get's output without its Date line (it changes each second)."""
    return re.sub(rb"\nDate: [^\n]*", b"", out, count=1)


def missing(run, directory):
    port = http_server(run, directory)
    for side in SIDES:
        lines, body = split(get(run, side, f"http://127.0.0.1:{port}/no/such/file", "--body"))
        check(lines[0] == b"HTTP/1.0 404 File not found", f"{side}: status line {lines[0]!r}")
        check(b"404" in body, f"{side}: error page {body[:100]!r}")


def bad_urls(run):
    for side in SIDES:
        for url in ["ftp://127.0.0.1/", "https://127.0.0.1/", "http://", "http:/x", "127.0.0.1:80",
                    "http://h:99999/", "http://h:/", "http://a:b:c/", "http://[::1/", "http://h x/", "http://h/a b", "http://h/a\r\nX: y"]:
            client = run.start("http_get", side, url, stdin=False)
            check(client.read_all() == b"", f"{side} {url}: printed something")
            client.wait(2)
            check(b"URL" in client.stderr(), f"{side} {url}: no message about the URL")


def refused(run):
    with socket.create_server(("127.0.0.1", 0)) as s:
        port = s.getsockname()[1]  # closed at the end of the block: nothing listens
    for side in SIDES:
        check(get(run, side, f"http://127.0.0.1:{port}/", status=1) == b"", f"{side}: printed something")
        check(b"refused" in run.processes[-1].stderr().lower(), f"{side}: did not say refused")


def silent(run):
    """A server that never answers: both http_gets give up after their 10 s."""
    with socket.create_server(("127.0.0.1", 0)) as s:  # connections wait in its backlog
        clients = [run.start("http_get", side, f"http://127.0.0.1:{s.getsockname()[1]}/", stdin=False)
                   for side in SIDES]
        for client in clients:
            check(client.read_all(timeout=3 * TIMEOUT) == b"", f"{client.label}: printed something")
            client.wait(1, timeout=TIMEOUT)
            err = client.stderr()
            check(b"timed out" in err, f"{client.label}: stderr {err!r}")


def one_shot(reply):
    """A server that reads a request head, sends reply and closes: (port, thread)."""
    s = socket.create_server(("127.0.0.1", 0))
    s.settimeout(TIMEOUT)

    def serve():
        with s, s.accept()[0] as conn:
            conn.settimeout(TIMEOUT)
            head = b""
            while b"\r\n\r\n" not in head and len(head) < 65536:
                data = conn.recv(4096)
                if not data:
                    break
                head += data
            conn.sendall(reply)
    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    return s.getsockname()[1], thread


def broken(run):
    for side in SIDES:
        for reply, why in [(b"HTTP/1.0 200 OK\r\nContent-Length: 3\r\n", b"ended before its header"),
                           (b"HTTP/1.0 200 OK\r\nContent-Le", b"ended before its header"),
                           (b"", b"ended before its header"),
                           (b"SSH-2.0-OpenSSH\r\n\r\n", b"not an HTTP response"),
                           (b"HTTP/1.0 200 OK\r\nX: " + b"a" * 9000 + b"\r\n\r\n", b"over 8192 bytes")]:
            port, thread = one_shot(reply)
            client = run.start("http_get", side, f"http://127.0.0.1:{port}/", stdin=False)
            client.read_all()
            client.wait(1)
            err = client.stderr()
            check(why in err, f"{side}, reply {reply[:40]!r}: stderr {err!r}")
            thread.join(TIMEOUT)


def raw(port, request, shut=False):
    """Sends request on a plain socket (then shuts down sending if shut), reads to the end."""
    with socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as s:
        s.sendall(request)
        if shut:
            s.shutdown(socket.SHUT_WR)
        answer = b""
        while data := s.recv(65536):
            answer += data
        return answer


def sized_head(size):
    """A GET head of exactly size bytes."""
    start, end = b"GET /sized HTTP/1.0\r\nX-Fill: ", b"\r\n\r\n"
    return start + b"a" * (size - len(start) - len(end)) + end


def hello(run, server_side):
    requests = 7 + (2 if CURL else 0)
    server = run.start("hello_http_server", server_side, "--port", "0", "--max-requests", str(requests))
    host, port = server.listening()
    if CURL:
        curl = run.start_command("curl", [CURL, "-s", "-i", "--max-time", "10", f"http://{host}:{port}/any/path"], stdin=False)
        check(curl.read_all() == HELLO, "curl did not get the exact answer")
        curl.wait(0)
        server.expect("answered 200: GET /any/path HTTP/1.1")
        curl = run.start_command("curl", [CURL, "-s", "-i", "--max-time", "10", "-H", "X-Big: " + "b" * 9000,
                                          f"http://{host}:{port}/big"], stdin=False)
        check(curl.read_all() == TOO_LARGE, "curl with a big header did not get the 431")
        curl.wait(0)
        server.expect("answered 431: a head over 8192 bytes")
    for side in SIDES:
        out = get(run, side, f"http://{host}:{port}/from/{side}?q=1", "--body")
        check(out == b"HTTP/1.0 200 OK\nContent-Type: text/plain\nContent-Length: 6\nConnection: close\n\nHello!",
              f"http_get[{side}] printed {out!r}")
        server.expect(f"answered 200: GET /from/{side}?q=1 HTTP/1.0")
    check(raw(int(port), sized_head(8192)) == HELLO, "a head of exactly 8192 bytes was not answered")
    server.expect("answered 200: GET /sized HTTP/1.0")
    check(raw(int(port), sized_head(8193)) == TOO_LARGE, "a head of 8193 bytes was not refused with 431")
    server.expect("answered 431: a head over 8192 bytes")
    check(raw(int(port), b"GET / HTTP/1.0\r\nHost: x" + b"c" * 20000) == TOO_LARGE, "a long unfinished line: no 431")
    server.expect("answered 431: a head over 8192 bytes")
    check(raw(int(port), b"GET / HTTP/1.0\r\nHost: x\r\n", shut=True) == b"", "an unfinished head was answered")
    server.expect("closed: the head ended early")
    check(raw(int(port), b"", shut=True) == b"", "an empty request was answered")
    server.expect("closed: the head ended early")
    server.wait(0)


def ipv6(run, server_side):
    """http://[::1]:PORT/: the bracketed address, resolved and connected to."""
    server = run.start("hello_http_server", server_side, "--host", "::1", "--port", "0", "--max-requests", "2")
    host, port = server.listening()
    check(host == "::1", f"listening on {host!r}")
    for side in SIDES:
        out = get(run, side, f"http://[::1]:{port}/v6#fragment")
        check(out == b"HTTP/1.0 200 OK\nContent-Type: text/plain\nContent-Length: 6\nConnection: close\n",
              f"http_get[{side}] printed {out!r}")
        server.expect("answered 200: GET /v6 HTTP/1.0")
    server.wait(0)


def has_ipv6():
    try:
        socket.create_server(("::1", 0), family=socket.AF_INET6).close()
        return True
    except OSError:
        return False


run = Run("http", sys.argv)
with tempfile.TemporaryDirectory() as directory:
    for name, content in [("hello.txt", TEXT), ("data.bin", BINARY)]:
        with open(os.path.join(directory, name), "wb") as f:
            f.write(content)
    run.case("http_get against http.server", files, directory)
    run.case("http_get 404 from http.server", missing, directory)
run.case("http_get malformed URLs", bad_urls)
run.case("http_get no server", refused)
run.case("http_get broken responses", broken)
run.case("http_get silent server (10 s)", silent)
if not CURL:
    print("http: curl not found: the hello_http_server cases run without curl", flush=True)
for s in SIDES:
    run.case(f"hello_http_server {s} with {'curl, ' if CURL else ''}http_get and raw sockets", hello, s)
if has_ipv6():
    for s in SIDES:
        run.case(f"hello_http_server {s} on ::1, http_get by [::1]", ipv6, s)
else:
    print("http: no ::1 here: the IPv6 cases are skipped", flush=True)
run.passed()
