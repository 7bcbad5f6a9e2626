"""Networkx projections of the graph, built from the store by SPARQL only (never from text).

Every projection is an ``nx.DiGraph`` whose node ids are resource IRIs. Nodes carry:
``kind`` (``central``, ``document``, ``press``, ``meeting``, ``task``, ``body``, ``project``),
``label`` (Vietnamese), ``iri`` and, when known, ``title``, ``text``, ``quote``, ``province``,
``year``, ``date``, ``deadline``, ``ongoing``, ``symbol``. Edges carry ``relation``
(``implements``, ``cites``, ``based_on``, ``amends``, ``repeals``, ``task_implements``, ``part``,
``lead``, ``partner``, ``project``, ``adopted``, ``reports``, ``held``) and, when the store has
the evidence, ``quote``. Edges run downstream: from the directive to what takes it up.

>>> from graph_api.store import open_store
>>> store = open_store("memory:")
>>> store.load_graph("http://ex.org/g", '''
... @prefix eli: <http://data.europa.eu/eli/ontology#> . @prefix vk: <https://w3id.org/vankien/ontology#> .
... <http://ex.org/c> a eli:LegalResource ; eli:id_local "21-KL/TW" ; vk:level <http://ex.org/id/level/central> .
... <http://ex.org/p> a eli:LegalResource ; eli:id_local "147-KH/TU" ; eli:implements <http://ex.org/c> ;
...     vk:level <http://ex.org/id/level/provincial> .
... <http://ex.org/p/task/1> a vk:Task ; eli:is_part_of <http://ex.org/p> ; vk:text "Quán triệt."@vi .
... '''.encode())
>>> g = flow_graph(store, "21-KL/TW")
>>> sorted(g.nodes[n]["kind"] for n in g)
['central', 'document', 'task']
>>> g.edges["http://ex.org/c", "http://ex.org/p"]["relation"]
'implements'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from core.doctypes import names_vi as doctype_names_vi
from core.errors import NotFound
from graph_api.resolver import resolve_document, resolve_province, resolve_targets
from graph_api.store import GraphStore
from ontology import sparql_prefixes
from ontology.iris import checked_iri

__all__ = [
    "KIND_LABELS_VI",
    "resolve_document",
    "resolve_province",
    "flow_graph",
    "overview_graph",
    "province_graph",
    "document_graph",
    "meeting_graph",
    "citation_graph",
    "body_task_graph",
    "root_documents",
]

# Vietnamese names of the node kinds (legend of the views).
KIND_LABELS_VI: dict[str, str] = {
    "central": "Văn bản Trung ương",
    "document": "Văn bản địa phương",
    "press": "Tin bài",
    "meeting": "Hội nghị",
    "task": "Nhiệm vụ",
    "body": "Cơ quan",
    "project": "Dự án",
    "aggregate": "Nhóm (gộp)",
}

_CHUNK = 400


# -- SPARQL helpers ---------------------------------------------------------------------------
def _select(store: GraphStore, body: str) -> list[dict]:
    return store.select(sparql_prefixes() + body)


def _v(row: dict, key: str) -> str | None:
    term = row.get(key)
    return None if term is None else term.value


def _iri_list(iris: Iterable[str]) -> str:
    return " ".join(f"<{i}>" for i in iris)


def _chunks(items: Iterable[str], size: int = _CHUNK) -> Iterable[list[str]]:
    items = sorted(set(items))
    for i in range(0, len(items), size):
        yield items[i : i + size]


def _select_values(store: GraphStore, var: str, iris: Iterable[str], body: str) -> list[dict]:
    """Run ``body`` once per chunk of IRIs bound to ``?var`` with VALUES."""
    rows: list[dict] = []
    for chunk in _chunks(iris):
        rows += _select(store, body.replace("#VALUES#", f"VALUES ?{var} {{ {_iri_list(chunk)} }}"))
    return rows


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri)[-1]


def _short(text: str | None, n: int = 48) -> str:
    """First ``n`` characters of a text, cut at a word.

    >>> _short("Tăng cường công tác kiểm tra, giám sát của Đảng đối với tổ chức đảng", 30)
    'Tăng cường công tác kiểm tra,…'
    """
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= n:
        return text
    return text[:n].rsplit(" ", 1)[0] + "…"


def _date_vi(value: str | None) -> str | None:
    """``2022-07-13`` → ``13/07/2022``; ``2022-07`` → ``07/2022``.

    >>> _date_vi("2022-07-13"), _date_vi("2022-07")
    ('13/07/2022', '07/2022')
    """
    if not value:
        return None
    parts = value.split("-")
    return "/".join(reversed(parts))


def root_documents(store: GraphStore) -> list[str]:
    """Central documents that something in the store takes up (implements, cites, bases on)."""
    rows = _select(
        store,
        """
        SELECT DISTINCT ?c WHERE {
          ?c vk:level ?lvl . FILTER(STRENDS(STR(?lvl), "/level/central"))
          { ?x eli:implements|eli:cites|eli:based_on ?c }
        }""",
    )
    return sorted(_v(r, "c") for r in rows)


# -- the builder ------------------------------------------------------------------------------
class _Builder:
    """Adds documents, tasks, bodies, projects and meetings to one DiGraph, with their attributes."""

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.g = nx.DiGraph()
        self.quotes: dict[tuple[str, str, str | None], str] = {}

    # documents
    def add_documents(self, iris: Iterable[str]) -> None:
        iris = [i for i in set(iris) if i not in self.g]
        if not iris:
            return
        rows = _select_values(
            self.store,
            "d",
            iris,
            """
            SELECT ?d ?cls ?sym ?title ?year ?date ?level ?prov ?provLabel ?type WHERE {
              #VALUES#
              OPTIONAL { ?d a ?cls FILTER(?cls = vk:PressReport) }
              OPTIONAL { ?d eli:id_local ?sym }
              OPTIONAL { ?d eli:title ?title }
              OPTIONAL { ?d vk:year ?year }
              OPTIONAL { ?d eli:date_document ?date }
              OPTIONAL { ?d vk:level ?level }
              OPTIONAL { ?d vk:province ?prov OPTIONAL { ?prov rdfs:label ?provLabel } }
              OPTIONAL { ?d dcterms:type ?type }
            }""",
        )
        info: dict[str, dict] = {}
        for r in rows:
            d = info.setdefault(_v(r, "d"), {})
            for k in ("cls", "sym", "title", "year", "date", "level", "prov", "provLabel", "type"):
                if k not in d and _v(r, k) is not None:
                    d[k] = _v(r, k)
        for iri in iris:
            d = info.get(iri, {})
            kind_key = _local(d["type"]) if d.get("type") else None
            kind_vi = doctype_names_vi().get(kind_key or "", "Văn bản")
            level = d.get("level", "")
            if d.get("cls"):
                kind = "press"
            elif level.endswith("/level/central") or (not level and not d.get("prov")):
                kind = "central"
            else:
                kind = "document"
            date = d.get("date")
            year = int(d["year"]) if d.get("year") else (int(date[:4]) if date else None)
            province = d.get("provLabel") or (_local(d["prov"]) if d.get("prov") else None)
            if d.get("sym"):
                label = f"{kind_vi} {d['sym']}"
            else:
                label = " · ".join(x for x in (kind_vi, province, _date_vi(date) or (str(year) if year else None)) if x)
            self.g.add_node(
                iri,
                kind=kind,
                iri=iri,
                label=label,
                symbol=d.get("sym"),
                title=d.get("title"),
                doctype=kind_vi,
                year=year,
                date=date,
                province=province,
                province_iri=d.get("prov"),
            )

    def add_doc_edge(self, up: str, down: str, relation: str) -> None:
        if up == down or (self.g.has_edge(up, down) and relation == "task_implements"):
            return
        self.g.add_edge(up, down, relation=relation)

    # tasks
    def add_tasks_of(self, docs: Iterable[str]) -> list[str]:
        """All tasks that are part of ``docs``; returns their IRIs."""
        rows = _select_values(
            self.store,
            "doc",
            docs,
            """
            SELECT ?t ?doc ?pos ?text ?deadline ?deadlineText ?ongoing WHERE {
              #VALUES#
              ?t a vk:Task ; eli:is_part_of ?doc .
              OPTIONAL { ?t vk:position ?pos } OPTIONAL { ?t vk:text ?text }
              OPTIONAL { ?t vk:deadline ?deadline } OPTIONAL { ?t vk:deadlineText ?deadlineText }
              OPTIONAL { ?t vk:ongoing ?ongoing }
            }""",
        )
        tasks: list[str] = []
        for r in rows:
            t, doc = _v(r, "t"), _v(r, "doc")
            if t in self.g:
                continue
            parent = self.g.nodes[doc]
            pos = int(_v(r, "pos")) if _v(r, "pos") else None
            text = _v(r, "text")
            label = f"Nhiệm vụ {pos}" if pos else "Nhiệm vụ"
            if text:
                label += ": " + _short(text, 40)
            self.g.add_node(
                t,
                kind="task",
                iri=t,
                label=label,
                text=text,
                position=pos,
                deadline=_v(r, "deadline"),
                deadline_text=_v(r, "deadlineText"),
                ongoing=_v(r, "ongoing") == "true",
                province=parent.get("province"),
                province_iri=parent.get("province_iri"),
                year=parent.get("year"),
                document=doc,
                document_label=parent.get("label"),
            )
            self.g.add_edge(doc, t, relation="part")
            tasks.append(t)
        return tasks

    def link_task_implements(self, tasks: Iterable[str]) -> None:
        """Edges document → task for each ``task eli:implements document`` with the document in the graph."""
        rows = _select_values(self.store, "t", tasks, "SELECT ?t ?d WHERE { #VALUES# ?t eli:implements ?d }")
        for r in rows:
            t, d = _v(r, "t"), _v(r, "d")
            if d in self.g and not self.g.has_edge(d, t):
                self.g.add_edge(d, t, relation="task_implements")

    def add_assignments(self, tasks: Iterable[str]) -> None:
        """Bodies (lead, partner) and projects of tasks."""
        # one UNION branch per property: much faster on oxigraph than VALUES ?p joined with VALUES ?t
        rows = _select_values(
            self.store,
            "t",
            tasks,
            """
            SELECT ?t ?p ?b WHERE {
              #VALUES#
              { ?t vk:leadBody ?b BIND("leadBody" AS ?p) } UNION { ?t vk:partnerBody ?b BIND("partnerBody" AS ?p) }
              UNION { ?t vk:concernsProject ?b BIND("concernsProject" AS ?p) }
            }""",
        )
        labels = {
            _v(r, "b"): r
            for r in _select_values(
                self.store,
                "b",
                {_v(r, "b") for r in rows},
                """
            SELECT ?b ?l1 ?l2 ?provLabel ?prov WHERE {
              #VALUES#
              OPTIONAL { ?b skos:prefLabel ?l1 } OPTIONAL { ?b rdfs:label ?l2 }
              OPTIONAL { ?b vk:province ?prov OPTIONAL { ?prov rdfs:label ?provLabel } }
            }""",
            )
        }
        relation = {"leadBody": "lead", "partnerBody": "partner", "concernsProject": "project"}
        for r in sorted(rows, key=lambda r: (_v(r, "t"), _v(r, "p"), _v(r, "b"))):
            t, p, b = _v(r, "t"), _v(r, "p"), _v(r, "b")
            if b not in self.g:
                kind = "project" if p == "concernsProject" else "body"
                info = labels.get(b, {})
                province = _v(info, "provLabel") or (_local(_v(info, "prov")) if _v(info, "prov") else None)
                self.g.add_node(
                    b,
                    kind=kind,
                    iri=b,
                    label=_v(info, "l1") or _v(info, "l2") or _local(b),
                    province=province,
                    province_iri=_v(info, "prov"),
                )
            if not self.g.has_edge(t, b) or relation[p] == "lead":
                self.g.add_edge(t, b, relation=relation[p])

    # meetings
    def add_meetings(self, iris: Iterable[str]) -> None:
        rows = _select_values(
            self.store,
            "m",
            iris,
            """
            SELECT ?m ?num ?term ?date ?provLabel ?prov ?body ?bl WHERE {
              #VALUES#
              OPTIONAL { ?m vk:meetingNumber ?num } OPTIONAL { ?m vk:term ?term }
              OPTIONAL { ?m dcterms:date ?date }
              OPTIONAL { ?m vk:province ?prov OPTIONAL { ?prov rdfs:label ?provLabel } }
              OPTIONAL { ?m vk:heldBy ?body OPTIONAL { ?body skos:prefLabel|rdfs:label ?bl } }
            }""",
        )
        for r in rows:
            m = _v(r, "m")
            if m in self.g:
                continue
            num, term, date = _v(r, "num"), _v(r, "term"), _v(r, "date")
            label = "Hội nghị" + (f" lần thứ {num}" if num else "") + (f" (khóa {term})" if term else "")
            if not num and date:
                label += f" {_date_vi(date)}"
            self.g.add_node(
                m,
                kind="meeting",
                iri=m,
                label=label,
                date=date,
                year=int(date[:4]) if date else None,
                province=_v(r, "provLabel") or (_local(_v(r, "prov")) if _v(r, "prov") else None),
                province_iri=_v(r, "prov"),
                held_by=_v(r, "bl"),
            )
            body = _v(r, "body")
            if body:
                if body not in self.g:
                    self.g.add_node(
                        body,
                        kind="body",
                        iri=body,
                        label=_v(r, "bl") or _local(body),
                        province=self.g.nodes[m]["province"],
                    )
                self.g.add_edge(body, m, relation="held")

    # evidence
    def attach_quotes(self) -> None:
        """Put the printed sentence of each fact on its edge, and a task's own sentence on the task."""
        subjects = [n for n, a in self.g.nodes(data=True) if a["kind"] in ("task", "document", "press", "central")]
        rows = _select_values(
            self.store,
            "s",
            subjects,
            """
            SELECT ?s ?p ?o ?q WHERE { #VALUES# ?e rdf:subject ?s ; rdf:predicate ?p ; vk:quote ?q .
                                       OPTIONAL { ?e rdf:object ?o } }""",
        )
        by_subject: dict[str, list[tuple[str, str | None, str]]] = defaultdict(list)
        for r in rows:
            by_subject[_v(r, "s")].append((_local(_v(r, "p")), _v(r, "o"), _v(r, "q")))
        for s, facts in by_subject.items():
            facts.sort(key=lambda f: (f[0] != "implements", f[0], f[1] or "", f[2]))
            if self.g.nodes[s]["kind"] == "task":
                self.g.nodes[s]["quote"] = facts[0][2]
            for _pred, obj, quote in facts:
                # document relations point upstream in RDF, downstream in the graph
                if obj in self.g and self.g.has_edge(obj, s) and "quote" not in self.g.edges[obj, s]:
                    self.g.edges[obj, s]["quote"] = quote
                elif obj in self.g and self.g.has_edge(s, obj) and "quote" not in self.g.edges[s, obj]:
                    self.g.edges[s, obj]["quote"] = quote

    def finish(self, roots: Iterable[str] = ()) -> nx.DiGraph:
        """Attach quotes and record, on every node, the central documents it flows from (``roots``)."""
        self.attach_quotes()
        roots = [r for r in roots if r in self.g]
        self.g.graph["roots"] = roots
        reach: dict[str, set[str]] = defaultdict(set)
        for r in roots:
            reach[r].add(r)
            for n in nx.descendants(self.g, r):
                reach[n].add(r)
        for n in self.g:
            self.g.nodes[n]["roots"] = sorted(reach.get(n, ()))
        return self.g


def _downstream(store: GraphStore, frontier: list[str], province_iri: str | None) -> list[tuple[str, str, str]]:
    """(up, down, relation) for documents that take up a frontier document, directly or by a task."""
    where_prov = f"?down vk:province <{province_iri}> ." if province_iri else ""
    # two queries, relations as UNION branches: much faster on oxigraph than one UNION with VALUES ?rel
    rows = _select_values(
        store,
        "up",
        frontier,
        f"""
        SELECT DISTINCT ?up ?down ?rel WHERE {{
          #VALUES#
          {{ ?down eli:implements ?up BIND("implements" AS ?rel) }} UNION {{ ?down eli:cites ?up BIND("cites" AS ?rel) }}
          UNION {{ ?down eli:based_on ?up BIND("based_on" AS ?rel) }}
          {{ ?down a eli:LegalResource }} UNION {{ ?down a vk:PressReport }}
          {where_prov}
        }}""",
    )
    rows += _select_values(
        store,
        "up",
        frontier,
        f"""
        SELECT DISTINCT ?up ?down ?rel WHERE {{
          #VALUES#
          ?t eli:implements ?up . ?t eli:is_part_of ?down . ?t a vk:Task . BIND("task_implements" AS ?rel)
          {where_prov}
        }}""",
    )
    return sorted({(_v(r, "up"), _v(r, "down"), _v(r, "rel")) for r in rows})


# -- projections ------------------------------------------------------------------------------
def flow_graph(
    store: GraphStore,
    document: str | list[str],
    *,
    year: int | None = None,
    province: str | None = None,
    max_depth: int = 2,
    tasks: bool = True,
) -> nx.DiGraph:
    """How one directive (or several) flows down: the document(s) → the documents that implement or
    cite them (up to ``max_depth`` steps, e.g. a district plan implementing a provincial plan) → their
    tasks → the bodies and projects the tasks land on.

    ``document`` is a symbol, an IRI or an id path (see ``resolve_document``); ``year`` disambiguates
    a symbol; ``province`` keeps only the documents of that province below the roots.
    """
    roots = document if isinstance(document, list) else [d["iri"] for d in resolve_targets(store, document, year=year)]
    province_iri = resolve_province(store, province)[0] if province else None
    b = _Builder(store)
    b.add_documents(roots)
    seen, frontier = set(roots), list(roots)
    edges: list[tuple[str, str, str]] = []
    for _ in range(max_depth):
        if not frontier:
            break
        found = _downstream(store, frontier, province_iri)
        edges += found
        frontier = sorted({d for _, d, _ in found} - seen)
        seen.update(frontier)
    b.add_documents(seen)
    for up, down, rel in sorted(edges, key=lambda e: (e[2] == "task_implements", e)):
        b.add_doc_edge(up, down, rel)
    if tasks:
        task_iris = b.add_tasks_of(seen)
        b.link_task_implements(task_iris)
        b.add_assignments(task_iris)
    g = b.finish(roots)
    g.graph.update(view="flow", title="Luồng thực hiện: " + ", ".join(g.nodes[r]["label"] for r in roots))
    return g


def overview_graph(store: GraphStore) -> nx.DiGraph:
    """Every central document that something takes up, with everything that flows from it."""
    roots = root_documents(store)
    if not roots:
        g = nx.DiGraph(view="overview", title="Tổng quan", roots=[])
        return g
    g = flow_graph(store, roots)
    g.graph.update(view="overview", title="Tổng quan: luồng thực hiện các văn bản Trung ương")
    return g


def province_graph(store: GraphStore, name: str) -> nx.DiGraph:
    """The documents of one province, what they take up from the centre, their tasks, bodies and projects."""
    prov_iri, label = resolve_province(store, name)
    rows = _select(
        store,
        f"""
        SELECT DISTINCT ?d ?up ?rel WHERE {{
          ?d vk:province <{prov_iri}> ; a ?cls . VALUES ?cls {{ eli:LegalResource vk:PressReport }}
          OPTIONAL {{ {{ VALUES ?rel {{ eli:implements eli:cites eli:based_on }} ?d ?rel ?up }}
                     UNION {{ ?t eli:is_part_of ?d ; a vk:Task ; eli:implements ?up . BIND("task_implements" AS ?rel) }} }}
        }}""",
    )
    b = _Builder(store)
    docs = {_v(r, "d") for r in rows}
    ups = {_v(r, "up") for r in rows if _v(r, "up")}
    b.add_documents(docs | ups)
    for r in sorted(rows, key=lambda r: (_v(r, "rel") or "").endswith("task_implements")):
        if _v(r, "up"):
            b.add_doc_edge(_v(r, "up"), _v(r, "d"), _local(_v(r, "rel")))
    task_iris = b.add_tasks_of(docs)
    b.link_task_implements(task_iris)
    b.add_assignments(task_iris)
    roots = sorted(n for n in ups if b.g.nodes[n]["kind"] == "central")
    g = b.finish(roots)
    g.graph.update(view="province", title=f"Tỉnh {label}", province=label)
    return g


def document_graph(store: GraphStore, ref: str, *, year: int | None = None) -> nx.DiGraph:
    """One document and its neighbourhood: what it takes up, what takes it up, its tasks with their
    bodies and projects, the meeting it was adopted at and the press reports of that meeting."""
    iri = resolve_document(store, ref, year=year)
    rows = _select(
        store,
        f"""
        SELECT DISTINCT ?up ?down ?rel WHERE {{
          VALUES ?rel {{ eli:implements eli:cites eli:based_on eli:amends eli:repeals }}
          {{ <{iri}> ?rel ?up . BIND(<{iri}> AS ?down) }} UNION {{ ?down ?rel <{iri}> . BIND(<{iri}> AS ?up)
             ?down a ?cls . VALUES ?cls {{ eli:LegalResource vk:PressReport }} }}
        }}""",
    )
    b = _Builder(store)
    b.add_documents({iri} | {_v(r, "up") for r in rows} | {_v(r, "down") for r in rows})
    for r in rows:
        b.add_doc_edge(_v(r, "up"), _v(r, "down"), _local(_v(r, "rel")))
    _add_meeting_of(b, [iri])
    task_iris = b.add_tasks_of([iri])
    b.link_task_implements(task_iris)
    b.add_assignments(task_iris)
    roots = (
        [iri]
        if b.g.nodes[iri]["kind"] == "central"
        else sorted(u for u, _ in b.g.in_edges(iri) if b.g.nodes[u]["kind"] == "central")
    )
    g = b.finish(roots)
    g.graph.update(view="document", title=b.g.nodes[iri]["label"], focus=iri)
    return g


def _add_meeting_of(b: _Builder, docs: list[str]) -> None:
    rows = _select_values(
        b.store,
        "d",
        docs,
        """
        SELECT ?d ?m ?press WHERE { #VALUES# ?d vk:adoptedAt ?m . OPTIONAL { ?press vk:reportsOn ?m } }""",
    )
    meetings = {_v(r, "m") for r in rows}
    if not meetings:
        return
    b.add_meetings(meetings)
    b.add_documents({_v(r, "press") for r in rows if _v(r, "press")})
    for r in rows:
        b.g.add_edge(_v(r, "m"), _v(r, "d"), relation="adopted")
        if _v(r, "press"):
            b.g.add_edge(_v(r, "m"), _v(r, "press"), relation="reports")


def meeting_graph(store: GraphStore, meeting: str) -> nx.DiGraph:
    """A meeting and what it produced: the body that held it, the documents adopted at it
    (``vk:adoptedAt``) with their tasks, bodies and projects, and the press reports on it (``vk:reportsOn``)."""
    try:
        checked_iri(meeting)
    except ValueError as e:
        raise NotFound(str(e)) from e
    if not _select(store, f"SELECT ?p WHERE {{ <{meeting}> ?p ?o }} LIMIT 1"):
        raise NotFound(f"no meeting {meeting} in the store")
    rows = _select(
        store,
        f"""
        SELECT ?x ?rel WHERE {{ {{ ?x vk:adoptedAt <{meeting}> BIND("adopted" AS ?rel) }}
                               UNION {{ ?x vk:reportsOn <{meeting}> BIND("reports" AS ?rel) }} }}""",
    )
    b = _Builder(store)
    b.add_meetings([meeting])
    b.add_documents({_v(r, "x") for r in rows})
    for r in rows:
        b.g.add_edge(meeting, _v(r, "x"), relation=_v(r, "rel"))
    adopted = [_v(r, "x") for r in rows if _v(r, "rel") == "adopted"]
    task_iris = b.add_tasks_of(adopted)
    b.add_assignments(task_iris)
    g = b.finish([])
    g.graph.update(view="meeting", title=b.g.nodes[meeting]["label"], focus=meeting)
    return g


def citation_graph(store: GraphStore) -> nx.DiGraph:
    """Documents and the relations between them (cites, based_on, implements, amends, repeals);
    here edges run as in RDF, from the citing to the cited document."""
    rows = _select(
        store,
        """
        SELECT DISTINCT ?a ?rel ?b WHERE {
          VALUES ?rel { eli:cites eli:based_on eli:implements eli:amends eli:repeals }
          ?a ?rel ?b . ?a a ?ca . ?b a ?cb .
          VALUES ?ca { eli:LegalResource vk:PressReport } VALUES ?cb { eli:LegalResource vk:PressReport }
        }""",
    )
    b = _Builder(store)
    b.add_documents({_v(r, "a") for r in rows} | {_v(r, "b") for r in rows})
    g = b.g
    for r in rows:
        a, c = _v(r, "a"), _v(r, "b")
        if a != c and not g.has_edge(a, c):
            g.add_edge(a, c, relation=_local(_v(r, "rel")))
    g.graph.update(view="citations", title="Mạng trích dẫn", roots=[])
    return g


def body_task_graph(store: GraphStore, *, province: str | None = None) -> nx.DiGraph:
    """Tasks → the bodies that lead them or take part (edge ``relation`` = ``lead`` / ``partner``)."""
    where = ""
    if province:
        where = f"?t eli:is_part_of/vk:province <{resolve_province(store, province)[0]}> ."
    rows = _select(
        store,
        f"""
        SELECT DISTINCT ?t ?p ?b ?l1 ?l2 ?provLabel ?deadline ?ongoing WHERE {{
          VALUES ?p {{ vk:leadBody vk:partnerBody }}
          ?t a vk:Task ; ?p ?b . {where}
          OPTIONAL {{ ?b skos:prefLabel ?l1 }} OPTIONAL {{ ?b rdfs:label ?l2 }}
          OPTIONAL {{ ?b vk:province/rdfs:label ?provLabel }}
          OPTIONAL {{ ?t vk:deadline ?deadline }} OPTIONAL {{ ?t vk:ongoing ?ongoing }}
        }}""",
    )
    g = nx.DiGraph(view="body_task", title="Cơ quan ↔ nhiệm vụ", roots=[])
    for r in rows:
        t, b = _v(r, "t"), _v(r, "b")
        if t not in g:
            g.add_node(
                t, kind="task", iri=t, label=_local(t), deadline=_v(r, "deadline"), ongoing=_v(r, "ongoing") == "true"
            )
        if b not in g:
            g.add_node(
                b, kind="body", iri=b, label=_v(r, "l1") or _v(r, "l2") or _local(b), province=_v(r, "provLabel")
            )
        rel = "lead" if _local(_v(r, "p")) == "leadBody" else "partner"
        if not g.has_edge(t, b) or rel == "lead":
            g.add_edge(t, b, relation=rel)
    return g
