"""Query abuse against the real service: ``vankien load data/corpus`` into an on-disk store, then
``vankien serve`` (uvicorn, a subprocess on a free port of 127.0.0.1, 3 s query limit).

Each abuse is answered with the right 4xx, or stopped at the time limit with 503, and the next
request is answered at once (measured). Nothing may reach out: a local HTTP listener stands for
"the outside" and must never be called (SERVICE, injection through the view URLs).
"""

from __future__ import annotations

import contextlib
import http.client
import http.server
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api_fixtures import running
from waiting import wait_until

ROOT = Path(__file__).resolve().parents[1]
VANKIEN = Path(sys.executable).parent / "vankien"
TOKEN = "abuse-token-5d1e"
TIMEOUT = 3.0
MAX_ROWS = 20_000
MAX_BODY = 1024 * 1024
NEXT_WITHIN = 1.0  # seconds: the request after an abuse
ELI = "http://data.europa.eu/eli/ontology#"
LOOKUP = f'SELECT ?d WHERE {{ ?d <{ELI}id_local> "21-KL/TW" }} LIMIT 1'
EVERYTHING = "(!<http://x.invalid/none>|^!<http://x.invalid/none>)*"  # any predicate, both ways
MEASURED: dict[str, tuple[int, float, float]] = {}
PIDS: dict[
    str, int
] = {}  # server URL -> PID of its `vankien serve` process  # abuse -> (status, seconds, next request seconds)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Outside:
    """A local HTTP server standing for the outside world: records every request it gets."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _hit(self) -> None:
                hits.append((self.command, self.path))
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.end_headers()
                self.wfile.write(b'{"head":{"vars":[]},"results":{"bindings":[{}]}}')

            do_GET = do_POST = _hit

            def log_message(self, *args) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@contextlib.contextmanager
def serve(store: Path, log: Path, *, env: dict[str, str], args: tuple[str, ...] = ()) -> Iterator[str]:
    """``vankien serve`` on a free port; yields its URL; stopped by PID."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    cmd = [str(VANKIEN), "serve", "--store", f"oxigraph:{store}", "--port", str(port), *args]
    with running(cmd, url, log, {**os.environ, **env}) as p:
        PIDS[url] = p.pid
        yield url


@pytest.fixture(scope="module")
def loaded_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("abuse") / "store"
    p = subprocess.run(
        [str(VANKIEN), "load", "data/corpus", "--store", f"oxigraph:{store}"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert p.returncode == 0 and "rejected: 0" in p.stdout, p.stdout + p.stderr
    return store


@pytest.fixture(scope="module")
def outside() -> Iterator[Outside]:
    o = Outside()
    yield o
    o.close()


@pytest.fixture(scope="module")
def server(loaded_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    env = {"VANKIEN_UPDATE_TOKEN": TOKEN, "VANKIEN_MAX_ROWS": str(MAX_ROWS), "VANKIEN_MAX_BODY_BYTES": str(MAX_BODY)}
    with serve(
        loaded_store, tmp_path_factory.mktemp("log") / "server.log", env=env, args=("--query-timeout", str(TIMEOUT))
    ) as url:
        yield url
    print("\nabuse: status, seconds, next request seconds")
    for name, (status, seconds, after) in MEASURED.items():
        print(f"  {name}: {status} in {seconds:.2f} s, next in {after * 1000:.0f} ms")


@pytest.fixture(scope="module")
def client(server: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=server, timeout=60) as c:
        yield c


def next_request(client: httpx.Client) -> float:
    """Seconds for an ordinary query after an abuse; it must succeed."""
    started = time.monotonic()
    r = client.get("/sparql", params={"query": LOOKUP})
    seconds = time.monotonic() - started
    assert r.status_code == 200 and "/id/doc/tw/kl/2021/21" in r.text, (r.status_code, r.text[:300])
    return seconds


def abuse(client: httpx.Client, name: str, send) -> httpx.Response:
    started = time.monotonic()
    r = send()
    seconds = time.monotonic() - started
    after = next_request(client)
    MEASURED[name] = (r.status_code, seconds, after)
    assert after < NEXT_WITHIN, f"{name}: the next request took {after:.2f} s"
    return r


# -- runaway queries ------------------------------------------------------------------------------------
RUNAWAY = {
    "cartesian product": "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }",
    "property path over everything": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {EVERYTHING} ?b }}",
    "path in a cartesian product": f"SELECT (COUNT(*) AS ?n) WHERE {{ ?a {EVERYTHING} ?b . ?c ?p ?d }}",
    "ordered cartesian": "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f } ORDER BY ?c ?f LIMIT 1",
}


def owner_up(client) -> dict:
    """/health once the store owner runs (a bounded lookup is answered in the HTTP worker before it is back)."""
    wait_until(lambda: client.get("/health").json()["worker_pid"], timeout=10, what="the store owner running")
    return client.get("/health").json()


@pytest.mark.parametrize("name", list(RUNAWAY))
def test_runaway_query_is_stopped_at_the_limit(client, name):
    before = owner_up(client)
    r = abuse(client, name, lambda: client.post("/sparql", data={"query": RUNAWAY[name]}))
    status, seconds, _ = MEASURED[name]
    assert status == 503 and "limit of 3 s" in r.text, r.text[:300]
    assert TIMEOUT <= seconds < TIMEOUT + 1.5
    after = owner_up(client)
    assert after["restarts"] == before["restarts"] + 1 and after["worker_pid"] != before["worker_pid"]


@pytest.mark.parametrize(
    "query, word",
    [
        ("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }", "rows"),
        ("CONSTRUCT { ?a ?b ?f } WHERE { ?a ?b ?c . ?d ?e ?f }", "triples"),
        (f"SELECT ?a ?b WHERE {{ ?a {EVERYTHING} ?b }}", "rows"),
    ],
)
def test_huge_results_are_refused_quickly(client, query, word):
    r = abuse(
        client,
        "huge " + word + ("" if "EVERY" not in query else " (path)"),
        lambda: client.get("/sparql", params={"query": query}),
    )
    assert r.status_code in (400, 503), r.text[:300]
    if r.status_code == 400:
        assert f"more than {MAX_ROWS} {word}" in r.text and "LIMIT" in r.text


@pytest.mark.parametrize("depth", [2_000, 50_000])
@pytest.mark.parametrize("shape", ["braces", "parentheses", "optional"])
def test_deeply_nested_queries_are_refused_without_killing_the_store(client, shape, depth):
    """A query nested thousands deep is a 400 (too deep / syntax), not a crash of the store worker (503)."""
    query = {
        "braces": "SELECT * WHERE " + "{" * depth + "}" * depth,
        "parentheses": "ASK { FILTER(" + "(" * depth + "1" + ")" * depth + ") }",
        "optional": "SELECT * WHERE { " + "OPTIONAL { " * depth + "}" * depth + " }",
    }[shape]
    before = client.get("/health").json()
    r = abuse(
        client,
        f"nested {shape} x{depth}",
        lambda: client.post("/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}),
    )
    assert r.status_code in (200, 400), (r.status_code, r.text[:300])
    assert client.get("/health").json()["restarts"] == before["restarts"], "the query crashed the store worker"


# -- nothing reaches out ---------------------------------------------------------------------------------
def service_queries(url: str) -> list[str]:
    return [
        f"SELECT * WHERE {{ SERVICE <{url}/plain> {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent <{url}/lower> {{ ?s ?p ?o }} }}",
        f"PREFIX out: <{url}/> SELECT * WHERE {{ ?d ?p ?o SERVICE out:prefixed {{ ?s ?p ?o }} }} LIMIT 1",
        f"SELECT * WHERE {{ ?d ?p ?o .SERVICE <{url}/after-dot> {{ ?s ?q ?x }} }} LIMIT 1",
        f"SELECT * WHERE {{ ?d ?p ?o.SERVICE<{url}/no-space>{{ ?s ?q ?x }} }} LIMIT 1",
        f"SELECT * WHERE {{ ?d ?p 1.SERVICE <{url}/after-number> {{ ?s ?q ?x }} }} LIMIT 1",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ ?d ?p ?o }} LIMIT 1 }} SERVICE <{url}/subquery> {{ ?s ?q ?x }} }}",
    ]


def test_service_is_refused_and_nothing_reaches_out(client, outside):
    for query in service_queries(outside.url):
        for send in (
            lambda: client.get("/sparql", params={"query": query}),
            lambda: client.post(
                "/sparql", content=query.encode(), headers={"Content-Type": "application/sparql-query"}
            ),
        ):
            r = abuse(client, "SERVICE " + query.split(outside.url)[1].split(">")[0].split(" ")[0], send)
            assert r.status_code == 400 and "SERVICE" in r.text, (query, r.status_code, r.text[:300])
    assert outside.hits == [], f"the service called out: {outside.hits}"


def test_service_in_an_update_is_refused(client, outside):
    update = f"INSERT {{ GRAPH <http://example.org/g> {{ ?s ?p ?o }} }} WHERE {{ ?d ?q ?r .SERVICE <{outside.url}/update> {{ ?s ?p ?o }} }}"
    r = client.post(
        "/update",
        content=update.encode(),
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}"},
    )
    assert r.status_code == 400, (r.status_code, r.text[:300])
    assert outside.hits == [], f"the service called out: {outside.hits}"


def one_line_injection(url: str, tag: str) -> str:
    """Closes ``{ <IRI> ?p ?o }`` and comments out the rest of its line."""
    return f"https://w3id.org/vankien/id/body/bo-chinh-tri> ?q ?r . SERVICE <{url}/{tag}> {{ ?p ?b ?c }} }} #"


def bind_injection(url: str, tag: str) -> str:
    """Fits ``BIND(<IRI> AS ?d)`` (graph_api.trace.find_documents)."""
    return f"http://x.invalid/> AS ?z) SERVICE <{url}/{tag}> {{ ?a ?b ?c }} BIND(<http://y.invalid/"


@pytest.mark.parametrize(
    "path, inject",
    [
        ("/view/flow/", one_line_injection),
        ("/view/document/", one_line_injection),
        ("/view/meeting/", one_line_injection),
        ("/api/trace/", bind_injection),
        ("/api/serves/", bind_injection),
        ("/api/coverage/", bind_injection),
    ],
)
def test_urls_cannot_inject_sparql(client, outside, path, inject):
    """A document IRI in a URL is a value, never query text (here: an injected SERVICE call)."""
    tag = path.strip("/").replace("/", "-")
    r = abuse(
        client, f"injection {path}", lambda: client.get(path + urllib.parse.quote(inject(outside.url, tag), safe=""))
    )
    called = [h for h in outside.hits if tag in h[1]]
    assert not called, f"{path} called out: {called}"
    assert r.status_code in (400, 404), (r.status_code, r.text[:300])


# -- writes need the token; bodies are capped -------------------------------------------------------------
INSERT = "INSERT DATA { GRAPH <http://example.org/abuse> { <http://example.org/a> <http://example.org/p> 'x' } }"


@pytest.mark.parametrize(
    "auth", [None, "Bearer wrong", f"Basic {TOKEN}", f"Bearer {TOKEN[:-1]}", "Bearer", f"bearer  {TOKEN} x"]
)
def test_updates_without_the_token_are_401(client, auth):
    headers = {"Authorization": auth} if auth else {}
    for name, send in {
        "update": lambda: client.post(
            "/update", content=INSERT, headers={"Content-Type": "application/sparql-update", **headers}
        ),
        "sparql form": lambda: client.post("/sparql", data={"update": INSERT}, headers=headers),
        "GSP PUT": lambda: client.put(
            "/graph",
            params={"graph": "http://example.org/abuse"},
            content=b"<http://x/s> <http://x/p> 1 .",
            headers={"Content-Type": "text/turtle", **headers},
        ),
        "GSP DELETE": lambda: client.delete(
            "/graph", params={"graph": "https://w3id.org/vankien/graph/reference"}, headers=headers
        ),
    }.items():
        r = abuse(client, f"{name} with {auth!r}", send)
        assert r.status_code == 401, (name, auth, r.status_code, r.text[:200])
        assert TOKEN not in r.text
    r = client.get("/sparql", params={"query": "ASK { GRAPH <http://example.org/abuse> { ?s ?p ?o } }"})
    assert '"boolean":false' in r.text
    assert next_request(client) < NEXT_WITHIN


def test_oversized_bodies_are_413(client):
    big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * (MAX_BODY + 1)
    r = abuse(
        client,
        "oversized query body",
        lambda: client.post("/sparql", content=big, headers={"Content-Type": "application/sparql-query"}),
    )
    assert r.status_code == 413
    chunks = (b"x" * 65536 for _ in range(MAX_BODY // 65536 + 2))  # chunked: no Content-Length
    r = abuse(
        client,
        "oversized chunked body",
        lambda: client.post("/sparql", content=chunks, headers={"Content-Type": "application/sparql-query"}),
    )
    assert r.status_code == 413
    r = abuse(
        client,
        "oversized GSP PUT",
        lambda: client.put(
            "/graph",
            params={"graph": "http://example.org/abuse"},
            content=b"#" * (MAX_BODY + 1),
            headers={"Content-Type": "text/turtle", "Authorization": f"Bearer {TOKEN}"},
        ),
    )
    assert r.status_code == 413
    r = abuse(client, "oversized form", lambda: client.post("/sparql", data={"query": "ASK {} #" + "x" * MAX_BODY}))
    assert r.status_code == 413


def test_many_distinct_large_queries_do_not_grow_the_server(client, server):
    """Queries up to the body limit are accepted; the server keeps at most its answer cache
    (``VANKIEN_CACHE_BYTES``, 64 MiB by default), not every query it saw (caches bounded by count, not bytes)."""
    import psutil
    from graph_api.http.settings import Settings

    main = psutil.Process(PIDS[server])  # Granian: the HTTP workers are its children (the store host and owner aside)
    workers = [main, *(c for c in main.children() if "graph_api.store" not in " ".join(c.cmdline()))]

    def rss() -> int:
        return sum(p.memory_info().rss for p in workers)

    before = rss()
    n = 300
    for i in range(n):
        q = f"ASK {{ }} # {i} " + "x" * (MAX_BODY - 100)
        r = client.post("/sparql", content=q.encode(), headers={"Content-Type": "application/sparql-query"})
        assert r.status_code == 200
    grown = (rss() - before) / 1024 / 1024
    allowed = Settings().cache_bytes / 1024 / 1024 + 50
    assert grown < allowed, (
        f"the server grew by {grown:.0f} MiB after {n} distinct 1 MB queries (allowed {allowed:.0f})"
    )
    assert next_request(client) < NEXT_WITHIN


# -- paths and headers -----------------------------------------------------------------------------------
TRAVERSALS = [
    "/id/../../etc/passwd",
    "/id/%2e%2e/%2e%2e/etc/passwd",
    "/id/doc/..%2f..%2f..%2fetc%2fpasswd",
    "/id/%00",
    "/view/flow/..%2F..%2F",
    "/view/flow/..%2F..%2F..%2Fetc%2Fpasswd",
    "/view/flow/../../etc/passwd",
    "/view/flow/file:%2F%2F%2Fetc%2Fpasswd",
    "/view/document/..%2F..%2Fetc%2Fpasswd",
    "/view/meeting/..%2F..%2Fetc",
    "/view/province/..%2F..%2Fetc%2Fpasswd",
    "/view/static/..%2F..%2F..%2Fgraph_api%2Fsettings.py",
    "/view/static/../../../etc/passwd",
    "/view/static/%2e%2e%2fviews.py",
    "/api/documents/..%2F..%2Fetc%2Fpasswd",
]


@pytest.mark.parametrize("path", TRAVERSALS)
def test_path_traversal_is_4xx_and_reads_no_file(client, server, path):
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)  # the path exactly as written
    started = time.monotonic()
    conn.request("GET", path)
    response = conn.getresponse()
    body = response.read()
    conn.close()
    MEASURED["traversal " + path] = (response.status, time.monotonic() - started, next_request(client))
    assert response.status in (400, 404, 422), (path, response.status, body[:200])
    assert b"root:" not in body and b"update_token" not in body and b"import " not in body


ACCEPTS = [
    "",
    "*/*;q=abc",
    "text/html;q=2",
    "////",
    "application/sparql-results+json;;;q=",
    "x" * 8000,
    "text/turtle;q=0, */*;q=0",
    "é/é",
    "*/*;q=NaN",
    "application/*;q=-1",
    ",,,,",
    "text/turtle;q=0.5;q=2",
    "*/*" + ";a=b" * 500,
]


@pytest.mark.parametrize("accept", ACCEPTS)
def test_malformed_accept_headers_never_give_5xx(client, accept):
    for path in (
        "/sparql?query=ASK%7B%7D",
        "/sparql?query=CONSTRUCT%7B?s?p?o%7DWHERE%7B?s?p?o%7DLIMIT%201",
        "/id/doc/tw/kl/2021/21",
        "/void",
        "/sparql",
        "/api/documents",
        "/view/citations",
    ):
        r = client.get(path, headers={"Accept": accept.encode("utf-8")})
        assert r.status_code in (200, 303, 406), (path, accept, r.status_code, r.text[:200])
    assert next_request(client) < NEXT_WITHIN


def test_oversized_request_line_and_headers_are_4xx(client, server):
    r = abuse(
        client,
        "100 KB header",
        lambda: client.get("/sparql", params={"query": "ASK {}"}, headers={"X-Big": "a" * 100_000}),
    )
    assert r.status_code < 500
    host, port = server.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=30)
    conn.request("GET", "/sparql?query=ASK%7B%7D%23" + "x" * 200_000)
    status = conn.getresponse().status
    conn.close()
    assert 400 <= status < 500
    assert next_request(client) < NEXT_WITHIN
