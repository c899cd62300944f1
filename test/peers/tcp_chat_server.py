# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's half-duplex TCP chat server (twin of example/tcp_chat_server.cpp).
import argparse
import socket
import sys

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
args = parser.parse_args()

with socket.create_server((args.host, args.port)) as s:
    print(f"listening on {args.host}:{s.getsockname()[1]}", flush=True)
    conn, addr = s.accept()
    with conn, conn.makefile("rb") as reader:
        print(f"connected by {addr[0]}:{addr[1]}", flush=True)
        while True:
            line = reader.readline(4097)  # 4096 bytes and "\n" at most
            if not line.endswith(b"\n"):
                sys.exit("tcp_chat_server: " + ("a line longer than 4096 bytes" if len(line) > 4096
                                                 else "the client disconnected"))
            line = line[:-1].decode()
            print(f"client: {line}", flush=True)
            if line == "###":
                break
            reply = (sys.stdin.readline() or "###").rstrip("\n")  # end of stdin: say goodbye
            conn.sendall(f"{reply}\n".encode())
            if reply == "###":
                break
