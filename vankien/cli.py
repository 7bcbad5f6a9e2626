"""The ``vankien`` command: a thin layer over the library.

Every command that touches the store takes ``--store`` (``oxigraph:PATH``, ``memory:``,
``sparql:QUERY_URL[,UPDATE_URL]``; default ``$VANKIEN_STORE`` or a per-user folder).
Domain errors exit with their own codes (see ``core.errors``).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, Optional

import typer
from rich.console import Console
from rich.table import Table

from core.errors import InputError, VankienError
from graph_api.store import GraphStore
from vankien.api import open_store
from vankien.cli_features import check_day, choice, emit, fail_if_nothing_loaded, print_query, print_rows, register
from vankien.cli_run import run
from vankien.cli_views import register_views, trace_provinces

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    help="vankien: a knowledge graph of Vietnamese Party and state documents. "
    "--version prints the version; --debug shows the traceback of an error.",
)
view_app = typer.Typer(no_args_is_help=True, help="Interactive network views exported as standalone HTML files.")
app.add_typer(view_app, name="view")
console = Console(stderr=True)

StoreOption = typer.Option(
    None,
    "--store",
    envvar="VANKIEN_STORE",
    help="FOLDER | oxigraph:FOLDER | memory: | sparql:QUERY_URL[,UPDATE_URL] (default: a per-user folder)",
)


def _fail(e: VankienError) -> NoReturn:
    raise e  # printed by vankien.cli_run.run: one line, its exit code, an ambiguous symbol's candidates


@contextmanager
def _domain_errors() -> Iterator[None]:
    """A domain error ends the command with its exit code and a one-line message."""
    try:
        yield
    except VankienError as e:
        _fail(e)


@contextmanager
def _opened(spec: str | None, *, write: bool = False) -> Iterator[GraphStore]:
    """The store of one command, closed when the command is done (also on an error, which exits with its code).

    Only a writing command creates a missing on-disk store; the others name it as missing, and read a
    snapshot, so they work while ``vankien serve`` holds the store.
    """
    with _domain_errors(), open_store(spec, read_only=not write, create=write) as store:
        yield store


@app.command()
def load(
    paths: list[Path] = typer.Argument(..., help="Files or folders (.txt .md .html .docx .pdf)."),
    store: Optional[str] = StoreOption,
    workers: int = typer.Option(1, "--workers", "-j", help="Extraction processes (0 = every core)."),
    force: bool = typer.Option(False, help="Reload documents even when unchanged."),
    bulk: bool = typer.Option(
        False,
        help="Write new documents with the store's bulk loader: faster, not "
        "atomic (re-run the load after a crash to repair).",
    ),
) -> None:
    """Load documents into the store, each into its own named graph.

    Example: vankien load data/corpus --workers 0
    """
    from graph_api.aggregates import total_triples
    from vankien.api import load as load_paths

    with _opened(store, write=True) as s:
        report = load_paths(paths, s, workers=workers or os.cpu_count() or 1, force=force, bulk=bulk, progress=True)
        total = total_triples(s)
    typer.echo(
        f"documents loaded: {report.documents}, unchanged: {report.unchanged}, "
        f"rejected: {len(report.rejected)}, triples written: {report.triples}, "
        f"triples in store: {total}, {report.seconds:.1f} s"
    )
    for path, reason in report.rejected:
        typer.echo(f"rejected {path}: {reason}")
    fail_if_nothing_loaded(report)


@app.command()
def init(store: Optional[str] = StoreOption) -> None:
    """Create an empty store (``load`` also creates one); other commands name a missing store.

    Example: vankien init --store ./store
    """
    with _opened(store, write=True) as s:
        location = getattr(s, "path", None) or "memory"
    typer.echo(f"store ready: {location}")


@app.command()
def extract(
    paths: list[Path] = typer.Argument(..., help="Document files or folders."),
    format: str = typer.Option("json", "--format", "-f", help="json | summary"),
    explain: bool = typer.Option(
        False,
        "--explain",
        help="For review: per task the sentence, the form it was read from, lead, partners and "
        "deadline, then the forward-looking sentences that gave no assignment.",
    ),
) -> None:
    """Extract documents without a store and print the result.

    Example: vankien extract data/corpus/seeds --format json; vankien extract plan.docx --explain
    """
    from graph_api.store.ingest import collect
    from loaders import extract_file
    from loaders.explain import explain as explain_document
    from loaders.to_json import document_json
    from loaders.to_rdf import document_iri
    from ontology.iris import Iris

    files, problems = collect(paths)
    out, failed = [], list(problems)
    iris = Iris()
    for f in files:
        try:
            doc = extract_file(f)
        except VankienError as e:
            failed.append((str(f), str(e)))
            continue
        if explain:
            typer.echo(explain_document(doc) + "\n")
            continue
        item = document_json(doc)
        item["iri"] = document_iri(iris, doc)
        out.append(item)
    for path, reason in failed:
        console.print(f"rejected {path}: {reason}")
    if explain:
        return
    if format == "json":
        typer.echo(json.dumps(out, ensure_ascii=False, indent=1))
    else:
        for d in out:
            typer.echo(
                f"{d['file']}: {d['kind']} {d['symbol'] or ''} {d['date'] or ''} {d['province'] or ''} — "
                f"{len(d['citations'])} citations, {len(d['tasks'])} tasks, "
                f"{len(d['assignments'])} assignments"
            )
    if failed and not out:
        raise typer.Exit(2)


@app.command()
def query(
    sparql: Optional[str] = typer.Argument(None, help="A SPARQL query (or use --file)."),
    file: Optional[Path] = typer.Option(None, "--file", help="Read the query from a file."),
    format: str = typer.Option(
        "table", "--format", "-f", help="table | json | csv (SELECT, ASK); turtle | ntriples | jsonld | rdfxml"
    ),
    store: Optional[str] = StoreOption,
) -> None:
    """Run a SPARQL query over the union of the named graphs (the project's prefixes are preset).

    Example: vankien query "SELECT ?d ?s WHERE { ?d eli:id_local ?s } LIMIT 5"
    """
    from ontology import sparql_prefixes

    try:
        text = file.read_text(encoding="utf-8") if file else sparql
    except UnicodeDecodeError as e:
        raise InputError(f"--file {file}", f"not UTF-8 text ({e.reason})") from None
    if not text:
        raise typer.BadParameter("give a query or --file")
    if "prefix" not in text.lower():
        text = sparql_prefixes() + text
    with _opened(store) as s:
        print_query(s, text, format, print_rows)


@app.command()
def export(
    format: str = typer.Option(
        "nquads",
        "--format",
        "-f",
        help="nquads | trig | turtle | ntriples | jsonld | rdfxml",
        callback=choice("nquads", "trig", "turtle", "ntriples", "jsonld", "rdfxml"),
    ),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout)."),
    store: Optional[str] = StoreOption,
) -> None:
    """Export the store: every named graph (nquads, trig) or their union (turtle, jsonld).

    Example: vankien export --format trig -o vankien.trig
    """
    with _opened(store) as s:
        if output:
            with output.open("wb") as f:
                s.export(f, format=format)
        else:
            s.export(sys.stdout.buffer, format=format)


@app.command()
def stats(store: Optional[str] = StoreOption) -> None:
    """Named graphs, their triples and what they hold.

    Example: vankien stats --store oxigraph:/tmp/vk
    """
    from graph_api.aggregates import graph_sizes, summary

    with _opened(store) as s:
        sizes, counts = graph_sizes(s), summary(s)
    table = Table("named graph", "triples")
    for graph, n in sizes:
        table.add_row(graph, str(n))
    Console(width=200).print(table)
    total = sum(n for _, n in sizes)
    typer.echo(f"named graphs: {len(sizes)}, triples: {total}, " + ", ".join(f"{k}: {v}" for k, v in counts.items()))


@app.command()
def validate(store: Optional[str] = StoreOption) -> None:
    """Validate the store against the SHACL shapes (ontology/shapes.ttl).

    Example: vankien validate
    """
    from vankien.validate import validate_store

    with _opened(store) as s:
        conforms, report = validate_store(s)
    typer.echo("conforms" if conforms else report)
    if not conforms:
        raise typer.Exit(1)


def _require_store(spec: str | None) -> None:
    """Before serving: a missing on-disk store, or one another process holds, is a one-line error."""
    from graph_api.store.embedded import open_disk_store
    from graph_api.store.spec import parse_spec

    parsed = parse_spec(spec)
    if parsed.kind == "oxigraph" and parsed.path:
        probe = open_disk_store(parsed.path, create=False)
        del probe  # released at once: the service's store process opens it


@app.command()
def serve(
    store: Optional[str] = StoreOption,
    host: str = typer.Option("127.0.0.1", help="Address to bind (default loopback only)."),
    port: int = typer.Option(8000, help="Port."),
    update_token: Optional[str] = typer.Option(
        None,
        envvar="VANKIEN_UPDATE_TOKEN",
        show_envvar=True,
        help="Bearer token that allows updates (default: read-only).",
    ),
    query_timeout: Optional[float] = typer.Option(None, help="Seconds before a query is stopped."),
) -> None:
    """Serve SPARQL, linked data, the REST API, the query page and the views over HTTP.

    Example: vankien serve --port 8000
    """
    from graph_api.http.app import serve as run

    with _domain_errors():
        _require_store(store)
        run(store, host=host, port=port, update_token=update_token, query_timeout=query_timeout)


@app.command()
def trace(
    symbol: str = typer.Argument(..., help="Symbol of the central (or provincial) document, e.g. 21-KL/TW."),
    year: Optional[int] = typer.Option(None, help="Year of the document, when the symbol recurs."),
    province: Optional[str] = typer.Option(None, help="Only tasks of this province."),
    as_of: Optional[str] = typer.Option(
        None, "--as-of", help="Date (YYYY-MM-DD) for open/overdue.", callback=check_day
    ),
    reverse: bool = typer.Option(False, help="Treat SYMBOL as a provincial document and list what it serves."),
    coverage: bool = typer.Option(False, help="Provinces with and without tasks implementing it."),
    format: str = typer.Option(
        "table", "--format", "-f", help="table | json | csv", callback=choice("table", "json", "csv")
    ),
    limit: Optional[int] = typer.Option(None, min=0, help="At most this many tasks (a page); all by default."),
    offset: int = typer.Option(0, min=0, help="Skip this many tasks first (with --limit: the next page)."),
    store: Optional[str] = StoreOption,
) -> None:
    """Every task that implements a document, directly or through provincial plans.

    Example: vankien trace 21-KL/TW --as-of 2024-01-01
    """
    from graph_api import trace as T

    with _opened(store) as s:
        labels: list[str] = []
        if province:  # before or after the 2025 merger, with the provinces it absorbed; else "did you mean"
            from graph_api.resolver import province_scope

            labels = province_scope(s, province).labels
            province = labels[0]
        if coverage:
            result, to_rows = T.coverage(s, symbol, year=year, as_of=as_of), T.coverage_rows
        elif reverse:
            result, to_rows = T.serves(s, symbol, year=year, province=province), T.serves_rows
        else:
            result = trace_provinces(s, symbol, labels, year=year, as_of=as_of, limit=limit, offset=offset)
            to_rows = T.trace_rows
    emit(result, format, to_rows)


@app.command()
def analytics(
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write an HTML report here."),
    store: Optional[str] = StoreOption,
) -> None:
    """Most-implemented central documents, coverage by province, busiest bodies, central documents.

    Example: vankien analytics -o analytics.html
    """
    from visualise.analytics import analytics_report, export_analytics

    with _opened(store) as s:
        if output:
            export_analytics(s, output)
            typer.echo(f"wrote {output}")
        else:
            typer.echo(json.dumps(analytics_report(s), ensure_ascii=False, indent=1, default=str))


register(app)  # search, deadlines
register_views(view_app)  # view flow, overview, province, document


def main(argv: list[str] | None = None) -> None:
    """Entry point of the console script: one line for a bad input, with its exit code (``--debug``: the
    traceback), ``--version``."""
    raise SystemExit(run(app, argv))


if __name__ == "__main__":
    main()
