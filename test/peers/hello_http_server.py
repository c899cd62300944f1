# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's smallest web server (twin of example/hello_http_server.cpp).
import argparse
import socket
import sys

LIMIT = 8192
HELLO = b"HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 6\r\nConnection: close\r\n\r\nHello!"
TOO_LARGE = b"HTTP/1.0 431 Request Header Fields Too Large\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=8080)
parser.add_argument("--max-requests", type=int, default=-1)
args = parser.parse_args()

v6 = ":" in args.host
host = f"[{args.host}]" if v6 else args.host
with socket.create_server((args.host, args.port), family=socket.AF_INET6 if v6 else socket.AF_INET) as s:
    print(f"listening on {host}:{s.getsockname()[1]}", flush=True)
    served = 0
    while served != args.max_requests:
        served += 1
        conn, addr = s.accept()
        with conn, conn.makefile("rb") as f:
            request = line = f.readline(LIMIT)
            size = len(line)
            while line.endswith(b"\n") and line not in (b"\r\n", b"\n") and size < LIMIT:
                line = f.readline(LIMIT - size)
                size += len(line)
            if line in (b"\r\n", b"\n"):
                conn.sendall(HELLO)
                sys.stdout.buffer.write(b"answered 200: " + request.rstrip(b"\r\n") + b"\n")
                sys.stdout.flush()
            elif size == LIMIT:
                conn.sendall(TOO_LARGE)
                print(f"answered 431: a head over {LIMIT} bytes", flush=True)
            else:
                print("closed: the head ended early", flush=True)
                continue
            conn.shutdown(socket.SHUT_WR)  # then wait for the client to close
            while conn.recv(4096):
                pass
