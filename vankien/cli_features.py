"""``vankien search`` and ``vankien deadlines``: thin over :mod:`graph_api.search`, :mod:`graph_api.deadlines` and
:mod:`graph_api.exports`. Errors are raised as :mod:`core.errors` and printed by :func:`vankien.cli_run.run`."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from core.errors import InputError

__all__ = [
    "register",
    "search",
    "deadlines_command",
    "check_day",
    "choice",
    "print_query",
    "print_rows",
    "emit",
    "fail_if_nothing_loaded",
]

SEARCH_FORMATS = ("table", "json")
DEADLINE_FORMATS = ("table", "json", "csv", "xlsx", "ics")
GRAPH_FORMATS = ("turtle", "ntriples", "jsonld", "rdfxml")
_STORE_HELP = "oxigraph:PATH | memory: | sparql:QUERY_URL[,UPDATE_URL] (default: a per-user folder)"


def _table(*heads: str, title: str | None = None, lines: bool = True) -> Table:
    """A table whose cells wrap (never cut)."""
    table = Table(show_lines=lines, title=title)
    for head in heads:
        table.add_column(head, overflow="fold")
    return table


def _choice(value: str, choices: tuple[str, ...], name: str) -> str:
    if value not in choices:
        raise InputError(f"{name} {value}", f"not one of {', '.join(choices)}")
    return value


def check_day(ctx: typer.Context, param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
    """Option callback: a day as YYYY-MM-DD, else the one-line error naming the option."""
    from graph_api.deadlines import parse_day

    parse_day(value, param.opts[0] if param.opts else str(param.name))
    return value


def choice(*choices: str):  # noqa: ANN201 - a typer callback
    """Option callback: one of ``choices``, else the one-line error naming the option and the choices."""

    def check(ctx: typer.Context, param: typer.CallbackParam, value: Optional[str]) -> Optional[str]:
        if value is not None:
            _choice(value, choices, param.opts[0] if param.opts else str(param.name))
        return value

    return check


def print_query(store: Any, text: str, format: str, print_rows: Any) -> None:
    """Run a query of any form: SELECT and ASK as ``table``, ``json`` or ``csv`` (through ``print_rows``),
    CONSTRUCT and DESCRIBE as RDF (``turtle`` by default, ``ntriples``, ``jsonld``, ``rdfxml``)."""
    from graph_api.store.sparql_text import query_form

    form = query_form(text) or "SELECT"
    if form in ("CONSTRUCT", "DESCRIBE"):
        rdf = "turtle" if format == "table" else format
        if rdf not in GRAPH_FORMATS:
            raise InputError(f"--format {format}", f"a {form} query writes RDF: give {', '.join(GRAPH_FORMATS)}")
        _write(store.query(text, results_format=rdf), None)
        return
    _choice(format, ("table", "json", "csv"), "--format")
    data = json.loads(store.query(text, results_format="json"))
    if "boolean" in data:
        typer.echo(str(data["boolean"]).lower())
        return
    heads = data["head"]["vars"]
    rows = [[b.get(v, {}).get("value", "") for v in heads] for b in data["results"]["bindings"]]
    print_rows(heads, rows, format, raw=data)


def fail_if_nothing_loaded(report: Any) -> None:
    """A load that read nothing and rejected something failed: exit 2 (after the rejected files are listed)."""
    if report.rejected and not report.documents and not report.unchanged:
        raise InputError("no document loaded", f"{len(report.rejected)} rejected")


@contextmanager
def _reading(spec: str | None) -> Iterator[Any]:
    """The store, opened for reading."""
    from graph_api.store import open_store

    store = open_store(spec, read_only=True, create=False)
    try:
        yield store
    finally:
        store.close()


def search(
    words: list[str] = typer.Argument(..., help="Words to find; diacritics, case and đ/d do not matter."),
    kind: Optional[str] = typer.Option(None, "--kind", help="document | task | body | project"),
    limit: int = typer.Option(20, "--limit", min=1, max=1000, help="Hits to show."),
    offset: int = typer.Option(0, "--offset", min=0, help="Hits to skip first."),
    format: str = typer.Option("table", "--format", "-f", help="table | json"),
    store: Optional[str] = typer.Option(None, "--store", envvar="VANKIEN_STORE", help=_STORE_HELP),
) -> None:
    """Full-text search of documents, task sentences, bodies and projects, best first.

    Example: vankien search ban can su dang --kind task
    """
    from graph_api.search import index_for

    _choice(format, SEARCH_FORMATS, "--format")
    with _reading(store) as s:
        index = index_for(s)
        index.sync(s)
        page = index.search(" ".join(words), kind=kind, limit=limit, offset=offset)
        if index.path is not None:
            index.close()
    if format == "json":
        typer.echo(
            json.dumps(
                {"q": page.q, "total": page.total, "offset": offset, "items": [h.as_dict() for h in page.hits]},
                ensure_ascii=False,
                indent=1,
            )
        )
        return
    table = _table("#", "kind", "resource", "text", title=f"{page.total} results for {page.q!r}")
    for n, h in enumerate(page.hits, offset + 1):
        marked, last = [], 0
        for start, end in h.highlights:
            marked += [escape(h.snippet[last:start]), f"[bold yellow]{escape(h.snippet[start:end])}[/]"]
            last = end
        marked.append(escape(h.snippet[last:]))
        name = " ".join(x for x in (h.symbol, h.title) if x)
        table.add_row(str(n), h.kind, f"{escape(name)}\n[dim]{escape(h.iri)}[/]", "".join(marked))
    Console().print(table)


def deadlines_command(
    start: Optional[str] = typer.Option(None, "--from", help="First due day (YYYY-MM-DD)."),
    end: Optional[str] = typer.Option(None, "--to", help="Last due day (YYYY-MM-DD)."),
    as_of: Optional[str] = typer.Option(None, "--as-of", help="Overdue or open as of this day (default today)."),
    directive: Optional[str] = typer.Option(None, "--directive", help="Only tasks carrying out this document."),
    year: Optional[int] = typer.Option(None, "--year", help="Year of the directive, when its symbol recurs."),
    province: Optional[str] = typer.Option(None, "--province", help="Only tasks of this province."),
    state: Optional[str] = typer.Option(None, "--state", help="overdue | open"),
    format: str = typer.Option("table", "--format", "-f", help="table | json | csv | xlsx | ics"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (needed for xlsx)."),
    lang: str = typer.Option("vi", "--lang", help="Language of the xlsx/ics/csv headers: vi | en"),
    store: Optional[str] = typer.Option(None, "--store", envvar="VANKIEN_STORE", help=_STORE_HELP),
) -> None:
    """Tasks due in a period, overdue and open as of a day, by lead body and province; export to Excel or iCalendar.

    Example: vankien deadlines --from 2025-01-01 --to 2025-12-31 --directive 57-NQ/TW --format xlsx -o han.xlsx
    """
    import datetime as dt

    from graph_api.deadlines import deadlines, parse_day

    _choice(format, DEADLINE_FORMATS, "--format")
    _choice(lang, ("vi", "en"), "--lang")
    if format == "xlsx" and output is None:
        raise InputError("--format xlsx", "a spreadsheet is not printed: give -o FILE.xlsx")
    days = parse_day(start, "--from"), parse_day(end, "--to"), parse_day(as_of, "--as-of") or dt.date.today()
    with _reading(store) as s:
        listing = deadlines(
            s, start=days[0], end=days[1], as_of=days[2], directive=directive, year=year, province=province, state=state
        )
    if format == "table":
        _print_deadlines(listing)
        return
    _write(_render(listing, format, lang), output)


def _render(listing: dict[str, Any], format: str, lang: str) -> bytes:
    from graph_api.exports import tasks_csv, tasks_ics, tasks_xlsx

    if format == "json":
        return (json.dumps(listing, ensure_ascii=False, indent=1) + "\n").encode()
    if format == "csv":
        return tasks_csv(listing, lang=lang).encode()
    return (tasks_xlsx if format == "xlsx" else tasks_ics)(listing, lang=lang)


def _write(data: bytes, output: Path | None) -> None:
    if output is None:
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return
    output.write_bytes(data)
    typer.echo(f"wrote {output}", err=True)


def _print_deadlines(listing: dict[str, Any]) -> None:
    console = Console()
    period = f"{listing['from'] or '…'} – {listing['to'] or '…'}"
    console.print(
        f"{listing['total']} tasks due {period}, as of {listing['as_of']}: "
        f"{listing['counts']['overdue']} overdue, {listing['counts']['open']} open"
    )
    tasks = _table("due", "state", "province", "lead", "task", "document")
    for x in listing["tasks"]:
        state = "[red]overdue[/]" if x["state"] == "overdue" else "[green]open[/]"
        tasks.add_row(
            x["due"],
            state,
            escape(x["province"] or ""),
            escape("; ".join(x["lead"])),
            escape(x["text"] or ""),
            escape(x["document"]["symbol"] or x["document"]["iri"]),
        )
    console.print(tasks)
    for key, title in (("by_lead", "lead body"), ("by_province", "province")):
        groups = _table(title, "tasks", "overdue", "open", lines=False)
        for g in listing[key]:
            groups.add_row(escape(g["name"] or "(unknown)"), str(g["total"]), str(g["overdue"]), str(g["open"]))
        console.print(groups)


def register(app: typer.Typer) -> None:
    """Add ``search`` and ``deadlines`` to the ``vankien`` command."""
    app.command("search")(search)
    app.command("deadlines")(deadlines_command)


def print_rows(heads: list[str], rows: list[list[str]], format: str, *, raw=None) -> None:
    """Rows as JSON objects, CSV or a table that wraps (never truncates) its cells."""
    if format == "json":
        typer.echo(
            json.dumps(raw if raw is not None else [dict(zip(heads, r)) for r in rows], ensure_ascii=False, indent=1)
        )
    elif format == "csv":
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow(heads)
        w.writerows(rows)
        typer.echo(buf.getvalue().rstrip("\n"))
    else:
        table = Table(*heads, show_lines=False)
        for r in rows:
            table.add_row(*r)
        Console(width=200).print(table)


def emit(result, format: str, to_rows) -> None:
    """A command's result as JSON, or as the rows ``to_rows`` makes of it."""
    if format == "json":
        typer.echo(json.dumps(result, ensure_ascii=False, indent=1))
        return
    heads, rows = to_rows(result)
    print_rows(heads, rows, format)
