"""What the aggregated views count: for central documents, the documents that carry them out (as the trace finds
them: plans implementing them, transitively, and documents with a task implementing them or such a plan), and
those documents' tasks counted per lead body. Asked from the store by SPARQL, one small query per step.

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
>>> root = "https://w3id.org/vankien/id/doc/tw/qd/2022/69"
>>> [(d.province_label, d.tasks) for d in SparqlFlow(store).documents([root])]
[('Tuyên Quang', 1)]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from graph_api.resolver import document_info, value_of, values
from graph_api.store import GraphStore
from ontology import ELI, RDFS, SKOS, VK

__all__ = ["FlowDocument", "LeadGroup", "SparqlFlow", "NO_LEAD"]

NO_LEAD = "none"
"""The lead key of tasks that name no lead body."""


@dataclass
class FlowDocument:
    """A document carrying out a central document (``root``), with its province and its tasks that count."""

    iri: str
    root: str
    symbol: str | None = None
    title: str | None = None
    kind: str | None = None
    date: str | None = None
    province: str | None = None
    province_label: str | None = None
    tasks: int = 0
    task_iris: list[str] = field(default_factory=list)
    described: bool = True


@dataclass
class LeadGroup:
    """Tasks of one document led by one body (``lead`` = ``NO_LEAD`` when none is named)."""

    doc: str
    lead: str
    label: str
    count: int


def implementing_documents(store: GraphStore, targets: list[str], depth: int = 6) -> dict[str, list[str]]:
    """Documents carrying the targets out by ``eli:implements``, transitively: {document: chain to a target}
    (as :func:`graph_api.trace.implementing_documents`)."""
    chains: dict[str, list[str]] = {t: [] for t in targets}
    frontier = list(targets)
    for _ in range(depth):
        rows = []
        for chunk in _chunks(frontier):
            rows += store.select(f"""SELECT DISTINCT ?a ?b WHERE {{ {values("b", chunk)}
                ?a <{ELI.implements}> ?b . FILTER NOT EXISTS {{ ?a a <{VK.Task}> }} }}""")
        frontier = []
        for r in sorted(rows, key=lambda r: (value_of(r, "a") or "", value_of(r, "b") or "")):
            a, b = value_of(r, "a") or "", value_of(r, "b") or ""
            if a not in chains:
                chains[a] = [b] + chains[b]
                frontier.append(a)
    return {d: chain for d, chain in chains.items() if d not in targets}


def _chunks(items: list[str], size: int = 400):
    for i in range(0, len(items), size):
        yield items[i : i + size]


def lead_groups(
    docs: list[FlowDocument], lead_of: dict[str, str], body_labels: Callable[[list[str]], dict[str, str]]
) -> list[LeadGroup]:
    """The counted tasks of ``docs`` per lead body, given each task's (first) lead, largest group first."""
    task_doc = {t: d.iri for d in docs for t in d.task_iris}
    counts: Counter = Counter((task_doc[t], lead_of.get(t, NO_LEAD)) for t in task_doc)
    labels = body_labels(sorted({b for _, b in counts} - {NO_LEAD}))
    return [
        LeadGroup(doc, lead, labels.get(lead, "Chưa rõ cơ quan chủ trì"), n)
        for (doc, lead), n in sorted(counts.items(), key=lambda x: (x[0][0], -x[1], x[0][1]))
    ]


class SparqlFlow:
    """The flow of central documents down to tasks, counted from the store by SPARQL."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self._docs: dict[tuple[str, ...], list[FlowDocument]] = {}

    def roots(self) -> dict[str, int]:
        """Central documents something carries out, with the number of documents doing so."""
        rows = self.store.select(f"""SELECT ?c (COUNT(DISTINCT ?d) AS ?n) WHERE {{
            ?c <{VK.level}> ?lvl . FILTER(STRENDS(STR(?lvl), "/level/central"))
            {{ ?d <{ELI.implements}> ?c FILTER NOT EXISTS {{ ?d a <{VK.Task}> }} }}
            UNION {{ ?t <{ELI.implements}> ?c ; <{ELI.is_part_of}> ?d ; a <{VK.Task}> }} }} GROUP BY ?c""")
        return {value_of(r, "c") or "": int(value_of(r, "n") or 0) for r in rows}

    def upstream(self, doc: str) -> list[tuple[str, str]]:
        """(relation, document) for what ``doc`` implements, cites or is based on."""
        out = []
        for rel, p in (("implements", ELI.implements), ("cites", ELI.cites), ("based_on", ELI.based_on)):
            out += [
                (rel, value_of(r, "o") or "")
                for r in self.store.select(f"SELECT DISTINCT ?o WHERE {{ <{doc}> <{p}> ?o }}")
            ]
        return sorted(x for x in out if x[1] != doc)

    def fill_docs(self, docs: list[FlowDocument]) -> None:
        """Nothing: documents are read described."""

    def describe(self, iris: list[str]) -> dict[str, dict]:
        """Symbol, title, kind, date, year of documents."""
        return document_info(self.store, iris)

    def documents(self, roots: list[str], provinces: list[str] | None = None) -> list[FlowDocument]:
        """The documents carrying out ``roots`` (only those of ``provinces`` when given), tasks counted."""
        key = tuple(sorted(roots))
        if key not in self._docs:
            self._docs[key] = self._documents(list(key))
        docs = self._docs[key]
        if provinces is not None:
            docs = [d for d in docs if d.province in set(provinces)]
        return docs

    def _documents(self, roots: list[str]) -> list[FlowDocument]:
        plans = implementing_documents(self.store, roots)
        root_of = {r: r for r in roots} | {d: chain[-1] for d, chain in plans.items()}
        tasks: dict[str, tuple[str, str]] = {}  # task → (its document, the root it carries out)
        via = list(root_of)
        for chunk in _chunks(via):
            for r in self.store.select(f"""SELECT DISTINCT ?t ?doc ?via WHERE {{ {values("via", chunk)}
                    {{ ?t <{ELI.is_part_of}> ?via BIND(?via AS ?doc) }}
                    UNION {{ ?t <{ELI.implements}> ?via ; <{ELI.is_part_of}> ?doc }} ?t a <{VK.Task}> }}"""):
                t, doc, v = value_of(r, "t") or "", value_of(r, "doc") or "", value_of(r, "via") or ""
                if doc in roots:
                    continue
                if t not in tasks or v in roots:
                    tasks[t] = (doc, root_of[v])
        by_doc: dict[str, FlowDocument] = {d: FlowDocument(d, root_of[d]) for d in plans}
        for t, (doc, root) in sorted(tasks.items()):
            fd = by_doc.setdefault(doc, FlowDocument(doc, root))
            fd.task_iris.append(t)
        info = document_info(self.store, sorted(by_doc))
        provinces = self._provinces(sorted(by_doc))
        for d, fd in by_doc.items():
            i = info.get(d, {})
            fd.symbol, fd.title, fd.kind, fd.date = i.get("symbol"), i.get("title"), i.get("kind"), i.get("date")
            fd.province, fd.province_label = provinces.get(d, (None, None))
            fd.tasks = len(fd.task_iris)
        return sorted(by_doc.values(), key=lambda d: (d.province_label or "", d.symbol or "", d.iri))

    def _provinces(self, docs: list[str]) -> dict[str, tuple[str, str]]:
        out: dict[str, tuple[str, str]] = {}
        for chunk in _chunks(docs):
            for r in self.store.select(f"""SELECT ?d ?p ?label WHERE {{ {values("d", chunk)}
                    ?d <{VK.province}> ?p OPTIONAL {{ ?p <{RDFS.label}> ?label }} }}"""):
                p = value_of(r, "p") or ""
                out[value_of(r, "d") or ""] = (p, value_of(r, "label") or p.rsplit("/", 1)[-1])
        return out

    def leads(self, docs: list[FlowDocument]) -> list[LeadGroup]:
        """The counted tasks of ``docs`` per lead body (a task with several leads counts under its first)."""
        lead_of: dict[str, str] = {}
        for chunk in _chunks(sorted(t for d in docs for t in d.task_iris)):
            for r in self.store.select(f"""SELECT ?t ?b WHERE {{ {values("t", chunk)} ?t <{VK.leadBody}> ?b }}"""):
                t, b = value_of(r, "t") or "", value_of(r, "b") or ""
                lead_of[t] = min(lead_of.get(t, b), b)
        return lead_groups(docs, lead_of, self.body_labels)

    def body_labels(self, bodies: list[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(bodies):
            for r in self.store.select(f"""SELECT ?b ?l WHERE {{ {values("b", chunk)}
                    {{ ?b <{SKOS.prefLabel}> ?l }} UNION {{ ?b <{RDFS.label}> ?l }} }}"""):
                out.setdefault(value_of(r, "b") or "", value_of(r, "l") or "")
        return out

    def tasks(self, doc: FlowDocument, lead: str) -> list[dict]:
        """The counted tasks of ``doc`` led by ``lead``: IRI, position, sentence, deadline."""
        lead_of: dict[str, str] = {}
        rows = []
        for chunk in _chunks(doc.task_iris):
            rows += self.store.select(f"""SELECT ?t ?pos ?text ?deadline ?b WHERE {{ {values("t", chunk)}
                OPTIONAL {{ ?t <{VK.position}> ?pos }} OPTIONAL {{ ?t <{VK.text}> ?text }}
                OPTIONAL {{ ?t <{VK.deadline}> ?deadline }} OPTIONAL {{ ?t <{VK.leadBody}> ?b }} }}""")
        info: dict[str, dict] = {}
        for r in rows:
            t, b = value_of(r, "t") or "", value_of(r, "b")
            if b:
                lead_of[t] = min(lead_of.get(t, b), b)
            info.setdefault(
                t,
                {
                    "iri": t,
                    "position": int(value_of(r, "pos") or 0) or None,
                    "text": value_of(r, "text"),
                    "deadline": value_of(r, "deadline"),
                },
            )
        out = [info[t] for t in doc.task_iris if lead_of.get(t, NO_LEAD) == lead and t in info]
        return sorted(out, key=lambda t: (t["position"] or 0, t["iri"]))

    def province_roots(self, provinces: list[str]) -> list[str]:
        """The central documents the documents of ``provinces`` carry out, directly or through other documents."""
        rows = self.store.select(f"""SELECT DISTINCT ?d WHERE {{ {values("p", provinces)} ?d <{VK.province}> ?p
            FILTER NOT EXISTS {{ ?d a <{VK.Task}> }} }}""")
        frontier, seen, roots = [value_of(r, "d") or "" for r in rows], set(), set()
        for _ in range(6):
            frontier = [d for d in frontier if d not in seen]
            if not frontier:
                break
            seen.update(frontier)
            up = []
            for chunk in _chunks(frontier):
                for r in self.store.select(f"""SELECT DISTINCT ?x ?lvl WHERE {{ {values("d", chunk)}
                        {{ ?d <{ELI.implements}> ?x }} UNION {{ ?t <{ELI.is_part_of}> ?d ; <{ELI.implements}> ?x }}
                        OPTIONAL {{ ?x <{VK.level}> ?lvl }} }}"""):
                    x = value_of(r, "x") or ""
                    (roots.add(x) if (value_of(r, "lvl") or "").endswith("/level/central") else up.append(x))
            frontier = up
        return sorted(roots)

    def own_documents(self, docs: list[str]) -> list[FlowDocument]:
        """Documents with all their tasks (no central document above them)."""
        out = {d: FlowDocument(d, "") for d in docs}
        for chunk in _chunks(docs):
            for r in self.store.select(f"""SELECT ?t ?d WHERE {{ {values("d", chunk)}
                    ?t <{ELI.is_part_of}> ?d ; a <{VK.Task}> }}"""):
                out[value_of(r, "d") or ""].task_iris.append(value_of(r, "t") or "")
        info, provinces = document_info(self.store, docs), self._provinces(docs)
        for d, fd in out.items():
            i = info.get(d, {})
            fd.symbol, fd.title, fd.kind, fd.date = i.get("symbol"), i.get("title"), i.get("kind"), i.get("date")
            fd.province, fd.province_label = provinces.get(d, (None, None))
            fd.task_iris.sort()
            fd.tasks = len(fd.task_iris)
        return list(out.values())

    def own_document_iris(self, province: str) -> list[str]:
        """The documents of ``province`` that carry out no central document."""
        counted = {d.iri for d in self.documents(self.province_roots([province]), [province])}
        return [d for d in self.province_documents([province]) if d not in counted]

    def province_documents(self, provinces: list[str]) -> list[str]:
        """Every document of ``provinces``."""
        rows = self.store.select(f"""SELECT DISTINCT ?d WHERE {{ {values("p", provinces)} ?d <{VK.province}> ?p ;
            a <{ELI.LegalResource}> }}""")
        return sorted(value_of(r, "d") or "" for r in rows)
