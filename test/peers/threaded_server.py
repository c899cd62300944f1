# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's threaded server (twin of example/threaded_server.cpp).
import argparse
import socketserver
import threading

parser = argparse.ArgumentParser()
parser.add_argument("--host", default="127.0.0.1")
parser.add_argument("--port", type=int, default=5000)
parser.add_argument("--max-clients", type=int, default=-1)
args = parser.parse_args()
out = threading.Lock()  # one client's line at a time on stdout


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        with out:
            print(f"connected by {self.client_address[0]}:{self.client_address[1]}", flush=True)
        self.wfile.write(b'Welcome! Send lines; "exit" ends.\n')
        while (line := self.rfile.readline(1024)).endswith(b"\n"):
            if line == b"exit\n":
                self.wfile.write(b"Bye!\n")
                return
            self.wfile.write(b"echo: " + line)
        if len(line) == 1024:
            self.wfile.write(b"error: line too long (1023 bytes at most)\n")


with socketserver.ThreadingTCPServer((args.host, args.port), Handler) as server:
    print(f"listening on {args.host}:{server.server_address[1]}", flush=True)
    served = 0
    while served != args.max_clients:
        server.handle_request()  # accepts one client, serves it on a new thread
        served += 1
# leaving the with block joins the clients' threads
