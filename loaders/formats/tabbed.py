"""Tables typed with tabs in plain text: a header naming a task table's columns ("TT<TAB>Nội dung<TAB>Chủ trì<TAB>Thời
hạn"), rows whose cells are separated by runs of tabs, and lines opening with a tab that go on with the row above.
They become pipe tables, which the structure stage reads as it reads Markdown and Word tables."""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.formats.common import replace_tables

__all__ = ["tab_tables"]

_CELLS_RE = re.compile(r"\t+")


def _cells(line: str) -> list[str]:
    return [c.strip() for c in _CELLS_RE.split(line.strip("\r\n"))]


def _is_header(line: str) -> bool:
    cells = [c for c in _cells(line) if c]
    return len(cells) >= 3 and sum(bool(P.TABLE_HEADER_RE.search(c)) for c in cells) >= 2


def tab_tables(text: str) -> str:
    """``text`` with each tab-separated task table as a pipe table.

    >>> print(tab_tables("TT\\tNội dung\\t\\tChủ trì\\tThời hạn\\n1\\tRà soát quỹ đất,\\t\\tSở Xây dựng\\tQuý I/2025\\n"
    ...                  "\\ttái định cư\\n\\nHết."))
    | TT | Nội dung | Chủ trì | Thời hạn |
    |---|---|---|---|
    | 1 | Rà soát quỹ đất, tái định cư | Sở Xây dựng | Quý I/2025 |
    <BLANKLINE>
    Hết.
    """
    return replace_tables(text, _read_table) if "\t" in text else text


def _read_table(lines: list[str], i: int) -> tuple[list[list[str]], int] | None:
    """The rows of a tab-typed table whose header is ``lines[i]`` and the index after it; None for another line."""
    if not _is_header(lines[i]):
        return None
    rows: list[list[str]] = [[c for c in _cells(lines[i]) if c]]
    i += 1
    while i < len(lines) and "\t" in lines[i]:
        cells = _cells(lines[i])
        if lines[i].startswith("\t") and len(rows) > 1:  # goes on with the row above, from its second cell
            row = rows[-1]
            for k, cell in enumerate(c for c in cells if c):
                col = min(1 + k, len(row) - 1)
                row[col] = f"{row[col]} {cell}".strip()
        else:
            rows.append([c for c in cells if c])
        i += 1
    return rows, i
