# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's TCP echo client (twin of example/tcp_echo_client.cpp).
import socket
import sys

host, port, message = sys.argv[1], sys.argv[2], " ".join(sys.argv[3:]).encode()
with socket.create_connection((host, int(port))) as s:
    s.sendall(message)
    echo = b""
    while len(echo) < len(message):
        data = s.recv(1024)
        if not data:
            sys.exit("tcp_echo_client: the server closed before echoing everything")
        echo += data
    print(f"received {echo.decode()}", flush=True)
