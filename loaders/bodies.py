"""Bodies named in the text: the vocabulary of known bodies, then the grammar of body names at every
level (central, provincial, district, commune), as spans with their display names."""

from __future__ import annotations

import re
from functools import lru_cache

from core.reference_data import DATA_DIR, csv_rows
from loaders import patterns as P
from loaders.model import BodyRef
from loaders.vocab import BodyKind, key, vocabulary


# --- bodies -------------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _abbreviations() -> tuple[re.Pattern, dict[str, str]]:
    rows = csv_rows(DATA_DIR / "vocab" / "abbreviations.csv")  # abbreviations in bodies' names, spelled out
    full = {r["abbreviation"]: r["expansion"] for r in rows}
    alternatives = "|".join(re.escape(a) for a in sorted(full, key=len, reverse=True))
    return re.compile(rf"(?<![{P.LETTER}&])(?:{alternatives})(?![{P.LETTER}&])"), full


def expand_abbreviations(name: str) -> str:
    """A body's name with its abbreviations spelled out, as the canonical names are written.

    >>> expand_abbreviations("Sở KH&CN"), expand_abbreviations("UBMTTQ Việt Nam xã"), expand_abbreviations("LĐLĐ tỉnh")
    ('Sở Khoa học và Công nghệ', 'Ủy ban Mặt trận Tổ quốc Việt Nam xã', 'Liên đoàn Lao động tỉnh')
    """
    pattern, full = _abbreviations()
    out = pattern.sub(lambda m: full[m.group(0)], name)
    return re.sub(r"(Việt Nam)\s+(?:Việt Nam|VN)\b", r"\1", out) if out != name else name


def display_body_name(printed: str, kind: BodyKind) -> str:
    """The canonical name when the printed one is a form of it, else the printed name
    ("Tỉnh ủy" stays "Tỉnh ủy"; "Ban Bí thư Trung ương Đảng" becomes "Ban Bí thư"); a city's body keeps its
    "thành phố" ("Công an thành phố", not "Công an tỉnh") and its "Thành ủy" ("Ban Tổ chức Thành ủy").

    >>> display_body_name("Ban cán sự đảng UBND thành phố", vocabulary().body_by_name("Ban cán sự đảng UBND tỉnh"))
    'Ban cán sự đảng Ủy ban nhân dân thành phố'
    """
    printed = expand_abbreviations(printed)
    name = _display_body_name(printed, kind) if kind.key else re.sub(r"\s+", " ", printed).strip()
    if "thành phố" in key(printed) and name.endswith(" tỉnh") and "thành phố" not in key(name):
        return name[: -len(" tỉnh")] + " thành phố"
    if key(printed).endswith("thành ủy") and name.endswith(" Tỉnh ủy"):  # a city's committee: "Ban Tổ chức Thành ủy"
        return name[: -len(" Tỉnh ủy")] + " Thành ủy"
    return name


def _display_body_name(printed: str, kind: BodyKind) -> str:
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


def grammar_kind(printed: str) -> BodyKind:
    """A body kind for a name read by its grammar (not in the vocabulary): its level from the unit it
    belongs to.

    >>> k = grammar_kind("Ban Tổ chức Huyện ủy"); (k.name, k.level, k.key)
    ('Ban Tổ chức Huyện ủy', 'district', '')
    """
    name = re.sub(r"\s+", " ", printed).strip()
    level = next((lv for lv, pattern in P.BODY_LEVEL_WORDS if pattern.search(name)), "provincial")
    return BodyKind("", name, "", level, None, ())


def body_at(text: str, pos: int) -> tuple[int, BodyKind, str] | None:
    """The body named exactly at ``pos`` (end, kind, printed name), if any: the longer of the vocabulary's
    name and the name read by the grammar of body names (the vocabulary wins a tie).

    >>> text = "Giao Ban Xây dựng Đảng Đảng ủy phường chủ trì"
    >>> end, kind, printed = body_at(text, 5); printed, kind.level
    ('Ban Xây dựng Đảng Đảng ủy phường', 'commune')
    """
    best = None
    m = vocabulary()._body_re.match(text, pos)
    if m:
        kind = vocabulary().body_by_name(m.group(0))
        if kind:
            best = (m.end(), kind, m.group(0))
    g = P.BODY_GRAMMAR_RE.match(text, pos)
    if g and (best is None or g.end() > best[0]):
        best = (g.end(), grammar_kind(g.group(0)), g.group(0))
    # the Party organisation of a body named after it: "Đảng ủy Sở Tư pháp", "Chi bộ Văn phòng Sở Nội vụ"
    party = P.PARTY_OF_RE.match(text, pos)
    inner = body_at(text, party.end()) if party else None
    if inner and not inner[1].is_group and (best is None or inner[0] > best[0]):
        printed = text[pos : inner[0]]
        best = (inner[0], BodyKind("", re.sub(r"\s+", " ", printed), "", inner[1].level, None, ()), printed)
    return best


def find_bodies(text: str) -> list[tuple[int, int, BodyKind]]:
    """Every body named in ``text`` (start, end, kind), left to right, longest names first."""
    out: list[tuple[int, int, BodyKind]] = []
    pos = 0
    for m in _CAPITAL_RE.finditer(text):
        if m.start() < pos:
            continue
        hit = body_at(text, m.start())
        if hit:
            out.append((m.start(), hit[0], hit[1]))
            pos = hit[0]
    return out


_CAPITAL_RE = re.compile(rf"(?<![{P.LETTER}])[{P.UPPER}]")


def bodies_list_at(text: str, pos: int) -> tuple[int, list[tuple[int, int, BodyKind, str]]]:
    """A list of bodies at ``pos``: "X, Y và Z" → [(start, end, kind, printed)…]; stops at anything else."""
    found = []
    while True:
        hit = body_at(text, pos)
        if not hit:
            break
        end, kind, printed = hit
        # a province name right after a body belongs to it ("Ban Thường vụ Tỉnh ủy Yên Bái")
        after = re.match(r"\s+(?:tỉnh\s+)?([A-ZĐ][^\s,;.]*(?:\s+[A-ZĐ][^\s,;.]*){0,3})", text[end : end + 40])
        if after and vocabulary().province_by_name(after.group(1)):
            end += after.end()
        found.append((pos, end, kind, printed))
        sep = re.match(r"\s*(?:,|và|;)\s*", text[end : end + 6])
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
    """The body named at ``start:end`` as extracted (kind None for a name read by its grammar)."""
    return BodyRef(display_body_name(printed, kind), kind.key or None, kind.level, (start, end))


_LIST_SPLIT_RE = re.compile(r"\s*(?:[,;]|\s(?:và|cùng)\s)\s*")


_REMARK_RE = re.compile(r"\(\s*[a-zđà-ỹ][^()]*\)")  # a parenthesis opening with a lower-case word: a remark


def listed_bodies(text: str, start: int, end: int) -> list[tuple[int, int, BodyKind, str]]:
    """The bodies of a delimited list — a table cell or a label's value — where a name runs to the
    delimiter: known names and names read by their grammar first, then any item opening with a unit head
    ("Phòng Tài chính - Kế hoạch"). Groups ("các phòng, ban chuyên môn") are left out.

    >>> [p for _, _, _, p in listed_bodies("Phòng Tài chính - Kế hoạch, Chi cục Thống kê huyện và các phòng", 0, 64)]
    ['Phòng Tài chính - Kế hoạch', 'Chi cục Thống kê huyện']
    >>> listed_bodies("Đảng ủy các xã, thị trấn", 0, 24)
    []
    """
    found = [(start + s, start + e, k, text[start + s : start + e]) for s, e, k in find_bodies(text[start:end])]
    covered = [(s, e) for s, e, _, _ in found]
    pos = start
    items: list[tuple[int, int]] = []
    for m in _LIST_SPLIT_RE.finditer(text, start, end):
        items.append((pos, m.start()))
        pos = m.end()
    items.append((pos, end))
    for a, b in items:
        item = text[a:b].rstrip(" .")
        item = re.sub(r"\s*\(.*$", "", item)
        if not item or any(s <= a < e or a <= s < a + len(item) for s, e in covered):
            continue
        if _GROUP_ITEM_RE.match(item):  # "Đảng ủy các xã, thị trấn", "UBND các huyện": a group, not a body
            continue
        if P.BODY_HEAD_RE.match(item) and len(item.split()) <= 10:
            found.append((a, a + len(item), grammar_kind(item), item))
    # "… đảng ủy trực thuộc Tỉnh ủy": a body that qualifies another name is not one of the list, nor one named in a
    # remark on the one before it: "Văn phòng Huyện ủy (cơ quan thường trực Tiểu ban Văn kiện)"
    remarks = [m.span() for m in _REMARK_RE.finditer(text, start, end)]
    kept = [
        f
        for f in found
        if not f[2].is_group
        and not _QUALIFIER_RE.search(text, max(start, f[0] - 14), f[0])
        and not any(a < f[0] < b for a, b in remarks)
    ]
    return sorted(kept, key=lambda f: f[0])


_GROUP_ITEM_RE = re.compile(
    r"(?:Đảng ủy|Ủy ban nhân dân|UBND|Ban Thường vụ|Thường trực|Công an|Phòng|Ban)\s+(?:các|những)\s+(?!cơ quan Đảng)"
)
_QUALIFIER_RE = re.compile(r"(?:trực thuộc|thuộc|của|trong|tại)\s+$")


def opens_group(text: str) -> bool:
    """``text`` opens with a group of bodies ("Đảng ủy các xã, thị trấn", "UBND các huyện"), not a body."""
    return _GROUP_ITEM_RE.match(text) is not None


def unique_bodies(bodies: list[BodyRef]) -> list[BodyRef]:
    """Each body once (by its normal name), in order."""
    seen, out = set(), []
    for b in bodies:
        if key(b.name) not in seen:
            seen.add(key(b.name))
            out.append(b)
    return out


def full_names(text: str) -> dict[str, str]:
    """The full name of each unit the document also names short: the longest name it prints that adds to the short
    one the committee the unit serves (``patterns.COMMITTEE_TAIL_RE``), when the longer names it prints are one
    name, each a part of the next; none when they are two (a Ban of the Tỉnh ủy and one of a Huyện ủy).

    >>> full_names("Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh chủ trì. Giao Ban Xây dựng Đảng rà soát.")
    {'Ban Xây dựng Đảng': 'Ban Xây dựng Đảng Đảng ủy các cơ quan Đảng tỉnh'}
    >>> full_names("Ban Tuyên giáo Tỉnh ủy, Ban Tuyên giáo Huyện ủy; Ban Tuyên giáo chủ trì.")
    {}
    """
    names = {body_ref(s, e, k, text[s:e]).name for s, e, k in find_bodies(text)}
    out: dict[str, str] = {}
    for short in names:
        longer = sorted(
            (n for n in names if n.startswith(short + " ") and P.COMMITTEE_TAIL_RE.match(n, len(short) + 1)), key=len
        )
        if longer and all(longer[-1].startswith(n) for n in longer):
            out[short] = longer[-1]
    return out


def named_in_full(body: BodyRef, full: dict[str, str]) -> BodyRef:
    """``body`` under the full name the document gives it elsewhere (see :func:`full_names`)."""
    name = full.get(body.name)
    return body if name is None else BodyRef(name, body.kind, body.level, body.span)
