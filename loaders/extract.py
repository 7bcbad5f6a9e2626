"""Stage 3 — extract: citations, bodies, people, meetings, tasks, deadlines and projects,
each with its span, from a ``Source`` and its ``Structure``.

>>> from loaders.read import from_text
>>> src = from_text("Triển khai thực hiện Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng.", name="x")
>>> [(m.symbol, m.date, m.issuer) for m in find_mentions(src, 0, len(src.text))]
[('21-KL/TW', '2021-10-25', 'Ban Chấp hành Trung ương Đảng')]
"""
from __future__ import annotations

import bisect
import calendar
import re
from collections import Counter
from dataclasses import dataclass

from loaders import patterns as P
from loaders.model import BodyRef, Mention, Meeting, Person, Signer, Span
from loaders.read import Source
from loaders.vocab import BodyKind, key, vocabulary

# --- symbols ------------------------------------------------------------------------------------
_PARTY_TYPES = {"NQ", "KL", "QĐ", "CT", "CTR", "KH", "TB", "ĐA", "HD", "BC", "CV", "QC", "TTR"}
_LOCAL_PARTY_CODE = re.compile(r"^(?:TU|HU|QU|TXU|ĐU|ĐUK|BCSĐ|BTV)$", re.I)
_PARTY_TYPE_CASE = {"CTR": "CTr", "TTR": "TTr", "QD": "QĐ", "DA": "ĐA", "HĐ": "HĐ"}
_CENTRAL_PARTY_ISSUERS = {"TW", "BTCTW", "BTGTW", "BDVTW", "UBKTTW", "VPTW", "BKTTW", "BNCTW", "BTGDVTW", "ĐUQSTW",
                          "ĐUCA", "BCĐTW", "VPCP", "BCSĐCP", "ĐĐQH"}
_CENTRAL_STATE_ISSUERS = re.compile(r"^(?:QH\d*|UBTVQH\d*|CP|TTg|VPCP|CTN|TANDTC|VKSNDTC|KTNN|NHNN|B[A-ZĐ]{1,8}|TTCP)$")
_LOCAL_ISSUERS = re.compile(r"^(?:TU|HU|QU|TxU|ThU|ĐU|ĐUK|UBND|HĐND|BCSĐ|BTV|VPTU|BTGTU|BTCTU|BDVTU|UBKTTU|BCĐ)$", re.I)
_STATE_TYPE_WORD = {"NĐ": "Nghị định", "QĐ": "Quyết định", "TT": "Thông tư", "NQ": "Nghị quyết", "CT": "Chỉ thị",
                    "TTLT": "Thông tư liên tịch", "KH": "Kế hoạch", "CV": "Công văn", "TB": "Thông báo", "L": "Luật"}
_STATE_ISSUER_NAME = {"QH": "Quốc hội", "UBTVQH": "Ủy ban Thường vụ Quốc hội", "CP": "Chính phủ",
                      "TTg": "Thủ tướng Chính phủ", "VPCP": "Văn phòng Chính phủ", "UBND": "Ủy ban nhân dân tỉnh",
                      "HĐND": "Hội đồng nhân dân tỉnh"}


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
    if not year and len(parts) == 2 and (parts[1].upper().endswith("TW") or _LOCAL_PARTY_CODE.match(parts[1])) \
            and parts[0].upper() in _PARTY_TYPES:  # "141/KH-BCĐTW": a Party document printed the state way
        type_code = _PARTY_TYPE_CASE.get(parts[0].upper(), parts[0].upper())
        issuer = parts[1].upper().replace("TXU", "TxU")
        return f"{number}-{type_code}/{issuer}", number, type_code, issuer, False
    if len(parts) >= 2:
        type_code, issuer = parts[0].upper(), "-".join(parts[1:])
    else:
        type_code, issuer = re.sub(r"\d+$", "", code), code
    symbol = f"{number}/{year + '/' if year else ''}{code}"
    return symbol, number, type_code, issuer, True


def level_of(issuer_code: str, state: bool) -> str:
    """central | provincial | other, from the issuer code.

    >>> level_of("TW", False), level_of("TU", False), level_of("QH15", True), level_of("UBND", True)
    ('central', 'provincial', 'central', 'provincial')
    """
    code = issuer_code.split("-")[-1]
    if _LOCAL_ISSUERS.match(code):
        return "provincial"
    if not state and (code in _CENTRAL_PARTY_ISSUERS or code.endswith("TW")):
        return "central"
    if state and _CENTRAL_STATE_ISSUERS.match(code):
        return "central"
    return "other"


# --- dates --------------------------------------------------------------------------------------
def iso_date(d: str | int, m: str | int, y: str | int) -> str | None:
    """ISO date, or None when the day or month is impossible.

    >>> iso_date("9", "8", "2019"), iso_date(31, 2, 2020)
    ('2019-08-09', None)
    """
    d, m, y = int(d), int(m), int(y)
    if not (1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]):
        return None
    return f"{y:04d}-{m:02d}-{d:02d}"


def date_of(match: re.Match) -> str | None:
    """The ISO date of a ``DATE_RE``/``DATED_RE`` match (None when the year is missing)."""
    g = match.groupdict()
    if g.get("y"):
        return iso_date(g["d"], g["m"], g["y"])
    if g.get("wy"):
        return iso_date(g["wd"], g["wm"], g["wy"])
    return None


_ROMAN_Q = {"I": 1, "II": 2, "III": 3, "IV": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def find_deadline(text: str) -> tuple[str | None, str | None, bool]:
    """(ISO deadline, the phrase, ongoing) of a task's text.

    >>> find_deadline("hoàn thành trước ngày 15/4/2024")[0]
    '2024-04-15'
    >>> find_deadline("trong quý I năm 2024")[0], find_deadline("trong tháng 10/2025")[0]
    ('2024-03-31', '2025-10-31')
    >>> find_deadline("thực hiện thường xuyên")
    (None, 'thường xuyên', True)
    """
    if not P.YEAR_RE.search(text):  # every dated deadline form carries a year: skip them at once
        m = P.ONGOING_RE.search(text)
        return (None, m.group(0), True) if m else (None, None, False)
    m = P.DEADLINE_BEFORE_RE.search(text)
    if m:
        return date_of(m), m.group(0), False
    m = P.DEADLINE_QUARTER_RE.search(text)
    if m and re.search(r"\b(?:trong|trước|hết|hoàn thành)\b", text[max(0, m.start() - 30):m.end()], re.I):
        q, y = _ROMAN_Q[m.group("q").upper()], int(m.group("y"))
        return iso_date(calendar.monthrange(y, q * 3)[1], q * 3, y), m.group(0).strip(), False
    m = P.DEADLINE_MONTH_RE.search(text)
    if m:
        mo, y = int(m.group("m")), int(m.group("y"))
        if 1 <= mo <= 12:
            return iso_date(calendar.monthrange(y, mo)[1], mo, y), m.group(0), False
    m = P.ONGOING_RE.search(text)
    if m:
        return None, m.group(0), True
    return None, None, False


def cell_deadline(text: str) -> tuple[str | None, str | None, bool]:
    """The deadline in a task table's deadline cell, where a bare "Quý I/2024" is a deadline.

    >>> cell_deadline("Quý II/2024"), cell_deadline("Tháng 6/2025")[0], cell_deadline("Năm 2024")[0]
    (('2024-06-30', 'Quý II/2024', False), '2025-06-30', '2024-12-31')
    """
    found = find_deadline(text)
    if found[0] or found[2]:
        return found
    m = P.CELL_QUARTER_RE.search(text)
    if m:
        q, y = _ROMAN_Q[m.group("q").upper()], int(m.group("y"))
        return iso_date(calendar.monthrange(y, q * 3)[1], q * 3, y), m.group(0), False
    m = P.CELL_MONTH_RE.search(text)
    if m and 1 <= int(m.group("m")) <= 12:
        mo, y = int(m.group("m")), int(m.group("y"))
        return iso_date(calendar.monthrange(y, mo)[1], mo, y), m.group(0), False
    m = P.DATE_RE.search(text)
    if m and date_of(m):
        return date_of(m), m.group(0), False
    m = P.CELL_YEAR_RE.match(text)
    if m:
        return f"{m.group('y')}-12-31", m.group(0).strip(), False
    return None, None, False


# --- bodies -------------------------------------------------------------------------------------
def display_body_name(printed: str, kind: BodyKind) -> str:
    """The canonical name when the printed one is a form of it, else the printed name
    ("Tỉnh ủy" stays "Tỉnh ủy"; "Ban Bí thư Trung ương Đảng" becomes "Ban Bí thư")."""
    a, b = key(printed), key(kind.name)
    if a.startswith(b) or b.startswith(a) or a == b:
        return kind.name
    ta, tb = set(a.split()), set(b.split())
    return kind.name if len(ta & tb) / max(len(ta), len(tb)) >= 0.5 else re.sub(r"\s+", " ", printed).strip()


def display_form(printed: str, kind: BodyKind) -> str:
    """The name to show for a printed body name: canonical, or the alias as the vocabulary spells it
    ("TỈNH ỦY" → "Tỉnh ủy")."""
    name = display_body_name(printed, kind)
    if name == kind.name:
        return name
    return next((a for a in kind.aliases if key(a) == key(printed)), name)


def body_at(text: str, pos: int) -> tuple[int, BodyKind, str] | None:
    """The body named exactly at ``pos`` (end, kind, printed name), if any."""
    m = vocabulary()._body_re.match(text, pos)
    if not m:
        return None
    kind = vocabulary().body_by_name(m.group(0))
    return (m.end(), kind, m.group(0)) if kind else None


def bodies_list_at(text: str, pos: int) -> tuple[int, list[tuple[int, int, BodyKind, str]]]:
    """A list of bodies at ``pos``: "X, Y và Z" → [(start, end, kind, printed)…]; stops at anything else."""
    found = []
    while True:
        hit = body_at(text, pos)
        if not hit:
            break
        end, kind, printed = hit
        # a province name right after a body belongs to it ("Ban Thường vụ Tỉnh ủy Yên Bái")
        after = re.match(r"\s+(?:tỉnh\s+)?([A-ZĐ][^\s,;.]*(?:\s+[A-ZĐ][^\s,;.]*){0,3})", text[end:end + 40])
        if after and vocabulary().province_by_name(after.group(1)):
            end += after.end()
        found.append((pos, end, kind, printed))
        sep = re.match(r"\s*(?:,|và|;)\s*", text[end:end + 6])
        if not sep:
            pos = end
            break
        nxt = end + sep.end()
        if not body_at(text, nxt):
            pos = end
            break
        pos = nxt
    return pos, found


def body_ref(start: int, end: int, kind: BodyKind, printed: str) -> BodyRef:
    return BodyRef(display_body_name(printed, kind), kind.key, kind.level, (start, end))


# --- citations ----------------------------------------------------------------------------------
def _tail(text: str, pos: int, limit: int, level: str) -> tuple[int, str | None, str | None, str | None, Span | None]:
    """Parse the tail of a citation at ``pos``: date, issuer, term and title in any order.
    Issuers must be bodies of the citation's level (a central document has central issuers)."""
    date = issuer = term = title = None
    for _ in range(5):
        chunk = text[pos:limit]
        m = re.match(rf"\s*,?\s*\(?\s*(?:ban hành\s+)?{P.DATED_RE.pattern}\s*\)?", chunk, re.I)
        if m and date is None:
            date = date_of(m) or ""
            pos += m.end()
            continue
        m = re.match(r"\s*,?\s*cùng ngày", chunk, re.I)
        if m and date is None:
            date = "same"
            pos += m.end()
            continue
        m = P.OF_RE.match(chunk)
        if m and issuer is None:
            p = pos + m.end()
            skip = re.match(r"(?:Hội nghị\s+(?:lần thứ\s+\w+\s+|Trung ương\s+\w+\s+)?)", text[p:p + 40], re.I)
            if skip:
                p += skip.end()
            end, bodies = bodies_list_at(text, p)
            if level in ("central", "provincial"):  # "any": an ambiguous code, the stated issuer decides
                kept = []
                for b in bodies:
                    if b[2].level != level:
                        break
                    kept.append(b)
                bodies = kept
                end = bodies[-1][1] if bodies else end
            if bodies:
                issuer = ", ".join(display_body_name(b[3], b[2]) for b in bodies)
                pos = end
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
        end = re.search(r"[;.\n]|,\s*(?=(?:" + P.DOC_TYPE_ALT + r")\s)|\s+(?=\d+/)", text[start:limit])
        stop = start + (end.start() if end else min(200, limit - start))
        for comma in re.finditer(r",\s*", text[start:stop]):
            if body_at(text, start + comma.end()):
                stop = start + comma.start()
                break
        about = pos + len(m.group(0)) - len(m.group(0).lstrip(" ,"))
        title = (about, stop)  # a span: the caller takes the text as printed
        pos = stop
    return pos, (date or None) if date != "" else None, issuer, term, title


def _issuer_before(text: str, pos: int, level: str) -> tuple[str | None, str | None]:
    """"(Ngày 16/6/2025,) Ban Thường vụ Tỉnh ủy đã ban hành Kế hoạch số …": the body that issued a list of
    documents, and the date the sentence opens with."""
    sentence_start = max(text.rfind(c, 0, pos) for c in ".;\n") + 1
    prefix = text[sentence_start:pos]
    # skip back over earlier citations of the same list ("Kế hoạch số 350-KH/TU … và ")
    stripped = re.sub(rf"(?:(?:{P.DOC_TYPE_ALT})\s+(?:số\s+)?\S+(?:[^,]{{0,80}}?)(?:,|\s+và)\s*)+$", "", prefix, flags=re.I)
    m = P.ISSUED_BY_RE.search(stripped)
    if not m:
        return None, None
    for s, e, kind in vocabulary().find_bodies(stripped[:m.start()]):
        if e == m.start() and (level in ("any", "other") or kind.level == level):
            opening = re.match(rf"\s*Ngày\s+(?:{P.NUMERIC_DATE}|{P.WORDED_DATE})\s*,\s*$", stripped[:s], re.I)
            return display_body_name(stripped[s:e], kind), (date_of(opening) if opening else None)
    return None, None


def find_mentions(source: Source, start: int, end: int) -> list[Mention]:
    """Every numbered document cited between ``start`` and ``end``."""
    text = source.match
    out: list[Mention] = []
    previous_date = None
    for m in P.SYMBOL_RE.finditer(text, start, end):
        symbol, number, type_code, issuer_code, state = normalise_symbol(m)
        if state and not (m.group("s_year") or "-" in m.group("s_code")):
            continue  # "12/2023" and the like are not symbols
        before = P.TYPE_BEFORE_RE.search(text[max(0, m.start() - 45):m.start()])
        type_word = None
        full_start = m.start()
        if before:
            type_word = before.group("type")
            type_word = type_word[0].upper() + type_word[1:].lower()
            if type_word.startswith("Chương trình"):
                type_word = "Chương trình"
            if type_word.startswith("Thông báo"):
                type_word = "Thông báo"
            full_start = m.start() - (len(text[max(0, m.start() - 45):m.start()]) - before.start())
        elif state:
            type_word = _STATE_TYPE_WORD.get(type_code) or ("Nghị quyết" if re.match(r"(UBTV)?QH", type_code) else None)
        else:
            type_word = P.TYPE_WORD_BY_CODE.get(type_code)
        level = level_of(issuer_code, state)
        ambiguous = issuer_code.split("-")[-1].upper() in P.AMBIGUOUS_ISSUER_CODES
        tail_end, date, issuer, term, title = _tail(text, m.end(), min(end, m.end() + 400),
                                                    "any" if ambiguous else level)
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
        if title:
            title = re.sub(r"\s+", " ", re.sub(r"\*{1,2}|__", "", source.text[title[0]:title[1]])).strip(" ,_") or None
        if ambiguous and issuer:
            stated = vocabulary().body_by_name(issuer.split(", ")[0])
            level = stated.level if stated else level
        out.append(Mention((m.start(), m.end()), (full_start, tail_end), symbol, number, type_code, issuer_code,
                           type_word, date, issuer, term, title, state, level))
    return out


def find_short_mentions(source: Source, start: int, end: int) -> list[tuple[Span, str, str]]:
    """Re-mentions by number only ("Chỉ thị 13", "Nghị quyết số 11"): (span, type word, number)."""
    return [((m.start(), m.end()), m.group("type"), m.group("number"))
            for m in P.SHORT_MENTION_RE.finditer(source.match, start, end)]


# --- people -------------------------------------------------------------------------------------
_NAME_RE = re.compile(P.PERSON_NAME)
_NATIONAL_TITLES = ("Tổng Bí thư", "Chủ tịch nước", "Thủ tướng Chính phủ", "Thủ tướng", "Chủ tịch Quốc hội",
                    "Phó Thủ tướng Chính phủ", "Phó Thủ tướng", "Thường trực Ban Bí thư")
_ROLE_START_RE = re.compile(r"(?:" + "|".join(sorted(map(re.escape, P.ROLE_START_WORDS), key=len, reverse=True)) + r")\b")


def _surnames() -> frozenset[str]:
    from loaders.vocab import DATA_DIR
    path = DATA_DIR / "vocab" / "surnames.csv"  # Vietnamese surnames, one per row
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(key(l) for l in lines if l.strip())


_SURNAMES = _surnames()


def is_person_name(name: str) -> bool:
    """A plausible Vietnamese personal name: 2–4 capitalised syllables starting with a surname.

    >>> is_person_name("Phạm Hoàng Sơn"), is_person_name("Ban Chấp hành")
    (True, False)
    """
    words = name.split()
    return (2 <= len(words) <= 4 and all(w[0].isupper() for w in words) and key(words[0]) in _SURNAMES
            and vocabulary().province_by_name(name) is None)


def role_phrase(text: str) -> str:
    """Cut a role segment at the first word that cannot belong to a title or a body name.

    >>> role_phrase("Chủ tịch UBND tỉnh nêu giải pháp")
    'Chủ tịch UBND tỉnh'
    >>> role_phrase("Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy cho biết")
    'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy'
    """
    words = text.split()
    kept: list[str] = []
    for w in words:
        bare = w.strip("()")
        if bare[:1].isupper() or key(bare) in P.ROLE_CONTINUE_WORDS:
            kept.append(w)
        else:
            break
    while kept and key(kept[-1]) in {"và", "phó", "chủ"}:
        kept.pop()
    return " ".join(kept)


def _roles_after(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    roles: list[str] = []
    while True:
        m = re.match(r"\s*,\s*", text[pos:limit])
        if not m:
            break
        seg_start = pos + m.end()
        if not _ROLE_START_RE.match(text, seg_start):
            break
        seg_end = re.search(r"[,;.:\n]", text[seg_start:limit])
        seg = text[seg_start: seg_start + (seg_end.start() if seg_end else limit - seg_start)]
        phrase = role_phrase(seg)
        if not phrase:
            break
        roles.append(phrase)
        pos = seg_start + len(phrase)
        if len(phrase) < len(seg.rstrip()):
            break
    return roles, pos


def find_persons(source: Source, start: int, end: int) -> list[Person]:
    """Named people with the positions the text gives them."""
    text, shown = source.match, source.text
    found: dict[str, tuple[list[str], list[Span]]] = {}

    def add(name: str, roles: list[str], span: Span) -> None:
        entry = found.setdefault(name, ([], []))
        for r in roles:
            if key(r) not in {key(x) for x in entry[0]}:
                entry[0].append(r)
        entry[1].append(span)

    for m in P.COMRADE_RE.finditer(text, start, end):
        pos = m.end()
        while True:
            # "đồng chí Bí thư Tỉnh ủy Hoàng Duy Chinh": role before the name
            pre_roles: list[str] = []
            if _ROLE_START_RE.match(text, pos):
                words = text[pos:pos + 120].split()
                for j in range(1, min(len(words), 10)):
                    if any(is_person_name(" ".join(words[j:j + k])) for k in (4, 3, 2) if j + k <= len(words)):
                        role = role_phrase(" ".join(words[:j]))
                        if role and len(role.split()) == j:
                            pre_roles = [role]
                            pos += len(" ".join(words[:j])) + 1
                        break
            nm = _NAME_RE.match(text, pos)
            if not nm or not is_person_name(nm.group(0)):
                break
            name_span = (nm.start(), nm.end())
            name = shown[nm.start():nm.end()]
            roles, after = _roles_after(text, nm.end(), min(end, nm.end() + 400))
            add(name, pre_roles + roles, name_span)
            nxt = re.match(r"\s*;\s*|\s*,\s*(?=[A-ZĐ])", text[after:after + 4])
            if nxt and _NAME_RE.match(text, after + nxt.end()) and is_person_name(
                    _NAME_RE.match(text, after + nxt.end()).group(0)):
                pos = after + nxt.end()
                continue
            break
    for title in _NATIONAL_TITLES:
        for m in re.finditer(rf"{re.escape(title)}\s+(?={P.NAME_WORD})", text[start:end]):
            nm = _NAME_RE.match(text, start + m.end())
            if nm and is_person_name(nm.group(0)):
                add(shown[nm.start():nm.end()], [title], (nm.start(), nm.end()))
    return [Person(n, tuple(r), tuple(s)) for n, (r, s) in found.items()]


# --- meetings -----------------------------------------------------------------------------------
def _number(word: str) -> int | None:
    return int(word) if word.isdigit() else P.VIETNAMESE_ORDINALS.get(word.lower())


def find_meeting(source: Source, start: int, end: int, *, default_year: int | None) -> Meeting | None:
    """The meeting a document comes from or reports on: body, number, term, date."""
    text = source.match
    window_end = min(end, start + max(1500, (end - start) // 3))
    for m in P.MEETING_NUMBER_RE.finditer(text, start, window_end):
        around = text[max(0, m.start() - 60):m.end() + 60]
        if re.search(r"Trung ương", text[m.start():m.end() + 40]) or re.search(r"Trung ương\s*$", text[max(0, m.start() - 20):m.start()]):
            continue
        number = _number(m.group("n"))
        ctx = text[max(start, m.start() - 200):min(end, m.end() + 200)]
        term = None
        tm = P.MEETING_TERM_RE.search(text, m.start(), min(end, m.end() + 120)) or \
            P.MEETING_TERM_RE.search(text, max(start, m.start() - 120), m.start())
        if tm and "Trung ương" not in text[max(0, tm.start() - 40):tm.start()]:
            term = tm.group("term").upper()
        body = _meeting_body(ctx)
        sentence_start = max(start, max(text.rfind(c, 0, m.start()) for c in ".\n") + 1)
        sentence_end = min(x for x in (text.find(".", m.end()), text.find("\n", m.end()), end) if x >= 0)
        date = _meeting_date(text, sentence_start, sentence_end, default_year) or \
            _meeting_date(text, max(start, m.start() - 200), min(end, m.end() + 300), default_year)
        del around
        return Meeting(body, number, term, date, (m.start(), m.end()))
    # an unnumbered meeting: "Ngày 14/4/2025, Ban Thường vụ Tỉnh ủy họp …"
    for m in re.finditer(r"(?P<body>Ban Thường vụ Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh|Thường trực Tỉnh ủy)[^.\n]{0,30}?"
                         r"\b(?:họp|tổ chức hội nghị|tổ chức Hội nghị)\b",
                         text[start:window_end], re.I):
        s = start + m.start()
        date = _meeting_date(text, max(start, s - 60), s + 120, default_year)
        return Meeting(vocabulary().body_by_name(m.group("body")).name, None, None, date, (s, start + m.end()))
    if re.search(r"\bhội nghị\b", text[start:end], re.I) and re.search(r"Ban Chấp hành Đảng bộ", text[start:end]):
        return Meeting("Ban Chấp hành Đảng bộ tỉnh", None, None, None, (start, start))
    return None


def _meeting_body(ctx: str) -> str:
    for _, _, kind in vocabulary().find_bodies(ctx):
        if kind.level == "provincial" and kind.key in ("ban-chap-hanh-dang-bo-tinh", "ban-thuong-vu-tinh-uy",
                                                       "thuong-truc-tinh-uy", "hoi-dong-nhan-dan-tinh"):
            return kind.name
    return "Ban Chấp hành Đảng bộ tỉnh"


def _meeting_date(text: str, start: int, end: int, default_year: int | None) -> str | None:
    m = re.search(rf"(?:^|[\s,(])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+(?:{P.NUMERIC_DATE}|{P.WORDED_DATE}|{P.DAY_MONTH})",
                  text[start:end])
    if not m:
        return None
    d = date_of(m)
    if d:
        return d
    if m.group("dd") and default_year:
        return iso_date(m.group("dd"), m.group("dm"), default_year)
    return None


def dominant_year(text: str) -> int | None:
    """The year a text is mostly about (for dates printed without a year)."""
    years = Counter(int(y) for y in re.findall(r"(?<![\d,.])((?:199|20[0-3])\d)(?![\d,%])", text))
    return years.most_common(1)[0][0] if years else None


# --- signer ---------------------------------------------------------------------------------------
_ROLE_WORDS = {"bí": "Bí", "thư": "thư", "thường": "Thường", "trực": "trực", "chủ": "Chủ", "tịch": "tịch",
               "phó": "Phó", "trưởng": "Trưởng", "ban": "ban", "ủy": "Ủy", "viên": "viên"}


def sentence_case_role(capacity: str) -> str:
    """"PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực".

    >>> sentence_case_role("PHÓ BÍ THƯ THƯỜNG TRỰC"), sentence_case_role("BÍ THƯ")
    ('Phó Bí thư Thường trực', 'Bí thư')
    """
    words = [_ROLE_WORDS.get(w, w) for w in key(capacity).split()]
    return (words[0][0].upper() + words[0][1:] + (" " + " ".join(words[1:]) if len(words) > 1 else "")) if words else ""


def signer_of(source: Source, sig) -> Signer | None:
    if sig is None or not sig.name:
        return None
    shown = source.text
    name_start = source.match.rfind(sig.name, sig.span[0], sig.span[1] + 1)
    name = shown[name_start:name_start + len(sig.name)] if name_start >= 0 else sig.name
    return Signer(name.strip(" *_"), sentence_case_role(sig.capacity) if sig.capacity else None,
                  sig.on_behalf_of, sig.span)


# --- projects -----------------------------------------------------------------------------------
def _project_name(raw: str) -> str | None:
    name = raw
    # "nối" ends a name unless it is the name ("Đường nối Cảng hàng không Thọ Xuân với …")
    words = name.split()
    for i, w in enumerate(words[2:], 2):
        if w == "nối" and words[i - 1] != "kết":
            name = " ".join(words[:i])
            break
    name = P.PROJECT_STOP_RE.sub("", name).strip(" .…*_,")
    name = re.sub(r"\s+", " ", name)
    return name[0].upper() + name[1:] if len(name) > 6 else None


def find_projects(source: Source, spans: list[Span]) -> list[str]:
    """Named construction and investment projects with a concrete object."""
    text, shown = source.match, source.text
    names: list[str] = []
    text = text.replace("\n", " ")  # a name may be wrapped over two lines (same length: offsets hold)
    shown = shown.replace("\n", " ")
    for start, end in spans:
        hits = _project_spans(P.PROJECT_AFTER_RE, text, start, end)
        # "khởi công xây dựng Bệnh viện …": a capitalised object of a construction verb
        hits += [(a, b) for a, b in _project_spans(P.PROJECT_AFTER_VERB_RE, text, start, end)
                 if P.CONSTRUCTION_VERB_RE.search(text[max(start, a - 40):a])]
        for a, b in hits:
            name = _project_name(shown[a:b])
            # in running text, a project names something concrete: a proper name or a number
            if name and re.search(r"\s(?:[A-ZĐ]|\d)", name[1:]):
                names.append(name)
        for m in P.PROJECT_LIST_RE.finditer(text, start, end):
            offset = m.start("items")
            for item in re.finditer(r"(?:^|,|;|\s+và\s+)\s*(?P<item>.+?)(?=,|;|\s+và\s+|$)", m.group("items")):
                raw = shown[offset + item.start("item"):offset + item.end("item")].strip()
                if P.PROJECT_ITEM_RE.match(raw) and raw[:1].isupper():
                    name = _project_name(raw)
                    if name:
                        names.append(name)
    # one project named twice, the second time with a tail ("… giai đoạn 2021 - 2025"): keep the name
    return [n for n in names if not any(o != n and n.startswith(o + " ") for o in names)]


def _project_spans(pattern: re.Pattern, text: str, start: int, end: int) -> list[Span]:
    """Name spans of a project pattern; a name ends before "và (dự án|công trình|<verb>) …", where the
    search goes on (two projects in one clause)."""
    out, pos = [], start
    while True:
        m = pattern.search(text, pos, end)
        if not m:
            return out
        a, b = m.span("name")
        cut = re.search(r"\s+và\s+(?=(?:dự án|công trình|nâng cấp|cải tạo|mở rộng|xây dựng)\s)", text[a:b], re.I)
        b = a + cut.start() if cut else b
        out.append((a, b))
        stop = P.PROJECT_STOP_RE.search(text[a:b])  # where the name really ends: search on from there
        pos = max(a + stop.start() if stop else b, m.start("name") + 1)


def find_projects_in_list(source: Source, span: Span) -> list[str]:
    """Projects listed one per item (a footnote "Đường cao tốc …; Bệnh viện …; …")."""
    shown = source.text[span[0]:span[1]]
    shown = re.sub(r"^\s*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\^\w+\]:)\s*", "", shown)
    items = [i for i in re.split(r";", shown)]
    out = []
    hits = [i for i in items if P.PROJECT_ITEM_RE.match(i)]
    if len(hits) >= 2:  # a list of projects, not a sentence that happens to start with "đường"
        for i in hits:
            name = _project_name(P.PROJECT_ITEM_RE.match(i).group("name"))
            if name:
                out.append(name)
    return out


# --- named references ---------------------------------------------------------------------------
def find_named_references(source: Source, start: int, end: int, symbols: list[Span]) -> list[str]:
    """Documents cited by name only (no number)."""
    text, shown = source.match, source.text
    out: list[str] = []
    spans = sorted(symbols)
    starts = [a for a, _ in spans]
    for m in P.NAMED_REF_RE.finditer(text, start, end):
        s, e = m.span("name")
        # a citation by number overlapping or right after the name: not a reference by name
        i = bisect.bisect_left(starts, e + 3)
        if any(b > s for _, b in spans[max(0, i - 3):i]):
            continue
        name = shown[s:e].strip()
        words = name.split()
        if len(words) < 3 or not any(w[0].isupper() or w[0].isdigit() for w in words[1:]):
            continue
        if key(name) not in {key(x) for x in out}:
            out.append(name)
    return out


@dataclass(frozen=True)
class Assignment:
    leads: tuple[BodyRef, ...]
    partners: tuple[BodyRef, ...]
    deadline: str | None


def row_assignment(source: Source, cells: tuple[Span, ...], header: tuple[str, ...]) -> tuple[Assignment | None, tuple]:
    """Lead bodies, partners and deadline of a task table row, by its header (or, without one, by
    what the cells hold); also the (deadline, phrase, ongoing) of the deadline cell."""
    text = source.match

    def column(pattern) -> int | None:
        return next((i for i, h in enumerate(header) if pattern.search(h)), None)

    lead_col = column(P.LEAD_COLUMN_RE) if header else None
    if header and lead_col is not None and P.PARTNER_COLUMN_RE.search(header[lead_col]) \
            and not re.search("chủ trì", header[lead_col], re.I):
        lead_col = None
    partner_col = column(P.PARTNER_COLUMN_RE) if header else None
    deadline_col = column(P.DEADLINE_COLUMN_RE) if header else None
    if not header:  # no header: the first cells naming bodies are lead then partners; the last is the deadline
        with_bodies = [i for i, (a, b) in enumerate(cells) if i > 0 and body_at(text, a + len(text[a:b]) - len(text[a:b].lstrip()))]
        lead_col = with_bodies[0] if with_bodies else None
        partner_col = with_bodies[1] if len(with_bodies) > 1 else None
        deadline_col = len(cells) - 1

    def bodies(col: int | None) -> list[BodyRef]:
        if col is None or col >= len(cells):
            return []
        a, b = cells[col]
        found = []
        for s, e, kind in vocabulary().find_bodies(text[a:b]):
            if not kind.is_group:
                found.append(body_ref(a + s, a + e, kind, text[a + s:a + e]))
        return found

    due = cell_deadline(text[cells[deadline_col][0]:cells[deadline_col][1]]) \
        if deadline_col is not None and deadline_col < len(cells) else (None, None, False)
    leads = bodies(lead_col)
    if not leads:
        return None, due
    return Assignment(tuple(leads), tuple(b for b in bodies(partner_col) if b.name not in {l.name for l in leads}),
                      due[0]), due


def find_assignments(source: Source, start: int, end: int, *, addressed: bool) -> list[Assignment]:
    """Bodies a task is handed to: "Giao X (chủ trì, phối hợp với Y)", "Đề nghị X", "X chủ trì";
    with ``addressed`` (an item of an implementation section), a body opening the item."""
    text = source.match
    out: list[Assignment] = []
    starts: list[int] = [m.end() for m in P.GIAO_RE.finditer(text, start, end)]
    # "… . Ban Tổ chức Tỉnh ủy chủ trì, phối hợp với …": a sentence opened by the body that leads
    for m in re.finditer(r"[.!?]\s+", text[start:end]):
        pos = start + m.end()
        hit = body_at(text, pos)
        if hit and not hit[1].is_group and P.CHAIR_RE.match(text[bodies_list_at(text, pos)[0]:pos + 200]):
            starts.append(pos)
    # "đề nghị X …; Y tăng cường …": each clause of a direction addressed to a named body
    if starts:
        for m in re.finditer(r";\s*", text[starts[0]:end]):
            pos = starts[0] + m.end()
            hit = body_at(text, pos)
            if hit and not hit[1].is_group and re.match(r"\s+[^\W\d_]", text[hit[0]:hit[0] + 3]):
                starts.append(pos)
    lead_in = re.match(r"\s*(?:[-+•*]\s+|\d+(?:\.\d+)*\s*[.)-]\s*|\(\d+\)\s*|[a-zđ]\)\s*)?", text[start:end])
    first = start + (lead_in.end() if lead_in else 0)
    opening = body_at(text, first)
    if opening is None and addressed:  # "1. Công tác tuyên truyền. Ban Tuyên giáo …": after an inline title
        title = re.match(r"[^.:\n]{3,90}[.:]\s+", text[first:end])
        if title:
            first += title.end()
            opening = body_at(text, first)
    if opening and first not in starts:
        pos, bodies = bodies_list_at(text, first)
        with_group = P.GROUP_AFTER_BODY_RE.match(text[pos:pos + 20])  # "X và các đoàn thể", "Ban Thường vụ các huyện ủy"
        # the body that speaks or decides, not the one addressed: "Ban Chấp hành … đồng ý … và giao …"
        with_group = with_group or P.SUBJECT_VERB_RE.match(text[pos:pos + 40])
        if bodies and (P.CHAIR_RE.match(text[pos:pos + 40]) or addressed) and not bodies[0][2].is_group \
                and not with_group:
            starts.append(first)
    ordered = sorted(set(starts))
    for n, s in enumerate(ordered):
        pos, bodies = bodies_list_at(text, s)
        if P.GROUP_AFTER_BODY_RE.match(text[pos:pos + 12]) and not re.match(r"\s*[,;]", text[pos:pos + 2]):
            continue  # "Ban Thường vụ các huyện ủy, thị ủy": a group
        segment_end = ordered[n + 1] if n + 1 < len(ordered) else end
        leads = [body_ref(*b) for b in bodies if not b[2].is_group]
        if not leads:
            continue
        partners: list[BodyRef] = []
        pm = P.PARTNER_RE.match(text[pos:pos + 60])
        if pm:
            _, pbodies = bodies_list_at(text, pos + pm.end())
            partners = [body_ref(*b) for b in pbodies if not b[2].is_group]
        # the deadline of this assignment: in its own stretch of text, up to the next assignment
        sentence_end = re.search(r"(?<!\d)\.(?=\s|$)", text[pos:segment_end])
        deadline, _, _ = find_deadline(text[pos:pos + sentence_end.start() if sentence_end else segment_end])
        out.append(Assignment(tuple(leads), tuple(partners), deadline))
    return out
