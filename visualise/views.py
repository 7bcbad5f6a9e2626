"""pyvis rendering of the projections: a layered, precomputed, stable layout (physics off),
colour and shape per kind with a legend, size by importance, Vietnamese labels, tooltips with
the source sentence, filters and a search box in inline JS, click → details panel.

Pages are self-contained: the vis-network standalone build (``static/vis-network.min.js``,
licences beside it) is inlined, or served from ``assets_url`` by the service. Beyond
``max_nodes`` the graph is aggregated (tasks per document, then bodies and projects per province).

Style and layout live in :mod:`visualise.layout` (re-exported here).
"""

from __future__ import annotations

import json
import math
from collections import Counter
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph_api.store import GraphStore
from ontology.iris import Iris
from visualise.layout import (
    EDGE_STYLE,
    MAX_NODES,
    PRIMARY_KINDS,
    RELATION_VI,
    STYLE,
    aggregate,
    importance,
    layered_layout,
    tree_layout,
)
from visualise.projections import KIND_LABELS_VI, flow_graph, overview_graph

__all__ = [
    "STYLE",
    "EDGE_STYLE",
    "layered_layout",
    "aggregate",
    "importance",
    "render_html",
    "export_flow",
    "export_overview",
    "export_graph",
    "MAX_NODES",
]

PACKAGE_DIR = Path(__file__).resolve().parent
STATIC_DIR = PACKAGE_DIR / "static"
TEMPLATES_DIR = PACKAGE_DIR / "templates"
VIS_JS = "vis-network.min.js"


def _href(iri: str | None, base: str, relative: bool) -> str | None:
    if not iri or not iri.startswith(("http://", "https://")):
        return None
    if relative and iri.startswith(base):
        return "/" + iri[len(base) :]
    return iri


def _fmt_date(value: str | None) -> str | None:
    return "/".join(reversed(value.split("-"))) if value else None


def _tooltip(a: dict) -> str:
    """Plain-text tooltip: label, kind, province, deadline and the source sentence."""
    lines = [str(a.get("label", ""))]
    kind = a.get("kind", "")
    meta = [KIND_LABELS_VI.get(kind, kind)]
    if a.get("province"):
        meta.append(a["province"])
    if a.get("date"):
        meta.append(_fmt_date(a["date"]))
    elif a.get("year"):
        meta.append(str(a["year"]))
    lines.append(" · ".join(meta))
    if a.get("summary"):
        lines.append(a["summary"])
    if a.get("title"):
        lines.append(a["title"])
    deadline = _deadline_vi(a)
    if deadline:
        lines.append("Thời hạn: " + deadline)
    sentence = a.get("quote") or a.get("text")
    if sentence:
        lines.append("«" + (sentence if len(sentence) < 400 else sentence[:400] + "…") + "»")
    if kind == "aggregate":
        lines.append(f"{a.get('count')} mục gộp lại — bấm để xem danh sách")
    if a.get("expand") and not a.get("expanded"):
        lines.append("Bấm để mở rộng")
    return "\n".join(lines)


def _deadline_vi(a: dict) -> str | None:
    parts = [_fmt_date(a.get("deadline")), a.get("deadline_text")]
    if a.get("ongoing"):
        parts.append("thường xuyên")
    parts = [p for p in parts if p]
    return " · ".join(dict.fromkeys(parts)) or None


def _search_text(a: dict) -> str:
    return " ".join(str(a.get(k) or "") for k in ("label", "symbol", "title", "text", "province", "where"))


class _Ids(list):
    """pyvis keeps node ids in a list and tests membership on every edge; a set makes that O(1)."""

    def __init__(self) -> None:
        super().__init__()
        self._seen: set = set()

    def append(self, item) -> None:  # type: ignore[override]
        super().append(item)
        self._seen.add(item)

    def __contains__(self, item) -> bool:
        return item in self._seen


def _details(g: nx.DiGraph, n: str, base: str, relative: bool) -> dict:
    """What the details panel shows for node ``n`` (also what the filters and the search read)."""
    a = g.nodes[n]
    kind = a.get("kind", "document")
    iri = a.get("iri")
    details = {
        "kind": kind,
        "kindLabel": KIND_LABELS_VI.get(kind, kind),
        "label": a.get("label"),
        "iri": iri,
        "href": _href(iri, base, relative),
        "province": a.get("province"),
        "year": a.get("year"),
        "date": _fmt_date(a.get("date")),
        "symbol": a.get("symbol"),
        "title": a.get("title"),
        "text": a.get("text"),
        "quote": a.get("quote"),
        "deadline": _deadline_vi(a),
        "document": a.get("document_label"),
        "roots": a.get("roots", []),
        "importance": importance(g, n),
        "members": a.get("members"),
        "count": a.get("count"),
        "search": _search_text(a),
        "focus": n == g.graph.get("focus"),
        "expand": a.get("expand"),
        "expanded": a.get("expanded"),
        "summary": a.get("summary"),
        "body": a.get("body"),
    }
    if relative and iri and iri.startswith(base + "id/"):
        path = iri[len(base + "id/") :]
        if kind in ("central", "document", "press"):
            details["views"] = [
                ["Xem văn bản", "/view/document/" + path],
                ["Xem luồng thực hiện", "/view/flow/" + path],
            ]
    return details


def node_dict(g: nx.DiGraph, n: str, pos: dict, base: str, relative: bool) -> dict:
    """One vis-network node of ``g`` at ``pos[n]``: shape, colour, size, short label, tooltip, details (``vk``)."""
    a = g.nodes[n]
    kind = a.get("kind", "document")
    style = STYLE.get(kind, STYLE["document"])
    details = _details(g, n, base, relative)
    size = round(min(48.0, (9 if kind == "task" else 13) + 4.5 * math.log2(details["importance"])), 1)
    if g.graph.get("summary"):  # rows of a tree: a node and its label fit in one
        size = min(size, 15.0)
    return {
        "id": n,
        "label": str(a.get("label") or n),
        "shape": style["shape"],
        "color": style["color"],
        "size": size,
        "x": pos[n][0],
        "y": pos[n][1],
        "physics": False,
        "title": _tooltip(a),
        "font": {"size": 11 if kind == "task" else 14, "color": "#263238"},
        "borderWidth": 3 if details["focus"] else (2 if a.get("expand") and not a.get("expanded") else 1),
        "vk": {k: v for k, v in details.items() if v not in (None, [], False)},
    }


def edge_dict(eid: str, u: str, v: str, a: dict, big: bool = False) -> dict:
    """One vis-network edge: colour, width and dashes of its relation, the sentence it was read from."""
    rel = a.get("relation", "cites")
    es = EDGE_STYLE.get(rel, EDGE_STYLE["cites"])
    title = RELATION_VI.get(rel, rel) + (f" ×{a['weight']}" if a.get("weight", 1) > 1 else "")
    if a.get("quote"):
        title += "\n«" + a["quote"] + "»"
    return {
        "from": u,
        "to": v,
        "color": es["color"],
        "width": es["width"] if not big else max(0.6, es["width"] / 2),
        "dashes": es["dashes"],
        "title": title,
        "relation": rel,
        "id": eid,
    }


def _add_nodes(net: Network, g: nx.DiGraph, pos: dict, base: str, relative: bool) -> None:
    for n in sorted(g, key=lambda n: (pos[n][1], pos[n][0], n)):
        d = node_dict(g, n, pos, base, relative)
        net.add_node(d.pop("id"), label=d.pop("label"), shape=d.pop("shape"), color=d.pop("color"), **d)


def _add_edges(net: Network, g: nx.DiGraph, big: bool) -> None:
    for i, (u, v, a) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))):
        d = edge_dict(f"e{i}", u, v, a, big)
        net.add_edge(d.pop("from"), d.pop("to"), **d)


def _options(big: bool) -> dict:
    """vis-network options: no physics (the layout is precomputed); lighter interaction on big graphs."""
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False},
        "interaction": {
            "hover": not big,
            "tooltipDelay": 150,
            "hideEdgesOnDrag": big,
            "hideEdgesOnZoom": big,
            "keyboard": False,
            "navigationButtons": False,
        },
        "nodes": {"borderWidth": 1, "font": {"face": "Noto Sans, DejaVu Sans, Arial, sans-serif"}},
        "edges": {
            "smooth": False,
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "color": {"inherit": False},
            "selectionWidth": 2,
        },
    }


def _network(g: nx.DiGraph, pos: dict, base: str, relative: bool) -> Network:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _Ids()
    big = len(g) > 800
    _add_nodes(net, g, pos, base, relative)
    _add_edges(net, g, big)
    net.set_options(json.dumps(_options(big)))
    return net


def _legend_shape(shape: str, color: str) -> Markup:
    """A small inline SVG of a vis-network shape (for the legend)."""
    pts = {
        "star": "9,1 11.4,6.5 17,6.9 12.7,10.6 14,16 9,13.1 4,16 5.3,10.6 1,6.9 6.6,6.5",
        "diamond": "9,1 17,9 9,17 1,9",
        "triangle": "9,2 17,16 1,16",
        "triangleDown": "1,2 17,2 9,16",
        "hexagon": "5,2 13,2 17,9 13,16 5,16 1,9",
        "square": "2,2 16,2 16,16 2,16",
    }
    inner = (
        f'<circle cx="9" cy="9" r="7" fill="{color}"/>'
        if shape == "dot"
        else f'<polygon points="{pts[shape]}" fill="{color}"/>'
    )
    return Markup(f'<svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true">{inner}</svg>')


def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(TEMPLATES_DIR)), autoescape=select_autoescape(["html"]))


def _json_script(value) -> Markup:
    """JSON safe inside a ``<script type="application/json">`` element."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _legends(g: nx.DiGraph, kinds: Counter) -> tuple[list[dict], list[dict]]:
    """The legend of the node kinds present (with their shapes) and of the relations drawn."""
    legend = [
        {
            "kind": k,
            "label": KIND_LABELS_VI.get(k, k),
            "count": kinds[k],
            "svg": _legend_shape(STYLE[k]["shape"], STYLE[k]["color"]),
        }
        for k in STYLE
        if kinds.get(k)
    ]
    used = sorted({a.get("relation") for _, _, a in g.edges(data=True)} & set(EDGE_STYLE), key=list(EDGE_STYLE).index)
    edge_legend = [
        {"label": EDGE_STYLE[r]["label"], "color": EDGE_STYLE[r]["color"], "dashed": bool(EDGE_STYLE[r]["dashes"])}
        for r in used
    ]
    return legend, edge_legend


def render_html(
    g: nx.DiGraph,
    *,
    base: str | None = None,
    served: bool = False,
    assets_url: str | None = None,
    max_nodes: int = MAX_NODES,
    title: str | None = None,
    expand_url: str | None = None,
    expansions: dict | None = None,
) -> str:
    """One HTML page for a projection. ``served``: resource links relative to the service (``/id/…``), links to
    other views. ``assets_url``: vis-network loaded from there, not inlined. A click on a group node of an
    aggregated view adds its children from ``expand_url`` + key (JSON) or ``expansions`` (embedded)."""
    base = Iris(base).base
    full_size = len(g)
    g = aggregate(g, max_nodes)
    pos = tree_layout(g) if g.graph.get("summary") else layered_layout(g)
    net = _network(g, pos, base, served)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "served": served,
        "primaryKinds": list(PRIMARY_KINDS),
        "expandUrl": expand_url,
        "tree": bool(g.graph.get("summary")),
        "expansions": expansions or {},
    }
    vendor = None if assets_url else Markup((STATIC_DIR / VIS_JS).read_text(encoding="utf-8"))
    app_js = Markup((TEMPLATES_DIR / "view.js").read_text(encoding="utf-8"))
    legend, edge_legend = _legends(g, Counter(g.nodes[n].get("kind") for n in g))
    return (
        _env()
        .get_template("view.html")
        .render(
            title=title or g.graph.get("title") or "vankien",
            data=_json_script(data),
            vendor_js=vendor,
            vendor_url=f"{assets_url}/{VIS_JS}" if assets_url else None,
            app_js=app_js,
            legend=legend,
            edge_legend=edge_legend,
            roots=[{"id": r, "label": g.nodes[r]["label"]} for r in g.graph.get("roots", []) if r in g],
            provinces=sorted({a["province"] for _, a in g.nodes(data=True) if a.get("province")}),
            years=sorted({a["year"] for _, a in g.nodes(data=True) if a.get("year")}),
            node_count=len(g),
            edge_count=g.number_of_edges(),
            full_size=full_size,
            aggregated=g.graph.get("aggregated"),
            served=served,
        )
    )


# -- exports (used by the CLI) ------------------------------------------------------------------
def export_graph(g: nx.DiGraph, out_path: str | Path, *, base: str | None = None, max_nodes: int = MAX_NODES) -> Path:
    """Write one standalone, offline HTML file for a projection; returns its path."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_html(g, base=base, served=False, max_nodes=max_nodes), encoding="utf-8")
    return out


def export_flow(
    store: GraphStore, symbol_or_iri: str, out_path: str | Path, *, year: int | None = None, province: str | None = None
) -> Path:
    """``vankien view flow 21-KL/TW -o flow.html``: the flow view of one document as one offline file.

    Raises ``NotFound`` / ``AmbiguousSymbol`` (give ``year``) like ``projections.resolve_document``.
    """
    return export_graph(flow_graph(store, symbol_or_iri, year=year, province=province), out_path)


def export_overview(store: GraphStore, out_path: str | Path) -> Path:
    """The overview (every central document taken up, and what flows from it) as one offline file."""
    return export_graph(overview_graph(store), out_path)
