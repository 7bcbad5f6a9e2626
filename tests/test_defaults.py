"""Safe defaults of the service: ``vankien serve`` listens on 127.0.0.1 only, is read-only without an
update token, and the token never appears in its logs (access log on, debug level, updates sent with
the token, refused and failed ones too)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import httpx
import psutil
import pytest

from api_fixtures import running
from graph_api.store import Literal, NamedNode, Triple, open_store

ROOT = Path(__file__).resolve().parents[1]
VANKIEN = Path(sys.executable).parent / "vankien"
TOKEN = "s3cret-Tok3n-never-logged-51c0"
G = "http://example.org/defaults"
INSERT = f"INSERT DATA {{ GRAPH <{G}> {{ <http://example.org/a> <http://example.org/p> 'x' }} }}"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def environment(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("VANKIEN_")}
    return {**env, **extra}


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("defaults") / "store"
    s = open_store(f"oxigraph:{path}")
    s.replace_graph(
        "http://example.org/seed",
        [Triple(NamedNode("http://example.org/s"), NamedNode("http://example.org/p"), Literal("1"))],
    )
    s.close()
    return path


def other_addresses() -> list[str]:
    """IPv4 addresses of this machine other than loopback."""
    return [
        a.address
        for addrs in psutil.net_if_addrs().values()
        for a in addrs
        if a.family == socket.AF_INET and not a.address.startswith("127.")
    ]


def test_serve_binds_loopback_and_is_read_only_by_default(store, tmp_path):
    port = free_port()
    with running(
        [str(VANKIEN), "serve", "--store", f"oxigraph:{store}", "--port", str(port)],
        f"http://127.0.0.1:{port}",
        tmp_path / "serve.log",
        environment(),
    ) as p:
        server = psutil.Process(p.pid)  # Granian: the workers hold the listening socket
        listening = [
            c.laddr
            for proc in (server, *server.children(recursive=True))
            for c in proc.net_connections("inet")
            if c.status == psutil.CONN_LISTEN
        ]
        assert listening and {a.ip for a in listening} == {"127.0.0.1"}, listening
        for address in other_addresses():
            with socket.socket() as s, pytest.raises(OSError):
                s.settimeout(2)
                s.connect((address, port))
        url = f"http://127.0.0.1:{port}"
        assert httpx.get(url + "/health").json()["read_only"] is True
        for r in (
            httpx.post(
                url + "/update",
                content=INSERT,
                headers={"Content-Type": "application/sparql-update", "Authorization": "Bearer anything"},
            ),
            httpx.post(url + "/sparql", data={"update": INSERT}),
            httpx.put(
                url + "/graph",
                params={"graph": G},
                content=b"<http://x/s> <http://x/p> 1 .",
                headers={"Content-Type": "text/turtle"},
            ),
            httpx.delete(url + "/graph", params={"graph": "http://example.org/seed"}),
        ):
            assert r.status_code == 403 and "read-only" in r.text, (r.status_code, r.text)
        ask = httpx.get(url + "/sparql", params={"query": "ASK { GRAPH <http://example.org/seed> { ?s ?p ?o } }"})
        assert ask.json()["boolean"] is True
        sd = httpx.get(url + "/sparql", headers={"Accept": "application/n-triples"}).text
        assert "SPARQL11Update" not in sd


def exercise_with_token(url: str) -> None:
    auth = {"Authorization": f"Bearer {TOKEN}"}
    r = httpx.post(url + "/update", content=INSERT, headers={"Content-Type": "application/sparql-update", **auth})
    assert r.status_code == 204, r.text
    r = httpx.put(
        url + "/graph",
        params={"graph": G},
        content=b"<http://x/s> <http://x/p> 1 .",
        headers={"Content-Type": "text/turtle", **auth},
    )
    assert r.status_code in (201, 204), r.text
    r = httpx.post(
        url + "/update", content="INSERT DATA { <broken ", headers={"Content-Type": "application/sparql-update", **auth}
    )
    assert r.status_code == 400
    r = httpx.post(
        url + "/update",
        content=INSERT,
        headers={"Content-Type": "application/sparql-update", "Authorization": f"Bearer {TOKEN}-wrong"},
    )
    assert r.status_code == 401 and TOKEN not in r.text
    r = httpx.post(url + "/sparql", data={"update": INSERT}, headers={"Authorization": f"Basic {TOKEN}"})
    assert r.status_code == 401 and TOKEN not in r.text
    r = httpx.post(
        url + "/update",
        content=b"x" * (17 * 1024 * 1024),
        headers={"Content-Type": "application/sparql-update", **auth},
    )
    assert r.status_code == 413
    for path in ("/health", "/sparql", "/void", "/openapi.json", "/query"):
        assert TOKEN not in httpx.get(url + path, headers={"Accept": "text/turtle, */*"}).text, path


def test_the_token_never_appears_in_the_logs(store, tmp_path):
    """The token from the environment, access log on at debug level (graph_api.app.serve)."""
    port = free_port()
    log = tmp_path / "access.log"
    code = (
        f"from graph_api.http.app import serve; serve('oxigraph:{store}', port={port}, access_log=True, "
        "log_level='debug')"
    )
    with running(
        [sys.executable, "-c", code], f"http://127.0.0.1:{port}", log, environment(VANKIEN_UPDATE_TOKEN=TOKEN)
    ):
        exercise_with_token(f"http://127.0.0.1:{port}")
    text = log.read_text()
    assert '"POST /update HTTP/1.1" 204' in text and '"PUT /graph?graph=' in text, text[-2000:]  # the log was on
    assert TOKEN not in text and TOKEN[:12] not in text


def test_the_token_given_on_the_command_line_is_not_logged(store, tmp_path):
    port = free_port()
    log = tmp_path / "serve.log"
    with running(
        [str(VANKIEN), "serve", "--store", f"oxigraph:{store}", "--port", str(port), "--update-token", TOKEN],
        f"http://127.0.0.1:{port}",
        log,
        environment(),
    ):
        url = f"http://127.0.0.1:{port}"
        assert httpx.get(url + "/health").json()["read_only"] is False
        exercise_with_token(url)
    assert TOKEN not in log.read_text()
