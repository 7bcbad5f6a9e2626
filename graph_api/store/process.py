"""One store-owner process seen from the HTTP process: spawning it, sending calls, reading answers."""

from __future__ import annotations

import asyncio
import itertools
import os
import pickle
import signal
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

from core.errors import NotFound, QueryError, Refused, StoreError, VankienError
from graph_api.store.worker import HEADER

__all__ = ["OwnerProcess", "WorkerLost"]


class WorkerLost(Exception):
    """The store-owner process died (killed at a timeout, or crashed) before answering."""


class OwnerProcess:
    """One store-owner process and the socket to it."""

    def __init__(self) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "graph_api.store.worker", str(child.fileno())],
            pass_fds=[child.fileno()],
            stdin=subprocess.DEVNULL,
            env=env,
            close_fds=True,
        )
        child.close()
        self.sock = parent
        self.pending: dict[int, asyncio.Future] = {}
        self.ids = itertools.count(1)
        self.writer: asyncio.StreamWriter | None = None
        self.reader_task: asyncio.Task | None = None
        self.on_death: Any = None
        self._out: list[bytes] = []

    async def connect(self) -> None:
        reader, self.writer = await asyncio.open_unix_connection(sock=self.sock, limit=1 << 20)
        self.reader_task = asyncio.create_task(self._read_loop(reader))

    async def _read_loop(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                call_id, status, length = HEADER.unpack(await reader.readexactly(HEADER.size))
                payload = await reader.readexactly(length)
                fut = self.pending.pop(call_id, None)
                if fut is None or fut.done():
                    continue
                if status == 0:
                    fut.set_result(pickle.loads(payload))
                else:
                    fut.set_exception(remote_error(status, *pickle.loads(payload)))
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pass
        self.fail_all()
        if self.on_death is not None:
            self.on_death(self)

    def send(self, op: str, kwargs: dict) -> tuple[int, asyncio.Future]:
        call_id = next(self.ids) & 0xFFFFFFFF
        fut = asyncio.get_running_loop().create_future()
        self.pending[call_id] = fut
        payload = pickle.dumps((op, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        if not self._out:  # frames sent in the same loop iteration go out in one system call
            asyncio.get_running_loop().call_soon(self._flush)
        self._out += (HEADER.pack(call_id, 0, len(payload)), payload)
        return call_id, fut

    def _flush(self) -> None:
        out, self._out = self._out, []
        if self.writer is not None and not self.writer.is_closing():
            self.writer.write(b"".join(out))

    def forget(self, call_id: int) -> None:
        fut = self.pending.pop(call_id, None)
        if fut is not None and not fut.done():
            fut.cancel()

    def fail_all(self) -> None:
        pending, self.pending = self.pending, {}
        for fut in pending.values():
            if not fut.done():
                fut.set_exception(WorkerLost())

    def kill(self) -> None:
        self.on_death = None
        if self.popen.poll() is None:
            self.popen.send_signal(signal.SIGKILL)
        if self.writer is not None:
            self.writer.close()

    @property
    def pid(self) -> int:
        return self.popen.pid


def remote_error(status: int, name: str, message: str) -> VankienError:
    if status == 400:
        return QueryError(message)
    if status == 404:
        return NotFound(message)
    if status == 503:
        return StoreError(message)
    return Refused(status, message)
