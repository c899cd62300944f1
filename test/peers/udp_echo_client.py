# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's UDP echo client (twin of example/udp_echo_client.cpp).
import socket
import sys

host, port, message = sys.argv[1], int(sys.argv[2]), " ".join(sys.argv[3:]).encode()
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.settimeout(2)
    s.sendto(message, (host, port))
    data, sender = s.recvfrom(65536)
    print(f"received {data.decode()}", flush=True)
