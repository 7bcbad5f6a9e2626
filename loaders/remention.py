"""Stage 3 (part) — documents mentioned without a full symbol: re-mentions by number ("Chỉ thị 13"), by kind
pointing back ("Hướng dẫn nêu trên"), and by name with no number ("Nghị quyết Đại hội … lần thứ XIII")."""

from __future__ import annotations

import bisect
import dataclasses

from loaders import patterns as P
from loaders.model import Citation, Span
from loaders.read import Source
from loaders.vocab import key


def find_short_mentions(source: Source, start: int, end: int) -> list[tuple[Span, str, str]]:
    """Re-mentions by number only ("Chỉ thị 13", "Nghị quyết số 11"): (span, type word, number)."""
    return [
        ((m.start(), m.end()), m.group("type"), m.group("number"))
        for m in P.SHORT_MENTION_RE.finditer(source.match, start, end)
    ]


def with_aliases(
    source: Source, citations: list[Citation], key_of_span: dict[Span, tuple[str, int | None]]
) -> list[Citation]:
    """The citations with the short names the text gives them after a full mention ("… Quyết định số 06/QĐ-TTg …
    phê duyệt Đề án … (Đề án 06)"): the nearest full mention of that number before the name, in its paragraph."""
    number_of = {c.key: c.number.lstrip("0") for c in citations}
    names: dict[tuple[str, int | None], list[str]] = {}
    for m in P.ALIAS_RE.finditer(source.match):
        paragraph = source.match.rfind("\n\n", 0, m.start())
        before = [
            (span, k)
            for span, k in key_of_span.items()
            if paragraph < span[0] and span[1] <= m.start() and number_of.get(k) == m.group("number").lstrip("0")
        ]
        if before:
            names.setdefault(max(before)[1], []).append(m.group("name"))
    return [dataclasses.replace(c, aliases=tuple(names[c.key])) if c.key in names else c for c in citations]


def find_anaphoric_mentions(source: Source, start: int, end: int) -> list[tuple[Span, str]]:
    """Re-mentions by kind that point back ("Hướng dẫn nêu trên"): (span, type word)."""
    return [((m.start(), m.end()), m.group("type")) for m in P.ANAPHORIC_MENTION_RE.finditer(source.match, start, end)]


# --- named references ---------------------------------------------------------------------------
def find_named_references(source: Source, start: int, end: int, symbols: list[Span]) -> list[str]:
    """Documents cited by name only (no number)."""
    text, shown = source.match, source.text
    out: list[str] = []
    spans = sorted(symbols)
    starts = [a for a, _ in spans]
    for m in P.NAMED_REF_RE.finditer(text, start, end):
        s, e = m.span("name")
        # a citation by number overlapping or right after the name: not a reference by name
        i = bisect.bisect_left(starts, e + 3)
        if any(b > s for _, b in spans[max(0, i - 3) : i]):
            continue
        name = shown[s:e].strip()
        words = name.split()
        if len(words) < 3 or not any(w[0].isupper() or w[0].isdigit() for w in words[1:]):
            continue
        if key(name) not in {key(x) for x in out}:
            out.append(name)
    return out
