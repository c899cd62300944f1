# Copyright (c) 2026 The tsock authors.
# Distributed under the Boost Software License, Version 1.0.
# The Python tutorial's full-duplex chat for two on one thread, with selectors
# (twin of example/duplex_chat.cpp).
import argparse
import os
import selectors
import socket
import sys

MAX_LINE = 64 * 1024  # bytes, either way; also what may wait to be sent

parser = argparse.ArgumentParser(prog="duplex_chat")
modes = parser.add_subparsers(dest="mode", required=True)
listen = modes.add_parser("listen")
listen.add_argument("--host", default="127.0.0.1")
listen.add_argument("--port", type=int, default=5000)
connect = modes.add_parser("connect")
connect.add_argument("host")
connect.add_argument("port", type=int)
args = parser.parse_args()


def take_lines(text, source):
    """The whole lines of text (with their b"\\n") and the rest."""
    *lines, rest = text.split(b"\n")
    if any(len(line) > MAX_LINE for line in lines + [rest]):
        sys.exit(f"duplex_chat: a line longer than 65536 bytes from {source}")
    return [line + b"\n" for line in lines], rest


def chat(peer):
    peer.setblocking(False)
    sel = selectors.PollSelector()  # poll(2): epoll refuses a file as stdin
    out = sys.stdout.buffer

    def watch(f, events):  # 0: not registered, so that no hang-up is reported either
        if f in sel.get_map():
            sel.unregister(f)
        if events:
            sel.register(f, events)

    typed = unsent = received = b""  # a line being typed, lines for the peer, a line arriving
    typing, peer_left, said_bye = True, False, False
    while typing or unsent or not peer_left:
        watch(sys.stdin, selectors.EVENT_READ if typing and len(unsent) < MAX_LINE else 0)
        watch(peer, (0 if peer_left else selectors.EVENT_READ) | (selectors.EVENT_WRITE if unsent else 0))
        for key, events in sel.select():
            if key.fileobj is sys.stdin:
                data = os.read(sys.stdin.fileno(), 4096)
                typing, typed = bool(data), typed + data
                if not typing and typed:
                    typed += b"\n"  # the last line, unfinished
                lines, typed = take_lines(typed, "stdin")
                unsent += b"".join(lines)
            elif events & selectors.EVENT_READ:  # or an error, that recv reports
                data = peer.recv(4096)
                peer_left, received = not data, received + data
                if peer_left and received:
                    received += b"\n"  # the last line, unfinished
                lines, received = take_lines(received, "the peer")
                out.write(b"".join(b"peer: " + line for line in lines) + (b"peer left\n" if peer_left else b""))
                out.flush()
        while unsent:  # what can go now; the rest when the peer is writable
            try:
                unsent = unsent[peer.send(unsent):]
            except BlockingIOError:
                break
        if not typing and not unsent and not said_bye:
            peer.shutdown(socket.SHUT_WR)  # the peer reads the end
            said_bye = True


def endpoint(address):
    host, port = address[:2]
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


try:
    if args.mode == "listen":
        family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
        with socket.create_server((args.host, args.port), family=family) as s:
            print(f"listening on {endpoint(s.getsockname())}", flush=True)
            conn, addr = s.accept()
        print(f"connected by {endpoint(addr)}", flush=True)
    else:
        conn = socket.create_connection((args.host, args.port))
        print(f"connected to {endpoint(conn.getpeername())}", flush=True)
    with conn:
        chat(conn)
except OSError as e:
    sys.exit(f"duplex_chat: {e}")
