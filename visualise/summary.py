"""Views that aggregate: a central document → the provinces carrying it out → their documents → task counts
per lead body, at most ``max_nodes`` nodes, each group node expandable on click (``expand``).

Node ids are IRIs for documents and tasks, ``prov|ROOT|PROVINCE`` and ``lead|ROOT|DOC|BODY`` for groups; a node's
``expand`` key names what ``expand`` adds below it (``root|ROOT``, ``prov|ROOT|PROVINCE``, ``doc|ROOT|DOC``,
``lead|ROOT|DOC|BODY``). Labels are short (symbol and a few words of the title, at most ``LABEL_MAX``
characters); the full title or sentence stays in ``title`` / ``text`` for the tooltip and the side panel.

>>> from graph_api.store import open_store
>>> from graph_api.store.ingest import ingest
>>> store = open_store("memory:")
>>> _ = ingest(["data/corpus/seeds/001_cabc18aa64a2325b.txt"], store)
>>> g = flow_summary(store, "69-QĐ/TW")
>>> sorted(a["kind"] for _, a in g.nodes(data=True))
['central', 'document', 'lead', 'province']
>>> max(len(a["label"]) for _, a in g.nodes(data=True)) <= LABEL_MAX
True
"""

from __future__ import annotations

import networkx as nx

from core.errors import NotFound
from graph_api.resolver import ProvinceScope, province_scope, resolve_targets
from graph_api.store import GraphStore
from ontology.iris import checked_iri
from visualise.flowdata import NO_LEAD, FlowDocument, LeadGroup
from visualise.flowsource import flow_source
from visualise.labels import LABEL_MAX, doc_label, kind_vi, short_label

__all__ = [
    "province_scope",
    "LABEL_MAX",
    "MAX_SUMMARY_NODES",
    "short_label",
    "flow_summary",
    "overview_summary",
    "province_summary",
    "expand",
]

MAX_SUMMARY_NODES = 300
_NO_PROVINCE = "none"


def _source(store: GraphStore, source=None):
    return source if source is not None else flow_source(store)


class _Summary:
    """One aggregated graph being built: nodes added with their expand keys, children on demand."""

    def __init__(self, store: GraphStore, source, provinces: list[str] | None = None) -> None:
        self.store, self.src, self.provinces = store, _source(store, source), provinces
        self.g = nx.DiGraph()
        self._leads: dict[str, list[LeadGroup]] = {}
        self.info: dict[str, dict] = {}

    # nodes
    def central(self, iri: str, count: int | None = None) -> str:
        if iri not in self.info:
            self.info.update(self.src.describe([iri]))
        info = self.info.get(iri, {})
        counted = f"{count} văn bản thực hiện" if count is not None else None
        self.g.add_node(
            iri,
            kind="central",
            iri=iri,
            symbol=info.get("symbol"),
            title=info.get("title"),
            doctype=kind_vi(info.get("kind")),
            label=doc_label(info.get("symbol"), info.get("kind"), info.get("date"), info.get("title")),
            year=int(info["year"]) if info.get("year") else None,
            date=info.get("date"),
            count=count,
            summary=counted,
            expand=f"root|{iri}",
        )
        return iri

    def document(self, d: FlowDocument, parent: str) -> str:
        self.g.add_node(
            d.iri,
            kind="document",
            iri=d.iri,
            symbol=d.symbol,
            title=d.title,
            doctype=kind_vi(d.kind),
            label=doc_label(d.symbol, d.kind, d.date, d.title),
            province=d.province_label,
            province_iri=d.province,
            date=d.date,
            year=int(d.date[:4]) if d.date else None,
            count=d.tasks,
            summary=f"{d.tasks} nhiệm vụ",
            expand=f"doc|{d.root}|{d.iri}" if d.tasks else None,
        )
        self.g.add_edge(parent, d.iri, relation="implements" if parent == d.root else "in_province")
        return d.iri

    def province_group(self, root: str, province: str | None, label: str | None, docs: list[FlowDocument]) -> str:
        key = province or _NO_PROVINCE
        node = f"prov|{root}|{key}"
        tasks = sum(d.tasks for d in docs)
        name = label or "Trung ương / không rõ tỉnh"
        self.g.add_node(
            node,
            kind="province",
            iri=province,
            label=short_label(name, f"{len(docs)} VB", f"{tasks} NV"),
            province=label,
            province_iri=province,
            count=len(docs),
            summary=f"{len(docs)} văn bản, {tasks} nhiệm vụ",
            expand=f"prov|{root}|{key}",
        )
        if root:
            self.g.add_edge(root, node, relation="implements")
        return node

    # children
    def docs_of(self, root: str) -> list[FlowDocument]:
        return self.src.documents([root], self.provinces)

    def expand_root(self, root: str) -> list[str]:
        by_province: dict[tuple[str | None, str | None], list[FlowDocument]] = {}
        for d in self.docs_of(root):
            by_province.setdefault((d.province, d.province_label), []).append(d)
        order = sorted(by_province.items(), key=lambda kv: (-sum(d.tasks for d in kv[1]), kv[0][1] or ""))
        return [self.province_group(root, p, label, docs) for (p, label), docs in order]

    def expand_province(self, root: str, province: str) -> list[str]:
        want = None if province == _NO_PROVINCE else province
        docs = [d for d in self.docs_of(root) if d.province == want] if root else self.own(want)
        node = f"prov|{root}|{province}"
        if node not in self.g:
            self.province_group(root, want, docs[0].province_label if docs else None, docs)
        self.src.fill_docs(docs)
        return [self.document(d, node) for d in sorted(docs, key=lambda d: (-d.tasks, d.symbol or "", d.iri))]

    def own(self, province: str | None) -> list[FlowDocument]:
        """Documents of a province that carry out no central document (the province view)."""
        if not province:
            return []
        return self.src.own_documents(self.src.own_document_iris(province))

    def flow_doc(self, root: str, doc: str) -> FlowDocument:
        found = [d for d in self.docs_of(root) if d.iri == doc] if root else self.src.own_documents([doc])
        if not found:
            raise NotFound(f"no document {doc} carrying out {root}")
        self.src.fill_docs(found[:1])
        return found[0]

    def expand_doc(self, root: str, doc: str, d: FlowDocument | None = None) -> list[str]:
        d = d or self.flow_doc(root, doc)
        if doc not in self._leads:  # the lead groups of every document of the root at once
            docs = self.docs_of(root) if root else [d]
            for x in docs:
                self._leads.setdefault(x.iri, [])
            for grp in self.src.leads(docs):
                self._leads[grp.doc].append(grp)
        out = []
        for grp in self._leads.get(doc, []):
            node = f"lead|{root}|{doc}|{grp.lead}"
            self.g.add_node(
                node,
                kind="lead",
                iri=None if grp.lead == NO_LEAD else grp.lead,
                label=short_label(grp.label, n=LABEL_MAX - 8) + f" · {grp.count} NV",
                body=grp.label,
                count=grp.count,
                summary=f"{grp.count} nhiệm vụ do {grp.label} chủ trì",
                province=d.province_label,
                expand=f"lead|{root}|{doc}|{grp.lead}",
            )
            self.g.add_edge(doc, node, relation="lead")
            out.append(node)
        return out

    def expand_lead(self, root: str, doc: str, lead: str) -> list[str]:
        d = self.flow_doc(root, doc)
        parent = f"lead|{root}|{doc}|{lead}"
        out = []
        for t in self.src.tasks(d, lead):
            pos = t["position"]
            self.g.add_node(
                t["iri"],
                kind="task",
                iri=t["iri"],
                label=short_label(f"NV {pos}" if pos else "NV", t["text"], n=48),
                text=t["text"],
                deadline=t["deadline"],
                position=pos,
                province=d.province_label,
                document_label=d.symbol,
            )
            self.g.add_edge(parent, t["iri"], relation="part")
            out.append(t["iri"])
        return out

    def expand(self, key: str) -> list[str]:
        what, _, rest = key.partition("|")
        parts = rest.split("|")
        for part in parts:
            if part not in ("", NO_LEAD, _NO_PROVINCE):
                try:
                    checked_iri(part)
                except ValueError as e:
                    raise NotFound(f"no view node {key!r}: {e}") from e
        if what == "root" and parts[0]:
            return self.expand_root(parts[0])
        if what == "prov" and len(parts) == 2:
            return self.expand_province(*parts)
        if what == "doc" and len(parts) == 2:
            return self.expand_doc(parts[0], parts[1])
        if what == "lead" and len(parts) == 3:
            return self.expand_lead(*parts)
        raise NotFound(f"no view node {key!r}")

    def _least(self, node: str) -> int:
        """The fewest nodes expanding ``node`` adds, known before asking (its documents, for a province)."""
        a = self.g.nodes[node]
        if a["kind"] == "province":
            return a.get("count") or 1
        return 1 if a["kind"] != "central" or a.get("count") is None else min(a["count"], 30)

    def fill(self, max_nodes: int, frontier: list[str]) -> None:
        """Expand group nodes level by level, largest first, while the graph stays within ``max_nodes``;
        tasks are left for a click."""
        while frontier:
            nxt: list[str] = []
            for node in sorted(frontier, key=lambda n: -(self.g.nodes[n].get("count") or 0)):
                key = self.g.nodes[node].get("expand")
                if not key or key.startswith("lead|") or len(self.g) + self._least(node) > max_nodes:
                    continue
                before, edges = set(self.g), set(self.g.edges)
                added = self.expand(key)
                if len(self.g) > max_nodes:  # undo: what it added
                    self.g.remove_nodes_from([n for n in added if n not in before])
                    self.g.remove_edges_from([e for e in list(self.g.edges) if e not in edges])
                    continue
                self.g.nodes[node]["expanded"] = True
                nxt += [n for n in added if n not in before]
            frontier = nxt


def flow_summary(
    store: GraphStore,
    document: str,
    *,
    year: int | None = None,
    province: str | None = None,
    max_nodes: int = MAX_SUMMARY_NODES,
    source=None,
) -> nx.DiGraph:
    """The aggregated flow of one directive (symbol, IRI or id path); ``province`` keeps that province (with the
    pre-merger ones it absorbed)."""
    roots = [d["iri"] for d in resolve_targets(store, document, year=year)]
    scope = province_scope(store, province) if province else None
    s = _Summary(store, source, scope.iris if scope else None)
    for r in roots:
        s.central(r)
    s.fill(max_nodes, roots)
    title = "Luồng thực hiện: " + ", ".join(s.g.nodes[r]["symbol"] or s.g.nodes[r]["label"] for r in roots)
    g = _done(s.g, "flow", title + (f" — {scope.describe_vi()}" if scope else ""), roots)
    g.graph["scope"] = scope.iris if scope else None
    return g


def overview_summary(store: GraphStore, *, max_nodes: int = MAX_SUMMARY_NODES, source=None) -> nx.DiGraph:
    """The central documents carried out most (an eighth of the cap), expanded while the cap allows."""
    s = _Summary(store, source)
    counts = s.src.roots()
    roots = sorted(counts, key=lambda r: (-counts[r], r))[: max(10, max_nodes // 8)]  # room for their provinces
    s.info.update(s.src.describe(roots))
    for r in roots:
        s.central(r, counts[r])
    s.fill(max_nodes, roots)
    title = "Tổng quan: luồng thực hiện các văn bản Trung ương"
    if len(roots) < len(counts):
        title += f" ({len(roots)} văn bản được thực hiện nhiều nhất / {len(counts)})"
    return _done(s.g, "overview", title, roots)


def province_summary(store: GraphStore, name: str, *, max_nodes: int = MAX_SUMMARY_NODES, source=None) -> nx.DiGraph:
    """One province through the 2025 merger (see ``province_scope``): the central documents its documents carry
    out → its documents (per pre-merger province when it absorbed some) → task counts per lead body."""
    scope: ProvinceScope = province_scope(store, name)
    s = _Summary(store, source, scope.iris)
    roots = s.src.province_roots(scope.iris)
    for r in roots:
        s.central(r)
    frontier = list(roots)
    for iri, label in scope.members:
        own = s.own(iri)
        if own:
            frontier.append(s.province_group("", iri, label, own))
    s.fill(max_nodes, frontier)
    for iri, label in scope.members:  # a pre-merger province with nothing in the store still shows, with 0 documents
        if (iri != scope.iri or len(s.g) == 0) and not any(
            a.get("province_iri") == iri for _, a in s.g.nodes(data=True)
        ):
            s.province_group("", iri, label, [])
    g = _done(s.g, "province", f"Tỉnh {scope.describe_vi()}", roots)
    g.graph.update(province=scope.label, members=[label for _, label in scope.members], scope=scope.iris)
    return g


def document_summary(store: GraphStore, iri: str, *, max_nodes: int = MAX_SUMMARY_NODES, source=None) -> nx.DiGraph:
    """One document, aggregated: what it carries out, cites or is based on; its tasks per lead body; the documents
    carrying it out, by province."""
    s = _Summary(store, source)
    s.info.update(s.src.describe([iri]))
    info = s.info.get(iri, {})
    ups = s.src.upstream(iri)
    s.info.update(s.src.describe([o for _, o in ups]))
    for rel, o in ups[: max_nodes // 4]:
        s.central(o)
        level = (s.info.get(o) or {}).get("level") or ""
        s.g.nodes[o].update(
            expand=None, kind="central" if level.endswith("/level/central") or not level else "document"
        )
        s.g.add_edge(o, iri, relation=rel)
    own = s.src.own_documents([iri])[0]
    s.g.add_node(iri)
    s.document(own, iri)
    s.g.remove_edge(iri, iri)
    s.g.nodes[iri].update(expanded=True, province=info.get("province"))
    frontier = s.expand_doc("", iri, own) + s.expand_root(iri)
    s.fill(max_nodes, frontier)
    g = _done(s.g, "document", s.g.nodes[iri]["label"], [])
    g.graph["focus"] = iri
    return g


def expand(store: GraphStore, key: str, *, provinces: list[str] | None = None, source=None) -> nx.DiGraph:
    """The nodes one click on a group node adds (its children) and the edges from it to them (``provinces``:
    those the view is narrowed to)."""
    s = _Summary(store, source, provinces)
    s.expand(key)
    return s.g


def node_of(key: str) -> str:
    """The node an expand key belongs to.

    >>> node_of("doc|http://ex.org/c|http://ex.org/d"), node_of("prov|http://ex.org/c|none")
    ('http://ex.org/d', 'prov|http://ex.org/c|none')
    """
    what, _, rest = key.partition("|")
    return rest.split("|")[-1] if what in ("root", "doc") else key


def _done(g: nx.DiGraph, view: str, title: str, roots: list[str]) -> nx.DiGraph:
    g.graph.update(view=view, title=title, roots=[r for r in roots if r in g], summary=True)
    return g
