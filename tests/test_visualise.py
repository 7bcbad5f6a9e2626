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
import time
from pathlib import Path

import httpx
import pytest

from graph_api.store import open_store
from vankien.errors import AmbiguousSymbol, NotFound
from visualise import analytics, projections, views

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
        KL_TN + "/task/1", ID + "body/thai-nguyen/ban-to-chuc-tinh-uy"}
