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
>>> province_scope(store, "ha giang").describe_vi()
'Hà Giang (trước 01/07/2025; nay thuộc Tuyên Quang)'
>>> province_scope(store, "Tuyen Quang").labels
['Tuyên Quang', 'Hà Giang']
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from core.errors import AmbiguousSymbol, NotFound
from graph_api.flow import read as flow_read
from graph_api.flow.index import FlowIndex
from graph_api.store import GraphStore
from graph_api.store.sparql_text import sparql_string
from graph_api.suggest import close_symbols, closest, did_you_mean
from ontology import DCTERMS, ELI, RDFS, SKOS, VK
from ontology.iris import Iris, checked_iri, slug

__all__ = [
    "find_documents",
    "resolve_targets",
    "resolve_document",
    "resolve_province",
    "province_scope",
    "ProvinceScope",
    "document_info",
    "describe",
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
    """The spellings a symbol is looked up under: as given, then NFC without spaces, then upper case; a symbol
    without ``/`` also with its last, then its first, ``-`` read as ``/``.

    >>> _symbol_forms("21-kl-tw")[-4:]
    ['21-kl/tw', '21/kl-tw', '21-KL/TW', '21/KL-TW']
    """
    bare = re.sub(r"\s+", "", unicodedata.normalize("NFC", ref))
    forms = [ref.strip(), bare, bare.upper()]
    if "/" not in bare and bare.count("-") >= 2:  # a symbol written into a URL path: 21-KL-TW, 56-KH-UBND
        head, _, tail = bare.rpartition("-")
        first, _, rest = bare.partition("-")
        forms += [f"{head}/{tail}", f"{first}/{rest}"]
        forms += [f.upper() for f in forms[-2:]]
    return list(dict.fromkeys(forms))


def _candidates(store: GraphStore, ref: str, base: str | None, index: FlowIndex | None = None) -> list[str]:
    ref = ref.strip()
    if ref.startswith(("http://", "https://")) or re.match(r"^(id/)?doc/", ref):
        iri = ref if ref.startswith("http") else Iris(base).base + (ref if ref.startswith("id/") else "id/" + ref)
        try:
            return [checked_iri(iri)]
        except ValueError as e:
            raise NotFound(str(e)) from e
    for form in _symbol_forms(ref):
        if index is not None:
            with index.lock:
                found = flow_read.documents_named(index, form)
        else:
            query = f"SELECT DISTINCT ?d WHERE {{ ?d <{ELI.id_local}> {sparql_string(form)} }}"
            found = sorted({value_of(r, "d") or "" for r in store.select(query)})
        if found:
            return found
    return []


_FIELDS = {
    "symbol": ELI.id_local,
    "title": ELI.title,
    "date": ELI.date_document,
    "file": VK.sourceFile,
    "year": VK.year,
    "kind": DCTERMS.type,
    "province": VK.province,
}


def describe(store: GraphStore, docs: list[str], *, index: FlowIndex | None = None) -> dict[str, dict[str, str]]:
    """Symbol, title, date, file, year, kind and province of documents as the resolver gives them. A field that
    graphs give different values takes the value of the document's own graph (where it is a
    ``vk:SourceDocument``), else of the reference graph, else the smallest; a kind is its first English label in
    lower case, a province its first label. Read from ``index``, a flow index in step with the store (its
    description kept per document: a cost that does not grow with the graphs describing it), else from the store
    (:func:`_described`); both give the same answer."""
    if index is None:
        return _described(store, docs)
    with index.lock:
        info = flow_read.documents_info(index, docs)
    return {d: {k: v for k, v in info.get(d, {}).items() if k in _FIELDS} for d in docs}


def _described(store: GraphStore, docs: list[str]) -> dict[str, dict[str, str]]:
    """:func:`describe` from the store: each field's distinct values, those of the documents' own graphs and those
    of the reference graph (of the documents' base IRI) — three queries whose answers do not grow with the graphs
    repeating a value."""
    union = " UNION ".join(f'{{ ?d <{p}> ?value . BIND("{name}" AS ?field) }}' for name, p in _FIELDS.items())
    by_base: dict[str, list[str]] = defaultdict(list)
    for d in docs:
        by_base[d.split("id/", 1)[0] if "id/" in d else ""].append(d)
    ranked: dict[tuple[str, str], dict[str, int]] = defaultdict(dict)  # (doc, field) → value → 0 own, 1 ref, 2
    for base, group in by_base.items():
        for i in range(0, len(group), 200):
            chunk = values("d", group[i : i + 200])
            wheres = [
                (0, f"GRAPH ?g {{ ?d a <{VK.SourceDocument}> . {union} }}"),
                (1, f"GRAPH <{Iris(base or None).reference_graph}> {{ {union} }}"),
                (2, union),
            ]
            for rank, where in wheres:
                for r in store.select(f"SELECT DISTINCT ?d ?field ?value WHERE {{ {chunk} {where} }}"):
                    found = ranked[(value_of(r, "d") or "", value_of(r, "field") or "")]
                    value = value_of(r, "value") or ""
                    found[value] = min(found.get(value, rank), rank)
    out: dict[str, dict[str, str]] = {d: {} for d in docs}
    for (d, field), found in ranked.items():
        out[d][field] = min(found, key=lambda v: (found[v], v))
    for field, lang in (("kind", "en"), ("province", None)):
        labels = _first_labels(store, {i[field] for i in out.values() if i.get(field)}, lang)
        for info in out.values():
            if info.get(field) in labels:
                label = labels[info[field]]
                info[field] = label.lower() if field == "kind" else label
            else:
                info.pop(field, None)
    return out


def _first_labels(store: GraphStore, iris: set[str], lang: str | None) -> dict[str, str]:
    """The smallest ``rdfs:label`` of each IRI (of language ``lang`` when given)."""
    found: dict[str, str] = {}
    ordered = sorted(iris)
    for i in range(0, len(ordered), 200):
        query = f"SELECT DISTINCT ?s ?label WHERE {{ {values('s', ordered[i : i + 200])} ?s <{RDFS.label}> ?label }}"
        for r in store.select(query):
            term = r.get("label")
            if term is None or (lang is not None and getattr(term, "language", None) != lang):
                continue
            s = value_of(r, "s") or ""
            found[s] = min(found.get(s, term.value), term.value)
    return found


def _in_province(doc: dict[str, Any], province: str) -> bool:
    want = slug(province.rstrip("/").split("/")[-1])
    return bool(doc["province"]) and slug(doc["province"]) == want


def find_documents(
    store: GraphStore,
    ref: str,
    *,
    year: int | None = None,
    province: str | None = None,
    base: str | None = None,
    index: FlowIndex | None = None,
) -> list[dict[str, Any]]:
    """Documents ``ref`` names: [{iri, symbol, year, title, province}] (see :func:`describe`), by IRI. With
    ``province``, its documents — or, when it has none, the national ones (no province) of that symbol. With
    ``index`` (the store's flow index, in step with it), read from the index instead of the store."""
    iris = _candidates(store, ref, base, index)
    info = describe(store, iris, index=index)
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
    store: GraphStore,
    ref: str,
    *,
    year: int | None = None,
    province: str | None = None,
    base: str | None = None,
    index: FlowIndex | None = None,
) -> list[dict[str, Any]]:
    """The document ``ref`` names — with the undated mentions of its symbol, which join it — or ``NotFound``,
    or ``AmbiguousSymbol`` when the symbol names several dated documents (give ``year`` or ``province``).
    ``index``: as in :func:`find_documents`."""
    found = find_documents(store, ref, year=year, province=province, base=base, index=index)
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


@dataclass(frozen=True)
class ProvinceScope:
    """A province as a view, filter or trace covers it: the one named (``iri``, ``label``, ``period``
    ``before_2025`` / ``from_2025``), the provinces documents may carry for it (``members``: itself and,
    for a province formed in 2025, the pre-merger ones it absorbed) and, for a pre-merger province, the
    one it was merged into."""

    iri: str
    label: str
    period: str | None
    members: tuple[tuple[str, str], ...]
    merged_into: tuple[str, str] | None = None

    @property
    def iris(self) -> list[str]:
        return [m[0] for m in self.members]

    @property
    def labels(self) -> list[str]:
        return list(dict.fromkeys(m[1] for m in self.members))

    def describe_vi(self) -> str:
        """``Thái Nguyên (từ 01/07/2025, gồm Thái Nguyên, Bắc Kạn trước sáp nhập)``."""
        names = sorted((label for iri, label in self.members if iri != self.iri), key=lambda x: (x != self.label, x))
        absorbed = ", ".join(names)
        if self.period == "from_2025" and absorbed not in ("", self.label):
            return f"{self.label} (từ 01/07/2025, gồm {absorbed} trước sáp nhập)"
        if self.merged_into and self.merged_into[0] != self.iri:
            return f"{self.label} (trước 01/07/2025; nay thuộc {self.merged_into[1]})"
        return self.label


def _fold_key(text: str) -> str:
    return re.sub(r"[^0-9a-z]", "", slug(text))


def _provinces(store: GraphStore) -> list[dict[str, Any]]:
    """Every province the store describes (``vk:Province``): IRI, label, names, period, merged into."""
    rows = store.select(f"""SELECT ?p ?label ?name ?into WHERE {{ ?p a <{VK.Province}> .
        OPTIONAL {{ ?p <{RDFS.label}> ?label }} OPTIONAL {{ ?p <{VK.mergedInto}> ?into }}
        OPTIONAL {{ {{ ?p <{SKOS.altLabel}> ?name }} UNION {{ ?p <{SKOS.notation}> ?name }} }} }}""")
    out: dict[str, dict[str, Any]] = {}
    for r in rows:
        iri = value_of(r, "p") or ""
        p = out.setdefault(iri, {"iri": iri, "label": None, "names": set(), "into": None})
        p["label"] = p["label"] or value_of(r, "label")
        p["into"] = p["into"] or value_of(r, "into")
        if value_of(r, "name"):
            p["names"].add(value_of(r, "name"))
    for p in out.values():
        p["label"] = p["label"] or p["iri"].rstrip("/").split("/")[-1]
        p["names"] |= {p["label"], p["iri"].rstrip("/").split("/")[-1]}
        p["period"] = "from_2025" if "/2025/" in p["iri"] else ("before_2025" if p["into"] else None)
    return sorted(out.values(), key=lambda p: p["iri"])


def _scope(p: dict[str, Any], provinces: list[dict[str, Any]]) -> ProvinceScope:
    by_iri = {q["iri"]: q for q in provinces}
    members = [(p["iri"], p["label"])] + [(q["iri"], q["label"]) for q in provinces if q["into"] == p["iri"]]
    into = by_iri.get(p["into"] or "")
    return ProvinceScope(
        iri=p["iri"],
        label=p["label"],
        period=p["period"],
        members=tuple(dict.fromkeys(members)),
        merged_into=(into["iri"], into["label"]) if into else None,
    )


def province_scope(store: GraphStore, name: str) -> ProvinceScope:
    """The province ``name`` names — its label before or after the 2025 merger, an alias, its slug or its IRI,
    diacritics, case and spaces aside (``thai nguyen``, ``Bac Kan``) — with the pre-merger provinces it covers.
    A name both periods share means the province formed in 2025 (which covers the older one). An unknown name
    is ``NotFound`` naming the closest provinces (``suggestions``)."""
    provinces = _provinces(store)
    name = name.strip()
    exact = [p for p in provinces if p["iri"] == name or p["iri"] == name.rstrip("/")]
    if not exact:
        want = _fold_key(name.rstrip("/").split("/")[-1] if name.startswith("http") else name)
        exact = [p for p in provinces if want and any(_fold_key(n) == want for n in p["names"])]
        exact.sort(key=lambda p: p["period"] != "from_2025")
    if exact:
        return _scope(exact[0], provinces)
    if not provinces:  # a store without the reference provinces: the provinces documents carry
        for r in store.select(
            f"SELECT DISTINCT ?p ?label WHERE {{ ?x <{VK.province}> ?p OPTIONAL {{ ?p <{RDFS.label}> ?label }} }}"
        ):
            iri, label = value_of(r, "p") or "", value_of(r, "label")
            if iri == name or _fold_key(label or iri.rstrip("/").split("/")[-1]) == _fold_key(name):
                return ProvinceScope(iri, label or iri.rsplit("/", 1)[-1], None, ((iri, label or iri),))
    names = sorted({p["label"] for p in provinces})
    close = closest(name, names, n=3, cutoff=0.5)
    error = NotFound(f"no province {name!r} in the store" + did_you_mean(close))
    error.suggestions = close  # type: ignore[attr-defined]
    raise error


def resolve_province(store: GraphStore, name: str) -> tuple[str, str]:
    """``(iri, label)`` of the province ``name`` names (see ``province_scope``); ``NotFound`` with suggestions."""
    scope = province_scope(store, name)
    return scope.iri, scope.label
