# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's TCP echo server (twin of example/tcp_echo_server.cpp).
import argparse
import socket

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
parser.add_argument("--max-clients", type=int, default=-1)
args = parser.parse_args()

with socket.create_server((args.host, args.port)) as s:
    print(f"listening on {args.host}:{s.getsockname()[1]}", flush=True)
    served = 0
    while served != args.max_clients:
        conn, addr = s.accept()
        with conn:
            print(f"connected by {addr[0]}:{addr[1]}", flush=True)
            while data := conn.recv(1024):
                conn.sendall(data)
        served += 1
