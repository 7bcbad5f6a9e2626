"""Format invariance: every bundled document (data/corpus/seeds, dev, dev2), re-rendered by this
test as hard-wrapped text (60 and 80 columns), CRLF, NFD, Markdown, an HTML portal page, Word
(header as a borderless table, list numbering, footnotes, its tasks as a Word table), a PDF with
a text layer (two-column header, page numbers, running footer) and — for the seeds and two
documents of each dev set — a scanned PDF (page images only, read by OCR), gives the same
citations, document links and assignments (lead body, deadline) as the document itself, and the
same document IRI. Scans: at least 0.9 of the facts (recall and precision).

Known gaps of the extractor (not of reading) are recorded in KNOWN_EXTRACTOR_GAPS with exactly what
differs, and asserted as recorded (CI allows no xfail): when the extractor is mended the case
fails, saying to delete its entry. A document without a number or a year has the content key of
its words in its IRI: the same for renderings that keep every word (see ``iris_of``)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pytest
import yaml

from loaders import extract_source
from loaders.read import read
from loaders.to_rdf import document_iri
from ontology.iris import Iris
from render_formats import render

CORPUS = Path(__file__).resolve().parent.parent / "data" / "corpus"
DOCUMENTS = sorted(
    p
    for folder in ("seeds", "dev", "dev2")
    for p in (CORPUS / folder).iterdir()
    if p.is_file() and p.suffix in (".txt", ".md", ".html", ".docx", ".pdf")
)
SCANNED = {p.name for p in DOCUMENTS if p.parent.name == "seeds"} | {
    "dev_01_ninhthuan.txt",
    "dev_04_binhduong.txt",
    "dev2_05_camau.pdf",
    "dev2_12_haiphong.txt",
}
RENDERINGS = ["wrap60", "wrap80", "crlf", "nfd", "md", "html", "docx", "pdf"]
# Renderings that keep every word of the text (the HTML page adds its title, Word its task table).
SAME_WORDS = {"wrap60", "wrap80", "crlf", "nfd", "md", "pdf"}

# (document, rendering) → what the extractor reads differently from the document itself (facts as
# "source relation target" and "lead by deadline"). The text read is the same words in each case:
# hard-wrapped lines (a citation or a lead broken over two lines), a task as a Word table row, a
# footnote's continuation lines, a portal page's title before the document.
# (document, rendering) → the IRI the extractor gives the rendering when it is not the document's.
KNOWN_IRI_GAPS: dict[tuple[str, str], str] = {}
KNOWN_EXTRACTOR_GAPS: dict[tuple[str, str], str] = {}


@lru_cache(maxsize=None)
def original(path: Path):
    source = read(path)
    return source, extract_source(source)


def facts(doc) -> set[tuple]:
    """Citations (symbol), document links (source, relation, target), assignments (lead, deadline)."""
    return (
        {("citation", c.symbol) for c in doc.citations}
        | {("link", l.source, l.relation, l.target) for l in doc.links}
        | {("assignment", body.name, deadline) for t in doc.tasks for body, deadline in t.assignments}
    )


def rendered(path: Path, kind: str, tmp_path: Path):
    source, doc = original(path)
    suffix, data = render(kind, source.text, doc)
    out = tmp_path / f"{path.stem}-{kind}{suffix}"
    out.write_bytes(data)
    if source.metadata:  # a leading "date 2024-04" line or a sidecar: given beside the rendering
        meta = {k: v for k, v in source.metadata.items() if k != "posted"}
        (tmp_path / f"{out.stem}.meta.yaml").write_text(yaml.safe_dump(meta, allow_unicode=True), encoding="utf-8")
    again = read(out)
    return source, doc, again, extract_source(again)


def _short(fact: tuple) -> str:
    if fact[0] == "citation":
        return f"citation {fact[1]}"
    if fact[0] == "link":
        return f"{fact[1][0] if fact[1] else 'self'} {fact[2]} {fact[3][0]}"
    return f"{fact[1]} by {fact[2]}"


def difference(want: set, got: set) -> str:
    """What a rendering's extraction misses and adds, in the words of KNOWN_EXTRACTOR_GAPS."""
    missing = "; ".join(sorted(_short(f) for f in want - got)) or "-"
    extra = "; ".join(sorted(_short(f) for f in got - want)) or "-"
    return f"missing: {missing} | extra: {extra}"


def check_known_gap(name: str, kind: str, want: set, got: set) -> bool:
    """True (after asserting it is exactly as recorded) for a known gap of the extractor."""
    known = KNOWN_EXTRACTOR_GAPS.get((name, kind))
    if known is None:
        return False
    now = difference(want, got)
    assert now == known, (
        f"the extractor now reads {name} as {kind} differently than recorded: {now!r}; "
        f"when mended (nothing missing or extra), delete KNOWN_EXTRACTOR_GAPS[{(name, kind)!r}]; "
        f"`python tests/test_format_invariance.py --scans` prints the gaps as they are now"
    )
    return True


def iris_of(doc, doc_again, kind: str) -> tuple[str, str]:
    """(IRI of the document, IRI of its rendering). A document without a number or a year has
    the content key of its words in its IRI: the same words (SAME_WORDS renderings) give the same
    IRI; where a rendering adds words (a portal page's title, a task table, OCR) it is written
    ``<key>`` in both."""
    iris = Iris()
    want, got = document_iri(iris, doc), document_iri(iris, doc_again)
    if (doc.symbol is None or doc.date is None) and kind not in SAME_WORDS:
        for d in (doc, doc_again):
            for fingerprint in {getattr(d, "content_key", "") or "", d.sha256} - {""}:
                want, got = want.replace(fingerprint[:12], "<key>"), got.replace(fingerprint[:12], "<key>")
    return want, got


def same_iri(name: str, kind: str, doc, doc_again) -> None:
    """The same document IRI (see ``iris_of``)."""
    want, got = iris_of(doc, doc_again, kind)
    known = KNOWN_IRI_GAPS.get((name, kind))
    if known is not None:
        assert got == known, (
            f"the IRI of {name} as {kind} is now {got!r}, not as recorded; when it is {want!r}, "
            f"delete KNOWN_IRI_GAPS[{(name, kind)!r}]"
        )
        return
    assert got == want


@pytest.mark.parametrize("kind", RENDERINGS)
@pytest.mark.parametrize("path", DOCUMENTS, ids=lambda p: p.name)
def test_every_rendering_gives_the_same_facts_and_iri(path: Path, kind: str, tmp_path: Path) -> None:
    source, doc, again, doc_again = rendered(path, kind, tmp_path)
    if kind in SAME_WORDS:
        assert again.content_key == source.content_key, "the same words should give the same content_key"
    want, got = facts(doc), facts(doc_again)
    if not check_known_gap(path.name, kind, want, got):
        assert want == got, difference(want, got)
    same_iri(path.name, kind, doc, doc_again)


@pytest.mark.slow
@pytest.mark.parametrize("path", [p for p in DOCUMENTS if p.name in SCANNED], ids=lambda p: p.name)
def test_a_scan_gives_nine_tenths_of_the_facts_and_the_same_iri(path: Path, tmp_path: Path) -> None:
    source, doc, again, doc_again = rendered(path, "scan", tmp_path)
    assert again.method == "ocr"
    want, got = facts(doc), facts(doc_again)
    if want and not check_known_gap(path.name, "scan", want, got):
        recall = len(want & got) / len(want)
        precision = len(want & got) / len(got) if got else 0.0
        assert recall >= 0.9 and precision >= 0.9, f"recall {recall:.2f}, precision {precision:.2f}: " + difference(
            want, got
        )
    same_iri(path.name, "scan", doc, doc_again)


def record(scans: bool = False) -> None:
    """Print KNOWN_EXTRACTOR_GAPS and KNOWN_IRI_GAPS as the extractor reads the renderings now
    (``python tests/test_format_invariance.py [--scans]``)."""
    import tempfile

    gaps, iri_gaps = {}, {}
    cases = [(p, k) for p in DOCUMENTS for k in RENDERINGS] + [
        (p, "scan") for p in DOCUMENTS if scans and p.name in SCANNED
    ]
    for path, kind in cases:
        with tempfile.TemporaryDirectory() as tmp:
            _, doc, _, doc_again = rendered(path, kind, Path(tmp))
        want, got = facts(doc), facts(doc_again)
        ratio = min(len(want & got) / len(want), len(want & got) / len(got) if got else 0.0) if want else 1.0
        if (want != got and kind != "scan") or ratio < 0.9:
            gaps[(path.name, kind)] = difference(want, got)
        iri, iri_again = iris_of(doc, doc_again, kind)
        if iri != iri_again:
            iri_gaps[(path.name, kind)] = iri_again
    for title, table in (("KNOWN_IRI_GAPS", iri_gaps), ("KNOWN_EXTRACTOR_GAPS", gaps)):
        print(f"{title}: dict[tuple[str, str], str] = {{")
        for key, value in table.items():
            print(f"    {key!r}: {value!r},")
        print("}")


if __name__ == "__main__":
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent))
    record(scans="--scans" in sys.argv)
