"""How the ``vankien`` command runs: every bad input ends in one line on stderr naming the input and the reason,
with the exit code of its kind (the table of :mod:`core.errors`: 2 bad input, 3 store unavailable, 4 malformed
query, 5 query timeout, 6 not found, 7 ambiguous symbol, 8 unauthorised); no traceback unless ``--debug``;
``--version``; "did you mean" for a misspelt command or option.

>>> one_line("malformed query:\\n  error at 1:5")
'malformed query: error at 1:5'
>>> closest("--formt", ["--format", "--file", "--store"])
'--format'
"""

from __future__ import annotations

import difflib
import os
import sys
from collections.abc import Sequence
from typing import Any

import typer

from core.errors import VankienError

try:  # typer ≥ 0.25 carries its own copy of click
    from typer._click.exceptions import ClickException, NoArgsIsHelpError, NoSuchOption, UsageError
except ImportError:  # pragma: no cover - older typer: click itself
    from click.exceptions import ClickException, NoArgsIsHelpError, NoSuchOption, UsageError  # type: ignore[no-redef,assignment]

__all__ = ["run", "one_line", "closest", "version_text"]


def one_line(message: str) -> str:
    """A message on one line (whitespace runs, line breaks included, become one space)."""
    return " ".join(str(message).split())


def closest(word: str, choices: Sequence[str]) -> str | None:
    """The choice closest to a misspelt word, if any is close."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.5)
    return found[0] if found else None


def version_text() -> str:
    """``vankien X.Y.Z`` from the installed package's metadata."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return f"vankien {version('vankien')}"
    except PackageNotFoundError:
        return "vankien (not installed)"


def _usage_line(e: UsageError) -> str:
    if isinstance(e, NoSuchOption) and e.possibilities:
        hint = closest(e.option_name, sorted(e.possibilities))
        if hint:
            return f"no such option {e.option_name}: did you mean {hint}?"
    text = one_line(e.format_message())
    command = e.ctx.command_path if e.ctx is not None else "vankien"
    return f"{command}: {text[0].lower() + text[1:] if text else text}"


def _fail(message: str, code: int) -> int:
    typer.echo(f"error: {one_line(message)}", err=True)
    return code


def _candidates(candidates: list[dict[str, Any]]) -> None:
    """The documents an ambiguous symbol names, one indented line each: year, symbol, issuer, title, IRI."""
    for c in candidates:
        cells = [
            str(c.get("year") or "—"),
            c.get("symbol") or "",
            c.get("issuer") or c.get("province") or "",
            c.get("title") or "",
            f"<{c.get('iri', '')}>",
        ]
        typer.echo("  " + "  ".join(x for x in cells if x), err=True)


def run(app: Any, argv: Sequence[str] | None = None) -> int:
    """Run the typer ``app`` on ``argv`` (default ``sys.argv[1:]``); returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or os.environ.get("VANKIEN_DEBUG") == "1"
    args = [a for a in args if a != "--debug"]
    if args[:1] in (["--version"], ["-V"]):
        typer.echo(version_text())
        return 0
    try:
        result = app(args, standalone_mode=False, prog_name="vankien")
        return result if isinstance(result, int) else 0
    except NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help() if e.ctx is not None else e.format_message())
        return 0
    except UsageError as e:
        if debug:
            raise
        return _fail(_usage_line(e), e.exit_code)
    except ClickException as e:
        if debug:
            raise
        return _fail(e.format_message(), e.exit_code)
    except typer.Abort:
        return _fail("aborted", 130)
    except VankienError as e:
        if debug:
            raise
        code = _fail(str(e), e.exit_code)
        _candidates(getattr(e, "candidates", None) or [])
        return code
    except OSError as e:
        if debug:
            raise
        name = e.filename if e.filename is not None else "file"
        return _fail(f"{name}: {e.strerror or e}", 2)
