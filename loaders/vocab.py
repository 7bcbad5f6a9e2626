"""Vocabularies kept as data in ``data/``: bodies, provinces, districts, central documents, read through
the one reader of ``data/`` (:mod:`core.reference_data`).

Loaded once per process. Names are compared in their normal form (NFC, new-style tones,
case-folded).

>>> v = vocabulary()
>>> v.body_by_name("ban cán sự đảng UBND tỉnh").name
'Ban cán sự đảng Ủy ban nhân dân tỉnh'
>>> v.province_by_name("Thừa Thiên Huế").name
'Thừa Thiên Huế'
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from core.doctypes import doc_types
from core.reference_data import DATA_DIR, csv_rows, reference_rows
from loaders.read import normalise

__all__ = ["DATA_DIR", "BodyKind", "Province", "CentralDocument", "Vocabulary", "key", "vocabulary"]


@dataclass(frozen=True)
class BodyKind:
    key: str
    name: str
    name_en: str
    level: str  # central | provincial
    parent: str | None
    aliases: tuple[str, ...]

    @property
    def is_group(self) -> bool:
        """A collective addressee ("Các ban cán sự đảng, đảng đoàn"), not one body."""
        return self.key.startswith("cac-")


@dataclass(frozen=True)
class Province:
    name: str
    slug: str
    period: str  # before_2025 | from_2025
    merged_into: str | None
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class CentralDocument:
    symbol: str
    type: str
    date: str | None
    year: int | None
    issuer: str | None
    term: str | None
    title: str | None
    level: str


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """Comparison key of a name: normal form, lower case, single spaces.

    >>> key("Tỉnh Uỷ  ")
    'tỉnh ủy'
    """
    return re.sub(r"\s+", " ", normalise(text)).strip().lower()


def same_type(a: str, b: str) -> bool:
    """Two type words naming one kind of document ("Chương trình" and "Chương trình hành động").

    >>> same_type("Chương trình", "Chương trình hành động"), same_type("Kết luận", "Nghị quyết")
    (True, False)
    >>> same_type("NQ", "Nghị quyết"), same_type("QĐ", "Quyết định"), same_type("QĐ", "Quy định")
    (True, True, True)
    """
    if key(a) == key(b):
        return True
    kinds_a, kinds_b = _type_keys().get(key(a), set()), _type_keys().get(key(b), set())
    return bool(kinds_a & kinds_b)


@cache
def _type_keys() -> dict[str, set[str]]:
    """The kinds of document each type word names, and each code ("QĐ": a Quy định or a Quyết định)."""
    out: dict[str, set[str]] = {}
    for t in doc_types():
        for w in (t.name_vi, *t.aliases):
            out.setdefault(key(w), set()).add(t.key)
    for t in doc_types():
        if t.code:
            out.setdefault(key(t.code), set()).add(t.key)
    return out


class Vocabulary:
    """All word lists the loaders need, with look-ups by name."""

    def __init__(self, data_dir: Path = DATA_DIR) -> None:
        """Every word list of ``data/`` read once, with the indexes the look-ups use.

        Long: one assignment a list or index, in the order they depend on one another."""
        self.bodies = [
            BodyKind(
                r["key"],
                normalise(r["name_vi"]),
                r.get("name_en", ""),
                r["level"],
                r.get("parent") or None,
                tuple(normalise(a) for a in r["aliases"].split(";") if a.strip()),
            )
            for r in reference_rows("body_kinds.csv", data_dir)
        ]
        self.provinces = [
            Province(
                normalise(r["name_vi"]),
                r["slug"],
                r["period"],
                r.get("merged_into") or None,
                tuple(normalise(a) for a in r["aliases"].split(";") if a.strip()),
            )
            for r in reference_rows("provinces.csv", data_dir)
        ]
        self.central_documents = [
            CentralDocument(
                r["symbol"],
                r["type"],
                r.get("date") or None,
                int(r["year"]) if r.get("year") else None,
                r.get("issuer") or None,
                r.get("term") or None,
                r.get("title") or None,
                r.get("level") or "central",
            )
            for r in reference_rows("central_documents.csv", data_dir)
        ]
        self._body_keys = {b.key: b for b in self.bodies}
        self._body_names: dict[str, BodyKind] = {}
        for b in self.bodies:
            for name in (b.name, *b.aliases):
                self._body_names.setdefault(key(name), b)
        self._province_names: dict[str, Province] = {}
        for p in self.provinces:
            if p.period == "before_2025":
                for name in (p.name, *p.aliases):
                    self._province_names.setdefault(key(name), p)
        for p in self.provinces:  # new units only where no old unit has the name
            for name in (p.name, *p.aliases):
                self._province_names.setdefault(key(name), p)
        districts: dict[str, set[str]] = {}
        gazetteer = data_dir / "gazetteer" / "districts_2024.csv"
        if gazetteer.is_file():
            for r in csv_rows(gazetteer):
                districts.setdefault(key(r["short_name"]), set()).add(normalise(r["province"]))
        province_keys = set(self._province_names)
        # Only district names that point to one province and are not province names themselves.
        self.districts = {
            k: next(iter(v)) for k, v in districts.items() if len(v) == 1 and k not in province_keys and len(k) > 4
        }
        self._body_re = _alternation(self._body_names)
        self._province_heads = _heads(self._province_names)
        self._district_heads = _heads(self.districts)

    def body_by_name(self, name: str) -> BodyKind | None:
        return self._body_names.get(key(name))

    def province_by_name(self, name: str) -> Province | None:
        return self._province_names.get(key(name))

    def body_by_key(self, key: str | None) -> BodyKind | None:
        return self._body_keys.get(key) if key else None

    def find_bodies(self, text: str) -> list[tuple[int, int, BodyKind]]:
        """Every body name in ``text`` (longest match first), as (start, end, kind)."""
        # a body is named with a capital letter; "các huyện ủy" is a group, not the body "Huyện ủy"
        return [
            (m.start(), m.end(), self._body_names[key(m.group(0))])
            for m in self._body_re.finditer(text)
            if m.group(0)[0].isupper()
        ]

    def find_provinces(self, text: str) -> list[tuple[int, int, Province]]:
        """Every capitalised province name in ``text`` (matching text: NFC, new-style tones), as (start, end, province)."""
        return self._find_names(text, self._province_names, 5, self._province_heads)

    def find_districts(self, text: str) -> list[tuple[int, int, str]]:
        """Every capitalised district name (pointing to one province) in ``text``, as (start, end, province)."""
        return self._find_names(text, self.districts, 3, self._district_heads)

    @staticmethod
    def _find_names(text: str, names: dict, longest: int, heads: frozenset[str]) -> list[tuple[int, int, Any]]:
        """Names of ``names`` (keys in comparison form) among runs of capitalised words, longest first;
        ``heads`` are the names' first words (a run position whose word is none of them starts no name).
        ``text`` is matching text, so lower-casing is enough to compare. What a run holds depends on the run
        alone: kept by run (the same runs come back in every document)."""
        out = []
        kept = _RUNS.get(id(names))
        if kept is None or kept[0] is not names:
            kept = _RUNS[id(names)] = (names, {})
        runs = kept[1]
        for m in _CAPITALISED_RUN.finditer(text):
            run = m.group(0)
            found = runs.get(run)
            if found is None:
                if len(runs) >= _RUNS_MAX:
                    runs.clear()
                found = runs[run] = _names_in_run(run, names, longest, heads)
            if found:
                start = m.start()
                out += [(start + s, start + e, name) for s, e, name in found]
        return out

    def central_by_symbol(self, symbol: str) -> list[CentralDocument]:
        return [d for d in self.central_documents if d.symbol == symbol]


_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_WORD = re.compile(r"[^\s-]+")
_CAPITALISED_RUN = re.compile(rf"[{_UPPER}][^\W\d_]*(?:(?: | - |-)[{_UPPER}][^\W\d_]*)*")


_RUNS: dict[int, tuple[dict, dict[str, tuple]]] = {}  # per names: run → the names in it (offsets into the run)
_RUNS_MAX = 100_000


def _names_in_run(run: str, names: dict, longest: int, heads: frozenset[str]) -> tuple[tuple[int, int, Any], ...]:
    """(start, end, name) of the names in one run of capitalised words, longest first, offsets into the run."""
    out = []
    words = [(w.start(), w.end()) for w in _WORD.finditer(run)]
    i = 0
    while i < len(words):
        if run[words[i][0] : words[i][1]].lower() not in heads:
            i += 1
            continue
        for n in range(min(longest, len(words) - i), 0, -1):
            s, e = words[i][0], words[i + n - 1][1]
            found = names.get(" ".join(run[s:e].lower().split()))
            if found:
                out.append((s, e, found))
                i += n
                break
        else:
            i += 1
    return tuple(out)


def _heads(names: dict) -> frozenset[str]:
    """The first words (before a space or a hyphen) of the keys of ``names``."""
    return frozenset(m.group(0) for m in map(_WORD.match, names) if m)


def _alternation(names: dict) -> re.Pattern:
    """A regex matching any of the names, longest first, on word boundaries, case-insensitively."""
    alts = sorted(names, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<![\w])(?:{body})(?![\w])", re.I)


@cache
def vocabulary() -> Vocabulary:
    """The process-wide vocabulary from ``data/``."""
    return Vocabulary()
