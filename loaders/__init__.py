"""vankien loaders: read → structure → extract → resolve → to_rdf.

>>> from loaders.read import from_text
>>> doc = extract_source(from_text("Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị.", name="a.txt"))
>>> [c.symbol for c in doc.citations]
['11-NQ/TW']
"""

from __future__ import annotations

from pathlib import Path

from loaders.model import Document
from loaders.read import Source, read


def extract_source(source: Source) -> Document:
    """Extract one already-read document."""
    from loaders.resolve import build

    return build(source)


def extract_file(path: str | Path) -> Document:
    """Read and extract one document file; raises ``InputError`` naming the file and the reason."""
    return extract_source(read(path))


__all__ = ["extract_file", "extract_source", "Document"]
