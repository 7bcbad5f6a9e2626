"""Runs the W3C Protocol and Graph Store Protocol cases (``tests/w3c/*_cases.py``) against a real ``vankien serve``.

Each case starts from an empty store (``DROP ALL``), loads the manifest's ``ut:graphData`` into named graphs, then
sends its requests in order, byte for byte as the manifest writes them (``http.client``: no client normalises the
path or adds headers), with the update token added to every request. Paths of the manifests map onto the service:
``/sparql/…`` → ``/sparql…``, ``/gsp…`` → ``/graph…``. A response must have one of the expected statuses and, when
the manifest says so, the expected boolean, kind of format, headers (``Content-Type``) and body (isomorphic RDF);
``$LOCATION$`` is replaced by a ``Location`` answered earlier in the same case.

Known deviations are listed, each with the section of the spec that justifies it, in ``tests/w3c/deviations.py``;
such a case must still fail in the documented way (so the list stays true). Outcomes are written to
``test-artifacts/w3c/{suite}.json``; ``python tests/w3c/report.py`` turns them into ``docs/w3c-results.md``.
"""

from __future__ import annotations

import contextlib
import http.client
import json
import os
import subprocess
import socket
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from api_fixtures import running
from w3c.deviations import DEVIATIONS

ROOT = Path(__file__).resolve().parents[1]
W3C = Path(__file__).resolve().parent / "w3c"
VANKIEN = Path(sys.executable).parent / "vankien"
TOKEN = "w3c-token-4b1f"
ARTIFACTS = ROOT / "test-artifacts" / "w3c"
RESULT_TYPES = {
    "boolean": {"application/sparql-results+json", "application/sparql-results+xml"},
    "tabular": {
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    },
    "RDF": {"application/rdf+xml", "text/turtle", "application/n-triples"},
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def vankien_serve(folder: Path, env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> Iterator[str]:
    """``vankien serve`` on a fresh on-disk store in ``folder`` with an update token; yields its URL."""
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    store = f"oxigraph:{folder / 'store'}"
    subprocess.run([str(VANKIEN), "init", "--store", store], check=True, capture_output=True)  # only init/load create one
    cmd = [str(VANKIEN), "serve", "--store", store, "--port", str(port), *args]
    environment = {**os.environ, "VANKIEN_UPDATE_TOKEN": TOKEN, **(env or {})}
    with running(cmd, url, folder / "server.log", environment):
        yield url


def request(
    url: str, method: str, path: str, headers: dict[str, str] | None = None, body: bytes | None = None
) -> tuple[int, dict[str, str], bytes]:
    """One raw HTTP request; (status, headers with lower-case names, body)."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=60)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        resp = conn.getresponse()
        return resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
    finally:
        conn.close()


def reset(url: str) -> None:
    status, _, body = request(
        url,
        "POST",
        "/update",
        {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/sparql-update"},
        b"DROP ALL",
    )
    assert status == 204, body


def load(url: str, graph_data: list[list[str]], folder: Path) -> None:
    from urllib.parse import quote

    for filename, graph in graph_data:
        status, _, body = request(
            url,
            "PUT",
            f"/graph?graph={quote(graph, safe='')}",
            {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/n-triples"},
            (folder / filename).read_bytes(),
        )
        assert status in (201, 204), body


def service_path(path: str) -> str:
    if path.startswith("/sparql/"):
        return (
            "/sparql" + path[len("/sparql/") :]
            if path[len("/sparql/") :].startswith("?") or path == "/sparql/"
            else "/sparql/" + path[len("/sparql/") :]
        )
    if path.startswith("/gsp"):
        return "/graph" + path[len("/gsp") :]
    return path


def _status_ok(status: int, expected: list[str]) -> bool:
    return any(str(status) == e or (e.endswith("xx") and str(status)[0] == e[0]) for e in expected)


def _boolean(content_type: str, body: bytes) -> bool | None:
    media = content_type.split(";")[0].strip()
    if media == "application/sparql-results+json":
        return json.loads(body).get("boolean")
    if media == "application/sparql-results+xml":
        node = ET.fromstring(body).find("{http://www.w3.org/2005/sparql-results#}boolean")
        return None if node is None else node.text == "true"
    return None


def _isomorphic(got: bytes, got_type: str, expected: str, base: str) -> bool:
    import rdflib
    from rdflib.compare import isomorphic

    formats = {
        "text/turtle": "turtle",
        "application/n-triples": "nt",
        "application/rdf+xml": "xml",
        "application/ld+json": "json-ld",
    }
    mine = rdflib.Graph().parse(data=got, format=formats.get(got_type.split(";")[0].strip(), "turtle"), publicID=base)
    theirs = rdflib.Graph().parse(data=expected, format="turtle", publicID=base)
    return isomorphic(mine, theirs)


def run_case(url: str, case: dict) -> list[str]:
    """Run one case; the list of what did not match (empty: passed)."""
    reset(url)
    load(url, case["graph_data"], W3C / Path(case["manifest"]).parent)
    problems: list[str] = []
    location = None
    for n, req in enumerate(case["requests"], 1):
        path = req["path"]
        body = None
        if req["body"] is not None:
            chars = req["body"]["chars"]
            if location:
                chars = chars.replace("$LOCATION$", location)
            body = chars.encode(req["body"]["encoding"].lower())
        if location:
            path = path.replace("$LOCATION$", location)
        headers = {name: value for name, value in req["headers"]}
        headers["Authorization"] = f"Bearer {TOKEN}"
        status, got_headers, got_body = request(url, req["method"], service_path(path), headers, body)
        expect = req["expect"]
        where = f"request {n} ({req['method']} {path[:60]})"
        if not _status_ok(status, expect["status"]):
            problems.append(
                f"{where}: status {status}, expected {'/'.join(expect['status'])}: "
                f"{got_body[:200].decode('utf-8', 'replace')}"
            )
            continue
        content_type = got_headers.get("content-type", "")
        if expect["format"] and content_type.split(";")[0].strip() not in RESULT_TYPES[expect["format"]]:
            problems.append(f"{where}: Content-Type {content_type!r} is not a {expect['format']} format")
        if expect["boolean"] is not None and _boolean(content_type, got_body) != expect["boolean"]:
            problems.append(f"{where}: expected the boolean {expect['boolean']}, got {got_body[:200]!r}")
        for name, value in expect["headers"]:
            if got_headers.get(name.lower(), "").replace(" ", "").lower() != value.replace(" ", "").lower():
                problems.append(f"{where}: header {name}: {got_headers.get(name.lower())!r}, expected {value!r}")
        if expect["body"] is not None and req["method"] != "HEAD":
            try:
                if not _isomorphic(got_body, content_type, expect["body"]["chars"], url + service_path(path)):
                    problems.append(f"{where}: the graph differs from the expected one: {got_body[:300]!r}")
            except Exception as e:  # noqa: BLE001 - reported as a problem of the case
                problems.append(f"{where}: the body could not be compared: {e}")
        if expect["location"]:
            location = got_headers.get("location")
            if not location:
                problems.append(f"{where}: no Location header")
    return problems


def check_case(url: str, case: dict, outcomes: dict[str, dict]) -> None:
    """Run ``case``, note its outcome for :func:`record`, and assert it passes (or, if it is a listed
    deviation, that it still fails: a deviation that passes must come off ``tests/w3c/deviations.py``)."""
    problems = run_case(url, case)
    outcomes[case["id"]] = {"name": case["name"], "manifest": case["manifest"], "problems": problems}
    if case["id"] in DEVIATIONS:
        assert problems, f"{case['id']} passes now: take it off tests/w3c/deviations.py"
    else:
        assert not problems, "\n".join(problems)


def record(suite: str, outcomes: dict[str, dict]) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{suite}.json").write_text(json.dumps(outcomes, indent=1, ensure_ascii=False), encoding="utf-8")
