# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's port checker (twin of example/port_check.cpp).
import argparse
import errno
import os
import re
import socket

parser = argparse.ArgumentParser(prog="port_check")
parser.add_argument("host")
parser.add_argument("range", metavar="FIRST[-LAST]")
parser.add_argument("--timeout", type=int, default=1000, metavar="MS")
args = parser.parse_args()
m = re.fullmatch(r"([0-9]+)(?:-([0-9]+))?", args.range)
first, last = (int(m[1]), int(m[2] or m[1])) if m else (0, 0)
if not (1 <= first <= 65535 and 1 <= last <= 65535):
    parser.error(f"bad port range {args.range}: ports are 1 to 65535")
if last < first:
    parser.error(f"bad port range {args.range}: LAST is below FIRST")
if last - first >= 1024:
    parser.error(f"bad port range {args.range}: more than 1024 ports")
if args.timeout < 1:
    parser.error("--timeout: at least 1 ms")

family = socket.getaddrinfo(args.host, first, type=socket.SOCK_STREAM)[0][0]
for port in range(first, last + 1):
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.settimeout(args.timeout / 1000)
        err = s.connect_ex((args.host, port))
    if err == 0:
        print(f"{port} open", flush=True)
    elif err == errno.ECONNREFUSED:
        print(f"{port} closed", flush=True)
    elif err in (errno.EAGAIN, errno.ETIMEDOUT):  # EAGAIN: settimeout's deadline
        print(f"{port} timed out", flush=True)
    else:
        print(f"{port} error: {os.strerror(err)}", flush=True)
