"""pyvis rendering of the projections: a layered, precomputed, stable layout (physics off),
colour and shape per kind with a legend, size by importance, Vietnamese labels, tooltips with
the source sentence, filters and a search box in inline JS, click → details panel.

Pages are self-contained: the vis-network standalone build (``static/vis-network.min.js``,
licences beside it) is inlined, or served from ``assets_url`` by the service. Beyond
``max_nodes`` the graph is aggregated (tasks per document, then bodies and projects per province).

>>> import networkx as nx
>>> g = nx.DiGraph(roots=["c"])
>>> g.add_node("c", kind="central", label="Kết luận 21-KL/TW", iri="c")
>>> g.add_node("t", kind="task", label="Nhiệm vụ 1", iri="t")
>>> g.add_edge("c", "t", relation="task_implements")
>>> pos = layered_layout(g)
>>> pos["c"][1] < pos["t"][1]
True
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from pathlib import Path

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from graph_api.store import GraphStore
from ontology.iris import Iris
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
MAX_NODES = 3000
"""Above this many nodes a view is aggregated instead of drawn node by node."""

# Colour and shape per kind (shapes whose label sits below the shape).
STYLE: dict[str, dict] = {
    "central": {"shape": "star", "color": "#c62828", "layer": 0, "spacing": 190},
    "meeting": {"shape": "hexagon", "color": "#6a1b9a", "layer": 1, "spacing": 190},
    "document": {"shape": "diamond", "color": "#ef6c00", "layer": 2, "spacing": 170},
    "press": {"shape": "triangleDown", "color": "#8d6e63", "layer": 3, "spacing": 150},
    "task": {"shape": "dot", "color": "#1565c0", "layer": 4, "spacing": 70},
    "aggregate": {"shape": "dot", "color": "#78909c", "layer": 4, "spacing": 120},
    "body": {"shape": "square", "color": "#2e7d32", "layer": 5, "spacing": 120},
    "project": {"shape": "triangle", "color": "#00838f", "layer": 5, "spacing": 120},
}
EDGE_STYLE: dict[str, dict] = {
    "implements": {"color": "#c62828", "width": 2.5, "dashes": False, "label": "thực hiện (eli:implements)"},
    "task_implements": {"color": "#e57373", "width": 1.2, "dashes": [6, 4], "label": "nhiệm vụ thực hiện"},
    "cites": {"color": "#9e9e9e", "width": 1.2, "dashes": [2, 4], "label": "trích dẫn (eli:cites)"},
    "based_on": {"color": "#757575", "width": 1.2, "dashes": [8, 3], "label": "căn cứ (eli:based_on)"},
    "amends": {"color": "#5d4037", "width": 1.2, "dashes": False, "label": "sửa đổi"},
    "repeals": {"color": "#212121", "width": 1.2, "dashes": False, "label": "bãi bỏ"},
    "part": {"color": "#b0bec5", "width": 0.8, "dashes": False, "label": "nhiệm vụ của văn bản"},
    "lead": {"color": "#2e7d32", "width": 1.6, "dashes": False, "label": "chủ trì"},
    "partner": {"color": "#81c784", "width": 1.0, "dashes": [3, 3], "label": "phối hợp"},
    "project": {"color": "#00838f", "width": 1.2, "dashes": False, "label": "dự án"},
    "adopted": {"color": "#6a1b9a", "width": 2.0, "dashes": False, "label": "ban hành tại hội nghị"},
    "reports": {"color": "#8d6e63", "width": 1.2, "dashes": [4, 4], "label": "đưa tin"},
    "held": {"color": "#6a1b9a", "width": 1.0, "dashes": [2, 2], "label": "tổ chức hội nghị"},
}
RELATION_VI = {k: v["label"] for k, v in EDGE_STYLE.items()}
PRIMARY_KINDS = ("document", "press", "meeting", "task", "aggregate")


# -- layout -----------------------------------------------------------------------------------
def importance(g: nx.DiGraph, n: str) -> int:
    """How much hangs on a node: tasks below a document, bodies of a task, tasks of a body.

    >>> g = nx.DiGraph(); g.add_node("d", kind="document"); g.add_node("t", kind="task")
    >>> g.add_edge("d", "t"); importance(g, "d")
    2
    """
    a = g.nodes[n]
    kind = a.get("kind")
    if kind == "aggregate":
        return 1 + a.get("count", 1)
    if kind in ("central", "document", "press", "meeting"):
        below = nx.descendants(g, n)
        return 1 + sum(1 for m in below if g.nodes[m].get("kind") in ("task", "document"))
    if kind == "task":
        return 1 + g.out_degree(n)
    return 1 + g.in_degree(n)


def _layers(g: nx.DiGraph) -> dict[str, int]:
    """Layer per node: central documents on top, then meetings, documents (a document taking up
    another local document one row lower), press reports, tasks, bodies and projects."""
    raw: dict[str, float] = {}
    for n, a in g.nodes(data=True):
        kind = a.get("kind", "document")
        layer = float(STYLE.get(kind, STYLE["document"])["layer"])
        if kind == "document" and any(
            g.nodes[p].get("kind") == "document"
            and g.edges[p, n].get("relation") in ("implements", "cites", "based_on", "task_implements")
            for p in g.predecessors(n)
        ):
            layer += 0.5
        raw[n] = layer
    index = {v: i for i, v in enumerate(sorted(set(raw.values())))}
    return {n: index[v] for n, v in raw.items()}


def layered_layout(g: nx.DiGraph, *, width: float | None = None) -> dict[str, tuple[float, float]]:
    """Stable positions: one band per layer, nodes ordered by the mean position of their
    neighbours above (barycentre), long bands wrapped into rows. Same graph → same positions."""
    if not g:
        return {}
    layers = _layers(g)
    imp = {n: importance(g, n) for n in g}
    width = width or max(1600.0, 110.0 * math.sqrt(len(g)))
    by_layer: dict[int, list[str]] = defaultdict(list)
    for n, layer in layers.items():
        by_layer[layer].append(n)
    pos: dict[str, tuple[float, float]] = {}
    rank: dict[str, float] = {}
    y = 0.0
    for layer in sorted(by_layer):
        members = by_layer[layer]

        def bary(n: str) -> float:
            near = [rank[m] for m in list(g.predecessors(n)) + list(g.successors(n)) if m in rank]
            return sum(near) / len(near) if near else math.inf

        members.sort(key=lambda n: (bary(n), -imp[n] if layer == 0 else 0, str(g.nodes[n].get("label", "")), n))
        spacing = max(STYLE.get(g.nodes[n].get("kind"), STYLE["document"])["spacing"] for n in members)
        per_row = max(6, int(width // spacing))
        rows = [members[i : i + per_row] for i in range(0, len(members), per_row)]
        row_height = 70.0 if spacing < 100 else 110.0
        for r, row in enumerate(rows):
            step = min(max(spacing * 1.6, 200.0), width / max(len(row), 1)) if len(rows) == 1 else width / per_row
            x0 = -step * (len(row) - 1) / 2
            for i, n in enumerate(row):
                pos[n] = (round(x0 + i * step, 1), round(y + r * row_height, 1))
        for i, n in enumerate(members):
            rank[n] = pos[n][0] + (i // per_row) * 1e-3
        y += len(rows) * row_height + 170.0
    return pos


# -- aggregation ------------------------------------------------------------------------------
def aggregate(g: nx.DiGraph, max_nodes: int = MAX_NODES) -> nx.DiGraph:
    """A smaller graph when ``g`` has more than ``max_nodes`` nodes: tasks are gathered into one
    node per document, then (if still too big) bodies and projects into one node per province.
    The result says what was done in ``graph["aggregated"]``."""
    if len(g) <= max_nodes:
        return g
    h = _group(g, lambda n, a: a.get("kind") == "task", lambda n, a: ("tasks", a.get("document") or "?"), "nhiệm vụ")
    notes = [f"nhiệm vụ gộp theo văn bản ({len(g)} → {len(h)} nút)"]
    if len(h) > max_nodes:
        before = len(h)
        h = _group(
            h,
            lambda n, a: a.get("kind") in ("body", "project"),
            lambda n, a: (a["kind"], a.get("province") or "Trung ương"),
            None,
        )
        notes.append(f"cơ quan và dự án gộp theo tỉnh ({before} → {len(h)} nút)")
    h.graph["aggregated"] = "; ".join(notes)
    return h


def _group(g: nx.DiGraph, select, key, noun: str | None) -> nx.DiGraph:
    h = nx.DiGraph(**g.graph)
    groups: dict[tuple, list[str]] = defaultdict(list)
    target: dict[str, str] = {}
    for n, a in g.nodes(data=True):
        if select(n, a):
            k = key(n, a)
            groups[k].append(n)
            target[n] = "agg:" + "/".join(map(str, k))
        else:
            h.add_node(n, **a)
            target[n] = n
    for k, members in groups.items():
        first = g.nodes[members[0]]
        what = noun or KIND_LABELS_VI.get(first["kind"], first["kind"]).lower()
        where = g.nodes[k[1]]["label"] if k[1] in g else k[1]
        roots = sorted({r for m in members for r in g.nodes[m].get("roots", [])})
        years = [g.nodes[m].get("year") for m in members if g.nodes[m].get("year")]
        provinces = {g.nodes[m].get("province") for m in members}
        h.add_node(
            target[members[0]],
            kind="aggregate",
            label=f"{len(members)} {what}",
            count=len(members),
            group_of=first["kind"],
            where=where,
            iri=k[1] if k[1] in g else None,
            roots=roots,
            year=min(years) if years else None,
            province=provinces.pop() if len(provinces) == 1 else None,
            members=sorted(str(g.nodes[m].get("label")) for m in members)[:40],
        )
    weight: Counter = Counter()
    relation: dict[tuple[str, str], str] = {}
    for u, v, a in g.edges(data=True):
        e = (target[u], target[v])
        if e[0] == e[1]:
            continue
        weight[e] += 1
        if e not in relation or a.get("relation") == "lead":
            relation[e] = a.get("relation")
    for (u, v), w in weight.items():
        h.add_edge(u, v, relation=relation[(u, v)], weight=w)
    return h


# -- rendering --------------------------------------------------------------------------------
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


def _network(g: nx.DiGraph, pos: dict, base: str, relative: bool) -> Network:
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    net.node_ids = _Ids()
    big = len(g) > 800
    for n in sorted(g, key=lambda n: (pos[n][1], pos[n][0], n)):
        a = g.nodes[n]
        kind = a.get("kind", "document")
        style = STYLE.get(kind, STYLE["document"])
        imp = importance(g, n)
        size = round(min(48.0, (9 if kind == "task" else 13) + 4.5 * math.log2(imp)), 1)
        iri = a.get("iri")
        href = _href(iri, base, relative)
        details = {
            "kind": kind,
            "kindLabel": KIND_LABELS_VI.get(kind, kind),
            "label": a.get("label"),
            "iri": iri,
            "href": href,
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
            "importance": imp,
            "members": a.get("members"),
            "count": a.get("count"),
            "search": _search_text(a),
            "focus": n == g.graph.get("focus"),
        }
        if relative and iri and iri.startswith(base + "id/"):
            path = iri[len(base + "id/") :]
            if kind in ("central", "document", "press"):
                details["views"] = [
                    ["Xem văn bản", "/view/document/" + path],
                    ["Xem luồng thực hiện", "/view/flow/" + path],
                ]
        net.add_node(
            n,
            label=str(a.get("label") or n),
            shape=style["shape"],
            color=style["color"],
            size=size,
            x=pos[n][0],
            y=pos[n][1],
            physics=False,
            title=_tooltip(a),
            font={"size": 11 if kind == "task" else 14, "color": "#263238"},
            borderWidth=3 if details["focus"] else 1,
            vk={k: v for k, v in details.items() if v not in (None, [], False)},
        )
    for i, (u, v, a) in enumerate(sorted(g.edges(data=True), key=lambda e: (e[0], e[1]))):
        rel = a.get("relation", "cites")
        es = EDGE_STYLE.get(rel, EDGE_STYLE["cites"])
        title = RELATION_VI.get(rel, rel) + (f" ×{a['weight']}" if a.get("weight", 1) > 1 else "")
        if a.get("quote"):
            title += "\n«" + a["quote"] + "»"
        net.add_edge(
            u,
            v,
            color=es["color"],
            width=es["width"] if not big else max(0.6, es["width"] / 2),
            dashes=es["dashes"],
            title=title,
            relation=rel,
            id=f"e{i}",
        )
    net.set_options(
        json.dumps(
            {
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
        )
    )
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


def render_html(
    g: nx.DiGraph,
    *,
    base: str | None = None,
    served: bool = False,
    assets_url: str | None = None,
    max_nodes: int = MAX_NODES,
    title: str | None = None,
) -> str:
    """One HTML page for a projection.

    ``served`` makes resource links relative to the service (``/id/…``) and adds links to other
    views; otherwise links are the resource IRIs. ``assets_url`` loads vis-network from there
    instead of inlining it (the service uses ``/view/static``).
    """
    base = Iris(base).base
    full_size = len(g)
    g = aggregate(g, max_nodes)
    pos = layered_layout(g)
    net = _network(g, pos, base, served)
    nodes, edges, _heading, _h, _w, options = net.get_network_data()
    kinds = Counter(g.nodes[n].get("kind") for n in g)
    roots = [{"id": r, "label": g.nodes[r]["label"]} for r in g.graph.get("roots", []) if r in g]
    provinces = sorted({a["province"] for _, a in g.nodes(data=True) if a.get("province")})
    years = sorted({a["year"] for _, a in g.nodes(data=True) if a.get("year")})
    data = {
        "nodes": nodes,
        "edges": edges,
        "options": json.loads(options),
        "served": served,
        "primaryKinds": list(PRIMARY_KINDS),
    }
    vendor = None if assets_url else Markup((STATIC_DIR / VIS_JS).read_text(encoding="utf-8"))
    app_js = Markup((TEMPLATES_DIR / "view.js").read_text(encoding="utf-8"))
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
            roots=roots,
            provinces=provinces,
            years=years,
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
