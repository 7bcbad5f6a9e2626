"""What the flow index keeps of one named graph: rows read from the graph's own triples (as ingest writes them,
or as the store answers them), so that a graph is indexed — and replaced or forgotten — on its own.

>>> from ontology import ELI, RDF, VK
>>> rows = rows_from_triples([("t:1", RDF.type, VK.Task, None), ("t:1", ELI.is_part_of, "d:1", None),
...     ("t:1", VK.text, "Giao Ban Tuyên giáo", None), ("t:1", ELI.implements, "c:1", None),
...     ("d:1", ELI.id_local, "05-KH/TU", None), ("d:1", VK.contentHash, "abc", None)])
>>> rows.tasks, rows.links, rows.facts, rows.digest
([('t:1', 'd:1', 'Giao Ban Tuyên giáo', 0, None, 0, None, None, None)], [('t:1', 'implements', 'c:1')], \
[('d:1', 'symbol', '05-KH/TU')], 'abc')
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ontology import DCTERMS, ELI, RDF, RDFS, SKOS, VK

__all__ = ["Rows", "rows_from_triples", "iter_nquads", "PREDICATES", "TYPES", "sync_query", "natural_key"]

Quad4 = tuple[str, str, str, str | None]  # subject, predicate, object value, language of a literal

# a document's description: field name → predicate (as graph_api.resolver.document_info reads them)
FACTS = {
    ELI.id_local: "symbol",
    ELI["title"]: "title",
    ELI.date_document: "date",
    VK.sourceFile: "file",
    VK.year: "year",
    DCTERMS.type: "kind",
    VK.province: "province",
    VK.level: "level",
}
LINKS = {ELI.implements: "implements", ELI.cites: "cites", ELI.based_on: "based_on"}
TYPES = {VK.Task: "task", VK.SourceDocument: "source", ELI.LegalResource: "legal", VK.PressReport: "press"}
_TASK = (VK.text, VK.position, VK.deadline, VK.ongoing, VK.startOffset, VK.endOffset, VK.section, ELI.is_part_of)
_BODIES = {VK.leadBody: "lead", VK.partnerBody: "partners"}
_REIFIED = (RDF.subject, RDF.object, RDF.predicate, VK.quote)
PREDICATES = (
    *FACTS,
    *LINKS,
    *_TASK,
    *_BODIES,
    *_REIFIED,
    RDF.type,
    RDFS.label,
    SKOS.prefLabel,
    VK.number,
    VK.contentHash,
)


_NUMBER = re.compile(r"\d+")


def natural_key(iri: str) -> str:
    """A text that sorts (byte for byte, as SQLite compares text) as IRIs sort with their numbers compared as
    numbers, ties by the IRI itself: each number becomes a marker below any character of an IRI, its length and
    its digits, and the IRI follows a separator below the marker.

    >>> sorted(["a/task/10", "a/task/2", "a/task", "a/task/02", "a/tasks/1"], key=natural_key)
    ['a/task', 'a/task/02', 'a/task/2', 'a/task/10', 'a/tasks/1']
    """

    def number(m: re.Match[str]) -> str:
        digits = str(int(m.group()))
        return "\x02" + chr(0x30 + len(digits)) + digits

    return _NUMBER.sub(number, iri) + "\x01" + iri


def sync_query(graphs: list[str], predicates: list[str]) -> str:
    """The SELECT of the rows (?g ?s ?p ?o) of ``graphs`` the index keeps (types: only those of ``TYPES``)."""
    types = ", ".join(f"<{t}>" for t in TYPES)
    return (
        f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {' '.join(f'<{g}>' for g in graphs)} }} GRAPH ?g {{ ?s ?p ?o "
        f"FILTER(?p IN ({', '.join(f'<{p}>' for p in predicates)})) "
        f"FILTER(?p != <{RDF.type}> || ?o IN ({types})) }} }}"
    )


@dataclass
class Rows:
    """The rows of one graph, table by table (the graph column is added when they are written)."""

    types: list[tuple[str, str]] = field(default_factory=list)  # (subject, task|source|legal|press)
    facts: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, field, value)
    # (subject, label, language or "", "label" for rdfs:label | "pref" for skos:prefLabel)
    labels: list[tuple[str, str, str, str]] = field(default_factory=list)
    links: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, implements|cites|based_on, object)
    # (task, document, text, position, deadline, ongoing, start, end, section number)
    tasks: list[tuple] = field(default_factory=list)
    bodies: list[tuple[str, str, str, int]] = field(default_factory=list)  # (task, lead|partners, body, order)
    quotes: list[tuple[str, str, str]] = field(default_factory=list)  # (subject, implemented object, quote)
    digest: str = ""


def _int(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


_LABELS = {RDFS.label: "label", SKOS.prefLabel: "pref"}
_TYPE, _TASK_TYPE, _HASH = RDF.type, VK.Task, VK.contentHash
_REIFIED_P, _REIFIED_S, _REIFIED_O, _QUOTE, _IMPLEMENTS = (
    RDF.predicate,
    RDF.subject,
    RDF.object,
    VK.quote,
    ELI.implements,
)
_BODY_PREDICATES = tuple(_BODIES.items())


def rows_from_triples(quads: Iterable[Quad4]) -> Rows:
    """The rows of one graph given its (subject, predicate, object value, language) triples."""
    props: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    rows = Rows()
    labels, links, facts, types = rows.labels, rows.links, rows.facts, rows.types
    for s, p, o, lang in quads:
        label = _LABELS.get(p)
        if label is not None:
            labels.append((s, o, lang or "", label))
            continue
        if p in LINKS:
            links.append((s, LINKS[p], o))
        elif p in FACTS:
            facts.append((s, FACTS[p], o))
        if p == _TYPE:
            if o in TYPES:
                types.append((s, TYPES[o]))
                props[s][p].append(o)
        else:
            props[s][p].append(o)
    for s, pr in props.items():
        if not rows.digest and pr.get(_HASH):
            rows.digest = pr[_HASH][0]
        if _TASK_TYPE in pr.get(_TYPE, ()):
            rows.tasks.append(_task(s, pr, props))
            for predicate, role in _BODY_PREDICATES:
                rows.bodies += [(s, role, b, i) for i, b in enumerate(pr.get(predicate, ()))]
        if pr.get(_REIFIED_P) == [_IMPLEMENTS] and pr.get(_QUOTE):
            for subj in pr.get(_REIFIED_S, ()):
                rows.quotes += [(subj, obj, pr[_QUOTE][0]) for obj in pr.get(_REIFIED_O, ())]
    return rows


_SECTION, _NUMBER_P, _PART_OF, _TEXT, _POSITION = VK.section, VK.number, ELI.is_part_of, VK.text, VK.position
_DEADLINE, _ONGOING, _START, _END = VK.deadline, VK.ongoing, VK.startOffset, VK.endOffset


def _task(s: str, pr: dict[str, list[str]], props: dict[str, dict[str, list[str]]]) -> tuple:
    def one(p: str) -> str | None:
        return pr[p][0] if pr.get(p) else None

    section = one(_SECTION)
    number = props[section][_NUMBER_P][0] if section in props and props[section].get(_NUMBER_P) else None
    return (
        s,
        one(_PART_OF),
        one(_TEXT),
        _int(one(_POSITION)) or 0,
        one(_DEADLINE),
        1 if one(_ONGOING) == "true" else 0,
        _int(one(_START)),
        _int(one(_END)),
        number,
    )


def iter_nquads(data: bytes) -> Iterator[Quad4]:
    """(subject, predicate, object value, language) of N-Quads as ingest writes them."""
    from pyoxigraph import Literal, RdfFormat, parse

    for q in parse(data, format=RdfFormat.N_QUADS, lenient=True):
        o = q.object
        yield q.subject.value, q.predicate.value, o.value, o.language if isinstance(o, Literal) else None
