"""What the search index holds of a graph: one record for each document, task, body and project, read from the
graph's triples (as ingest writes them, or as the store answers them)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ontology import ELI, ORG, RDF, RDFS, SKOS, VK

__all__ = ["Record", "records_from_triples", "label_row", "SYNC_QUERY", "KINDS"]

KINDS = ("document", "task", "body", "project")


@dataclass(frozen=True)
class Record:
    """One searchable thing read from a graph."""

    kind: str  # document | task | body | project
    iri: str
    title: str
    text: str = ""
    document: str | None = None  # the document a task belongs to
    extra: str = ""  # shown beside the hit: a task's deadline, a document's date
    symbol: str = ""  # a document's symbol (21-KL/TW): matched before its title and text


_PREDICATES = (
    RDF.type,
    ELI["title"],
    ELI.id_local,
    VK.text,
    SKOS.prefLabel,
    RDFS.label,
    ELI.is_part_of,
    VK.leadBody,
    VK.position,
    VK.deadline,
    VK.deadlineText,
    ELI.date_document,
    VK.contentHash,
)
_KEPT = frozenset(_PREDICATES)
# the terms read per record, looked up once (a namespace's attribute is built at each access)
_TYPE, _HASH, _SOURCE, _PREF, _LABEL = RDF.type, VK.contentHash, VK.SourceDocument, SKOS.prefLabel, RDFS.label
_LEAD, _PART_OF, _SYMBOL, _TEXT, _TITLE = VK.leadBody, ELI.is_part_of, ELI.id_local, VK.text, ELI["title"]
_DEADLINE_TEXT, _DEADLINE, _DATE = VK.deadlineText, VK.deadline, ELI.date_document
_TYPES = {
    ELI.LegalResource: "document",
    VK.SourceDocument: "document",
    VK.PressReport: "document",
    VK.Task: "task",
    ORG.Organization: "body",
    VK.Project: "project",
}
SYNC_QUERY = (
    "SELECT ?g ?s ?p ?o WHERE { VALUES ?g { %VALUES% } GRAPH ?g { ?s ?p ?o "
    "FILTER(?p IN (" + ", ".join(f"<{p}>" for p in _PREDICATES) + ")) } }"
)


def _first(props: dict[str, list[str]], *names: str) -> str:
    for n in names:
        if props.get(n):
            return props[n][0]
    return ""


def records_from_triples(
    triples: Iterable[tuple[str, str, str]], text: str | None = None, label: Callable[[str], str] | None = None
) -> tuple[list[Record], str]:
    """The records of one graph's triples (subject, predicate, object value), and the graph's content hash;
    ``text`` is the full text of the graph's source document, when known; ``label`` names a body that the graph
    does not label (one of the reference data)."""
    subjects: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for s, p, o in triples:
        if p in _KEPT:
            subjects[s][p].append(o)
    digest = next((v[_HASH][0] for v in subjects.values() if v.get(_HASH)), "")
    records = []
    for iri, props in subjects.items():
        kinds = {_TYPES[t] for t in props.get(_TYPE, []) if t in _TYPES}
        kind = "task" if "task" in kinds else next(iter(sorted(kinds)), None)
        if kind is None:
            continue
        own = text if _SOURCE in props[_TYPE] else None
        records.append(_record(kind, iri, props, subjects, own, label or (lambda _: "")))
    return [r for r in records if r.title or r.text or r.symbol], digest


def _record(
    kind: str,
    iri: str,
    props: dict[str, list[str]],
    subjects: dict[str, dict[str, list[str]]],
    text: str | None,
    label: Callable[[str], str],
) -> Record:
    if kind == "task":
        leads = [_first(subjects.get(b, {}), _PREF, _LABEL) or label(b) for b in props.get(_LEAD, [])]
        doc = _first(props, _PART_OF)
        symbol = _first(subjects.get(doc, {}), _SYMBOL)
        extra = " · ".join(x for x in (symbol, _first(props, _DEADLINE_TEXT, _DEADLINE)) if x)
        return Record("task", iri, ", ".join(x for x in leads if x), _first(props, _TEXT), doc or None, extra)
    if kind == "document":
        symbol, date = _first(props, _SYMBOL), _first(props, _DATE)
        return Record("document", iri, _first(props, _TITLE), text or "", None, date, symbol)
    return Record(kind, iri, _first(props, _PREF, _LABEL))


def label_row(r: Record) -> tuple[str, str] | None:
    """(IRI, label) of a body or project record with a title: what the index keeps to name the leads of tasks."""
    return (r.iri, r.title) if r.kind in ("body", "project") and r.title else None
