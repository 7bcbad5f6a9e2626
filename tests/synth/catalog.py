"""The population of central documents the synthetic provincial documents cite.

Party documents are numbered per Congress term (khóa), so the same symbol recurs in
different terms (``18-NQ/TW`` of 2017 and of 2022); Prime Minister's decisions restart each
year (``326/QĐ-TTg``). A few real documents anchor the population; the rest is drawn from the
seed. Popularity is heavy-tailed (Pareto), as in the real corpus.

>>> cat = Catalog(1)
>>> sorted(d.year for d in cat.by_symbol["18-NQ/TW"])[-2:]
[2017, 2022]
>>> cat.all == sorted(cat.all, key=lambda d: d.date)
True
"""

from __future__ import annotations

import bisect
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from .vocab import TOPICS

TERMS = [
    ("XI", date(2011, 1, 20), date(2016, 1, 27)),
    ("XII", date(2016, 1, 28), date(2021, 1, 31)),
    ("XIII", date(2021, 2, 1), date(2025, 12, 31)),
]
LEGISLATURES = [
    ("QH13", date(2011, 7, 21), date(2016, 7, 19)),
    ("QH14", date(2016, 7, 20), date(2021, 7, 19)),
    ("QH15", date(2021, 7, 20), date(2025, 12, 31)),
]

BCH = "Ban Chấp hành Trung ương Đảng"
BCT = "Bộ Chính trị"
BBT = "Ban Bí thư"

# Party series: code, word, kind, issuers, highest number per term (XI, XII, XIII), share drawn.
PARTY_SERIES = [
    ("NQ", "Nghị quyết", "resolution", [BCH, BCT, BCT], (50, 55, 72), 0.8),
    ("KL", "Kết luận", "conclusion", [BCT, BBT, f"{BCT}, {BBT}", BCH], (120, 95, 230), 0.5),
    ("CT", "Chỉ thị", "directive", [BBT, BCT], (50, 45, 50), 0.8),
    ("QĐ", "Quy định", "regulation", [BCT, BBT, BCH], (300, 300, 300), 0.25),
    ("KH", "Kế hoạch", "plan", [BCT, BBT], (40, 30, 60), 0.4),
]
# State series: kind, word, issuer, symbol pattern, numbers per year, share drawn.
STATE_SERIES = [
    ("decree", "Nghị định", "Chính phủ", "{n}/{y}/NĐ-CP", 180, 0.25),
    ("decision", "Quyết định", "Thủ tướng Chính phủ", "{n}/QĐ-TTg", 1800, 0.04),
    ("resolution", "Nghị quyết", "Chính phủ", "{n}/NQ-CP", 200, 0.1),
    ("directive", "Chỉ thị", "Thủ tướng Chính phủ", "{n}/CT-TTg", 40, 0.3),
]
ANCHORS = [  # real documents: symbol, date, issuer, term, kind, word, title
    (
        "19-NQ/TW",
        date(2012, 10, 31),
        BCH,
        "XI",
        "resolution",
        "Nghị quyết",
        "về tiếp tục đổi mới chính sách, pháp luật về đất đai trong thời kỳ đẩy mạnh toàn diện công cuộc đổi mới",
    ),
    (
        "100-KL/TW",
        date(2014, 8, 18),
        BBT,
        "XI",
        "conclusion",
        "Kết luận",
        "về việc đổi mới và nâng cao chất lượng công tác điều tra, nắm bắt, nghiên cứu dư luận xã hội",
    ),
    (
        "05-CT/TW",
        date(2016, 5, 15),
        BCT,
        "XII",
        "directive",
        "Chỉ thị",
        "về đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
    ),
    (
        "13-CT/TW",
        date(2017, 1, 12),
        BBT,
        "XII",
        "directive",
        "Chỉ thị",
        "về tăng cường sự lãnh đạo của Đảng đối với công tác quản lý, bảo vệ và phát triển rừng",
    ),
    (
        "18-NQ/TW",
        date(2017, 10, 25),
        BCH,
        "XII",
        "resolution",
        "Nghị quyết",
        "về một số vấn đề về tiếp tục đổi mới, sắp xếp tổ chức bộ máy của hệ thống chính trị tinh gọn, hoạt động hiệu lực, hiệu quả",
    ),
    (
        "19-NQ/TW",
        date(2017, 10, 25),
        BCH,
        "XII",
        "resolution",
        "Nghị quyết",
        "về tiếp tục đổi mới hệ thống tổ chức và quản lý, nâng cao chất lượng và hiệu quả hoạt động của các đơn vị sự nghiệp công lập",
    ),
    (
        "58-NQ/TW",
        date(2020, 8, 5),
        BCT,
        "XII",
        "resolution",
        "Nghị quyết",
        "về xây dựng và phát triển tỉnh Thanh Hóa đến năm 2030, tầm nhìn đến năm 2045",
    ),
    (
        "21-KL/TW",
        date(2021, 10, 25),
        BCH,
        "XIII",
        "conclusion",
        "Kết luận",
        "về đẩy mạnh xây dựng, chỉnh đốn Đảng và hệ thống chính trị; kiên quyết ngăn chặn, đẩy lùi, xử lý nghiêm cán bộ, đảng viên suy thoái",
    ),
    (
        "11-NQ/TW",
        date(2022, 2, 10),
        BCT,
        "XIII",
        "resolution",
        "Nghị quyết",
        "về phương hướng phát triển kinh tế - xã hội, bảo đảm quốc phòng, an ninh vùng trung du và miền núi Bắc Bộ đến năm 2030, tầm nhìn đến năm 2045",
    ),
    ("65-QĐ/TW", date(2022, 4, 28), BCT, "XIII", "regulation", "Quy định", "về luân chuyển cán bộ"),
    (
        "18-NQ/TW",
        date(2022, 6, 16),
        BCH,
        "XIII",
        "resolution",
        "Nghị quyết",
        "về tiếp tục đổi mới, hoàn thiện thể chế, chính sách, nâng cao hiệu lực, hiệu quả quản lý và sử dụng đất",
    ),
    (
        "19-NQ/TW",
        date(2022, 6, 16),
        BCH,
        "XIII",
        "resolution",
        "Nghị quyết",
        "về nông nghiệp, nông dân, nông thôn đến năm 2030, tầm nhìn đến năm 2045",
    ),
    ("08-KH/TW", date(2022, 8, 23), BCT, "XIII", "plan", "Kế hoạch", "triển khai thực hiện Nghị quyết số 18-NQ/TW"),
    (
        "114-QĐ/TW",
        date(2023, 7, 11),
        BCT,
        "XIII",
        "regulation",
        "Quy định",
        "về kiểm soát quyền lực và phòng, chống tham nhũng, tiêu cực trong công tác cán bộ",
    ),
    (
        "57-NQ/TW",
        date(2024, 12, 22),
        BCT,
        "XIII",
        "resolution",
        "Nghị quyết",
        "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
    ),
    (
        "137-KL/TW",
        date(2025, 3, 28),
        f"{BCT}, {BBT}",
        "XIII",
        "conclusion",
        "Kết luận",
        "về Đề án sắp xếp, tổ chức lại đơn vị hành chính các cấp và xây dựng mô hình tổ chức chính quyền địa phương 2 cấp",
    ),
    (
        "60-NQ/TW",
        date(2025, 4, 12),
        BCH,
        "XIII",
        "resolution",
        "Nghị quyết",
        "về tiếp tục sắp xếp tổ chức bộ máy của hệ thống chính trị",
    ),
    (
        "75/2015/NĐ-CP",
        date(2015, 9, 9),
        "Chính phủ",
        None,
        "decree",
        "Nghị định",
        "về cơ chế, chính sách bảo vệ và phát triển rừng, gắn với chính sách giảm nghèo nhanh, bền vững",
    ),
    (
        "886/QĐ-TTg",
        date(2017, 6, 16),
        "Thủ tướng Chính phủ",
        None,
        "decision",
        "Quyết định",
        "phê duyệt Chương trình mục tiêu phát triển lâm nghiệp bền vững giai đoạn 2016 - 2020",
    ),
    (
        "37/2021/QH15",
        date(2021, 11, 13),
        "Quốc hội",
        None,
        "resolution",
        "Nghị quyết",
        "về thí điểm một số cơ chế, chính sách đặc thù phát triển tỉnh Thanh Hóa",
    ),
    (
        "39/2021/QH15",
        date(2021, 11, 13),
        "Quốc hội",
        None,
        "resolution",
        "Nghị quyết",
        "về quy hoạch sử dụng đất quốc gia thời kỳ 2021 - 2030",
    ),
    (
        "326/QĐ-TTg",
        date(2022, 3, 9),
        "Thủ tướng Chính phủ",
        None,
        "decision",
        "Quyết định",
        "phân bổ chỉ tiêu quy hoạch sử dụng đất quốc gia thời kỳ 2021 - 2030",
    ),
    (
        "111/2024/QH15",
        date(2024, 1, 18),
        "Quốc hội",
        None,
        "resolution",
        "Nghị quyết",
        "về một số cơ chế, chính sách đặc thù thực hiện các chương trình mục tiêu quốc gia",
    ),
    (
        "178/2024/NĐ-CP",
        date(2024, 12, 31),
        "Chính phủ",
        None,
        "decree",
        "Nghị định",
        "về chính sách, chế độ đối với cán bộ, công chức, viên chức, người lao động trong thực hiện sắp xếp tổ chức bộ máy",
    ),
    (
        "76/2025/UBTVQH15",
        date(2025, 4, 14),
        "Ủy ban Thường vụ Quốc hội",
        None,
        "resolution",
        "Nghị quyết",
        "về sắp xếp đơn vị hành chính năm 2025",
    ),
]
LAWS = [
    "Luật Đất đai năm 2013",
    "Luật Đất đai năm 2024",
    "Luật Lâm nghiệp năm 2017",
    "Luật Quy hoạch năm 2017",
    "Luật Đầu tư công năm 2019",
    "Luật Phòng, chống tham nhũng năm 2018",
    "Luật Ngân sách nhà nước năm 2015",
]


@dataclass(slots=True)
class CentralDoc:
    """One central document: what a citation of it prints and what truth.jsonl records."""

    symbol: str
    date: date
    issuer: str
    term: str | None  # Party term (khóa) of Party documents
    kind: str
    word: str  # Nghị quyết, Kết luận, …
    title: str
    party: bool
    weight: float = 1.0
    homonyms: list["CentralDoc"] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.date.year

    @property
    def number(self) -> str:
        return self.symbol.split("-")[0].split("/")[0]

    def key(self) -> str:
        """``symbol@year``: the identity the loaders must recover."""
        return f"{self.symbol}@{self.year}"


def _spread(rng: random.Random, start: date, end: date, k: int, top: int) -> date:
    """Date of number ``k`` of ``top`` numbers issued between start and end (monotonic, jittered)."""
    span = (end - start).days
    day = int(span * (k - 0.5) / top + rng.uniform(-4, 4))
    return start + timedelta(days=min(max(day, 0), span))


class Catalog:
    """Central documents sorted by date, with cumulative weights for sampling by date."""

    def __init__(self, seed: int) -> None:
        rng = random.Random(f"catalog:{seed}")
        docs: dict[tuple[str, str | None], CentralDoc] = {}
        for code, word, kind, issuers, tops, share in PARTY_SERIES:
            for (term, start, end), top in zip(TERMS, tops):
                for k in range(1, top + 1):
                    if rng.random() > share:
                        continue
                    sym = f"{k:02d}-{code}/TW" if k < 10 else f"{k}-{code}/TW"
                    docs[(sym, term)] = CentralDoc(
                        sym,
                        _spread(rng, start, end, k, top),
                        rng.choice(issuers),
                        term,
                        kind,
                        word,
                        rng.choice(TOPICS),
                        True,
                        weight=2.0 * rng.paretovariate(1.3),
                    )
        for leg, start, end in LEGISLATURES:
            for k in range(1, 150):
                if rng.random() > 0.2:
                    continue
                d = _spread(rng, start, end, k, 150)
                sym = f"{k}/{d.year}/{leg}"
                docs[(sym, str(d.year))] = CentralDoc(
                    sym,
                    d,
                    "Quốc hội",
                    None,
                    "resolution",
                    "Nghị quyết",
                    rng.choice(TOPICS),
                    False,
                    weight=rng.paretovariate(1.5),
                )
        for kind, word, issuer, pattern, top, share in STATE_SERIES:
            for y in range(2012, 2026):
                for k in range(1, top + 1):
                    if rng.random() > share:
                        continue
                    d = _spread(rng, date(y, 1, 1), date(y, 12, 31), k, top)
                    sym = pattern.format(n=k, y=y)
                    docs[(sym, str(y))] = CentralDoc(
                        sym, d, issuer, None, kind, word, rng.choice(TOPICS), False, weight=0.5 * rng.paretovariate(1.5)
                    )
        for sym, d, issuer, term, kind, word, title in ANCHORS:
            key = (sym, term if term else str(d.year))
            docs[key] = CentralDoc(sym, d, issuer, term, kind, word, title, term is not None, weight=60.0)
        self.all = sorted(docs.values(), key=lambda c: (c.date, c.symbol))
        self.by_symbol: dict[str, list[CentralDoc]] = {}
        for c in self.all:
            self.by_symbol.setdefault(c.symbol, []).append(c)
        for same in self.by_symbol.values():
            for c in same:
                c.homonyms = [o for o in same if o is not c]
        self.party = [
            c for c in self.all if c.party and c.kind in ("resolution", "conclusion", "directive", "regulation")
        ]
        self._index = {
            name: (lst, [c.date for c in lst], _cumulative(lst))
            for name, lst in (("all", self.all), ("party", self.party))
        }

    def sample(
        self, rng: random.Random, before: date, *, pool: str = "all", within_days: int | None = None
    ) -> CentralDoc | None:
        """A document issued before ``before`` (and not earlier than ``within_days`` before it), by popularity."""
        lst, dates, cum = self._index[pool]
        hi = bisect.bisect_left(dates, before)
        lo = bisect.bisect_left(dates, before - timedelta(days=within_days)) if within_days else 0
        if hi <= lo:
            return None
        base = cum[lo - 1] if lo else 0.0
        u = base + rng.random() * (cum[hi - 1] - base)
        return lst[min(bisect.bisect_right(cum, u, lo, hi), hi - 1)]


def _cumulative(docs: list[CentralDoc]) -> list[float]:
    out, total = [], 0.0
    for c in docs:
        total += c.weight
        out.append(total)
    return out
