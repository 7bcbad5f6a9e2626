"""Style and layout of the network views: colour and shape per kind, a layered layout (central documents on top,
tasks at the bottom), importance, and aggregation of views too large to draw node by node.

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

import math
from collections import Counter, defaultdict

import networkx as nx

from visualise.projections import KIND_LABELS_VI

__all__ = [
    "STYLE",
    "EDGE_STYLE",
    "RELATION_VI",
    "PRIMARY_KINDS",
    "MAX_NODES",
    "importance",
    "layered_layout",
    "tree_layout",
    "TREE_COLUMN",
    "TREE_ROW",
    "aggregate",
]

MAX_NODES = 3000
"""Above this many nodes a view is aggregated instead of drawn node by node."""

# Colour and shape per kind (shapes whose label sits below the shape).
STYLE: dict[str, dict] = {
    "central": {"shape": "star", "color": "#c62828", "layer": 0, "spacing": 190},
    "meeting": {"shape": "hexagon", "color": "#6a1b9a", "layer": 1, "spacing": 190},
    "province": {"shape": "square", "color": "#5e35b1", "layer": 1, "spacing": 190},
    "document": {"shape": "diamond", "color": "#ef6c00", "layer": 2, "spacing": 170},
    "press": {"shape": "triangleDown", "color": "#8d6e63", "layer": 3, "spacing": 150},
    "task": {"shape": "dot", "color": "#1565c0", "layer": 4, "spacing": 70},
    "aggregate": {"shape": "dot", "color": "#78909c", "layer": 4, "spacing": 120},
    "lead": {"shape": "dot", "color": "#2e7d32", "layer": 4, "spacing": 190},
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
    "in_province": {"color": "#ef6c00", "width": 1.2, "dashes": False, "label": "văn bản của tỉnh"},
    "part": {"color": "#b0bec5", "width": 0.8, "dashes": False, "label": "nhiệm vụ của văn bản"},
    "lead": {"color": "#2e7d32", "width": 1.6, "dashes": False, "label": "chủ trì"},
    "partner": {"color": "#81c784", "width": 1.0, "dashes": [3, 3], "label": "phối hợp"},
    "project": {"color": "#00838f", "width": 1.2, "dashes": False, "label": "dự án"},
    "adopted": {"color": "#6a1b9a", "width": 2.0, "dashes": False, "label": "ban hành tại hội nghị"},
    "reports": {"color": "#8d6e63", "width": 1.2, "dashes": [4, 4], "label": "đưa tin"},
    "held": {"color": "#6a1b9a", "width": 1.0, "dashes": [2, 2], "label": "tổ chức hội nghị"},
}
RELATION_VI = {k: v["label"] for k, v in EDGE_STYLE.items()}
PRIMARY_KINDS = ("document", "press", "meeting", "task", "aggregate", "province", "lead")


# -- layout -----------------------------------------------------------------------------------
def importance(g: nx.DiGraph, n: str) -> int:
    """How much hangs on a node: tasks below a document, bodies of a task, tasks of a body.

    >>> g = nx.DiGraph(); g.add_node("d", kind="document"); g.add_node("t", kind="task")
    >>> g.add_edge("d", "t"); importance(g, "d")
    2
    """
    a = g.nodes[n]
    kind = a.get("kind")
    if kind in ("aggregate", "lead", "province") or (g.graph.get("summary") and a.get("count") is not None):
        return 1 + (a.get("count") or 1)
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


TREE_COLUMN = 430.0
"""Horizontal distance between the levels of a tree layout (room for a label of 60 characters)."""
TREE_ROW = 48.0
"""Vertical distance between the leaves of a tree layout (room for a label below its node)."""


def tree_layout(g: nx.DiGraph) -> dict[str, tuple[float, float]]:
    """A left-to-right tree: the roots (``graph["roots"]`` first, largest first) in the first column, each node's
    children (by its first parent) in the next column, leaves one row apart, a parent beside the middle of its
    children. Same graph → same positions.

    >>> g = nx.DiGraph(roots=["c"]); g.add_edges_from([("c", "p"), ("p", "d1"), ("p", "d2")])
    >>> pos = tree_layout(g); pos["c"][0] < pos["p"][0] < pos["d1"][0], pos["p"][1] == (pos["d1"][1] + pos["d2"][1]) / 2
    (True, True)
    """
    order = {r: i for i, r in enumerate(g.graph.get("roots", []))}
    size = {n: g.nodes[n].get("count") or 0 for n in g}
    key = lambda n: (order.get(n, len(order)), -size[n], str(g.nodes[n].get("label", "")), n)  # noqa: E731
    tops = sorted((n for n in g if g.in_degree(n) == 0 or n in order), key=key)
    pos: dict[str, tuple[float, float]] = {}
    next_row = [0.0]

    def place(n: str, depth: int) -> float:
        pos[n] = (0.0, 0.0)
        kids = sorted((m for m in g.successors(n) if m not in pos), key=key)
        for m in kids:
            pos[m] = (0.0, 0.0)  # claimed: a node with two parents sits under the first
        ys = [place(m, depth + 1) for m in kids]
        y = (ys[0] + ys[-1]) / 2 if ys else next_row[0]
        if not ys:
            next_row[0] += TREE_ROW
        pos[n] = (depth * TREE_COLUMN, y)
        return y

    for n in tops:
        if n not in pos:
            place(n, 0)
            next_row[0] += TREE_ROW / 2
    for n in sorted(set(g) - set(pos)):  # cycles: what no root reaches
        place(n, 0)
    return {n: (round(x, 1), round(y, 1)) for n, (x, y) in pos.items()}


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
