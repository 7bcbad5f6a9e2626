"""The one reader of the data kept as CSV under ``data/`` (``data/reference/*.csv``, the gazetteer, word lists).

The folder is ``$VANKIEN_DATA`` when set, else the repository's ``data/``. Rows are dictionaries of stripped
strings (an empty cell is ``""``); a file that cannot be read, or a row with the wrong number of fields,
raises :class:`core.errors.InputError` naming the file.

>>> [r["code"] for r in reference_rows("doc_types.csv")][:3]
['KL', 'NQ', 'KH']
"""

from __future__ import annotations

import csv
import os
from functools import lru_cache
from pathlib import Path

from core.errors import InputError

__all__ = ["DATA_DIR", "REFERENCE_DIR", "csv_rows", "reference_rows"]

DATA_DIR = Path(os.environ.get("VANKIEN_DATA") or Path(__file__).resolve().parent.parent / "data")
REFERENCE_DIR = DATA_DIR / "reference"


@lru_cache(maxsize=64)
def csv_rows(path: Path) -> tuple[dict[str, str], ...]:
    """The rows of one CSV file (read once per process)."""
    try:
        with path.open(encoding="utf-8", newline="") as f:
            raw = list(csv.DictReader(f))
    except OSError as exc:
        raise InputError(str(path), f"cannot read reference data: {exc}") from exc
    for i, row in enumerate(raw, start=2):
        if None in row or any(v is None for v in row.values()):
            raise InputError(str(path), f"line {i}: wrong number of fields")
    return tuple({k: v.strip() for k, v in row.items()} for row in raw)


def reference_rows(name: str, data_dir: Path | None = None) -> tuple[dict[str, str], ...]:
    """The rows of ``reference/{name}`` under ``data_dir`` (default :data:`DATA_DIR`)."""
    return csv_rows((data_dir or DATA_DIR) / "reference" / name)
