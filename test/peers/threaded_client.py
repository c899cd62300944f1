# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's threaded server's client (twin of example/threaded_client.cpp).
import socket
import sys


def print_reply():
    reply = f.readline()
    if not reply:
        sys.exit("threaded_client: the server closed the connection")
    sys.stdout.buffer.write(reply)
    sys.stdout.flush()


with socket.create_connection((sys.argv[1], int(sys.argv[2]))) as s, s.makefile("rb") as f:
    print_reply()  # the greeting
    for line in sys.stdin.buffer:
        s.sendall(line.rstrip(b"\n") + b"\n")
        print_reply()
    s.sendall(b"exit\n")
    print_reply()
