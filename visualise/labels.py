"""Short Vietnamese labels of the aggregated views: a symbol and a few words of a title, at most ``LABEL_MAX``
characters (the full title or sentence goes to the tooltip and the side panel)."""

from __future__ import annotations

import functools
import re

from core.doctypes import doc_types

__all__ = ["LABEL_MAX", "short_label", "kind_vi", "doc_label"]

LABEL_MAX = 60


def short_label(*parts: str | None, n: int = LABEL_MAX) -> str:
    """The parts joined by `` · ``, cut at a word to at most ``n`` characters.

    >>> short_label("21-KL/TW", "Kết luận của Bộ Chính trị về tiếp tục đẩy mạnh công tác xây dựng, chỉnh đốn Đảng")
    '21-KL/TW · Kết luận của Bộ Chính trị về tiếp tục đẩy mạnh…'
    """
    text = re.sub(r"\s+", " ", " · ".join(p for p in parts if p)).strip()
    if len(text) <= n:
        return text
    return text[: n - 1].rsplit(" ", 1)[0].rstrip(" ·,;:") + "…"


@functools.cache
def _kinds_vi() -> dict[str, str]:
    return {t.name_en.lower(): t.name_vi for t in doc_types()} | {t.key: t.name_vi for t in doc_types()}


def kind_vi(kind: str | None) -> str:
    """Vietnamese name of a document kind as ``document_info`` gives it (the English label, lower case)."""
    return _kinds_vi().get((kind or "").lower(), "Văn bản")


def _title(title: str | None) -> str | None:
    """A title as a label shows it: one written in capitals in sentence case.

    >>> _title("KẾ HOẠCH THỰC HIỆN KẾT LUẬN SỐ 21"), _title("về phát triển")
    ('Kế hoạch thực hiện kết luận số 21', 'về phát triển')
    """
    if title and title.isupper():
        return title[0] + title[1:].lower()
    return title


def doc_label(symbol: str | None, kind: str | None, date: str | None, title: str | None) -> str:
    """``147-KH/TU · Kế hoạch thực hiện…``; without a symbol, the kind and the date."""
    what = symbol or " ".join(x for x in (kind_vi(kind), _date_vi(date)) if x)
    if symbol and title and title.startswith("về "):
        title = kind_vi(kind) + " " + title
    return short_label(what, _title(title))


def _date_vi(date: str | None) -> str | None:
    return "/".join(reversed(date.split("-"))) if date else None
