"""Identity check for ingest speed work: what a load writes, dumped to a folder to ``diff -r`` before and after a
change. Every bundled document (``data/corpus``, ``tests/fixtures/probe*/docs``) and the first synthetic ones are
extracted to N-Quads (each file's graph, N-Quads, marker, error and a digest of its text), and all of them are
loaded (two workers, ``--bulk``) into a fresh store whose quads (sorted) and search and flow index tables (row by
row) are written out. Run it in the tree before and after, with ``PYTHONHASHSEED=0`` (a few rows' order follows
set iteration)::

    PYTHONHASHSEED=0 .venv/bin/python -m bench.ingest_identity /tmp/vankien-ingest-before
    … change …
    PYTHONHASHSEED=0 .venv/bin/python -m bench.ingest_identity /tmp/vankien-ingest-after
    diff -r /tmp/vankien-ingest-before /tmp/vankien-ingest-after
"""

from __future__ import annotations

import argparse
import glob
import hashlib
import shutil
import sqlite3
import sys
from pathlib import Path

_FTS_SHADOWS = ("_data", "_idx")  # an FTS5 table's own files: follow from its content


def bundled() -> list[str]:
    fs = sorted(p for p in glob.glob("data/corpus/**/*", recursive=True) if Path(p).is_file())
    return fs + sorted(p for p in glob.glob("tests/fixtures/probe*/docs/**/*", recursive=True) if Path(p).is_file())


def dump_sqlite(path: Path, out: Path) -> None:
    """Schema and every row of every table (FTS5 index shadows left out), by rowid where there is one."""
    con = sqlite3.connect(path)
    with open(out, "w") as f:
        for name, sql in con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type IN ('table','index') ORDER BY name"
        ):
            f.write(f"## {name}\n{sql}\n")
        for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name").fetchall():
            if t.endswith(_FTS_SHADOWS):
                continue
            try:
                rows = con.execute(f'SELECT rowid, * FROM "{t}" ORDER BY rowid').fetchall()
            except sqlite3.OperationalError:  # WITHOUT ROWID: in the order of its key
                rows = con.execute(f'SELECT * FROM "{t}"').fetchall()
            f.write(f"### {t} {len(rows)}\n" + "".join(repr(r) + "\n" for r in rows))
    con.close()


def extract_all(files: list[str], out: Path) -> None:
    """Each file's graph, N-Quads (the document's and its marker), error and text digest."""
    from core.errors import InputError, VankienError
    from graph_api.store.ingest import graph_of
    from loaders import extract_file
    from loaders.to_rdf import document_nquads
    from ontology.iris import Iris

    out.mkdir(parents=True, exist_ok=True)
    iris = Iris()
    for p in files:
        body = marker = b""
        text, err = "", None
        try:
            doc = extract_file(p)
            _, body, marker = document_nquads(doc, iris, folder=Path(p).parent.name)
            text = doc.text
        except InputError as e:
            err = e.reason
        except (VankienError, ValueError, KeyError, IndexError, RecursionError, MemoryError) as e:
            err = f"cannot extract ({e.__class__.__name__}: {e})"
        head = f"{graph_of(iris, Path(p))}\n".encode()
        tail = f"#error {err}\n#text {hashlib.sha256(text.encode()).hexdigest()}\n".encode()
        (out / (p.replace("/", "__") + ".nq")).write_bytes(head + body + b"#marker\n" + marker + tail)


def load_all(files: list[str], out: Path) -> None:
    """One load of every file into a fresh store beside ``out``; its quads and indexes dumped."""
    from graph_api.store import OxigraphStore
    from graph_api.store.ingest import ingest

    sdir = out / "store"
    shutil.rmtree(sdir, ignore_errors=True)
    store = OxigraphStore(sdir)
    r = ingest(files, store, workers=2, bulk=True, progress=False)
    (out / "report.txt").write_text(f"{r.documents} {r.triples} {r.rejected} {r.copies_replaced}\n")
    store.flush()
    (out / "store.nq").write_text("".join(sorted(f"{q} .\n" for q in store.raw)))
    store.close()
    for side in sorted(out.glob("store.*.sqlite")):
        dump_sqlite(side, out / f"{side.name}.dump")
    shutil.rmtree(sdir, ignore_errors=True)
    for side in out.glob("store.*.sqlite*"):
        if not side.name.endswith(".dump"):
            side.unlink()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.ingest_identity", description=__doc__.split("\n\n")[0])
    ap.add_argument("out", help="folder to write (emptied first)")
    ap.add_argument("--synth", default="/tmp/vankien-bench/synth-1000-s1/docs", help="synthetic documents' folder")
    ap.add_argument("--n", type=int, default=300, help="synthetic documents loaded (the first 100 also extracted)")
    a = ap.parse_args(argv)
    out = Path(a.out)
    shutil.rmtree(out, ignore_errors=True)
    synth = sorted(glob.glob(f"{a.synth}/**/*.txt", recursive=True))[: a.n]
    extract_all(bundled() + synth[:100], out / "extract")
    load_all(bundled() + synth, out)
    print(f"written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
