"""``vankien view …``: the network views as standalone offline HTML files (scripts and the expansions of their
group nodes embedded). By default a view aggregates (central document → provinces → documents → task counts per
lead body, at most a few hundred nodes, groups opening on click); ``--detail`` draws every node."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from vankien.api import open_store

__all__ = ["register_views", "trace_provinces"]

StoreOption = typer.Option(None, "--store", envvar="VANKIEN_STORE", help="The store (see vankien --help).")
DetailOption = typer.Option(
    False, "--detail", help="Every node (tasks, bodies, projects) instead of the aggregated view."
)
MaxNodesOption = typer.Option(300, "--max-nodes", min=10, help="At most this many nodes drawn at first.")


def _store(spec: str | None):
    return open_store(spec, read_only=True, create=False)


def _write(store, g, output: Path, detail: bool) -> None:
    from visualise.summary_views import export_summary
    from visualise.views import export_graph

    path = export_graph(g, output) if detail else export_summary(store, g, output)
    typer.echo(f"wrote {path} ({len(g)} nodes)")


def view_flow(
    symbol: str = typer.Argument(..., help="Symbol (21-KL/TW or 21-KL-TW), id path or IRI of the central document."),
    output: Path = typer.Option(Path("flow.html"), "--output", "-o"),
    year: Optional[int] = typer.Option(None, help="Year of the document, when the symbol recurs."),
    province: Optional[str] = typer.Option(None, help="Only this province (before or after the 2025 merger)."),
    detail: bool = DetailOption,
    max_nodes: int = MaxNodesOption,
    store: Optional[str] = StoreOption,
) -> None:
    """Export the flow of a directive down to provinces, their documents and tasks as one offline HTML file.

    Example: vankien view flow 21-KL/TW -o flow.html
    """
    from visualise.projections import flow_graph
    from visualise.summary import flow_summary

    with _store(store) as s:
        if detail:
            g = flow_graph(s, symbol, year=year, province=province)
        else:
            g = flow_summary(s, symbol, year=year, province=province, max_nodes=max_nodes)
        _write(s, g, output, detail)


def view_overview(
    output: Path = typer.Option(Path("overview.html"), "--output", "-o"),
    detail: bool = DetailOption,
    max_nodes: int = MaxNodesOption,
    store: Optional[str] = StoreOption,
) -> None:
    """Export the overview of the central documents carried out, most carried out first.

    Example: vankien view overview -o overview.html
    """
    from visualise.projections import overview_graph
    from visualise.summary import overview_summary

    with _store(store) as s:
        _write(s, overview_graph(s) if detail else overview_summary(s, max_nodes=max_nodes), output, detail)


def view_province(
    name: str = typer.Argument(
        ..., help="A province before or after the 2025 merger: 'Thái Nguyên', 'bac kan', an IRI."
    ),
    output: Path = typer.Option(Path("province.html"), "--output", "-o"),
    max_nodes: int = MaxNodesOption,
    store: Optional[str] = StoreOption,
) -> None:
    """Export one province (with the pre-merger provinces it absorbed): the central documents its documents carry
    out, its documents and their tasks per lead body. An unknown name exits 6 with the closest names.

    Example: vankien view province "thai nguyen" -o thai-nguyen.html
    """
    from visualise.summary import province_summary

    with _store(store) as s:
        _write(s, province_summary(s, name, max_nodes=max_nodes), output, False)


def view_document(
    ref: str = typer.Argument(..., help="Symbol, id path or IRI of a document."),
    output: Path = typer.Option(Path("document.html"), "--output", "-o"),
    year: Optional[int] = typer.Option(None, help="Year of the document, when the symbol recurs."),
    detail: bool = DetailOption,
    store: Optional[str] = StoreOption,
) -> None:
    """Export one document and its neighbourhood, aggregated (what it carries out, its tasks per lead body, what
    carries it out by province).

    Example: vankien view document 147-KH/TU --year 2021 -o 147.html
    """
    from visualise.summary_views import document_view

    with _store(store) as s:
        if detail:
            from visualise.projections import document_graph

            g = document_graph(s, ref, year=year)
        else:
            g = document_view(s, ref, year=year)
        _write(s, g, output, not g.graph.get("summary"))


def register_views(view_app: typer.Typer) -> None:
    """Add ``flow``, ``overview``, ``province`` and ``document`` to ``vankien view``."""
    view_app.command("flow")(view_flow)
    view_app.command("overview")(view_overview)
    view_app.command("province")(view_province)
    view_app.command("document")(view_document)


def trace_provinces(store, symbol: str, labels: list[str], *, limit: int | None = None, offset: int = 0, **kw) -> dict:
    """The trace of ``symbol`` in the provinces named ``labels`` (a province and those it absorbed in 2025;
    none: every province), one page of tasks in the trace's order."""
    import re

    from graph_api import trace as T

    if len(labels) <= 1:
        return T.trace(store, symbol, province=labels[0] if labels else None, limit=limit, offset=offset, **kw)
    parts = [T.trace(store, symbol, province=label, **kw) for label in labels]
    natural = lambda t: [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", t["task"])]  # noqa: E731
    tasks = sorted((t for p in parts for t in p["tasks"]), key=natural)
    end = None if limit is None else offset + limit
    page = tasks[offset:end]
    following = end is not None and end < len(tasks)
    provinces = {t["province"] for t in tasks} | {d["province"] for d in parts[0]["documents"]}
    return {
        **parts[0],
        "total": len(tasks),
        "provinces_total": len(provinces - {None}),
        "offset": offset,
        "limit": limit,
        "next": page[-1]["task"] if following and page else None,
        "tasks": page,
    }
