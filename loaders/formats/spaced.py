"""Tables laid out with spaces in plain text (a Word table saved as text, a PDF's table read by layout): a header
naming a task table's columns ("TT  Nhiệm vụ    Cơ quan chủ trì    Thời gian"), each column starting where its
header word starts, rows opening at the first column and lines indented to a later column going on with the row
above. They become pipe tables, which the structure stage reads as it reads Markdown and Word tables."""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.formats.common import replace_tables

__all__ = ["space_tables"]

_GAP_RE = re.compile(r"\S(?:\S| (?=\S))*")  # a piece of text: words separated by single spaces
_SLACK = 2  # how far a cell may start before its column


def _pieces(line: str) -> list[tuple[int, str]]:
    """(column where it starts, text) of each run of words separated by single spaces."""
    return [(m.start(), m.group(0)) for m in _GAP_RE.finditer(line)]


def _header_columns(line: str) -> list[int] | None:
    """Where each column of a task table's header starts, or None for any other line."""
    pieces = _pieces(line)
    if len(pieces) < 3 or "\t" in line or sum(bool(P.TABLE_HEADER_RE.search(t)) for _, t in pieces) < 2:
        return None
    return [at for at, _ in pieces]


def _row_cells(line: str, columns: list[int]) -> list[str] | None:
    """The cells of one line by the header's columns; None when a piece runs across a column (prose, not a row)."""
    cells = [""] * len(columns)
    for at, piece in _pieces(line):
        col = max((k for k, c in enumerate(columns) if c - _SLACK <= at), default=None)
        if col is None:
            return None
        if col + 1 < len(columns) and at + len(piece) > columns[col + 1] + _SLACK:
            return None
        cells[col] = f"{cells[col]} {piece}".strip()
    return cells


def space_tables(text: str) -> str:
    """``text`` with each space-aligned task table as a pipe table.

    >>> print(space_tables("TT  Nhiệm vụ          Chủ trì        Thời gian\\n\\n1   Rà soát quỹ đất,  Sở Xây dựng    Quý I/2025\\n"
    ...                    "    tái định cư\\n\\nHết nội dung kế hoạch này."))
    | TT | Nhiệm vụ | Chủ trì | Thời gian |
    |---|---|---|---|
    | 1 | Rà soát quỹ đất, tái định cư | Sở Xây dựng | Quý I/2025 |
    <BLANKLINE>
    Hết nội dung kế hoạch này.
    """
    return replace_tables(text, _read_table) if "   " in text else text


def _read_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The rows of a space-aligned table whose header is ``lines[i]`` and the index after it; None for another line
    or a header with no rows."""
    columns = _header_columns(lines[i])
    if columns is None:
        return None
    rows: list[list[str]] = [[t for _, t in _pieces(lines[i])]]
    i += 1
    while i < len(lines):
        if not lines[i].strip():
            i += 1
            continue
        cells = _row_cells(lines[i], columns)
        if cells is None:
            break
        if not cells[0] and len(rows) > 1:  # goes on with the row above
            rows[-1] = [f"{a} {b}".strip() for a, b in zip(rows[-1], cells)]
        elif not cells[0] or not any(cells[1:]):
            break
        else:
            rows.append(cells)
        i += 1
    return (rows, i) if len(rows) > 1 else None
