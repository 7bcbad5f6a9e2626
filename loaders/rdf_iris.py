"""The IRIs of what a document graph describes: the document read (by symbol and year, or by its words when it
has no number), the documents it cites, the bodies it names (scoped by province, and by district or commune)."""

from __future__ import annotations

from core.errors import InputError
from loaders.model import Citation, Document
from loaders.vocab import key, vocabulary
from ontology.iris import Iris, slug
from ontology.reference import split_symbol

KIND_KEYS = {"news_report": "news-report"}


def province_slug(name: str | None) -> str | None:
    if not name:
        return None
    p = vocabulary().province_by_name(name)
    return p.slug if p else slug(name)


def kind_concept(iris: Iris, kind: str) -> str:
    return iris.concept("doctype", KIND_KEYS.get(kind, kind))


def citation_iri(iris: Iris, c: Citation, province: str | None) -> str:
    """The IRI of a cited document: central ones as the reference graph mints them; local ones
    (TU, HU, UBND …) scoped by the citing document's province."""
    try:
        number, type_code, issuer_code = split_symbol(c.symbol, c.type)
    except InputError:  # an unusual symbol: keep the codes as read
        number, type_code, issuer_code = c.number, c.type_code, c.issuer_code
    return iris.document(
        number=number,
        type_code=type_code,
        issuer_code=issuer_code,
        year=c.year,
        province=province if c.level != "central" else None,
    )


def document_iri(iris: Iris, doc: Document) -> str:
    """The IRI of the document read from a file."""
    province = province_slug(doc.province)
    year = int(doc.date[:4]) if doc.date else None
    if doc.symbol:
        try:
            number, type_code, issuer_code = split_symbol(doc.symbol)
        except InputError:  # an unusual symbol: keep it whole
            number, type_code, issuer_code = doc.symbol.split("-", 1)[0], "", doc.symbol
        return iris.document(
            number=number,
            type_code=type_code,
            issuer_code=issuer_code,
            year=year,
            province=province,
            fingerprint=doc.content_key or doc.sha256,
        )
    return iris.unnumbered_document(
        kind=KIND_KEYS.get(doc.kind, doc.kind),
        province=province,
        date=doc.date,
        fingerprint=doc.content_key or doc.sha256,
    )


def body_iri(
    iris: Iris, name: str, kind_key: str | None, level: str, province: str | None, locality: str | None = None
) -> str:
    """A body's IRI: central bodies by name; others scoped by province, and a district's or commune's
    bodies also by the place of the document that names them ("Ban Tổ chức Huyện ủy" of Bát Xát)."""
    kind = vocabulary().body_by_key(kind_key)
    canonical = kind.name if kind else name
    if level == "central":
        return iris.body(canonical)
    if level in ("district", "commune") and locality and key(locality) not in key(canonical):
        canonical = f"{canonical} {locality}"
    return iris.body(canonical, province=province or "unknown-province")
