"""Stage 4b — links between documents stated in the text: what a cited document carries out, what the document
itself carries out or is based on (title, preamble, main clause), what amends or replaces what."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from loaders import patterns as P
from loaders.model import NEWS, Citation, Link, Mention, Span
from loaders.read import Source
from loaders.structure import Structure
from loaders.vocab import key, same_type


# --- links between documents ----------------------------------------------------------------------
@dataclass
class _Reading:
    """What reading the links of one document needs, and the links found so far."""

    text: str
    st: Structure
    by_start: list[Mention]
    key_of: dict
    citations: list[Citation]
    kind: str
    preamble_end: int
    block_starts: list[int]
    links: list[Link] = field(default_factory=list)
    carried_targets: set[int | None] = field(default_factory=set)  # mentions another cited document carries out
    # a mention that ends a cited document's list by its date ("A … thực hiện B và C", C issued after A): C goes on
    # with the list A stands in
    after_carrier: dict[int, Mention] = field(default_factory=dict)


def remention_key(citations: list[Citation], type_word: str, number: str) -> tuple[str, int | None] | None:
    """The cited document a re-mention by number names ("Nghị quyết 57", "Chương trình hành động 58"): one the text
    gave that short name ("(Đề án 06)"), else the first citation of that number (leading zeros aside) and that kind of
    document."""
    for c in citations:
        for alias in c.aliases:
            a_type, a_number = alias.rsplit(" ", 1)
            if a_number.lstrip("0") == number.lstrip("0") and same_type(a_type, type_word):
                return c.key
    return next(
        (
            c.key
            for c in citations
            if c.number.lstrip("0") == number.lstrip("0") and c.type and same_type(c.type, type_word)
        ),
        None,
    )


def anaphora_key(
    citations: list[Citation], key_of_span: dict[Span, tuple[str, int | None]], at: int, type_word: str
) -> tuple[str, int | None] | None:
    """The cited document "<kind> nêu trên" at ``at`` points back to: the nearest one of that kind cited before it."""
    kind_of = {c.key: c.type for c in citations}
    before = [
        (span, k)
        for span, k in key_of_span.items()
        if span[1] <= at and kind_of.get(k) and same_type(kind_of[k], type_word)
    ]
    return max(before)[1] if before else None


def find_links(
    source: Source, st: Structure, mentions: list[Mention], key_of: dict, citations: list[Citation], kind: str
) -> list[Link]:
    """Every relation between documents the text states, each once."""
    after_title = max(st.title_span[1] if st.title_span else 0, st.kind_heading[1] if st.kind_heading else 0)
    preamble_end = next(
        (b.start for b in st.blocks if b.marker and b.kind in ("heading", "item") and b.start >= after_title),
        st.body_end,
    )
    by_start = sorted(mentions, key=lambda m: m.span[0])
    r = _Reading(source.match, st, by_start, key_of, citations, kind, preamble_end, [b.start for b in st.blocks])
    for i, m in enumerate(by_start):
        _issued_to_carry_out(r, m)
        _carried_by_cited(r, i, m)
        _carried_by_self(r, i, m)
        r.links.extend(_amends_or_repeals(r.text, by_start, i, key_of, kind) or _listed_after_replaced(r, i))
    if kind != NEWS:
        r.links.extend(_main_clause_links(r.text, st, by_start, key_of, citations, preamble_end))
    seen, out = set(), []
    for link in r.links:
        if (link.source, link.relation, link.target) not in seen:
            seen.add((link.source, link.relation, link.target))
            out.append(link)
    return out


def _carried_by_cited(r: _Reading, i: int, m: Mention) -> None:
    """What the cited document at ``m`` carries out, said right after it or in its title ("Kế hoạch số A … thực hiện
    Nghị quyết số B", "Kết luận số 06-KL/TW … về tiếp tục thực hiện Chỉ thị số 40-CT/TW")."""
    text, st, by_start, key_of, citations, links = r.text, r.st, r.by_start, r.key_of, r.citations, r.links
    k = key_of[id(m)]
    after = text[m.full_span[1] : m.full_span[1] + 80]
    carried = P.CARRIES_OUT_RE.match(after)
    # "Kết luận số 06-KL/TW … về tiếp tục thực hiện Chỉ thị số 40-CT/TW": said in the cited one's title
    in_title = None if carried else P.TITLE_CARRIES_OUT_RE.search(text, m.span[1], m.full_span[1] + 2)
    reviewed = None if carried or in_title else P.TITLE_REVIEWS_RE.search(text, m.span[1], m.full_span[1] + 2)
    if reviewed:  # "Kết luận số 121-KL/TW … về tổng kết Nghị quyết số 18-NQ/TW"
        nxt = next((n for n in by_start[i + 1 :] if n.full_span[0] >= reviewed.end() - 1), None)
        if nxt is not None and nxt.full_span[0] <= reviewed.end() + 2 and key_of[id(nxt)] != k:
            links.append(Link(k, "reviews", key_of[id(nxt)], (m.span[0], nxt.span[1])))
    if carried or in_title:
        target_pos = m.full_span[1] + carried.end() if carried else in_title.end()
        nxt = next((n for n in by_start[i + 1 :] if n.full_span[0] <= target_pos + 2), None)
        target = key_of[id(nxt)] if nxt and nxt.full_span[0] >= target_pos - 1 else None
        short = P.SHORT_MENTION_RE.match(text, target_pos)
        if target is None and short:  # "… thực hiện Nghị quyết 57": a re-mention by number
            target = remention_key(citations, short.group("type"), short.group("number"))
        if target is None:  # "… triển khai thực hiện Nghị quyết," refers back to the last one of that type
            # not a named one ("thực hiện Nghị quyết Đại hội XIII", "Nghị quyết Trung ương 4")
            bare = re.match(
                rf"({P.DOC_TYPE_ALT})(?!\s+(?:số\s*)?\d)(?!\s+(?-i:[{P.UPPER}]))",
                text[target_pos : target_pos + 40],
                re.I,
            )
            if bare:  # the document's own subject of that type (named in its title) first, else the last one
                prior = [p for p in by_start[:i] if p.type_word and key(p.type_word) == key(bare.group(1))]
                titled = [p for p in prior if st.title_span and st.title_span[0] <= p.span[0] < st.title_span[1]]
                target = key_of[id((titled or prior)[-1])] if prior else None
        if target and target != k:
            links.append(Link(k, "implements", target, (m.span[0], target_pos)))
            r.carried_targets.add(id(nxt) if nxt is not None and key_of[id(nxt)] == target else None)
            # "Kế hoạch số A … thực hiện Kết luận số B … và Nghị quyết số C …": every document of the list
            for joined in _joined_after(r, nxt, m) if nxt is not None and key_of[id(nxt)] == target else []:
                if key_of[id(joined)] != k:
                    links.append(Link(k, "implements", key_of[id(joined)], (m.span[0], joined.span[1])))
                    r.carried_targets.add(id(joined))
            # "Kế hoạch số A và Kế hoạch số B … thực hiện Z": every document of the list (not one with a title of its
            # own: "Nghị quyết số A … về cơ chế … và Chương trình số B … thực hiện Z" lists A beside B, not under Z)
            j = i
            while (
                j > 0
                and not by_start[j - 1].title
                and re.fullmatch(
                    r"\s*(?:,|và|,\s*và)\s*", text[by_start[j - 1].full_span[1] : by_start[j].full_span[0]]
                )
            ):
                j -= 1
                prev_key = key_of[id(by_start[j])]
                if prev_key != target:
                    links.append(Link(prev_key, "implements", target, (by_start[j].span[0], target_pos)))


def _issued_to_carry_out(r: _Reading, m: Mention) -> None:
    """A cited document issued to carry another out, said before it: "Để thể chế hóa Nghị quyết 68, Quốc hội đã ban
    hành Nghị quyết số 198/2025/QH15" — the target a full citation or a re-mention by number."""
    before = r.text[max(0, m.full_span[0] - 300) : m.full_span[0]]
    said = P.ISSUED_TO_CARRY_OUT_RE.search(before)
    if not said:
        return
    a = m.full_span[0] - len(before) + said.start("target")
    b = m.full_span[0] - len(before) + said.end("target")
    targets = [r.key_of[id(n)] for n in r.by_start if a <= n.span[0] < b]
    for short in P.SHORT_MENTION_RE.finditer(r.text, a, b):
        found = remention_key(r.citations, short.group("type"), short.group("number"))
        targets += [found] if found else []
    k = r.key_of[id(m)]
    r.links.extend(Link(k, "implements", t, (a, m.span[1])) for t in dict.fromkeys(targets) if t != k)


def _joined_after(r: _Reading, first: Mention, carrier: Mention) -> list[Mention]:
    """The cited documents listed after ``first`` ("B, C và D") that ``carrier`` carries out with it, up to one that
    carries out something of its own ("… B và Kế hoạch số C thực hiện D": C is not in the list). After a title the
    list is not B's ("B về xây dựng … và D" may join D to what stands before B), nor is a document dated after
    the carrier (it continues a list of the sentence's own), nor a state document of the Party carrier's level."""
    out, last = [], first
    for n in r.by_start[r.by_start.index(first) + 1 :]:
        if last.title and not _same_kind_and_level(last, n):
            break
        if n.full_span[0] < last.full_span[1]:
            continue  # a mention inside the last one's description
        if not re.fullmatch(r"\s*(?:,|và|,\s*và)\s*", r.text[last.full_span[1] : n.full_span[0]]):
            break
        if P.CARRIES_OUT_RE.match(r.text[n.full_span[1] : n.full_span[1] + 80]):
            break
        if n.date and carrier.date and n.date > carrier.date:
            r.after_carrier[id(n)] = carrier
            break
        if n.state and not carrier.state and n.level == carrier.level != "central":
            break  # a Party committee's document does not carry out the state's at its own level: a list of its own
        out.append(n)
        last = n
    return out


def _same_kind_and_level(a: Mention, b: Mention) -> bool:
    """Two cited documents of one kind and level ("Nghị quyết số 66-NQ/TW … về … và Nghị quyết số 68-NQ/TW"): a list
    that goes on after the first one's title."""
    return bool(a.type_word and b.type_word and key(a.type_word) == key(b.type_word) and a.level == b.level)


def _carried_by_self(r: _Reading, i: int, m: Mention) -> None:
    """What the document itself carries out or is based on, said in its title or preamble.

    Long: the preamble's forms are read in one place, in order of precedence ("Căn cứ …" bases, "Thực hiện …" with a
    main clause, a list after a carried document, a programme making its bases concrete)."""
    text, st, by_start, key_of, kind, links = r.text, r.st, r.by_start, r.key_of, r.kind, r.links
    k = key_of[id(m)]
    # the document itself, in its title or preamble (not a document a cited one carries out)
    if m.span[0] < r.preamble_end and kind != NEWS and id(m) not in r.carried_targets:
        i_block = bisect.bisect_right(r.block_starts, m.full_span[0]) - 1
        block_start = r.block_starts[i_block] if i_block >= 0 else 0
        # the sentence the citation stands in (a preamble paragraph may hold several)
        ends = [e.end() for e in P.SENTENCE_END_RE.finditer(text, block_start, m.full_span[0])]
        block_start = ends[-1] if ends else block_start
        prefix = text[block_start : m.full_span[0]]
        sentence = text[block_start : min(st.body_end, block_start + 1200)].split("\n")[0]
        based = re.match(r"\s*Căn cứ", prefix)
        # within a "Căn cứ …" sentence, the nearest keyword before the citation decides
        last_basis = max(prefix.lower().rfind("căn cứ"), 0) if based else -1
        # a clause of its own that carries out ("Căn cứ A; thực hiện B"), not words of a cited title ("A … về thực
        # hiện thủ tục hành chính …; Nghị định B")
        last_carry = max([-1, *(c.start() for c in P.CARRY_CLAUSE_RE.finditer(prefix))])
        # a clause of its own carrying something out ("Căn cứ A; thực hiện B, …"), not a cited document's
        # own relation ("Kế hoạch B … triển khai thực hiện Nghị quyết")
        carries_out = (
            bool(based) and re.search(r"[;,]\s*(?:và\s+)?(?:để\s+)?(?:thực hiện|triển khai)", sentence) is not None
        )
        opening = (
            P.PREAMBLE_CARRY_OUT_RE.match(text, block_start, m.full_span[0]) if not P.BASIS_RE.search(prefix) else None
        )  # "Thực hiện A; căn cứ B": B is a basis
        main_clause = P.MAIN_CLAUSE_RE.search(text, m.full_span[1], min(st.body_end, m.full_span[1] + 600))
        prev = by_start[i - 1] if i > 0 else None
        carrier = r.after_carrier.get(id(m))
        listed_after_self = (
            (  # (after a remark: "… (sau đây gọi là Nghị quyết 68) và …")
                prev is not None
                and any(
                    ln.source is None and ln.relation == "implements" and ln.target == key_of[id(prev)] for ln in links
                )
                and P.LISTED_RE.fullmatch(text[prev.full_span[1] : m.full_span[0]]) is not None
            )
            or (carrier is not None and Link(None, "implements", key_of[id(carrier)], carrier.span) in links)
        )
        clause = prefix.rsplit(";", 1)[-1].strip()  # "… tháng 9; triển khai thực hiện Kế hoạch số …"
        # "Thực hiện A và B …; Kế hoạch số C …": the list of the opening goes on after a semicolon
        continues_opening = opening is not None and prefix.rstrip().endswith(";") and not clause
        if re.match(r"(?:và\s+)?tiếp theo\b", clause, re.I):
            return  # "…; tiếp theo Công văn số 1398-CV/TU …": a letter followed up, not carried out
        if (
            not based
            and (
                listed_after_self
                or continues_opening
                # (a long clause only when the document decides it: "… thảo luận và quyết nghị về việc lãnh đạo thực hiện")
                or (
                    P.SELF_IMPLEMENTS_RE.search(clause)
                    and (len(clause) < 120 or re.search(r"quyết nghị về\s|ban hành\s+(?:Nghị quyết|Chỉ thị)", clause))
                )
                or (opening and main_clause and "." not in text[m.full_span[1] : main_clause.start()])
            )
        ):
            links.append(Link(None, "implements", k, m.span))
        elif not based and P.BASIS_RE.search(prefix):
            links.append(Link(None, "based_on", k, m.span))
        elif based and last_carry > last_basis:
            links.append(Link(None, "implements", k, m.span))
        elif (
            based
            and not carries_out
            and re.search(r"ban hành|xây dựng", sentence)
            and re.search(r"Chương trình|Kế hoạch", sentence)
            and kind in ("program", "plan")
            # (not when the programme names what it carries out: "… ban hành Chương trình hành động thực hiện
            # Nghị quyết 26": its bases stay bases)
            and not re.search(
                rf"ban hành\s+(?:Chương trình|Kế hoạch)[^.;]{{0,40}}?thực hiện\s+(?:{P.DOC_TYPE_ALT})",
                text[m.full_span[1] : m.full_span[1] + 400].split("\n")[0],
                re.I,
            )
        ):
            links.append(Link(None, "implements", k, m.span))  # the programme makes these concrete
        elif based:
            links.append(Link(None, "based_on", k, m.span))


def _main_clause_links(
    text: str, st: Structure, by_start: list[Mention], key_of: dict, citations: list[Citation], preamble_end: int
) -> list[Link]:
    """What the preamble's main clause says the document carries out: "…, Ban Thường vụ Thành ủy ban hành Kế
    hoạch thực hiện Kết luận 96 và Nghị quyết 07 …" — full citations and short re-mentions alike."""
    out: list[Link] = []
    start = st.title_span[1] if st.title_span else 0
    clauses = [*P.MAIN_CLAUSE_LIST_RE.finditer(text, start, preamble_end)]
    clauses += P.PURPOSE_CLAUSE_LIST_RE.finditer(text, start, preamble_end)
    for m in clauses:
        a, b = m.span("list")
        for mention in by_start:
            if a <= mention.span[0] < b:
                out.append(Link(None, "implements", key_of[id(mention)], mention.span))
        for short in P.SHORT_MENTION_RE.finditer(text, a, b):
            found = remention_key(citations, short.group("type"), short.group("number"))
            if found:
                out.append(Link(None, "implements", found, short.span()))
    # documents by their count, pointing back: "… triển khai thực hiện có hiệu quả hai Nghị quyết, Ban … hướng dẫn"
    for m in P.COUNTED_BACK_RE.finditer(text, start, preamble_end):
        of_type = [
            key_of[id(n)] for n in by_start if n.span[1] <= m.start() and same_type(n.type_word or "", m["type"])
        ]
        for k in list(dict.fromkeys(reversed(of_type)))[: P.COUNT_WORDS[m["count"].lower()]]:
            out.append(Link(None, "implements", k, m.span()))
    # a title carrying out a document by its short name: "KẾ HOẠCH / Triển khai Đề án 06 và chuyển đổi số …"
    if st.title_span:
        for short in P.SHORT_MENTION_RE.finditer(text, *st.title_span):
            said = re.fullmatch(  # the title opens with what the document does: "Triển khai (thực hiện) Đề án 06 …"
                r"\s*(?:(?:tổ chức|tiếp tục)\s+)?(?:triển khai|thực hiện|quán triệt|cụ thể hóa)(?:\s+thực hiện)?\s+",
                text[st.title_span[0] : short.start()],
                re.I,
            )
            found = remention_key(citations, short.group("type"), short.group("number")) if said else None
            if found:
                out.append(Link(None, "implements", found, short.span()))
    return out


def _listed_after_replaced(r: _Reading, i: int) -> list[Link]:
    """ "… thay thế Chương trình số 41-CTr/TU … và Kế hoạch số 186-KH/TU …": the list goes on with the same relation."""
    if i == 0:
        return []
    prev, m = r.by_start[i - 1], r.by_start[i]
    if not P.LISTED_RE.fullmatch(r.text[prev.full_span[1] : m.full_span[0]]):
        return []
    k = r.key_of[id(prev)]
    return [
        Link(ln.source, ln.relation, r.key_of[id(m)], m.span)
        for ln in r.links
        # the replaced mention is this one (not the same document mentioned again in another sentence)
        if ln.target == k
        and ln.relation in ("amends", "repeals")
        and ln.span == prev.span
        and ln.source != r.key_of[id(m)]
    ][:1]


def _amends_or_repeals(text: str, by_start: list[Mention], i: int, key_of: dict, kind: str) -> list[Link]:
    """ "sửa đổi …"/"thay thế …" before a citation: said by the cited document just before it in the same
    sentence ("Quy định số 124-QĐ/TW … (thay thế Quy định số 132-QĐ/TW …)"), else by the document itself —
    which only a normative document can do (a report recommending a replacement replaces nothing)."""
    m = by_start[i]
    before = text[max(0, m.full_span[0] - 40) : m.full_span[0]]
    relation = "amends" if P.AMENDS_RE.search(before) else "repeals" if P.REPEALS_RE.search(before) else None
    if relation is None:
        return []
    prev = by_start[i - 1] if i > 0 else None
    if (
        prev is not None
        and 0 <= m.full_span[0] - prev.full_span[1] <= 40
        and not re.search(r"[.;\n]", text[prev.full_span[1] : m.full_span[0]])
    ):
        return [Link(key_of[id(prev)], relation, key_of[id(m)], m.span)]
    # "Nghị quyết số 136/2024/QH15 về … có hiệu lực từ ngày 1-1-2025, thay thế Nghị quyết số 119/2020/QH14":
    # the cited document that opens the sentence is its subject
    opening = _sentence_subject(text, by_start, i)
    if opening is not None and key_of[id(opening)] != key_of[id(m)]:
        return [Link(key_of[id(opening)], relation, key_of[id(m)], m.span)]
    # "Nghị quyết 59 thay thế Nghị quyết số 22-NQ/TW": a re-mention by number is the subject
    short = re.search(rf"({P.DOC_TYPE_ALT})\s+(?:số\s+)?(\d{{1,5}})\s+(?:[^\W\d_]+\s+){{0,3}}$", before, re.I)
    if short:
        named = [
            p
            for p in by_start[:i]
            if p.number.lstrip("0") == short.group(2).lstrip("0")
            and p.type_word
            and same_type(p.type_word, short.group(1))
        ]
        if named and key_of[id(named[-1])] != key_of[id(m)]:
            return [Link(key_of[id(named[-1])], relation, key_of[id(m)], m.span)]
    # "Nghị quyết thay thế Nghị quyết số 26-NQ/TW": the subject is the last cited document of that type
    subject = re.search(rf"(?:^|[.;]\s+)({P.DOC_TYPE_ALT})\s+(?:này\s+)?(?:đã\s+)?[^.;\d]*$", before, re.I)
    if subject and "này" not in subject.group(0):
        prior = [p for p in by_start[:i] if p.type_word and key(p.type_word) == key(subject.group(1))]
        if prior and key_of[id(prior[-1])] != key_of[id(m)]:
            return [Link(key_of[id(prior[-1])], relation, key_of[id(m)], m.span)]
    # "Thông báo này thay thế Thông báo số 1287-TB/TU …": the document says so of itself, whatever its kind
    if kind in ("report", "news_report", "other", "notice", "official-letter") and not P.THIS_DOCUMENT_RE.search(
        before
    ):
        return []
    return [Link(None, relation, key_of[id(m)], m.span)]


def _sentence_subject(text: str, by_start: list[Mention], i: int) -> Mention | None:
    """The cited document that opens the sentence of mention ``i`` as its subject (after at most a short lead-in
    such as "Cùng với đó,"), when it stands in the same sentence before it."""
    m = by_start[i]
    start = max(text.rfind(c, 0, m.full_span[0]) for c in ".;\n:") + 1
    first = next((n for n in by_start[:i] if n.span[0] >= start), None)
    if first is None or not first.type_word:
        return None
    lead_in = text[start : first.full_span[0]]
    # "Cùng với đó, …", or the body issuing it: "Ngày 14/4/2025, Bộ Chính trị ban hành …"
    return first if re.fullmatch(r"\s*(?:[^\W\d_][^,]{0,25},\s*)?(?:[^,.;]{2,60}\sban hành\s+)?", lead_in) else None
