"""Stage 1 — read: bytes on disk → a ``Source`` with display text and matching text.

Every cleaning step for matching is length-preserving, so an offset into ``Source.match``
is an offset into ``Source.text`` (the NFC display text):

>>> src = from_text("Tỉnh uỷ **Tuyên Quang**\\r\\n", name="x.md")
>>> src.text
'Tỉnh uỷ **Tuyên Quang**\\n'
>>> src.match
'Tỉnh ủy   Tuyên Quang  \\n'
"""

from __future__ import annotations

import csv
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from core.errors import InputError

DOCUMENT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"})
MAX_BYTES = 20 * 1024 * 1024  # a Party document is a few hundred KB at most

# Old-style → new-style tone placement (same length: two characters each, NFC).
TONE_PAIRS = {
    "uỷ": "ủy",
    "uý": "úy",
    "uỳ": "ùy",
    "uỹ": "ũy",
    "uỵ": "ụy",
    "oá": "óa",
    "oà": "òa",
    "oả": "ỏa",
    "oã": "õa",
    "oạ": "ọa",
    "oé": "óe",
    "oè": "òe",
    "oẻ": "ỏe",
    "oẽ": "õe",
    "oẹ": "ọe",
}
# Only at the end of a syllable: "hoà" → "hòa", but "Hoàng" stays as it is.
# (After "q", "u" belongs to the consonant: "Quý", "quỹ" are already right.)
# The pair first and "not after q" checked behind it (``(?<![qQ]..)``: the character before the pair): a pattern
# opening with its letters is searched for them, not tried at every position.
_TONE_RE = re.compile(
    "(?:"
    + "|".join(list(TONE_PAIRS) + [k.upper() for k in TONE_PAIRS] + [k.capitalize() for k in TONE_PAIRS])
    + r")(?<![qQ]..)(?![^\W\d_])"
)
_MARKDOWN_RE = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|^#{1,6}(?= )|`", re.M)
_MARKDOWN_LINK_RE = re.compile(r"(?<!!)\[(?P<words>[^\[\]\n]{1,300})\]\((?:https?://|/|\.{0,2}/?[\w-]+\.)[^()\s]*\)")
_MARKDOWN_CHARS = "*_#`"  # one of them is in every match of _MARKDOWN_RE
_METADATA_LINE = re.compile(r"^\s*(?P<key>date|province|kind|source|url)\s+(?P<value>\S+)\s*", re.I)


@dataclass(frozen=True)
class Source:
    """One document as read: ``text`` for display, ``match`` for patterns (same length)."""

    name: str
    text: str
    match: str
    sha256: str
    metadata: dict = field(default_factory=dict)
    path: str | None = None
    method: str = "text"  # how the text was read: text, markdown, html, docx, pdf, ocr
    content_key: str = ""  # sha256 of the text's words: the same document in any format


def unify_tones(text: str) -> str:
    """Old-style tone placement to new style (length-preserving).

    >>> unify_tones("Tỉnh Uỷ khoá XVII, Hoà Bình, Hoàng, Quý I, quỹ")
    'Tỉnh Ủy khóa XVII, Hòa Bình, Hoàng, Quý I, quỹ'
    """

    def repl(m: re.Match) -> str:
        s = m.group(0)
        new = TONE_PAIRS[s.lower()]
        return new.upper() if s.isupper() else (new.capitalize() if s[0].isupper() else new)

    return _TONE_RE.sub(repl, text)


def normalise(text: str) -> str:
    """NFC, unified tone placement — the normal form used for comparing names.

    >>> normalise(unicodedata.normalize("NFD", "Uỷ ban")) == "Ủy ban"
    True
    """
    # NFC again: moving a tone can leave a combining mark that now composes ("oà" + "◌́")
    return unicodedata.normalize("NFC", unify_tones(unicodedata.normalize("NFC", text)))


# Letters a scan or an old font puts for Vietnamese ones, never Vietnamese themselves: the Icelandic eth for "Đ", and
# "ư" before a plain "o" ("phưòng" for "phường": Vietnamese writes "ươ", never "ưo").
_OCR_LETTERS = {"Ð": "Đ", "ð": "đ"}
_HORN_O = dict(zip("oòóỏõọOÒÓỎÕỌ", "ơờớởỡợƠỜỚỞỠỢ"))
_OCR_RE = re.compile("[Ðð]|(?<=[ưƯ])[oòóỏõọOÒÓỎÕỌ]")


def repair_letters(text: str) -> str:
    """Letters that cannot be Vietnamese put right (length-preserving).

    >>> repair_letters("Ðảng ủy phưòng, Phạm Thị Thu Hưòng")
    'Đảng ủy phường, Phạm Thị Thu Hường'
    """
    return _OCR_RE.sub(lambda m: _OCR_LETTERS.get(m.group(0)) or _HORN_O[m.group(0)], text)


_TYPOGRAPHY = {"–": "-", "—": "-", "‐": "-", "“": '"', "”": '"', "‘": "'", "’": "'", "\u00a0": " ", "\t": " "}
_TYPOGRAPHY_RE = re.compile("[" + "".join(_TYPOGRAPHY) + "]")


def matching_text(text: str) -> str:
    """Length-preserving clean-up of display text for pattern matching: unified tones,
    Markdown emphasis and heading marks blanked, typographic dashes and quotes unified."""
    return _matching_toned(unify_tones(text))


def _matching_toned(out: str) -> str:
    """``matching_text`` of a text whose tones are unified already."""
    if any(c in out for c in _MARKDOWN_CHARS):  # no "*", "_", "#" nor "`": nothing for the Markdown pattern
        out = _MARKDOWN_RE.sub(lambda m: " " * len(m.group(0)), out)
    return _TYPOGRAPHY_RE.sub(lambda m: _TYPOGRAPHY[m.group(0)], out)


def decode(data: bytes, name: str) -> str:
    """Decode bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 / detected."""
    if not data.strip():
        raise InputError(name, "empty file")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        raise InputError(name, "binary file (NUL bytes), not a text document")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    for enc in ("cp1258",):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        if _looks_vietnamese(unicodedata.normalize("NFC", text)):
            return text
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is not None and _looks_vietnamese(unicodedata.normalize("NFC", str(best))):
        return str(best)
    raise InputError(name, "unknown text encoding (not UTF-8, UTF-16 or Windows-1258 Vietnamese)")


_VIETNAMESE_LETTERS = set(
    "abcdefghijklmnopqrstuvwxyzđàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
)
_COMMON_WORDS = re.compile(r"(?<!\w)(?:và|của|các|được|trong|cho|những|với|theo|thực hiện|tỉnh|năm)(?!\w)")


def _looks_vietnamese(text: str) -> bool:
    """Letters are those of Vietnamese and common Vietnamese words occur (tells cp1258 from other 8-bit codes)."""
    letters = [c for c in text[:20000].lower() if c.isalpha()]
    if not letters:
        return False
    share = sum(1 for c in letters if c in _VIETNAMESE_LETTERS) / len(letters)
    if len(letters) < 40:
        return share > 0.9
    return share > 0.97 and len(_COMMON_WORDS.findall(text[:20000].lower())) >= 2


def html_to_text(markup: str) -> str:
    """Article text of an HTML page (see ``loaders.formats.html``)."""
    from loaders.formats.html import html_to_text as read_html

    return read_html(markup)


def docx_to_text(data: bytes, name: str) -> str:
    """The text of a .docx file (see ``loaders.formats.docx``)."""
    from loaders.formats.docx import docx_to_text as read_docx

    return read_docx(data, name, MAX_BYTES)


def pdf_to_text(data: bytes, name: str) -> str:
    """The text of a PDF: its text layer, or OCR of its page images (see ``loaders.formats.pdf``)."""
    from loaders.formats.pdf import pdf_to_text as read_pdf

    return read_pdf(data, name)


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_SUPERSCRIPT_RE = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹]")
# A pipe table's header row (the line before its |---| rule): column names, not the document's words.
_TABLE_HEADER_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*\n(?=[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+)", re.M)
_WORD = re.compile(r"[^\W_]+")


def content_key(text: str) -> str:
    """A sha256 of the words of a text, the same whatever the format it was read from: NFC, new
    tone placement, lower case; punctuation, Markdown, table rules and header rows, list and page
    numbers (numbers of one or two digits) and all white space and layout left out; the words
    taken as a sorted bag, so that a header read column by column gives the same key.

    >>> content_key("Tỉnh uỷ **ban hành**\\n\\n| 1 | Kế hoạch |") == content_key("- 2 -\\nTỈNH ỦY ban\\nhành Kế  hoạch")
    True
    """
    return _content_key_normal(normalise(text))


def _content_key_normal(text: str) -> str:
    """``content_key`` of a text in normal form (``normalise``) already."""
    if _SUPERSCRIPT_RE.search(text):
        text = text.translate(_SUPERSCRIPT_DIGITS)
    text = _TABLE_HEADER_ROW.sub("", text)
    words = sorted(w for w in _WORD.findall(text.lower()) if not (w.isdigit() and len(w) <= 2))
    return hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()


def read_metadata(path: Path) -> dict:
    """Sidecar ``NAME.meta.yaml`` or a row of ``manifest.csv`` in the same folder."""
    meta: dict = {}
    manifest = path.parent / "manifest.csv"
    if manifest.is_file():
        with manifest.open(encoding="utf-8-sig", newline="") as f:
            for row in csv.DictReader(f):
                if (row.get("file") or "").strip() == path.name:
                    meta.update({k.strip(): v.strip() for k, v in row.items() if k and v and k != "file"})
    for sidecar in (path.with_name(path.stem + ".meta.yaml"), path.with_name(path.name + ".meta.yaml")):
        if sidecar.is_file():
            try:
                loaded = yaml.safe_load(sidecar.read_text(encoding="utf-8")) or {}
            except yaml.YAMLError as e:
                raise InputError(str(sidecar), f"invalid YAML: {e}") from e
            if not isinstance(loaded, dict):
                raise InputError(str(sidecar), "sidecar metadata must be a mapping")
            meta.update({str(k): str(v) for k, v in loaded.items() if v is not None})
    return meta


def _leading_metadata(text: str) -> tuple[str, dict]:
    """A first line such as `` date 2024-04 `` is metadata: blank it (length-preserving)."""
    meta: dict = {}
    m = _METADATA_LINE.match(text)
    if m and re.fullmatch(r"[\d-]{4,10}|\S+", m.group("value")):
        meta[m.group("key").lower()] = m.group("value")
        text = " " * m.end() + text[m.end() :]
    return text, meta


def from_text(
    text: str,
    *,
    name: str,
    metadata: dict | None = None,
    path: str | None = None,
    sha256: str | None = None,
    method: str | None = None,
) -> Source:
    """Build a Source from already decoded text."""
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
    text = repair_letters(text)
    text, inline_meta = _leading_metadata(text)
    meta = {**inline_meta, **(metadata or {})}
    digest = sha256 or hashlib.sha256(text.encode("utf-8")).hexdigest()
    if method is None:
        method = "markdown" if name.lower().endswith((".md", ".markdown")) else "text"
    toned = unify_tones(text)  # once, for both the matching text and the content key
    nfc = unicodedata.is_normalized("NFC", text)
    return Source(
        name=name,
        text=text,
        match=_matching_toned(toned),
        sha256=digest,
        metadata=meta,
        path=path,
        method=method,
        content_key=_content_key_normal(unicodedata.normalize("NFC", toned)) if nfc else content_key(text),
    )


def read(path: str | Path) -> Source:
    """Read one document file (.txt, .md, .html, .docx, .pdf) with its sidecar metadata."""
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputError(name, "not a file")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise InputError(name, f"file too large ({size / 1e6:.1f} MB > {MAX_BYTES / 1e6:.0f} MB)")
    data = path.read_bytes()
    text, method, page_meta = to_text(data, name, path.suffix.lower())
    if not text.strip():
        raise InputError(name, "no text in document")
    if len(text) > MAX_BYTES:
        raise InputError(name, f"the document's text is too large ({len(text) / 1e6:.0f} M characters)")
    return from_text(
        text,
        name=path.name,
        metadata={**page_meta, **read_metadata(path)},
        path=name,
        sha256=hashlib.sha256(data).hexdigest(),
        method=method,
    )


def to_text(data: bytes, name: str, suffix: str) -> tuple[str, str, dict]:
    """(text, method, metadata found in the file) of a document's bytes, by its suffix (and an
    HTML page by its first tag)."""
    if suffix == ".docx":
        return docx_to_text(data, name), "docx", {}
    if suffix == ".pdf":
        from loaders.formats.pdf import pdf_read

        text, method = pdf_read(data, name)
        return text, method, {}
    text = decode(data, name)
    if suffix in (".html", ".htm") or re.match(r"\s*(<!doctype html|<html)", text[:200], re.I):
        from loaders.formats.html import html_article

        text, meta = html_article(text)
        return text, "html", meta
    from loaders.formats.common import drop_page_chrome

    text = drop_page_chrome(text)  # a portal page copied as text
    if "](" in text:  # Markdown links read as their words: "[Kết luận số 126-KL/TW](https://…) ngày 14/02/2025"
        text = _MARKDOWN_LINK_RE.sub(r"\g<words>", text)
    if "\t" in text:  # a task table typed with tabs
        from loaders.formats.tabbed import tab_tables

        text = tab_tables(text)
    if "   " in text:  # a task table laid out with spaces
        from loaders.formats.spaced import space_tables

        text = space_tables(text)
    if "|" in text:  # a header or signature laid out as a pipe table
        from loaders.formats.markdown import flatten_layout_tables

        text = flatten_layout_tables(text)
    return text, "markdown" if suffix in (".md", ".markdown") else "text", {}
