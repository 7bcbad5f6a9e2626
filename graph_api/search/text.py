"""Folding and query text of the search index: every text is folded before it is indexed and before it is
searched (NFD, combining marks dropped, ``đ`` → ``d``, lower case), one character for each character of the NFC
text, so that a snippet found in the folded text is shown in the original, diacritics and all.

>>> fold("Ban cán sự đảng Đà Nẵng")
'ban can su dang da nang'
"""

from __future__ import annotations

import re
import unicodedata

from core.errors import InputError

__all__ = ["fold", "match_expression", "restore", "OPEN", "CLOSE", "CUT", "MAX_QUERY"]

OPEN, CLOSE, CUT = "\x02", "\x03", "\x01"  # snippet markers: never in the indexed text
MAX_QUERY = 500  # characters of a search query


def _fold_char(c: str) -> str:
    if c in "đĐ":
        return "d"
    base = "".join(x for x in unicodedata.normalize("NFD", c) if not unicodedata.combining(x)).lower()
    if len(base) == 1:
        return base
    low = c.lower()
    return low if len(low) == 1 else c


class _FoldTable(dict[int, str]):
    """``str.translate`` table computed a character at a time, then kept (the text's alphabet is small)."""

    def __missing__(self, code: int) -> str:
        self[code] = _fold_char(chr(code))
        return self[code]


_TABLE = _FoldTable({ord(OPEN): " ", ord(CLOSE): " ", ord(CUT): " "})


def fold(text: str) -> str:
    """Lower case without diacritics, ``đ`` → ``d``, one character for each character of the NFC text."""
    return unicodedata.normalize("NFC", text).translate(_TABLE)


def match_expression(q: str) -> str:
    """The FTS5 query of a user's words: the phrase, or every word anywhere; quoted parts stay phrases.

    >>> match_expression('Ban Cán sự  "đảng ủy"')
    '"ban can su dang uy" OR ("ban" AND "can" AND "su" AND "dang uy")'
    >>> match_expression("đảng")
    '"dang"'
    """
    if len(q) > MAX_QUERY:
        raise InputError(f"search query of {len(q)} characters", f"longer than {MAX_QUERY} characters")
    parts = [" ".join(re.findall(r"\w+", fold(p))) for p in re.split(r'"([^"]*)"', q)]
    terms: list[str] = []
    for i, part in enumerate(parts):
        if i % 2:  # inside quotes
            terms += [part] if part else []
        else:
            terms += part.split()
    if not terms:
        raise InputError(f"search query {q!r}", "has no word to search for")
    if len(terms) == 1:
        return f'"{terms[0]}"'
    return f'"{" ".join(terms)}" OR (' + " AND ".join(f'"{t}"' for t in terms) + ")"


def restore(snip: str, folded: str, original: str) -> tuple[str, list[tuple[int, int]]]:
    """The snippet of the folded text shown in the original text, with the offsets of its marked words."""
    head, tail = snip.startswith(CUT), snip.endswith(CUT)
    core = snip.strip(CUT)
    plain = core.replace(OPEN, "").replace(CLOSE, "")
    start = folded.find(plain)
    source = original[start : start + len(plain)] if start >= 0 and len(folded) == len(original) else plain
    spans, pos, opened = [], 0, 0
    for ch in core:
        if ch == OPEN:
            opened = pos
        elif ch == CLOSE:
            spans.append((opened, pos))
        else:
            pos += 1
    shift = 1 if head else 0
    text = ("…" if head else "") + source + ("…" if tail else "")
    return text, [(a + shift, b + shift) for a, b in spans]
