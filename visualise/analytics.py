"""Analytics over the graph: most-implemented central documents, the province × central-document
coverage matrix (rendered as an SVG heat map, no external JS), bodies with the most tasks and
open deadlines, and the documents central to the citation network (networkx).

``analytics_report(store)`` returns plain data (JSON-ready); ``render_analytics(report)`` an HTML page.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from pathlib import Path

import networkx as nx
from markupsafe import Markup, escape

from graph_api.store import GraphStore
from ontology import sparql_prefixes
from ontology.iris import Iris
from visualise.builder import Builder as _Builder
from visualise.projections import body_task_graph, citation_graph

__all__ = ["analytics_report", "render_analytics", "export_analytics", "heatmap_svg"]

_CENTRAL = 'FILTER(STRENDS(STR(?lvl), "/level/central"))'


def _rows(store: GraphStore, body: str) -> list[dict]:
    return [{k: v.value for k, v in r.items()} for r in store.select(sparql_prefixes() + body)]


def _labels(store: GraphStore, docs: set[str]) -> dict[str, dict]:
    b = _Builder(store)
    b.add_documents(docs)
    return {n: dict(a) for n, a in b.g.nodes(data=True)}


def _coverage(cover: list[dict], labels: dict[str, dict], doc, max_columns: int) -> dict:
    """Provinces × the most taken-up central documents → counts of local documents and tasks."""
    totals: dict[str, int] = defaultdict(int)
    cells: dict[tuple[str, str], int] = {}
    prov_label: dict[str, str] = {}
    for r in cover:
        cells[(r["prov"], r["c"])] = int(r["n"])
        totals[r["c"]] += int(r["n"])
        prov_label[r["prov"]] = r.get("provLabel") or r["prov"].rstrip("/").split("/")[-1]
    columns = sorted(totals, key=lambda c: (-totals[c], labels.get(c, {}).get("label", c)))[:max_columns]
    provinces = sorted(prov_label, key=lambda p: prov_label[p])
    return {
        "provinces": [{"iri": p, "label": prov_label[p]} for p in provinces],
        "documents": [doc(c) for c in columns],
        "matrix": [[cells.get((p, c), 0) for c in columns] for p in provinces],
    }


def _bodies(store: GraphStore, today: dt.date) -> list[dict]:
    """Bodies by tasks led or shared, and how many of those are still open on ``today``."""
    bt = body_task_graph(store)
    bodies = []
    for b, a in bt.nodes(data=True):
        if a["kind"] != "body":
            continue
        tasks = list(bt.predecessors(b))
        open_ = [
            t
            for t in tasks
            if bt.nodes[t].get("ongoing")
            or (bt.nodes[t].get("deadline") and bt.nodes[t]["deadline"][:10] >= today.isoformat())
        ]
        bodies.append(
            {
                "iri": b,
                "label": a["label"],
                "province": a.get("province"),
                "tasks": len(tasks),
                "lead": sum(1 for t in tasks if bt.edges[t, b]["relation"] == "lead"),
                "open": len(open_),
            }
        )
    bodies.sort(key=lambda d: (-d["tasks"], -d["open"], d["label"], d["iri"]))
    return bodies


def _centrality(cit: nx.DiGraph) -> list[dict]:
    """Cited documents by reach (direct and transitive citers), citers and betweenness."""
    betweenness = nx.betweenness_centrality(cit) if len(cit) else {}
    central = [
        {
            "iri": n,
            "label": cit.nodes[n]["label"],
            "symbol": cit.nodes[n].get("symbol"),
            "cited_by": cit.in_degree(n),
            "reach": len(nx.ancestors(cit, n)),
            "betweenness": round(betweenness.get(n, 0.0), 4),
        }
        for n in cit
        if cit.in_degree(n)
    ]
    central.sort(key=lambda d: (-d["reach"], -d["cited_by"], -d["betweenness"], d["label"]))
    return central


def analytics_report(store: GraphStore, *, today: dt.date | None = None, top: int = 20, max_columns: int = 40) -> dict:
    """Everything the analytics page and ``vankien analytics`` show, as plain data.

    Keys: ``most_implemented`` (central documents by the number of local documents and tasks that
    implement them), ``coverage`` (``provinces`` × ``documents`` → ``matrix`` of counts of local
    documents and tasks that take each document up), ``bodies`` (tasks led or shared, and how many
    are still open on ``today``: deadline not passed, or ongoing), ``citation_centrality``
    (citing documents, direct and transitive, and betweenness in the citation network).
    """
    today = today or dt.date.today()
    impl = _rows(
        store,
        f"""
        SELECT ?c (COUNT(DISTINCT ?d) AS ?docs) (COUNT(DISTINCT ?prov) AS ?provinces) (COUNT(DISTINCT ?t) AS ?tasks)
        WHERE {{
          ?c vk:level ?lvl {_CENTRAL}
          {{ ?d eli:implements ?c ; a eli:LegalResource . OPTIONAL {{ ?d vk:province ?prov }} }}
          UNION {{ ?t eli:implements ?c ; a vk:Task ; eli:is_part_of ?td . OPTIONAL {{ ?td vk:province ?prov }} }}
        }} GROUP BY ?c""",
    )
    cover = _rows(
        store,
        f"""
        SELECT ?c ?prov (SAMPLE(?pl) AS ?provLabel) (COUNT(DISTINCT ?x) AS ?n) WHERE {{
          ?c vk:level ?lvl {_CENTRAL}
          {{ VALUES ?rel {{ eli:implements eli:cites eli:based_on }}
             ?x ?rel ?c ; vk:province ?prov ; a ?cls . VALUES ?cls {{ eli:LegalResource vk:PressReport }} }}
          UNION {{ ?x eli:implements ?c ; a vk:Task ; eli:is_part_of/vk:province ?prov }}
          OPTIONAL {{ ?prov rdfs:label ?pl }}
        }} GROUP BY ?c ?prov""",
    )
    cit = citation_graph(store)
    labels = _labels(store, {r["c"] for r in impl} | {r["c"] for r in cover})

    def doc(iri: str) -> dict:
        a = labels.get(iri) or (cit.nodes[iri] if iri in cit else {})
        return {"iri": iri, "label": a.get("label", iri), "symbol": a.get("symbol"), "title": a.get("title")}

    most = [
        doc(r["c"]) | {"documents": int(r["docs"]), "tasks": int(r["tasks"]), "provinces": int(r["provinces"])}
        for r in impl
    ]
    most.sort(key=lambda d: (-(d["documents"] + d["tasks"]), -d["provinces"], d["label"]))

    coverage = _coverage(cover, labels, doc, max_columns)
    bodies = _bodies(store, today)
    central = _centrality(cit)
    return {
        "today": today.isoformat(),
        "most_implemented": most[:top],
        "coverage": coverage,
        "bodies": bodies[:top],
        "citation_centrality": central[:top],
        "citation_network": {"documents": cit.number_of_nodes(), "relations": cit.number_of_edges()},
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
