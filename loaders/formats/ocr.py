"""OCR of a scanned PDF: pages rendered at 300 dpi (pypdfium2), read by Tesseract with its
Vietnamese model (``tesseract … -l vie``, words with their boxes as TSV), then laid out like a
text layer (``loaders.formats.layout``: columns, page furniture, paragraphs)."""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import shutil
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from core.errors import InputError
from loaders.formats.layout import page_text

DPI = 300
MAX_PAGES = 200
PACKAGES = "install the Debian packages tesseract-ocr and tesseract-ocr-vie"


@functools.lru_cache(maxsize=1)
def _languages() -> frozenset[str]:
    try:
        out = subprocess.run(["tesseract", "--list-langs"], capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.SubprocessError):
        return frozenset()
    return frozenset(ln.strip() for ln in out.splitlines()[1:] if ln.strip())


def check_tesseract(name: str) -> None:
    """Raise InputError naming the missing Debian packages when Tesseract or its Vietnamese data is absent."""
    if shutil.which("tesseract") is None:
        raise InputError(
            name, f"scanned PDF (no text layer) needs OCR, but the tesseract program is absent: {PACKAGES}"
        )
    if "vie" not in _languages():
        raise InputError(
            name, f"scanned PDF (no text layer) needs OCR, but Tesseract has no Vietnamese (vie) data: {PACKAGES}"
        )


# Tesseract's slips on Vietnamese letters: the Icelandic eth (Ð ð) for Đ đ, sometimes doubled ("QĐÐ").
_OCR_FIXES = [
    (re.compile(r"[ĐÐ]{2,}"), "Đ"),
    (re.compile(r"[đð]{2,}"), "đ"),
    (re.compile("Ð"), "Đ"),
    (re.compile("ð"), "đ"),
]


def clean_word(text: str) -> str:
    """A word as Tesseract read it, with its usual slips on Vietnamese letters mended.

    >>> clean_word("137-QĐÐ/TW"), clean_word("Ðảng")
    ('137-QĐ/TW', 'Đảng')
    """
    for pattern, repl in _OCR_FIXES:
        text = pattern.sub(repl, text)
    return text


def _words(tsv: str, scale: float) -> list[dict]:
    words = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        text = (row.get("text") or "").strip()
        if row.get("level") != "5" or not text:
            continue
        left, top, w, h = (float(row[k]) for k in ("left", "top", "width", "height"))
        words.append(
            {
                "text": clean_word(text),
                "x0": left * scale,
                "x1": (left + w) * scale,
                "top": top * scale,
                "bottom": (top + h) * scale,
            }
        )
    return words


def _ocr_page(image: Path) -> str:
    env = {**os.environ, "OMP_THREAD_LIMIT": "1"}
    done = subprocess.run(
        ["tesseract", str(image), "stdout", "-l", "vie", "--psm", "3", "tsv"],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
    )
    if done.returncode != 0:
        raise OSError(done.stderr.strip().splitlines()[-1] if done.stderr.strip() else "tesseract failed")
    return done.stdout


def ocr_pdf(data: bytes, name: str) -> str:
    """The text of a scanned PDF, read by OCR."""
    check_tesseract(name)
    import pypdfium2 as pdfium

    try:
        pdf = pdfium.PdfDocument(data)
    except Exception as e:  # pdfium.PdfiumError and the like
        raise InputError(name, f"unreadable .pdf ({e.__class__.__name__}: truncated or damaged)") from e
    if len(pdf) > MAX_PAGES:
        raise InputError(name, f"scanned PDF of {len(pdf)} pages: too many to OCR (at most {MAX_PAGES})")
    with tempfile.TemporaryDirectory(prefix="vankien-ocr-") as tmp:
        images, sizes = [], []
        for i in range(len(pdf)):
            page = pdf[i]
            sizes.append((float(page.get_width()), float(page.get_height())))
            path = Path(tmp) / f"page-{i:04d}.png"
            page.render(scale=DPI / 72, grayscale=True).to_pil().save(path)
            images.append(path)
        pdf.close()
        try:
            with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
                tsvs = list(pool.map(_ocr_page, images))
        except (OSError, subprocess.SubprocessError) as e:
            raise InputError(name, f"OCR of the scanned PDF failed ({e})") from e
    text = page_text([_words(t, 72 / DPI) for t in tsvs], sizes)
    if not text.strip():
        raise InputError(name, "scanned PDF: OCR found no text")
    return text
