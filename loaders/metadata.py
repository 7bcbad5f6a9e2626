"""Stage 4c — what a document says of itself: the date, the issuer, the signer's role, the headline of a press report;
the committee its header names (:mod:`loaders.header`) and its province (:mod:`loaders.province`) beside it."""

from __future__ import annotations

import re

from loaders import bodies as B
from loaders import dates as D
from loaders import patterns as P
from loaders.header import header_pieces, header_unit, local_committee, scope_of
from loaders.model import NEWS, Meeting, Mention, Person, Signer
from loaders.patterns import meta as M
from loaders.province import province_of as province_of  # resolve reads it from here
from loaders.read import Source, normalise
from loaders.structure import Structure
from loaders.vocab import key, vocabulary


def date_of_document(
    source: Source, st: Structure, kind: str, meeting: Meeting | None, own: Mention | None = None
) -> str | None:
    """The day the document was issued: its place-and-date line, the day of the meeting it comes from, or — a portal
    page presenting it — the day said of its own number ("Ngày 05/7/2024, Ban Thường vụ … ban hành Kế hoạch số
    98-KH/HU", "Kế hoạch số 98-KH/HU ngày 05/7/2024 …"); else the page's own date."""
    if st.place_date:
        m = P.DATE_RE.search(source.match, *st.place_date)
        if m and D.date_of(m):
            return D.date_of(m)
    if meeting and meeting.date and kind in ("conclusion", NEWS, "notice", "resolution"):
        return meeting.date
    if own is not None and own.date:
        return own.date
    issued = P.ISSUED_ON_RE.search(source.match, max(0, own.full_span[0] - 200), own.full_span[0]) if own else None
    if issued and D.date_of(issued):
        return D.date_of(issued)
    return source.metadata.get("date")


def _issuer_stated(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The issuer a preamble states: "Ban Chấp hành Đảng bộ tỉnh (khóa XVIII) ban hành Chương trình …"."""
    text = source.match
    first_section = next(
        (
            b.start
            for b in st.blocks
            if b.marker and b.kind in ("heading", "item") and b.start > (st.title_span[1] if st.title_span else 0)
        ),
        st.body_end,
    )
    for m in P.ISSUER_STATED_RE.finditer(text, st.title_span[1] if st.title_span else 0, first_section):
        named = "body" if m.group("body") else "guide"
        hit = B.body_at(text, m.start(named))
        if hit and hit[0] >= m.end(named) - 1 and not hit[1].is_group:
            return B.display_form(normalise(hit[2]), hit[1]), hit[1].key or None
    return None


def issuer_of(source: Source, st: Structure, kind: str, meeting: Meeting | None) -> tuple[str | None, str | None]:
    """The body that issued the document, its name without the province ("Thành ủy Hà Nội" → "Thành ủy"), and its
    kind's key where the vocabulary knows it."""
    if kind == NEWS:
        return None, None
    if meeting and kind in ("conclusion", "resolution"):
        name, body_key = _issuer_meeting(source, st, meeting)
    else:
        stated = _issuer_stated(source, st) or _issuer_own_title(source, st)
        signed = _issuer_signed(source, st)
        if stated:
            stated = (_completed(stated[0], source, st) or stated[0], stated[1])
            if signed and signed[0].startswith(stated[0] + " "):  # named short in the text, in full by the signature
                stated = signed
        name, body_key = (
            stated
            or signed
            or _issuer_header_body(source, st)
            or _issuer_head(source, st)
            or _issuer_titled(source, st)
        )
    return (without_province(name) if name else None), body_key


def _issuer_own_title(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The issuer a title opens with ("CHƯƠNG TRÌNH HÀNH ĐỘNG / của Ban Chấp hành Đảng bộ tỉnh thực hiện …"): the
    document's own words, before the signature's "T/M TỈNH ỦY"."""
    m = M.TITLE_OF_RE.match(source.match, *st.title_span) if st.title_span else None
    hit = B.body_at(source.match, m.end()) if m else None
    if hit is None or hit[1].is_group:
        return None
    completed = _completed(normalise(hit[2]), source, st)  # "của Ban Thường vụ Thị ủy về …" of "THỊ ỦY LA GI"
    return (completed, None) if completed else (B.display_form(normalise(hit[2]), hit[1]), hit[1].key or None)


def _completed(name: str, source: Source, st: Structure) -> str | None:
    """A committee named short ("Ban Thường vụ Đảng ủy", "Ban Thường vụ Huyện ủy") that the header names in full
    (with a place, or a body: "Đảng ủy xã Hợp Lý", "Huyện ủy Đơn Dương", "Đảng ủy các cơ quan Đảng tỉnh")."""
    bare = M.BARE_COMMITTEE_RE.fullmatch(name)
    unit = header_unit(source, st) if bare else None
    if not (bare and unit and (unit.place or unit.name != "Thành ủy") and unit.name.startswith(bare["committee"])):
        return None
    head = bare["head"] or ""
    return _headed("Ban Chấp hành Đảng bộ" if head == "Ban Chấp hành" else head, source, st)


def _headed(head: str, source: Source, st: Structure) -> str | None:
    """The header's committee with a head: "Ban Thường vụ Thị ủy La Gi", "Ban Chấp hành Đảng bộ thành phố Biên Hòa",
    "Ban Thường vụ Đảng ủy các cơ quan Đảng tỉnh", "Đảng ủy xã Hợp Lý" (no head)."""
    local = local_committee(source, st)
    if local:
        return f"{local[0]} {local[1]}" if not head else _local_body(head, local)
    unit = header_unit(source, st)
    if unit is None or unit.name == "Thành ủy":
        return None
    return f"{head} {unit.scope}" if head == "Ban Chấp hành Đảng bộ" else f"{head} {unit.name}".strip()


def _issuer_meeting(source: Source, st: Structure, meeting: Meeting) -> tuple[str, str | None]:
    """The committee whose meeting the document comes from: a district's or commune's when the header names one and
    the meeting is of its Party organisation ("Ban Chấp hành Đảng bộ thành phố Biên Hòa")."""
    held_by = vocabulary().body_by_name(meeting.body)
    local = local_committee(source, st)
    if local and local[0].startswith(("Đảng ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Thành ủy")):
        scope = scope_of(local[0])
        around = source.match[max(0, meeting.span[0] - 200) : meeting.span[1] + 200]
        if (held_by is None and meeting.body.endswith(scope)) or re.search(
            rf"Đảng bộ\s+{re.escape(scope)}(?![{P.LETTER}])", around, re.I
        ):
            head = "Ban Thường vụ" if "Thường vụ" in meeting.body else "Ban Chấp hành Đảng bộ"
            return _local_body(head, local), None  # "Ban Chấp hành Đảng bộ xã" of the header's "ĐẢNG ỦY XÃ HIỆP HƯNG"
    return meeting.body, held_by.key if held_by else None


def _local_body(head: str, local: tuple[str, str, str]) -> str:
    """ "Ban Thường vụ" / "Ban Chấp hành Đảng bộ" of a local committee: "Ban Thường vụ Thị ủy La Gi", "Ban Chấp hành
    Đảng bộ thành phố Biên Hòa"."""
    committee = scope_of(local[0]) if head == "Ban Chấp hành Đảng bộ" else local[0]
    return f"{head} {committee} {local[1]}"


def _issuer_signed(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The issuer the signature names ("T/M BAN THƯỜNG VỤ"), of the committee the header names."""
    if not (st.signature and st.signature.on_behalf_of):
        return None
    v = vocabulary()
    printed = normalise(st.signature.on_behalf_of)
    if M.HEAD_OFFICE_RE.fullmatch(printed.upper()) and state_signed(source, st):  # "KT. CHỦ TỊCH" of a UBND
        local = local_committee(source, st)
        name = f"Ủy ban nhân dân {scope_of(local[0]) if local else 'tỉnh'}"
        body = v.body_by_name(name)
        return (body.name, body.key) if body else (name, None)
    if re.fullmatch(r"BAN (?:THƯỜNG VỤ|CHẤP HÀNH)", printed.upper()):
        headed = _headed("Ban Thường vụ" if "THƯỜNG" in printed.upper() else "Ban Chấp hành Đảng bộ", source, st)
        if headed:
            return headed, None
    signed = v.body_by_name(printed) or v.body_by_name(printed + " Tỉnh ủy") or v.body_by_name(printed + " tỉnh")
    standing = M.STANDING_SIGNED_RE.fullmatch(printed.upper())
    if signed is None and standing:  # "T/L THƯỜNG TRỰC HUYỆN ỦY": the standing body of the committee it names
        return f"Thường trực {standing['committee'].capitalize()}", None
    if signed is None:  # "T/M ĐẢNG ĐOÀN" under the header's "ĐẢNG ĐOÀN HĐND TỈNH"
        named = (v.body_by_name(p) for p in header_pieces(source, st) if p.upper().startswith(printed.upper() + " "))
        signed = next((b for b in named if b is not None and not b.is_group), None)
        return (signed.name, signed.key) if signed else None
    return (B.display_form(printed, signed), signed.key) if signed else None


def _issuer_header_body(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The body a header names under the committee it belongs to ("TỈNH ỦY KIÊN GIANG / VĂN PHÒNG TỈNH ỦY",
    "TỈNH ỦY QUẢNG NINH / BAN TỔ CHỨC"): the unit that issues the document."""
    pieces = [p for p in header_pieces(source, st) if not M.NATIONAL_MOTTO_RE.match(p)]
    if len(pieces) < 2:
        return None
    v = vocabulary()
    parent = " Tỉnh ủy" if pieces[0].upper().startswith("TỈNH ỦY") else ""
    for piece in pieces[1:3]:
        named = v.body_by_name(piece)  # "VĂN PHÒNG TỈNH ỦY" as printed; "BAN TỔ CHỨC" completed by its committee
        body = named or (v.body_by_name(piece + parent) if parent else None)
        if body is not None and not body.is_group:
            return B.display_form(normalise(piece), body) if named else body.name, body.key
    return None


def _issuer_head(source: Source, st: Structure) -> tuple[str, str | None] | None:
    """The chair of a people's committee signing in his own name ("CHỦ TỊCH" under "ỦY BAN NHÂN DÂN / TỈNH LAI
    CHÂU", no "KT." or "TM."): a chair's directive or decision."""
    sig = st.signature
    if sig is None or sig.on_behalf_of or normalise(sig.capacity or "").upper() != "CHỦ TỊCH":
        return None
    pieces = [p for p in header_pieces(source, st) if not M.NATIONAL_MOTTO_RE.match(p)]
    if not (pieces and M.STATE_HEADER_RE.match(pieces[0])):
        return None
    local = local_committee(source, st)
    return f"Chủ tịch Ủy ban nhân dân {scope_of(local[0]) if local else 'tỉnh'}", None


def state_signed(source: Source, st: Structure) -> bool:
    """A document a people's committee's header heads ("ỦY BAN NHÂN DÂN / TỈNH SÓC TRĂNG") signed for its head
    ("KT. CHỦ TỊCH") or on its behalf: a state signer, whose role is of the people's committee."""
    on_behalf = normalise(st.signature.on_behalf_of or "").upper() if st.signature else ""
    pieces = [p for p in header_pieces(source, st) if not M.NATIONAL_MOTTO_RE.match(p)]
    return bool(
        pieces
        and M.STATE_HEADER_RE.match(pieces[0])
        and ("NHÂN DÂN" in on_behalf or M.HEAD_OFFICE_RE.fullmatch(on_behalf))
    )


def _issuer_titled(source: Source, st: Structure) -> tuple[str | None, str | None]:
    """The issuer the title names ("Chương trình hành động của Tỉnh ủy …"), or the first lines ("X vừa ban hành …")."""
    for b in st.blocks[:6]:
        m = re.search(r"\b(?:của|do)\s+", source.match[b.start : b.end])
        title_like = (
            st.title_span
            and (b.start, b.end) == st.title_span
            or re.match(
                r"\s*(?:Chương trình|Kế hoạch|Chỉ thị|Nghị quyết|Kết luận|Thông báo|CHỈ THỊ|THÔNG BÁO|KẾ HOẠCH)", b.text
            )
        )
        if m and title_like:
            hit = B.body_at(source.match, b.start + m.end())
            if hit:
                return B.display_form(normalise(hit[2]), hit[1]), hit[1].key
    for b in st.blocks[:4]:
        m = re.search(
            r"(?P<body>[A-ZĐ][^,.;]{2,60}?)\s+(?:[A-ZĐ][\w ]+\s+)?(?:vừa\s+)?(?:ký\s+)?ban hành",
            source.match[b.start : b.end],
        )
        if m:
            hit = B.body_at(source.match, b.start + m.start("body"))
            if hit:
                return B.display_form(normalise(hit[2]), hit[1]), hit[1].key
    return None, None


def without_province(name: str) -> str:
    """A provincial body's name without the province it ends with (SCHEMA: "its name without the province"); a
    district's or commune's place stays.

    >>> without_province("Thành ủy Hà Nội"), without_province("Ban Thường vụ Thị ủy La Gi")
    ('Thành ủy', 'Ban Thường vụ Thị ủy La Gi')
    """
    found = vocabulary().find_provinces(name)
    if not found or found[-1][1] != len(name.rstrip()) or found[-1][0] == 0:
        return name
    head = name[: found[-1][0]].rstrip(" ,")
    body = vocabulary().body_by_name(head)
    level = body.level if body else B.grammar_kind(head).level
    return head if level == "provincial" and B.body_at(head, 0) else name


def signer_role(source: Source, st: Structure, signer: Signer, province: str | None) -> str:
    """The signer's capacity with the body it belongs to: "Bí thư Tỉnh ủy", "Bí thư Huyện ủy", "Bí thư Thành ủy",
    "Chủ tịch UBND tỉnh", "Phó Bí thư Đảng ủy các cơ quan Đảng tỉnh"."""
    role = signer.role or ""
    if province is None or re.search(r"ủy|UBND|Ủy ban", role):
        return role
    on_behalf = normalise(signer.on_behalf_of or "").upper()
    local = local_committee(source, st)
    unit = header_unit(source, st)
    if "NHÂN DÂN" in on_behalf or state_signed(source, st):
        return f"{role} UBND {scope_of(local[0]) if local else 'tỉnh'}"
    head_of_unit = re.fullmatch(r"(Phó )?(Trưởng [Bb]an|Giám đốc)", role)
    unit_body = _issuer_header_body(source, st) if head_of_unit else None
    if head_of_unit and unit_body and unit_body[0].startswith(("Ban ", "Sở ")):  # the head of the header's unit:
        # "TRƯỞNG BAN" of "BAN TỔ CHỨC", "GIÁM ĐỐC" of "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
        title = "Trưởng" if head_of_unit.group(2).startswith("Trưởng") else "Giám đốc"
        return f"{head_of_unit.group(1) or ''}{title} {unit_body[0]}"
    if local:
        return f"{role} {local[0]}"
    if unit:
        return f"{role} {unit.name}"
    if on_behalf.startswith(("ĐẢNG ĐOÀN", "BAN CÁN SỰ")):  # "T/M ĐẢNG ĐOÀN / BÍ THƯ": the delegation's secretary
        issuer = _issuer_signed(source, st)
        return f"{role} {issuer[0]}" if issuer else role
    return f"{role} Tỉnh ủy"


def headline(st: Structure) -> str | None:
    return st.blocks[0].text.strip(" #*") if st.blocks else None


def merge_person(persons: list[Person], new: Person) -> list[Person]:
    out, merged = [], False
    for p in persons:
        if key(p.name) == key(new.name):
            roles = list(p.roles) + [r for r in new.roles if key(r) not in {key(x) for x in p.roles}]
            out.append(Person(p.name, tuple(roles), p.spans + new.spans))
            merged = True
        else:
            out.append(p)
    return out if merged else out + [new]


def unique_names(names: list[str]) -> list[str]:
    seen, out = set(), []
    for n in names:
        if key(n) not in seen:
            seen.add(key(n))
            out.append(n)
    return out
