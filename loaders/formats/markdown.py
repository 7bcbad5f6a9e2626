"""Markdown (and plain text written like it): a header or signature laid out as a pipe table with ``<br>``
line breaks in its cells is flattened to lines, the left column first, as Word and PDF layout tables are;
data tables (tasks) stay pipe tables.

>>> print(flatten_layout_tables("| ĐẢNG BỘ TỈNH PHÚ THỌ<br>**ĐẢNG ỦY XÃ TAM DƯƠNG**<br>Số 08-KL/ĐU | "
...                             "**ĐẢNG CỘNG SẢN VIỆT NAM**<br>*Tam Dương, ngày 22 tháng 9 năm 2025* |\\n|---|---|\\n\\n# KẾT LUẬN\\n"))
ĐẢNG BỘ TỈNH PHÚ THỌ
**ĐẢNG ỦY XÃ TAM DƯƠNG**
Số 08-KL/ĐU
<BLANKLINE>
**ĐẢNG CỘNG SẢN VIỆT NAM**
*Tam Dương, ngày 22 tháng 9 năm 2025*
<BLANKLINE>
# KẾT LUẬN
<BLANKLINE>
"""

from __future__ import annotations

import re

from loaders.formats.common import flatten_layout, is_layout_table

_BR_RE = re.compile(r"\s*<br\s*/?>\s*", re.I)
_LINE_BREAK_RE = re.compile(r"([;,.:]?)\s*<br\s*/?>\s*", re.I)
_ROW_RE = re.compile(r"^\s*\|.*\|\s*$")
_SEPARATOR_RE = re.compile(r"^\s*\|?(?:\s*:?-{3,}:?\s*\|)+\s*:?-*:?\s*\|?\s*$")
_CELL_SPLIT_RE = re.compile(r"(?<!\\)\|")


def _cells(line: str) -> list[str]:
    inner = line.strip()[1:-1]
    return [_BR_RE.sub("\n", c).strip() for c in _CELL_SPLIT_RE.split(inner)]


def flatten_layout_tables(text: str) -> str:
    """The text with every layout pipe table (a header or signature block) made lines."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        if not _ROW_RE.match(lines[i]):
            out.append(lines[i])
            i += 1
            continue
        j = i
        while j < len(lines) and _ROW_RE.match(lines[j]):
            j += 1
        block = lines[i:j]
        rows = [_cells(line) for line in block if not _SEPARATOR_RE.match(line)]
        if any("<br" in line.lower() for line in block) and is_layout_table(rows):
            out.append("\n\n".join(flatten_layout(rows)))
        else:  # a line break inside a data table's cell: its lines stay apart ("Chủ trì: X<br>Phối hợp: Y")
            out.extend(_LINE_BREAK_RE.sub(lambda m: f"{m.group(1)} " if m.group(1) else "; ", line) for line in block)
        i = j
    return "\n".join(out)
