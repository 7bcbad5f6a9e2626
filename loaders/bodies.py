"""Bodies named in the text: the vocabulary of known bodies, then the grammar of body names at every
level (central, provincial, district, commune), as spans with their display names."""
from __future__ import annotations

import re

from loaders.model import BodyRef
from loaders.vocab import BodyKind, key, vocabulary


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
