"""HTTP content negotiation: one function, q-values honoured, never an exception.

>>> negotiate("text/turtle;q=0.5, application/ld+json", ["text/turtle", "application/ld+json"])
'application/ld+json'
>>> negotiate("*/*", ["text/turtle", "application/ld+json"])
'text/turtle'
>>> negotiate("text/*;q=0.3, text/html;q=0, application/*;q=0.2", ["text/html", "application/n-triples", "text/turtle"])
'text/turtle'
>>> negotiate("image/png", ["text/turtle"]) is None
True
>>> negotiate(";;;garbage", ["text/turtle"])
'text/turtle'
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

__all__ = ["negotiate", "parse_accept"]


def parse_accept(header: str) -> list[tuple[str, str, float]]:
    """The valid media ranges of an ``Accept`` header as ``(type, subtype, q)``; malformed parts are dropped.

    >>> parse_accept("text/html, application/json;q=0.9, */*;q=0.1, bad, a/b;q=x")
    [('text', 'html', 1.0), ('application', 'json', 0.9), ('*', '*', 0.1)]
    """
    ranges = []
    for part in header.split(","):
        media, *params = part.split(";")
        kind, sep, sub = media.strip().lower().partition("/")
        if not sep or not kind or not sub or "/" in sub or (kind == "*" and sub != "*"):
            continue
        q = 1.0
        try:
            for param in params:
                name, _, value = param.strip().partition("=")
                if name.strip().lower() == "q":
                    q = float(value.strip())
        except ValueError:
            continue
        if not 0.0 <= q <= 1.0 or q != q:
            continue
        ranges.append((kind, sub, q))
    return ranges


@lru_cache(maxsize=1024)
def _negotiate(accept: str, offered: tuple[str, ...]) -> str | None:
    ranges = parse_accept(accept)
    if not ranges:  # absent or wholly malformed: the server's preference
        return offered[0] if offered else None
    best, best_q = None, 0.0
    for media in offered:
        kind, _, sub = media.lower().partition("/")
        q, specificity = None, -1
        for r_kind, r_sub, r_q in ranges:
            if r_kind == kind and r_sub == sub:
                spec = 2
            elif r_kind == kind and r_sub == "*":
                spec = 1
            elif r_kind == "*":
                spec = 0
            else:
                continue
            if spec > specificity:
                q, specificity = r_q, spec
        if q is not None and q > best_q:  # strict: ties keep the server's order
            best, best_q = media, q
    return best


def negotiate(accept: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers, ``offered[0]`` when ``accept`` is empty or unreadable,
    ``None`` when the client accepts none of them (answer 406).

    The most specific matching range gives a type its q; ties go to the order of ``offered``.
    """
    return _negotiate((accept or "").strip()[:2000], tuple(offered))
