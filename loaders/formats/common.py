"""Shared shapes of the reading contract: Markdown pipe tables, layout tables flattened to
lines, footnote markers, and the clean-up of text laid out on pages (PDF, OCR).

>>> print(pipe_table([["STT", "Nhiệm vụ"], ["1", "Tổ chức\\nquán triệt | học tập"]]))
| STT | Nhiệm vụ |
|---|---|
| 1 | Tổ chức quán triệt \\| học tập |
>>> superscript(12)
'¹²'
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Words of the column headers of a task table (patterns.TABLE_HEADER_RE reads the same words).
TASK_COLUMN_RE = re.compile(
    r"nội dung|nhiệm vụ|cơ quan|đơn vị|chủ trì|phối hợp|thời gian|thời hạn|tiến độ|"
    r"\b(?:stt|tt)\b",
    re.I,
)
# Words that make a small borderless table a header or a signature block.
LAYOUT_WORDS_RE = re.compile(
    r"ĐẢNG CỘNG SẢN|CỘNG HÒA|CỘNG HOÀ|Độc lập|Nơi nhận|T/M|TM\.|K/T|KT\.|BÍ THƯ|CHỦ TỊCH|"
    r"ĐẢNG BỘ|TỈNH ỦY|TỈNH UỶ|ỦY BAN|UỶ BAN|\bSố\b|ngày \d+ tháng|\*\s*$",
    re.M,
)
_SUPERSCRIPTS = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


def superscript(n: int) -> str:
    """A footnote number as printed in the body and before the note: ¹, ², ¹⁰."""
    return str(n).translate(_SUPERSCRIPTS)


def cell_text(text: str) -> str:
    """One line for a table cell: newlines joined by spaces, ``|`` escaped."""
    return re.sub(r"\s+", " ", text).strip().replace("|", "\\|")


def pipe_table(rows: list[list[str]]) -> str:
    """A Markdown pipe table; the first row is the header. Rows are padded to one width."""
    width = max(len(r) for r in rows)
    lines = []
    for i, row in enumerate(rows):
        cells = [cell_text(c) for c in row] + [""] * (width - len(row))
        lines.append("| " + " | ".join(cells) + " |")
        if i == 0:
            lines.append("|" + "---|" * width)
    return "\n".join(lines)


def is_layout_table(rows: list[list[str]]) -> bool:
    """A borderless two-column header or signature block, told by its shape and words: at
    most two columns and three rows, no header naming task columns, header/signature words."""
    if not rows:
        return True
    width = max(len(r) for r in rows)
    if width > 2 or len(rows) > 3:
        return False
    first = " ".join(rows[0])
    if len(rows) > 1 and TASK_COLUMN_RE.search(first) and len(first) < 120:
        return False
    text = "\n".join(c for r in rows for c in r)
    return width == 1 or bool(LAYOUT_WORDS_RE.search(text))


def flatten_layout(rows: list[list[str]]) -> list[str]:
    """Lines of a layout table: each column top to bottom, the left column first."""
    width = max((len(r) for r in rows), default=0)
    blocks = []
    for col in range(width):
        lines = [line.strip() for r in rows if col < len(r) for line in r[col].split("\n") if line.strip()]
        if lines:
            blocks.append("\n".join(lines))
    return blocks


def group_heading(row: list[str]) -> str | None:
    """A row spanning the table (merged cells repeat their text: ``I | Nâng cao … | Nâng cao …``):
    its text as a heading ("I. Nâng cao nhận thức"), else None."""
    cells = [c.strip() for c in row]
    if len(cells) < 3:
        return None
    if len(set(cells)) == 1 and cells[0]:
        return cells[0]
    number, rest = cells[0], cells[1:]
    if (
        len(set(rest)) == 1
        and rest[0]
        and (not number or re.fullmatch(r"[IVXLC]+|[A-Za-z]|\d+(?:\.\d+)*", number.rstrip(".)")))
    ):
        return f"{number.rstrip('.')}. {rest[0]}" if number else rest[0]
    return None


def render_table(rows: list[list[str]]) -> list[str]:
    """Blocks of one table: a layout table as lines, a data table as pipe tables; a row
    spanning the whole table becomes its own paragraph and the header is repeated after it."""
    rows = [r for r in rows if any(c.strip() for c in r)]
    if not rows:
        return []
    if is_layout_table(rows):
        return flatten_layout(rows)
    header, blocks, current = rows[0], [], []  # type: list[str], list[str], list[list[str]]
    for row in rows[1:]:
        heading = group_heading(row)
        if heading is not None:
            if current:
                blocks.append(pipe_table([header] + current))
                current = []
            blocks.append(heading)
        else:
            current.append(row)
    if current or not blocks:
        blocks.append(pipe_table([header] + current))
    return blocks


# --- page chrome -------------------------------------------------------------------------------------
# The heading of a page's lists around an article: related news, most read, comments, new documents.
RELATED_HEADING_RE = re.compile(
    r"\s*(?:Tin liên quan|Bài viết liên quan|Liên quan|Bài liên quan|Tin cùng chuyên mục|Bài cùng chuyên mục|"
    r"Cùng chuyên mục|Bài viết khác|Các tin khác|Tin khác|Tin đã đưa|Xem thêm|Đọc thêm|"
    r"Bình luận|Ý kiến bạn đọc|Chia sẻ|Đọc nhiều|Xem nhiều|Tin đọc nhiều|Bài đọc nhiều|Tin mới|Tin mới nhất|"
    r"Tin nổi bật|Tin xem nhiều|Văn bản mới|Văn bản mới ban hành)\s*:?\s*(?:\(\d+\))?\s*$",
    re.I,
)
# Lines of a page's chrome copied with its article: sharing, copyright and licence lines.
CHROME_LINE_RE = re.compile(r"\s*(?:Chia sẻ\s*:.*|©.*|.*Giấy phép (?:số\s*)?\d+/GP-.*)$", re.I)


TableReader = Callable[[list[str], int], "tuple[list[list[str]], int] | None"]


def replace_tables(text: str, read_table: TableReader) -> str:
    """``text`` with each table that ``read_table`` finds — given the lines and a line's index, the table's rows
    (header first) and the index of the line after it, or None — rendered as pipe tables (``render_table``)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        found = read_table(lines, i)
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        rows, i = found
        out.extend(render_table(rows))
        out.append("")
    return "\n".join(out)


def drop_page_chrome(text: str) -> str:
    """A portal page copied as text without its chrome: the lists under "Tin liên quan:" and the like, and the
    sharing, copyright and licence lines.

    >>> drop_page_chrome("Bài viết.\\n\\nTin liên quan:\\n- Sơ kết Nghị quyết 06-NQ/TW\\n\\n© Báo X. Giấy phép số 8/GP-BTTTT.")
    'Bài viết.\\n'
    """
    out: list[str] = []
    in_list = False
    for line in text.split("\n"):
        if RELATED_HEADING_RE.fullmatch(line):
            in_list = True
            continue
        if in_list and (re.match(r"\s*[-+•*]\s", line) or not line.strip()):
            continue
        in_list = False
        if CHROME_LINE_RE.fullmatch(line):
            continue
        out.append(line)
    return "\n".join(out)
