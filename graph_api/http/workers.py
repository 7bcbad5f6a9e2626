"""The processes of ``vankien serve``: Granian HTTP workers (RSGI, sharing the listening socket) and, when there
are several, the store host (:mod:`graph_api.store.host`) that runs the one killable store owner for all.

Each worker answers bounded queries itself on a read-only view (:mod:`graph_api.store.readers`), so both cores
serve lookups and joins at once, as ``oxigraph serve`` does; free-form SPARQL, writes, dumps and the pages'
queries go to the owner through the host.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from core.errors import StoreError
from graph_api.http.settings import Settings

__all__ = ["store_host", "run_workers", "granian_loop_options"]


@contextmanager
def store_host(spec: str, settings: Settings) -> Iterator[tuple[str, str, str | None] | None]:
    """With ``settings.workers`` > 1, a running store host: yields (socket, state file, store folder) for
    :func:`graph_api.http.app.create_app`; with one worker, None (the worker runs the owner itself)."""
    if settings.workers <= 1:
        yield None
        return
    rundir = tempfile.mkdtemp(prefix="vankien-host-")
    socket_path = str(Path(rundir) / "host.sock")
    root = str(Path(__file__).resolve().parents[2])
    env = dict(
        os.environ, PYTHONPATH=root + (os.pathsep + os.environ["PYTHONPATH"] if os.environ.get("PYTHONPATH") else "")
    )
    args = [socket_path, spec, str(settings.max_concurrent), str(settings.queue_timeout), str(settings.cache_bytes)]
    proc = subprocess.Popen(
        [sys.executable, "-m", "graph_api.store.host", *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        env=env,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().split()
        if len(line) != 3 or line[0] != "READY":
            raise StoreError(f"the store host did not start (exit {proc.wait()}): see the messages above")
        yield socket_path, line[1], None if line[2] == "-" else line[2]
    finally:
        if proc.stdin is not None:
            proc.stdin.close()  # the host stops its owner and exits
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        try:
            os.unlink(socket_path)
            os.rmdir(rundir)
        except OSError:
            pass


def granian_loop_options() -> dict[str, Any]:
    """The event loop of each worker: uvloop when installed, named rather than ``auto`` (Granian's ``auto`` picks
    rloop when present, which cannot open the Unix socket to the store host). Granian's Rust task implementation was
    measured and not kept: paired runs under wrk gave 206 vs 211 µs and 292 vs 248 µs of worker CPU a point lookup
    (bench/RESULTS.md, 2026-12-03 15:26), within the noise, for an experimental runtime whose placeholder task
    breaks ``asyncio.all_tasks()`` (anyio, Starlette's thread pool)."""
    from granian.constants import Loops

    return {"loop": Loops.uvloop if importlib.util.find_spec("uvloop") else Loops.asyncio}


def run_workers(
    factory: Callable[[], Any], host: str, port: int, workers: int, *, log_level: str, access_log: bool
) -> None:
    """Serve the RSGI app made by ``factory`` (called in each worker, see :mod:`graph_api.http.rsgi`) with
    Granian until interrupted."""
    from granian import Granian
    from granian.constants import Interfaces, RuntimeModes
    from granian.log import LogLevels

    server = Granian(
        "vankien",  # the app comes from target_loader below, in each (forked) worker
        address=host,
        port=port,
        interface=Interfaces.RSGI,
        workers=max(workers, 1),
        runtime_mode=RuntimeModes.st,
        **granian_loop_options(),
        log_level=LogLevels(log_level),
        log_access=False,  # graph_api.http.rsgi writes the access log, in uvicorn's form
        websockets=False,
        respawn_failed_workers=True,  # a worker that dies is replaced; the others keep serving
    )
    server.serve(target_loader=lambda _target, **_kw: factory())
