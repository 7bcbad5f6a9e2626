"""The reference graph: provinces and the 2025 merger, body kinds, document types, levels,
central bodies and central documents, built from the CSV files in ``data/reference/``;
and the ontology graph, read from ``vankien.ttl``.

Reference data is data: edit the CSV files, not this module. Loaders use the same readers
(``body_kinds()``, ``provinces()``, ``doc_types()``, ``central_documents()``) for matching,
and ``central_document_iri`` / ``split_symbol`` to mint the same IRIs as the reference graph.

>>> iris = Iris("https://example.org/vk/")
>>> triples = reference_triples(iris)
>>> import pyoxigraph
>>> store = pyoxigraph.Store()
>>> store.extend(pyoxigraph.Quad(t.subject, t.predicate, t.object) for t in triples)
>>> q = '''PREFIX vk: <https://w3id.org/vankien/ontology#>
... PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
... SELECT ?new WHERE { ?old rdfs:label "Bắc Kạn"@vi ; vk:mergedInto/rdfs:label ?new }'''
>>> [row["new"].value for row in store.query(q)]
['Thái Nguyên']
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

import pyoxigraph as ox

from core.doctypes import DocType, doc_type, doc_types, fold  # noqa: F401 (re-exported: one home, core.doctypes)
from core.errors import InputError
from core.formats import RDF_FORMATS
from core.reference_data import REFERENCE_DIR, reference_rows  # noqa: F401 (REFERENCE_DIR: re-exported)
from ontology import DCTERMS, ELI, ONTOLOGY_FILE, ORG, OWL, RDF, RDFS, SKOS, VK, XSD  # noqa: F401 (OWL: doctests)
from ontology.iris import Iris

MERGER_DATE = "2025-07-01"
LAST_DAY_BEFORE_MERGER = "2025-06-30"


# -- the rows ---------------------------------------------------------------------------------
@dataclass(frozen=True)
class BodyKind:
    """A kind of body (``data/reference/body_kinds.csv``); central kinds are single bodies."""

    key: str
    name_vi: str
    name_en: str
    level: str
    parent: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Province:
    """A province: one of the 63 before the merger or of the 34 from 1 July 2025."""

    name_vi: str
    slug: str
    period: str
    merged_into: str
    aliases: tuple[str, ...]

    @property
    def after_2025(self) -> bool:
        return self.period == "from_2025"


@dataclass(frozen=True)
class CentralDocument:
    """A central document; ``issuers`` are canonical body names (several for joint documents)."""

    symbol: str
    type: str
    date: str
    year: int
    issuers: tuple[str, ...]
    term: str
    title: str
    level: str


def _rows(name: str) -> tuple[dict[str, str], ...]:
    return reference_rows(name)


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split(";") if a.strip())


@lru_cache(maxsize=1)
def body_kinds() -> tuple[BodyKind, ...]:
    """All body kinds.

    >>> next(k for k in body_kinds() if k.key == "ban-thuong-vu-tinh-uy").parent
    'ban-chap-hanh-dang-bo-tinh'
    """
    return tuple(
        BodyKind(r["key"], r["name_vi"], r["name_en"], r["level"], r["parent"], _split(r["aliases"]))
        for r in _rows("body_kinds.csv")
    )


@lru_cache(maxsize=1)
def provinces() -> tuple[Province, ...]:
    """The 63 pre-2025 provinces followed by the 34 units from 1 July 2025.

    >>> sum(not p.after_2025 for p in provinces()), sum(p.after_2025 for p in provinces())
    (63, 34)
    """
    return tuple(
        Province(r["name_vi"], r["slug"], r["period"], r["merged_into"], _split(r["aliases"]))
        for r in _rows("provinces.csv")
    )


@lru_cache(maxsize=1)
def levels() -> tuple[tuple[str, str, str], ...]:
    """(key, name_vi, name_en) of the levels ``central``, ``provincial``, ``other``."""
    return tuple((r["key"], r["name_vi"], r["name_en"]) for r in _rows("levels.csv"))


@lru_cache(maxsize=1)
def central_documents() -> tuple[CentralDocument, ...]:
    """Central documents cited by provincial documents.

    >>> sorted(d.date for d in central_documents() if d.symbol == "18-NQ/TW")
    ['2017-10-25', '2022-06-16']
    """
    return tuple(
        CentralDocument(
            r["symbol"], r["type"], r["date"], int(r["year"]), _split(r["issuer"]), r["term"], r["title"], r["level"]
        )
        for r in _rows("central_documents.csv")
    )


# -- symbols and IRIs -------------------------------------------------------------------------
_PARTY = re.compile(r"^(?P<number>\d+[a-z]?)-(?P<type>[^\W\d_]+)/(?P<issuer>[\w-]+)$")
_STATE = re.compile(r"^(?P<number>\d+[a-z]?)/(?:(?P<year>\d{4})/)?(?P<type>[^\W\d_]+)-(?P<issuer>[\w-]+)$")
_LEGISLATURE = re.compile(r"^(?P<number>\d+[a-z]?)/(?P<year>\d{4})/(?P<issuer>(?:UBTV)?QH\d+)$")


def split_symbol(symbol: str, type_word: str | None = None) -> tuple[str, str, str]:
    """(number, type code, issuer code) of a normalised symbol.

    Symbols of the National Assembly and its Standing Committee carry no type code: it comes
    from ``type_word`` (``Nghị quyết`` → ``NQ``, ``Luật`` → ``Luật``).

    >>> split_symbol("21-KL/TW")
    ('21', 'KL', 'TW')
    >>> split_symbol("326/QĐ-TTg")
    ('326', 'QĐ', 'TTg')
    >>> split_symbol("178/2024/NĐ-CP")
    ('178', 'NĐ', 'CP')
    >>> split_symbol("111/2024/QH15", "Nghị quyết")
    ('111', 'NQ', 'QH15')
    """
    symbol = unicodedata.normalize("NFC", symbol).replace(" ", "")
    for pattern in (_PARTY, _STATE):
        m = pattern.match(symbol)
        if m:
            return m["number"], m["type"], m["issuer"]
    m = _LEGISLATURE.match(symbol)
    if m and type_word:
        return m["number"], doc_type(type_word).code, m["issuer"]
    raise InputError(symbol, "not a normalised document symbol (or the type word is missing)")


def central_document_iri(iris: Iris, symbol: str, year: int, type_word: str | None = None) -> str:
    """The IRI of a central document, as the reference graph mints it.

    >>> iris = Iris("https://w3id.org/vankien/")
    >>> central_document_iri(iris, "21-KL/TW", 2021)
    'https://w3id.org/vankien/id/doc/tw/kl/2021/21'
    >>> central_document_iri(iris, "111/2024/QH15", 2024, "Nghị quyết")
    'https://w3id.org/vankien/id/doc/qh15/nq/2024/111'
    >>> central_document_iri(iris, "326/QĐ-TTg", 2022)
    'https://w3id.org/vankien/id/doc/ttg/qd/2022/326'
    """
    number, type_code, issuer_code = split_symbol(symbol, type_word)
    return iris.document(number=number, type_code=type_code, issuer_code=issuer_code, year=year)


def province_iri(iris: Iris, province: Province) -> str:
    """``id/province/{slug}`` for the 63, ``id/province/2025/{slug}`` for the 34."""
    return iris.province(province.slug, after_2025=province.after_2025)


# -- triples ----------------------------------------------------------------------------------
def _n(iri: str) -> ox.NamedNode:
    return ox.NamedNode(iri)


def _vi(text: str) -> ox.Literal:
    return ox.Literal(text, language="vi")


def _en(text: str) -> ox.Literal:
    return ox.Literal(text, language="en")


def _typed(value: str, datatype: str) -> ox.Literal:
    return ox.Literal(value, datatype=_n(datatype))


class _Graph:
    def __init__(self) -> None:
        self.triples: list[ox.Triple] = []

    def add(self, s: str, p: str, o: str | ox.Literal) -> None:
        self.triples.append(ox.Triple(_n(s), _n(p), o if isinstance(o, ox.Literal) else _n(o)))


def _scheme(g: _Graph, iris: Iris, scheme: str, vi: str, en: str) -> str:
    iri = iris.id + scheme
    g.add(iri, RDF.type, SKOS.ConceptScheme)
    g.add(iri, SKOS.prefLabel, _vi(vi))
    g.add(iri, SKOS.prefLabel, _en(en))
    return iri


def _concept(
    g: _Graph, iris: Iris, scheme_iri: str, scheme: str, key: str, vi: str, en: str, aliases: tuple[str, ...] = ()
) -> str:
    iri = iris.concept(scheme, key)
    g.add(iri, RDF.type, SKOS.Concept)
    g.add(iri, SKOS.inScheme, scheme_iri)
    g.add(iri, SKOS.notation, ox.Literal(key))
    for p in (SKOS.prefLabel, RDFS.label):
        g.add(iri, p, _vi(vi))
        g.add(iri, p, _en(en))
    for alias in aliases:
        g.add(iri, SKOS.altLabel, _vi(alias))
    return iri


def reference_triples(iris: Iris) -> list[ox.Triple]:
    """The reference graph (load it into ``iris.reference_graph``).

    >>> iris = Iris("https://w3id.org/vankien/")
    >>> t = reference_triples(iris)
    >>> ox.Triple(ox.NamedNode(iris.province("Hà Giang")), ox.NamedNode(VK.mergedInto),
    ...           ox.NamedNode(iris.province("Tuyên Quang", after_2025=True))) in t
    True
    """
    g = _Graph()
    level_iri = _levels_and_types(g, iris)
    kinds, central_body = _body_kinds(g, iris, level_iri)
    _provincial_bodies(g, iris, kinds, level_iri)
    _provinces(g, iris)
    _central_documents(g, iris, level_iri, central_body)
    return g.triples


def _levels_and_types(g: _Graph, iris: Iris) -> dict[str, str]:
    """The schemes of levels and document types; returns the IRI of each level."""
    level_scheme = _scheme(g, iris, "level", "Cấp", "Level")
    level_iri = {key: _concept(g, iris, level_scheme, "level", key, vi, en) for key, vi, en in levels()}

    # document types
    type_scheme = _scheme(g, iris, "doctype", "Loại văn bản", "Document type")
    for t in doc_types():
        iri = _concept(g, iris, type_scheme, "doctype", t.key, t.name_vi, t.name_en, t.aliases)
        if t.code:
            g.add(iri, VK.typeCode, ox.Literal(t.code))
    return level_iri


def _body_kinds(g: _Graph, iris: Iris, level_iri: dict[str, str]) -> tuple[dict[str, BodyKind], dict[str, str]]:
    """The scheme of body kinds, and the central bodies (each central kind is a single body): returns the kinds
    by key and the IRI of each central body by name."""
    kind_scheme = _scheme(g, iris, "bodykind", "Loại cơ quan", "Body kind")
    kinds = {k.key: k for k in body_kinds()}
    for k in kinds.values():
        if k.level not in level_iri:
            raise InputError("data/reference/body_kinds.csv", f"{k.key}: unknown level {k.level!r}")
        if k.parent and k.parent not in kinds:
            raise InputError("data/reference/body_kinds.csv", f"{k.key}: unknown parent {k.parent!r}")
        iri = _concept(g, iris, kind_scheme, "bodykind", k.key, k.name_vi, k.name_en, k.aliases)
        g.add(iri, VK.level, level_iri[k.level])
        if k.parent:
            g.add(iri, VK.parentKind, iris.concept("bodykind", k.parent))
    central_body: dict[str, str] = {}
    for k in kinds.values():
        if k.level != "central":
            continue
        body = iris.body(k.name_vi)
        central_body[k.name_vi] = body
        g.add(body, RDF.type, ORG.Organization)
        g.add(body, SKOS.prefLabel, _vi(k.name_vi))
        g.add(body, RDFS.label, _vi(k.name_vi))
        g.add(body, RDFS.label, _en(k.name_en))
        for alias in k.aliases:
            g.add(body, SKOS.altLabel, _vi(alias))
        g.add(body, ORG.classification, iris.concept("bodykind", k.key))
        g.add(body, VK.level, level_iri["central"])
        if k.parent:
            g.add(body, ORG.subOrganizationOf, iris.body(kinds[k.parent].name_vi))
    return kinds, central_body


def _provincial_bodies(g: _Graph, iris: Iris, kinds: dict[str, BodyKind], level_iri: dict[str, str]) -> None:
    """The provincial bodies of every province and of documents whose province is unknown."""
    # the provincial bodies of every province (and of documents whose province is unknown), described
    # once here: document graphs only point to them, so a body's label is not repeated in every graph
    # (the 63 units documents are written in; every new unit of 2025 bears the name of one of them)
    for p in [*(p for p in provinces() if not p.after_2025), None]:
        where = p.slug if p else "unknown-province"
        for k in kinds.values():
            if k.level != "provincial":
                continue
            body = iris.body(k.name_vi, province=where)
            g.add(body, RDF.type, ORG.Organization)
            g.add(body, SKOS.prefLabel, _vi(k.name_vi))
            g.add(body, RDFS.label, _vi(k.name_vi))
            g.add(body, ORG.classification, iris.concept("bodykind", k.key))
            g.add(body, VK.level, level_iri["provincial"])
            if p is not None:
                g.add(body, VK.province, province_iri(iris, p))
            if k.parent:
                parent = kinds[k.parent]
                g.add(
                    body,
                    ORG.subOrganizationOf,
                    iris.body(parent.name_vi, province=where)
                    if parent.level == "provincial"
                    else iris.body(parent.name_vi),
                )


def _provinces(g: _Graph, iris: Iris) -> None:
    """The 63 provinces, the 34 units from 1 July 2025, and which became which."""
    by_slug_new = {p.slug: p for p in provinces() if p.after_2025}
    merger = _typed(MERGER_DATE, XSD.date)
    for p in provinces():
        iri = province_iri(iris, p)
        g.add(iri, RDF.type, VK.Province)
        g.add(iri, RDFS.label, _vi(p.name_vi))
        g.add(iri, SKOS.notation, ox.Literal(p.slug))
        for alias in p.aliases:
            g.add(iri, SKOS.altLabel, _vi(alias))
        if p.after_2025:
            g.add(iri, VK.validFrom, merger)
            g.add(iri, VK.mergerDate, merger)
            continue
        new = by_slug_new.get(p.merged_into)
        if new is None:
            raise InputError("data/reference/provinces.csv", f"{p.name_vi}: unknown new unit {p.merged_into!r}")
        new_iri = province_iri(iris, new)
        g.add(iri, VK.validUntil, _typed(LAST_DAY_BEFORE_MERGER, XSD.date))
        g.add(iri, VK.mergerDate, merger)
        g.add(iri, VK.mergedInto, new_iri)
        g.add(iri, DCTERMS.isReplacedBy, new_iri)
        g.add(new_iri, VK.formedFrom, iri)
        g.add(new_iri, DCTERMS.replaces, iri)


def _central_documents(g: _Graph, iris: Iris, level_iri: dict[str, str], central_body: dict[str, str]) -> None:
    """The central documents cited by provincial documents, with their issuers."""
    for d in central_documents():
        t = doc_type(d.type)
        iri = central_document_iri(iris, d.symbol, d.year, d.type)
        type_iri = iris.concept("doctype", t.key)
        g.add(iri, RDF.type, ELI.LegalResource)
        g.add(iri, DCTERMS.type, type_iri)
        g.add(iri, ELI.type_document, type_iri)
        g.add(iri, ELI.id_local, ox.Literal(d.symbol))
        g.add(iri, VK.year, _typed(str(d.year), XSD.integer))
        g.add(iri, RDFS.label, _vi(f"{d.type} số {d.symbol} ({d.year})"))
        if d.date:
            date.fromisoformat(d.date)
            g.add(iri, ELI.date_document, _typed(d.date, XSD.date))
        for issuer in d.issuers:
            if issuer not in central_body:
                raise InputError(
                    "data/reference/central_documents.csv",
                    f"{d.symbol}: issuer {issuer!r} is not a central body of body_kinds.csv",
                )
            g.add(iri, ELI.passed_by, central_body[issuer])
        if d.term:
            g.add(iri, VK.term, ox.Literal(d.term))
        if d.title:
            g.add(iri, ELI["title"], _vi(d.title))
        g.add(iri, VK.level, level_iri[d.level or "central"])


def ontology_triples() -> list[ox.Triple]:
    """The ontology (``vankien.ttl``) as triples (load it into ``iris.ontology_graph``).

    >>> t = ontology_triples()
    >>> ox.Triple(ox.NamedNode(VK.Task), ox.NamedNode(RDF.type), ox.NamedNode(OWL.Class)) in t
    True
    """
    return [q.triple for q in ox.parse(path=str(ONTOLOGY_FILE), format=RDF_FORMATS["turtle"])]
