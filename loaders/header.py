"""Stage 4c (part) — the committee a document's header names: a district's or commune's committee or people's
committee (with its place), a provincial committee the vocabulary knows, read from the header's capital lines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders import patterns as P
from loaders.lines import is_allcaps
from loaders.patterns import meta as M
from loaders.read import Source, normalise
from loaders.structure import Structure
from loaders.vocab import key, vocabulary


@dataclass(frozen=True)
class HeaderUnit:
    """The committee a document's header names: "Thị ủy" of La Gi (district), "Đảng ủy xã" of Bình Liêm
    (commune), "Thành ủy" of a centrally-run city or "Đảng ủy các cơ quan Đảng tỉnh" (provincial, no place)."""

    name: str
    place: str | None
    level: str  # commune | district | provincial
    scope: str  # the unit its Party organisation (Đảng bộ) is named by: "thị xã", "xã", "thành phố", …


def header_pieces(source: Source, st: Structure) -> list[str]:
    """The capital lines of the header, each column of a header copied side by side apart."""
    end = min(st.kind_heading[0] if st.kind_heading else 800, 800)
    return [
        cell.strip(" *_#\\")
        for line in source.match[:end].splitlines()[:16]
        for cell in M.HEADER_COLUMNS_RE.split(line)
        if is_allcaps(cell.strip(" *_#\\"))
    ]


def header_unit(source: Source, st: Structure) -> HeaderUnit | None:
    """The committee named in the header's capital lines (each column of a header copied side by side read
    apart; a name broken over two lines, as a PDF prints a narrow column, read joined)."""
    pieces = header_pieces(source, st)
    party = next((m.group("scope") for p in pieces if (m := M.HEADER_PARTY_RE.match(p))), None)
    for i, piece in enumerate(pieces):
        for candidate in (piece, f"{piece} {pieces[i + 1]}" if i + 1 < len(pieces) else ""):
            m = M.HEADER_UNIT_RE.match(candidate)
            unit = _unit_of(m, party) if m else None
            if unit:
                return unit
    return None


def _unit_of(m: re.Match, party: str | None) -> HeaderUnit | None:
    unit, scope, place = m.group("unit"), (m.group("scope") or "").lower(), m.group("place")
    if unit.endswith("ĐẢNG BỘ"):  # "BCH ĐẢNG BỘ PHƯỜNG ĐỨC XUÂN": the committee of a commune's Party organisation
        if not re.match(r"xã|phường|thị trấn|đặc khu", scope):
            return None
        unit = "ĐẢNG ỦY"
    name = place.title() if place else None
    if unit == "THÀNH ỦY" and not scope:
        if name and (party == "TỈNH" or (party is None and not vocabulary().province_by_name(name))):
            return HeaderUnit("Thành ủy", name, "district", "thành phố")  # "ĐẢNG BỘ TỈNH ĐỒNG NAI / THÀNH ỦY BIÊN HÒA"
        return HeaderUnit("Thành ủy", None, "provincial", "thành phố")  # "ĐẢNG BỘ THÀNH PHỐ HÀ NỘI / THÀNH ỦY"
    if unit in ("HUYỆN ỦY", "QUẬN ỦY", "THỊ ỦY") and name and not scope:
        committee = unit.capitalize()
        return HeaderUnit(committee, name, "district", M.SCOPE_OF_COMMITTEE[key(committee)])
    if not name or scope in ("tỉnh", ""):
        if unit == "ĐẢNG ỦY" and name and not scope:  # "ĐẢNG ỦY CÁC CƠ QUAN ĐẢNG TỈNH": a body the vocabulary knows
            # (the vocabulary names a bloc by its province: "ĐẢNG ỦY KHỐI DOANH NGHIỆP" is "… doanh nghiệp tỉnh")
            body = vocabulary().body_by_name(f"Đảng ủy {place}") or vocabulary().body_by_name(f"Đảng ủy {place} tỉnh")
            if body and body.level == "provincial" and not body.is_group:
                return HeaderUnit(body.name, None, "provincial", body.name.removeprefix("Đảng ủy "))
        return None
    if scope == "thành phố" and vocabulary().province_by_name(name) and party != "TỈNH":
        return None  # "ỦY BAN NHÂN DÂN THÀNH PHỐ HÀ NỘI": a province's
    level = "commune" if re.match(r"xã|phường|thị trấn|đặc khu", scope) else "district"
    return HeaderUnit(f"Đảng ủy {scope}" if unit == "ĐẢNG ỦY" else f"UBND {scope}", name, level, scope)


def local_committee(source: Source, st: Structure) -> tuple[str, str, str] | None:
    """The district or commune committee (or people's committee) that a document's header names:
    (its name without the place, the place, level) — ("Đảng ủy phường", "Tuy Hòa", "commune")."""
    unit = header_unit(source, st)
    if unit and unit.place and unit.level != "provincial":
        return unit.name, unit.place, unit.level
    for b in st.blocks[:6]:
        m = P.LOCAL_HEADER_RE.match(normalise(b.text).strip(" *_#"))
        if m:
            unit_word, scope = m.group("unit").lower(), (m.group("scope") or "").lower()
            if unit_word in ("đảng ủy", "ủy ban nhân dân") and not scope:
                continue  # "ĐẢNG ỦY KHỐI …", "ỦY BAN NHÂN DÂN TỈNH …": not a district or commune
            name = {"đảng ủy": f"Đảng ủy {scope}", "ủy ban nhân dân": f"UBND {scope}"}.get(
                unit_word, unit_word.capitalize()
            )
            level = "commune" if re.match(r"xã|phường|thị trấn|đặc khu", scope) else "district"
            return name, m.group("place").title(), level
    return None


def scope_of(local_name: str) -> str:
    """The unit a local committee serves: "Đảng ủy xã" → "xã", "Thị ủy" → "thị xã"."""
    return M.SCOPE_OF_COMMITTEE.get(key(local_name), local_name.split()[-1])
