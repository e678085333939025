#!/usr/bin/env python3
"""A minimal HL7 v2 receiver for the benches: listens for MLLP on 127.0.0.1 on each PORT given,
answers every message MSA|AA|<its MSH-10>, and counts messages per port and message type (MSH-9).
Nothing of a message's content besides MSH-9/MSH-10 is read or logged. On SIGTERM it prints the
counts and exits.

Usage: python3 bench/mllp-ack.py NAME=PORT [NAME=PORT ...]
"""
import collections
import signal
import socketserver
import sys
import threading
import time

SB, EB, CR = b"\x0b", b"\x1c", b"\x0d"
counts = collections.Counter()
lock = threading.Lock()


def ack(message: bytes, name: str) -> bytes:
    text = message.decode("latin-1")
    msh = text.split("\r", 1)[0]
    sep = msh[3] if len(msh) > 3 else "|"
    fields = msh.split(sep)
    # fields[0] = "MSH", fields[1] = encoding characters (MSH-2), so MSH-n is fields[n - 1]
    control = fields[9] if len(fields) > 9 else ""
    mtype = fields[8].split("^")[0] + "^" + (fields[8].split("^") + [""])[1] if len(fields) > 8 else "?"
    version = fields[11] if len(fields) > 11 else "2.5.1"
    with lock:
        counts[(name, mtype)] += 1
    now = time.strftime("%Y%m%d%H%M%S")
    return (f"MSH|^~\\&|{name}|BENCH|DXAFLOW|DXA|{now}||ACK|A{time.monotonic_ns()}|P|{version}\r"
            f"MSA|AA|{control}\r").encode("latin-1")


def handler_for(name):
    class Handler(socketserver.BaseRequestHandler):
        def handle(self):
            buf = b""
            self.request.settimeout(600)
            while True:
                try:
                    chunk = self.request.recv(65536)
                except OSError:
                    return
                if not chunk:
                    return
                buf += chunk
                while True:
                    start = buf.find(SB)
                    end = buf.find(EB + CR, start + 1) if start >= 0 else -1
                    if start < 0 or end < 0:
                        break
                    message, buf = buf[start + 1:end], buf[end + 2:]
                    self.request.sendall(SB + ack(message, name) + EB + CR)
    return Handler


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


def main():
    servers = []
    for arg in sys.argv[1:]:
        name, port = arg.split("=")
        s = Server(("127.0.0.1", int(port)), handler_for(name))
        threading.Thread(target=s.serve_forever, daemon=True).start()
        servers.append(s)
    done = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: done.set())
    signal.signal(signal.SIGINT, lambda *_: done.set())
    print("listening", " ".join(sys.argv[1:]), flush=True)
    while not done.wait(0.5):
        pass
    for s in servers:
        s.shutdown()
        s.server_close()
    with lock:
        for (name, mtype), n in sorted(counts.items()):
            print(f"{name} {mtype} {n}", flush=True)


if __name__ == "__main__":
    main()
