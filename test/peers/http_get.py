# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's HTTP GET (twin of example/http_get.cpp).
import argparse
import re
import socket
import sys

parser = argparse.ArgumentParser(prog="http_get", usage="http_get URL [--body]")
parser.add_argument("url")
parser.add_argument("--body", action="store_true")
args = parser.parse_args()
m = re.fullmatch(r"http://([-A-Za-z0-9._]+|\[[0-9A-Fa-f:.]+\])(:[0-9]{1,5})?(/[^#\s]*)?(#.*)?", args.url, re.ASCII)
if not m or (m[2] and int(m[2][1:]) > 65535):
    parser.error(f"not an http://HOST[:PORT][/PATH] URL: {args.url}")
host, port, path = m[1].strip("[]"), int(m[2][1:]) if m[2] else 80, m[3] or "/"
request = (f"GET {path} HTTP/1.0\r\nHost: {m[1]}{m[2] or ''}\r\n"
           "Connection: close\r\nUser-Agent: tsock-http-get\r\n\r\n").encode()

out = sys.stdout.buffer
try:
    with socket.create_connection((host, port), timeout=10) as s, s.makefile("rb") as f:
        s.sendall(request)
        first = True
        while True:
            line = f.readline(8192)
            if len(line) == 8192 and not line.endswith(b"\n"):
                sys.exit("http_get: a header line is over 8192 bytes")
            if not line.endswith(b"\n"):
                sys.exit("http_get: the response ended before its header did")
            if first and not line.startswith(b"HTTP/"):
                sys.exit("http_get: not an HTTP response")
            first = False
            line = line.rstrip(b"\r\n")
            if not line:
                break
            out.write(line + b"\n")
        rest = f.read()
        if args.body:
            out.write(b"\n" + rest)
except OSError as e:
    sys.exit(f"http_get: {e}")
