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

import networkx as nx

from core.errors import NotFound
from graph_api.resolver import province_scope, resolve_document, resolve_province, resolve_targets
from graph_api.store import GraphStore
from ontology.iris import checked_iri
from visualise.builder import Builder, _local, _select, _select_values, _v

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
    "province": "Tỉnh, thành phố",
    "lead": "Nhiệm vụ theo cơ quan chủ trì",
}


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
def _in_provinces(var: str, iris: list[str] | None) -> str:
    """``?var vk:province ?p_`` with ``?p_`` one of ``iris`` (a province and those it absorbed in 2025)."""
    if not iris:
        return ""
    return f"?{var} vk:province ?p_ . VALUES ?p_ {{ {' '.join(f'<{i}>' for i in iris)} }}"


def _downstream(store: GraphStore, frontier: list[str], province_iri: list[str] | None) -> list[tuple[str, str, str]]:
    """(up, down, relation) for documents that take up a frontier document, directly or by a task."""
    where_prov = _in_provinces("down", province_iri)
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
    province_iri = province_scope(store, province).iris if province else None
    b = Builder(store)
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
    scope = province_scope(store, name)
    label = scope.describe_vi()
    rows = _select(
        store,
        f"""
        SELECT DISTINCT ?d ?up ?rel WHERE {{
          {_in_provinces("d", scope.iris)} ?d a ?cls . VALUES ?cls {{ eli:LegalResource vk:PressReport }}
          OPTIONAL {{ {{ VALUES ?rel {{ eli:implements eli:cites eli:based_on }} ?d ?rel ?up }}
                     UNION {{ ?t eli:is_part_of ?d ; a vk:Task ; eli:implements ?up . BIND("task_implements" AS ?rel) }} }}
        }}""",
    )
    b = Builder(store)
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
    g.graph.update(view="province", title=f"Tỉnh {label}", province=scope.label)
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
    b = Builder(store)
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


def _add_meeting_of(b: Builder, docs: list[str]) -> None:
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
    b = Builder(store)
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
    b = Builder(store)
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
        where = "?t eli:is_part_of ?d_ . " + _in_provinces("d_", province_scope(store, province).iris)
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
