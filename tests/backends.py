"""Real graph-store backends for tests: the embedded store on disk, ``oxigraph serve`` and Virtuoso.

The servers are started once per test process on free ports of 127.0.0.1, from temporary folders,
and stopped by PID at the end (session finaliser, and ``atexit`` as a safety net). Nothing is
mocked: ``oxigraph`` comes from PyPI (the ``test`` extra), Virtuoso from the Debian package
``virtuoso-opensource`` (``.ci/install-system.sh`` installs it). A missing server is an error, never
a skip.

Use in a test module (or once in ``tests/conftest.py`` for every module)::

    from backends import backend_store, oxigraph_server, virtuoso_server  # noqa: F401

    def test_something(backend_store):          # runs three times: embedded, oxigraph-server, virtuoso
        backend_store.replace_graph(...)

``backend_store`` yields an empty ``GraphStore`` (the project's graphs dropped before each test).
``backend_spec`` yields ``(spec, env)`` for the CLI on the same three backends, nothing held open:
``subprocess.run(["vankien", "load", "--store", spec, …], env={**os.environ, **env})``.
``oxigraph_server`` / ``virtuoso_server`` yield a ``Server`` (``spec``, ``env``, ``store()``).
"""

from __future__ import annotations

import atexit
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from graph_api.store.remote import SparqlStore
from graph_api.store import GraphStore, OxigraphStore
from waiting import answers, wait_until

VIRTUOSO_INI = Path("/etc/virtuoso-opensource-7/virtuoso.ini")
VIRTUOSO_DB_DIR = "/var/lib/virtuoso-opensource-7/db"
BACKENDS = ["oxigraph-embedded", "oxigraph-server", "virtuoso"]


def free_port() -> int:
    """A free TCP port on 127.0.0.1."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A SPARQL server process started by the tests."""

    name: str
    proc: subprocess.Popen
    folder: Path
    log: Path
    query_url: str
    update_url: str
    user: str | None = None
    password: str | None = None
    started_in: float = 0.0
    env: dict[str, str] = field(default_factory=dict)
    sql_port: int | None = None

    @property
    def spec(self) -> str:
        """The ``--store`` spec for this server."""
        return f"sparql:{self.query_url},{self.update_url}"

    def store(self, **kwargs) -> SparqlStore:
        """A ``SparqlStore`` on this server, with its credentials."""
        return SparqlStore(self.query_url, self.update_url, user=self.user, password=self.password, **kwargs)

    def isql(self, sql: str) -> str:
        """Run SQL on Virtuoso as dba through ``isql-vt`` (e.g. ``GRANT SPARQL_UPDATE TO "SPARQL";``)."""
        run = subprocess.run(
            ["isql-vt", str(self.sql_port), "dba", "dba", f"exec={sql}"],
            capture_output=True,
            text=True,
            timeout=60,
            stdin=subprocess.DEVNULL,
        )
        if run.returncode != 0 or "*** Error" in run.stdout + run.stderr:
            raise RuntimeError(f"isql-vt failed: {run.stdout[-500:]} {run.stderr[-500:]}")
        return run.stdout

    def log_tail(self, n: int = 30) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-n:])
        except OSError:
            return ""

    def stop(self) -> None:
        """Stop the process by its PID (SIGTERM, then SIGKILL) and remove its folder."""
        if self.proc.poll() is None:
            os.kill(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.kill(self.proc.pid, signal.SIGKILL)
                self.proc.wait(timeout=10)
        shutil.rmtree(self.folder, ignore_errors=True)


def _wait_until_up(server: Server, timeout: float) -> None:

    def up() -> bool:
        if server.proc.poll() is not None:
            raise RuntimeError(f"{server.name} exited with {server.proc.returncode}:\n{server.log_tail()}")
        return answers(
            server.query_url, params={"query": "ASK {}"}, headers={"Accept": "application/sparql-results+json"}
        )

    try:
        wait_until(up, timeout=timeout, what=f"{server.name} answering", interval=0.2)
    except TimeoutError:
        server.stop()
        raise RuntimeError(f"{server.name} did not answer within {timeout:.0f} s:\n{server.log_tail()}") from None


def start_oxigraph_server() -> Server:
    """``oxigraph serve`` on a fresh on-disk location."""
    exe = Path(sys.executable).parent / "oxigraph"
    exe_path = str(exe) if exe.exists() else shutil.which("oxigraph")
    if not exe_path:
        raise RuntimeError("the oxigraph server is not installed: pip install -e '.[test]'")
    folder = Path(tempfile.mkdtemp(prefix="vankien-oxigraph-"))
    port = free_port()
    log = folder / "server.log"
    t0 = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [exe_path, "serve", "--location", str(folder / "data"), "--bind", f"127.0.0.1:{port}"],
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    base = f"http://127.0.0.1:{port}"
    server = Server("oxigraph-server", proc, folder, log, f"{base}/query", f"{base}/update")
    _wait_until_up(server, 60)
    server.started_in = time.monotonic() - t0
    return server


def virtuoso_ini(source: str, folder: Path, sql_port: int, http_port: int, max_rows: int = 10_000) -> str:
    """A copy of Debian's ``virtuoso.ini`` with its files in ``folder`` and both ports on 127.0.0.1.

    >>> ini = virtuoso_ini("[Database]\\nDatabaseFile = /var/lib/virtuoso-opensource-7/db/virtuoso.db\\n"
    ...                    "[Parameters]\\nServerPort = 1111\\n[HTTPServer]\\nServerPort = 8890\\n"
    ...                    "[SPARQL]\\nResultSetMaxRows = 10000\\n", Path("/t"), 5, 6)
    >>> print(ini, end="")
    [Database]
    DatabaseFile = /t/virtuoso.db
    [Parameters]
    ServerPort = 127.0.0.1:5
    [HTTPServer]
    ServerPort = 127.0.0.1:6
    [SPARQL]
    ResultSetMaxRows = 10000
    """
    values = {
        "Parameters": {"ServerPort": f"127.0.0.1:{sql_port}"},
        "HTTPServer": {"ServerPort": f"127.0.0.1:{http_port}"},
        "URIQA": {"DefaultHost": f"127.0.0.1:{http_port}"},
        # Virtuoso's cost estimate of the trace's queries swings between runs (its statistics are sampled)
        # and sometimes passes the default 400 s on a store of a few thousand triples: the test servers
        # are stopped by the store's own time limit instead
        "SPARQL": {"ResultSetMaxRows": str(max_rows), "MaxQueryCostEstimationTime": "100000"},
    }
    section, lines = "", []
    for line in source.replace(VIRTUOSO_DB_DIR, str(folder)).splitlines():
        header = re.match(r"\s*\[([^\]]+)\]", line)
        if header:
            section = header.group(1)
        key = re.match(r"\s*([A-Za-z_]\w*)\s*=", line)
        if key and key.group(1) in values.get(section, {}):
            line = f"{key.group(1)} = {values[section][key.group(1)]}"
        lines.append(line)
    return "\n".join(lines) + "\n"


def start_virtuoso() -> Server:
    """Virtuoso 7 (Debian's ``virtuoso-t``) on a fresh database; updates as ``dba`` with Digest auth
    on ``/sparql-auth`` (the default password of a new database)."""
    exe = shutil.which("virtuoso-t")
    if not exe or not VIRTUOSO_INI.exists():
        raise RuntimeError("Virtuoso is not installed: run .ci/install-system.sh (apt-get install virtuoso-opensource)")
    folder = Path(tempfile.mkdtemp(prefix="vankien-virtuoso-"))
    sql_port, http_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(virtuoso_ini(VIRTUOSO_INI.read_text(), folder, sql_port, http_port))
    log = folder / "stdout.log"
    t0 = time.monotonic()
    with log.open("wb") as out:
        proc = subprocess.Popen(
            [exe, "-f", "-c", str(ini)], cwd=folder, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL
        )
    base = f"http://127.0.0.1:{http_port}"
    server = Server(
        "virtuoso",
        proc,
        folder,
        log,
        f"{base}/sparql",
        f"{base}/sparql-auth",
        user="dba",
        password="dba",
        env={"VANKIEN_SPARQL_USER": "dba", "VANKIEN_SPARQL_PASSWORD": "dba"},
        sql_port=sql_port,
    )
    _wait_until_up(server, 180)
    server.started_in = time.monotonic() - t0
    return server


_STARTERS = {"oxigraph-server": start_oxigraph_server, "virtuoso": start_virtuoso}
_RUNNING: dict[str, Server] = {}


def running_server(name: str) -> Server:
    """The server ``name``, started on first use and shared by the whole test process."""
    if name not in _RUNNING:
        _RUNNING[name] = _STARTERS[name]()
    return _RUNNING[name]


def stop_servers() -> None:
    """Stop every server this process started."""
    while _RUNNING:
        _RUNNING.popitem()[1].stop()


atexit.register(stop_servers)


@pytest.fixture(scope="session")
def oxigraph_server(request: pytest.FixtureRequest) -> Server:
    """A running ``oxigraph serve``."""
    request.addfinalizer(stop_servers)
    return running_server("oxigraph-server")


@pytest.fixture(scope="session")
def virtuoso_server(request: pytest.FixtureRequest) -> Server:
    """A running Virtuoso."""
    request.addfinalizer(stop_servers)
    return running_server("virtuoso")


def clear(store: GraphStore) -> None:
    """Drop every graph of the project from a store."""
    for graph in store.named_graphs():
        store.drop_graph(graph)


@pytest.fixture(params=BACKENDS)
def backend_store(request: pytest.FixtureRequest, tmp_path: Path):
    """An empty ``GraphStore`` on each backend: embedded on disk, ``oxigraph serve``, Virtuoso."""
    if request.param == "oxigraph-embedded":
        store: GraphStore = OxigraphStore(tmp_path / "store")
    else:
        server = request.getfixturevalue("virtuoso_server" if request.param == "virtuoso" else "oxigraph_server")
        store = server.store()
        if request.param == "oxigraph-server":
            store.update("DROP ALL")
        clear(store)
    try:
        yield store
    finally:
        store.close()


@pytest.fixture(params=BACKENDS)
def backend_spec(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[str, dict[str, str]]:
    """``(store spec, extra environment)`` of an empty store on each backend, for CLI tests."""
    if request.param == "oxigraph-embedded":
        return f"oxigraph:{tmp_path / 'store'}", {}
    server = request.getfixturevalue("virtuoso_server" if request.param == "virtuoso" else "oxigraph_server")
    store = server.store()
    try:
        clear(store)
    finally:
        store.close()
    return server.spec, dict(server.env)
