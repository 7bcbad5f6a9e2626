"""Query execution that can really be stopped.

pyoxigraph 0.5 cannot cancel a query, and an on-disk store may be opened read-write by one
process only. So one *store-owner* process (``python -m graph_api.worker``) opens the store and
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

>>> serialise_solutions(["s"], [[NamedNode("http://ex.org/a")], [None]], "csv")
b's\\r\\nhttp://ex.org/a\\r\\n\\r\\n'
>>> serialise_solutions(["n"], [[Literal("1", datatype=NamedNode(XSD_INTEGER))]], "tsv")
b'?n\\n"1"^^<http://www.w3.org/2001/XMLSchema#integer>\\n'
"""
from __future__ import annotations

import asyncio
import itertools
import json
import os
import pickle
import re
import shutil
import signal
import socket
import struct
import subprocess
import sys
import tempfile
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape as xml_escape

from pyoxigraph import (
    BlankNode, DefaultGraph, Literal, NamedNode, Quad, QueryBoolean, QueryResultsFormat, QuerySolutions,
    RdfFormat, Store, Triple, parse, parse_query_results, serialize,
)

from vankien.errors import NotFound, QueryError, QueryTimeout, StoreError, VankienError

__all__ = ["QueryRunner", "Refused", "ResultCache", "serialise_solutions", "RESULT_FORMATS", "GRAPH_FORMATS"]

HEADER = struct.Struct("!IHI")  # call id, status (0 ok, else an HTTP status), payload length
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
XSD_INTEGER = "http://www.w3.org/2001/XMLSchema#integer"
RESULT_FORMATS = ("json", "xml", "csv", "tsv")
QUERY_RESULTS_FORMATS: dict[str, QueryResultsFormat] = {
    "json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV,
}
NATIVE_BUDGET = 64 * 1024 * 1024
"""Bytes a result may take when serialised by pyoxigraph; a larger one is redone row by row in Python."""
GRAPH_FORMATS: dict[str, RdfFormat] = {
    "turtle": RdfFormat.TURTLE, "ntriples": RdfFormat.N_TRIPLES, "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML, "nquads": RdfFormat.N_QUADS, "trig": RdfFormat.TRIG,
}


class Refused(VankienError):
    """A request the service refuses with a given HTTP status (406, 413, 429, …)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.http_status = status
        self.headers = headers or {}


class WorkerLost(Exception):
    """The store-owner process died (killed at a timeout, or crashed) before answering."""


# ------------------------------------------------------------------------------------------
# Serialisation of solutions (Python, so that the row cap can be checked before any byte is sent)

def _json_term(t: Any) -> dict:
    if isinstance(t, NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, Literal):
        d = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype.value != XSD_STRING:
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, Triple):
        return {"type": "triple", "value": {"subject": _json_term(t.subject),
                                            "predicate": _json_term(t.predicate),
                                            "object": _json_term(t.object)}}
    raise TypeError(f"unexpected term {t!r}")


def _xml_term(t: Any) -> str:
    if isinstance(t, NamedNode):
        return f"<uri>{xml_escape(t.value)}</uri>"
    if isinstance(t, BlankNode):
        return f"<bnode>{xml_escape(t.value)}</bnode>"
    if isinstance(t, Literal):
        if t.language:
            return f'<literal xml:lang="{xml_escape(t.language)}">{xml_escape(t.value)}</literal>'
        if t.datatype.value != XSD_STRING:
            return f'<literal datatype="{xml_escape(t.datatype.value)}">{xml_escape(t.value)}</literal>'
        return f"<literal>{xml_escape(t.value)}</literal>"
    if isinstance(t, Triple):
        return (f"<triple><subject>{_xml_term(t.subject)}</subject><predicate>{_xml_term(t.predicate)}"
                f"</predicate><object>{_xml_term(t.object)}</object></triple>")
    raise TypeError(f"unexpected term {t!r}")


def _csv_value(t: Any) -> str:
    if t is None:
        return ""
    if isinstance(t, BlankNode):
        value = "_:" + t.value
    elif isinstance(t, Triple):
        value = str(t)
    else:
        value = t.value
    if any(c in value for c in ',"\r\n'):
        value = '"' + value.replace('"', '""') + '"'
    return value


def serialise_solutions(variables: Sequence[str], rows: Sequence[Sequence[Any]], fmt: str) -> bytes:
    """SPARQL results of a SELECT (``json``, ``xml``, ``csv``, ``tsv``); ``rows`` hold terms or None."""
    if fmt == "json":
        bindings = [{v: _json_term(t) for v, t in zip(variables, row) if t is not None} for row in rows]
        return json.dumps({"head": {"vars": list(variables)}, "results": {"bindings": bindings}},
                          ensure_ascii=False, separators=(",", ":")).encode()
    if fmt == "xml":
        out = ['<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#"><head>']
        out += [f'<variable name="{xml_escape(v)}"/>' for v in variables]
        out.append("</head><results>")
        for row in rows:
            out.append("<result>")
            out += [f'<binding name="{xml_escape(v)}">{_xml_term(t)}</binding>'
                    for v, t in zip(variables, row) if t is not None]
            out.append("</result>")
        out.append("</results></sparql>\n")
        return "".join(out).encode()
    if fmt == "csv":
        lines = [",".join(variables)]
        lines += [",".join(_csv_value(t) for t in row) for row in rows]
        return ("\r\n".join(lines) + "\r\n").encode()
    if fmt == "tsv":
        lines = ["\t".join("?" + v for v in variables)]
        lines += ["\t".join("" if t is None else str(t) for t in row) for row in rows]
        return ("\n".join(lines) + "\n").encode()
    raise ValueError(f"unknown results format {fmt!r}")


def _graph_name(graph: str | None) -> NamedNode | DefaultGraph:
    return DefaultGraph() if graph is None else NamedNode(graph)


_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


def _too_many(max_rows: int, what: str) -> QueryError:
    return QueryError(f"the result has more than {max_rows} {what}: add a LIMIT (at most {max_rows})")


class _Budget:
    """A write-only buffer that gives up (``OverflowError``) past ``limit`` bytes."""

    def __init__(self, limit: int) -> None:
        self.parts: list[bytes] = []
        self.size, self.limit = 0, limit

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.limit:
            raise OverflowError("result over the serialisation budget")
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def _native_solutions(result: QuerySolutions, fmt: str, max_rows: int) -> bytes | None:
    """Solutions serialised by pyoxigraph (``json``, ``xml``, ``tsv``) with the row cap enforced, or None when
    they take more than :data:`NATIVE_BUDGET` bytes.

    Every row takes at least one byte, so only a body longer than ``max_rows`` bytes is parsed back to count.

    >>> store = Store()
    >>> store.add(Quad(NamedNode("http://ex.org/a"), NamedNode("http://ex.org/p"), Literal("1")))
    >>> _native_solutions(store.query("SELECT ?o { ?s ?p ?o }"), "tsv", 10)
    b'?o\\n"1"\\n'
    >>> _native_solutions(store.query("SELECT ?o { ?s ?p ?o } VALUES ?x { 1 2 3 }"), "json", 2)
    Traceback (most recent call last):
    vankien.errors.QueryError: the result has more than 2 rows: add a LIMIT (at most 2)
    """
    out = _Budget(NATIVE_BUDGET)
    try:
        result.serialize(out, format=QUERY_RESULTS_FORMATS[fmt])
    except OverflowError:
        return None
    body = b"".join(out.parts)
    if len(body) > max_rows:
        rows = sum(1 for _ in itertools.islice(parse_query_results(body, format=QUERY_RESULTS_FORMATS[fmt]),
                                                max_rows + 1))
        if rows > max_rows:
            raise _too_many(max_rows, "rows")
    return body


# ------------------------------------------------------------------------------------------
# The store owner (runs in the worker process)

class _Owner:
    """Runs calls against the store it owns; every method returns a picklable value."""

    def __init__(self, spec: str, prefixes: dict[str, str] | None = None) -> None:
        kind, _, rest = spec.partition(":")
        self.prefixes = prefixes or {}
        self.write_lock = threading.Lock()
        self.remote = None
        if kind == "oxigraph" and rest:
            Path(rest).mkdir(parents=True, exist_ok=True)
            try:
                self.store = Store(rest)
            except OSError as e:
                raise StoreError(f"cannot open the store at {rest}: {e}") from e
        elif kind in ("memory", "oxigraph"):
            self.store = Store()
        else:
            from graph_api.store import open_store
            self.remote = open_store(spec)

    # -- queries ---------------------------------------------------------------------------
    def query(self, query: str, results_format: str | None, graph_format: str | None,
              default_graphs: list[str] | None = None, named_graphs: list[str] | None = None,
              union: bool = True, max_rows: int = 100_000) -> tuple[str, bytes]:
        from graph_api.sparql import check_query
        check_query(query)  # also for the views and the trace, which call the worker directly
        if self.remote is not None:
            return self._remote_query(query, results_format, graph_format, default_graphs, named_graphs, union)
        kwargs: dict[str, Any] = {}
        if default_graphs is not None or named_graphs is not None:
            kwargs["default_graph"] = [_graph_name(g) for g in default_graphs or []]
            if named_graphs is not None:
                kwargs["named_graphs"] = [NamedNode(g) for g in named_graphs]
        elif union:
            kwargs["use_default_graph_as_union"] = True
        result = self.store.query(query, **kwargs)
        if isinstance(result, QueryBoolean):
            if results_format is None:
                raise Refused(406, "an ASK result is available as SPARQL JSON, XML, CSV or TSV")
            return "boolean", result.serialize(format=QUERY_RESULTS_FORMATS[results_format])
        if isinstance(result, QuerySolutions):
            if results_format is None:
                raise Refused(406, "a SELECT result is available as SPARQL JSON, XML, CSV or TSV")
            if results_format != "csv":  # CSV cannot be parsed back to count its rows
                body = _native_solutions(result, results_format, max_rows)
                if body is not None:
                    return "solutions", body
                result = self.store.query(query, **kwargs)  # over NATIVE_BUDGET: again, row by row
            variables = [v.value for v in result.variables]
            rows = [[s[i] for i in range(len(variables))] for s in itertools.islice(result, max_rows + 1)]
            if len(rows) > max_rows:
                raise _too_many(max_rows, "rows")
            return "solutions", serialise_solutions(variables, rows, results_format)
        if graph_format is None:
            raise Refused(406, "a CONSTRUCT/DESCRIBE result is available as Turtle, N-Triples, JSON-LD or RDF/XML")
        triples = list(itertools.islice(result, max_rows + 1))
        if len(triples) > max_rows:
            raise _too_many(max_rows, "triples")
        prefixes = self.prefixes if graph_format in ("turtle", "trig", "rdfxml") else None
        return "graph", serialize(triples, format=GRAPH_FORMATS[graph_format], prefixes=prefixes)

    def _remote_query(self, query: str, results_format: str | None, graph_format: str | None,
                      default_graphs: list[str] | None, named_graphs: list[str] | None,
                      union: bool) -> tuple[str, bytes]:
        if default_graphs is not None or named_graphs is not None:
            raise QueryError("default-graph-uri / named-graph-uri are not supported on a remote store: use FROM")
        form = (_FORM.search(re.sub(r"<[^>]*>|#[^\n]*", " ", query)) or [None, "SELECT"])[1].upper()
        kind = "graph" if form in ("CONSTRUCT", "DESCRIBE") else "solutions"
        fmt = graph_format if kind == "graph" else results_format
        if fmt is None:
            raise Refused(406, f"no acceptable format for a {form} result")
        return kind, self.remote.query(query, results_format=fmt, union_default_graph=union)

    # -- writes ----------------------------------------------------------------------------
    def update(self, update: str) -> None:
        from graph_api.sparql import check_query
        check_query(update)
        with self.write_lock:
            if self.remote is not None:
                self.remote.update(update)
            else:
                self.store.update(update)

    def gsp_get(self, graph: str | None, format: str) -> bytes:
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        if graph is not None and not self.store.contains_named_graph(NamedNode(graph)):
            raise NotFound(f"no graph {graph}")
        triples = [Triple(q.subject, q.predicate, q.object)
                   for q in self.store.quads_for_pattern(None, None, None, _graph_name(graph))]
        return serialize(triples, format=GRAPH_FORMATS[format],
                         prefixes=self.prefixes if format in ("turtle", "rdfxml") else None)

    def gsp_write(self, graph: str | None, data: bytes, format: str, replace: bool) -> bool:
        """PUT (``replace``) or POST (merge) serialised RDF into a graph; True when the graph is new."""
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        triples = [Triple(q.subject, q.predicate, q.object)
                   for q in parse(data, format=GRAPH_FORMATS[format], base_iri=graph)]
        body = serialize(triples, format=RdfFormat.N_TRIPLES).decode()
        target = "DEFAULT" if graph is None else f"GRAPH <{graph}>"
        insert = f"INSERT DATA {{ {body} }}" if graph is None else f"INSERT DATA {{ GRAPH <{graph}> {{ {body} }} }}"
        with self.write_lock:
            created = graph is not None and not self.store.contains_named_graph(NamedNode(graph))
            ops = ([f"DROP SILENT {target}"] if replace else []) + ([insert] if triples else [])
            if graph is not None and not triples and created:
                self.store.add_graph(NamedNode(graph))
            if ops:
                self.store.update(" ;\n".join(ops))  # one update = one transaction
        return created

    def gsp_delete(self, graph: str | None) -> None:
        if self.remote is not None:
            raise QueryError("the Graph Store Protocol is not served for a remote store")
        with self.write_lock:
            if graph is None:
                self.store.clear_graph(DefaultGraph())
                return
            if not self.store.contains_named_graph(NamedNode(graph)):
                raise NotFound(f"no graph {graph}")
            self.store.update(f"DROP GRAPH <{graph}>")

    def dump(self, path: str, format: str) -> None:
        if self.remote is not None:
            with open(path, "wb") as out:
                self.remote.export(out, format=format)
            return
        self.store.dump(path, format=GRAPH_FORMATS[format])

    def ping(self) -> int:
        return os.getpid()


def _error_reply(e: BaseException) -> tuple[int, bytes]:
    if isinstance(e, VankienError):
        status = e.http_status
    elif isinstance(e, (SyntaxError, ValueError, TypeError)):
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
            owner = _Owner(**kwargs)
        except BaseException as e:  # noqa: BLE001
            reply(call_id, *_error_reply(e))
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
                status, payload = _error_reply(e)
            try:
                reply(call_id, status, payload)
            except OSError:
                os._exit(0)
            except Exception as e:  # noqa: BLE001 - never leave a caller without an answer
                reply(call_id, *_error_reply(e))

    for _ in range(threads - 1):
        threading.Thread(target=serve, name="query", daemon=True).start()
    serve()


# ------------------------------------------------------------------------------------------
# The HTTP side

class _Proc:
    """One store-owner process and the socket to it."""

    def __init__(self) -> None:
        parent, child = socket.socketpair()
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parent.parent)
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.popen = subprocess.Popen(
            [sys.executable, "-m", "graph_api.worker", str(child.fileno())],
            pass_fds=[child.fileno()], stdin=subprocess.DEVNULL, env=env, close_fds=True)
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
                    fut.set_exception(_remote_error(status, *pickle.loads(payload)))
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


def _remote_error(status: int, name: str, message: str) -> VankienError:
    if status == 400:
        return QueryError(message)
    if status == 404:
        return NotFound(message)
    if status == 503:
        return StoreError(message)
    return Refused(status, message)


class ResultCache:
    """Answers of read queries, kept until the next write (a generation counter) and bounded in bytes (LRU).

    A write empties the cache when it starts and again when it ends, and an answer is kept only when no
    write started or ended while it was computed: a cached answer is always the store's current one.

    >>> cache = ResultCache(10_000)
    >>> generation = cache.generation
    >>> cache.put("q1", ("solutions", b"old"), generation)
    >>> cache.get("q1"), cache.get("q2")
    (('solutions', b'old'), None)
    >>> cache.begin_write(); cache.get("q1") is None
    True
    >>> cache.put("q1", ("solutions", b"new"), generation)  # computed before the write: not kept
    >>> cache.end_write(); cache.put("q1", ("solutions", b"new"), cache.generation); cache.get("q1")
    ('solutions', b'new')
    >>> cache.stats()
    {'entries': 1, 'bytes': 261, 'hits': 2, 'misses': 2}
    """

    OVERHEAD = 256  # bytes counted per entry besides the query and the answer

    def __init__(self, max_bytes: int) -> None:
        self.max_bytes = max_bytes
        self.entries: dict[Any, tuple[tuple[str, bytes], int]] = {}
        self.size = self.generation = self.writing = self.hits = self.misses = 0

    def get(self, key: Any) -> tuple[str, bytes] | None:
        entry = self.entries.pop(key, None)
        if entry is None:
            self.misses += 1
            return None
        self.entries[key] = entry  # most recently used last
        self.hits += 1
        return entry[0]

    def put(self, key: Any, value: tuple[str, bytes], generation: int) -> None:
        """Keep ``value`` if it was computed at the current generation, outside any write."""
        if generation != self.generation or self.writing:
            return
        size = len(value[1]) + len(key[0] if isinstance(key, tuple) else key) + self.OVERHEAD
        if size > self.max_bytes // 8:
            return
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= old[1]
        self.entries[key] = (value, size)
        self.size += size
        while self.size > self.max_bytes:
            self.size -= self.entries.pop(next(iter(self.entries)))[1]

    def clear(self) -> None:
        self.generation += 1
        self.entries.clear()
        self.size = 0

    def begin_write(self) -> None:
        self.writing += 1
        self.clear()

    def end_write(self) -> None:
        self.writing -= 1
        self.clear()

    def stats(self) -> dict[str, int]:
        return {"entries": len(self.entries), "bytes": self.size, "hits": self.hits, "misses": self.misses}


WRITES = frozenset({"update", "gsp_write", "gsp_delete"})


class _Expired(Exception):
    """Set on a call's future when its deadline passes."""


def _expire(fut: asyncio.Future) -> None:
    if not fut.done():
        fut.set_exception(_Expired())


class QueryRunner:
    """Runs calls on the store-owner process with a deadline, a concurrency cap and a warm standby; answers
    of ``query`` calls are cached (:class:`ResultCache`) when ``cache_bytes`` > 0 and the store is local."""

    def __init__(self, store_spec: str, *, max_concurrent: int = 8, queue_timeout: float = 10.0,
                 prefixes: dict[str, str] | None = None, cache_bytes: int = 0) -> None:
        self.store_spec = store_spec
        self.max_concurrent = max_concurrent
        self.queue_timeout = queue_timeout
        self.prefixes = prefixes or {}
        self.restarts = 0
        local = store_spec.partition(":")[0] in ("oxigraph", "memory")  # a remote store changes behind our back
        self.cache = ResultCache(cache_bytes) if cache_bytes > 0 and local else None
        self._tmpdir: str | None = None
        self._active: asyncio.Task[_Proc] | None = None
        self._standby: _Proc | None = None
        self._sem: asyncio.Semaphore | None = None
        self._closing = False

    def _owner_spec(self) -> str:
        kind, _, rest = self.store_spec.partition(":")
        if kind == "memory" or (kind == "oxigraph" and not rest):
            if self._tmpdir is None:
                self._tmpdir = tempfile.mkdtemp(prefix="vankien-memory-")
            return f"oxigraph:{self._tmpdir}"
        if kind == "oxigraph":
            return f"oxigraph:{Path(rest).expanduser().resolve()}"
        return self.store_spec

    async def start(self) -> None:
        """Spawn and open the store owner (raises StoreError when the store cannot be opened)."""
        self._sem = asyncio.Semaphore(self.max_concurrent)
        self._standby = _Proc()
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

    async def _activate(self, dead: _Proc | None) -> _Proc:
        if dead is not None:
            await asyncio.get_running_loop().run_in_executor(None, dead.popen.wait)  # store lock released
            dead.fail_all()
        proc, self._standby = self._standby or _Proc(), _Proc()
        await proc.connect()
        call_id, fut = proc.send("open", {"spec": self._owner_spec(), "prefixes": self.prefixes,
                                          "threads": self.max_concurrent + 2})
        try:
            await asyncio.wait_for(fut, 60)
        except BaseException:
            proc.kill()
            raise
        proc.on_death = self._on_death
        return proc

    def _on_death(self, proc: _Proc) -> None:
        if not self._closing:
            self._replace(proc)

    def _replace(self, proc: _Proc) -> None:
        """Kill ``proc`` if it is still the active owner and activate the standby."""
        if self._closing or self._active is None or not self._active.done() or self._active.exception() \
                or self._active.result() is not proc:
            return
        self.restarts += 1
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
        if cache is None:
            return await self._call(op, timeout, retry, kwargs)
        if op == "query":
            key = (kwargs["query"], kwargs.get("results_format"), kwargs.get("graph_format"),
                   _frozen(kwargs.get("default_graphs")), _frozen(kwargs.get("named_graphs")),
                   kwargs.get("union", True), kwargs.get("max_rows"))
            hit = cache.get(key)
            if hit is not None:
                return hit
            generation = cache.generation
            result = await self._call(op, timeout, retry, kwargs)
            cache.put(key, result, generation)
            return result
        if op in WRITES:
            cache.begin_write()
            try:
                return await self._call(op, timeout, retry, kwargs)
            finally:
                cache.end_write()
        return await self._call(op, timeout, retry, kwargs)

    async def _call(self, op: str, timeout: float, retry: bool, kwargs: dict) -> Any:
        assert self._sem is not None and self._active is not None, "QueryRunner.start() first"
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        if self._sem.locked():
            try:
                await asyncio.wait_for(self._sem.acquire(), self.queue_timeout)
            except TimeoutError:
                raise Refused(429, f"too many queries at once (limit {self.max_concurrent}); retry later",
                              {"Retry-After": "1"}) from None
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
                except Exception as e:  # the store could not be reopened
                    raise StoreError(f"the store is not available: {e}") from e
                call_id, fut = proc.send(op, kwargs)
                timer = loop.call_at(deadline, _expire, fut)
                try:
                    return await fut
                except _Expired:
                    proc.forget(call_id)
                    self._replace(proc)
                    raise QueryTimeout(f"the query ran longer than the limit of {timeout:g} s and was stopped") \
                        from None
                except WorkerLost:
                    if not retry or attempt == 2:
                        raise StoreError("the query was interrupted because the store worker was restarted "
                                         "(another query hit the time limit); a write was applied fully or "
                                         "not at all: check and retry") from None
                finally:
                    timer.cancel()
            raise AssertionError("unreachable")
        finally:
            self._sem.release()


def _frozen(graphs: list[str] | None) -> tuple[str, ...] | None:
    return None if graphs is None else tuple(graphs)


if __name__ == "__main__":
    worker_main(int(sys.argv[1]))
