"""Stage 4c — what a document says of itself: the province (before the 2025 merger), the date, the issuer, the
committee of a district or commune, the signer's role, the headline of a press report."""

from __future__ import annotations

import re
from collections import Counter

from loaders import bodies as B
from loaders import dates as D
from loaders import patterns as P
from loaders.model import NEWS, Meeting, Mention, Person, Signer
from loaders.read import Source, normalise
from loaders.structure import Structure
from loaders.vocab import key, vocabulary


def local_committee(source: Source, st: Structure) -> tuple[str, str, str] | None:
    """The district or commune committee (or people's committee) that a document's header names:
    (its name without the place, the place, level) — ("Đảng ủy phường", "Tuy Hòa", "commune")."""
    for b in st.blocks[:6]:
        m = P.LOCAL_HEADER_RE.match(normalise(b.text).strip(" *_#"))
        if m:
            unit, scope = m.group("unit").lower(), (m.group("scope") or "").lower()
            if unit in ("đảng ủy", "ủy ban nhân dân") and not scope:
                continue  # "ĐẢNG ỦY KHỐI …", "ỦY BAN NHÂN DÂN TỈNH …": not a district or commune
            name = {"đảng ủy": f"Đảng ủy {scope}", "ủy ban nhân dân": f"UBND {scope}"}.get(unit, unit.capitalize())
            level = "commune" if re.match(r"xã|phường|thị trấn|đặc khu", scope) else "district"
            return name, m.group("place").title(), level
    return None


def province_of(source: Source, st: Structure, mentions: list[Mention]) -> str | None:
    """The province a document belongs to, as it was before the 2025 merger: the names it prints, and a
    district or commune committee's place where that place lay in a province merged into the printed one."""
    found = _printed_province(source, st, mentions)
    printed = vocabulary().province_by_name(found) if found else None
    for _, e, former in vocabulary().find_provinces(source.match[: st.body_end]):
        # "… huyện Phụng Hiệp, tỉnh Hậu Giang (cũ)": a place of the province it was before the merger
        if (
            printed
            and re.match(r"\s*\(cũ\)", source.match[e : e + 8])
            and former.merged_into in (printed.slug, printed.name)
        ):
            return former.name
    local = local_committee(source, st)
    if local and found:
        old = vocabulary().districts.get(key(local[1]))
        province = vocabulary().province_by_name(old) if old else None
        if (
            province
            and printed
            and province.merged_into in (printed.slug, printed.name)
            and province.name != printed.name
        ):
            return province.name
    return found


def _printed_province(source: Source, st: Structure, mentions: list[Mention]) -> str | None:
    text = source.match
    v = vocabulary()
    scores: Counter[str] = Counter()
    cited = [m.full_span for m in mentions]
    for s, e, prov in v.find_provinces(text[: st.body_end]):
        word = text[s:e]
        if not (word.isupper() or all(w[0].isupper() for w in word.split() if w[0].isalpha())):
            continue
        if any(a <= s < b for a, b in cited):
            continue
        sentence = text[max(text.rfind(".", 0, s), s - 200) : text.find(".", e) if text.find(".", e) > 0 else e]
        if P.MERGER_RE.search(sentence):
            continue
        weight = 3 if s < 400 else 1
        if re.search(r"(?:tỉnh|TỈNH|Tỉnh ủy|TỈNH ỦY|thành phố|Thành phố|TP\.?)\s*$", text[max(0, s - 12) : s]):
            weight += 1
        if prov.name == "Hồ Chí Minh" and weight == 1:
            continue
        name = prov.name if prov.period == "before_2025" else prov.name
        scores[name] += weight
    for s, e, province in v.find_districts(text[: st.body_end]):
        if all(w[:1].isupper() for w in text[s:e].split()):
            scores[province] += 1
    if not scores:
        return None
    best, score = scores.most_common(1)[0]
    return best if score >= 2 or len(scores) == 1 else None


def date_of_document(source: Source, st: Structure, kind: str, meeting: Meeting | None) -> str | None:
    if st.place_date:
        m = P.DATE_RE.search(source.match, *st.place_date)
        if m and D.date_of(m):
            return D.date_of(m)
    if meeting and meeting.date and kind in ("conclusion", NEWS, "notice", "resolution"):
        return meeting.date
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
        hit = B.body_at(text, m.start("body"))
        if hit and hit[0] >= m.end("body") - 1 and not hit[1].is_group:
            return B.display_form(normalise(hit[2]), hit[1]), hit[1].key or None
    return None


def issuer_of(source: Source, st: Structure, kind: str, meeting: Meeting | None) -> tuple[str | None, str | None]:
    v = vocabulary()
    if kind == NEWS:
        return None, None
    if meeting and kind in ("conclusion", "resolution"):
        held_by = v.body_by_name(meeting.body)
        local = local_committee(source, st)
        if held_by is None and local and meeting.body.endswith(local[0].split()[-1]):
            return (
                f"{meeting.body} {local[1]}",
                None,
            )  # "Ban Chấp hành Đảng bộ xã" of the header's "ĐẢNG ỦY XÃ HIỆP HƯNG"
        return meeting.body, held_by.key if held_by else None
    stated = _issuer_stated(source, st)
    if stated:
        return stated
    local = local_committee(source, st)
    if st.signature and st.signature.on_behalf_of:
        printed = normalise(st.signature.on_behalf_of)
        if local and re.fullmatch(r"BAN (?:THƯỜNG VỤ|CHẤP HÀNH)", printed.upper()):
            head = "Ban Thường vụ" if "THƯỜNG" in printed.upper() else "Ban Chấp hành Đảng bộ"
            committee = local[0] if head == "Ban Thường vụ" else local[0].split()[-1]
            return f"{head} {committee} {local[1]}", None
        signed = v.body_by_name(printed) or v.body_by_name(printed + " Tỉnh ủy") or v.body_by_name(printed + " tỉnh")
        if signed:
            return B.display_form(printed, signed), signed.key
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


def signer_role(source: Source, st: Structure, signer: Signer, province: str | None) -> str:
    """The signer's capacity with the body it belongs to: "Bí thư Tỉnh ủy", "Bí thư Huyện ủy",
    "Chủ tịch UBND tỉnh"."""
    role = signer.role or ""
    if province is None or re.search(r"ủy|UBND|Ủy ban", role):
        return role
    on_behalf = normalise(signer.on_behalf_of or "").upper()
    local = local_committee(source, st)
    scope = local[0].split()[-1] if local else "tỉnh"
    if "NHÂN DÂN" in on_behalf:
        return f"{role} UBND {scope}"
    return f"{role} {local[0]}" if local else f"{role} Tỉnh ủy"


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
