"""Which part of a document a block stands in: the forward-looking part (tasks) or the part reporting the past, read
from its headings and the opening words of numbered paragraphs."""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.structure import Block

__all__ = ["heading_class", "item_class", "reports_the_past"]


def heading_class(text: str, *, heading: bool = True) -> str | None:
    """forward | past | None for a heading, or for the opening words of a numbered paragraph."""
    if not heading:  # a numbered paragraph: only its opening says which period it is about
        head = text[:70]
        if P.PAST_PERIOD_RE.match(head):
            return "past"
        return "forward" if P.FORWARD_PERIOD_RE.match(head) else None
    head = text[:140]
    f = P.FORWARD_HEADING_RE.search(head)
    p = P.PAST_HEADING_RE.search(head)
    if f and (not p or f.start() < p.start()):
        return "forward"
    return "past" if p else None


def item_class(text: str) -> str | None:
    """The class of a numbered item: a short title reads as a heading, a numbered paragraph by its opening."""
    article = re.match(r"\s*Điều\s+\d+\s*[.:]\s*", text)
    if article:  # an article of a regulation: what bodies must do, unless it states scope or entry into force
        rest = text[article.end() :]
        standing = P.SCOPE_ARTICLE_RE.search(rest[:80]) or P.ISSUING_ARTICLE_RE.search(rest[:400])
        return "past" if standing else "forward"
    content = P.ITEM_RE.sub("", text, count=1).strip(" *")
    heading = len(content) < 120 and not content.rstrip().endswith((".", ";"))
    return heading_class(content, heading=heading)


def reports_the_past(b: Block) -> bool:
    """The block stands in a part that reports the past ("1. Về kết quả 6 tháng đầu năm", "KẾT QUẢ ĐẠT ĐƯỢC")."""
    for c in reversed(b.context):
        cls = item_class(c)
        if cls:
            return cls == "past"
    return False
