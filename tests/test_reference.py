"""Reference data (data/reference, data/gazetteer) and the reference graph built from it."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
import vietnam_provinces

from graph_api.store import open_store
from ontology import ELI, VK, sparql_prefixes
from ontology.iris import Iris, slug
from ontology.reference import (
    REFERENCE_DIR,
    body_kinds,
    central_document_iri,
    central_documents,
    doc_type,
    doc_types,
    fold,
    provinces,
    reference_triples,
    split_symbol,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
GAZETTEER = ROOT / "data" / "gazetteer" / "districts_2024.csv"


def strip_unit(name: str) -> str:
    return re.sub(r"^(Thành phố|Tỉnh)\s+", "", name)


# -- provinces ------------------------------------------------------------------------------------
def test_63_old_and_34_new_provinces() -> None:
    old = [p for p in provinces() if p.period == "before_2025"]
    new = [p for p in provinces() if p.period == "from_2025"]
    assert (len(old), len(new)) == (63, 34)
    assert len({p.slug for p in old}) == 63 and len({p.slug for p in new}) == 34
    assert all(p.slug == slug(p.name_vi) for p in provinces())


def test_every_old_province_is_merged_into_or_identical_to_a_new_one() -> None:
    new = {p.slug: p for p in provinces() if p.after_2025}
    old = [p for p in provinces() if not p.after_2025]
    into = {p.name_vi: new[p.merged_into].name_vi for p in old}
    assert into["Bắc Kạn"] == "Thái Nguyên"
    assert into["Hà Giang"] == "Tuyên Quang"
    assert into["Bình Dương"] == into["Bà Rịa - Vũng Tàu"] == "Hồ Chí Minh"
    assert into["Thừa Thiên Huế"] == "Huế"
    assert into["Nam Định"] == into["Hà Nam"] == "Ninh Bình"
    assert all(p.merged_into in new for p in old)
    # every new unit is formed from at least one old unit; 11 were kept unchanged
    formed = {s: [p.name_vi for p in old if p.merged_into == s] for s in new}
    assert all(formed.values())
    assert sorted(len(v) for v in formed.values()).count(1) == 11
    assert sorted(formed["can-tho"]) == ["Cần Thơ", "Hậu Giang", "Sóc Trăng"]
    assert sum(len(v) for v in formed.values()) == 63


def test_new_provinces_match_the_vietnam_provinces_package() -> None:
    package = {fold(strip_unit(p.name)) for p in vietnam_provinces.Province.iter_all()}
    ours = {fold(p.name_vi) for p in provinces() if p.after_2025}
    assert len(package) == 34
    assert ours == package


def test_gazetteer_places_districts_in_the_63_provinces() -> None:
    with GAZETTEER.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    old = {p.name_vi for p in provinces() if not p.after_2025}
    assert {r["province"] for r in rows} == old
    assert len(rows) > 600
    where = {(r["short_name"], r["province"]) for r in rows}
    assert ("Ba Bể", "Bắc Kạn") in where
    assert ("Thủ Dầu Một", "Bình Dương") in where
    assert ("Mù Căng Chải", "Yên Bái") in where
    assert ("Quận 1", "Hồ Chí Minh") in where
    assert all(r["district"].endswith(r["short_name"]) and not r["short_name"].isdigit() for r in rows)


# -- body kinds, doc types -------------------------------------------------------------------------
def test_body_kinds_are_consistent() -> None:
    kinds = {k.key: k for k in body_kinds()}
    assert len(kinds) == len(body_kinds())
    for k in kinds.values():
        assert k.key == slug(k.name_vi), k
        assert k.level in {"central", "provincial", "district", "commune"}, k
        assert not k.parent or k.parent in kinds, k
        assert k.name_en, k
    assert kinds["ban-thuong-vu-tinh-uy"].parent == "ban-chap-hanh-dang-bo-tinh"
    assert kinds["bo-chinh-tri"].level == "central"


def test_no_alias_names_two_kinds_and_none_is_a_pure_case_or_tone_variant() -> None:
    owner: dict[str, str] = {}
    for k in body_kinds():
        names = [k.name_vi, *k.aliases]
        folded = [fold(n) for n in names]
        assert len(folded) == len(set(folded)), f"{k.key}: case/tone variant listed: {names}"
        for f in folded:
            assert owner.setdefault(f, k.key) == k.key, f"{f!r} names {owner[f]} and {k.key}"
    assert owner[fold("UBND tỉnh")] == "uy-ban-nhan-dan-tinh"
    assert owner[fold("Tỉnh uỷ")] == "ban-chap-hanh-dang-bo-tinh"
    assert owner[fold("Ban Bí thư Trung ương Đảng")] == "ban-bi-thu"


def test_doc_types_cover_the_contract_kinds() -> None:
    contract = {
        "conclusion",
        "resolution",
        "plan",
        "program",
        "directive",
        "regulation",
        "decision",
        "notice",
        "report",
        "guidance",
        "scheme",
        "decree",
        "circular",
        "law",
        "official-letter",
        "rules",
        "submission",
        "ordinance",
        "news-report",
        "other",
    }
    assert {t.key for t in doc_types()} == contract
    assert doc_type("Kết luận").code == "KL"


# -- central documents -----------------------------------------------------------------------------
SYMBOL = re.compile(
    r"\b\d+\s?-\s?[A-ZĐa-z]{1,4}\s?/\s?(?:TW|VPCP)\b|\b\d+/\d{4}/(?:[A-ZĐ]+-)?(?:CP|QH\d+|UBTVQH\d+)\b"
    r"|\b\d+/[A-ZĐ]+-TTg\b"
)


def test_every_central_symbol_in_the_corpus_is_listed() -> None:
    cited = set()
    for path in CORPUS.glob("*/*.txt"):
        text = " ".join(path.read_text(encoding="utf-8").split())
        cited |= {m.replace(" ", "") for m in SYMBOL.findall(text)}
    listed = {d.symbol for d in central_documents()}
    assert len(cited) >= 25
    assert cited <= listed, sorted(cited - listed)


def test_central_documents_are_well_formed() -> None:
    names = {k.name_vi for k in body_kinds() if k.level == "central"}
    seen = set()
    for d in central_documents():
        assert (d.symbol, d.year) not in seen
        seen.add((d.symbol, d.year))
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", d.date) and int(d.date[:4]) == d.year, d
        assert set(d.issuers) <= names, d
        assert not d.title or d.title.startswith(("về ", "Luật ")), d
        doc_type(d.type)
        split_symbol(d.symbol, d.type)
    eighteen = sorted((d.date, d.term) for d in central_documents() if d.symbol == "18-NQ/TW")
    assert eighteen == [("2017-10-25", "XII"), ("2022-06-16", "XIII")]


# -- the graph -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory):
    iris = Iris("https://w3id.org/vankien/")
    s = open_store(f"oxigraph:{tmp_path_factory.mktemp('ref') / 'store'}")
    s.replace_graph(iris.reference_graph, reference_triples(iris))
    yield s
    s.close()


def values(store, query: str) -> list[tuple[str, ...]]:
    rows = store.select(sparql_prefixes() + query)
    return [tuple(r[k].value if r.get(k) is not None else None for k in r) for r in rows]


def test_sparql_merger(store) -> None:
    q = """SELECT ?newName WHERE { ?old a vk:Province ; rdfs:label "Hà Giang"@vi ;
             vk:mergedInto ?new ; vk:validUntil "2025-06-30"^^xsd:date .
           ?new rdfs:label ?newName ; vk:validFrom "2025-07-01"^^xsd:date }"""
    assert values(store, q) == [("Tuyên Quang",)]
    q = """SELECT ?oldName WHERE { ?new rdfs:label "Ninh Bình"@vi ; vk:validFrom ?d ;
           vk:formedFrom/rdfs:label ?oldName } ORDER BY ?oldName"""
    assert [v[0] for v in values(store, q)] == ["Hà Nam", "Nam Định", "Ninh Bình"]
    q = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a vk:Province ; vk:mergedInto ?x }"
    assert values(store, q) == [("63",)]


def test_sparql_central_documents(store) -> None:
    iris = Iris("https://w3id.org/vankien/")
    q = """SELECT ?d ?date ?term WHERE { ?d a eli:LegalResource ; eli:id_local "18-NQ/TW" ;
           eli:date_document ?date ; vk:term ?term } ORDER BY ?date"""
    assert values(store, q) == [
        (iris.document(number="18", type_code="NQ", issuer_code="TW", year=2017), "2017-10-25", "XII"),
        (iris.document(number="18", type_code="NQ", issuer_code="TW", year=2022), "2022-06-16", "XIII"),
    ]
    q = f"""SELECT ?type ?issuer ?title WHERE {{ <{central_document_iri(iris, "21-KL/TW", 2021)}>
           dcterms:type ?t ; eli:type_document ?t ; eli:passed_by/skos:prefLabel ?issuer ; eli:title ?title .
           ?t skos:prefLabel ?type FILTER(lang(?type) = "vi") }}"""
    [(kind, issuer, title)] = values(store, q)
    assert (kind, issuer) == ("Kết luận", "Ban Chấp hành Trung ương Đảng")
    assert title.startswith("về đẩy mạnh xây dựng, chỉnh đốn Đảng")
    q = f"""SELECT ?label WHERE {{ <{central_document_iri(iris, "111/2024/QH15", 2024, "Nghị quyết")}>
           eli:passed_by/skos:prefLabel ?label ; dcterms:type <{iris.concept("doctype", "resolution")}> }}"""
    assert values(store, q) == [("Quốc hội",)]
    q = """SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE {
           <https://w3id.org/vankien/id/doc/tw/kl/2025/137> eli:passed_by ?b }"""
    assert values(store, q) == [("2",)]


def test_sparql_bodies_and_kinds(store) -> None:
    q = """SELECT ?parent WHERE { ?b a org:Organization ; skos:prefLabel "Bộ Chính trị"@vi ;
           org:subOrganizationOf/skos:prefLabel ?parent ; vk:level ?l ; org:classification ?k .
           ?k skos:inScheme ?s . ?l skos:notation "central" }"""
    assert values(store, q) == [("Ban Chấp hành Trung ương Đảng",)]
    q = """SELECT ?alias WHERE { ?k skos:notation "uy-ban-nhan-dan-tinh" ; skos:altLabel ?alias ;
           vk:level/skos:notation "provincial" }"""
    assert ("UBND tỉnh",) in values(store, q)
    q = """SELECT ?p WHERE { ?k skos:notation "thuong-truc-tinh-uy" ; vk:parentKind/skos:notation ?p }"""
    assert values(store, q) == [("ban-thuong-vu-tinh-uy",)]
    # every provincial body of every (pre-2025) province is described once, in the reference graph:
    # a province's Ban Thường vụ is not another's
    q = """SELECT ?b WHERE { ?b a org:Organization ; skos:prefLabel "Ban Thường vụ Tỉnh ủy"@vi ;
           vk:province/rdfs:label "Lai Châu"@vi }"""
    assert values(store, q) == [("https://w3id.org/vankien/id/body/lai-chau/ban-thuong-vu-tinh-uy",)]
    q = """SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b a org:Organization ; skos:prefLabel "Ban Thường vụ Tỉnh ủy"@vi }"""
    assert values(store, q) == [("64",)]  # 63 provinces, and documents whose province is not known


def test_reference_files_are_utf8_nfc() -> None:
    import unicodedata

    for path in [*REFERENCE_DIR.glob("*.csv"), GAZETTEER]:
        text = path.read_text(encoding="utf-8")
        assert unicodedata.is_normalized("NFC", text), path
