"""People, meetings and the signature: named persons with their roles, the meeting a document comes
from, and who signed."""

from __future__ import annotations

import re
from collections import Counter

from loaders import patterns as P
from loaders.bodies import body_at
from loaders.dates import date_of, iso_date
from loaders.model import Meeting, Person, Signer, Span
from loaders.read import Source
from loaders.vocab import key, vocabulary

# --- people -------------------------------------------------------------------------------------
_NAME_RE = re.compile(P.PERSON_NAME)
_NATIONAL_TITLES = (
    "Tổng Bí thư",
    "Chủ tịch nước",
    "Thủ tướng Chính phủ",
    "Thủ tướng",
    "Chủ tịch Quốc hội",
    "Phó Thủ tướng Chính phủ",
    "Phó Thủ tướng",
    "Thường trực Ban Bí thư",
)
_ROLE_START_RE = re.compile(
    r"(?:" + "|".join(sorted(map(re.escape, P.ROLE_START_WORDS), key=len, reverse=True)) + r")\b"
)


def _surnames() -> frozenset[str]:
    from loaders.vocab import DATA_DIR

    path = DATA_DIR / "vocab" / "surnames.csv"  # Vietnamese surnames, one per row
    lines = path.read_text(encoding="utf-8").splitlines()[1:]
    return frozenset(key(ln) for ln in lines if ln.strip())


_SURNAMES = _surnames()


def is_person_name(name: str) -> bool:
    """A plausible Vietnamese personal name: 2–4 capitalised syllables starting with a surname.

    >>> is_person_name("Phạm Hoàng Sơn"), is_person_name("Ban Chấp hành")
    (True, False)
    """
    words = name.split()
    return (
        2 <= len(words) <= 4
        and all(w[0].isupper() for w in words)
        and key(words[0]) in _SURNAMES
        and vocabulary().province_by_name(name) is None
        and not (len(words) == 2 and key(name) in vocabulary().districts)  # "Cao Lộc", a district
    )


def role_phrase(text: str) -> str:
    """Cut a role segment at the first word that cannot belong to a title or a body name; a body's name is taken
    whole ("Sở Kế hoạch và Đầu tư").

    >>> role_phrase("Chủ tịch UBND tỉnh nêu giải pháp")
    'Chủ tịch UBND tỉnh'
    >>> role_phrase("Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy cho biết")
    'Trưởng Ban Tuyên giáo và Dân vận Tỉnh ủy'
    >>> role_phrase("Giám đốc Sở Kế hoạch và Đầu tư cho biết")
    'Giám đốc Sở Kế hoạch và Đầu tư'
    """
    kept: list[str] = []
    pos = 0
    for w in re.finditer(r"\S+", text):
        if w.start() < pos:
            continue
        bare = w.group(0).strip("()")
        hit = body_at(text, w.start()) if bare[:1].isupper() else None
        if hit and hit[0] > w.end():  # a body's name, lower-case words and all
            kept.append(text[w.start() : hit[0]])
            pos = hit[0]
            if text[pos : pos + 1].strip():  # "Tỉnh ủy, …": punctuation ends the role
                break
        elif bare[:1].isupper() or key(bare) in _ROLE_GOES_ON:
            kept.append(w.group(0))
        else:
            break
    words = " ".join(kept).split()
    while words and key(words[-1]) in {"và", "phó", "chủ"}:
        words.pop()
    return " ".join(words)


# Words that go on a role: those of body names and of the titles themselves ("Giám đốc", "Chủ nhiệm", "Tư lệnh").
_ROLE_GOES_ON = P.ROLE_CONTINUE_WORDS | {key(w) for title in P.ROLE_START_WORDS for w in title.split()[1:]}


def _roles_after(text: str, pos: int, limit: int) -> tuple[list[str], int]:
    roles: list[str] = []
    while True:
        # "X, Bí thư Tỉnh ủy, …", and the first role after a dash: "X - Ủy viên Trung ương Đảng, Bí thư Tỉnh ủy - chủ trì"
        m = re.match(r"\s*,\s*" if roles else r"\s*,\s*|\s+[-–]\s+", text[pos:limit])
        if not m:
            break
        seg_start = pos + m.end()
        if not _ROLE_START_RE.match(text, seg_start):
            break
        seg_end = re.search(r"[,;.:\n]", text[seg_start:limit])
        seg = text[seg_start : seg_start + (seg_end.start() if seg_end else limit - seg_start)]
        phrase = role_phrase(seg)
        if not phrase:
            break
        roles.append(phrase)
        pos = seg_start + len(phrase)
        if len(phrase) < len(seg.rstrip()):
            break
    return roles, pos


def _role_then_name(text: str, pos: int) -> tuple[str | None, int | None]:
    """A role phrase at ``pos`` directly followed by a person's name: (role, where the name starts)."""
    words = text[pos : pos + 120].split()
    for j in range(2, min(len(words), 10)):
        if any(is_person_name(" ".join(words[j : j + k])) for k in (4, 3, 2) if j + k <= len(words)):
            role = role_phrase(" ".join(words[:j]))
            if role and len(role.split()) == j:
                return role, pos + len(" ".join(words[:j])) + 1
            return None, None
    return None, None


def _role_before_name(text: str, pos: int) -> tuple[list[str], int]:
    """A role stated before the name ("đồng chí Bí thư Tỉnh ủy Hoàng Duy Chinh") and where the name starts."""
    if not _ROLE_START_RE.match(text, pos):
        return [], pos
    words = text[pos : pos + 120].split()
    for j in range(1, min(len(words), 10)):
        if any(is_person_name(" ".join(words[j : j + k])) for k in (4, 3, 2) if j + k <= len(words)):
            role = role_phrase(" ".join(words[:j]))
            if role and len(role.split()) == j:
                return [role], pos + len(" ".join(words[:j])) + 1
            break
    return [], pos


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
            pre_roles, pos = _role_before_name(text, pos)
            rank = P.RANK_RE.match(text, pos)
            nm = _NAME_RE.match(text, rank.end() if rank else pos)
            if not nm or not is_person_name(nm.group(0)):
                break
            name_span = (nm.start(), nm.end())
            name = shown[nm.start() : nm.end()]
            roles, after = _roles_after(text, nm.end(), min(end, nm.end() + 400))
            add(name, pre_roles + roles, name_span)
            nxt = re.match(r"\s*;\s*|\s*,\s*(?=[A-ZĐ])", text[after : after + 4])
            if (
                nxt
                and _NAME_RE.match(text, after + nxt.end())
                and is_person_name(_NAME_RE.match(text, after + nxt.end()).group(0))
            ):
                pos = after + nxt.end()
                continue
            break
    # "Phó Trưởng Ban Kinh tế Trung ương Nguyễn Hồng Sơn trực tiếp quán triệt …": a title, then the name
    for m in _ROLE_START_RE.finditer(text, start, end):
        if m.start() > 0 and text[m.start() - 1].isalpha():
            continue
        role, name_at = _role_then_name(text, m.start())
        nm = _NAME_RE.match(text, name_at) if role and name_at is not None else None
        if (
            nm is not None
            and is_person_name(nm.group(0))  # not a place: "Bí thư Huyện ủy Cao Lộc", "Chủ tịch Hồ Chí Minh"
            and not found.get(shown[nm.start() : nm.end()], ([], []))[0]  # not already known with roles
        ):
            add(shown[nm.start() : nm.end()], [role], (nm.start(), nm.end()))
    for title in _NATIONAL_TITLES:
        for m in re.finditer(rf"{re.escape(title)}\s+(?={P.NAME_WORD})", text[start:end]):
            nm = _NAME_RE.match(text, start + m.end())
            if nm and is_person_name(nm.group(0)):
                add(shown[nm.start() : nm.end()], [title], (nm.start(), nm.end()))
    return [Person(n, tuple(r), tuple(s)) for n, (r, s) in found.items()]


# --- meetings -----------------------------------------------------------------------------------
def _number(words: str) -> int | None:
    """A meeting's number in digits or in words: "13", "năm", "mười ba", "hai mươi mốt".

    >>> _number("13"), _number("năm"), _number("MƯỜI BA"), _number("hai mươi mốt"), _number("ba mươi"), _number("hai năm")
    (13, 5, 13, 21, 30, 2)
    """
    if words.isdigit():
        return int(words)
    values = [P.VIETNAMESE_ORDINALS.get(w) for w in words.lower().split()]
    if "mươi" in words.lower().split():  # "hai mươi mốt": tens, then units
        tens = values[0] or 0
        return tens * 10 + sum(v or 0 for v in values[2:])
    if values and values[0] == 10:  # "mười ba"
        return 10 + sum(v or 0 for v in values[1:])
    return values[0] if values else None  # "hai năm 2024": the number, then the year


def find_meeting(source: Source, start: int, end: int, *, default_year: int | None) -> Meeting | None:
    """The meeting a document comes from or reports on: body, number, term, date (a day printed without its year
    takes the year of the page's posting where that day falls before it, else ``default_year``)."""
    text = source.match
    posted = posted_day(source)
    window_end = min(end, start + max(1500, (end - start) // 3))
    for m in P.MEETING_NUMBER_RE.finditer(text, start, window_end):
        around = text[max(0, m.start() - 60) : m.end() + 60]
        if re.search(r"Trung ương", text[m.start() : m.end() + 40]) or re.search(
            r"Trung ương\s*$", text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        number = _number(m.group("n"))
        ctx = text[max(start, m.start() - 200) : min(end, m.end() + 200)]
        term = None
        tm = P.MEETING_TERM_RE.search(text, m.start(), min(end, m.end() + 120)) or P.MEETING_TERM_RE.search(
            text, max(start, m.start() - 120), m.start()
        )
        if tm and "Trung ương" not in text[max(0, tm.start() - 40) : tm.start()]:
            term = tm.group("term").upper()
        if term is None:  # a headline without the term: another mention of the same meeting may state it
            term = _term_elsewhere(text, start, window_end, number, m.start())
        body = _meeting_body(ctx, m.start() - max(start, m.start() - 200))
        sentence_start = max(start, max(text.rfind(c, 0, m.start()) for c in ".\n") + 1)
        sentence_end = min(x for x in (text.find(".", m.end()), text.find("\n", m.end()), end) if x >= 0)
        date = _meeting_date(text, sentence_start, sentence_end, default_year, posted) or _meeting_date(
            text, max(start, m.start() - 200), min(end, m.end() + 300), default_year, posted
        )
        del around
        return Meeting(body, number, term, date, (m.start(), m.end()))
    # an unnumbered meeting: "Ngày 14/4/2025, Ban Thường vụ Tỉnh ủy họp …"
    for m in P.UNNUMBERED_MEETING_RE.finditer(text, start, window_end):
        s = m.start()
        date = _meeting_date(text, max(start, s - 60), s + 120, default_year, posted)
        tm = P.MEETING_TERM_RE.search(text, s, m.end() + 40)  # "Ban Thường vụ Tỉnh ủy (khóa XI) họp"
        if tm is None:  # the committee's term in the title above: "KẾT LUẬN / của Ban Thường vụ Đảng ủy xã (khóa I) …"
            head = re.escape(" ".join(m.group("body").split()[:3]))
            titled = re.search(rf"{head}[^.\n()]{{0,40}}\(\s*kh[óo]a\s+[IVXLC]+\s*\)", text[start:s], re.I)
            tm = P.MEETING_TERM_RE.search(titled.group(0)) if titled else None
        kind = vocabulary().body_by_name(m.group("body"))
        body = kind.name if kind else re.sub(r"\s+", " ", m.group("body"))
        return Meeting(body, None, tm.group("term").upper() if tm else None, date, (s, m.end()))
    # a meeting named before its committee: "Tại phiên họp ngày 28/8/2025, …, Ban Thường vụ Tỉnh ủy kết luận"
    for m in P.MEETING_BEFORE_BODY_RE.finditer(text, start, window_end):
        date = _meeting_date(text, m.start(), m.start("body"), default_year, posted)
        kind = vocabulary().body_by_name(m.group("body"))
        body = kind.name if kind else re.sub(r"\s+", " ", m.group("body"))
        return Meeting(body, None, None, date, (m.start(), m.end()))
    # a conference of the committee, neither numbered nor dated (not the Central Committee's: "Hội nghị lần thứ năm Ban
    # Chấp hành Trung ương")
    own = [m for m in re.finditer(r"\bhội nghị\b", text[start:end], re.I) if not _of_the_centre(text, start + m.end())]
    committee = re.search(r"Ban Chấp hành Đảng bộ", text[start:end])
    if own and committee:
        return Meeting(_meeting_body(text[start:end], committee.start()), None, None, None, (start, start))
    return None


def _of_the_centre(text: str, at: int) -> bool:
    """A meeting word at ``at`` names one of the Central Committee ("Hội nghị lần thứ năm Ban Chấp hành Trung ương",
    "Hội nghị Trung ương 5")."""
    return bool(re.match(r"[^.;\n]{0,40}?Trung ương", text[at : at + 60]))


def _term_elsewhere(text: str, start: int, end: int, number: int | None, first: int) -> str | None:
    """The term (khóa) stated at a later mention of the same numbered meeting."""
    for other in P.MEETING_NUMBER_RE.finditer(text, first + 1, end):
        if _number(other.group("n")) != number:
            continue
        tm = P.MEETING_TERM_RE.search(text, other.start(), min(end, other.end() + 120)) or P.MEETING_TERM_RE.search(
            text, max(start, other.start() - 120), other.start()
        )
        if tm and "Trung ương" not in text[max(0, tm.start() - 40) : tm.start()]:
            return tm.group("term").upper()
    return None


def _meeting_body(ctx: str, at: int = 200) -> str:
    """The committee holding a meeting named around ``ctx[at]``: a district's or commune's
    ("Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 3") or a province's (the default)."""
    local = sorted(P.LOCAL_MEETING_BODY_RE.finditer(ctx), key=lambda m: abs(m.start() - at))
    if local:
        return re.sub(r"\s+", " ", local[0].group(0))
    for _, _, kind in vocabulary().find_bodies(ctx):
        if kind.level == "provincial" and kind.key in (
            "ban-chap-hanh-dang-bo-tinh",
            "ban-thuong-vu-tinh-uy",
            "thuong-truc-tinh-uy",
            "hoi-dong-nhan-dan-tinh",
        ):
            return kind.name
    return "Ban Chấp hành Đảng bộ tỉnh"


def _meeting_date(text: str, start: int, end: int, default_year: int | None, posted: str | None = None) -> str | None:
    """The day a meeting was held, from "Ngày / Sáng / Chiều / Tối …"; a day without its year ("Chiều 16-12") takes
    the year of ``posted`` (the page's posting day) if it falls on or before it (a report follows its meeting), else
    ``default_year``."""
    m = re.search(
        rf"(?:^|[\s,(])(?:[Nn]gày|[Ss]áng|[Cc]hiều|[Tt]ối)\s+(?:{P.NUMERIC_DATE}|{P.WORDED_DATE}|{P.DAY_MONTH})",
        text[start:end],
    )
    if not m:
        return None
    d = date_of(m)
    if d:
        return d
    if m.group("dd") and posted:
        that_year = iso_date(m.group("dd"), m.group("dm"), int(posted[:4]))
        if that_year and that_year <= posted:
            return that_year
    if m.group("dd") and default_year:
        return iso_date(m.group("dd"), m.group("dm"), default_year)
    return None


def posted_day(source: Source) -> str | None:
    """The posting day a page's reader kept ("16/12/2025 17:42", "2025-12-16T17:42:00+07:00"), ISO.

    >>> from loaders.read import from_text
    >>> posted_day(from_text("Chiều 16-12 …", name="x.txt", metadata={"posted": "16/12/2025 17:42"}))
    '2025-12-16'
    """
    posted = str(source.metadata.get("posted") or "")
    if m := re.search(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)(?!\d)", posted):
        return iso_date(m.group(1), m.group(2), int(m.group(3)))
    if m := re.match(r"\s*((?:19|20)\d\d)-(\d{2})-(\d{2})", posted):
        return iso_date(m.group(3), m.group(2), int(m.group(1)))
    return None


def dominant_year(text: str) -> int | None:
    """The year of dates printed without one ("Sáng 9-12"): that of a posting date near the top ("Cập nhật
    06:45, 10/12/2024"), else the year the text mentions most.

    >>> dominant_year("Cập nhật 06:45, 10/12/2024. Sáng 9-12, … nhiệm vụ năm 2025 … năm 2025 … năm 2025")
    2024
    """
    for pattern in (P.POSTED_RE, *P.BYLINE_DATE_RES):
        posted = pattern.search(text, 0, 800)
        if posted:
            return int(posted.group("y"))
    years = Counter(int(y) for y in re.findall(r"(?<![\d,.])((?:199|20[0-3])\d)(?![\d,%])", text))
    return years.most_common(1)[0][0] if years else None


# --- signer ---------------------------------------------------------------------------------------
_ROLE_WORDS = {
    "bí": "Bí",
    "thư": "thư",
    "thường": "Thường",
    "trực": "trực",
    "chủ": "Chủ",
    "tịch": "tịch",
    "phó": "Phó",
    "trưởng": "Trưởng",
    "ban": "ban",
    "ủy": "Ủy",
    "viên": "viên",
    "văn": "Văn",  # Chánh Văn phòng
    "phòng": "phòng",
}


def sentence_case_role(capacity: str) -> str:
    """ "PHÓ BÍ THƯ THƯỜNG TRỰC" → "Phó Bí thư Thường trực".

    >>> sentence_case_role("PHÓ BÍ THƯ THƯỜNG TRỰC"), sentence_case_role("BÍ THƯ"), sentence_case_role("CHÁNH VĂN PHÒNG")
    ('Phó Bí thư Thường trực', 'Bí thư', 'Chánh Văn phòng')
    """
    words = [_ROLE_WORDS.get(w, w) for w in key(capacity).split()]
    return (words[0][0].upper() + words[0][1:] + (" " + " ".join(words[1:]) if len(words) > 1 else "")) if words else ""


def signer_of(source: Source, sig) -> Signer | None:
    if sig is None or not sig.name:
        return None
    shown = source.text
    name_start = source.match.rfind(sig.name, sig.span[0], sig.span[1] + 1)
    name = shown[name_start : name_start + len(sig.name)] if name_start >= 0 else sig.name
    return Signer(
        name.strip(" *_"), sentence_case_role(sig.capacity) if sig.capacity else None, sig.on_behalf_of, sig.span
    )
