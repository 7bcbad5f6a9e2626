"""Fixtures of the HTTP service tests: a small on-disk store that follows the data model contract,
and a real uvicorn server on a free port of 127.0.0.1 (in a thread of the test process; the store
itself is owned by the service's worker process).
"""

from __future__ import annotations

import contextlib
import gc
import re
import signal
import socket
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

import pytest
import uvicorn
from pyoxigraph import RdfFormat, Store

from graph_api.http.app import create_app
from graph_api.http.settings import Settings
from waiting import answers, wait_until

ROOT = Path(__file__).resolve().parent.parent

BASE = "https://w3id.org/vankien/"
TOKEN = "test-token-9f2c"
BIG_GRAPH = "http://example.org/big"
BIG_SIZE = 3000

FIXTURE_TRIG = """
@prefix vk: <https://w3id.org/vankien/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

g:reference {
  id:province/tuyen-quang a vk:Province ; rdfs:label "Tuyên Quang"@vi .
  id:province/lai-chau a vk:Province ; rdfs:label "Lai Châu"@vi .
  id:body/bo-chinh-tri a org:Organization ; skos:prefLabel "Bộ Chính trị"@vi ; vk:level id:level/central .
  id:body/tuyen-quang/ban-thuong-vu-tinh-uy a org:Organization ; skos:prefLabel "Ban Thường vụ Tỉnh ủy"@vi ;
      vk:province id:province/tuyen-quang .
  id:body/tuyen-quang/so-noi-vu a org:Organization ; skos:prefLabel "Sở Nội vụ"@vi ;
      vk:province id:province/tuyen-quang .
  id:doc/tw/kl/2021/21 a eli:LegalResource ; dcterms:type id:doctype/conclusion ;
      eli:type_document id:doctype/conclusion ; eli:id_local "21-KL/TW" ; vk:year 2021 ;
      eli:date_document "2021-10-25"^^xsd:date ; eli:passed_by id:body/bo-chinh-tri ;
      eli:title "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"@vi ; vk:level id:level/central .
}

g:doc/kh-147-tu {
  id:doc/tuyen-quang/tu/kh/2021/147 a eli:LegalResource, vk:SourceDocument ; dcterms:type id:doctype/plan ;
      eli:type_document id:doctype/plan ; eli:id_local "147-KH/TU" ; vk:year 2021 ;
      eli:date_document "2021-12-20"^^xsd:date ; eli:passed_by id:body/tuyen-quang/ban-thuong-vu-tinh-uy ;
      eli:title "thực hiện Kết luận số 21-KL/TW về xây dựng, chỉnh đốn Đảng"@vi ;
      vk:level id:level/provincial ; vk:province id:province/tuyen-quang ; vk:sourceFile "kh-147-tu.docx" ;
      eli:implements id:doc/tw/kl/2021/21 ; eli:cites id:doc/tw/kl/2021/21 .
  id:doc/tuyen-quang/tu/kh/2021/147/task/1 a vk:Task ; eli:is_part_of id:doc/tuyen-quang/tu/kh/2021/147 ;
      vk:position 1 ; vk:text "Tổ chức quán triệt Kết luận số 21-KL/TW"@vi ;
      vk:leadBody id:body/tuyen-quang/ban-thuong-vu-tinh-uy ; vk:deadline "2022-03-31"^^xsd:date ;
      eli:implements id:doc/tw/kl/2021/21 .
  id:doc/tuyen-quang/tu/kh/2021/147/task/2 a vk:Task ; eli:is_part_of id:doc/tuyen-quang/tu/kh/2021/147 ;
      vk:position 2 ; vk:text "Rà soát, sắp xếp tổ chức bộ máy"@vi ; vk:leadBody id:body/tuyen-quang/so-noi-vu ;
      vk:partnerBody id:body/tuyen-quang/ban-thuong-vu-tinh-uy ; vk:ongoing true .
  id:doc/tuyen-quang/tu/kh/2021/147/evidence/1 a vk:Evidence, rdf:Statement, prov:Entity ;
      rdf:subject id:doc/tuyen-quang/tu/kh/2021/147 ; rdf:predicate eli:implements ;
      rdf:object id:doc/tw/kl/2021/21 ; prov:wasDerivedFrom id:doc/tuyen-quang/tu/kh/2021/147 ;
      vk:startOffset 10 ; vk:endOffset 80 ;
      vk:quote "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị"@vi .
}

g:doc/kl-05-lai-chau {
  id:doc/lai-chau/tu/kl/2022/5 a eli:LegalResource, vk:SourceDocument ; dcterms:type id:doctype/conclusion ;
      eli:id_local "05-KL/TU" ; vk:year 2022 ; vk:province id:province/lai-chau ;
      eli:title "về công tác cán bộ"@vi ; eli:based_on id:doc/tw/kl/2021/21 .
}
"""


FIXTURE_TRIG = re.sub(
    r"(?<![\w:])(id|g):([A-Za-z0-9/_-]+)", lambda m: f"<{BASE}{'id' if m[1] == 'id' else 'graph'}/{m[2]}>", FIXTURE_TRIG
)


def big_graph_ntriples(n: int = BIG_SIZE) -> str:
    """A chain of ``n`` triples for the runaway-query and row-cap tests."""
    return "".join(
        f"<http://example.org/n{i}> <http://example.org/next> <http://example.org/n{i + 1}> <{BIG_GRAPH}> .\n"
        for i in range(n)
    )


def fill_store(path: Path, *, big: bool = True) -> None:
    """Write the fixture into an on-disk store at ``path`` and close it (the server opens it next)."""
    store = Store(str(path))
    store.load(FIXTURE_TRIG.encode(), format=RdfFormat.TRIG)
    if big:
        store.load(big_graph_ntriples().encode(), format=RdfFormat.N_QUADS)
    store.flush()
    del store
    gc.collect()


def fixture_dataset(*, big: bool = True) -> Store:
    """The same data in an in-memory store, to compute expected values independently of the service."""
    store = Store()
    store.load(FIXTURE_TRIG.encode(), format=RdfFormat.TRIG)
    if big:
        store.load(big_graph_ntriples().encode(), format=RdfFormat.N_QUADS)
    return store


@dataclass
class Server:
    url: str
    app: object
    server: uvicorn.Server
    thread: threading.Thread

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def start_server(store_spec: str, settings: Settings, **kwargs: object) -> Server:
    """uvicorn with the app on a free port of 127.0.0.1, in a thread; returns once it accepts requests."""
    app = create_app(store_spec, settings=settings, include_optional=False, **kwargs)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()

    def started() -> bool:
        if not thread.is_alive():
            raise RuntimeError("the test server did not start")
        return bool(server.started)

    wait_until(started, timeout=30, what="the test server starting", interval=0.02)
    return Server(f"http://127.0.0.1:{port}", app, server, thread)


TEST_SETTINGS = Settings(
    base=BASE,
    update_token=TOKEN,
    query_timeout=2.0,
    update_timeout=10.0,
    max_rows=500,
    max_concurrent=4,
    queue_timeout=5.0,
    max_body_bytes=64 * 1024,
)


@pytest.fixture(scope="module")
def queries_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("queries")
    (folder / "documents.rq").write_text(
        "# Documents and their symbols\nSELECT ?doc ?symbol WHERE { ?doc eli:id_local ?symbol } ORDER BY ?symbol\n",
        encoding="utf-8",
    )
    return folder


@pytest.fixture(scope="module")
def api_server(tmp_path_factory: pytest.TempPathFactory, queries_dir: Path) -> Iterator[Server]:
    """A writable service (token ``TOKEN``) over an on-disk fixture store, 2 s query limit, 500-row cap."""
    path = tmp_path_factory.mktemp("store") / "oxigraph"
    fill_store(path)
    server = start_server(f"oxigraph:{path}", replace(TEST_SETTINGS, queries_dir=queries_dir))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def readonly_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """A read-only service (no token configured) over its own on-disk fixture store (without the big graph)."""
    path = tmp_path_factory.mktemp("store-ro") / "oxigraph"
    fill_store(path, big=False)
    server = start_server(f"oxigraph:{path}", replace(TEST_SETTINGS, update_token=None))
    yield server
    server.stop()


@contextlib.contextmanager
def running(cmd: list[str], url: str, log: Path, env: dict[str, str]) -> Iterator[subprocess.Popen]:
    """Run a server command (output to ``log``) until ``url``/health answers; SIGINT it (then kill) on exit."""
    with open(log, "w") as out:
        p = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT, env=env, cwd=ROOT)
    try:

        def up() -> bool:
            assert p.poll() is None, log.read_text()[-3000:]
            return answers(url + "/health")

        wait_until(up, timeout=60, what="the server answering /health", interval=0.2)
        yield p
    finally:
        p.send_signal(signal.SIGINT)
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()


def run_schemathesis(url: str, cwd: Path, *options: str, max_examples: int, timeout: float) -> tuple[int, int, str]:
    """Schemathesis over ``url``'s OpenAPI schema (seeded, no example database, every health check but
    ``filter_too_much``): (generated, passed, output); fails the test on a non-zero exit."""
    proc = subprocess.run(
        [
            str(Path(sys.executable).parent / "schemathesis"),
            "run",
            url + "/openapi.json",
            *options,
            "--max-examples",
            str(max_examples),
            "--seed",
            "1",
            "--request-timeout",
            "20",
            "--suppress-health-check",
            "filter_too_much",
            "--generation-database",
            "none",
            "--no-color",
        ],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    counts = re.search(r"(\d+) generated, (\d+) passed", proc.stdout)
    assert counts, proc.stdout[-2000:]
    return int(counts[1]), int(counts[2]), proc.stdout
