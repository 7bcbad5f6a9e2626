"""SHACL shapes (ontology/shapes.ttl): a hand-built graph that follows the contract conforms;
graphs that break it are rejected at the expected focus node and path."""

from __future__ import annotations

import pyshacl
import pytest
import rdflib

from graph_api.store import triples_to_ntriples
from ontology import SHAPES_FILE, sparql_prefixes
from ontology.iris import Iris
from ontology.reference import reference_triples

IRIS = Iris("https://w3id.org/vankien/")
ID = IRIS.id
DOC = IRIS.document(number="147", type_code="KH", issuer_code="TU", year=2021, province="Tuyên Quang")
KL21 = IRIS.document(number="21", type_code="KL", issuer_code="TW", year=2021)

VALID = f"""
@prefix vk: <https://w3id.org/vankien/ontology#> .
@prefix eli: <http://data.europa.eu/eli/ontology#> .
@prefix org: <http://www.w3.org/ns/org#> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .

<{DOC}> a eli:LegalResource , vk:SourceDocument ;
    dcterms:type <{ID}doctype/plan> ; eli:type_document <{ID}doctype/plan> ;
    eli:id_local "147-KH/TU" ; eli:date_document "2021-12-14"^^xsd:date ; vk:year 2021 ;
    eli:passed_by <{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> ;
    eli:title "thực hiện Kết luận số 21-KL/TW"@vi ;
    vk:level <{ID}level/provincial> ; vk:province <{ID}province/tuyen-quang> ; vk:term "XVII" ;
    eli:cites <{KL21}> ; eli:based_on <{KL21}> ; eli:implements <{KL21}> ;
    vk:namedReference "Luật Đất đai năm 2013"@vi ;
    vk:signedBy <{ID}person/tuyen-quang/chau-van-lam> ; vk:signerCapacity "BÍ THƯ"@vi ;
    vk:onBehalfOf <{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> ;
    vk:sourceFile "001_cabc18aa64a2325b.txt" ;
    vk:contentHash "{"ab" * 32}" .

<{DOC}/section/2> a vk:Section ; eli:is_part_of <{DOC}> ; vk:number "2" ;
    eli:title "Nhiệm vụ, giải pháp"@vi .
<{DOC}/section/2-1> a vk:Section ; eli:is_part_of <{DOC}/section/2> ; vk:number "2.1" .

<{DOC}/task/1> a vk:Task ; eli:is_part_of <{DOC}> ; vk:section <{DOC}/section/2-1> ;
    vk:position 1 ; vk:text "Giao Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với Văn phòng Tỉnh ủy …"@vi ;
    vk:leadBody <{ID}body/tuyen-quang/ban-to-chuc-tinh-uy> ;
    vk:partnerBody <{ID}body/tuyen-quang/van-phong-tinh-uy> ;
    vk:deadline "2024-03-31"^^xsd:date ; vk:deadlineText "quý I năm 2024"@vi ;
    eli:implements <{KL21}> ; vk:concernsProject <{ID}project/tuyen-quang/cao-toc-tuyen-quang-ha-giang> ;
    vk:startOffset 120 ; vk:endOffset 260 .
<{DOC}/task/2> a vk:Task ; eli:is_part_of <{DOC}> ; vk:position 2 ;
    vk:text "Thường xuyên kiểm tra, giám sát."@vi ; vk:ongoing true .

<{DOC}/evidence/1> a vk:Evidence ;
    rdf:subject <{DOC}/task/1> ; rdf:predicate vk:leadBody ;
    rdf:object <{ID}body/tuyen-quang/ban-to-chuc-tinh-uy> ; vk:startOffset 120 ; vk:endOffset 260 ;
    vk:quote "Giao Ban Tổ chức Tỉnh ủy chủ trì …"@vi .
<{DOC}/evidence/2> a vk:Evidence ;
    rdf:subject <{DOC}/task/1> ; rdf:predicate vk:deadline ; rdf:object "2024-03-31"^^xsd:date ;
    vk:startOffset 200 ; vk:endOffset 200 ; vk:quote "quý I năm 2024" .

<{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> a org:Organization ;
    skos:prefLabel "Ban Chấp hành Đảng bộ tỉnh Tuyên Quang"@vi ;
    org:classification <{ID}bodykind/ban-chap-hanh-dang-bo-tinh> ; vk:level <{ID}level/provincial> ;
    vk:province <{ID}province/tuyen-quang> .
<{ID}body/tuyen-quang/ban-to-chuc-tinh-uy> a org:Organization ;
    rdfs:label "Ban Tổ chức Tỉnh ủy"@vi , "Organisation Commission"@en ;
    org:subOrganizationOf <{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> .

<{ID}person/tuyen-quang/chau-van-lam> a foaf:Person ; foaf:name "Chẩu Văn Lâm" .
<{ID}person/tuyen-quang/chau-van-lam/membership/1> a org:Membership ;
    org:member <{ID}person/tuyen-quang/chau-van-lam> ; org:role <{ID}role/bi-thu-tinh-uy> ;
    org:organization <{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> ;
    vk:roleLabel "Bí thư Tỉnh ủy"@vi .
<{ID}role/bi-thu-tinh-uy> a org:Role ; rdfs:label "Bí thư Tỉnh ủy"@vi .

<{ID}meeting/tuyen-quang/ban-chap-hanh-dang-bo-tinh/xvii/10> a vk:Meeting ;
    vk:heldBy <{ID}body/tuyen-quang/ban-chap-hanh-dang-bo-tinh> ; vk:meetingNumber 10 ; vk:term "XVII" ;
    dcterms:date "2022-07-13"^^xsd:date ; vk:province <{ID}province/tuyen-quang> .
<{ID}meeting/thanh-hoa/ban-chap-hanh-dang-bo-tinh/xix/25> a vk:Meeting ;
    vk:heldBy <{ID}body/thanh-hoa/ban-chap-hanh-dang-bo-tinh> ; dcterms:date "2023"^^xsd:gYear .

<{ID}doc/tuyen-quang/conclusion/2022-07-13/0123456789ab> a eli:LegalResource , vk:SourceDocument ;
    dcterms:type <{ID}doctype/conclusion> ; eli:type_document <{ID}doctype/conclusion> ;
    eli:date_document "2022-07"^^xsd:gYearMonth ;
    vk:adoptedAt <{ID}meeting/tuyen-quang/ban-chap-hanh-dang-bo-tinh/xvii/10> ;
    vk:sourceFile "c.txt" ; vk:contentHash "{"0" * 64}" .

<{ID}doc/thanh-hoa/news-report/2023-09-29/ba9876543210> a vk:PressReport , vk:SourceDocument ;
    dcterms:type <{ID}doctype/news-report> ; eli:title "Hội nghị lần thứ 25"@vi ;
    vk:reportsOn <{ID}meeting/thanh-hoa/ban-chap-hanh-dang-bo-tinh/xix/25> ;
    vk:sourceFile "dev_02_thanhhoa.txt" ; vk:contentHash "{"f" * 64}" .
<{ID}doc/thanh-hoa/news-report/2023-09-29/ba9876543210/task/1> a vk:Task ;
    eli:is_part_of <{ID}doc/thanh-hoa/news-report/2023-09-29/ba9876543210> ;
    vk:position 1 ; vk:text "Dồn sức cho quý cuối năm."@vi .

<{ID}project/tuyen-quang/cao-toc-tuyen-quang-ha-giang> a vk:Project ;
    rdfs:label "Cao tốc Tuyên Quang - Hà Giang"@vi ; vk:province <{ID}province/tuyen-quang> .
"""


def validate(data: rdflib.Graph) -> tuple[bool, set[tuple[str, str]]]:
    """(conforms, {(focus node, result path)}) of a SHACL validation with the project shapes."""
    shapes = rdflib.Graph().parse(SHAPES_FILE)
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, allow_warnings=False)
    rows = report.query("""PREFIX sh: <http://www.w3.org/ns/shacl#>
        SELECT ?focus ?path WHERE { ?r a sh:ValidationResult ; sh:focusNode ?focus .
        OPTIONAL { ?r sh:resultPath ?path } }""")
    return conforms, {(str(r.focus), str(r.path) if r.path else "") for r in rows}


def valid_graph() -> rdflib.Graph:
    return rdflib.Graph().parse(data=VALID, format="turtle")


VK = "https://w3id.org/vankien/ontology#"
ELI = "http://data.europa.eu/eli/ontology#"


def test_the_contract_example_conforms() -> None:
    g = valid_graph()
    assert len(g) > 100
    assert validate(g) == (True, set())


def test_reference_graph_and_example_together_conform() -> None:
    g = valid_graph()
    g.parse(data=triples_to_ntriples(reference_triples(IRIS)), format="nt")
    assert validate(g) == (True, set())


def mutate(update: str) -> rdflib.Graph:
    g = valid_graph()
    g.update(sparql_prefixes() + update)
    return g


TASK1 = f"<{DOC}/task/1>"


@pytest.mark.parametrize(
    "update, focus, path",
    [
        (f"DELETE WHERE {{ {TASK1} eli:is_part_of ?d }}", f"{DOC}/task/1", ELI + "is_part_of"),
        (
            f"DELETE {{ {TASK1} eli:is_part_of ?d }} INSERT {{ {TASK1} eli:is_part_of <{DOC}/section/2> }} "
            f"WHERE {{ {TASK1} eli:is_part_of ?d }}",
            f"{DOC}/task/1",
            ELI + "is_part_of",
        ),
        (
            f"INSERT DATA {{ {TASK1} eli:is_part_of <{KL21}> . <{KL21}> a eli:LegalResource ; "
            f"dcterms:type <{ID}doctype/conclusion> }}",
            f"{DOC}/task/1",
            ELI + "is_part_of",
        ),
        (f"DELETE WHERE {{ {TASK1} vk:text ?t }}", f"{DOC}/task/1", VK + "text"),
        (
            f'DELETE {{ {TASK1} vk:text ?t }} INSERT {{ {TASK1} vk:text "no language" }} '
            f"WHERE {{ {TASK1} vk:text ?t }}",
            f"{DOC}/task/1",
            VK + "text",
        ),
        (f"DELETE WHERE {{ {TASK1} vk:position ?p }}", f"{DOC}/task/1", VK + "position"),
        (
            f'DELETE {{ {TASK1} vk:position ?p }} INSERT {{ {TASK1} vk:position "1" }} '
            f"WHERE {{ {TASK1} vk:position ?p }}",
            f"{DOC}/task/1",
            VK + "position",
        ),
        (
            f'DELETE {{ {TASK1} vk:deadline ?d }} INSERT {{ {TASK1} vk:deadline "quý I năm 2024" }} '
            f"WHERE {{ {TASK1} vk:deadline ?d }}",
            f"{DOC}/task/1",
            VK + "deadline",
        ),
        (
            f'INSERT DATA {{ <{DOC}/section/2> vk:deadline "2024-03"^^xsd:gYearMonth }}',
            f"{DOC}/section/2",
            VK + "deadline",
        ),
        (f"DELETE WHERE {{ <{DOC}> dcterms:type ?t }}", DOC, "http://purl.org/dc/terms/type"),
        (f'INSERT DATA {{ <{KL21}> eli:id_local "21-KL/TW" }}', KL21, "http://purl.org/dc/terms/type"),
        (f"DELETE WHERE {{ <{DOC}> vk:contentHash ?h }}", DOC, VK + "contentHash"),
        (
            f'INSERT DATA {{ <{DOC}/evidence/1> prov:wasDerivedFrom "not a document" }}',
            f"{DOC}/evidence/1",
            "http://www.w3.org/ns/prov#wasDerivedFrom",
        ),
        (f"DELETE WHERE {{ <{DOC}/evidence/1> vk:quote ?q }}", f"{DOC}/evidence/1", VK + "quote"),
        (
            f"DELETE WHERE {{ <{DOC}/evidence/1> rdf:subject ?s }}",
            f"{DOC}/evidence/1",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
        ),
        (
            f"DELETE WHERE {{ <{DOC}/evidence/2> rdf:object ?o }}",
            f"{DOC}/evidence/2",
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#object",
        ),
        (
            f"DELETE {{ <{DOC}/evidence/1> vk:startOffset ?o }} INSERT {{ <{DOC}/evidence/1> vk:startOffset 999 }} "
            f"WHERE {{ <{DOC}/evidence/1> vk:startOffset ?o }}",
            f"{DOC}/evidence/1",
            VK + "startOffset",
        ),
        (
            "DELETE { ?m vk:heldBy ?b } WHERE { ?m a vk:Meeting ; vk:meetingNumber 10 ; vk:heldBy ?b }",
            f"{ID}meeting/tuyen-quang/ban-chap-hanh-dang-bo-tinh/xvii/10",
            VK + "heldBy",
        ),
        (
            "DELETE { ?m org:member ?p } WHERE { ?m a org:Membership ; org:member ?p }",
            f"{ID}person/tuyen-quang/chau-van-lam/membership/1",
            "http://www.w3.org/ns/org#member",
        ),
        (
            f'DELETE WHERE {{ <{ID}body/tuyen-quang/ban-to-chuc-tinh-uy> rdfs:label "Ban Tổ chức Tỉnh ủy"@vi }}',
            f"{ID}body/tuyen-quang/ban-to-chuc-tinh-uy",
            "",
        ),
        (
            f'INSERT DATA {{ <{ID}body/bo-chinh-tri> a org:Organization ; skos:prefLabel "Bộ Chính trị" }}',
            f"{ID}body/bo-chinh-tri",
            "",
        ),
        (
            f"INSERT DATA {{ <{ID}doc/thanh-hoa/news-report/2023-09-29/ba9876543210> a eli:LegalResource }}",
            f"{ID}doc/thanh-hoa/news-report/2023-09-29/ba9876543210",
            "",
        ),
        (
            f"INSERT DATA {{ <{ID}province/bac-kan> a vk:Province ; vk:mergedInto <{ID}province/2025/thai-nguyen> }}",
            f"{ID}province/bac-kan",
            "http://www.w3.org/2000/01/rdf-schema#label",
        ),
    ],
)
def test_broken_graphs_are_rejected(update: str, focus: str, path: str) -> None:
    conforms, results = validate(mutate(update))
    assert not conforms
    assert (focus, path) in results, results
