"""Meetings: the meeting a document comes from or reports on (body, number, term, day), and the years and days a
document's text gives them."""

from __future__ import annotations

import re
from collections import Counter

from loaders import patterns as P
from loaders.dates import date_of, iso_date
from loaders.model import Meeting
from loaders.read import Source
from loaders.vocab import vocabulary


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
        if re.search(r"Trung ương", text[m.start() : m.end() + 40]) or re.search(
            r"Trung ương\s*$", text[max(0, m.start() - 20) : m.start()]
        ):
            continue
        number = _number(m.group("n"))
        ctx = text[max(start, m.start() - 200) : min(end, m.end() + 200)]
        term = _term_near(text, m, start, end) or _term_elsewhere(text, start, window_end, number, m.start())
        body = (_council_of(text, m.start()) if m.group("session") else None) or _meeting_body(
            ctx, m.start() - max(start, m.start() - 200)
        )
        sentence_start = max(start, max(text.rfind(c, 0, m.start()) for c in ".\n") + 1)
        sentence_end = min(x for x in (text.find(".", m.end()), text.find("\n", m.end()), end) if x >= 0)
        date = _meeting_date(text, sentence_start, sentence_end, default_year, posted) or _date_elsewhere(
            text, (m.end(), window_end), number, default_year, posted
        )
        if m.group("session"):  # a people's council's session: the day it adopted the resolution, said at its end
            date = date or _session_adopted(text, number)
        else:
            date = date or _meeting_date(
                text, max(start, m.start() - 200), min(end, m.end() + 300), default_year, posted
            )
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


def _date_elsewhere(
    text: str, span: tuple[int, int], number: int | None, default_year: int | None, posted: str | None
) -> str | None:
    """The day stated in the sentence of a later mention of the same numbered meeting (a title names it in capitals,
    the opening "Ngày 21/7/2023, … tổ chức Hội nghị lần thứ 15")."""
    for other in P.MEETING_NUMBER_RE.finditer(text, *span):
        if _number(other.group("n")) != number:
            continue
        sentence_start = max(text.rfind(c, 0, other.start()) for c in ".\n") + 1
        date = _meeting_date(text, sentence_start, other.end() + 1, default_year, posted)
        if date:
            return date
    return None


def _term_near(text: str, m: re.Match, start: int, end: int) -> str | None:
    """The term (khóa) stated right after or before a numbered meeting, not the Central Committee's."""
    tm = P.MEETING_TERM_RE.search(text, m.start(), min(end, m.end() + 120)) or P.MEETING_TERM_RE.search(
        text, max(start, m.start() - 120), m.start()
    )
    if tm and "Trung ương" not in text[max(0, tm.start() - 40) : tm.start()]:
        return tm.group("term").upper()
    return None


def _council_of(text: str, at: int) -> str | None:
    """The people's council whose session is named at ``at``: "HỘI ĐỒNG NHÂN DÂN PHƯỜNG ĐỒNG XOÀI / KHÓA I, KỲ HỌP
    THỨ TƯ" → "Hội đồng nhân dân phường"."""
    m = P.COUNCIL_RE.search(text, max(0, at - 160), at)
    return f"Hội đồng nhân dân {m.group('level').lower()}" if m else None


def _session_adopted(text: str, number: int | None) -> str | None:
    """The day a people's council's session adopted the resolution: "… Khóa X, Kỳ họp thứ 21 thông qua ngày 10 tháng
    12 năm 2024"."""
    for m in P.SESSION_ADOPTED_RE.finditer(text):
        if _number(m.group("n")) == number:
            return date_of(m)
    return None


def _of_the_centre(text: str, at: int) -> bool:
    """A meeting word at ``at`` names one of the Central Committee ("Hội nghị lần thứ năm Ban Chấp hành Trung ương",
    "Hội nghị Trung ương 5")."""
    return bool(re.match(r"[^.;\n]{0,40}?Trung ương", text[at : at + 60]))


def _term_elsewhere(text: str, start: int, end: int, number: int | None, first: int) -> str | None:
    """The term (khóa) stated at a later mention of the same numbered meeting."""
    for other in P.MEETING_NUMBER_RE.finditer(text, first + 1, end):
        term = _term_near(text, other, start, end) if _number(other.group("n")) == number else None
        if term:
            return term
    return None


def _meeting_body(ctx: str, at: int = 200) -> str:
    """The committee holding a meeting named around ``ctx[at]``: a district's or commune's
    ("Hội nghị Ban Chấp hành Đảng bộ xã lần thứ 3") or a province's (the default)."""
    local = sorted(P.LOCAL_MEETING_BODY_RE.finditer(ctx), key=lambda m: abs(m.start() - at))
    if local:  # (also in capitals: "HỘI NGHỊ LẦN THỨ MƯỜI LĂM BAN CHẤP HÀNH ĐẢNG BỘ HUYỆN")
        m = local[0]
        head, rest = m.group("head") or m.group("head2"), m.group("rest") or m.group("rest2")
        head = "Ban Chấp hành Đảng bộ" if head.lower().startswith("ban chấp") else "Ban Thường vụ"
        rest = " ".join(rest.split())
        return f"{head} {rest.lower() if head.startswith('Ban Chấp') else rest.capitalize()}"
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
    m = P.MEETING_DAY_RE.search(text, start, end)
    if not m:
        return None
    first = m.group("first")  # "Trong hai ngày 13 và 14/7": the first day
    d = date_of(m)
    if d:
        return f"{d[:8]}{int(first):02d}" if first and len(d) == 10 else d
    day = first or m.group("dd")
    if day and posted:
        that_year = iso_date(day, m.group("dm"), int(posted[:4]))
        if that_year and that_year <= posted:
            return that_year
    if day and default_year:
        return iso_date(day, m.group("dm"), default_year)
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
