"""Pages of the aggregated views (:mod:`visualise.summary`): the HTML page, the JSON a click on a group node
fetches (``payload``), and offline files that embed those expansions (``export_summary``)."""

from __future__ import annotations

from pathlib import Path

import networkx as nx

from graph_api.resolver import resolve_document, value_of
from graph_api.store import GraphStore
from ontology import VK
from ontology.iris import Iris
from visualise.flowsource import flow_source
from visualise.summary import _Summary, document_summary, flow_summary
from visualise.views import edge_dict, node_dict, render_html

__all__ = ["EMBED_MAX", "payload", "summary_page", "export_summary", "embedded_expansions", "document_view"]

EMBED_MAX = 3000
"""At most this many nodes are embedded, as expansions, in an exported offline file."""


def payload(g: nx.DiGraph, parent: str | None, *, base: str | None = None, served: bool = True) -> dict:
    """Nodes and edges of ``g`` as vis-network data (what a click adds below ``parent``; the page places them)."""
    base = Iris(base).base
    nodes = [n for n in g if "kind" in g.nodes[n] and n != parent]
    pos = {n: (0.0, 0.0) for n in g}
    return {
        "parent": parent,
        "nodes": [node_dict(g, n, pos, base, served) for n in nodes],
        "edges": [edge_dict(f"x|{u}|{v}", u, v, a) for u, v, a in g.edges(data=True) if u in nodes or v in nodes],
    }


def embedded_expansions(
    store: GraphStore, g: nx.DiGraph, *, budget: int = EMBED_MAX, base: str | None = None, source=None
) -> dict[str, dict]:
    """Expansions of the group nodes of ``g`` not drawn yet, breadth first, at most ``budget`` nodes in all:
    an exported file opens them on click without the service."""
    s = _Summary(store, source or flow_source(store), g.graph.get("scope"))
    out: dict[str, dict] = {}
    queue = [(n, a["expand"]) for n, a in g.nodes(data=True) if a.get("expand") and not a.get("expanded")]
    seen = set(g)
    total = 0
    while queue:
        node, key = queue.pop(0)
        s.g = nx.DiGraph()
        s.expand(key)
        total += len(s.g)
        if total > budget:
            break
        for n, a in s.g.nodes(data=True):
            if a.get("expand") and n not in seen:
                queue.append((n, a["expand"]))
        seen |= set(s.g)
        out[key] = payload(s.g, node, base=base, served=False)
    return out


def summary_page(
    g: nx.DiGraph,
    *,
    base: str | None = None,
    served: bool = False,
    assets_url: str | None = None,
    expand_url: str | None = None,
    expansions: dict | None = None,
) -> str:
    """The HTML page of an aggregated view (it is drawn whole: ``max_nodes`` is its size)."""
    return render_html(
        g,
        base=base,
        served=served,
        assets_url=assets_url,
        max_nodes=max(len(g), 1),
        expand_url=expand_url,
        expansions=expansions,
    )


def export_summary(
    store: GraphStore, g: nx.DiGraph, out_path: str | Path, *, base: str | None = None, budget: int = EMBED_MAX
) -> Path:
    """One offline HTML file of an aggregated view, its scripts and the expansions of its groups embedded."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    page = summary_page(g, base=base, expansions=embedded_expansions(store, g, budget=budget, base=base))
    out.write_text(page, encoding="utf-8")
    return out


def document_view(store: GraphStore, ref: str, *, year: int | None = None) -> nx.DiGraph:
    """One document and its neighbourhood, aggregated (``document_summary``); a central document, which a whole
    country may carry out, as its flow (provinces → documents → task counts), itself in focus."""
    iri = resolve_document(store, ref, year=year)
    rows = store.select(f"SELECT ?l WHERE {{ <{iri}> <{VK.level}> ?l }}")
    if any((value_of(r, "l") or "").endswith("/level/central") for r in rows):
        g = flow_summary(store, iri)
        g.graph.update(view="document", focus=iri)
        return g
    return document_summary(store, iri)
