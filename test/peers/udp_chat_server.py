# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's half-duplex UDP chat server (twin of example/udp_chat_server.cpp).
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
args = parser.parse_args()

with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.bind((args.host, args.port))
    print(f"listening on {args.host}:{s.getsockname()[1]}", flush=True)
    client = None
    while True:
        data, sender = s.recvfrom(65536)
        if client and sender != client:
            print(f"udp_chat_server: ignored a datagram from {sender[0]}:{sender[1]}", file=sys.stderr)
            continue
        if not client:
            client = sender
            print(f"chatting with {client[0]}:{client[1]}", flush=True)
        line = data.decode()
        print(f"client: {line}", flush=True)
        if line == "###":
            break
        reply = (sys.stdin.readline() or "###").rstrip("\n")  # end of stdin: say goodbye
        s.sendto(reply.encode(), client)
        if reply == "###":
            break
