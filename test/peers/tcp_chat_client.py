# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's half-duplex TCP chat client (twin of example/tcp_chat_client.cpp).
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
with socket.create_connection((host, port)) as s, s.makefile("rb") as reader:
    while True:
        message = (sys.stdin.readline() or "###").rstrip("\n")  # end of stdin: say goodbye
        s.sendall(f"{message}\n".encode())
        if message == "###":
            break
        line = reader.readline(4097)  # 4096 bytes and "\n" at most
        if not line.endswith(b"\n"):
            sys.exit("tcp_chat_client: " + ("a line longer than 4096 bytes" if len(line) > 4096
                                             else "the server disconnected"))
        line = line[:-1].decode()
        print(f"server: {line}", flush=True)
        if line == "###":
            break
