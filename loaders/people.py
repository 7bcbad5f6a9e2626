"""People and the signature: named persons with their roles, and who signed (meetings: loaders.meetings)."""

from __future__ import annotations

import re

from loaders import patterns as P
from loaders.bodies import body_at
from loaders.model import Person, Signer, Span
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
