"""Bad input: binary, empty, whitespace-only, 50 MB, NUL bytes, invalid UTF-8, Windows-1258, NFD,
truncated .docx and .pdf, 10,000 citations, deep nesting, a symlink loop, odd file names.

Every file gives a correct result (the same document as its clean UTF-8 original) or one clear
one-line reason, and the good files of the same load are stored exactly as when loaded alone —
through ``loaders.ingest.ingest`` and through the real ``vankien load`` command.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import time
import unicodedata
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, serialize

from graph_api.store import open_store
from loaders import extract_file
from graph_api.store.ingest import graph_of as ingest_graph_of, ingest
from ontology.iris import Iris

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "corpus" / "dev"
VANKIEN = Path(sys.executable).parent / "vankien"
ELI = "http://data.europa.eu/eli/ontology#"
VK = "https://w3id.org/vankien/ontology#"
IRIS = Iris()

# The three good documents of every load, and the document the variants are made of.
GOOD = {
    "good-hue.txt": DEV / "dev_05_thuathienhue.txt",
    "good-ninhthuan.txt": DEV / "dev_01_ninhthuan.txt",
    "good-thanhhoa.txt": DEV / "dev_02_thanhhoa.txt",
}
ORIGINAL = "good-hue.txt"
# Variants of ORIGINAL that must read as the same document (or be refused with a reason).
SAME_AS_ORIGINAL = {"cp1258.txt", "nfd.txt", "word.docx", "nul-late.txt", "bad-utf8.txt", "loop/inner.txt"}
# Files that must be refused, with a word their one-line reason must contain.
MUST_REJECT = {
    "empty.txt": "empty",
    "whitespace.txt": "empty",
    "binary.txt": "binary",
    "nul-early.txt": "binary",
    "truncated.docx": "docx",
    "truncated.pdf": "pdf",
    "huge-50mb.txt": "too large",
}
N_CITATIONS = 10_000
NESTING = 400
TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Windows-1258 as Vietnamese Windows software writes it: base letters precomposed, tones combining."""
    out = bytearray()
    for c in unicodedata.normalize("NFC", text):
        try:
            out += c.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        nfd = unicodedata.normalize("NFD", c)
        base = unicodedata.normalize("NFC", "".join(x for x in nfd if x not in TONES))
        out += (base + "".join(x for x in nfd if x in TONES)).encode("cp1258")
    return bytes(out)


def docx_bytes(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.split("\n"):
        if line.strip():
            document.add_paragraph(line)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def pdf_bytes(lines: list[str]) -> bytes:
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf)
    for i, line in enumerate(lines):
        c.drawString(60, 780 - 16 * i, line)
    c.save()
    return buf.getvalue()


def citations_text(n: int) -> str:
    return "TỈNH ỦY TUYÊN QUANG\nSố 12-KH/TU\nTuyên Quang, ngày 5 tháng 3 năm 2022\nKẾ HOẠCH\n" + "".join(
        f"- Thực hiện Nghị quyết số {i}-NQ/TW ngày 10/02/2022 của Bộ Chính trị.\n" for i in range(1, n + 1)
    )


def nested_text(depth: int) -> str:
    return (
        "TỈNH ỦY TUYÊN QUANG\nSố 13-KH/TU\nTuyên Quang, ngày 6 tháng 3 năm 2022\nKẾ HOẠCH\n"
        "thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Bộ Chính trị\nII. NHIỆM VỤ, GIẢI PHÁP\n"
        + "".join(
            ".".join(["1"] * k) + f". Nhiệm vụ cấp {k}: thực hiện Kết luận số 21-KL/TW.\n" for k in range(1, depth + 1)
        )
    )


def deep_html(depth: int) -> str:
    return (
        "<html><body><article><p>TỈNH ỦY TUYÊN QUANG</p><p>Số 14-KH/TU</p>"
        + "<div><ul><li>" * depth
        + "Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị."
        + "</li></ul></div>" * depth
        + "</article></body></html>"
    )


def make_folder(root: Path) -> Path:
    """A folder with the good files and every kind of bad file side by side."""
    docs = root / "docs"
    docs.mkdir()
    for name, src in GOOD.items():
        (docs / name).write_bytes(src.read_bytes())
    good = GOOD[ORIGINAL].read_text(encoding="utf-8")
    raw = good.encode("utf-8")
    (docs / "cp1258.txt").write_bytes(to_cp1258(good))
    (docs / "nfd.txt").write_text(unicodedata.normalize("NFD", good), encoding="utf-8")
    (docs / "word.docx").write_bytes(docx_bytes(good))
    (docs / "nul-late.txt").write_bytes(raw + b"\x00" * 16)
    (docs / "bad-utf8.txt").write_bytes(raw[:2000] + b"\xff\xfe\xc3\x28" + raw[2000:])
    (docs / "empty.txt").write_bytes(b"")
    (docs / "whitespace.txt").write_bytes(b"  \n\t\r\n    \n")
    (docs / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (docs / "nul-early.txt").write_bytes(raw[:1000] + b"\x00\x00" + raw[1000:])
    whole = docx_bytes(good)
    (docs / "truncated.docx").write_bytes(whole[: len(whole) // 2])
    pdf = pdf_bytes(["Thuc hien Nghi quyet so 11-NQ/TW ngay 10/02/2022 cua Bo Chinh tri"])
    (docs / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    (docs / "text.pdf").write_bytes(pdf)
    with open(docs / "huge-50mb.txt", "wb") as f:
        for _ in range(50 * 1024 * 1024 // len(raw) + 1):
            f.write(raw)
    (docs / "citations-10k.txt").write_text(citations_text(N_CITATIONS), encoding="utf-8")
    (docs / "nested.txt").write_text(nested_text(NESTING), encoding="utf-8")
    (docs / "deep.html").write_text(deep_html(3000), encoding="utf-8")
    loop = docs / "loop"
    loop.mkdir()
    os.symlink("..", loop / "parent")  # docs/loop/parent/loop/parent/… for ever
    os.symlink(".", loop / "self")
    (loop / "inner.txt").write_bytes(unicodedata.normalize("NFC", good).encode("utf-8"))
    return docs


def graph_of(name: str) -> str:
    """The graph of a file of the test folder (``docs/NAME``; ``loop/inner.txt`` keeps its own folder)."""
    path = Path(name)
    return ingest_graph_of(IRIS, path if path.parent.name else Path("docs") / path)


def triples_of(store, graph: str) -> set[str]:
    rows = store.select(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return {f"{r['s']} {r['p']} {r['o']}" for r in rows}


def cited(store, graph: str) -> set[str]:
    rows = store.select(
        f"SELECT DISTINCT ?c WHERE {{ GRAPH <{graph}> {{ ?d a <{VK}SourceDocument> ; <{ELI}cites> ?c }} }}"
    )
    return {r["c"].value for r in rows}


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_folder(tmp_path_factory.mktemp("bad-input"))


@pytest.fixture(scope="module")
def alone(tmp_path_factory: pytest.TempPathFactory) -> dict[str, set[str]]:
    """Triples of each good file loaded alone into an empty store."""
    out = {}
    for name, src in GOOD.items():
        store = open_store("memory:")
        path = tmp_path_factory.mktemp("alone") / "docs" / name  # the same folder name: the same graph
        path.parent.mkdir()
        path.write_bytes(src.read_bytes())
        report = ingest([path], store)
        assert report.documents == 1 and not report.rejected
        out[name] = triples_of(store, graph_of(name))
    return out


@pytest.fixture(scope="module")
def ingested(folder: Path, tmp_path_factory: pytest.TempPathFactory):
    store = open_store(f"oxigraph:{tmp_path_factory.mktemp('store') / 'oxigraph'}")
    started = time.monotonic()
    report = ingest([folder], store, workers=2)
    return store, report, time.monotonic() - started


def alone_cited(triples: set[str]) -> set[str]:
    """The documents an N-Triples set of one graph cites (what ``cited`` reads from the store)."""
    out = set()
    for line in triples:
        s, p, o = line.split(" ", 2)
        if p == f"<{ELI}cites>":
            out.add(o.strip().rstrip(" .").strip("<>"))
    return out


def check_outcomes(store, rejected: dict[str, str], alone: dict[str, set[str]], folder: Path) -> None:
    """The expectations shared by the library and the CLI loads."""
    for path, reason in rejected.items():
        assert reason.strip() and "\n" not in reason and len(reason) < 300, (path, reason)
    names = {str(Path(p).relative_to(folder)) for p in rejected}
    # refused files: refused with the right reason, and nothing of them is stored
    for name, word in MUST_REJECT.items():
        assert name in names, f"{name} was not refused"
        assert word in rejected[str(folder / name)].lower(), (name, rejected[str(folder / name)])
        assert not triples_of(store, graph_of(name)), name
    # good files: exactly as when loaded alone (the original, below, shares its document with its variants)
    for name, expected in alone.items():
        assert name not in names, (name, rejected.get(str(folder / name)))
        if name != ORIGINAL:
            assert triples_of(store, graph_of(name)) == expected, name
    # the original and its variants are one document in any encoding or format: one graph of them holds it,
    # citing what the original cites, and no NUL reached a literal
    copies = [n for n in sorted({ORIGINAL} | SAME_AS_ORIGINAL) if n not in names]
    holding = [n for n in copies if triples_of(store, graph_of(n))]
    assert len(holding) == 1, holding
    assert cited(store, graph_of(holding[0])) == {c for c in alone_cited(alone[ORIGINAL])}
    assert len(cited(store, graph_of(holding[0]))) == 5
    literals = store.select(
        f"SELECT ?o WHERE {{ GRAPH <{graph_of(holding[0])}> {{ ?s ?p ?o FILTER(isLiteral(?o) "
        f'&& CONTAINS(STR(?o), "\\u0000")) }} }}'
    )
    assert not literals, (holding[0], literals[:3])
    for must_load in ("cp1258.txt", "nfd.txt", "word.docx", "loop/inner.txt"):
        assert must_load not in names, (must_load, rejected.get(str(folder / must_load)))
    # the PDF with a text layer, 10,000 citations, deep nesting
    assert cited(store, graph_of("text.pdf")) == {IRIS.base + "id/doc/tw/nq/2022/11"}
    assert len(cited(store, graph_of("citations-10k.txt"))) == N_CITATIONS
    assert cited(store, graph_of("nested.txt")) == {IRIS.base + "id/doc/tw/kl/2021/21"}
    tasks = store.select(
        f"SELECT (COUNT(DISTINCT ?t) AS ?n) WHERE {{ GRAPH <{graph_of('nested.txt')}> "
        f"{{ ?t a <{VK}Task> ; <{ELI}implements> <{IRIS.base}id/doc/tw/kl/2021/21> }} }}"
    )
    assert 1 <= int(tasks[0]["n"].value) <= NESTING
    assert cited(store, graph_of("deep.html")) == {IRIS.base + "id/doc/tw/nq/2022/11"}
    # the symlink loop was walked once: one graph per file name, no file seen twice
    sources = store.select(f"SELECT ?f (COUNT(?d) AS ?n) WHERE {{ ?d <{VK}sourceFile> ?f }} GROUP BY ?f")
    assert all(int(r["n"].value) == 1 for r in sources), sources


def test_ingest_bad_files_beside_good_ones(ingested, alone, folder):
    store, report, seconds = ingested
    rejected = dict(report.rejected)
    assert len(rejected) == len(report.rejected), "a file was reported twice"
    files = {p for p in folder.rglob("*") if p.is_file() and "parent" not in p.parts and "self" not in p.parts}
    assert report.documents + len(report.rejected) == len(files), (report.documents, sorted(rejected))
    check_outcomes(store, rejected, alone, folder)
    assert seconds < 120, f"the load took {seconds:.0f} s"


def test_cli_load_of_the_same_folder(folder, alone, tmp_path):
    store_dir = tmp_path / "cli-store"
    p = subprocess.run(
        [str(VANKIEN), "load", str(folder), "--store", f"oxigraph:{store_dir}", "--workers", "0"],
        capture_output=True,
        text=True,
        timeout=600,
        cwd=ROOT,
    )
    assert p.returncode == 0, p.stderr[-2000:]
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    assert lines[0].startswith("documents loaded: "), lines[0]
    rejected = {}
    for line in lines[1:]:
        assert line.startswith("rejected "), line
        path, _, reason = line[len("rejected ") :].partition(": ")
        rejected[path] = reason
    assert f"rejected: {len(rejected)}," in lines[0]
    store = open_store(f"oxigraph:{store_dir}")
    try:
        check_outcomes(store, rejected, alone, folder)
    finally:
        store.close()
    # nothing but the report: no stray library warnings that name no file (pypdf: "EOF marker not found")
    stray = [l for l in p.stderr.splitlines() if l.strip() and not l.startswith("\x1b")]
    assert not stray, stray


def test_ten_thousand_citations_are_read_in_linear_time(tmp_path):
    """A 0.9 MB document citing 10,000 documents: every citation, in seconds (a 20 MB file is allowed)."""
    path = tmp_path / "citations.txt"
    path.write_text(citations_text(N_CITATIONS), encoding="utf-8")
    started = time.monotonic()
    doc = extract_file(path)
    seconds = time.monotonic() - started
    assert len(doc.citations) == N_CITATIONS
    assert {c.symbol for c in doc.citations} == {f"{i}-NQ/TW" for i in range(1, N_CITATIONS + 1)}
    assert seconds < 10, f"10,000 citations took {seconds:.1f} s (quadratic: links.find_links, find_named_references)"


def test_a_one_megabyte_document_is_read_in_seconds(tmp_path):
    """Size limit is 20 MB; a 1 MB plan (the dev document 200 times) must not take minutes."""
    text = GOOD[ORIGINAL].read_text(encoding="utf-8") * 200
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    started = time.monotonic()
    doc = extract_file(path)
    seconds = time.monotonic() - started
    assert len(doc.tasks) >= 200
    assert seconds < 15, f"a 1 MB document took {seconds:.1f} s (quadratic: forward.find_tasks, structure)"


def test_same_file_name_in_two_folders_loses_nothing(tmp_path):
    """Two different documents whose names give the same graph (same name in two folders, or names
    that slug alike) are both stored, or the second is refused with a reason — never silently replaced."""
    for folder, name, src in (
        ("a", "x.txt", DEV / "dev_05_thuathienhue.txt"),
        ("b", "x.txt", DEV / "dev_01_ninhthuan.txt"),
        ("c", "kế hoạch.txt", DEV / "dev_02_thanhhoa.txt"),
        ("c", "ke-hoach.txt", DEV / "dev_03_yenbai.txt"),
    ):
        (tmp_path / folder).mkdir(exist_ok=True)
        (tmp_path / folder / name).write_bytes(src.read_bytes())
    store = open_store("memory:")
    report = ingest([tmp_path], store)
    stored = store.select(f"SELECT DISTINCT ?h WHERE {{ ?d a <{VK}SourceDocument> ; <{VK}contentHash> ?h }}")
    assert report.documents + len(report.rejected) == 4
    assert len(stored) == report.documents, (
        f"{report.documents} documents reported loaded, {len(stored)} in the store; rejected: {report.rejected}"
    )
    second = ingest([tmp_path], store)
    assert second.documents == 0 and second.unchanged == report.documents, "a reload is not idempotent"


def test_undecodable_file_name_is_loaded_or_refused_clearly(tmp_path):
    name = os.fsdecode(b"ke-hoach-\xff.txt")
    (tmp_path / name).write_bytes(GOOD[ORIGINAL].read_bytes())
    store = open_store("memory:")
    report = ingest([tmp_path], store)
    if report.rejected:
        ((_, reason),) = report.rejected
        assert "name" in reason.lower(), f"unclear reason: {reason}"
    else:
        assert report.documents == 1
        rows = store.select(
            f"SELECT (COUNT(DISTINCT ?c) AS ?n) WHERE {{ ?d a <{VK}SourceDocument> ; <{ELI}cites> ?c }}"
        )
        assert rows[0]["n"].value == "5"


def docx_bomb(path: Path, expanded_bytes: int) -> None:
    """A small .docx whose document.xml expands to ``expanded_bytes`` (the same paragraph, repeated)."""
    import zipfile

    template = zipfile.ZipFile(
        io.BytesIO(docx_bytes("Thực hiện Nghị quyết số 11-NQ/TW ngày 10/02/2022 của Bộ Chính trị."))
    )
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in template.infolist():
            data = template.read(item.filename)
            if item.filename != "word/document.xml":
                out.writestr(item, data)
                continue
            xml = data.decode("utf-8")
            start = xml.index("<w:p>") if "<w:p>" in xml else xml.index("<w:p ")
            para = xml[start : xml.index("</w:p>") + 6].encode()
            end = xml.index("</w:body>")
            with out.open("word/document.xml", "w") as f:
                f.write(xml[:end].encode())
                chunk = para * 1000
                for _ in range(expanded_bytes // len(chunk)):
                    f.write(chunk)
                f.write(xml[end:].encode())


@pytest.mark.parametrize("expanded_mib", [100, 60])
def test_a_docx_bomb_is_refused_and_the_rest_of_the_load_goes_on(tmp_path, expanded_mib):
    """A 0.5 MB .docx whose XML expands to 100 MiB (or 60 MiB: 3 × the 20 MiB size limit, under the
    100 MiB unpack cap) is refused or read within a minute, and the good file beside it is loaded
    (observed before the cap: minutes at 5 GB for the whole load; 90 MiB: 3 min 20 s, 2 GB)."""
    folder = tmp_path / "docs"
    folder.mkdir()
    docx_bomb(folder / "bomb.docx", expanded_mib * 1024 * 1024)
    assert (folder / "bomb.docx").stat().st_size < 2 * 1024 * 1024
    (folder / "good.txt").write_bytes(GOOD[ORIGINAL].read_bytes())
    p = subprocess.Popen(
        [str(VANKIEN), "load", str(folder), "--store", f"oxigraph:{tmp_path / 'store'}"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        start_new_session=True,
    )
    started = time.monotonic()
    try:
        out, err = p.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        p.communicate()
        pytest.fail("vankien load of a .docx bomb beside a good file ran longer than 60 s (killed)")
    assert p.returncode == 0, err[-2000:]
    assert ("documents loaded: 1," in out and "rejected: 1," in out) or "documents loaded: 2," in out, out
    store = open_store(f"oxigraph:{tmp_path / 'store'}")
    try:
        assert len(cited(store, ingest_graph_of(IRIS, folder / "good.txt"))) == 5
    finally:
        store.close()
    for line in out.splitlines():
        if line.startswith("rejected "):
            assert "bomb.docx" in line and len(line) < 300, line
    assert time.monotonic() - started < 60
