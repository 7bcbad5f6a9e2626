"""The aggregated views' counts read from the flow index (:mod:`graph_api.flow`) instead of SPARQL over the whole
store: the same questions as :class:`visualise.flowdata.SparqlFlow` (and the same answers, as the trace counts
them), answered from the SQLite index kept beside the store, so a view costs what it shows, not the store's size.

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
>>> root = "https://w3id.org/vankien/id/doc/tw/qd/2022/69"
>>> [(d.province_label, d.tasks) for d in IndexFlow(store).documents([root])]
[('Tuyên Quang', 1)]
"""

from __future__ import annotations

from collections.abc import Iterable

from graph_api.flow import flow_for
from graph_api.flow import read as R
from graph_api.flow.aggregate import refresh
from graph_api.flow.targets import flow, task_states
from graph_api.store import GraphStore
from visualise.flowdata import NO_LEAD, FlowDocument, LeadGroup, lead_groups

__all__ = ["IndexFlow", "flow_source"]


def _in(ix, sql: str, items: Iterable[str], *extra: object) -> list[tuple]:
    """Rows of ``sql`` (its ``{in}`` slot filled a chunk at a time)."""
    out: list[tuple] = []
    items = sorted(set(items))
    for i in range(0, len(items), 500):
        chunk = items[i : i + 500]
        out += ix.db.execute(sql.format(**{"in": ",".join("?" * len(chunk))}), (*chunk, *extra)).fetchall()
    return out


class IndexFlow:
    """The flow of central documents down to tasks, counted from the store's flow index."""

    def __init__(self, store: GraphStore, *, sync: bool = True) -> None:
        """``sync``: bring the index in step with the store first (else only when it is empty: a one-shot
        command trusts the index ``vankien load`` keeps, instead of reading every graph's hash)."""
        self.store = store
        self.ix = flow_for(store, sync=False)
        if sync or self.ix.db.execute("SELECT 1 FROM graphs LIMIT 1").fetchone() is None:
            self.ix = flow_for(store)
        self._central_roots: set[str] | None = None
        self._docs: dict[tuple[str, ...], list[FlowDocument]] = {}

    def roots(self) -> dict[str, int]:
        """Central documents something carries out, with the number of documents doing so."""
        self._aggregates()
        rows = self.ix.db.execute(
            "SELECT root, COUNT(DISTINCT doc) FROM (SELECT root, doc FROM agg_reach UNION "
            "SELECT root, doc FROM agg_tasks WHERE doc != root) GROUP BY root"
        )
        return {root: n for root, n in rows}

    def upstream(self, doc: str) -> list[tuple[str, str]]:
        """(relation, document) for what ``doc`` implements, cites or is based on."""
        rows = self.ix.db.execute(
            "SELECT DISTINCT rel, o FROM links WHERE s = ? AND rel IN ('implements', 'cites', 'based_on')", (doc,)
        )
        return sorted((rel, o) for rel, o in rows if o != doc)

    def describe(self, iris: list[str]) -> dict[str, dict]:
        """Symbol, title, kind, date, year of documents."""
        return R.documents_info(self.ix, iris)

    def documents(self, roots: list[str], provinces: list[str] | None = None) -> list[FlowDocument]:
        """The documents carrying out ``roots`` (only those of ``provinces`` when given), tasks counted."""
        key = tuple(sorted(roots))
        if len(roots) == 1 and self._central(roots[0]):
            pkey = (*key, "|", *sorted(provinces or ["*"]))
            if pkey not in self._docs:  # a central document's flow: from the aggregate tables
                self._docs[pkey] = self._province_documents(roots[0], provinces)
            return self._docs[pkey]
        if key not in self._docs:
            self._docs[key] = self._documents(list(key))
        docs = self._docs[key]
        return docs if provinces is None else [d for d in docs if d.province in set(provinces)]

    def _aggregates(self) -> None:
        """Bring the aggregate tables in step with the index (once per view) and read the central documents."""
        if self._central_roots is None:
            refresh(self.ix)
            self._central_roots = {r[0] for r in self.ix.db.execute("SELECT root FROM agg_roots")}

    def _central(self, iri: str) -> bool:
        self._aggregates()
        return iri in (self._central_roots or set())

    def _province_documents(self, root: str, provinces: list[str] | None) -> list[FlowDocument]:
        """The documents (of ``provinces``, or all) carrying the central document ``root`` out and their tasks, as
        the trace counts them, from the aggregate tables."""
        by_doc: dict[str, FlowDocument] = {}
        db = self.ix.db
        reach_sql = "SELECT r.doc, p.province FROM agg_reach r LEFT JOIN agg_prov p ON p.doc = r.doc WHERE "
        task_sql = "SELECT DISTINCT task, doc, province FROM agg_tasks WHERE "
        if provinces is None:
            reach = db.execute(reach_sql + "r.root = ?", (root,)).fetchall()
            tasks = db.execute(task_sql + "root = ? AND doc != root", (root,)).fetchall()
        else:
            reach = _in(self.ix, reach_sql + "p.province IN ({in}) AND r.root = ?", provinces, root)
            tasks = _in(self.ix, task_sql + "province IN ({in}) AND root = ? AND doc != root", provinces, root)
        for doc, province in reach:
            by_doc.setdefault(doc, FlowDocument(doc, root, province=province))
        for task, doc, province in sorted(tasks):
            by_doc.setdefault(doc, FlowDocument(doc, root, province=province)).task_iris.append(task)
        labels = R.label_map(self.ix, {d.province for d in by_doc.values() if d.province})
        for d in by_doc.values():
            d.tasks = len(d.task_iris)
            d.province_label = (labels.get(d.province or "") or [None])[0]
            d.described = False
        return sorted(by_doc.values(), key=lambda d: (d.province_label or "", d.iri))

    def fill_docs(self, docs: list[FlowDocument]) -> None:
        """Symbol, title, kind and date of the documents about to be drawn (counted ones are read undescribed)."""
        todo = [d for d in docs if not d.described]
        info = R.documents_info(self.ix, [d.iri for d in todo])
        for d in todo:
            i = info.get(d.iri, {})
            d.symbol, d.title, d.kind, d.date = i.get("symbol"), i.get("title"), i.get("kind"), i.get("date")
            d.described = True

    def own_document_iris(self, province: str) -> list[str]:
        """The documents of ``province`` that carry out no central document."""
        self._aggregates()
        docs = self.province_documents([province])
        counted = {r[0] for r in _in(self.ix, "SELECT doc FROM agg_reach WHERE doc IN ({in})", docs)}
        counted |= {r[0] for r in _in(self.ix, "SELECT doc FROM agg_tasks WHERE doc IN ({in})", docs)}
        return [d for d in docs if d not in counted]

    def _documents(self, roots: list[str]) -> list[FlowDocument]:
        plans, how = flow(self.ix, roots)
        doc_of = {t: s["document"] for t, s in task_states(self.ix, how).items()}
        by_doc = {d: FlowDocument(d, chain[-1] if chain else d) for d, chain in plans.items()}
        for t in sorted(how, key=R.natural):
            doc = doc_of.get(t)
            if doc is None or doc in roots:
                continue
            via = how[t][0]
            root = via if via in roots else (plans.get(via) or [via])[-1]
            by_doc.setdefault(doc, FlowDocument(doc, root)).task_iris.append(t)
        return self._describe(by_doc)

    def _describe(self, by_doc: dict[str, FlowDocument]) -> list[FlowDocument]:
        info = R.documents_info(self.ix, by_doc)
        for d, fd in by_doc.items():
            i = info.get(d, {})
            fd.symbol, fd.title, fd.kind, fd.date = i.get("symbol"), i.get("title"), i.get("kind"), i.get("date")
            fd.province, fd.province_label = i.get("province_iri"), i.get("province")
            fd.tasks = len(fd.task_iris)
        return sorted(by_doc.values(), key=lambda d: (d.province_label or "", d.symbol or "", d.iri))

    def _lead_of(self, tasks: Iterable[str]) -> dict[str, str]:
        lead_of: dict[str, str] = {}
        for t, b in _in(self.ix, "SELECT task, body FROM bodies WHERE role = 'lead' AND task IN ({in})", tasks):
            lead_of[t] = min(lead_of.get(t, b), b)
        return lead_of

    def leads(self, docs: list[FlowDocument]) -> list[LeadGroup]:
        """The counted tasks of ``docs`` per lead body (a task with several leads counts under its first)."""
        return lead_groups(docs, self._lead_of(t for d in docs for t in d.task_iris), self.body_labels)

    def body_labels(self, bodies: list[str]) -> dict[str, str]:
        return {b: labels[0] for b, labels in R.label_map(self.ix, bodies).items() if labels}

    def tasks(self, doc: FlowDocument, lead: str) -> list[dict]:
        """The counted tasks of ``doc`` led by ``lead``: IRI, position, sentence, deadline."""
        lead_of = self._lead_of(doc.task_iris)
        mine = [t for t in doc.task_iris if lead_of.get(t, NO_LEAD) == lead]
        rows = _in(self.ix, "SELECT iri, position, text, deadline FROM tasks WHERE iri IN ({in})", mine)
        info = {t: {"iri": t, "position": p or None, "text": text, "deadline": dl} for t, p, text, dl in rows}
        return sorted((info[t] for t in mine if t in info), key=lambda t: (t["position"] or 0, t["iri"]))

    def province_documents(self, provinces: list[str]) -> list[str]:
        """Every document of ``provinces``."""
        rows = _in(
            self.ix,
            "SELECT DISTINCT f.s FROM facts f JOIN types t ON t.s = f.s AND t.type IN ('legal', 'source') "
            "WHERE f.field = 'province' AND f.value IN ({in})",
            provinces,
        )
        return sorted(r[0] for r in rows)

    def province_roots(self, provinces: list[str]) -> list[str]:
        """The central documents the documents of ``provinces`` carry out, directly or through other documents."""
        self._aggregates()
        rows = _in(self.ix, "SELECT DISTINCT root FROM agg_tasks WHERE province IN ({in})", provinces)
        rows += _in(
            self.ix,
            "SELECT DISTINCT r.root FROM agg_reach r JOIN agg_prov p ON p.doc = r.doc WHERE p.province IN ({in})",
            provinces,
        )
        return sorted({r[0] for r in rows})

    def own_documents(self, docs: list[str]) -> list[FlowDocument]:
        """Documents with all their tasks (no central document above them)."""
        by_doc = {d: FlowDocument(d, "") for d in docs}
        for t, d in _in(self.ix, "SELECT DISTINCT iri, doc FROM tasks WHERE doc IN ({in})", docs):
            by_doc[d].task_iris.append(t)
        for fd in by_doc.values():
            fd.task_iris.sort(key=R.natural)
        return self._describe(by_doc)


def flow_source(store: GraphStore):
    """The flow index of ``store`` when it can have one, else SPARQL over the store. The service's stores (which
    hold a ``runner``) keep the index in step with writes made through it; a command run once reads the index as
    ``vankien load`` left it."""
    from visualise.flowdata import SparqlFlow

    if getattr(store, "path", None) is None and not hasattr(store, "load_graph"):
        return SparqlFlow(store)  # a service's store without a file: SPARQL
    return IndexFlow(store, sync=hasattr(store, "runner") or getattr(store, "path", None) is None)
