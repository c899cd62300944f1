# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's UDP hello server (twin of example/udp_hello_server.cpp).
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
parser.add_argument("--max-datagrams", type=int, default=-1)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.bind((args.host, args.port))
    print(f"listening on {args.host}:{s.getsockname()[1]}", flush=True)
    answered = 0
    while answered != args.max_datagrams:
        name, sender = s.recvfrom(65536)
        s.sendto(b"Hello, " + name + b"!", sender)
        answered += 1
