"""PDF → text. A text layer is read with pdfplumber (words with their positions, ruled tables)
and laid out by ``loaders.formats.layout``; a PDF with no text layer (a scan) is OCRed
(``loaders.formats.ocr``). ``pdf_read`` tells which of the two it did."""

from __future__ import annotations

import io
import logging

from core.errors import InputError
from loaders.formats.layout import page_text

MIN_CHARS_PER_PAGE = 20  # fewer letters than this a page on average: a scan with a stray text line


def _quiet() -> None:
    for name in ("pdfminer", "pypdf", "pdfplumber"):  # their warnings name no file: our reasons do
        logging.getLogger(name).setLevel(logging.ERROR)


def _merged(table) -> list[list[str]]:
    """Rows of a pdfplumber table, a cell covered by a merged one given the merged cell's text."""
    rows = table.extract()
    cells = [row.cells for row in table.rows]
    out: list[list[str]] = []
    for i, row in enumerate(rows):
        filled: list[str] = []
        for j, value in enumerate(row):
            if value is not None:
                filled.append(value)
                continue
            text = ""
            left = next((k for k in range(j - 1, -1, -1) if cells[i][k] is not None), None)
            column_x0 = next((cells[r][j][0] for r in range(len(cells)) if j < len(cells[r]) and cells[r][j]), None)
            if left is not None and column_x0 is not None and cells[i][left][2] > column_x0 + 1:
                text = filled[left]
            elif out and j < len(out[-1]):
                text = out[-1][j]
            filled.append(text)
        out.append([c or "" for c in filled])
    return out


def _in_any(word: dict, boxes: list[tuple]) -> bool:
    cx, cy = (word["x0"] + word["x1"]) / 2, (word["top"] + word["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _text_layer(data: bytes) -> tuple[list, list, list, int]:
    import pdfplumber

    words, sizes, tables, chars = [], [], [], 0
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            found = [t for t in page.find_tables() if len(t.rows) >= 2 and len(t.rows[0].cells) >= 2]
            boxes = [t.bbox for t in found]
            page_words = page.extract_words(x_tolerance=1.5, y_tolerance=2.5)
            chars += sum(len(w["text"]) for w in page_words)
            words.append([w for w in page_words if not _in_any(w, boxes)])
            tables.append([(t.bbox[1], _merged(t)) for t in found])
            sizes.append((float(page.width), float(page.height)))
    return words, sizes, tables, chars


def pdf_read(data: bytes, name: str) -> tuple[str, str]:
    """(text, method): method "pdf" for a text layer, "ocr" for a scan."""
    _quiet()
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise InputError(name, "unreadable .pdf (no PDF header: truncated or damaged)")
    try:
        words, sizes, tables, chars = _text_layer(data)
    except InputError:
        raise
    except Exception as e:  # pdfminer raises many kinds (PSEOF, PDFSyntaxError, struct.error …)
        raise InputError(name, f"unreadable .pdf ({e.__class__.__name__}: truncated or damaged)") from e
    if not sizes:
        raise InputError(name, "unreadable .pdf (no pages: truncated or damaged)")
    if chars >= MIN_CHARS_PER_PAGE * len(sizes) or (chars and len(sizes) == 1 and chars >= 10):
        return page_text(words, sizes, tables), "pdf"
    from loaders.formats.ocr import ocr_pdf

    return ocr_pdf(data, name), "ocr"


def pdf_to_text(data: bytes, name: str) -> str:
    """The text of a PDF (its text layer, or OCR of its page images)."""
    return pdf_read(data, name)[0]
