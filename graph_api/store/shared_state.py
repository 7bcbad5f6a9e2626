"""What the store owner's side tells every HTTP worker, in a small memory-mapped file: a write generation that
readers check on each request (a changed number: reopen the read-only store, forget cached answers), how many
writes are running, and the owner's PID and restart count (for ``/health``); and run slots beside it, which every
process and thread attached to it share (:meth:`SharedState.slot`).

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "state")
>>> owner, reader = SharedState.create(path), None
>>> reader = SharedState.attach(path)
>>> g = reader.generation
>>> owner.begin_write(); reader.generation != g, reader.writing
(True, 1)
>>> owner.end_write(); reader.writing, reader.generation == g + 2
(0, True)
>>> with owner.slot(1):
...     reader.slot(1, wait=False).__enter__()
Traceback (most recent call last):
BlockingIOError: [Errno 11] Resource temporarily unavailable
"""

from __future__ import annotations

import contextlib
import fcntl
import mmap
import os
import struct
import threading
import time
from collections.abc import Iterator

__all__ = ["SharedState", "SLOT_POLL"]

_LAYOUT = struct.Struct("=QIII")  # generation, writes running, owner pid, restarts
SLOT_POLL = 0.002
"""Seconds between two looks at the run slots while all are held."""


class SharedState:
    """A few numbers shared between the process that runs the store owner and the HTTP workers."""

    def __init__(self, path: str, fd: int) -> None:
        self.path = path
        self._map = mmap.mmap(fd, _LAYOUT.size)
        os.close(fd)
        self._local = threading.local()  # each thread's own descriptors of the slot files (flock is per open file)

    @classmethod
    def create(cls, path: str) -> SharedState:
        """A new state file at ``path`` (generation 0, nothing running)."""
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
        os.write(fd, _LAYOUT.pack(0, 0, 0, 0))
        return cls(path, fd)

    @classmethod
    def attach(cls, path: str) -> SharedState:
        """The state file another process created."""
        return cls(path, os.open(path, os.O_RDWR))

    def _read(self) -> tuple[int, int, int, int]:
        return _LAYOUT.unpack_from(self._map, 0)  # type: ignore[return-value]

    @property
    def generation(self) -> int:
        """Bumped when a write starts and when it ends, and when the owner is replaced."""
        return int(_LAYOUT.unpack_from(self._map, 0)[0])

    @property
    def writing(self) -> int:
        return self._read()[1]

    @property
    def owner_pid(self) -> int | None:
        return self._read()[2] or None

    @property
    def restarts(self) -> int:
        return self._read()[3]

    def _write(self, generation: int, writing: int, pid: int, restarts: int) -> None:
        _LAYOUT.pack_into(self._map, 0, generation, writing, pid, restarts)

    def begin_write(self) -> None:
        generation, writing, pid, restarts = self._read()
        self._write(generation + 1, writing + 1, pid, restarts)

    def end_write(self) -> None:
        generation, writing, pid, restarts = self._read()
        self._write(generation + 1, max(writing - 1, 0), pid, restarts)

    def set_owner(self, pid: int | None, restarts: int) -> None:
        """The active owner (None while it restarts); a new owner is a new generation (a killed write is gone)."""
        generation, writing, _, _ = self._read()
        self._write(generation + 1, writing, pid or 0, restarts)

    @contextlib.contextmanager
    def slot(self, n: int, *, wait: bool = True) -> Iterator[None]:
        """Holds one of ``n`` run slots (lock files beside the state file) while the block runs: at most ``n``
        holders at once among every process and thread attached; the others look again every
        :data:`SLOT_POLL` s (``wait=False``: raise ``BlockingIOError``)."""
        fds: list[int] = getattr(self._local, "fds", [])
        while len(fds) < n:
            fds.append(os.open(f"{self.path}.slot{len(fds)}", os.O_RDWR | os.O_CREAT, 0o600))
        self._local.fds = fds
        held = None
        while held is None:
            for fd in fds[:n]:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    held = fd
                    break
                except BlockingIOError:
                    continue
            else:
                if not wait:
                    raise BlockingIOError(11, "Resource temporarily unavailable")
                time.sleep(SLOT_POLL)  # flock cannot wait on the first of several files
        try:
            yield
        finally:
            fcntl.flock(held, fcntl.LOCK_UN)

    def close(self) -> None:
        self._map.close()
