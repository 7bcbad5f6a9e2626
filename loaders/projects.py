"""Projects: named construction and investment works with a concrete object (roads, bridges, hospitals, schools,
ports), in running text, after a construction verb, as a named work, or listed one per item of a footnote."""

from __future__ import annotations

import re
from functools import lru_cache

from loaders import patterns as P
from loaders.model import Span
from loaders.read import Source, normalise


# --- projects -----------------------------------------------------------------------------------
def _project_name(raw: str, *, stop: bool = True) -> str | None:
    """A project's name from the words matched: cut where a clause goes on (``stop``; a named work's pattern
    already ends the name) and capitalised."""
    name = raw
    # "nối" ends a name that already names its work ("Cầu Bến Rừng nối Quảng Ninh với Hải Phòng"), not one whose
    # ends name it ("Đường nối Cảng hàng không Thọ Xuân với …", "Tuyến đường bao biển nối Hạ Long - Cẩm Phả"), nor
    # a road extended ("Đường Trần Hưng Đạo nối dài")
    words = name.split()
    for i, w in enumerate(words[2:], 2):
        if (
            w == "nối"
            and words[i - 1] != "kết"
            and words[i + 1 : i + 2] != ["dài"]
            and re.search(r"\s(?:[A-ZĐ]|\d)", " " + " ".join(words[1:i]))
        ):
            name = " ".join(words[:i])
            break
    # "… đoạn qua tỉnh Bắc Giang" names the stretch of the work: kept with its place, and nothing after it
    stretch = P.PROJECT_STRETCH_RE.search(name)
    tail = stretch.group(0) if stretch else ""
    name = name[: stretch.start()] if stretch else name
    name = (_cut_at_stop(name) if stop else name).strip(" .…*_,") + tail
    name = re.sub(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+$", "", name)  # a footnote mark after the name
    # a remark on who does it is no part of the name: "Trung tâm điều hành thông minh tỉnh (Sở KH&ĐT phối hợp)"
    name = re.sub(r"\s*\([^()]*\b(?:chủ trì|phối hợp|thực hiện|Sở|Ban|UBND)\b[^()]*\)$", "", name)
    name = normalise(re.sub(r"\s+", " ", name))  # new tone placement, as bodies' names
    return name[0].upper() + name[1:] if len(name) > 6 else None


def _cut_at_stop(name: str) -> str:
    """The name up to the first word where a clause goes on ("… và các …", "… để …") once it has named something
    (a proper name or a number): "Trường … tiểu học và trung học cơ sở xã Phó Bảng" keeps its "và"."""
    for m in P.PROJECT_STOP_AT_RE.finditer(name):
        if name.count("(", 0, m.start()) > name.count(")", 0, m.start()):
            continue  # inside the stretch's parenthesis: "(đoạn qua huyện Lệ Thủy và huyện Quảng Ninh)"
        # only a bare "và" or "phục vụ" may go on with one name, until the name has named something ("Khu tái định cư
        # phục vụ Cảng biển Trần Đề", but "Hồ chứa nước Ô Tà Sóc | phục vụ tưới tiêu …")
        if m.group(0).strip() not in ("và", "phục vụ") or re.search(r"\s(?:[A-ZĐ]|\d)", name[1 : m.start()]):
            # (a school of two levels goes on: "Trường Phổ thông nội trú liên cấp Tiểu học và Trung học cơ sở xã …")
            if m.group(0).strip() == "và" and P.SCHOOL_LEVEL_RE.match(name, m.end()) and name.startswith("Trường"):
                continue
            return name[: m.start()]
    return name


@lru_cache(maxsize=8)
def _one_line(text: str) -> str:
    return text.replace("\n", " ")


def _finished(text: str, start: int, at: int, *, past: bool, end: int | None = None) -> bool:
    """The work named at ``at`` (to ``end``) is said to be finished: with "đã" before or after it ("… cầu Nguyễn
    Hoàng) đã hoàn thành"), or in a part that reports the past."""
    m = P.FINISHED_WORK_RE.search(text, max(start, at - 60), at)
    lo = max(start, at - 200)
    clause = max(lo, *(text.rfind(c, lo, at) + 1 for c in ".;:!?\n"))
    # (the "đã" earlier in its clause: "Tỉnh đã tổ chức khởi công … và hoàn thành, đưa vào sử dụng cầu Hòa Bình 3")
    if m is not None and (past or m.group("done") is not None or re.search(r"\bđã\s", text[clause : m.start()])):
        return True
    return end is not None and P.FINISHED_AFTER_RE.match(text, end) is not None


def _end_of(name: str | None, shown: str, at: int) -> int | None:
    """Where ``name`` (as ``_project_name`` gave it: capitalised, spaces folded) ends in the text shown from ``at``."""
    if not name:
        return None
    m = re.compile(r"\s+".join(map(re.escape, name.split())), re.I).match(shown, at)
    return m.end() if m else None


def _hits(text: str, start: int, end: int) -> tuple[list[Span], list[Span]]:
    """The spans of project names in ``start:end``, and those of them named with a capital after "Dự án"."""
    hits = _project_spans(P.PROJECT_AFTER_RE, text, start, end)
    named = [h for h in _project_spans(P.PROJECT_CAPITALISED_RE, text, start, end) if h not in hits]
    hits += named
    # "khởi công xây dựng Bệnh viện …": a capitalised object of a construction verb, and the works joined to it
    # ("xây dựng Trường A và Trường B")
    for a, b in _project_spans(P.PROJECT_AFTER_VERB_RE, text, start, end):
        joined = hits and re.fullmatch(r"[^,;.]*\svà\s+", text[hits[-1][0] : a])
        if P.CONSTRUCTION_VERB_RE.search(text[max(start, a - 40) : a]) or joined:
            hits.append((a, b))
    # "nâng cấp đường huyện 389B …": a lowercase work right after the verb, named by a number or a place, and
    # the works joined to it ("… đường liên thôn Khe Nhàn - Ngòi Lao và nhà văn hóa thôn Đồng Phú")
    for a, b in _project_spans(P.PROJECT_LOWER_AFTER_VERB_RE, text, start, end):
        joined = hits and re.fullmatch(r"[^,;.]*\svà\s+", text[max(hits)[0] : a])
        if (P.CONSTRUCTION_VERB_RE.search(text[max(start, a - 40) : a]) or joined) and (a, b) not in hits:
            hits.append((a, b))
    return hits, named


def find_projects(source: Source, spans: list[Span], *, past: frozenset[Span] = frozenset()) -> list[str]:
    """Named construction and investment projects with a concrete object; not works said to be finished (with
    "đã", or anywhere in the ``past`` spans)."""
    # a name may be wrapped over two lines: read on one (same length, so offsets hold)
    text, shown = _one_line(source.match), _one_line(source.text)
    names: list[str] = []
    finished: set[str] = set()
    for start, end in spans:
        hits, named = _hits(text, start, end)
        done_at = -1  # a work joined by "và" to a finished one is finished too
        for a, b in sorted(hits):  # in the order the text names them
            name = _project_name(shown[a:b])
            after_done = done_at >= 0 and re.fullmatch(r"[^,;.]*\svà\s+", text[done_at:a])
            name_end = _end_of(name, shown, a) or b  # ("X đã hoàn thành" cut at X)
            if name and (after_done or _finished(text, start, a, past=(start, end) in past, end=name_end)):
                finished.add(name.lower())
                done_at = a
                continue
            # in running text, a project names something concrete: a proper name or a number — or a capitalised
            # name of its own after "Dự án" ("Dự án cải tạo Nhà văn hóa trung tâm xã")
            if name and (
                re.search(r"\s(?:[A-ZĐ]|\d)", name[1:])
                or ((a, b) in named and len(name.split()) >= 4)
                or re.search(
                    r"(?<!\scấp)\s(?:tỉnh|thành phố|huyện|thị xã|quận)$", name
                )  # the province's own: "… thông minh tỉnh"
            ):
                names.append(name)
        for m in P.PROJECT_LIST_RE.finditer(text, start, end):
            offset = m.start("items")
            for item in re.finditer(r"(?:^|,|;|\s+và\s+)\s*(?P<item>.+?)(?=,|;|\s+và\s+|$)", m.group("items")):
                raw = shown[offset + item.start("item") : offset + item.end("item")].strip()
                if P.PROJECT_ITEM_RE.match(raw) and raw[:1].isupper():
                    name = _project_name(raw)
                    if name:
                        names.append(name)
        names += _listed_works(text, shown, start, end)
    # a named work ("Bến cảng Liên Chiểu") that no longer name already holds
    for start, end in spans:
        for m in P.PROJECT_NAMED_RE.finditer(text, start, end):
            name = _project_name(shown[m.start("name") : m.end("name")], stop=False)
            name = name[:1].upper() + name[1:] if name else name
            if not name or any(name.lower() in n.lower() for n in names):
                continue
            at, past_ = m.start("name"), (start, end) in past
            if name.lower() in finished or _finished(text, start, at, past=past_, end=m.end("name")):
                continue
            shorter = [n for n in names if name.lower().startswith(n.lower())]  # cut short by a stop word: "… cho"
            names = [name if n in shorter[:1] else n for n in names if n not in shorter[1:]]
            if not shorter and not any(n.lower() in name.lower() for n in names):
                names.append(name)
    # one project named twice, the second time with a tail ("… giai đoạn 2021 - 2025"): keep the name
    return [n for n in names if not any(o != n and n.startswith(o + " ") for o in names)]


def _listed_works(text: str, shown: str, start: int, end: int) -> list[str]:
    """Works a plan funds, listed with their amounts after "gồm" / "trong đó" (``patterns.WORKS_INCLUDED_RE``) or
    one an item (``patterns.WORK_LINE_RE``)."""
    items = [
        (m.start("items") + i.start(), m.start("items") + i.end())
        for m in P.WORKS_INCLUDED_RE.finditer(text, start, end)
        for i in re.finditer(r"[^;]+", m.group("items"))
    ]
    line = P.WORK_LINE_RE.match(text, start, end)  # the block is the item
    items += [line.span("item")] if line else []
    out = []
    for a, b in items:
        item = P.WORKS_OPEN_RE.sub("", shown[a:b])
        if P.FINISHED_IN_ITEM_RE.search(item):
            continue  # "(giảm 7.000 triệu đồng, dự án đã hoàn thành, quyết toán)"
        raw = P.WORK_AMOUNT_RE.sub("", item).strip()
        name = _project_name(raw) if raw[:1].isupper() and P.LISTED_WORK_RE.match(raw) else None
        if name:
            out.append(name)
    return out


def _project_spans(pattern: re.Pattern, text: str, start: int, end: int) -> list[Span]:
    """Name spans of a project pattern; a name ends before "và (dự án|công trình|<verb>) …", where the
    search goes on (two projects in one clause)."""
    out: list[Span] = []
    pos = start
    while True:
        m = pattern.search(text, pos, end)
        if not m:
            return out
        a, b = m.span("name")
        cut = re.search(
            r"\s+và\s+(?=(?:dự án|công trình|nâng cấp|cải tạo|mở rộng|xây dựng)\s|"
            r"(?-i:Trường|Đường|Cầu|Bệnh viện|Khu|Cụm|Nhà|Chợ|Trung tâm|Hệ thống)\s)",
            text[a:b],
            re.I,
        )
        b = a + cut.start() if cut else b
        tail = P.PROJECT_STRETCH_TAIL_RE.match(text, b) if " đoạn qua " in text[a:b] else None
        b = tail.end() if tail else b  # "… đoạn qua khóm 3, phường Bạc Liêu"
        out.append((a, b))
        stop = P.PROJECT_STOP_RE.search(text[a:b])  # where the name really ends: search on from there
        pos = max(a + stop.start() if stop else b, m.start("name") + 1)


def find_projects_in_list(source: Source, span: Span) -> list[str]:
    """Projects listed one per item (a footnote "Đường cao tốc …; Bệnh viện …; …")."""
    shown = source.text[span[0] : span[1]]
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
