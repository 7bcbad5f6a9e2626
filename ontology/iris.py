"""Readable, stable, deterministic IRIs for everything in the graph.

The same input gives the same IRI on every run and machine: IRIs are built only from
what the text says (symbols, dates, names) and, for documents without a number, from a
hash of their normalised text. Everything sits under a configurable base
(``VANKIEN_BASE``, default ``https://w3id.org/vankien/``).

>>> iris = Iris()
>>> iris.document(number="21", type_code="KL", issuer_code="TW", year=2021)
'https://w3id.org/vankien/id/doc/tw/kl/2021/21'
>>> iris.document(number="147", type_code="KH", issuer_code="TU", year=2021, province="Tuyên Quang")
'https://w3id.org/vankien/id/doc/tuyen-quang/tu/kh/2021/147'
>>> iris.document(number="111", type_code="NQ", issuer_code="QH15", year=2024)
'https://w3id.org/vankien/id/doc/qh15/nq/2024/111'
>>> iris.body("Ban Thường vụ Tỉnh ủy", province="Lai Châu")
'https://w3id.org/vankien/id/body/lai-chau/ban-thuong-vu-tinh-uy'
>>> iris.body("Bộ Chính trị")
'https://w3id.org/vankien/id/body/bo-chinh-tri'
>>> iris.meeting(body="Ban Chấp hành Đảng bộ tỉnh", province="Thái Nguyên", term="XX", number=31)
'https://w3id.org/vankien/id/meeting/thai-nguyen/ban-chap-hanh-dang-bo-tinh/xx/31'
>>> iris.task(iris.document(number="21", type_code="KL", issuer_code="TW", year=2021), 3)
'https://w3id.org/vankien/id/doc/tw/kl/2021/21/task/3'
"""

from __future__ import annotations

import os
import re
import unicodedata
from functools import lru_cache
from urllib.parse import quote

DEFAULT_BASE = "https://w3id.org/vankien/"

# Issuer codes of provincial and lower Party/state bodies: their documents are scoped by province.
LOCAL_ISSUERS = frozenset(
    {
        "TU",
        "TỈNHỦY",
        "THU",
        "HU",
        "QU",
        "TXU",
        "ĐU",
        "ĐUK",
        "DU",
        "DUK",
        "UBND",
        "HĐND",
        "HDND",
        "BCSĐ",
        "BCSD",
        "BTGTU",
        "BTCTU",
        "BDVTU",
        "UBKTTU",
        "VPTU",
        "BCĐ",
        "BCD",
        "MTTQ",
    }
)


@lru_cache(maxsize=1 << 16)
def slug(text: str) -> str:
    """ASCII slug of a Vietnamese string: no diacritics, lower case, dashes.

    >>> slug("Ban Chấp hành Đảng bộ tỉnh")
    'ban-chap-hanh-dang-bo-tinh'
    >>> slug("Thừa Thiên Huế")
    'thua-thien-hue'
    >>> slug("QĐ-TTg")
    'qd-ttg'
    """
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def is_local_issuer(issuer_code: str) -> bool:
    """True when documents of this issuer are numbered per province (TU, HU, UBND, …).

    >>> is_local_issuer("TU"), is_local_issuer("TW"), is_local_issuer("QĐ-UBND")
    (True, False, True)
    """
    code = unicodedata.normalize("NFC", issuer_code).upper().replace(" ", "")
    last = re.split(r"[-/]", code)[-1]
    return code in LOCAL_ISSUERS or last in LOCAL_ISSUERS


def checked_iri(text: str) -> str:
    """``text`` when it is a valid absolute IRI (safe to write as ``<text>`` in a query), else ValueError.

    >>> checked_iri("https://w3id.org/vankien/id/doc/tw/kl/2021/21")
    'https://w3id.org/vankien/id/doc/tw/kl/2021/21'
    >>> checked_iri("http://x.invalid/> ?p ?o . SERVICE <http://y/")
    Traceback (most recent call last):
    ValueError: not a valid IRI: 'http://x.invalid/> ?p ?o . SERVICE <http://y/'
    """
    from pyoxigraph import NamedNode

    if re.search(r"[\s<>\"{}|^`\\]", text):
        raise ValueError(f"not a valid IRI: {text!r}")
    try:
        return NamedNode(text).value
    except ValueError as e:
        raise ValueError(f"not a valid IRI: {text!r}") from e


class Iris:
    """Mints the IRIs of one graph under ``base``."""

    def __init__(self, base: str | None = None) -> None:
        base = base or os.environ.get("VANKIEN_BASE") or DEFAULT_BASE
        self.base = base if base.endswith("/") else base + "/"
        self.id = self.base + "id/"

    # -- documents -------------------------------------------------------------------------
    def document(
        self,
        *,
        number: str,
        type_code: str,
        issuer_code: str,
        year: int | None,
        province: str | None = None,
        fingerprint: str | None = None,
    ) -> str:
        """A numbered document: central by issuer, type, year and number; local ones also by province.

        A symbol without a year names no one document (numbers restart each term): without a year, a source
        document gets ``fingerprint`` (its content hash) beside ``undated``, so that two such documents are never
        merged; a citation without a year (no fingerprint given) stays ``undated``.

        >>> Iris().document(number="10", type_code="CT", issuer_code="TU", year=None, province="Bạc Liêu",
        ...                 fingerprint="0123456789abcdef")
        'https://w3id.org/vankien/id/doc/bac-lieu/tu/ct/undated-0123456789ab/10'
        """
        when = str(year) if year else f"undated-{fingerprint[:12]}" if fingerprint else "undated"
        path = f"{slug(issuer_code)}/{slug(type_code)}/{when}/{slug(number)}"
        if is_local_issuer(issuer_code):
            path = f"{slug(province) if province else 'unknown-province'}/{path}"
        return f"{self.id}doc/{path}"

    def unnumbered_document(self, *, kind: str, province: str | None, date: str | None, fingerprint: str) -> str:
        """A document without a number (most conclusions of meetings, press reports)."""
        where = slug(province) if province else "unknown-province"
        return f"{self.id}doc/{where}/{slug(kind)}/{date or 'undated'}/{fingerprint[:12]}"

    def part(self, document: str, kind: str, key: str | int) -> str:
        """A part of a document: ``task``, ``section``, ``evidence``, ``membership``."""
        return f"{document}/{kind}/{key}"

    def task(self, document: str, position: int) -> str:
        return self.part(document, "task", position)

    def section(self, document: str, number: str) -> str:
        return self.part(document, "section", slug(number) or "0")

    def evidence(self, document: str, n: int) -> str:
        return self.part(document, "evidence", n)

    # -- agents and things -----------------------------------------------------------------
    def body(self, name: str, *, province: str | None = None) -> str:
        """A body; provincial bodies are scoped by their province."""
        return f"{self.id}body/{slug(province) + '/' if province else ''}{slug(name)}"

    def person(self, name: str, *, province: str | None = None) -> str:
        return f"{self.id}person/{slug(province) if province else 'central'}/{slug(name)}"

    def role(self, label: str) -> str:
        return f"{self.id}role/{slug(label)}"

    def meeting(
        self,
        *,
        body: str,
        province: str | None,
        term: str | None = None,
        number: int | None = None,
        date: str | None = None,
    ) -> str:
        """A meeting by body, term and number, or by body and date when unnumbered."""
        where = slug(province) if province else "unknown-province"
        key = f"{slug(term) if term else 'term-unknown'}/{number}" if number else (date or "undated")
        return f"{self.id}meeting/{where}/{slug(body)}/{key}"

    def project(self, name: str, *, province: str | None = None) -> str:
        return f"{self.id}project/{slug(province) if province else 'national'}/{slug(name)}"

    def province(self, name: str, *, after_2025: bool = False) -> str:
        return f"{self.id}province/{'2025/' if after_2025 else ''}{slug(name)}"

    def concept(self, scheme: str, key: str) -> str:
        """A SKOS concept: ``doctype``, ``bodykind``, ``level``."""
        return f"{self.id}{scheme}/{slug(key)}"

    # -- graphs ----------------------------------------------------------------------------
    def graph(self, source_name: str, folder: str | None = None) -> str:
        """The named graph of one source file, keyed by the name of its folder and its own name (as
        written, percent-encoded: "kế hoạch.txt" and "ke-hoach.txt" are two files).

        >>> Iris().graph("000_27a8.txt", "seeds")
        'https://w3id.org/vankien/graph/doc/seeds/000_27a8.txt'
        """
        parts = [folder, source_name] if folder else [source_name]
        return f"{self.base}graph/doc/" + "/".join(quote(unicodedata.normalize("NFC", p), safe="") for p in parts)

    @property
    def reference_graph(self) -> str:
        return f"{self.base}graph/reference"

    @property
    def shared_graph(self) -> str:
        """The graph of what several documents may state alike (cited documents, bodies, people, projects,
        meetings): each quad once, whichever document wrote it first."""
        return f"{self.base}graph/shared"

    @property
    def ontology_graph(self) -> str:
        return f"{self.base}graph/ontology"
