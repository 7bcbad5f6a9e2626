"""One store owner for several HTTP workers: the *host* process runs the :class:`QueryRunner` (store owner,
warm standby, time limits, result cache) and takes calls from every worker on a Unix socket; each worker holds a
:class:`HostClient`, which has the runner's ``call`` and reads ``pid``/``restarts``/``state`` from the shared
state file.

    python -m graph_api.store.host SOCKET STORE_SPEC MAX_CONCURRENT QUEUE_TIMEOUT CACHE_BYTES

prints ``READY <state file> <store folder or ->`` once the owner has opened the store. Frames are those of
:mod:`graph_api.store.worker` (call id, status, length, then a pickle): a call is ``(op, timeout, retry,
kwargs)``; an answer the runner's value (status 0) or ``(error class, status, message, headers)``.
"""

from __future__ import annotations

import asyncio
import itertools
import pickle
import sys
from typing import Any

from core.errors import NotFound, QueryError, QueryTimeout, Refused, StoreError, VankienError
from graph_api.store.shared_state import SharedState
from graph_api.store.worker import HEADER

__all__ = ["HostClient", "host_main"]

_ERRORS: dict[str, type[VankienError]] = {c.__name__: c for c in (NotFound, QueryError, QueryTimeout, StoreError)}


def _error_payload(e: BaseException) -> tuple[int, bytes]:
    if isinstance(e, VankienError):
        status = e.http_status
        payload = (type(e).__name__, status, str(e), getattr(e, "headers", None))
    else:
        status, payload = 500, ("InternalError", 500, f"{type(e).__name__}: {e}", None)
    return status, pickle.dumps(payload)


def _rebuild(name: str, status: int, message: str, headers: dict[str, str] | None) -> VankienError:
    cls = _ERRORS.get(name)
    return cls(message) if cls is not None else Refused(status, message, headers)


async def _serve(socket_path: str, spec: str, max_concurrent: int, queue_timeout: float, cache_bytes: int) -> None:
    from graph_api.store.runner import QueryRunner
    from ontology import PREFIXES

    runner = QueryRunner(
        spec,
        max_concurrent=max_concurrent,
        queue_timeout=queue_timeout,
        prefixes=dict(PREFIXES),
        cache_bytes=cache_bytes,
    )
    await runner.start()

    async def client(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        async def one(call_id: int, op: str, timeout: float, retry: bool, kwargs: dict) -> None:
            try:
                result = await runner.call(op, timeout=timeout, retry=retry, **kwargs)
                status, payload = 0, pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
            except Exception as e:  # noqa: BLE001 - every failure goes back to the worker
                status, payload = _error_payload(e)
            if not writer.is_closing():
                writer.write(HEADER.pack(call_id, status, len(payload)) + payload)

        tasks: set[asyncio.Task] = set()
        try:
            while True:
                call_id, _, length = HEADER.unpack(await reader.readexactly(HEADER.size))
                op, timeout, retry, kwargs = pickle.loads(await reader.readexactly(length))
                task = asyncio.create_task(one(call_id, op, timeout, retry, kwargs))
                tasks.add(task)
                task.add_done_callback(tasks.discard)
        except (asyncio.IncompleteReadError, ConnectionError):
            writer.close()

    server = await asyncio.start_unix_server(client, path=socket_path, limit=1 << 20)
    print("READY", runner.state.path, runner.reader_path or "-", flush=True)
    try:  # until the parent closes our stdin (or dies)
        await asyncio.get_running_loop().run_in_executor(None, sys.stdin.buffer.read)
    finally:
        server.close()
        await runner.close()


def host_main(argv: list[str]) -> None:
    socket_path, spec, max_concurrent, queue_timeout, cache_bytes = argv
    asyncio.run(_serve(socket_path, spec, int(max_concurrent), float(queue_timeout), int(cache_bytes)))


class HostClient:
    """The runner's interface in an HTTP worker, over the host's socket."""

    cache = None  # the result cache lives in the host; each worker's reader keeps its own

    def __init__(self, socket_path: str, state_path: str, reader_path: str | None) -> None:
        self.socket_path = socket_path
        self.state = SharedState.attach(state_path)
        self.reader_path = reader_path
        self.pending: dict[int, asyncio.Future] = {}
        self.ids = itertools.count(1)
        self.writer: asyncio.StreamWriter | None = None

    async def start(self) -> None:
        reader, self.writer = await asyncio.open_unix_connection(self.socket_path, limit=1 << 20)
        self._reading = asyncio.create_task(self._read_loop(reader))

    async def _read_loop(self, reader: asyncio.StreamReader) -> None:
        try:
            while True:
                call_id, status, length = HEADER.unpack(await reader.readexactly(HEADER.size))
                payload = pickle.loads(await reader.readexactly(length))
                fut = self.pending.pop(call_id, None)
                if fut is None or fut.done():
                    continue
                fut.set_result(payload) if status == 0 else fut.set_exception(_rebuild(*payload))
        except (asyncio.IncompleteReadError, ConnectionError, OSError):
            pending, self.pending = self.pending, {}
            for fut in pending.values():
                if not fut.done():
                    fut.set_exception(StoreError("the store host went away"))

    async def call(self, op: str, *, timeout: float, retry: bool = True, **kwargs: Any) -> Any:
        assert self.writer is not None, "HostClient.start() first"
        call_id = next(self.ids) & 0xFFFFFFFF
        fut = asyncio.get_running_loop().create_future()
        self.pending[call_id] = fut
        payload = pickle.dumps((op, timeout, retry, kwargs), protocol=pickle.HIGHEST_PROTOCOL)
        self.writer.write(HEADER.pack(call_id, 0, len(payload)) + payload)
        try:
            return await fut
        finally:
            self.pending.pop(call_id, None)

    @property
    def pid(self) -> int | None:
        return self.state.owner_pid

    @property
    def restarts(self) -> int:
        return self.state.restarts

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
        self.state.close()


if __name__ == "__main__":
    host_main(sys.argv[1:])
