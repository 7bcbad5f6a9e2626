"""Analytics over the graph, read from the flow index (:mod:`graph_api.flow`): the central documents most carried
out, the province × central-document coverage matrix (rendered as an SVG heat map, no external JS), bodies with
the most tasks, open and overdue, and the documents central to the network of documents (networkx). A central
document's counts are its trace's: documents carrying it out directly or through others, and their tasks.

``analytics_report(store)`` returns plain data (JSON-ready); ``render_analytics(report)`` an HTML page.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import networkx as nx
from markupsafe import Markup, escape

from graph_api.flow import FlowIndex, bodies, coverage_matrix, flow_for, overview
from graph_api.flow.aggregate import document_links
from graph_api.flow.read import documents_info
from graph_api.store import GraphStore
from ontology.iris import Iris

__all__ = ["analytics_report", "report_of", "render_analytics", "export_analytics", "heatmap_svg", "centrality"]


def centrality(ix: FlowIndex, top: int = 20) -> tuple[list[dict], dict[str, Any]]:
    """Documents of the network (a document → the documents it implements, cites or is based on; a task's links
    are its document's) by reach (documents reaching it, directly or through others), direct citers and ``relay``:
    the paths of two steps through it (documents pointing to it × documents it points to) — the plans and
    programmes that relay a central document to the documents and tasks carrying it out. (Exact betweenness
    costs a search from every document: minutes at 10,000 documents; the two-step paths are its local part.)"""
    g = nx.DiGraph()
    g.add_edges_from((a, b) for a, _, b in document_links(ix))
    scored = [(n, g.in_degree(n), g.out_degree(n)) for n in g if g.in_degree(n)]
    scored.sort(key=lambda r: (-r[1], r[0]))
    # reach (ancestors) of the most cited only: a search each
    ranked = sorted(
        ((len(nx.ancestors(g, n)), c, c * o, n) for n, c, o in scored[: top * 5]),
        key=lambda r: (-r[0], -r[1], -r[2], r[3]),
    )
    relays = sorted(((c * o, n) for n, c, o in scored if c * o), key=lambda r: (-r[0], r[1]))[:top]
    info = documents_info(ix, [r[3] for r in ranked[:top]] + [n for _, n in relays])

    def label(n: str) -> str:
        return info.get(n, {}).get("symbol") or info.get(n, {}).get("title") or n

    central = [
        {"iri": n, "label": label(n), "symbol": info.get(n, {}).get("symbol"), "cited_by": c, "reach": r, "relay": p}
        for r, c, p, n in ranked[:top]
    ]
    relay = [{"iri": n, "label": label(n), "relay": p} for p, n in relays]
    network: dict[str, Any] = {"documents": g.number_of_nodes(), "relations": g.number_of_edges(), "relays": relay}
    return central, network


def analytics_report(store: GraphStore, *, today: dt.date | None = None, top: int = 20, max_columns: int = 40) -> dict:
    """Everything the analytics page and ``vankien analytics`` show, as plain data.

    Keys: ``most_implemented`` (central documents by the number of documents and tasks carrying them out, as
    their traces count them, with provinces, open and overdue tasks), ``coverage`` (``provinces`` × ``documents``
    → ``matrix`` of the tasks of each province carrying each document out), ``bodies`` (tasks led or shared, how
    many are still open on ``today`` — deadline not passed, or ongoing — and how many overdue),
    ``citation_centrality`` (documents reached, directly and through others, and two-step paths through them in the
    network of documents) and ``citation_network`` (its size, and the documents most paths go through: ``relays``).
    """
    return report_of(flow_for(store), today=today, top=top, max_columns=max_columns)


def report_of(ix: FlowIndex, *, today: dt.date | None = None, top: int = 20, max_columns: int = 40) -> dict:
    """:func:`analytics_report` from a flow index."""
    today = today or dt.date.today()
    central, network = centrality(ix, top)
    return {
        "today": today.isoformat(),
        "most_implemented": overview(ix, as_of=today, top=top),
        "coverage": coverage_matrix(ix, max_columns=max_columns),
        "bodies": bodies(ix, as_of=today, top=top),
        "citation_centrality": central,
        "citation_network": network,
    }


def _color(value: int, vmax: int) -> str:
    """White → deep red by value (sequential heat scale).

    >>> _color(0, 10), _color(10, 10)
    ('#ffffff', '#b71c1c')
    """
    if value <= 0 or vmax <= 0:
        return "#ffffff"
    f = min(1.0, value / vmax) ** 0.6
    lo, hi = (0xFF, 0xEB, 0xEE), (0xB7, 0x1C, 0x1C)
    r, g, b = (round(lo[i] + (hi[i] - lo[i]) * f) for i in range(3))
    return f"#{r:02x}{g:02x}{b:02x}"


def heatmap_svg(coverage: dict, *, cell: int = 26) -> Markup:
    """The coverage matrix as one inline SVG: provinces in rows, central documents in columns."""
    rows, cols, m = coverage["provinces"], coverage["documents"], coverage["matrix"]
    left, topm = 150, 130
    width, height = left + cell * len(cols) + 10, topm + cell * len(rows) + 10
    vmax = max((v for row in m for v in row), default=0)
    out = [
        f'<svg id="vk-heatmap" width="{width}" height="{height}" '
        f'role="img" aria-label="Ma trận tỉnh × văn bản Trung ương" font-size="11" '
        f'font-family="Noto Sans, DejaVu Sans, Arial, sans-serif">'
    ]
    for j, c in enumerate(cols):
        x = left + j * cell + cell / 2
        out.append(
            f'<text transform="translate({x},{topm - 6}) rotate(-60)">{escape(c["symbol"] or c["label"])}'
            f"<title>{escape(c['label'])}</title></text>"
        )
    for i, p in enumerate(rows):
        y = topm + i * cell
        out.append(f'<text x="{left - 6}" y="{y + cell * 0.65}" text-anchor="end">{escape(p["label"])}</text>')
        for j, c in enumerate(cols):
            v = m[i][j]
            out.append(
                f'<rect class="vk-cell" x="{left + j * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                f'fill="{_color(v, vmax)}" stroke="#eceff1" data-value="{v}">'
                f"<title>{escape(p['label'])} × {escape(c['label'])}: {v}</title></rect>"
            )
            if v:
                out.append(
                    f'<text x="{left + j * cell + cell / 2 - 0.5}" y="{y + cell * 0.65}" text-anchor="middle" '
                    f'fill="{"#fff" if v > vmax / 2 else "#263238"}">{v}</text>'
                )
    out.append("</svg>")
    return Markup("".join(out))


def render_analytics(report: dict, *, base: str | None = None, served: bool = False) -> str:
    """The analytics page (HTML + inline SVG, no script)."""
    from visualise.views import _env, _href

    base = Iris(base).base

    def link(iri: str) -> str | None:
        return _href(iri, base, served)

    return (
        _env()
        .get_template("analytics.html")
        .render(r=report, heatmap=heatmap_svg(report["coverage"]), link=link, served=served)
    )


def export_analytics(store: GraphStore, out_path: str | Path, *, today: dt.date | None = None) -> Path:
    """Write the analytics page as one offline HTML file."""
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(render_analytics(analytics_report(store, today=today)), encoding="utf-8")
    return out
