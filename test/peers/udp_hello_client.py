# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's UDP hello client (twin of example/udp_hello_client.cpp).
import socket
import sys

host, port, name = sys.argv[1], int(sys.argv[2]), sys.argv[3]
with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
    s.settimeout(2)
    s.sendto(name.encode(), (host, port))
    reply, sender = s.recvfrom(65536)
    print(reply.decode(), flush=True)
