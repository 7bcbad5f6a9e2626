"""Projections, views, analytics and the /view routes of ``visualise``.

The fixture is hand-written Turtle that follows ontology/README.md: a central conclusion
21-KL/TW, the Tuyên Quang plan 147-KH/TU that implements it, a Tuyên Quang conclusion of
2022 (adopted at a meeting, reported by the press) whose tasks implement both, bodies, a
project, and a Thái Nguyên conclusion in a second province.
"""

from __future__ import annotations

import re
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from graph_api.store import open_store
from core.errors import AmbiguousSymbol, NotFound
from visualise import analytics, projections, views
from waiting import answers, wait_until

BASE = "https://w3id.org/vankien/"
ID = BASE + "id/"
C21 = ID + "doc/tw/kl/2021/21"
C01 = ID + "doc/tw/kl/2021/01"
KH147 = ID + "doc/tuyen-quang/tu/kh/2021/147"
KL_TQ = ID + "doc/tuyen-quang/conclusion/2022-07-13/a1b2c3d4e5f6"
KL_TN = ID + "doc/thai-nguyen/conclusion/2024-03-28/0f1e2d3c4b5a"
KH147_TN = ID + "doc/thai-nguyen/tu/kh/2022/147"
PRESS = ID + "doc/tuyen-quang/news-report/2022-07-14/9a8b7c6d5e4f"
MEETING = ID + "meeting/tuyen-quang/ban-chap-hanh-dang-bo-tinh/xvii/10"

FIXTURE_TTL = """
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix vk: <https://w3id.org/vankien/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix id: <https://w3id.org/vankien/id/> .

id:province\\/tuyen-quang a vk:Province ; rdfs:label "Tuyên Quang"@vi .
id:province\\/thai-nguyen a vk:Province ; rdfs:label "Thái Nguyên"@vi .

id:doc\\/tw\\/kl\\/2021\\/21 a eli:LegalResource ; eli:id_local "21-KL/TW" ; vk:year 2021 ;
    eli:date_document "2021-10-25"^^xsd:date ; dcterms:type id:doctype\\/conclusion ;
    eli:type_document id:doctype\\/conclusion ; vk:level id:level\\/central ;
    eli:title "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị"@vi ;
    eli:passed_by id:body\\/ban-chap-hanh-trung-uong .
id:doc\\/tw\\/kl\\/2021\\/01 a eli:LegalResource ; eli:id_local "01-KL/TW" ; vk:year 2021 ;
    dcterms:type id:doctype\\/conclusion ; vk:level id:level\\/central ;
    eli:title "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"@vi .

id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147 a eli:LegalResource, vk:SourceDocument ; eli:id_local "147-KH/TU" ;
    vk:year 2021 ; eli:date_document "2021-12-14"^^xsd:date ; dcterms:type id:doctype\\/plan ;
    vk:level id:level\\/provincial ; vk:province id:province\\/tuyen-quang ;
    eli:title "thực hiện Kết luận số 21-KL/TW"@vi ;
    eli:implements id:doc\\/tw\\/kl\\/2021\\/21 .
id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147\\/task\\/1 a vk:Task ; vk:position 1 ;
    eli:is_part_of id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147 ;
    vk:text "Tổ chức quán triệt Kết luận số 21-KL/TW đến toàn thể cán bộ, đảng viên."@vi ;
    vk:leadBody id:body\\/tuyen-quang\\/ban-tuyen-giao-tinh-uy ; vk:deadline "2022-03-31"^^xsd:date .
id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147\\/evidence\\/1 a vk:Evidence, rdf:Statement, prov:Entity ;
    rdf:subject id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147 ; rdf:predicate eli:implements ;
    rdf:object id:doc\\/tw\\/kl\\/2021\\/21 ; prov:wasDerivedFrom id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147 ;
    vk:quote "Kế hoạch thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương."@vi .

id:meeting\\/tuyen-quang\\/ban-chap-hanh-dang-bo-tinh\\/xvii\\/10 a vk:Meeting ; vk:meetingNumber 10 ;
    vk:term "XVII" ; dcterms:date "2022-07-13"^^xsd:date ; vk:province id:province\\/tuyen-quang ;
    vk:heldBy id:body\\/tuyen-quang\\/ban-chap-hanh-dang-bo-tinh .

id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6 a eli:LegalResource, vk:SourceDocument ;
    vk:year 2022 ; eli:date_document "2022-07-13"^^xsd:date ; dcterms:type id:doctype\\/conclusion ;
    vk:level id:level\\/provincial ; vk:province id:province\\/tuyen-quang ;
    vk:adoptedAt id:meeting\\/tuyen-quang\\/ban-chap-hanh-dang-bo-tinh\\/xvii\\/10 ;
    eli:cites id:doc\\/tuyen-quang\\/tu\\/kh\\/2021\\/147 , id:doc\\/tw\\/kl\\/2021\\/01 .
id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6\\/task\\/1 a vk:Task ; vk:position 1 ;
    eli:is_part_of id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6 ;
    vk:text "Triển khai thực hiện nghiêm túc, hiệu quả Kết luận số 21-KL/TW về đẩy mạnh xây dựng, chỉnh đốn Đảng."@vi ;
    eli:implements id:doc\\/tw\\/kl\\/2021\\/21 , id:doc\\/tw\\/kl\\/2021\\/01 ;
    vk:leadBody id:body\\/tuyen-quang\\/ban-to-chuc-tinh-uy ;
    vk:partnerBody id:body\\/tuyen-quang\\/uy-ban-kiem-tra-tinh-uy ; vk:ongoing true .
id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6\\/evidence\\/1 a vk:Evidence, rdf:Statement, prov:Entity ;
    rdf:subject id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6\\/task\\/1 ;
    rdf:predicate eli:implements ; rdf:object id:doc\\/tw\\/kl\\/2021\\/21 ;
    vk:quote "triển khai thực hiện nghiêm túc, hiệu quả Kết luận số 21-KL/TW của Ban Chấp hành Trung ương Đảng"@vi .
id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6\\/task\\/2 a vk:Task ; vk:position 2 ;
    eli:is_part_of id:doc\\/tuyen-quang\\/conclusion\\/2022-07-13\\/a1b2c3d4e5f6 ;
    vk:text "Đẩy nhanh tiến độ dự án đường cao tốc Tuyên Quang - Hà Giang."@vi ;
    vk:leadBody id:body\\/tuyen-quang\\/uy-ban-nhan-dan-tinh ; vk:deadline "2030-12-31"^^xsd:date ;
    vk:deadlineText "trước năm 2031"@vi ;
    vk:concernsProject id:project\\/tuyen-quang\\/duong-cao-toc-tuyen-quang-ha-giang .
id:doc\\/tuyen-quang\\/news-report\\/2022-07-14\\/9a8b7c6d5e4f a vk:PressReport, vk:SourceDocument ;
    dcterms:type id:doctype\\/news-report ; vk:province id:province\\/tuyen-quang ;
    eli:date_document "2022-07-14"^^xsd:date ;
    vk:reportsOn id:meeting\\/tuyen-quang\\/ban-chap-hanh-dang-bo-tinh\\/xvii\\/10 .

id:doc\\/thai-nguyen\\/tu\\/kh\\/2022\\/147 a eli:LegalResource ; eli:id_local "147-KH/TU" ; vk:year 2022 ;
    dcterms:type id:doctype\\/plan ; vk:level id:level\\/provincial ; vk:province id:province\\/thai-nguyen .
id:doc\\/thai-nguyen\\/conclusion\\/2024-03-28\\/0f1e2d3c4b5a a eli:LegalResource, vk:SourceDocument ;
    vk:year 2024 ; eli:date_document "2024-03-28"^^xsd:date ; dcterms:type id:doctype\\/conclusion ;
    vk:level id:level\\/provincial ; vk:province id:province\\/thai-nguyen ;
    eli:cites id:doc\\/thai-nguyen\\/tu\\/kh\\/2022\\/147 .
id:doc\\/thai-nguyen\\/conclusion\\/2024-03-28\\/0f1e2d3c4b5a\\/task\\/1 a vk:Task ; vk:position 1 ;
    eli:is_part_of id:doc\\/thai-nguyen\\/conclusion\\/2024-03-28\\/0f1e2d3c4b5a ;
    vk:text "Tiếp tục thực hiện Kết luận số 21-KL/TW gắn với chỉnh đốn Đảng."@vi ;
    eli:implements id:doc\\/tw\\/kl\\/2021\\/21 ;
    vk:leadBody id:body\\/thai-nguyen\\/ban-to-chuc-tinh-uy ; vk:deadline "2020-06-30"^^xsd:date .

id:body\\/tuyen-quang\\/ban-tuyen-giao-tinh-uy a org:Organization ; skos:prefLabel "Ban Tuyên giáo Tỉnh ủy"@vi ;
    vk:province id:province\\/tuyen-quang .
id:body\\/tuyen-quang\\/ban-to-chuc-tinh-uy a org:Organization ; skos:prefLabel "Ban Tổ chức Tỉnh ủy"@vi ;
    vk:province id:province\\/tuyen-quang .
id:body\\/tuyen-quang\\/uy-ban-kiem-tra-tinh-uy a org:Organization ; skos:prefLabel "Ủy ban Kiểm tra Tỉnh ủy"@vi ;
    vk:province id:province\\/tuyen-quang .
id:body\\/tuyen-quang\\/uy-ban-nhan-dan-tinh a org:Organization ; skos:prefLabel "Ủy ban nhân dân tỉnh"@vi ;
    vk:province id:province\\/tuyen-quang .
id:body\\/tuyen-quang\\/ban-chap-hanh-dang-bo-tinh a org:Organization ;
    skos:prefLabel "Ban Chấp hành Đảng bộ tỉnh"@vi ; vk:province id:province\\/tuyen-quang .
id:body\\/thai-nguyen\\/ban-to-chuc-tinh-uy a org:Organization ; skos:prefLabel "Ban Tổ chức Tỉnh ủy"@vi ;
    vk:province id:province\\/thai-nguyen .
id:project\\/tuyen-quang\\/duong-cao-toc-tuyen-quang-ha-giang a vk:Project ;
    rdfs:label "Đường cao tốc Tuyên Quang - Hà Giang"@vi ; vk:province id:province\\/tuyen-quang .
"""


def load_fixture(spec: str) -> object:
    """A store (``oxigraph:PATH`` on disk, or ``memory:``) holding the fixture in one named graph."""
    store = open_store(spec)
    store.load_graph(BASE + "graph/doc/fixture", FIXTURE_TTL.encode("utf-8"))
    return store


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = load_fixture(f"oxigraph:{tmp_path_factory.mktemp('store')}")
    yield s
    s.close()


# -- projections ------------------------------------------------------------------------------
def test_resolve_document_by_symbol_iri_and_path(store):
    assert projections.resolve_document(store, "21-KL/TW") == C21
    assert projections.resolve_document(store, " 21-kl/tw ") == C21
    assert projections.resolve_document(store, C21) == C21
    assert projections.resolve_document(store, "doc/tw/kl/2021/21") == C21
    with pytest.raises(NotFound):
        projections.resolve_document(store, "99-KL/TW")
    with pytest.raises(AmbiguousSymbol) as e:
        projections.resolve_document(store, "147-KH/TU")
    assert {c["iri"] for c in e.value.candidates} == {KH147, KH147_TN}
    assert projections.resolve_document(store, "147-KH/TU", year=2021) == KH147
    assert projections.resolve_document(store, "147-KH/TU", province="Thái Nguyên") == KH147_TN


def test_flow_of_21_kl_tw(store):
    g = projections.flow_graph(store, "21-KL/TW")
    assert g.nodes[C21]["kind"] == "central"
    assert g.nodes[KH147]["kind"] == "document"
    assert g.edges[C21, KH147]["relation"] == "implements"
    assert "25/10/2021" in g.edges[C21, KH147]["quote"]
    # second step: the Tuyên Quang conclusion cites the plan (and its task implements 21-KL/TW)
    assert g.edges[KH147, KL_TQ]["relation"] == "cites"
    assert g.edges[C21, KL_TQ + "/task/1"]["relation"] == "task_implements"
    tq_tasks = {KL_TQ + "/task/1", KL_TQ + "/task/2"}
    assert tq_tasks <= set(g)
    assert all(g.nodes[t]["kind"] == "task" and g.has_edge(KL_TQ, t) for t in tq_tasks)
    # bodies and projects below the tasks, with Vietnamese labels
    lead = ID + "body/tuyen-quang/ban-to-chuc-tinh-uy"
    assert g.edges[KL_TQ + "/task/1", lead]["relation"] == "lead"
    assert g.nodes[lead]["label"] == "Ban Tổ chức Tỉnh ủy"
    assert g.edges[KL_TQ + "/task/1", ID + "body/tuyen-quang/uy-ban-kiem-tra-tinh-uy"]["relation"] == "partner"
    proj = ID + "project/tuyen-quang/duong-cao-toc-tuyen-quang-ha-giang"
    assert g.nodes[proj]["kind"] == "project" and g.has_edge(KL_TQ + "/task/2", proj)
    # tooltips: source sentence, deadline, province
    t1 = g.nodes[KL_TQ + "/task/1"]
    assert t1["quote"].startswith("triển khai thực hiện nghiêm túc") and t1["province"] == "Tuyên Quang"
    assert g.nodes[KL_TQ + "/task/2"]["deadline"] == "2030-12-31"
    # Thái Nguyên takes 21-KL/TW up through a task only; its plan 147-KH/TU is not in this flow
    assert g.edges[C21, KL_TN]["relation"] == "task_implements"
    assert KH147_TN not in g
    # the unnumbered conclusion is labelled by kind, province and date
    assert g.nodes[KL_TQ]["label"] == "Kết luận · Tuyên Quang · 13/07/2022"
    assert all(C21 in g.nodes[n]["roots"] for n in g)


def test_flow_restricted_to_a_province(store):
    g = projections.flow_graph(store, "21-KL/TW", province="thai-nguyen")
    assert KL_TN in g and KH147 not in g and KL_TQ not in g
    assert {g.nodes[n]["province"] for n in g if g.nodes[n]["kind"] == "task"} == {"Thái Nguyên"}


def test_meeting_graph_and_document_graph(store):
    m = projections.meeting_graph(store, MEETING)
    assert m.nodes[MEETING]["label"] == "Hội nghị lần thứ 10 (khóa XVII)"
    assert m.edges[MEETING, KL_TQ]["relation"] == "adopted"
    assert m.edges[MEETING, PRESS]["relation"] == "reports"
    assert m.nodes[PRESS]["kind"] == "press"
    assert m.has_edge(ID + "body/tuyen-quang/ban-chap-hanh-dang-bo-tinh", MEETING)
    assert KL_TQ + "/task/2" in m
    d = projections.document_graph(store, KL_TQ)
    assert d.edges[KH147, KL_TQ]["relation"] == "cites"
    assert d.has_edge(MEETING, KL_TQ) and KL_TQ + "/task/1" in d
    assert KH147 + "/task/1" not in d  # only the tasks of the document itself


def test_citation_and_body_task_graphs(store):
    c = projections.citation_graph(store)
    assert c.edges[KL_TQ, KH147]["relation"] == "cites"
    assert c.edges[KH147, C21]["relation"] == "implements"
    assert c.in_degree(C21) == 1  # task-level implements are not document citations
    bt = projections.body_task_graph(store)
    assert bt.in_degree(ID + "body/tuyen-quang/ban-to-chuc-tinh-uy") == 1
    assert set(projections.body_task_graph(store, province="Thái Nguyên")) == {
        KL_TN + "/task/1",
        ID + "body/thai-nguyen/ban-to-chuc-tinh-uy",
    }


# -- views ------------------------------------------------------------------------------------
# http(s) strings inside the vendored vis-network build: licence banners, an error-message link and
# the SVG namespace identifier. None is fetched (checked below: no src/href/url()/import uses them).
VENDOR_NON_FETCHED = {
    "http://almende.com",
    "http://naver.github.io/egjs",
    "http://opensource.org/licenses/MIT",
    "http://www.apache.org/licenses/LICENSE-2.0",
    "https://github.com/uuidjs/uuid#getrandomvalues-not-supported",
    "https://github.com/visjs",
    "https://github.com/zloirock/core-js",
    "https://github.com/zloirock/core-js/blob/v3.21.1/LICENSE",
    "https://visjs.github.io/vis-network/",
}
URL = re.compile(r"https?://[^\s\"'<>()\\,;]+")


def external_references(html: str, base: str = BASE) -> set[str]:
    """Every http(s) URL in a page that is neither a resource under ``base`` nor a vendored non-fetched string."""
    return {u for u in URL.findall(html) if not u.startswith(base + "id/") and u not in VENDOR_NON_FETCHED}


def fetched_externals(html: str) -> list[str]:
    """src/href attributes, CSS url() and @import that point outside the page (links to resources excepted)."""
    refs = re.findall(r"""(?:src|href)\s*=\s*["']?(https?://[^"'\s>]+)""", html)
    refs += re.findall(r"""url\(\s*["']?(https?://[^"')]+)""", html)
    refs += re.findall(r"""@import\s+["']?(https?://[^"';]+)""", html)
    return [r for r in refs if not r.startswith(BASE + "id/")]


def node_data(html: str) -> dict:
    """The nodes and edges a page hands to vis-network."""
    import json

    raw = re.search(r'<script type="application/json" id="vk-data">(.*?)</script>', html, re.S).group(1)
    return json.loads(raw)


def test_layered_layout_is_stable_and_ordered(store):
    g = projections.flow_graph(store, "21-KL/TW")
    pos = views.layered_layout(g)
    y = {
        k: {pos[n][1] for n in g if g.nodes[n]["kind"] == k} for k in ("central", "document", "task", "body", "project")
    }
    assert max(y["central"]) < min(y["document"]) <= max(y["document"]) < min(y["task"])
    assert max(y["task"]) < min(y["body"]) and y["body"] == y["project"]
    # the conclusion citing the plan sits one row below the plan
    assert pos[KH147][1] < pos[KL_TQ][1]
    assert views.layered_layout(projections.flow_graph(store, "21-KL/TW")) == pos
    assert len(set(pos.values())) == len(pos)  # no two nodes on the same spot
    h1 = views.render_html(g)
    assert h1 == views.render_html(projections.flow_graph(store, "21-KL/TW"))


def test_export_flow_is_offline_and_complete(store, tmp_path):
    out = views.export_flow(store, "21-KL/TW", tmp_path / "flow.html")
    html = out.read_text(encoding="utf-8")
    assert external_references(html) == set()
    assert fetched_externals(html) == []
    assert "new vis.Network(" in html and "@version 9.1.2" in html  # vis-network inlined
    data = node_data(html)
    ids = {n["id"] for n in data["nodes"]}
    assert {C21, KH147, KL_TQ + "/task/1", KL_TQ + "/task/2"} <= ids
    byid = {n["id"]: n for n in data["nodes"]}
    # exported links are the resource IRIs; layout precomputed, physics off
    assert byid[KL_TQ]["vk"]["href"] == KL_TQ
    assert all("x" in n and "y" in n and n["physics"] is False for n in data["nodes"])
    assert data["options"]["physics"]["enabled"] is False
    # colour and shape per kind, legend, Vietnamese labels and tooltips
    assert byid[C21]["shape"] == "star" and byid[KL_TQ + "/task/1"]["shape"] == "dot"
    assert byid[C21]["size"] > byid[KH147]["size"]  # more hangs on the directive
    assert "Văn bản Trung ương (1)" in html and "Nhiệm vụ (4)" in html
    tip = byid[KL_TQ + "/task/2"]["title"]
    assert "Tuyên Quang" in tip and "31/12/2030" in tip and "cao tốc" in tip
    assert "Hội nghị" not in tip
    assert '<option value="Thái Nguyên">' in html and '<option value="2024">' in html
    assert f'<option value="{C21}">Kết luận 21-KL/TW</option>' in html


def test_export_errors(store, tmp_path):
    with pytest.raises(NotFound):
        views.export_flow(store, "999-KL/TW", tmp_path / "x.html")
    with pytest.raises(AmbiguousSymbol):
        views.export_flow(store, "147-KH/TU", tmp_path / "x.html")
    out = views.export_flow(store, "147-KH/TU", tmp_path / "y.html", year=2021)
    assert KL_TQ in {n["id"] for n in node_data(out.read_text(encoding="utf-8"))["nodes"]}
    assert not (tmp_path / "x.html").exists()


def test_overview_export(store, tmp_path):
    html = views.export_overview(store, tmp_path / "o.html").read_text(encoding="utf-8")
    ids = {n["id"] for n in node_data(html)["nodes"]}
    assert {C21, C01, KH147, KL_TQ, KL_TN} <= ids
    assert external_references(html) == set()


def synthetic_flow_ttl(docs: int, tasks_per_doc: int, bodies: int = 40) -> str:
    """A central document taken up by ``docs`` provincial plans with ``tasks_per_doc`` tasks each."""
    lines = [
        "@prefix eli: <http://data.europa.eu/eli/ontology#> .",
        "@prefix vk: <https://w3id.org/vankien/ontology#> .",
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
        f'<{ID}doc/tw/nq/2020/99> a eli:LegalResource ; eli:id_local "99-NQ/TW" ; vk:level <{ID}level/central> .',
    ]
    for d in range(docs):
        doc = f"{ID}doc/p{d % 7}/tu/kh/2021/{d}"
        lines.append(
            f'<{doc}> a eli:LegalResource ; eli:id_local "{d}-KH/TU" ; vk:year {2020 + d % 5} ; '
            f"vk:province <{ID}province/p{d % 7}> ; vk:level <{ID}level/provincial> ; "
            f"eli:implements <{ID}doc/tw/nq/2020/99> ."
        )
        for t in range(1, tasks_per_doc + 1):
            lines.append(
                f"<{doc}/task/{t}> a vk:Task ; eli:is_part_of <{doc}> ; vk:position {t} ; "
                f'vk:text "Nhiệm vụ số {t} của kế hoạch {d}"@vi ; '
                f"vk:leadBody <{ID}body/p{d % 7}/b{(d * 31 + t) % bodies}> ."
            )
    for b in range(bodies):
        for p in range(7):
            lines.append(
                f'<{ID}body/p{p}/b{b}> skos:prefLabel "Cơ quan {b} tỉnh {p}"@vi ; vk:province <{ID}province/p{p}> .'
            )
    return "\n".join(lines)


def test_big_graphs_are_aggregated():
    s = open_store("memory:")
    s.load_graph(BASE + "graph/doc/synthetic", synthetic_flow_ttl(docs=30, tasks_per_doc=20).encode("utf-8"))
    g = projections.flow_graph(s, "99-NQ/TW")
    tasks = sum(1 for n in g if g.nodes[n]["kind"] == "task")
    assert tasks == 600
    small = views.aggregate(g, max_nodes=350)
    aggs = [a for _, a in small.nodes(data=True) if a["kind"] == "aggregate"]
    assert len(aggs) == 30 and sum(a["count"] for a in aggs) == tasks
    assert (
        len(small) <= 350
        and "cơ quan" not in small.graph["aggregated"]
        and "nhiệm vụ gộp theo văn bản" in small.graph["aggregated"]
    )
    assert all(small.nodes[n]["kind"] != "task" for n in small)
    # edges to bodies survive the grouping, weighted by the number of tasks
    assert sum(a["weight"] for _, _, a in small.edges(data=True) if a["relation"] == "lead") == tasks
    tiny = views.aggregate(g, max_nodes=60)
    assert len(tiny) == 1 + 30 + 30 + 7 and "cơ quan" in tiny.graph["aggregated"]
    assert sorted(a["count"] for _, a in tiny.nodes(data=True) if a.get("group_of") == "body") == [40] * 7
    html = views.render_html(g, max_nodes=350)
    assert len(node_data(html)["nodes"]) == len(small) and 'id="vk-aggregated"' in html
    assert views.aggregate(g, max_nodes=10_000) is g


# -- analytics --------------------------------------------------------------------------------
def test_analytics_report(store):
    import datetime as dt

    from graph_api import trace as T

    r = analytics.analytics_report(store, today=dt.date(2025, 1, 1))
    top = r["most_implemented"][0]
    # counted as the trace counts: the plan carrying 21-KL/TW out, its task and the two conclusions' tasks
    assert (top["iri"], top["documents"], top["tasks"], top["provinces"], top["overdue"]) == (C21, 1, 3, 2, 2)
    trace = T.trace(store, C21, as_of="2025-01-01")
    assert (top["documents"], top["tasks"]) == (len(trace["documents"]), trace["total"])
    cov = r["coverage"]
    assert [p["label"] for p in cov["provinces"]] == ["Thái Nguyên", "Tuyên Quang"]
    assert [d["iri"] for d in cov["documents"]] == [C21, C01]
    assert cov["matrix"] == [[1, 0], [2, 1]]  # tasks carrying each document out, per province
    by_province = {c["province"]: c["tasks"] for c in T.coverage(store, C21, as_of="2025-01-01")["with_tasks"]}
    assert by_province == {p["label"]: row[0] for p, row in zip(cov["provinces"], cov["matrix"], strict=True)}
    bodies = {b["iri"]: b for b in r["bodies"]}
    tc = bodies[ID + "body/tuyen-quang/ban-to-chuc-tinh-uy"]
    assert (tc["tasks"], tc["lead"], tc["open"]) == (1, 1, 1)  # ongoing
    assert bodies[ID + "body/tuyen-quang/ban-tuyen-giao-tinh-uy"]["open"] == 0  # deadline 2022 passed
    assert bodies[ID + "body/tuyen-quang/uy-ban-nhan-dan-tinh"]["open"] == 1  # deadline 2030
    assert bodies[ID + "body/tuyen-quang/uy-ban-kiem-tra-tinh-uy"]["lead"] == 0
    cent = r["citation_centrality"][0]
    # the network of documents: the two conclusions and the plan carry 21-KL/TW out
    assert (cent["iri"], cent["cited_by"], cent["reach"]) == (C21, 3, 3)
    html = analytics.render_analytics(r)
    assert html.count('class="vk-cell"') == 4 and 'data-value="2"' in html
    assert "<script" not in html and external_references(html) == set()
    assert "Ban Tổ chức Tỉnh ủy" in html


# -- the served views -------------------------------------------------------------------------
def vankien_command() -> list[str]:
    """The installed ``vankien`` console script of this interpreter."""
    script = Path(sys.executable).with_name("vankien")
    return [str(script)] if script.exists() else [sys.executable, "-c", "from vankien.cli import main; main()"]


def load_bundled_corpus(store_path: Path) -> None:
    """``vankien load data/corpus`` into an on-disk store at ``store_path``, as a user runs it."""
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [*vankien_command(), "load", str(root / "data" / "corpus"), "--store", f"oxigraph:{store_path}"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(store_path: Path, log: Path) -> tuple[str, subprocess.Popen]:
    """``vankien serve`` (uvicorn) over the on-disk store at ``store_path`` on a free port of 127.0.0.1."""
    port = free_port()
    proc = subprocess.Popen(
        [*vankien_command(), "serve", "--store", f"oxigraph:{store_path}", "--host", "127.0.0.1", "--port", str(port)],
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        cwd=Path(__file__).parent.parent,
    )
    url = f"http://127.0.0.1:{port}"

    def up() -> bool:
        if proc.poll() is not None:
            raise RuntimeError(f"the server exited: {log.read_text()}")
        return answers(url + "/health")

    try:
        wait_until(up, timeout=30, what="the server answering /health", interval=0.2)
    except TimeoutError:
        proc.kill()
        raise
    return url, proc


def stop_server(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(10)
    except subprocess.TimeoutExpired:
        proc.kill()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("served")
    load_fixture(f"oxigraph:{folder / 'store'}").close()
    url, proc = start_server(folder / "store", folder / "server.log")
    yield url
    stop_server(proc)


def test_served_flow_view(server):
    r = httpx.get(server + "/view/flow/21-KL/TW", params={"detail": 1}, timeout=30)  # every node
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert '<script src="/view/static/vis-network.min.js"></script>' in html
    data = node_data(html)
    byid = {n["id"]: n for n in data["nodes"]}
    assert KL_TQ + "/task/1" in byid
    # served links point at the service's own resource pages and to the other views
    assert byid[KL_TQ]["vk"]["href"] == "/id/doc/tuyen-quang/conclusion/2022-07-13/a1b2c3d4e5f6"
    assert ["Xem luồng thực hiện", "/view/flow/doc/tuyen-quang/conclusion/2022-07-13/a1b2c3d4e5f6"] in byid[KL_TQ][
        "vk"
    ]["views"]
    # the resource link of the details panel is dereferenced by the service itself
    page = httpx.get(server + byid[KL_TQ]["vk"]["href"], headers={"accept": "text/html"}, timeout=30)
    assert page.status_code == 200 and "Tuyên Quang" in page.text
    js = httpx.get(server + "/view/static/vis-network.min.js", timeout=30)
    assert js.status_code == 200 and len(js.content) > 500_000
    same = httpx.get(server + "/view/flow/doc/tw/kl/2021/21", params={"detail": 1}, timeout=30)
    assert node_data(same.text)["nodes"] == data["nodes"]
    tn = node_data(
        httpx.get(server + "/view/flow/21-KL/TW", params={"province": "Thái Nguyên", "detail": 1}, timeout=30).text
    )
    assert KL_TN in {n["id"] for n in tn["nodes"]} and KL_TQ not in {n["id"] for n in tn["nodes"]}


def test_served_views_and_errors(server):
    assert httpx.get(server + "/view/flow/999-KL/TW", timeout=30).status_code == 404
    amb = httpx.get(server + "/view/flow/147-KH/TU", timeout=30)
    assert amb.status_code == 409 and KH147_TN in amb.text
    assert httpx.get(server + "/view/flow/147-KH/TU", params={"year": 2021}, timeout=30).status_code == 200
    doc = node_data(
        httpx.get(
            server + "/view/document/doc/tuyen-quang/conclusion/2022-07-13/a1b2c3d4e5f6", params={"detail": 1}, timeout=30
        ).text
    )
    assert {MEETING, KH147, KL_TQ + "/task/2"} <= {n["id"] for n in doc["nodes"]}
    prov = httpx.get(server + "/view/province/tuyen-quang", timeout=30)
    ids = {n["id"] for n in node_data(prov.text)["nodes"]}
    assert {KH147, KL_TQ, C21} <= ids and KL_TN not in ids
    assert httpx.get(server + "/view/province/Atlantis", timeout=30).status_code == 404
    meeting = node_data(
        httpx.get(server + "/view/meeting/tuyen-quang/ban-chap-hanh-dang-bo-tinh/xvii/10", timeout=30).text
    )
    assert {PRESS, KL_TQ} <= {n["id"] for n in meeting["nodes"]}
    overview = node_data(httpx.get(server + "/view", timeout=30).text)
    assert {C21, C01} <= {n["id"] for n in overview["nodes"]}
    an = httpx.get(server + "/view/analytics", params={"format": "json", "today": "2025-01-01"}, timeout=30).json()
    assert an["coverage"]["matrix"] == [[1, 0], [2, 1]]  # the trace's tasks per province
    page = httpx.get(server + "/view/analytics", timeout=30)
    assert page.status_code == 200 and 'id="vk-heatmap"' in page.text
    cit = node_data(httpx.get(server + "/view/citations", timeout=30).text)
    assert {C21, KH147, KL_TQ} <= {n["id"] for n in cit["nodes"]}
    assert httpx.get(server + "/view/static/secret.txt", timeout=30).status_code == 404


# -- the bundled corpus, loaded by the real loaders -----------------------------------------------
@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    root = Path(__file__).resolve().parent.parent
    done = subprocess.run(
        [*vankien_command(), "load", str(root / "data" / "corpus"), "--store", f"oxigraph:{folder / 'store'}"],
        capture_output=True,
        text=True,
        cwd=root,
    )
    assert done.returncode == 0, done.stderr
    s = open_store(f"oxigraph:{folder / 'store'}")
    yield s
    s.close()


def test_flow_over_the_bundled_corpus(corpus_store, tmp_path):
    rows = corpus_store.select("""
        PREFIX eli: <http://data.europa.eu/eli/ontology#> PREFIX vk: <https://w3id.org/vankien/ontology#>
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?d ?t WHERE {
          ?d vk:province ?p ; eli:date_document ?date ; dcterms:type ?k .
          FILTER(STRENDS(STR(?p), "/province/tuyen-quang") && STR(?date) = "2022-07-13" && STRENDS(STR(?k), "/conclusion"))
          ?t a vk:Task ; eli:is_part_of ?d }""")
    conclusions = {r["d"].value for r in rows}
    tasks = {r["t"].value for r in rows}
    assert len(conclusions) == 1 and len(tasks) >= 5
    g = projections.flow_graph(corpus_store, "21-KL/TW")
    assert g.nodes[C21]["kind"] == "central"
    assert tasks <= set(g)
    (conclusion,) = conclusions
    assert g.has_edge(C21, conclusion) or any(g.has_edge(u, conclusion) for u in g.predecessors(conclusion))
    assert all(C21 in g.nodes[t]["roots"] and g.nodes[t]["province"] == "Tuyên Quang" for t in tasks)
    empty = f"oxigraph:{tmp_path / 'none'}"
    subprocess.run([*vankien_command(), "init", "--store", empty], check=True, capture_output=True)
    done = subprocess.run(
        [
            *vankien_command(),
            "view",
            "flow",
            "21-KL/TW",
            "-o",
            str(tmp_path / "flow.html"),
            "--store",
            empty,
        ],
        capture_output=True,
        text=True,
    )
    assert done.returncode == NotFound.exit_code, done.stderr  # an empty store: the symbol is not found
    html = views.export_flow(corpus_store, "21-KL/TW", tmp_path / "flow.html").read_text(encoding="utf-8")
    assert tasks <= {n["id"] for n in node_data(html)["nodes"]}
    assert external_references(html) == set() and fetched_externals(html) == []
    report = analytics.analytics_report(corpus_store)
    assert report["coverage"]["matrix"] and report["most_implemented"]
