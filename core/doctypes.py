"""Document types: SKOS key (``id/doctype/{key}``), symbol code (NQ, KL …), Vietnamese and English names, from
``data/reference/doc_types.csv`` — the one place the project lists them.

>>> doc_type("Nghị quyết").key, doc_type("quy định").code, doc_type("Chương trình hành động").key
('resolution', 'QĐ', 'program')
>>> names_vi()["plan"]
'Kế hoạch'
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from core.errors import InputError
from core.reference_data import reference_rows

__all__ = ["DocType", "doc_types", "doc_type", "names_vi", "fold"]


@dataclass(frozen=True)
class DocType:
    """A document type: SKOS key, symbol code (NQ, KL …) and Vietnamese word."""

    key: str
    code: str
    name_vi: str
    name_en: str
    aliases: tuple[str, ...]


def fold(text: str) -> str:
    """Case- and tone-insensitive matching key (NFC/NFD-safe; keeps punctuation and spaces).

    >>> fold("Tỉnh Uỷ") == fold("tỉnh ủy") == "tinh uy"
    True
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"\s+", " ", text).strip()


def _split(value: str) -> tuple[str, ...]:
    return tuple(a.strip() for a in value.split(";") if a.strip())


@lru_cache(maxsize=1)
def doc_types() -> tuple[DocType, ...]:
    """Document types (``conclusion``, ``resolution`` …), in the order of the file."""
    return tuple(
        DocType(r["key"], r["code"], r["name_vi"], r["name_en"], _split(r["aliases"]))
        for r in reference_rows("doc_types.csv")
    )


def doc_type(word: str) -> DocType:
    """The document type named by a Vietnamese word (or alias), case- and tone-insensitive."""
    found = _by_name().get(fold(word))
    if found is None:
        raise InputError("data/reference/doc_types.csv", f"unknown document type {word!r}")
    return found


@lru_cache(maxsize=1)
def _by_name() -> dict[str, DocType]:
    """Each type by its folded name and aliases (the first type of the file naming it)."""
    out: dict[str, DocType] = {}
    for t in doc_types():
        for name in (t.name_vi, *t.aliases):
            out.setdefault(fold(name), t)
    return out


@lru_cache(maxsize=1)
def names_vi() -> dict[str, str]:
    """Vietnamese name of each type by key."""
    return {t.key: t.name_vi for t in doc_types()}
