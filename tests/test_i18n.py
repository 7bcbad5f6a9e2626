"""Issue 17: one message catalogue (graph_api/i18n.py) for the web pages and the exports — the same keys in
Vietnamese and English, every key a template asks for present, Vietnamese unless English is asked for."""

from __future__ import annotations

import re
from pathlib import Path

from graph_api.i18n import MESSAGES, pick_language, translator

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "graph_api" / "http" / "templates"


def test_both_languages_have_the_same_keys() -> None:
    assert set(MESSAGES["vi"]) == set(MESSAGES["en"])
    assert all(MESSAGES["vi"][k] and MESSAGES["en"][k] for k in MESSAGES["vi"])


def test_every_key_the_templates_use_is_in_the_catalogue() -> None:
    used = set()
    for template in TEMPLATES.glob("*.html"):
        used |= set(re.findall(r"\bt\('([a-z_.]+)'", template.read_text(encoding="utf-8")))
    assert used, "the templates use the catalogue"
    dynamic = {k for k in used if k.endswith(".")}  # t('kind.' ~ k), t('state.' ~ s)
    assert not (used - dynamic) - set(MESSAGES["vi"])


def test_vietnamese_by_default() -> None:
    assert pick_language(None, None, None) == "vi"
    assert pick_language(None, None, "de-DE,de;q=0.9,en;q=0.5") == "vi"
    assert pick_language("en", None, None) == pick_language(None, "en", None) == "en"
    assert pick_language("xx", "en", "vi") == "en"
    assert translator("fr")("state.overdue") == "Quá hạn" and translator("en")("state.overdue") == "Overdue"
    assert translator("en")("no.such.key") == "no.such.key"
