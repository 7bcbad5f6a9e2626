"""The store-owner process (``python -m graph_api.store.worker FD``): reads calls from the socket it
inherited, runs them on a :class:`graph_api.store.owner.StoreOwner` and writes the answers back.

Frames are length-prefixed pickles: :data:`HEADER` (call id, status — 0 ok, else an HTTP status — and
payload length), then the payload.
"""

from __future__ import annotations

import os
import pickle
import socket
import struct
import sys
import threading

from core.errors import VankienError
from graph_api.store.owner import StoreOwner

__all__ = ["HEADER", "worker_main", "error_reply"]

HEADER = struct.Struct("!IHI")  # call id, status (0 ok, else an HTTP status), payload length


def error_reply(e: BaseException) -> tuple[int, bytes]:
    if isinstance(e, VankienError):
        status = e.http_status
    elif isinstance(e, (SyntaxError, ValueError, TypeError, RuntimeError)):  # RuntimeError: the store refused
        status = 400
    elif isinstance(e, OSError):
        status = 503
    else:
        status = 500
    message = str(e) or type(e).__name__
    if isinstance(e, SyntaxError) and not message.lower().startswith("syntax"):
        message = f"syntax error: {message}"
    return status, pickle.dumps((type(e).__name__, message))


def worker_main(fd: int) -> None:
    """Serve calls on the inherited socket ``fd`` until the other end closes it.

    The first call opens the store; then ``threads`` threads take turns to read the next call and each runs
    the call it read (leader/follower: no hand-off from a reader thread to a pool on the way)."""
    sock = socket.socket(fileno=fd)
    rfile = sock.makefile("rb", buffering=1 << 16)
    send_lock, read_lock = threading.Lock(), threading.Lock()

    def reply(call_id: int, status: int, payload: bytes) -> None:
        frame = [HEADER.pack(call_id, status, len(payload)), payload]
        with send_lock:
            sent = sock.sendmsg(frame)  # one system call for header and payload (small results)
            total = HEADER.size + len(payload)
            if sent < total:
                sock.sendall(b"".join(frame)[sent:])

    def read_call() -> tuple[int, str, dict]:
        head = rfile.read(HEADER.size)
        if len(head) < HEADER.size:
            os._exit(0)  # the server went away
        call_id, _, length = HEADER.unpack(head)
        op, kwargs = pickle.loads(rfile.read(length))
        return call_id, op, kwargs

    while True:
        call_id, op, kwargs = read_call()
        if op != "open":
            reply(call_id, 503, pickle.dumps(("StoreError", "the store is not open")))
            continue
        try:
            threads = kwargs.pop("threads", 8)
            owner = StoreOwner(**kwargs)
        except BaseException as e:  # noqa: BLE001
            reply(call_id, *error_reply(e))
            continue
        reply(call_id, 0, pickle.dumps(os.getpid()))
        break

    def serve() -> None:
        while True:
            with read_lock:
                call_id, op, kwargs = read_call()
            try:
                result = getattr(owner, op)(**kwargs)
                payload, status = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL), 0
            except BaseException as e:  # noqa: BLE001 - every failure goes back to the caller
                status, payload = error_reply(e)
            try:
                reply(call_id, status, payload)
            except OSError:
                os._exit(0)
            except Exception as e:  # noqa: BLE001 - never leave a caller without an answer
                reply(call_id, *error_reply(e))

    for _ in range(threads - 1):
        threading.Thread(target=serve, name="query", daemon=True).start()
    serve()


if __name__ == "__main__":
    worker_main(int(sys.argv[1]))
