# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's half-duplex UDP chat client (twin of example/udp_chat_client.cpp).
import socket
import sys

host, port = sys.argv[1], int(sys.argv[2])
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.settimeout(10)
    while True:
        message = (sys.stdin.readline() or "###").rstrip("\n")  # end of stdin: say goodbye
        s.sendto(message.encode(), (host, port))
        if message == "###":
            break
        data, sender = s.recvfrom(65536)
        line = data.decode()
        print(f"server: {line}", flush=True)
        if line == "###":
            break
