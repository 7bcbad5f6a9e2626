"""Query execution that can really be stopped.

pyoxigraph 0.5 cannot cancel a query, and an on-disk store may be opened read-write by one
process only. So one *store-owner* process (``python -m graph_api.store.worker``) opens the store and
runs queries, updates and dumps in threads; the HTTP process talks to it over a socket pair with
length-prefixed pickled frames, and results come back already serialised, as bytes.

When a call passes its time limit, :class:`QueryRunner` kills the owner (SIGKILL), waits for it to
die (the store lock is then free), and activates a *standby* process that was spawned beforehand
and has already imported pyoxigraph: it only has to open the store, so the next request is
answered at once. Other read calls that were running on the killed process are retried once on
the new one (within their own deadline); writes are not retried and answer 503 — a killed write
is either fully committed or not at all (one transaction), so the client may safely repeat it.

``memory:`` stores are served from an on-disk store in a temporary folder that is removed at
shutdown, so that a restart after a timeout keeps the data (same semantics: nothing persists).

Results are capped at ``max_rows`` rows (SELECT) or triples (CONSTRUCT/DESCRIBE): a larger result is
refused with 400 and a message that asks for a LIMIT, never cut silently. SELECT results are serialised
by pyoxigraph (JSON, XML, TSV; CSV in Python) and counted only when their size could exceed the cap.

Answers of identical read queries are kept in the HTTP process (:class:`ResultCache`) until the next write
through the service — the only writer, since the owner holds the store's lock — so a repeated query costs
no trip to the owner at all.

Every write also bumps the generation of a :class:`SharedState` file (and a new owner bumps it too), which the
HTTP workers' read-only views (:class:`graph_api.store.readers.LocalReader`) check on each request.
"""

from __future__ import annotations

import asyncio
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from core.errors import QueryTimeout, Refused, StoreError, VankienError
from graph_api.store.cache import ResultCache
from graph_api.store.process import OwnerProcess, WorkerLost
from graph_api.store.shared_state import SharedState
from graph_api.store.spec import parse_spec

__all__ = ["QueryRunner", "ResultCache", "Refused"]


WRITES = frozenset({"update", "gsp_write", "gsp_delete"})


class _Expired(Exception):
    """Set on a call's future when its deadline passes."""


def _expire(fut: asyncio.Future) -> None:
    if not fut.done():
        fut.set_exception(_Expired())


class QueryRunner:
    """Runs calls on the store-owner process with a deadline, a concurrency cap and a warm standby; answers
    of ``query`` calls are cached (:class:`ResultCache`) when ``cache_bytes`` > 0 and the store is local."""

    def __init__(
        self,
        store_spec: str,
        *,
        max_concurrent: int = 8,
        queue_timeout: float = 10.0,
        prefixes: dict[str, str] | None = None,
        cache_bytes: int = 0,
    ) -> None:
        self.store_spec = store_spec
        self.max_concurrent = max_concurrent
        self.queue_timeout = queue_timeout
        self.prefixes = prefixes or {}
        self.restarts = 0
        local = parse_spec(store_spec).local  # a remote store changes behind our back
        self.cache = ResultCache(cache_bytes) if cache_bytes > 0 and local else None
        self._tmpdir: str | None = None
        self._active: asyncio.Task[OwnerProcess] | None = None
        self._standby: OwnerProcess | None = None
        self._sem: asyncio.Semaphore | None = None
        self._closing = False
        self._rundir = tempfile.mkdtemp(prefix="vankien-run-")
        self.state = SharedState.create(str(Path(self._rundir) / "state"))

    def _owner_spec(self) -> str:
        spec = parse_spec(self.store_spec)
        if spec.in_memory:
            if self._tmpdir is None:
                self._tmpdir = tempfile.mkdtemp(prefix="vankien-memory-")
            return f"oxigraph:{self._tmpdir}"
        if spec.kind == "oxigraph":
            return f"oxigraph:{Path(spec.path or '').expanduser().resolve()}"
        return self.store_spec

    @property
    def reader_path(self) -> str | None:
        """The folder of the store the owner opens, for read-only views (None for a remote store)."""
        spec = parse_spec(self._owner_spec())
        return str(spec.path) if spec.kind == "oxigraph" and spec.path else None

    async def start(self) -> None:
        """Spawn and open the store owner (raises StoreError when the store cannot be opened)."""
        self._sem = asyncio.Semaphore(self.max_concurrent)
        self._standby = OwnerProcess()
        self._active = asyncio.create_task(self._activate(None))
        await self._active

    async def close(self) -> None:
        self._closing = True
        procs = [p for p in (self._standby,) if p]
        if self._active is not None and self._active.done() and not self._active.exception():
            procs.append(self._active.result())
        for proc in procs:
            proc.on_death = None
            if proc.writer is not None:
                proc.writer.close()  # EOF: the owner exits (RocksDB's WAL keeps what was committed)
            else:
                proc.sock.close()
        for proc in procs:
            try:
                await asyncio.get_running_loop().run_in_executor(None, proc.popen.wait, 10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.popen.wait()
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
        self.state.close()
        shutil.rmtree(self._rundir, ignore_errors=True)

    async def _activate(self, dead: OwnerProcess | None) -> OwnerProcess:
        if dead is not None:
            await asyncio.get_running_loop().run_in_executor(None, dead.popen.wait)  # store lock released
            dead.fail_all()
        proc, self._standby = self._standby or OwnerProcess(), OwnerProcess()
        await proc.connect()
        call_id, fut = proc.send(
            "open", {"spec": self._owner_spec(), "prefixes": self.prefixes, "threads": self.max_concurrent + 2}
        )
        try:
            await asyncio.wait_for(fut, 60)
        except BaseException:
            proc.kill()
            raise
        proc.on_death = self._on_death
        self.state.set_owner(proc.pid, self.restarts)
        return proc

    def _on_death(self, proc: OwnerProcess) -> None:
        if not self._closing:
            self._replace(proc)

    def _replace(self, proc: OwnerProcess) -> None:
        """Kill ``proc`` if it is still the active owner and activate the standby."""
        if (
            self._closing
            or self._active is None
            or not self._active.done()
            or self._active.exception()
            or self._active.result() is not proc
        ):
            return
        self.restarts += 1
        self.state.set_owner(None, self.restarts)
        if self.cache is not None:  # answers of the old process are dropped with it: queries wait for the new one
            self.cache.clear()
        proc.kill()
        self._active = asyncio.create_task(self._activate(proc))

    @property
    def pid(self) -> int | None:
        """PID of the active store owner (None while it restarts)."""
        if self._active is not None and self._active.done() and not self._active.exception():
            return self._active.result().pid
        return None

    async def call(self, op: str, *, timeout: float, retry: bool = True, **kwargs: Any) -> Any:
        """Run ``op`` on the store owner; QueryTimeout after ``timeout`` s (the owner is then killed),
        Refused(429) when ``max_concurrent`` calls are running for longer than ``queue_timeout``."""
        cache = self.cache
        if op in WRITES:
            self.state.begin_write()
            if cache is not None:
                cache.begin_write()
            try:
                return await self._call(op, timeout, retry, kwargs)
            finally:
                self.state.end_write()
                if cache is not None:
                    cache.end_write()
        if cache is None:
            return await self._call(op, timeout, retry, kwargs)
        if op == "query":
            key = (
                kwargs["query"],
                kwargs.get("results_format"),
                kwargs.get("graph_format"),
                _frozen(kwargs.get("default_graphs")),
                _frozen(kwargs.get("named_graphs")),
                kwargs.get("union", True),
                kwargs.get("max_rows"),
                kwargs.get("base_iri"),
            )
            hit = cache.get(key)
            if hit is not None:
                return hit
            generation = cache.generation
            result = await self._call(op, timeout, retry, kwargs)
            cache.put(key, result, generation)
            return result
        return await self._call(op, timeout, retry, kwargs)

    async def _call(self, op: str, timeout: float, retry: bool, kwargs: dict) -> Any:
        assert self._sem is not None and self._active is not None, "QueryRunner.start() first"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if self._sem.locked():
            try:
                await asyncio.wait_for(self._sem.acquire(), self.queue_timeout)
            except TimeoutError:
                raise Refused(
                    429, f"too many queries at once (limit {self.max_concurrent}); retry later", {"Retry-After": "1"}
                ) from None
        else:
            await self._sem.acquire()
        try:
            for attempt in (1, 2):
                try:
                    active = self._active
                    if active.done():
                        proc = active.result()
                    else:
                        proc = await asyncio.wait_for(asyncio.shield(active), max(deadline - loop.time(), 0.001))
                except TimeoutError:
                    raise QueryTimeout(f"the store did not become available within {timeout:g} s") from None
                except StoreError:
                    raise
                except (VankienError, WorkerLost, OSError) as e:  # the store could not be reopened
                    raise StoreError(f"the store is not available: {e}") from e
                call_id, fut = proc.send(op, kwargs)
                timer = loop.call_at(deadline, _expire, fut)
                try:
                    return await fut
                except _Expired:
                    proc.forget(call_id)
                    self._replace(proc)
                    raise QueryTimeout(
                        f"the query ran longer than the limit of {timeout:g} s and was stopped"
                    ) from None
                except WorkerLost:
                    if not retry or attempt == 2:
                        raise StoreError(
                            "the query was interrupted because the store worker was restarted "
                            "(another query hit the time limit); a write was applied fully or "
                            "not at all: check and retry"
                        ) from None
                finally:
                    timer.cancel()
            raise AssertionError("unreachable")
        finally:
            self._sem.release()


def _frozen(graphs: list[str] | None) -> tuple[str, ...] | None:
    return None if graphs is None else tuple(graphs)
