"""Generalisation probe 2: `vankien extract` on ten documents written for this probe only
(provinces outside the bundled corpus), checked against their hand-made gold answers in
tests/fixtures/probe2/gold (see tests/fixtures/probe2/README.md).

Each (document, field) is its own test, so a failure names the document and the field.
Names of bodies are compared as score.py compares them (tone placement, abbreviations and
case do not matter); symbols compare without spaces and case.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from loaders.read import TONE_PAIRS

HERE = Path(__file__).parent / "fixtures" / "probe2"
DOCS, GOLD = HERE / "docs", HERE / "gold"
VANKIEN = str(Path(sys.executable).with_name("vankien"))

_ABBR = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "bch": "ban chấp hành",
    "btv": "ban thường vụ",
    "mttq": "mặt trận tổ quốc",
    "đbqh": "đại biểu quốc hội",
    "ubkt": "ủy ban kiểm tra",
    "bcs": "ban cán sự",
}


def norm(s: str | None) -> str:
    """Lower case, new-style tones, abbreviations spelt out, punctuation and dashes evened out.

    >>> norm("Ban cán sự đảng UBND tỉnh") == norm("Ban Cán sự đảng Uỷ ban nhân dân tỉnh")
    True
    """
    if s is None:
        return ""
    s = unicodedata.normalize("NFC", str(s)).lower()
    for old, new in TONE_PAIRS.items():
        s = s.replace(old, new)
    s = re.sub(r"[*_`\"“”'‘’()\[\]]", " ", s)
    s = re.sub(r"\s*[-–—]\s*", " - ", s)
    return " ".join(_ABBR.get(w, w) for w in s.split()).strip(" .,;:")


def norm_symbol(s: str | None) -> str:
    return unicodedata.normalize("NFC", s or "").upper().replace(" ", "").replace("–", "-")


def similar(a: str, b: str, threshold: float = 0.6) -> bool:
    ta, tb = set(norm(a).replace(" - ", " ").split()), set(norm(b).replace(" - ", " ").split())
    return bool(ta and tb) and len(ta & tb) / max(len(ta), len(tb)) >= threshold


GOLDS = {g["file"]: g for g in (json.loads(p.read_text(encoding="utf-8")) for p in sorted(GOLD.glob("*.json")))}


@pytest.fixture(scope="module")
def predicted() -> dict[str, dict]:
    """One run of the CLI over every probe document, as a user runs it."""
    run = subprocess.run(
        [VANKIEN, "extract", "--format", "json", *map(str, sorted(DOCS.glob("*.txt")))],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stderr[-2000:]
    return {Path(d["file"]).name: d for d in json.loads(run.stdout)}


def test_every_document_has_gold_and_a_prediction(predicted):
    assert sorted(GOLDS) == sorted(p.name for p in DOCS.glob("*.txt"))
    assert sorted(predicted) == sorted(GOLDS)


def _cases(field: str) -> list:
    return [pytest.param(name, id=f"{name[:-4]}-{field}") for name in sorted(GOLDS)]


@pytest.mark.parametrize("name", _cases("meta"))
def test_metadata(predicted, name):
    gold, pred = GOLDS[name], predicted[name]
    assert pred["kind"] == gold["kind"]
    assert norm_symbol(pred["symbol"]) == norm_symbol(gold["symbol"])
    assert pred["date"] == gold["date"]
    assert norm(pred["province"]) == norm(gold["province"])


@pytest.mark.parametrize("name", _cases("citations"))
def test_citations(predicted, name):
    """Every cited document once, with the date the text gives it (two terms of one symbol stay two)."""
    key = lambda c: (norm_symbol(c["symbol"]), (c.get("date") or "")[:10])
    assert sorted(map(key, predicted[name]["citations"])) == sorted(map(key, GOLDS[name]["citations"]))


@pytest.mark.parametrize("name", _cases("implements"))
def test_implements(predicted, name):
    assert {norm_symbol(s) for s in predicted[name]["implements"]} == {
        norm_symbol(s) for s in GOLDS[name]["implements"]
    }


@pytest.mark.parametrize("name", _cases("assignments"))
def test_assignments(predicted, name):
    """Lead bodies with their deadlines; groups ("các huyện ủy …") and partners are not leads."""
    pairs = lambda xs: {(norm(a["body"]), a["deadline"]) for a in xs}
    assert pairs(predicted[name]["assignments"]) == pairs(GOLDS[name]["assignments"])


@pytest.mark.parametrize("name", _cases("projects"))
def test_projects(predicted, name):
    """Each named project found once (names compared as score.py does), nothing else."""
    pred = [p if isinstance(p, str) else p.get("name", "") for p in predicted[name]["projects"]]
    gold = GOLDS[name]["projects"]
    missing = [g for g in gold if not any(similar(p, g) for p in pred)]
    extra = [p for p in pred if not any(similar(p, g) for g in gold)]
    assert (missing, extra, len(pred)) == ([], [], len(gold))


@pytest.mark.parametrize("name", _cases("tasks"))
def test_task_count(predicted, name):
    rng = GOLDS[name]["tasks"]
    assert rng["min"] <= len(predicted[name]["tasks"]) <= rng["max"]
