""" "Did you mean": the names in the store closest to a misspelt one — document symbols, provinces — compared
without diacritics, case, ``đ``/``d`` or spaces.

>>> closest("21-KL/TV", ["21-KL/TW", "12-KL/TW", "35-CT/TW"])
['21-KL/TW']
>>> did_you_mean(["21-KL/TW"]), did_you_mean([])
("; did you mean '21-KL/TW'?", '')
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from typing import Any

from graph_api.search.text import fold
from ontology import ELI

__all__ = ["closest", "did_you_mean", "close_symbols"]


def _key(name: str) -> str:
    return "".join(fold(name).split())


def closest(wanted: str, names: Iterable[str], n: int = 3, cutoff: float = 0.8) -> list[str]:
    """The names closest to ``wanted``, best first."""
    by_key: dict[str, str] = {}
    for name in names:
        by_key.setdefault(_key(name), name)
    return [by_key[k] for k in difflib.get_close_matches(_key(wanted), list(by_key), n=n, cutoff=cutoff)]


def did_you_mean(names: list[str]) -> str:
    """``"; did you mean 'a', 'b'?"`` (nothing when there is no name)."""
    return f"; did you mean {', '.join(repr(x) for x in names)}?" if names else ""


def close_symbols(store: Any, ref: str, n: int = 3) -> list[str]:
    """The symbols of documents in the store closest to ``ref``."""
    rows = store.select(f"SELECT DISTINCT ?s WHERE {{ ?d <{ELI.id_local}> ?s }}")
    return [x for x in closest(ref, (r["s"].value for r in rows if "s" in r), n=n) if x != ref]
