"""Extraction speed (issue 3): documents/s and MB/s of read → structure → extract → resolve → to_rdf
on the bundled corpus repeated to at least 10 MB, one process and every core.

No other tool extracts Vietnamese Party documents, so the floor beside it is the cost of reading and
normalising the same text (decode, NFC, tone unification), and the ratio says how much the
extraction itself costs on top.

    python -m bench.bench_extract [--mb 10]
    python -m bench.bench_extract --formats [--scans 8]   # documents/s by file format

``--formats`` renders every bundled document (seeds, dev, dev2, as read) as .txt, .docx (Word
numbering, header and task tables) and a .pdf with a text layer, and the first ``--scans`` of
them as scanned PDFs (page images, read by OCR), with the renderers of the format tests
(tests/render_formats.py), then times read → extract of each file, one process.
"""
from __future__ import annotations

import argparse
import os
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.common import append_results, md_table

ROOT = Path(__file__).resolve().parent.parent


def _texts(mb: float) -> list[tuple[str, str]]:
    sources = sorted((ROOT / "data" / "corpus").rglob("*.txt"))
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sources]
    out, size, n = [], 0, 0
    while size < mb * 1e6:
        name, text = texts[n % len(texts)]
        out.append((f"{n:05d}_{name}", text))
        size += len(text.encode("utf-8"))
        n += 1
    return out


def _extract(batch: list[tuple[str, str]]) -> int:
    from loaders import extract_source
    from loaders.read import from_text
    from loaders.to_rdf import document_graph
    from ontology.iris import Iris
    iris = Iris()
    triples = 0
    for name, text in batch:
        triples += len(document_graph(extract_source(from_text(text, name=name)), iris)[1])
    return triples


def _floor(batch: list[tuple[str, str]]) -> int:
    from loaders.read import from_text
    return sum(len(from_text(text, name=name).match) for name, text in batch)


def _timed(fn, texts, workers: int) -> tuple[float, int]:
    start = time.perf_counter()
    if workers == 1:
        result = fn(texts)
    else:
        chunks = [texts[i::workers * 4] for i in range(workers * 4)]
        with ProcessPoolExecutor(workers) as pool:
            result = sum(pool.map(fn, chunks))
    return time.perf_counter() - start, result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=float, default=10.0)
    args = ap.parse_args()
    texts = _texts(args.mb)
    mb = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6
    _extract(texts[:10])  # warm up the vocabularies
    rows = []
    cores = os.cpu_count() or 1
    for workers in sorted({1, cores}):
        seconds, triples = _timed(_extract, texts, workers)
        floor, _ = _timed(_floor, texts, workers)
        rows.append([workers, len(texts), f"{mb:.1f}", f"{seconds:.1f}", f"{len(texts) / seconds:.0f}",
                     f"{mb / seconds:.2f}", f"{triples:,}", f"{mb / floor:.1f}", f"{floor / seconds:.2f}"])
    table = md_table(["workers", "documents", "MB", "seconds", "documents/s", "MB/s", "triples",
                      "floor MB/s (read + normalise)", "ratio to floor"], rows)
    print(table)
    append_results("Extraction", [table], [
        "the bundled corpus (10 documents, 108 KB) repeated to the size shown; read → structure → extract → resolve → to_rdf",
        "no other extractor exists for these documents: the floor is decoding and normalising the same text"])


def _renderings(scans: int, folder: Path) -> dict[str, list[Path]]:
    import sys
    sys.path.insert(0, str(ROOT / "tests"))
    from render_formats import render

    from loaders import extract_source
    from loaders.read import read
    docs = sorted(p for sub in ("seeds", "dev", "dev2") for p in (ROOT / "data" / "corpus" / sub).iterdir()
                  if p.suffix in (".txt", ".md", ".html", ".docx", ".pdf"))
    out: dict[str, list[Path]] = {"txt": [], "docx": [], "pdf": [], "scanned pdf": []}
    for i, path in enumerate(docs):
        source = read(path)
        doc = extract_source(source)
        for kind, key in (("crlf", "txt"), ("docx", "docx"), ("pdf", "pdf")) + ((("scan", "scanned pdf"),)
                                                                                 if i < scans else ()):
            suffix, data = render(kind, source.text, doc)
            target = folder / f"{path.stem}-{kind}{suffix}"
            target.write_bytes(data)
            out[key].append(target)
    return out


def formats_main(scans: int) -> None:
    import tempfile

    from loaders import extract_file
    with tempfile.TemporaryDirectory(prefix="vankien-bench-formats-") as tmp:
        files = _renderings(scans, Path(tmp))
        extract_file(files["txt"][0])  # warm up the vocabularies
        rows = []
        for kind, paths in files.items():
            size = sum(p.stat().st_size for p in paths) / 1e6
            start = time.perf_counter()
            tasks = sum(len(extract_file(p).tasks) for p in paths)
            seconds = time.perf_counter() - start
            rows.append([kind, len(paths), f"{size:.2f}", f"{seconds:.2f}", f"{len(paths) / seconds:.1f}",
                         f"{1000 * seconds / len(paths):.0f}", tasks])
    table = md_table(["format", "documents", "MB of files", "seconds", "documents/s", "ms/document", "tasks"], rows)
    print(table)
    append_results("Extraction by file format", [table], [
        "each bundled document (seeds, dev, dev2: 22) rendered by tests/render_formats.py: .txt (CRLF), .docx (header "
        "table, Word numbering, tasks as a Word table), .pdf with a text layer (two-column header, page numbers), "
        "scanned .pdf (300 dpi page images, no text layer); read → structure → extract → resolve, one process",
        "PDF: pdfplumber words and ruled tables laid out by loaders/formats/layout.py; scans: pypdfium2 at 300 dpi, "
        "tesseract -l vie (TSV with word boxes), pages of one document in parallel on every core"])


if __name__ == "__main__":
    import sys
    if "--formats" in sys.argv:
        ap = argparse.ArgumentParser(description=__doc__)
        ap.add_argument("--formats", action="store_true")
        ap.add_argument("--scans", type=int, default=8)
        formats_main(ap.parse_args().scans)
    else:
        main()
