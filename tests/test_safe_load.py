"""Issue 18: ``LOAD`` is off unless configured, reads only allowed folders and hosts, refuses loopback, private and
link-local addresses after DNS resolution and at every redirect, within size and time limits — against a real
``vankien serve``. Local HTTP servers stand for the sources; the refused one records every request it gets and
must get none."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from w3c_runner import TOKEN, vankien_serve

UPDATE = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"}
TURTLE = b"<http://example.org/loaded> <http://example.org/p> 'from the source' .\n"


class Source:
    """A local HTTP server: /data.ttl, /big.ttl, /slow.ttl, /redirect?to=URL; records every request."""

    def __init__(self) -> None:
        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                hits.append(self.path)
                if self.path.startswith("/redirect?to="):
                    self.send_response(302)
                    self.send_header("Location", self.path.partition("=")[2])
                    self.end_headers()
                    return
                if self.path == "/slow.ttl":
                    threading.Event().wait(4)  # a source that answers late: past the 1.5 s limit
                body = TURTLE * (500 if self.path == "/big.ttl" else 1)
                self.send_response(200)
                self.send_header("Content-Type", "text/turtle")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_port
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture(scope="module")
def sources() -> Iterator[tuple[Source, Source]]:
    allowed, refused = Source(), Source()
    yield allowed, refused
    allowed.close()
    refused.close()


@pytest.fixture(scope="module")
def folders(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    allowed = tmp_path_factory.mktemp("allowed")
    outside = tmp_path_factory.mktemp("outside")
    (allowed / "data.ttl").write_bytes(TURTLE)
    (outside / "secret.ttl").write_bytes(b"<http://example.org/secret> <http://example.org/p> 'secret' .\n")
    (allowed / "link.ttl").symlink_to(outside / "secret.ttl")
    return allowed, outside


@pytest.fixture(scope="module")
def url(
    tmp_path_factory: pytest.TempPathFactory, sources: tuple[Source, Source], folders: tuple[Path, Path]
) -> Iterator[str]:
    allowed, refused = sources
    allow = f"{folders[0]},http://127.0.0.1:{allowed.port},http://localhost:{refused.port}"
    env = {"VANKIEN_LOAD_ALLOW": allow, "VANKIEN_LOAD_MAX_BYTES": "4096", "VANKIEN_LOAD_TIMEOUT": "1.5"}
    with vankien_serve(tmp_path_factory.mktemp("safe-load"), env=env) as url:
        yield url


def load(url: str, update: str) -> httpx.Response:
    return httpx.post(f"{url}/update", content=update.encode(), headers=UPDATE, timeout=30)


def ask(url: str, pattern: str) -> bool:
    r = httpx.get(
        f"{url}/sparql", params={"query": f"ASK {{ {pattern} }}"}, headers={"Accept": "application/sparql-results+json"}
    )
    return json.loads(r.content)["boolean"]


def test_loopback_by_address_not_allowed(url: str, sources: tuple[Source, Source]) -> None:
    refused = sources[1]
    r = load(url, f"LOAD <http://127.0.0.1:{refused.port}/data.ttl>")
    assert r.status_code == 403 and "not in the hosts LOAD may read" in r.text
    assert refused.hits == []


def test_loopback_after_dns_resolution(url: str, sources: tuple[Source, Source]) -> None:
    """``localhost`` is on the allow-list, but it resolves to a loopback address."""
    refused = sources[1]
    r = load(url, f"LOAD <http://localhost:{refused.port}/data.ttl> INTO GRAPH <http://example.org/g>")
    assert r.status_code == 403 and "loopback" in r.text
    assert refused.hits == []


@pytest.mark.parametrize(
    "source",
    [
        "http://10.1.2.3/data.ttl",
        "http://192.168.1.1/data.ttl",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/x",
        "http://0.0.0.0/x",
    ],
)
def test_private_addresses_refused_without_a_connection(url: str, source: str) -> None:
    r = load(url, f"LOAD <{source}>")
    assert r.status_code == 403 and "not in the hosts LOAD may read" in r.text, r.text  # refused before connecting


def test_redirect_to_a_refused_address(url: str, sources: tuple[Source, Source]) -> None:
    allowed, refused = sources
    for target, reason in (
        (f"http://localhost:{refused.port}/data.ttl", "loopback"),
        (f"http://127.0.0.1:{refused.port}/data.ttl", "not in the hosts"),
        ("http://169.254.169.254/latest/meta-data/", "not in the hosts"),
    ):
        before = len(allowed.hits)
        r = load(url, f"LOAD <http://127.0.0.1:{allowed.port}/redirect?to={target}>")
        assert r.status_code == 403 and reason in r.text, r.text
        assert len(allowed.hits) == before + 1  # the first hop was fetched, the second refused
    assert refused.hits == []


def test_file_outside_the_allowed_folders(url: str, folders: tuple[Path, Path]) -> None:
    allowed, outside = folders
    for source in (
        f"file://{outside}/secret.ttl",
        "file:///etc/passwd",
        f"file://{allowed}/link.ttl",
        f"file://{allowed}/../{outside.name}/secret.ttl",
    ):
        r = load(url, f"LOAD <{source}>")
        assert r.status_code == 403 and "outside the folders" in r.text, (source, r.text)
    assert not ask(url, "?s ?p 'secret'")


def test_allowed_sources_are_loaded(url: str, sources: tuple[Source, Source], folders: tuple[Path, Path]) -> None:
    allowed = sources[0]
    r = load(url, f"LOAD <file://{folders[0]}/data.ttl> INTO GRAPH <http://example.org/from-file>")
    assert r.status_code == 204, r.text
    assert ask(url, "GRAPH <http://example.org/from-file> { <http://example.org/loaded> ?p ?o }")
    r = load(url, f"LOAD <http://127.0.0.1:{allowed.port}/data.ttl> INTO GRAPH <http://example.org/from-http>")
    assert r.status_code == 204, r.text
    assert ask(url, "GRAPH <http://example.org/from-http> { <http://example.org/loaded> ?p ?o }")


def test_size_and_time_limits(url: str, sources: tuple[Source, Source]) -> None:
    allowed = sources[0]
    r = load(url, f"LOAD <http://127.0.0.1:{allowed.port}/big.ttl>")
    assert r.status_code == 413 and "larger than the limit" in r.text
    started = time.monotonic()
    r = load(url, f"LOAD <http://127.0.0.1:{allowed.port}/slow.ttl>")
    assert r.status_code == 504 and "longer than" in r.text
    assert time.monotonic() - started < 3.5


def test_silent_load_of_a_refused_source(url: str, sources: tuple[Source, Source]) -> None:
    r = load(url, f"LOAD SILENT <http://127.0.0.1:{sources[1].port}/data.ttl>")
    assert r.status_code == 204
    assert sources[1].hits == []


def test_load_is_off_unless_configured(tmp_path: Path, sources: tuple[Source, Source]) -> None:
    allowed = sources[0]
    before = len(allowed.hits)
    with vankien_serve(tmp_path, env={"VANKIEN_LOAD_ALLOW": ""}) as url:
        r = load(url, f"LOAD <http://127.0.0.1:{allowed.port}/data.ttl>")
        assert r.status_code == 403 and "LOAD is off" in r.text
        r = load(
            url,
            "INSERT DATA { <http://example.org/a> <http://example.org/b> 1 } ;\n"
            f"# a comment\n load <http://127.0.0.1:{allowed.port}/data.ttl>",
        )
        assert r.status_code == 403
        assert not ask(url, "<http://example.org/a> ?p ?o")  # the request is refused whole
    assert len(allowed.hits) == before


def test_address_rules() -> None:
    from graph_api.store.safe_load import refused_address

    assert [
        refused_address(a)
        for a in (
            "127.0.0.53",
            "10.0.0.1",
            "172.16.5.4",
            "192.168.0.1",
            "169.254.1.1",
            "100.64.0.1",
            "::1",
            "fe80::1",
            "fc00::1",
            "::ffff:127.0.0.1",
            "0.0.0.0",
            "224.0.0.1",
        )
    ] == [
        "loopback",
        "private",
        "private",
        "private",
        "link-local",
        "carrier-grade NAT",
        "loopback",
        "link-local",
        "private",
        "loopback",
        "unspecified",
        "multicast",
    ]
    assert (
        refused_address("93.184.215.14") is None and refused_address("2606:2800:21f:cb07:6820:80da:af6b:8b2c") is None
    )


def test_dns_answers_are_checked() -> None:
    from graph_api.store.safe_load import Loader, LoadPolicy, LoadRefused

    policy = LoadPolicy.parse("https://data.example.org/rdf/")
    public = Loader(policy, resolver=lambda host, port: ["93.184.215.14"])
    assert public.check_url("https://data.example.org/rdf/a.ttl")[1] == "93.184.215.14"
    rebinding = Loader(policy, resolver=lambda host, port: ["93.184.215.14", "10.0.0.7"])
    with pytest.raises(LoadRefused, match="10.0.0.7, a private address"):
        rebinding.check_url("https://data.example.org/rdf/a.ttl")
    with pytest.raises(LoadRefused, match="not in the hosts"):
        public.check_url("https://data.example.org/other/a.ttl")
    with pytest.raises(LoadRefused, match="not in the hosts"):
        public.check_url("http://data.example.org/rdf/a.ttl")  # another scheme
    with pytest.raises(LoadRefused, match="credentials"):
        public.check_url("https://user:pw@data.example.org/rdf/a.ttl")
