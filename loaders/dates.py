"""Dates and deadlines: ISO dates of the printed forms, and the deadline of a task's text or of a
task table's deadline cell."""

from __future__ import annotations

import calendar
import re
from functools import lru_cache

from core.reference_data import DATA_DIR, csv_rows
from loaders import patterns as P


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


def _quarter_end(q: str, y: str) -> str | None:
    n, year = _ROMAN_Q[q.upper()], int(y)
    return iso_date(calendar.monthrange(year, n * 3)[1], n * 3, year)


def _day_after(day: int, month: int, since: str) -> str | None:
    """ "trước ngày 30/6" in a document of ``since``: that day of its year, or of the next when already past."""
    year = int(since[:4])
    found = iso_date(day, month, year)
    if found and found < since[:10]:
        found = iso_date(day, month, year + 1)
    return found


def _at_clause_end(text: str) -> tuple[str | None, str, bool] | None:
    """A bare month, quarter or year closing a clause or a parenthesis of leads."""
    m = P.DEADLINE_AT_CLAUSE_END_RE.search(text)
    if m is None:
        return None
    if m.group("q"):
        return _quarter_end(m.group("q"), m.group("qy")), m.group(0).strip(), False
    if m.group("yy"):
        return f"{m.group('yy')}-12-31", m.group(0).strip(), False
    return _month(m.group("m"), m.group("y")), m.group(0).strip(), False


def _month(m: str, y: str) -> str | None:
    """A month stays a month: ``2025-09``."""
    return f"{int(y):04d}-{int(m):02d}" if 1 <= int(m) <= 12 else None


def _undated_deadline(text: str, since: str | None) -> tuple[str | None, str | None, bool]:
    """A deadline stated without a year: a day of the document's year ("trước ngày 30/6"), or recurring work
    ("trước ngày 15/12 hằng năm", "thường xuyên").

    >>> _undated_deadline("trước ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm", "2025-03-10")[0:2]
    (None, 'trước ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm')
    >>> _undated_deadline("định kỳ hằng năm báo cáo Ban cán sự đảng (trước ngày 15/11)", "2025-03-10")
    (None, 'định kỳ hằng năm báo cáo Ban cán sự đảng (trước ngày 15/11', True)
    """
    m = P.DEADLINE_DAY_RE.search(text) if since else None
    # "… hằng năm", also after a list of days: "trước ngày 20 tháng 6 và ngày 20 tháng 12 hằng năm"
    yearly = m and re.match(
        r"(?:\s*(?:,|và)\s*(?:ngày\s+)?[0-3]?\d(?:\s?[/-]\s?|\s+tháng\s+)[01]?\d)*\s*(?:của\s+)?(?:hằng|hàng|mỗi)\s+năm",
        text[m.end() : m.end() + 60],
        re.I,
    )
    if m and yearly:
        return None, text[m.start() : m.end() + yearly.end()].strip(), True
    # "định kỳ hằng năm báo cáo … (trước ngày 15/11)": a yearly day said before it, in its clause
    before = re.split(r"[;.]\s", text[max(0, m.start() - 160) : m.start()])[-1] if m else ""
    every = re.search(r"\b(?:(?:hằng|hàng|mỗi)\s+năm|định kỳ)\b", before, re.I)
    if m and every:
        return None, text[m.start() - len(before) + every.start() : m.end()].strip(), True
    if m and since:
        return _day_after(int(m.group("dd")), int(m.group("dm")), since), m.group(0), False
    ongoing = P.ONGOING_RE.search(text)
    return (None, ongoing.group(0), True) if ongoing else (None, None, False)


@lru_cache(maxsize=1)
def _tet_days() -> dict[int, str]:
    return {int(r["year"]): r["date"] for r in csv_rows(DATA_DIR / "vocab" / "tet.csv")}


def _before_tet(text: str, since: str | None) -> tuple[str, str, bool] | None:
    """Before the Lunar New Year ("trước Tết Nguyên đán Bính Ngọ 2026"): the day of that Tết; without a year, the
    first Tết after ``since``.

    >>> _before_tet("xong trước Tết Nguyên đán Bính Ngọ 2026", None)[0], _before_tet("trước Tết", "2024-11-02")[0]
    ('2026-02-17', '2025-01-29')
    """
    m = P.DEADLINE_TET_RE.search(text)
    if not m:
        return None
    days = _tet_days()
    if m.group("y"):
        day = days.get(int(m.group("y")))
    else:
        day = next((d for _, d in sorted(days.items()) if since and d > since), None)
    return (day, m.group(0), False) if day else None


def _open_ended(text: str) -> tuple[None, str, bool] | None:
    """Work from a year on, with no deadline.

    >>> _open_ended("thực hiện trong năm 2025 và những năm tiếp theo")
    (None, 'năm 2025 và những năm tiếp theo', True)
    """
    m = P.OPEN_ENDED_RE.search(text)
    return (None, m.group(0), True) if m else None


def find_deadline(text: str, *, since: str | None = None) -> tuple[str | None, str | None, bool]:
    """(deadline, the phrase, ongoing) of a task's text. A day is an ISO date, a month stays a month
    (``2025-09``), a quarter or a year is its last day; recurring work has no deadline.

    >>> find_deadline("hoàn thành trước ngày 15/4/2024")[0]
    '2024-04-15'
    >>> find_deadline("trong quý I năm 2024")[0], find_deadline("trong tháng 10/2025")[0]
    ('2024-03-31', '2025-10')
    >>> find_deadline("hoàn thành trong năm 2025")[0], find_deadline("từ nay đến năm 2030")[0]
    ('2025-12-31', '2030-12-31')
    >>> find_deadline("trước ngày 30/6", since="2024-03-05")[0], find_deadline("trước ngày 15/1", since="2024-11-20")[0]
    ('2024-06-30', '2025-01-15')
    >>> find_deadline("hoàn thành trong 6 tháng đầu năm 2025")[0]
    '2025-06-30'
    >>> find_deadline("trình Ban Thường vụ Tỉnh ủy Tháng 9/2026; thực hiện")[0]
    '2026-09'
    >>> find_deadline("thực hiện thường xuyên")
    (None, 'thường xuyên', True)
    >>> find_deadline("báo cáo trước ngày 15/12 hằng năm", since="2025-06-01")[0::2]
    (None, True)
    """
    said = _before_tet(text, since) or _open_ended(text)
    if said:
        return said
    if "kỳ họp" in text or "ội nghị" in text:  # a session's name is no deadline
        text = P.SESSION_NAMED_RE.sub(lambda m: " " * len(m.group(0)), text)
    if not P.YEAR_RE.search(text):  # dated forms carry a year, but for a day of the document's own year
        return _undated_deadline(text, since)
    m = P.DEADLINE_LABEL_RE.search(text)  # "(…; thời gian: năm 2025)"
    if m:
        found = cell_deadline(m.group("value"), since=since)
        if found[0] or found[2]:
            return found
    m = _dated_before(text)
    if m:
        return date_of(m), m.group(0), False
    m = P.DEADLINE_QUARTER_RE.search(text)
    if m and re.search(
        r"\b(?:trong|trước|vào|hết|hoàn thành|đến|xong)\b", text[max(0, m.start() - 30) : m.end()], re.I
    ):
        return _quarter_end(m.group("q"), m.group("y")), m.group(0).strip(), False
    m = P.DEADLINE_HALF_RE.search(text)  # "6 tháng đầu năm 2025": by the end of June
    if m:
        return (
            iso_date(calendar.monthrange(int(m.group("y")), int(m.group("n")))[1], m.group("n"), m.group("y")),
            m.group(0).strip(),
            False,
        )
    m = P.DEADLINE_MONTH_RE.search(text)
    if m and _month(m.group("m"), m.group("y")):
        return _month(m.group("m"), m.group("y")), m.group(0), False
    m = P.DEADLINE_YEAR_RE.search(text) or P.DEADLINE_PERIOD_END_RE.search(text)
    if m:
        return f"{m.group('y') or m.groupdict().get('y2') or m.groupdict().get('y3')}-12-31", m.group(0), False
    at_end = _at_clause_end(text)  # "… trình Ban Thường vụ Tỉnh ủy Tháng 9/2026;", "(…; năm 2024)"
    if at_end:
        return at_end
    # a year that is no deadline ("tài liệu năm 2025"), then a day of the document's year ("trước 30/11"), before
    # recurring work said later ("…; định kỳ hằng năm …")
    return _undated_deadline(text, since)


def _dated_before(text: str) -> re.Match | None:
    """The first "trước ngày 30/6/2025" of a text that is not the day documents were issued before."""
    for m in P.DEADLINE_BEFORE_RE.finditer(text):
        if not P.ISSUED_BEFORE_RE.search(text, max(0, m.start() - 120), m.start()):
            return m
    return None


def cell_deadline(text: str, *, since: str | None = None) -> tuple[str | None, str | None, bool]:
    """The deadline in a task table's deadline cell or after a "Thời gian:" label, where a bare
    "Quý I/2024" is a deadline.

    >>> cell_deadline("Quý II/2024"), cell_deadline("Tháng 6/2025")[0], cell_deadline("Năm 2024")[0]
    (('2024-06-30', 'Quý II/2024', False), '2025-06', '2024-12-31')
    >>> cell_deadline("2023 - 2025")[0], cell_deadline("năm 2025 và 2026")[0], cell_deadline("các năm 2025, 2026")[0]
    ('2025-12-31', '2026-12-31', '2026-12-31')
    >>> cell_deadline("thường xuyên, trước, trong và sau đại hội")
    (None, 'thường xuyên', True)
    >>> cell_deadline("từ tháng 01/2025 đến khi kết thúc đại hội")[0], cell_deadline("từ tháng 3 đến tháng 6/2025")[0]
    (None, '2025-06')
    >>> cell_deadline("trước 30/6", since="2025-03-04")[0]  # a day of the document's year
    '2025-06-30'
    """
    text = text.strip().rstrip(" .;,")  # a label's value ends its line with a stop: "năm 2026."
    m = P.ONGOING_RE.match(text)  # "thường xuyên, …": recurring, whatever follows
    if m:
        return None, m.group(0), True
    m = re.match(r"(?:bắt đầu\s+)?từ\s+(?P<start>.*?)\s+(?:đến|tới)\s+(?P<end>.*)$", text, re.I | re.S)
    if m:  # "từ tháng 01/2025 đến khi kết thúc đại hội": by the end of the period, if it is a date at all
        end = cell_deadline(m.group("end"), since=since)
        return end if end[0] or end[2] else (None, m.group(0), False)
    found = find_deadline(text, since=since)
    if found[0] or found[2]:
        return found
    m = P.CELL_QUARTER_RE.search(text)
    if m:
        return _quarter_end(m.group("q"), m.group("y")), m.group(0), False
    m = P.CELL_MONTH_RE.search(text)
    if m and _month(m.group("m"), m.group("y")):
        return _month(m.group("m"), m.group("y")), m.group(0), False
    m = P.DATE_RE.search(text)
    if m and date_of(m):
        return date_of(m), m.group(0), False
    m = P.CELL_RANGE_RE.search(text)  # "2023 - 2025": by the end of the range
    if m:
        return f"{m.group('y')}-12-31", m.group(0).strip(), False
    m = P.CELL_YEAR_RE.match(text)
    if m:
        return f"{m.group('y')}-12-31", m.group(0).strip(), False
    return None, None, False
