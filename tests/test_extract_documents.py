"""Whole-document extraction on documents the loaders have never seen.

``tests/fixtures/probe/docs`` holds realistic documents of provinces that are not in the
bundled corpus (Lai Châu, Sơn La, Nghệ An, Quảng Ninh, Cà Mau, Đắk Lắk, Lạng Sơn, Kiên Giang,
Hà Giang, Bắc Giang) in the formats that circulate: Markdown with a task table, hard-wrapped
text with old tone placement, CRLF, a BOM, NFD, an HTML press page. ``probe/gold`` holds what
a careful reader takes out of each (same fields as the project's gold schema). The real
``vankien extract --format json`` runs on them and each key field is compared on its own, so
a failure names the document and the field.

The second half checks task-level facts (assignments with lead and partners, deadlines,
implements, document links) on small documents written in the test.
"""
from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROBE = Path(__file__).resolve().parent / "fixtures" / "probe"
VANKIEN = str(Path(sys.executable).with_name("vankien"))
GOLD = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((PROBE / "gold").glob("*.json"))}

_TONES = {"uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy", "oá": "óa", "oà": "òa",
          "oả": "ỏa", "oã": "õa", "oạ": "ọa", "oé": "óe", "oè": "òe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe"}
_ABBR = {"ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "mttq": "mặt trận tổ quốc",
         "đbqh": "đại biểu quốc hội", "bch": "ban chấp hành"}


def norm_text(s: str | None) -> str:
    """Compare names the way a reader does: NFC, case, tone placement, usual abbreviations."""
    s = unicodedata.normalize("NFC", s or "").lower()
    for old, new in _TONES.items():
        s = s.replace(old, new)
    return " ".join(_ABBR.get(w, w) for w in re.split(r"\s+", s.strip(" .,;:")) if w)


def norm_symbol(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "").upper().replace(" ", "")


def run_extract(*paths: Path) -> list[dict]:
    """The user's command: ``vankien extract --format json PATH...``."""
    run = subprocess.run([VANKIEN, "extract", "--format", "json", *map(str, paths)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert run.returncode == 0, run.stderr[-2000:]
    return json.loads(run.stdout)


@pytest.fixture(scope="module")
def probe_predictions() -> dict[str, dict]:
    docs = sorted((PROBE / "docs").iterdir())
    return {Path(p["file"]).stem: p for p in run_extract(*docs)}


def test_probe_has_documents_and_gold_for_each():
    docs = {p.stem for p in (PROBE / "docs").iterdir()}
    assert len(docs) >= 8 and docs == set(GOLD)


def _cases(field: str):
    return [pytest.param(stem, id=f"{stem}-{field}") for stem in GOLD]


@pytest.mark.parametrize("stem", _cases("meta"))
@pytest.mark.parametrize("field", ["kind", "symbol", "date", "province"])
def test_probe_document_metadata(probe_predictions, stem, field):
    gold, pred = GOLD[stem], probe_predictions[stem]
    if field == "symbol":
        assert norm_symbol(pred.get("symbol")) == norm_symbol(gold["symbol"])
    else:
        assert norm_text(pred.get(field)) == norm_text(gold[field])


@pytest.mark.parametrize("stem", _cases("citations"))
def test_probe_citations(probe_predictions, stem):
    """Every numbered document cited, once per document: the same symbol of two terms twice."""
    gold, pred = GOLD[stem], probe_predictions[stem]
    assert sorted(norm_symbol(c["symbol"]) for c in pred["citations"]) == \
        sorted(norm_symbol(c["symbol"]) for c in gold["citations"])


@pytest.mark.parametrize("stem", _cases("citation-dates"))
def test_probe_citation_dates(probe_predictions, stem):
    """(symbol, date) pairs where the text states the date (in a footnote, with `cùng ngày` …)."""
    gold, pred = GOLD[stem], probe_predictions[stem]
    got = {(norm_symbol(c["symbol"]), (c.get("date") or "")[:10]) for c in pred["citations"]}
    missing = [(c["symbol"], c["date"]) for c in gold["citations"]
               if c["date"] and (norm_symbol(c["symbol"]), c["date"]) not in got]
    assert missing == []


@pytest.mark.parametrize("stem", _cases("implements"))
def test_probe_implements(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]
    assert {norm_symbol(s) for s in pred["implements"]} == {norm_symbol(s) for s in gold["implements"]}


@pytest.mark.parametrize("stem", _cases("links"))
def test_probe_document_links(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]

    def pairs(links):
        return {(norm_symbol(l["from"]), norm_symbol(l["to"])) for l in links}
    assert pairs(pred["document_links"]) == pairs(gold["document_links"])


@pytest.mark.parametrize("stem", _cases("assignments"))
def test_probe_assignments(probe_predictions, stem):
    """Distinct (body, deadline) pairs of tasks handed to one named body."""
    gold, pred = GOLD[stem], probe_predictions[stem]

    def pairs(items):
        return {(norm_text(a["body"]), a.get("deadline") or None) for a in items}
    assert pairs(pred["assignments"]) == pairs(gold["assignments"])


@pytest.mark.parametrize("stem", _cases("signer"))
def test_probe_signer_and_persons(probe_predictions, stem):
    gold, pred = GOLD[stem], probe_predictions[stem]
    if gold["signer"] is None:
        assert pred.get("signer") is None
    else:
        assert norm_text((pred.get("signer") or {}).get("name")) == norm_text(gold["signer"]["name"])
    assert sorted(norm_text(p["name"]) for p in pred["persons"]) == \
        sorted(norm_text(p["name"]) for p in gold["persons"])


@pytest.mark.parametrize("stem", _cases("tasks"))
def test_probe_task_count_in_range(probe_predictions, stem):
    rng, n = GOLD[stem]["tasks"], len(probe_predictions[stem]["tasks"])
    assert rng["min"] <= n <= rng["max"], n
