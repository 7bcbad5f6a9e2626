"""Stage 3 — extract: citations, bodies, people, meetings, tasks, deadlines and projects,
each with its span, from a ``Source`` and its ``Structure``.

>>> from loaders.read import from_text
>>> src = from_text("Triển khai thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.", name="x")
>>> [(m.symbol, m.date, m.issuer) for m in find_mentions(src, 0, len(src.text))]
[('21-KL/TW', '2021-10-25', 'Ban Chấp hành Trung ương Đảng')]
"""

from __future__ import annotations

import re
from dataclasses import replace

from loaders import patterns as P
from loaders.bodies import bodies_list_at, body_at, display_body_name
from loaders.dates import date_of
from loaders.model import Mention, Span
from loaders.patterns import meta as M
from loaders.read import Source
from loaders.vocab import BodyKind, vocabulary

# --- symbols ------------------------------------------------------------------------------------
_PARTY_TYPES = {"NQ", "KL", "QĐ", "CT", "CTR", "KH", "TB", "ĐA", "HD", "BC", "CV", "QC", "TTR"}
_LOCAL_PARTY_CODE = re.compile(r"^(?:TU|HU|QU|TXU|ĐU|ĐUK|BCSĐ|BTV)$", re.I)
_PARTY_TYPE_CASE = {"CTR": "CTr", "TTR": "TTr", "QD": "QĐ", "DA": "ĐA", "HĐ": "HĐ", "QĐI": "QĐi"}
_CENTRAL_PARTY_ISSUERS = {
    "TW",
    "BTCTW",
    "BTGTW",
    "BDVTW",
    "UBKTTW",
    "VPTW",
    "BKTTW",
    "BNCTW",
    "BTGDVTW",
    "ĐUQSTW",
    "ĐUCA",
    "BCĐTW",
    "VPCP",
    "BCSĐCP",
    "ĐĐQH",
}
_CENTRAL_STATE_ISSUERS = re.compile(r"^(?:QH\d*|UBTVQH\d*|CP|TTg|VPCP|CTN|TANDTC|VKSNDTC|KTNN|NHNN|B[A-ZĐ]{1,8}|TTCP)$")
_LOCAL_ISSUERS = re.compile(
    r"^(?:TU|HU|QU|TxU|ThU|ĐU|ĐUK|UBND|VPUBND|HĐND|BCSĐ|BTV|VPTU|BTGTU|BTCTU|BDVTU|UBKTTU|BCĐ)$", re.I
)
# A state symbol's type code where it names another type than a Party symbol's ("QĐ": a decision, not a regulation);
# every other code reads as in data/reference/doc_types.csv
_STATE_TYPE_WORD = {"QĐ": "Quyết định"}
_TYPE_WORD_BY_UPPER_CODE = {code.upper(): word for code, word in P.TYPE_WORD_BY_CODE.items()}
_STATE_ISSUER_NAME = {
    "QH": "Quốc hội",
    "UBTVQH": "Ủy ban Thường vụ Quốc hội",
    "CP": "Chính phủ",
    "TTg": "Thủ tướng Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "UBND": "Ủy ban nhân dân tỉnh",
    "HĐND": "Hội đồng nhân dân tỉnh",
}


def normalise_symbol(m: re.Match) -> tuple[str, str, str, str, bool]:
    """(symbol, number, type code, issuer code, is_state) of a ``SYMBOL_RE`` match.

    >>> normalise_symbol(P.SYMBOL_RE.search("số 27 - CTR / TU"))
    ('27-CTr/TU', '27', 'CTr', 'TU', False)
    >>> normalise_symbol(P.SYMBOL_RE.search("Nghị định 178/2024/NĐ-CP"))
    ('178/2024/NĐ-CP', '178', 'NĐ', 'CP', True)
    """
    if m.group("p_number"):
        number, type_code = m.group("p_number"), m.group("p_type")
        type_code = _PARTY_TYPE_CASE.get(type_code.upper(), type_code.upper())
        issuer = m.group("p_issuer").upper().replace("TXU", "TxU")
        return f"{number}-{type_code}/{issuer}", number, type_code, issuer, False
    number, year, code = m.group("s_number"), m.group("s_year"), m.group("s_code")
    parts = code.split("-")
    if (
        not year
        and len(parts) == 2
        and (parts[1].upper().endswith("TW") or _LOCAL_PARTY_CODE.match(parts[1]))
        and parts[0].upper() in _PARTY_TYPES
    ):  # "141/KH-BCĐTW": a Party document printed the state way
        type_code = _PARTY_TYPE_CASE.get(parts[0].upper(), parts[0].upper())
        issuer = parts[1].upper().replace("TXU", "TxU")
        return f"{number}-{type_code}/{issuer}", number, type_code, issuer, False
    if len(parts) >= 2 and _LOCAL_ISSUERS.match(parts[0]):  # "512/UBND-NV": a unit's letter of the committee
        type_code, issuer = parts[0].upper(), code
    elif len(parts) >= 2:
        type_code, issuer = parts[0].upper(), "-".join(parts[1:])
    else:
        type_code, issuer = re.sub(r"\d+$", "", code), code
    symbol = f"{number}/{year + '/' if year else ''}{code}"
    return symbol, number, type_code, issuer, True


def level_of(issuer_code: str, state: bool) -> str:
    """central | provincial | other, from the issuer code.

    >>> level_of("TW", False), level_of("TU", False), level_of("QH15", True), level_of("UBND", True)
    ('central', 'provincial', 'central', 'provincial')
    >>> level_of("TB-VPUBND", True), level_of("UBND-NV", True)  # a committee's office; a unit's letter of it
    ('provincial', 'provincial')
    """
    code = issuer_code.split("-")[-1]
    if any(_LOCAL_ISSUERS.match(part) for part in issuer_code.split("-")):
        return "provincial"
    if not state and (code in _CENTRAL_PARTY_ISSUERS or code.endswith("TW")):
        return "central"
    if state and _CENTRAL_STATE_ISSUERS.match(code):
        return "central"
    return "other"


# --- citations ----------------------------------------------------------------------------------
def _tail(text: str, pos: int, limit: int, level: str) -> tuple[int, str | None, str | None, str | None, Span | None]:
    """Parse the tail of a citation at ``pos``: date, issuer, term and title in any order.
    Issuers must be bodies of the citation's level (a central document has central issuers)."""
    date = issuer = term = title = None
    # a footnote marker on the symbol: "132-KL/TW³ của …", "401/QĐ-TTg(1) của …", "58-NQ/TW[2] ngày …"
    marker = re.match(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\(\d{1,2}\)|\[\d{1,2}\]", text[pos : pos + 4])
    pos += marker.end() if marker else 0
    for _ in range(5):
        chunk = text[pos:limit]
        m = re.match(rf"\s*,?\s*\(?\s*(?:ban hành\s+|cùng\s+)?{P.DATED_RE.pattern}\s*\)?", chunk, re.I)
        if m and date is None:
            date = date_of(m) or ""
            pos += m.end()
            continue
        # a date without "ngày" right after the symbol: "Kế hoạch số 86-KH/TU, 9-8-2022 của …"
        m = re.match(rf"\s*,\s*{P.NUMERIC_DATE}(?=\s*(?:của|về|[,;.)]))", chunk)
        if m and date is None and date_of(m):
            date = date_of(m)
            pos += m.end()
            continue
        m = re.match(r"\s*,?\s*cùng ngày", chunk, re.I)
        if m and date is None:
            date = "same"
            pos += m.end()
            continue
        m = P.OF_RE.match(chunk) or M.PLENUM_RE.match(chunk)
        stated = _issuer_at(text, pos + m.end(), level) if m and issuer is None else None
        if stated:
            pos, issuer = stated
            former = M.FORMER_MARK_RE.match(text, pos)  # "… của Tỉnh ủy Tiền Giang (cũ)": before the 2025 merger
            pos = former.end() if former and former.end() <= limit else pos
            continue
        m = re.match(rf"\s*,?\s*{P.TERM_RE.pattern}", chunk, re.I)
        if m and term is None:
            term = m.group("term").upper()
            pos += m.end()
            continue
        break
    m = P.ABOUT_RE.match(text[pos:limit])
    if m:
        start = pos + m.end()
        title_end = P.TITLE_END_RE.search(text, start, limit)
        stop = title_end.start() if title_end else start + min(200, limit - start)
        for comma in re.finditer(r",\s*", text[start:stop]):
            if body_at(text, start + comma.end()):
                stop = start + comma.start()
                break
        about = pos + len(m.group(0)) - len(m.group(0).lstrip(" ,"))
        title = (about, stop)  # a span: the caller takes the text as printed
        pos = stop
    return pos, (date or None) if date != "" else None, issuer, term, title


def _issuer_at(text: str, p: int, level: str) -> tuple[int, str] | None:
    """The issuer named at ``p`` (after "của", or the plenum a resolution came from: "Hội nghị lần thứ sáu Ban
    Chấp hành Trung ương Đảng", "Hội nghị Trung ương 6" — the Central Committee's) and where it ends; bodies of
    the citation's level only (a central document has central issuers)."""
    skip = re.match(r"(?:Hội nghị\s+(?:lần thứ\s+\w+\s+|(?P<plenum>Trung ương)\s+\w+\s+)?)", text[p : p + 40], re.I)
    if skip:
        p += skip.end()
    end, bodies = bodies_list_at(text, p)
    # "… của Ban Chấp hành Đảng bộ tỉnh, Ban Thường vụ Đảng ủy X ban hành Kế hoạch …": the last body is the subject
    # of the sentence's own clause, not one more issuer of the document cited
    while (
        len(bodies) > 1 and "," in text[bodies[-2][1] : bodies[-1][0]] and M.CLAUSE_VERB_RE.match(text, bodies[-1][1])
    ):
        bodies.pop()
        end = bodies[-1][1]
    if level in ("central", "provincial"):  # "any": an ambiguous code, the stated issuer decides
        kept = []
        local = {"provincial", "district", "commune"}  # a citation's level: local bodies are all "provincial"
        for b in bodies:
            if b[2].level != level and not (level == "provincial" and b[2].level in local):
                break
            kept.append(b)
        bodies = kept
        end = bodies[-1][1] if bodies else end
    if bodies:
        return end, ", ".join(display_body_name(b[3], b[2]) for b in bodies)
    central = vocabulary().body_by_key("ban-chap-hanh-trung-uong-dang")
    if skip and skip.group("plenum") and level in ("central", "any") and central:
        return p, central.name
    return None


_PLACE_OR_TERM_RE = re.compile(
    rf"\s+(?:kh[óo]a\s+[IVXLC]+|[{P.UPPER}][{P.LOWER}]+(?:\s+[{P.UPPER}][{P.LOWER}]+){{0,2}})\s*", re.I
)


def _issuer_before(text: str, pos: int, level: str) -> tuple[str | None, str | None]:
    """ "(Ngày 16/6/2025,) Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số …": the body that issued a list of
    documents, and the date the sentence opens with."""
    sentence_start = max(text.rfind(c, 0, pos) for c in ".;\n") + 1
    prefix = text[sentence_start:pos]
    if not prefix.strip() and text[sentence_start - 1 : sentence_start] == ";":
        # "X ban hành Kế hoạch số A …; Chỉ thị số B …": the list of what X issued goes on after a semicolon
        clause = max(text.rfind(c, 0, sentence_start - 1) for c in ".;\n") + 1
        first = M.LISTED_DOCUMENT_RE.search(text, clause, sentence_start - 1)
        return (_issuer_before(text, first.start(), level)[0], None) if first else (None, None)
    # skip back over earlier citations of the same list ("Kế hoạch số 350-KH/TU … và (, cùng ngày,) ")
    stripped = re.sub(
        rf"(?:(?:{P.DOC_TYPE_ALT})\s+(?:số\s+)?\S+(?:[^,]{{0,80}}?)(?:,|\s+và)\s*)+$",
        "",
        M.SAME_DAY_RE.sub("", prefix),
        flags=re.I,
    )
    stripped = re.sub(
        r"\s*\(\s*kh[óo]a\s+[IVXLC]+\s*\)", "", stripped, flags=re.I
    )  # "Bộ Chính trị (khóa XII) ban hành"
    m = P.ISSUED_BY_RE.search(stripped)
    if not m:
        return None, None
    bodies = [
        b for b in vocabulary().find_bodies(stripped[: m.start()]) if level in ("any", "other") or b[2].level == level
    ]
    listed: list[tuple[int, int, BodyKind]] = []
    edge = m.start()
    for b in reversed(bodies):  # "Bộ Chính trị, Ban Bí thư ban hành …": the bodies listed before the verb
        # (the last one may carry its place or term: "Tỉnh ủy Đắk Lắk ban hành", "… Trung ương Đảng khóa XIII ban hành")
        if b[1] != edge and not (edge == m.start() and _PLACE_OR_TERM_RE.fullmatch(stripped[b[1] : edge])):
            break
        listed.insert(0, b)
        join = M.LIST_JOIN_RE.search(stripped[: b[0]])
        if not join:
            break
        edge = join.start()
    if not listed:
        return None, None
    # "Ngày 16 tháng 6 năm 2022, (Hội nghị lần thứ năm) Ban Chấp hành Trung ương … ban hành"
    opening = re.match(
        rf"\s*Ngày\s+(?:{P.NUMERIC_DATE}|{P.WORDED_DATE})\s*,\s*(?:Hội nghị[^,]{{0,40}}?\s)?$",
        stripped[: listed[0][0]],
        re.I,
    )
    names = ", ".join(display_body_name(stripped[s:e], kind) for s, e, kind in listed)
    return names, (date_of(opening) if opening else None)


def find_mentions(source: Source, start: int, end: int) -> list[Mention]:
    """Every numbered document cited between ``start`` and ``end``.

    Long: one pass over the symbols reads each mention with its type word, tail and the issuer or date stated before
    it; the steps share the previous date ("cùng ngày") and the level that a stated issuer decides."""
    text = source.match.translate(_NO_MARKS)  # "của Bộ Chính trị²": the mark is no letter of the name
    out: list[Mention] = []
    previous_date = None
    for m in P.SYMBOL_RE.finditer(text, start, end):
        symbol, number, type_code, issuer_code, state = normalise_symbol(m)
        if state and not (m.group("s_year") or "-" in m.group("s_code")):
            continue  # "12/2023" and the like are not symbols
        before = P.TYPE_BEFORE_RE.search(text[max(0, m.start() - 45) : m.start()])
        type_word = None
        full_start = m.start()
        if before:
            type_word = before.group("type")
            type_word = type_word[0].upper() + type_word[1:].lower()
            if type_word.startswith("Chương trình"):
                type_word = "Chương trình"
            if type_word.startswith("Thông báo"):
                type_word = "Thông báo"
            full_start = m.start() - (len(text[max(0, m.start() - 45) : m.start()]) - before.start())
        elif state and (law := M.NAMED_LAW_BEFORE_RE.search(text, max(0, m.start() - 120), m.start())):
            type_word = law.group("type")[0].upper() + law.group("type")[1:].lower()  # "Luật … số 72/2025/QH15"
        elif state:
            type_word = (
                _STATE_TYPE_WORD.get(type_code)
                or _TYPE_WORD_BY_UPPER_CODE.get(type_code.upper())  # "32/BC-HĐND": a report
                or ("Nghị quyết" if re.match(r"(UBTV)?QH", type_code) else None)
            )
        else:
            type_word = P.TYPE_WORD_BY_CODE.get(type_code)
        level = level_of(issuer_code, state)
        ambiguous = issuer_code.split("-")[-1].upper() in P.AMBIGUOUS_ISSUER_CODES
        tail_end, date, issuer, term, title = _tail(
            text, m.end(), min(end, m.end() + 400), "any" if ambiguous else level
        )
        if issuer is None:
            issuer, date_before = _issuer_before(text, full_start, level)
            date = date or date_before
        if date == "same":
            date = previous_date
        if date:
            previous_date = date
        if issuer is None and state:
            code = issuer_code.split("-")[-1]
            issuer = _STATE_ISSUER_NAME.get(re.sub(r"\d+$", "", code)) or _STATE_ISSUER_NAME.get(code)
        department = department_of(issuer_code.split("-")[-1]) if state and level == "other" else None
        if department is not None:  # "85/TTr-SDTTG": a Sở of the province
            issuer, level = issuer or department.name, department.level
        title_text = None
        if title:
            title_text = (
                re.sub(r"\s+", " ", re.sub(r"\*{1,2}|__", "", source.text[title[0] : title[1]])).strip(" ,_") or None
            )
        if ambiguous and issuer:
            stated = vocabulary().body_by_name(issuer.split(", ")[0])
            level = stated.level if stated else level
        out.append(
            Mention(
                (m.start(), m.end()),
                (full_start, tail_end),
                symbol,
                number,
                type_code,
                issuer_code,
                type_word,
                date,
                issuer,
                term,
                title_text,
                state,
                level,
            )
        )
    return _share_list_tails(text, out)


def _share_list_tails(text: str, mentions: list[Mention]) -> list[Mention]:
    """ "Quy định số 131-QĐ/TW và Quy định số 132-QĐ/TW cùng ngày 27/10/2023 của Bộ Chính trị", "Nghị quyết số
    18-NQ/TW và số 19-NQ/TW ngày 25/10/2017 …": members of a
    list with no tail of their own take the date, issuer and term stated once after the list."""
    out = list(mentions)
    for i in range(len(out) - 2, -1, -1):
        m, nxt = out[i], out[i + 1]
        bare = m.full_span[1] == m.span[1] and m.date is None and m.issuer is None
        joined = re.fullmatch(r"\s*(?:,|và|,\s*và)\s*(?:số\s*)?", text[m.full_span[1] : nxt.full_span[0]])
        if (
            bare
            and joined
            and (nxt.type_code, nxt.issuer_code, nxt.state) == (m.type_code, m.issuer_code, m.state)
            and (nxt.date or nxt.issuer)
        ):
            out[i] = replace(m, date=nxt.date, issuer=nxt.issuer, term=m.term or nxt.term, level=nxt.level)
    return out


_NO_MARKS = str.maketrans(dict.fromkeys(M.SUPERSCRIPT_MARKS, " "))


def department_of(code: str) -> BodyKind | None:
    """The department (Sở) of a province whose initials a state issuer code spells, where one department of the
    vocabulary has them ("SDTTG" → Sở Dân tộc và Tôn giáo; "SNV" is Sở Nội vụ or Sở Ngoại vụ: none).

    >>> department_of("SDTTG").name, department_of("SKHCN").name, department_of("SNV"), department_of("UBND")
    ('Sở Dân tộc và Tôn giáo', 'Sở Khoa học và Công nghệ', None, None)
    """
    m = M.DEPARTMENT_CODE_RE.fullmatch(code)
    if not m:
        return None
    found = _DEPARTMENTS.get(_fold(m.group("initials")), [])
    return found[0] if len(found) == 1 else None


def _fold(initials: str) -> str:
    return initials.upper().replace("Đ", "D").replace("&", "")


def _initials(name: str) -> str:
    """ "Dân tộc và Tôn giáo" → "DTTG"; "Lao động - Thương binh và Xã hội" → "LDTBXH"."""
    return _fold("".join(w[0] for w in re.split(r"[\s,-]+", name) if w and w.lower() != "và"))


def _departments() -> dict[str, list[BodyKind]]:
    """The departments of the vocabulary by their initials."""
    out: dict[str, list[BodyKind]] = {}
    for body in vocabulary().bodies:
        if body.name.startswith("Sở ") and not body.is_group:
            out.setdefault(_initials(body.name.split(None, 1)[1]), []).append(body)
    return out


_DEPARTMENTS = _departments()
