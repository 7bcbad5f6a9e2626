"""The graph builder behind every network view: documents, tasks, assignments, meetings and quotes asked from the
store in chunks and added as nodes and edges of a ``networkx.DiGraph`` (see :mod:`visualise.projections`)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx

from core.doctypes import names_vi as doctype_names_vi
from graph_api.store import GraphStore
from ontology import sparql_prefixes

__all__ = ["Builder"]

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


class Builder:
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
