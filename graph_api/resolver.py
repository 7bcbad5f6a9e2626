"""The one resolver of documents and provinces, for the trace, the REST API and the network views alike.

A document is named by its symbol (``21-KL/TW``, case and spaces aside), its IRI, or its id path
(``doc/tw/kl/2021/21``); ``year`` and ``province`` narrow a symbol that names several documents. A province is
named by its label (``Tuyên Quang``), its slug or its IRI.

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
>>> resolve_document(store, " 69-qđ/tw ")
'https://w3id.org/vankien/id/doc/tw/qd/2022/69'
>>> resolve_province(store, "tuyen-quang")
('https://w3id.org/vankien/id/province/2025/tuyen-quang', 'Tuyên Quang')
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from core.errors import AmbiguousSymbol, NotFound
from graph_api.store import GraphStore
from graph_api.store.sparql_text import sparql_string
from graph_api.suggest import close_symbols, did_you_mean
from ontology import DCTERMS, ELI, RDFS, VK
from ontology.iris import Iris, checked_iri, slug

__all__ = [
    "find_documents",
    "resolve_targets",
    "resolve_document",
    "resolve_province",
    "document_info",
    "values",
    "value_of",
]


def values(var: str, iris: list[str]) -> str:
    """``VALUES ?var { <a> <b> … }``."""
    return f"VALUES ?{var} {{ {' '.join(f'<{i}>' for i in iris)} }}"


def value_of(row: dict[str, Any], name: str) -> str | None:
    """The lexical value of a variable of a row (None when unbound)."""
    term = row.get(name)
    return term.value if term is not None else None


def document_info(store: GraphStore, docs: list[str]) -> dict[str, dict[str, str]]:
    """Symbol, title, date, year, file, kind and province of documents: one UNION branch per property, so
    the copies of a cited document's description in many graphs add up instead of multiplying."""
    out: dict[str, dict[str, str]] = {d: {} for d in docs}
    fields = {
        "symbol": ELI.id_local,
        "title": ELI.title,
        "date": ELI.date_document,
        "file": VK.sourceFile,
        "year": VK.year,
    }
    for i in range(0, len(docs), 200):
        chunk = docs[i : i + 200]
        union = " UNION ".join(f'{{ ?d <{p}> ?value . BIND("{name}" AS ?field) }}' for name, p in fields.items())
        union += (
            f' UNION {{ ?d <{DCTERMS.type}> ?k . ?k <{RDFS.label}> ?value . FILTER(lang(?value) = "en") '
            f'BIND("kind" AS ?field) }} UNION {{ ?d <{VK.province}> ?p . ?p <{RDFS.label}> ?value . '
            f'BIND("province" AS ?field) }}'
        )
        for r in store.select(f"SELECT DISTINCT ?d ?field ?value WHERE {{ {values('d', chunk)} {union} }}"):
            field, value = value_of(r, "field") or "", value_of(r, "value") or ""
            out[value_of(r, "d") or ""][field] = value.lower() if field == "kind" else value
    return out


def _symbol_forms(ref: str) -> list[str]:
    """The spellings a symbol is looked up under: as given, then NFC without spaces, then upper case."""
    bare = re.sub(r"\s+", "", unicodedata.normalize("NFC", ref))
    return list(dict.fromkeys([ref.strip(), bare, bare.upper()]))


def _candidates(store: GraphStore, ref: str, base: str | None) -> list[str]:
    ref = ref.strip()
    if ref.startswith(("http://", "https://")) or re.match(r"^(id/)?doc/", ref):
        iri = ref if ref.startswith("http") else Iris(base).base + (ref if ref.startswith("id/") else "id/" + ref)
        try:
            return [checked_iri(iri)]
        except ValueError as e:
            raise NotFound(str(e)) from e
    found: list[str] = []
    for form in _symbol_forms(ref):
        found += [
            value_of(r, "d") or ""
            for r in store.select(f"SELECT DISTINCT ?d WHERE {{ ?d <{ELI.id_local}> {sparql_string(form)} }}")
        ]
        if found:
            break
    return list(dict.fromkeys(found))


def _in_province(doc: dict[str, Any], province: str) -> bool:
    want = slug(province.rstrip("/").split("/")[-1])
    return bool(doc["province"]) and slug(doc["province"]) == want


def find_documents(
    store: GraphStore, ref: str, *, year: int | None = None, province: str | None = None, base: str | None = None
) -> list[dict[str, Any]]:
    """Documents ``ref`` names: [{iri, symbol, year, title, province}]. With ``province``, its documents — or,
    when it has none, the national ones (no province) of that symbol."""
    iris = _candidates(store, ref, base)
    info = document_info(store, iris)
    found = [
        {
            "iri": d,
            "symbol": info[d].get("symbol"),
            "title": info[d].get("title"),
            "year": int(info[d]["year"]) if info[d].get("year") else None,
            "province": info[d].get("province"),
        }
        for d in iris
        if info[d]
    ]
    if year is not None:
        found = [d for d in found if d["year"] == int(year)]
    if province:
        found = [d for d in found if _in_province(d, province)] or [d for d in found if d["province"] is None]
    return found


def resolve_targets(
    store: GraphStore, ref: str, *, year: int | None = None, province: str | None = None, base: str | None = None
) -> list[dict[str, Any]]:
    """The document ``ref`` names — with the undated mentions of its symbol, which join it — or ``NotFound``,
    or ``AmbiguousSymbol`` when the symbol names several dated documents (give ``year`` or ``province``)."""
    found = find_documents(store, ref, year=year, province=province, base=base)
    if not found:
        raise NotFound(
            f"no document {ref!r}"
            + (f" of {year}" if year else "")
            + (f" in {province}" if province else "")
            + " in the store"
            + did_you_mean(close_symbols(store, ref))
        )
    dated = [d for d in found if d["year"] is not None]
    if len(dated) > 1:
        raise AmbiguousSymbol(ref, sorted(found, key=lambda d: (d["year"] or 0, d["iri"])))
    return dated + [d for d in found if d["year"] is None]


def resolve_document(
    store: GraphStore, ref: str, *, year: int | None = None, province: str | None = None, base: str | None = None
) -> str:
    """The IRI of the one document ``ref`` names (the dated one when undated mentions join it)."""
    return str(resolve_targets(store, ref, year=year, province=province, base=base)[0]["iri"])


def resolve_province(store: GraphStore, name: str) -> tuple[str, str]:
    """``(iri, label)`` of a province given by label (``Tuyên Quang``), slug or IRI; ``NotFound`` otherwise."""
    want = slug(name.rstrip("/").split("/")[-1]) if name.startswith("http") else slug(name)
    rows = store.select(f"""
        SELECT DISTINCT ?p ?label WHERE {{
          {{ ?p a <{VK.Province}> }} UNION {{ ?x <{VK.province}> ?p }}
          OPTIONAL {{ ?p <{RDFS.label}> ?label }}
        }}""")
    for r in sorted(rows, key=lambda r: (value_of(r, "p") or "", value_of(r, "label") or "")):
        iri, label = value_of(r, "p") or "", value_of(r, "label")
        if iri == name or (label and slug(label) == want) or iri.rstrip("/").endswith("/province/" + want):
            return iri, label or want
    raise NotFound(f"no province {name!r} in the store")
