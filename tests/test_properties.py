"""Property-based tests (hypothesis) of the normaliser (``loaders.read``) and the citation parser
(``loaders.extract``): no crash on any string, normalising twice changes nothing, cleaning for
matching keeps offsets, and a formatted symbol parses back to itself with its date."""

from __future__ import annotations

import datetime as dt
import os
import re
import unicodedata

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from loaders import extract_source
from loaders import patterns as P
from loaders.extract import find_mentions, normalise_symbol
from loaders.read import from_text, matching_text, normalise, unify_tones

# ``VANKIEN_EXAMPLES=5000`` for a longer search than the CI's.
EXAMPLES = int(os.environ.get("VANKIEN_EXAMPLES", "400"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])

# Vietnamese text in every form a file may have: NFC, NFD, old-style tones, combining marks after
# letters, Markdown marks, dashes, digits, slashes — plus any Unicode at all.
VIET = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯYđĐ" + "àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
COMBINING = "\u0300\u0301\u0303\u0309\u0323\u0302\u0306\u031b"
PIECES = [
    "uỷ",
    "oà",
    "Uỷ",
    "OÀ",
    "hoá",
    "khoá",
    "Thuỵ",
    "Nghị quyết số ",
    "Kết luận số ",
    "-NQ/TW",
    "/TU",
    "/2024/NĐ-CP",
    " ngày ",
    "/",
    "-",
    "–",
    " của Bộ Chính trị",
    "**",
    "*",
    "# ",
    "`",
    "\n",
    "\r\n",
    "\t",
    "\u00a0",
    "\ufeff",
    "“",
    "”",
    "date 2024-04 ",
    "Căn cứ ",
    "thực hiện ",
    "1. ",
    "a) ",
    "- ",
]
viet_text = st.lists(
    st.one_of(st.sampled_from(PIECES), st.text(alphabet=VIET + COMBINING + " 0123456789.,;:()", max_size=8)),
    max_size=40,
).map("".join)
any_text = st.one_of(st.text(max_size=300), viet_text, viet_text.map(lambda s: unicodedata.normalize("NFD", s)))


@SETTINGS
@given(any_text)
@example("oà\u0301")  # a tone pair followed by a combining mark
@example("Uỷ\u0323 ban")
def test_normalising_twice_changes_nothing(text):
    once = normalise(text)
    assert normalise(once) == once
    assert unicodedata.is_normalized("NFC", once)


@SETTINGS
@given(any_text)
def test_tone_unification_is_length_preserving_and_idempotent(text):
    text = unicodedata.normalize("NFC", text)
    once = unify_tones(text)
    assert len(once) == len(text)
    assert unify_tones(once) == once


@SETTINGS
@given(any_text)
def test_matching_text_keeps_offsets(text):
    src = from_text(text, name="x.txt")
    assert len(src.match) == len(src.text)
    assert len(matching_text(src.text)) == len(src.text)


@SETTINGS
@given(any_text)
def test_the_citation_parser_never_crashes(text):
    src = from_text(text, name="x.txt")
    for m in find_mentions(src, 0, len(src.text)):
        assert 0 <= m.full_span[0] <= m.span[0] < m.span[1] <= len(src.text)
        assert m.full_span[1] >= m.span[1]
        assert m.symbol.strip() == m.symbol and m.symbol
        if m.date is not None:
            dt.date.fromisoformat(m.date)


@settings(
    max_examples=max(EXAMPLES // 3, 50), deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
@given(any_text)
def test_the_whole_extraction_never_crashes(text):
    doc = extract_source(from_text(text, name="x.txt"))
    for c in doc.citations:
        for a, b in c.mentions:
            assert 0 <= a < b <= len(doc.text or text) + 1


# -- a formatted symbol parses back to itself ---------------------------------------------------------
PARTY_TYPES = [
    "NQ",
    "KL",
    "QĐ",
    "QĐi",
    "CT",
    "CTr",
    "KH",
    "TB",
    "ĐA",
    "HD",
    "HĐ",
    "BC",
    "CV",
    "QC",
    "TTr",
    "TC",
    "HDTH",
]
PARTY_ISSUERS = ["TW", "TU", "HU", "QU", "ĐU", "BTCTW", "BTGTW", "UBKTTW", "VPTW", "BCSĐ", "ĐUK", "BTV", "ĐUCA"]
STATE_CODES = [
    "NĐ-CP",
    "QĐ-TTg",
    "NQ-CP",
    "CT-TTg",
    "TT-BTC",
    "QH15",
    "QH14",
    "UBTVQH15",
    "NQ-HĐND",
    "QĐ-UBND",
    "TTLT-BTC-BNV",
]
TYPE_WORDS = ["Nghị quyết", "Kết luận", "Chỉ thị", "Quyết định", "Kế hoạch", "Thông báo", "Nghị định"]

dates = st.dates(min_value=dt.date(1945, 1, 1), max_value=dt.date(2099, 12, 31))
numbers = st.integers(min_value=1, max_value=99999).map(str)


@st.composite
def party_symbols(draw) -> tuple[str, str]:
    """(canonical symbol, the symbol as printed with one of the spacing variants)."""
    number, type_code, issuer = draw(numbers), draw(st.sampled_from(PARTY_TYPES)), draw(st.sampled_from(PARTY_ISSUERS))
    dash = draw(st.sampled_from(["-", " - ", "- ", " -", "/"]))
    slash = draw(st.sampled_from(["/", " / ", "/ "]))
    return f"{number}-{type_code}/{issuer}", f"{number}{dash}{type_code}{slash}{issuer}"


@st.composite
def state_symbols(draw) -> tuple[str, str]:
    number, code = draw(numbers), draw(st.sampled_from(STATE_CODES))
    year = draw(st.one_of(st.none(), st.integers(min_value=1990, max_value=2099).map(str)))
    if year is None and "-" not in code:
        code = "NQ-" + code
    symbol = f"{number}/{year}/{code}" if year else f"{number}/{code}"
    return symbol, symbol


@SETTINGS
@given(
    st.one_of(party_symbols(), state_symbols()),
    dates,
    st.sampled_from(TYPE_WORDS),
    st.sampled_from(["{d}/{m}/{y}", "{d:02d}/{m:02d}/{y}", "{d}-{m}-{y}", "{d} tháng {m} năm {y}"]),
    st.sampled_from(["", "Thực hiện ", "Căn cứ ", "- Triển khai thực hiện "]),
    st.sampled_from(["", ".", ",", " về tăng cường công tác cán bộ."]),
)
@example(("21-KL/TW", "21-KL/TW"), dt.date(2021, 10, 25), "Kết luận", "{d}/{m}/{y}", "", "")
@example(("18-NQ/TW", "18 - NQ/TW"), dt.date(2022, 6, 16), "Nghị quyết", "{d:02d}/{m:02d}/{y}", "Căn cứ ", ".")
def test_a_formatted_symbol_parses_back_to_itself(symbol, date, type_word, date_format, before, after):
    canonical, printed = symbol
    when = date_format.format(d=date.day, m=date.month, y=date.year)
    text = f"{before}{type_word} số {printed} ngày {when} của Bộ Chính trị{after}"
    src = from_text(text, name="x.txt")
    mentions = find_mentions(src, 0, len(src.text))
    assert [m.symbol for m in mentions] == [canonical], text
    m = mentions[0]
    assert m.date == date.isoformat(), text
    assert src.text[m.span[0] : m.span[1]] == unicodedata.normalize("NFC", printed), text
    assert m.type_word == type_word, text
    again = P.SYMBOL_RE.search(canonical)
    assert again and normalise_symbol(again)[0] == canonical


@SETTINGS
@given(st.one_of(party_symbols(), state_symbols()), dates)
def test_a_symbol_reads_the_same_in_nfd_and_old_style_tones(symbol, date):
    canonical, printed = symbol
    text = f"Thực hiện Nghị quyết số {printed} ngày {date.day}/{date.month}/{date.year} của Tỉnh uỷ Hoà Bình."
    results = []
    for variant in (text, unicodedata.normalize("NFD", text), normalise(text)):
        src = from_text(variant, name="x.txt")
        results.append([(m.symbol, m.date) for m in find_mentions(src, 0, len(src.text))])
    assert results[0] == results[1] == results[2] == [(canonical, date.isoformat())]


def test_symbol_grammar_examples_are_exhaustive():
    """The generators cover every Party type code of the grammar (so a new code gets a round trip)."""
    codes = re.search(r"\(\?P<p_type>([^)]*)\)", P.PARTY_SYMBOL).group(1).split("|")
    canonical = {normalise_symbol(P.SYMBOL_RE.search(f"1-{c}/TW"))[2] for c in codes}
    assert canonical <= set(PARTY_TYPES), canonical - set(PARTY_TYPES)
