"""Stage 4c (part) — the province a document belongs to, as it was before the 2025 merger: the names it prints, a
place marked "(cũ)" or a local committee's place in a province merged into the printed one, the page's metadata."""

from __future__ import annotations

import re
from collections import Counter

from loaders import patterns as P
from loaders.header import header_pieces, local_committee
from loaders.model import Mention
from loaders.patterns import meta as M
from loaders.read import Source, normalise
from loaders.structure import Structure
from loaders.vocab import Province, key, vocabulary


def province_of(source: Source, st: Structure, mentions: list[Mention]) -> str | None:
    """The province a document belongs to, as it was before the 2025 merger: the names it prints; a province or a
    district marked "(cũ)" ("tỉnh Hậu Giang (cũ)", "huyện Thanh Liêm (cũ)") or a district or commune committee's
    place, where that lay in a province merged into the printed one; else the names its metadata holds (a web page's
    title or description)."""
    v = vocabulary()
    found = _printed_province(source, st, mentions)
    printed = v.province_by_name(found) if found else None
    if printed is None:
        return found or _metadata_province(source)
    if _own_level(source, st) == "provincial":  # a merged province's own bodies: the name it keeps
        return found
    text = source.match[: st.body_end]
    formers = [(e, former) for _, e, former in v.find_provinces(text)]
    formers += [(e, v.province_by_name(old)) for _, e, old in v.find_districts(text)]
    for e, former in formers:
        # "… huyện Phụng Hiệp, tỉnh Hậu Giang (cũ)": a place of the province it was before the merger
        if former and M.FORMER_MARK_RE.match(source.match, e) and _merged_into(former, printed):
            return former.name
    local = local_committee(source, st)
    old = v.districts.get(key(local[1])) if local else None
    province = v.province_by_name(old) if old else None
    if province and _merged_into(province, printed):
        return province.name
    return found


def _own_level(source: Source, st: Structure) -> str | None:
    """Whether the document is a province's own ("provincial") or a district's or commune's ("local"): the
    committee or people's committee its header names, else the first one its opening names ("Hội nghị Ban Chấp
    hành Đảng bộ tỉnh …")."""
    if local_committee(source, st):
        return "local"
    pieces = [p for p in header_pieces(source, st) if not M.NATIONAL_MOTTO_RE.match(p)]
    if len(pieces) >= 2 and M.STATE_HEADER_RE.match(pieces[0]) and re.match(r"TỈNH|THÀNH PHỐ", pieces[1]):
        return "provincial"  # "ỦY BAN NHÂN DÂN / TỈNH THÁI NGUYÊN"
    m = M.OWN_UNIT_RE.search(source.match, 0, min(st.body_end, 600))
    if m is None:
        return None
    return "provincial" if key(m.group("scope") or m.group("committee")) in ("tỉnh", "tỉnh ủy") else "local"


def _merged_into(former: Province, printed: Province) -> bool:
    """A province before 2025 that became part of the printed (new) one, other than itself."""
    return former.merged_into in (printed.slug, printed.name) and former.name != printed.name


def _metadata_province(source: Source) -> str | None:
    """The one province named in the metadata a reader kept (a web page's title, description, site name)."""
    names = {
        p.name
        for value in source.metadata.values()
        if isinstance(value, str)
        for _, _, p in vocabulary().find_provinces(normalise(value))
    }
    return names.pop() if len(names) == 1 else None


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
