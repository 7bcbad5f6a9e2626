"""One synthetic document: its header (cheap, computable for any index) and its text and truth.

A document depends only on ``(seed, index)``: the corpus of size 1k is a prefix of the one of
size 10k. Index ``i`` falls in cell ``i % (63 × 10)`` = (province, year) and has rank
``i // 630`` in that cell; the rank makes its number unique within (province, year, type).
"""

from __future__ import annotations

import random
import re
import textwrap
import unicodedata
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

from . import vocab as V
from .catalog import BCH, LAWS, Catalog, CentralDoc

YEARS = list(range(2016, 2026))
LAST_DAY = {2025: date(2025, 6, 30)}  # the 2025 merger (1 July) is out of scope: see bench/README.md
# kind: (weight, type code, word, title word, issuer role)
KINDS = {
    "news-report": (34, None, None, None, None),
    "conclusion": (12, "KL", "Kết luận", "KẾT LUẬN", "bch"),
    "notice": (18, "TB", "Thông báo", "THÔNG BÁO KẾT LUẬN", "btv"),
    "program": (10, "CTr", "Chương trình", "CHƯƠNG TRÌNH HÀNH ĐỘNG", "btv"),
    "plan": (12, "KH", "Kế hoạch", "KẾ HOẠCH", "btv"),
    "directive": (7, "CT", "Chỉ thị", "CHỈ THỊ", "btv"),
    "resolution": (7, "NQ", "Nghị quyết", "NGHỊ QUYẾT", "bch"),
}
KIND_NAMES = list(KINDS)
KIND_CUM = []
_t = 0
for _k in KIND_NAMES:
    _t += KINDS[_k][0]
    KIND_CUM.append(_t)
NUMBERING = {"KL": (10, 2), "TB": (100, 9), "CTr": (1, 1), "KH": (5, 3), "CT": (1, 1), "NQ": (1, 1)}
QUARTER_END = {1: (3, 31), 2: (6, 30), 3: (9, 30), 4: (12, 31)}
QUARTER_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
COUNT_WORDS = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu", "Bảy", "Tám"]


@dataclass(slots=True)
class Header:
    """What other documents need to know to cite document ``i``."""

    i: int
    province: V.Province
    year: int
    date: date
    kind: str
    number: int | None
    issuer: str  # as printed, e.g. "Ban Thường vụ Tỉnh ủy"

    @property
    def code(self) -> str | None:
        return KINDS[self.kind][1]

    @property
    def word(self) -> str | None:
        return KINDS[self.kind][2]

    @property
    def symbol(self) -> str | None:
        return f"{self.number:02d}-{self.code}/TU" if self.number is not None else None

    def key(self) -> str:
        return f"{self.province.slug}/{self.symbol}@{self.year}"


def header(seed: int, i: int) -> Header:
    """The header of document ``i`` (province, year, kind, date, number)."""
    provs = V.provinces()
    ncell = len(provs) * len(YEARS)
    cell, rank = i % ncell, i // ncell
    prov, year = provs[cell // len(YEARS)], YEARS[cell % len(YEARS)]
    rng = random.Random(f"h:{seed}:{i}")
    u = rng.random() * KIND_CUM[-1]
    kind = next(k for k, c in zip(KIND_NAMES, KIND_CUM) if u < c)
    start = date(year, 1, 1)
    d = start + timedelta(days=rng.randrange((LAST_DAY.get(year, date(year, 12, 31)) - start).days + 1))
    code = KINDS[kind][1]
    numbered = code is not None and (kind != "conclusion" or rng.random() < 0.5)
    number = None
    if numbered:
        base, step = NUMBERING[code]
        number = base + rank * step
    role = KINDS[kind][4]
    c = prov.committee
    issuer = {"bch": "Ban Chấp hành Đảng bộ " + prov.unit, "btv": f"Ban Thường vụ {c}", None: c}[role]
    return Header(i, prov, year, d, kind, number, issuer)


# -- text helpers ---------------------------------------------------------------------------------
def fmt_date(d: date, rng: random.Random) -> str:
    """A date as printed in a citation, in one of the shapes of the real corpus."""
    r = rng.random()
    if r < 0.45:
        return f"{d.day}/{d.month}/{d.year}"
    if r < 0.7:
        return f"{d.day:02d}/{d.month:02d}/{d.year}"
    if r < 0.82:
        return f"{d.day}-{d.month}-{d.year}"
    if r < 0.9:
        return f"{d.day:02d}-{d.month:02d}-{d.year}"
    return f"{d.day} tháng {d.month:02d} năm {d.year}"


def long_date(d: date) -> str:
    return f"ngày {d.day} tháng {d.month} năm {d.year}"


ISSUER_VARIANTS = {
    BCH: [BCH, BCH, "Ban Chấp hành Trung ương", "BCH Trung ương Đảng"],
    "Ban Bí thư": ["Ban Bí thư", "Ban Bí thư", "Ban Bí thư Trung ương Đảng"],
}


def _sym_variant(sym: str, rng: random.Random) -> str:
    r = rng.random()
    if not sym.endswith("/TW"):
        return sym
    if r < 0.03:
        return sym.replace("-", " - ", 1)
    if r < 0.05:
        return sym.replace("-", "/", 1)
    return sym


class Doc:
    """Blocks of one document plus what it cites and which tasks it holds (the truth)."""

    def __init__(self, h: Header, rng: random.Random, catalog: Catalog, seed: int) -> None:
        self.h, self.rng, self.cat, self.seed = h, rng, catalog, seed
        self.blocks: list[tuple[str, object]] = []
        self.cites: dict[str, dict] = {}
        self.based_on: set[str] = set()
        self.implements: set[str] = set()
        self.named: set[str] = set()
        self.tasks: list[dict] = []
        m = h.date.month
        self.fill = {"c": h.province.committee, "u": h.province.unit}
        self.bodies = {k: v.format(**self.fill) for k, v in V.bodies(h.year, m).items()}

    # -- citations --------------------------------------------------------------------------
    def _record(self, c: CentralDoc | Header, dated: bool) -> str:
        if isinstance(c, Header):
            key, entry = (
                c.key(),
                {
                    "symbol": c.symbol,
                    "year": c.year,
                    "date": c.date.isoformat(),
                    "scope": "provincial",
                    "province": c.province.slug,
                },
            )
        else:
            key, entry = (
                c.key(),
                {
                    "symbol": c.symbol,
                    "year": c.year,
                    "date": c.date.isoformat(),
                    "scope": "central",
                    "homonyms": len(c.homonyms),
                },
            )
        e = self.cites.setdefault(key, {**entry, "mentions": 0, "dated": False})
        e["mentions"] += 1
        e["dated"] = e["dated"] or dated
        return key

    def cite(self, c: CentralDoc | Header, *, role: str | None = None, short_ok: bool = True) -> str:
        """A full citation (first mention) or a re-mention of a document already cited."""
        rng = self.rng
        prov = isinstance(c, Header)
        key = c.key()
        if role == "based_on":
            self.based_on.add(key)
        elif role == "implements":
            self.implements.add(key)
        if key in self.cites:
            self._record(c, False)
            sym = c.symbol
            if not prov and c.kind == "directive" and rng.random() < 0.15:
                return f"{c.word} {c.number.lstrip('0')}"
            return f"{c.word} số {sym}" if rng.random() < 0.6 else f"{c.word} {sym}"
        sym = _sym_variant(c.symbol, rng)
        word = c.word
        if prov:
            issuer = c.issuer
            khoa = ""
        else:
            issuer = rng.choice(ISSUER_VARIANTS.get(c.issuer, [c.issuer]))
            khoa = ""
            if c.issuer == BCH and c.term and rng.random() < 0.6:
                khoa = f" khóa {c.term}" if rng.random() < 0.6 else f" (khóa {c.term})"
        d = fmt_date(c.date, rng)
        r = rng.random()
        dated = True
        if r < 0.35:
            text = f"{word} số {sym}, ngày {d} của {issuer}{khoa}"
        elif r < 0.55:
            text = f"{word} số {sym} ngày {d} của {issuer}"
        elif r < 0.65:
            text = f"{word} {sym}, ngày {d} của {issuer}{khoa}"
        elif r < 0.77:
            text = f"{word} số {sym} của {issuer} ngày {d}"
        elif r < 0.87:
            text = f"{word} số {sym}, ngày {d}"
        elif r < 0.94 and khoa:
            text, dated = f"{word} số {sym} của {issuer}{khoa}", False
        elif short_ok and r >= 0.97:
            text, dated = f"{word} {sym}", False
        else:
            text = f"{word} số {sym} ngày {d} của {issuer}"
        self._record(c, dated)
        return text

    def central(self, *, pool: str = "all", within: int | None = None) -> CentralDoc | None:
        return self.cat.sample(self.rng, self.h.date, pool=pool, within_days=within)

    def provincial(self) -> Header | None:
        """An earlier numbered document of the same province (always present in any corpus holding this one)."""
        provs = V.provinces()
        ncell = len(provs) * len(YEARS)
        p = self.h.i % ncell // len(YEARS)
        rank = self.h.i // ncell
        for _ in range(4):
            y = self.rng.randrange(0, YEARS.index(self.h.year) + 1)
            r = self.rng.randrange(0, rank + 1)
            j = r * ncell + p * len(YEARS) + y
            if j >= self.h.i:
                continue
            o = header(self.seed, j)
            if o.number is not None and o.date < self.h.date:
                return o
        return None

    # -- blocks -----------------------------------------------------------------------------
    def add(self, kind: str, value: object) -> None:
        self.blocks.append((kind, value))

    def task(self, kind: str, text: str, meta: dict) -> None:
        self.blocks.append((kind, text))
        self.tasks.append(meta)

    # -- phrases ----------------------------------------------------------------------------
    def direction(self, *, cite_p: float = 0.12, implements: CentralDoc | None = None) -> tuple[str, dict]:
        """A direction without an assignee (a bullet of ``nhiệm vụ, giải pháp``)."""
        rng = self.rng
        meta = {"lead": None, "deadline": None, "ongoing": False, "projects": []}
        text = f"{rng.choice(V.VERBS)} {rng.choice(V.OBJECTS)}; {rng.choice(V.QUALS)}."
        if implements is not None:
            text = (
                f"Tổ chức quán triệt, triển khai thực hiện {self.cite(implements)} {rng.choice(V.QUALS)}; "
                + text[0].lower()
                + text[1:]
            )
        elif rng.random() < cite_p:
            c = self.central()
            if c is not None:
                text = f"Tiếp tục thực hiện hiệu quả {self.cite(c)}; " + text[0].lower() + text[1:]
        if rng.random() < 0.1:
            proj = self.project()
            text += f" Đẩy nhanh tiến độ dự án {proj}."
            meta["projects"].append(proj)
        if rng.random() < 0.12:
            text = text[:-1] + "; thực hiện thường xuyên."
            meta["ongoing"] = True
        return text, meta

    def project(self) -> str:
        rng, p = self.rng, self.h.province
        a, b = rng.sample(p.districts, 2) if len(p.districts) > 1 else (p.districts[0], p.name)
        if a == b:
            b = p.name
        return rng.choice(V.PROJECTS).format(a=a, b=b, p=f"{p.unit} {p.name}")

    def deadline(self, report: bool = True) -> tuple[str, str | None, bool]:
        """(printed suffix, ISO deadline or None, ongoing)."""
        rng, d0 = self.rng, self.h.date
        r = rng.random()
        d = d0 + timedelta(days=rng.randrange(20, 300))
        if r < 0.3:
            form = rng.choice(
                [
                    ", hoàn thành trước ngày {d}",
                    " (thời hạn hoàn thành trước ngày {d})",
                    ", báo cáo Ban Thường vụ {c} trước ngày {d}",
                ][: 3 if report else 2]
            )
            ds = f"{d.day}/{d.month}/{d.year}" if rng.random() < 0.8 else f"{d.day} tháng {d.month} năm {d.year}"
            return form.format(d=ds, **self.fill), d.isoformat(), False
        if r < 0.4:
            q = (d.month - 1) // 3 + 1
            m, day = QUARTER_END[q]
            return f", hoàn thành trong quý {QUARTER_ROMAN[q]} năm {d.year}", date(d.year, m, day).isoformat(), False
        if r < 0.48:
            end = date(d.year + (d.month == 12), d.month % 12 + 1, 1) - timedelta(days=1)
            return f", hoàn thành trong tháng {d.month}/{d.year}", end.isoformat(), False
        if r < 0.6:
            return "; thực hiện thường xuyên", None, True
        if r < 0.72 and report:
            return f"; định kỳ hằng năm báo cáo Ban Thường vụ {self.fill['c']} kết quả thực hiện", None, False
        return "", None, False

    def assignment(self, *, implements: CentralDoc | None = None) -> tuple[str, dict]:
        """An assignment ``Giao X chủ trì, phối hợp với Y …`` with its deadline."""
        rng, b = self.rng, self.bodies
        role = rng.choice(V.LEAD_ROLES)
        lead = b[role]
        others = [b[k] for k in b if b[k] != lead]
        partners = rng.sample(others, rng.randrange(0, 3)) + [
            s.format(**self.fill) for s in rng.sample(V.SO, rng.randrange(0, 2))
        ]
        action = rng.choice(V.ACTIONS).format(**self.fill)
        projects = []
        if implements is not None:
            action = f"xây dựng kế hoạch triển khai thực hiện {self.cite(implements)}"
        elif rng.random() < 0.15:
            proj = self.project()
            action = f"tập trung tháo gỡ vướng mắc, đẩy nhanh tiến độ dự án {proj}"
            projects.append(proj)
        suffix, dl, ongoing = self.deadline("báo cáo" not in action)
        r = rng.random()
        if partners and r < 0.4:
            text = f"Giao {lead} chủ trì, phối hợp với {', '.join(partners)} {action}{suffix}."
        elif role in V.SUBORDINATE and r < 0.6:
            text = f"Giao {lead} lãnh đạo {V.SUBORDINATE[role].format(**self.fill)} {action}{suffix}."
        elif r < 0.75:
            text = f"{lead} chủ trì {action}{suffix}."
        elif r < 0.85:
            text = f"Đề nghị {lead} {action}{suffix}."
        else:
            text = f"Giao {lead} {action}{suffix}."
        return text, {
            "lead": lead,
            "partners": partners,
            "deadline": dl,
            "ongoing": ongoing,
            "projects": projects,
            "_action": action[0].upper() + action[1:],
        }

    def prose(self, n: int, *, cite_p: float = 0.3) -> str:
        rng = self.rng
        parts = []
        for _ in range(n):
            s = rng.choice(V.RESULTS if rng.random() < 0.6 else V.WEAKNESSES)
            parts.append(
                s.format(
                    pct=f"{rng.randrange(4, 11)},{rng.randrange(10, 99)}", pct2=rng.randrange(40, 120), **self.fill
                )
            )
        if rng.random() < cite_p:
            c = self.central()
            if c is not None:
                parts.insert(
                    rng.randrange(len(parts) + 1), f"Các cấp ủy tiếp tục quán triệt, thực hiện {self.cite(c)}."
                )
        if rng.random() < 0.1:
            law = rng.choice(LAWS)
            if int(law[-4:]) > self.h.year:
                return " ".join(parts)
            self.named.add(law)
            parts.append(f"Việc thi hành {law} được triển khai nghiêm túc.")
        return " ".join(parts)

    def term(self) -> tuple[int, str]:
        """Number and period of the provincial Party Congress term in force at the document's date."""
        t = self.h.province.term_2020
        if self.h.date < date(2020, 10, 15):
            return t - 1, "2015 - 2020"
        return t, "2020 - 2025"

    def meeting_number(self) -> int:
        start = date(2015, 10, 15) if self.h.date < date(2020, 10, 15) else date(2020, 10, 15)
        return 1 + (self.h.date - start).days // 55

    def people(self) -> dict[str, str]:
        t, _ = self.term()
        p = self.h.province.slug
        return {"bt": V.person(p, t, "bt"), "pbttt": V.person(p, t, "pbttt"), "ct": V.person(p, t, "ct")}

    def signature(self, default_tm: str) -> tuple[str, str, str]:
        ppl = self.people()
        if self.rng.random() < 0.65:
            return default_tm, "BÍ THƯ", ppl["bt"]
        return default_tm, "PHÓ BÍ THƯ THƯỜNG TRỰC", ppl["pbttt"]

    def recipients(self) -> list[str]:
        c = self.fill["c"]
        return [
            "Ban Bí thư Trung ương Đảng (để báo cáo),",
            "Các ban đảng Trung ương,",
            f"Thường trực {c},",
            f"Các đồng chí {c} viên,",
            "Các ban cán sự đảng, đảng đoàn,",
            "Các huyện ủy, thị ủy, thành ủy, đảng ủy trực thuộc,",
            f"Lưu Văn phòng {c}.",
        ][self.rng.randrange(0, 3) :]


# -- the document kinds ----------------------------------------------------------------------------
TAGLINES = [
    "tập trung tháo gỡ khó khăn, hoàn thành các chỉ tiêu năm {y}",
    "dồn sức cho những tháng cuối năm {y}",
    "nhìn thẳng vào những chỉ tiêu khó đạt",
    "quyết liệt hành động, tạo bứt phá trong năm {y}",
    "thống nhất cao các nội dung quan trọng",
]
SUBHEADS = [
    "Kinh tế giữ đà tăng trưởng",
    "Nhiều kết quả nổi bật",
    "Thảo luận sâu về nhiều nội dung",
    "Không được chọn việc dễ, né việc khó",
    "Biểu quyết thống nhất cao",
    "Tiến độ một số dự án còn chậm",
]


def _tasks_block(
    doc: Doc, n: int, *, assign_p: float, implements: CentralDoc | None = None, bullet: str = "li"
) -> None:
    for k in range(n):
        imp = implements if (implements is not None and k == 0) else None
        if doc.rng.random() < assign_p:
            text, meta = doc.assignment(implements=imp)
        else:
            text, meta = doc.direction(implements=imp)
        doc.task(bullet, text, meta)


def build_news(doc: Doc) -> None:
    rng, h = doc.rng, doc.h
    t, period = doc.term()
    n = doc.meeting_number()
    ppl = doc.people()
    c, u = doc.fill["c"], doc.fill["u"]
    body = "Ban Chấp hành Đảng bộ " + u
    doc.meeting = {"body": body, "number": n, "term": V.roman(t)}
    tag = rng.choice(TAGLINES).format(y=h.year)
    doc.add("raw", f"Hội nghị lần thứ {n} {body} khóa {V.roman(t)}: {tag[0].upper()}{tag[1:]}")
    when = rng.choice(
        [
            f"Ngày {h.date.day}-{h.date.month}",
            f"Chiều {h.date.day}/{h.date.month}",
            f"Ngày {h.date.day}/{h.date.month}/{h.year}",
        ]
    )
    doc.add(
        "p",
        f"{when}, {body} khóa {V.roman(t)}, nhiệm kỳ {period} họp Hội nghị lần thứ {n} để kiểm điểm kết quả "
        f"thực hiện nhiệm vụ chính trị và thống nhất những việc phải làm trong thời gian tới. Hội nghị do "
        f"đồng chí {ppl['bt']}, Bí thư {c} chủ trì, cùng các đồng chí: {ppl['pbttt']}, Phó Bí thư Thường trực "
        f"{c}; {ppl['ct']}, Phó Bí thư {c}, Chủ tịch UBND {u}.",
    )
    for _ in range(rng.randrange(1, 3)):
        doc.add("raw", rng.choice(SUBHEADS))
        doc.add("p", doc.prose(rng.randrange(2, 5), cite_p=0.6))
    doc.add(
        "p",
        f"Phát biểu kết luận hội nghị, đồng chí Bí thư {c} {ppl['bt']} đề nghị tập trung vào một số nội dung trọng tâm:",
    )
    k = rng.randrange(3, 7)
    if rng.random() < 0.5:
        for j in range(k):
            text, meta = doc.direction(cite_p=0.2) if rng.random() < 0.5 else doc.assignment()
            if not (meta["lead"] and text.startswith(meta["lead"])):
                text = text[0].lower() + text[1:]
            doc.task("p", f"{COUNT_WORDS[j]} là, {text}", meta)
    else:
        _tasks_block(doc, k, assign_p=0.6)
    doc.add("p", f"Tại hội nghị, {body} đã cho ý kiến vào các nội dung quan trọng khác thuộc thẩm quyền.")


def _official_header(doc: Doc) -> None:
    h = doc.h
    doc.add(
        "hdr",
        {
            "party": f"ĐẢNG BỘ {h.province.unit.upper()} {h.province.name.upper()}",
            "committee": f"{h.province.committee.upper()} {h.province.name.upper()}",
            "symbol": f"Số {h.symbol}" if h.symbol else None,
            "place": f"{h.province.seat}, {long_date(h.date)}",
        },
    )


def build_conclusion(doc: Doc) -> None:
    rng, h = doc.rng, doc.h
    t, period = doc.term()
    n = doc.meeting_number()
    body = "Ban Chấp hành Đảng bộ " + h.province.unit
    doc.meeting = {"body": body, "number": n, "term": V.roman(t)}
    if h.symbol:
        _official_header(doc)
    doc.add("title", ("KẾT LUẬN", f"Hội nghị {body} lần thứ {n} (khóa {V.roman(t)}), nhiệm kỳ {period}"))
    doc.add(
        "p",
        f"{'Ngày ' + fmt_date(h.date, rng)}, tại Hội nghị lần thứ {n}, khóa {V.roman(t)}, nhiệm kỳ {period}, "
        f"{body} đã thảo luận, cho ý kiến vào dự thảo báo cáo kết quả thực hiện nhiệm vụ chính trị. "
        f"Sau khi thảo luận, {body} thống nhất kết luận như sau:",
    )
    doc.add("h2", "1. Về kết quả thực hiện nhiệm vụ chính trị")
    doc.add("p", doc.prose(rng.randrange(3, 6), cite_p=0.7))
    doc.add("h2", "2. Về phương hướng, nhiệm vụ thời gian tới")
    for j in range(rng.randrange(1, 4)):
        doc.add(
            "h3",
            f"2.{j + 1}. {rng.choice(['Về phát triển kinh tế - xã hội', 'Về quốc phòng, an ninh, đối ngoại', 'Về công tác xây dựng Đảng, xây dựng hệ thống chính trị'])}",
        )
        _tasks_block(doc, rng.randrange(2, 6), assign_p=0.3)
    if rng.random() < 0.5:
        docs = [c for c in (doc.central(within=900) for _ in range(rng.randrange(2, 5))) if c is not None]
        if docs:
            doc.add("h2", "3. Về quán triệt, triển khai các văn bản của Trung ương")
            text, meta = (
                f"Hội nghị đã phổ biến, quán triệt, triển khai các văn bản: "
                + "; ".join(doc.cite(c, short_ok=False) for c in docs)
                + ". Yêu cầu các cấp ủy, tổ chức đảng tổ chức quán triệt, cụ thể hóa và triển khai thực hiện nghiêm túc.",
                {"lead": None, "deadline": None, "ongoing": False, "projects": []},
            )
            doc.task("p", text, meta)
    doc.add("p", f"{body} kết luận chỉ đạo để các đảng bộ, địa phương, đơn vị liên quan triển khai thực hiện.")
    doc.add("recv", doc.recipients())
    doc.add("sig", doc.signature(rng.choice(["T/M BAN CHẤP HÀNH", f"T/M {h.province.committee.upper()}"])))


def build_notice(doc: Doc) -> None:
    rng, h = doc.rng, doc.h
    ppl = doc.people()
    c = doc.fill["c"]
    _official_header(doc)
    topic = rng.choice(V.TOPICS)
    doc.add("title", ("THÔNG BÁO KẾT LUẬN", f"của Ban Thường vụ {c} {topic}"))
    meet = h.date - timedelta(days=rng.randrange(1, 6))
    basis = [x for x in (doc.central(within=1500) for _ in range(rng.randrange(1, 4))) if x is not None]
    based = ("Căn cứ " + ", ".join(doc.cite(x, role="based_on", short_ok=False) for x in basis) + ", ") if basis else ""
    doc.add(
        "p",
        f"Ngày {fmt_date(meet, rng)}, Ban Thường vụ {c} họp dưới sự chủ trì của đồng chí {ppl['bt']}, "
        f"Bí thư {c}, để nghe báo cáo dự thảo Đề án {topic}. {based}sau khi thảo luận, "
        f"Ban Thường vụ {c} kết luận như sau:",
    )
    doc.add("num", f"1. {doc.prose(2, cite_p=0.4)}")
    doc.add("num", "2. Giao nhiệm vụ cụ thể như sau:")
    k = rng.randrange(3, 8)
    for j in range(k):
        text, meta = doc.assignment()
        doc.task("num", f"2.{j + 1}. {text}", meta)
    prev = doc.provincial()
    if prev is not None and rng.random() < 0.6:
        text = (
            f"3. Các huyện ủy, thành ủy, đảng ủy trực thuộc {c} tiếp tục thực hiện nghiêm {doc.cite(prev)} "
            f"và Thông báo này."
        )
        doc.task("num", text, {"lead": None, "deadline": None, "ongoing": False, "projects": []})
    doc.add("p", f"Ban Thường vụ {c} thông báo để các cơ quan, đơn vị, địa phương biết, thực hiện.")
    doc.add("recv", doc.recipients())
    doc.add("sig", doc.signature("T/M BAN THƯỜNG VỤ"))


def build_program(doc: Doc) -> None:
    """Chương trình hành động / Kế hoạch thực hiện a central document (and resolutions of the province)."""
    rng, h = doc.rng, doc.h
    c = doc.fill["c"]
    t, _ = doc.term()
    _official_header(doc)
    main = doc.central(pool="party", within=1100) if h.kind in ("program", "plan") else None
    if main is not None:
        head = doc.cite(main, role="implements", short_ok=False)
        doc.add("title", (KINDS[h.kind][3], f"thực hiện {head} {main.title}"))
        basis = doc.cite(main, role="based_on")
        extra = doc.central(within=700)
        if extra is not None and extra is not main and rng.random() < 0.5:
            basis += " và " + doc.cite(extra, role="based_on", short_ok=False)
        doc.add(
            "p",
            f"Căn cứ {basis}, Ban Thường vụ {c} (khóa {V.roman(t)}) xây dựng {KINDS[h.kind][2]} với các nội dung sau:",
        )
    else:
        topic = rng.choice(V.TOPICS)
        doc.add("title", (KINDS[h.kind][3], f"của {h.issuer} {topic}"))
        doc.add("p", doc.prose(rng.randrange(2, 4), cite_p=0.8))
    doc.add("h2", "I. MỤC ĐÍCH, YÊU CẦU")
    text = doc.prose(2, cite_p=0.2)
    if main is not None and main.homonyms and rng.random() < 0.5:
        other = rng.choice(main.homonyms)
        if other.date < h.date:
            text += f" Việc thực hiện gắn với kết quả sơ kết, tổng kết {doc.cite(other, short_ok=False)} {other.title}."
    doc.add("p", text)
    doc.add("h2", "II. NHIỆM VỤ, GIẢI PHÁP CHỦ YẾU")
    table = doc.rng.random() < 0.3
    for j in range(rng.randrange(2, 6)):
        doc.add("h3", f"{j + 1}. {rng.choice(V.VERBS)} {rng.choice(V.OBJECTS)}")
        if rng.random() < 0.3:
            text, meta = doc.direction(implements=main if j == 0 else None)
            doc.task("p", text, meta)
        else:
            _tasks_block(doc, rng.randrange(1, 4), assign_p=0.1, implements=main if j == 0 else None)
    doc.add("h2", "III. TỔ CHỨC THỰC HIỆN")
    k = rng.randrange(3, 8)
    if table:
        rows = []
        for j in range(k):
            rng_text, meta = doc.assignment()
            rows.append((j + 1, rng_text, meta))
            doc.tasks.append(meta)
        doc.add("table", rows)
    else:
        for j in range(k):
            text, meta = doc.assignment(implements=main if (j == 0 and rng.random() < 0.3) else None)
            doc.task("num", f"{j + 1}. {text}", meta)
    doc.add("recv", doc.recipients())
    doc.add("sig", doc.signature("T/M BAN THƯỜNG VỤ" if KINDS[h.kind][4] == "btv" else "T/M BAN CHẤP HÀNH"))


def build_directive(doc: Doc) -> None:
    rng, h = doc.rng, doc.h
    c = doc.fill["c"]
    topic = rng.choice(V.TOPICS)
    if rng.random() < 0.4:
        doc.add("raw", f"{h.province.name.upper()}: BAN THƯỜNG VỤ {c.upper()} BAN HÀNH CHỈ THỊ {topic.upper()}")
        doc.add(
            "p",
            f"CTTĐT - Ban Thường vụ {c} {h.province.name} vừa ký ban hành (ngày {h.date.day}/{h.date.month}) "
            f"Chỉ thị số {h.symbol} {topic}. Cổng Thông tin điện tử {h.province.unit} trân trọng đăng tải toàn văn Chỉ thị.",
        )
    else:
        _official_header(doc)
    doc.add("title", ("CHỈ THỊ", f"của Ban Thường vụ {c} {topic}"))
    cited = [x for x in (doc.central(within=2500), doc.provincial()) if x is not None]
    lead = (
        "Thời gian qua, các cấp ủy, chính quyền trong "
        + h.province.unit
        + " đã quan tâm lãnh đạo, chỉ đạo triển khai "
        + (", ".join(doc.cite(x, short_ok=False) for x in cited) if cited else "các chủ trương của Trung ương")
        + ". "
    )
    doc.add("p", lead + doc.prose(2, cite_p=0.0))
    doc.add(
        "p",
        "Tuy nhiên, "
        + rng.choice(V.WEAKNESSES)[0].lower()
        + rng.choice(V.WEAKNESSES)[1:]
        + f" Để khắc phục những hạn chế trên, Ban Thường vụ {c} yêu cầu các cấp ủy, tổ chức đảng thực hiện tốt một số nhiệm vụ sau:",
    )
    for j in range(rng.randrange(3, 7)):
        text, meta = doc.direction(cite_p=0.1)
        if rng.random() < 0.4:
            atext, ameta = doc.assignment()
            text, meta = text + " " + atext, ameta
        doc.task("num", f"{j + 1}. {text}", meta)
    doc.add("p", "Chỉ thị này được phổ biến đến chi bộ.")
    doc.add("sig", doc.signature("T/M BAN THƯỜNG VỤ"))


BUILDERS = {
    "news-report": build_news,
    "conclusion": build_conclusion,
    "notice": build_notice,
    "program": build_program,
    "plan": build_program,
    "resolution": build_program,
    "directive": build_directive,
}


# -- from blocks to text ---------------------------------------------------------------------------
_NEW_TONE = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_NEW_TONE.update({k.upper(): v.upper() for k, v in list(_NEW_TONE.items())})
_NEW_TONE_RE = re.compile("(" + "|".join(_NEW_TONE) + r")(?![^\W\d_])")


def new_tone(text: str) -> str:
    """Move the tone mark to the new placement (``hóa`` → ``hoá``, ``Tỉnh ủy`` → ``Tỉnh uỷ``).

    >>> new_tone("Tỉnh ủy khóa XII hòa hợp, hoàn thành, quý")
    'Tỉnh uỷ khoá XII hoà hợp, hoàn thành, quý'
    """
    return _NEW_TONE_RE.sub(lambda m: _NEW_TONE[m.group(1)], text)


def to_text(doc: Doc, *, md: bool, wrap: int | None, loose: bool) -> str:
    """Lay the blocks out as Markdown or as plain (optionally hard-wrapped) text."""
    out: list[str] = []
    sep = "\n\n" if (md or loose) else "\n"
    fill = (lambda s: textwrap.fill(s, wrap, break_long_words=False, break_on_hyphens=False)) if wrap else (lambda s: s)
    for kind, v in doc.blocks:
        if kind == "hdr":
            if md:
                sym = f"{v['symbol']}\n\n" if v["symbol"] else "\n"
                out.append(f"**{v['committee']}**  \n{sym}**ĐẢNG CỘNG SẢN VIỆT NAM**  \n*{v['place']}*")
            else:
                sym = f"*\n{v['symbol']}\n" if v["symbol"] else "*\n"
                out.append(
                    f"{v['party']}\n{v['committee'].split(' ', 2)[0]} {v['committee'].split(' ', 2)[1]}\n{sym}\n"
                    f"ĐẢNG CỘNG SẢN VIỆT NAM\n{v['place']}"
                )
        elif kind == "title":
            word, sub = v
            out.append(f"# {word}\n\n## {sub}\n\n-----" if md else f"{word}\n{fill(sub)}\n-----")
        elif kind == "h2":
            out.append(f"## {v}" if md else fill(v.replace(". ", "- ", 1) if doc.dash else v))
        elif kind == "h3":
            out.append(f"**{v}**" if md else fill(v.replace(". ", "- ", 1) if doc.dash else v))
        elif kind == "li":
            out.append(fill(f"- {v}"))
        elif kind in ("p", "num", "raw"):
            out.append(fill(v))
        elif kind == "table":
            if md:
                rows = [
                    "| TT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian hoàn thành |",
                    "|---|---|---|---|---|",
                ]
                for j, text, meta in v:
                    dl = meta["deadline"] or ("Thường xuyên" if meta["ongoing"] else "")
                    if meta["deadline"]:
                        y, m, d = meta["deadline"].split("-")
                        dl = f"Trước ngày {int(d)}/{int(m)}/{y}"
                    rows.append(f"| {j} | {meta['_action']} | {meta['lead']} | {', '.join(meta['partners'])} | {dl} |")
                out.append("\n".join(rows))
            else:
                out.extend(fill(f"{j}. {text}") for j, text, _ in v)
        elif kind == "recv":
            out.append(("*Nơi nhận:*" if md else "Nơi nhận:") + "\n" + "\n".join(f"- {r}" for r in v))
        elif kind == "sig":
            tm, cap, name = v
            out.append(f"**{tm}  \n{cap}**\n\n**{name}**" if md else f"{tm}\n{cap}\n\n{name}")
    return sep.join(out) + "\n"


# -- one document --------------------------------------------------------------------------------
_CATALOGS: dict[int, Catalog] = {}


def catalog(seed: int) -> Catalog:
    """The central documents of a seed (built once per process)."""
    if seed not in _CATALOGS:
        _CATALOGS[seed] = Catalog(seed)
    return _CATALOGS[seed]


def render(seed: int, i: int) -> tuple[str, bytes, dict]:
    """Document ``i`` of the corpus of ``seed``: (relative path, bytes, truth record)."""
    h = header(seed, i)
    rng = random.Random(f"d:{seed}:{i}")
    doc = Doc(h, rng, catalog(seed), seed)
    doc.meeting = None
    doc.dash = rng.random() < 0.5
    BUILDERS[h.kind](doc)
    md = h.kind != "news-report" and not (h.kind == "directive" and doc.blocks[0][0] == "raw") and rng.random() < 0.35
    wrap = (
        None
        if md
        else (rng.randrange(68, 80) if (h.kind == "directive" and rng.random() < 0.6) or rng.random() < 0.05 else None)
    )
    loose = md or rng.random() < 0.6
    text = to_text(doc, md=md, wrap=wrap, loose=loose)
    form = {
        "markdown": md,
        "wrapped": wrap is not None,
        "new_tone": rng.random() < 0.3,
        "nfd": rng.random() < 0.1,
        "crlf": rng.random() < 0.15,
        "bom": rng.random() < 0.03,
    }
    if form["new_tone"]:
        text = new_tone(text)
    if form["nfd"]:
        text = unicodedata.normalize("NFD", text)
    if form["crlf"]:
        text = text.replace("\n", "\r\n")
    if form["bom"]:
        text = "\ufeff" + text
    ext = "md" if md and rng.random() < 0.5 else "txt"
    rel = f"docs/{h.province.slug}/{h.year}/{h.province.slug}-{h.year}-{i:07d}-{h.kind}.{ext}"
    tasks = doc.tasks
    truth = {
        "i": i,
        "path": rel,
        "kind": h.kind,
        "province": h.province.slug,
        "year": h.year,
        "date": h.date.isoformat(),
        "symbol": h.symbol,
        "issuer": h.issuer,
        "form": form,
        "cites": sorted(doc.cites.values(), key=lambda e: (e["scope"], e["symbol"], e["year"])),
        "citations": len(doc.cites),
        "mentions": sum(e["mentions"] for e in doc.cites.values()),
        "implements": sorted(doc.implements),
        "based_on": sorted(doc.based_on),
        "named": sorted(doc.named),
        "tasks": len(tasks),
        "deadlines": sum(1 for t in tasks if t["deadline"]),
        "ongoing": sum(1 for t in tasks if t["ongoing"]),
        "assigned": sum(1 for t in tasks if t["lead"]),
        "leads": sorted({t["lead"] for t in tasks if t["lead"]}),
        "projects": sorted({p for t in tasks for p in t["projects"]}),
        "meeting": doc.meeting,
        "signer": next((v[2] for k, v in doc.blocks if k == "sig"), None),
    }
    return rel, text.encode("utf-8"), truth
