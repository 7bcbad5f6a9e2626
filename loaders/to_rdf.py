"""Stage 5 — to_rdf: an extracted ``Document`` → the quads of its named graph, following the
data model of ``ontology/README.md``, with an evidence node (span and quoted sentence) for
every extracted fact. What the document owns (itself, its tasks, sections, memberships and evidence)
goes to its graph; what other documents may state alike (the documents it cites, bodies, people,
roles, projects, meetings) to the shared graph, each quad once; rows the reference graph holds are
not written again.

>>> from loaders import extract_source
>>> from loaders.read import from_text
>>> doc = extract_source(from_text("Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.", name="a.txt"))
>>> graph, quads = document_graph(doc, Iris())
>>> graph
'https://w3id.org/vankien/graph/doc/a.txt'
>>> any(q.object.value.endswith("/id/doc/tw/kl/2021/21") for q in quads if q.predicate.value.endswith("#cites"))
True
"""

from __future__ import annotations

import re
from functools import lru_cache

from pyoxigraph import Quad

from core.doctypes import doc_type
from core.errors import InputError
from loaders.model import BodyRef, Document, Span
from loaders.rdf_iris import body_iri, citation_iri, document_iri, kind_concept, province_slug
from loaders.rdf_terms import Graph, Lit, Parts, Placement, Row, Term, date_literal, deadline_day, integer, rows_of, vi
from loaders.vocab import key, vocabulary
from ontology import DCTERMS, ELI, FOAF, ORG, RDF, RDFS, SKOS, VK, XSD
from ontology.iris import Iris
from ontology.reference import reference_triples

__all__ = ["document_graph", "document_iri", "document_nquads", "document_parts"]

_LEGAL_KINDS_EXCLUDED = {"news_report"}


def document_graph(doc: Document, iris: Iris, *, folder: str | None = None) -> tuple[str, list[Quad]]:
    """(graph IRI, quads) of one extracted document — in its graph and in the shared graph; ``folder`` is the
    name of the folder it was read from."""
    graph, g = _collect(doc, iris, folder)
    return graph, g.quads(_placement(doc, iris, graph))


def document_nquads(doc: Document, iris: Iris, *, folder: str | None = None) -> tuple[str, bytes, bytes]:
    """(graph IRI, N-Quads of the document's graph, N-Quads of its content-hash marker): what ``document_graph``
    holds, serialised without building pyoxigraph terms (the loader's fast path). The marker is kept apart so
    that a bulk load can commit it last.

    >>> from loaders import extract_source
    >>> from loaders.read import from_text
    >>> doc = extract_source(from_text("Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.", name="a.txt"))
    >>> graph, body, marker = document_nquads(doc, Iris())
    >>> marker.decode().split()[1]
    '<https://w3id.org/vankien/ontology#contentHash>'
    """
    graph, g = _collect(doc, iris, folder)
    return (graph, *g.nquads(_placement(doc, iris, graph), apart=VK.contentHash))


def document_parts(doc: Document, iris: Iris, *, folder: str | None = None) -> tuple[str, Parts]:
    """(graph IRI, what a load writes of it): the lines of ``document_nquads`` with the shared graph's rows apart
    and every row as the tuples a parser would give (a load's indexes read them without parsing the N-Quads)."""
    graph, g = _collect(doc, iris, folder)
    return graph, g.parts(_placement(doc, iris, graph), apart=VK.contentHash)


def _placement(doc: Document, iris: Iris, graph: str) -> Placement:
    return Placement(graph, document_iri(iris, doc), iris.shared_graph, reference_rows(iris.base))


@lru_cache(maxsize=4)
def reference_rows(base: str) -> frozenset[Row]:
    """The rows of the reference graph (a cited central document described there is not described again)."""
    return rows_of(reference_triples(Iris(base)))


def _collect(doc: Document, iris: Iris, folder: str | None) -> tuple[str, Graph]:
    """The graph IRI and the rows of one document's graph, built step by step."""
    writer = _DocumentWriter(doc, iris)
    writer.document()
    writer.meeting()
    cited = writer.citations()
    writer.links(cited)
    writer.tasks(cited)
    writer.projects()
    writer.people()
    writer.signer()
    return iris.graph(doc.file, folder), writer.g


class _DocumentWriter:
    """Writes one extracted document into rows: the document, its meeting, the documents it cites and the links
    between them, its tasks with bodies and projects, people and the signer — each fact with its evidence."""

    def __init__(self, doc: Document, iris: Iris) -> None:
        self.doc, self.iris, self.g = doc, iris, Graph()
        self.province = province_slug(doc.province)
        self.d = document_iri(iris, doc)
        self.legal = doc.kind not in _LEGAL_KINDS_EXCLUDED
        self.evidence_of: dict[tuple[str, str, int, int], str] = {}
        self.footnote_projects = set(doc.projects)

    def evidence(self, s: str, p: str, o: Term, span: Span) -> None:
        """The vk:Evidence node of the fact (s, p, o): the sentence it was read from, by offsets and quoted. Facts
        of one subject and predicate read from one sentence share a node (one rdf:object each); the node is in
        the document's graph, under the document's IRI (where it was read: entailed, not written)."""
        g, text = self.g, self.doc.text
        start, end = _sentence(text, span)
        e = self.evidence_of.get((s, p, start, end))
        if e is None:
            e = self.evidence_of[(s, p, start, end)] = self.iris.evidence(self.d, len(self.evidence_of) + 1)
            g.add(e, RDF.type, VK.Evidence)
            g.add(e, RDF.subject, s)
            g.add(e, RDF.predicate, p)
            g.add(e, VK.startOffset, integer(start))
            g.add(e, VK.endOffset, integer(end))
            g.add(e, VK.quote, vi(text[start:end].strip()))
        g.add(e, RDF.object, o)

    def body(self, ref: BodyRef) -> str:
        """The IRI of a body; bodies of the vocabulary are described once, in the reference graph."""
        g, doc = self.g, self.doc
        b = body_iri(self.iris, ref.name, ref.kind, ref.level, self.province, doc.locality)
        if ref.kind is None or ref.level in ("district", "commune"):  # not in the reference graph: described here
            label = ref.name if ref.kind is None or not doc.locality else f"{ref.name} ({doc.locality})"
            g.add(b, RDF.type, ORG.Organization)
            g.add(b, SKOS.prefLabel, vi(label))
            g.add(b, RDFS.label, vi(label))
            g.add(b, VK.level, self.iris.concept("level", ref.level))
            if ref.kind is not None:
                g.add(b, ORG.classification, self.iris.concept("bodykind", ref.kind))
        return b

    def document(self) -> None:
        """The document itself: kind, symbol, date, title, file, how its text was read, province, issuer."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        # the document itself
        legal = self.legal
        g.add(d, RDF.type, ELI.LegalResource if legal else VK.PressReport)
        g.add(d, RDF.type, VK.SourceDocument)
        g.add(d, DCTERMS.type, kind_concept(iris, doc.kind))
        if legal:
            g.add(d, ELI.type_document, kind_concept(iris, doc.kind))
        g.add(d, ELI.id_local, Lit(doc.symbol) if doc.symbol else None)
        g.add(d, ELI.date_document, date_literal(doc.date))
        g.add(d, VK.year, integer(int(doc.date[:4])) if doc.date else None)
        g.add(d, ELI["title"], vi(doc.title))
        g.add(d, VK.sourceFile, Lit(doc.file))
        g.add(d, VK.textMethod, Lit(doc.method))
        g.add(d, VK.contentHash, Lit(doc.sha256))
        g.add(d, VK.level, iris.concept("level", "provincial" if province else "other"))
        if province:
            g.add(d, VK.province, iris.province(province))
        if doc.issuer:
            kind = vocabulary().body_by_name(doc.issuer)
            issuer = self.body(
                BodyRef(
                    doc.issuer,
                    doc.issuer_kind or (kind.key if kind else None),
                    kind.level if kind else "provincial",
                    (0, 0),
                )
            )
            g.add(d, ELI.passed_by, issuer)
        for name in doc.named_references:
            g.add(d, VK.namedReference, vi(name))

    def meeting(self) -> None:
        """The meeting the document comes from or reports on."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        # meeting
        if doc.meeting:
            m = doc.meeting
            kind = vocabulary().body_by_name(m.body)
            held_by = self.body(BodyRef(m.body, kind.key if kind else None, "provincial", m.span))
            meeting = iris.meeting(body=m.body, province=province, term=m.term, number=m.number, date=m.date)
            g.add(meeting, RDF.type, VK.Meeting)
            g.add(meeting, VK.heldBy, held_by)
            g.add(meeting, VK.meetingNumber, integer(m.number))
            g.add(meeting, VK.term, Lit(m.term) if m.term else None)
            g.add(meeting, DCTERMS.date, date_literal(m.date))
            g.add(
                meeting,
                RDFS.label,
                vi(
                    " ".join(
                        x
                        for x in (
                            f"Hội nghị {m.body}",
                            f"lần thứ {m.number}" if m.number else "",
                            f"khóa {m.term}" if m.term else "",
                            f"({doc.province})" if doc.province else "",
                        )
                        if x
                    )
                ),
            )
            if province:
                g.add(meeting, VK.province, iris.province(province))
            relation = VK.reportsOn if not self.legal else VK.adoptedAt
            g.add(d, relation, meeting)
            self.evidence(d, relation, meeting, m.span)

    def citations(self) -> dict[tuple, str]:
        """The documents it cites, each described in this graph; returns their IRIs by citation key."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        # cited documents
        cited_iri: dict[tuple, str] = {}
        for c in doc.citations:
            ci = citation_iri(iris, c, province)
            cited_iri[c.key] = ci
            g.add(ci, RDF.type, ELI.LegalResource)
            g.add(ci, ELI.id_local, Lit(c.symbol))
            try:
                concept = iris.concept("doctype", doc_type(c.type).key) if c.type else None
            except InputError:  # a type word the reference data does not list
                concept = None
            g.add(ci, DCTERMS.type, concept)
            g.add(ci, ELI.type_document, concept)
            g.add(ci, ELI.date_document, date_literal(c.date))
            g.add(ci, VK.year, integer(c.year))
            g.add(ci, VK.term, Lit(c.term) if c.term else None)
            g.add(ci, ELI["title"], vi(c.title))
            g.add(ci, VK.level, iris.concept("level", c.level))
            if c.level != "central" and province:
                g.add(ci, VK.province, iris.province(province))
            if c.issuer:
                for name in c.issuer.split(", "):
                    kind = vocabulary().body_by_name(name)
                    if kind:
                        g.add(ci, ELI.passed_by, self.body(BodyRef(name, kind.key, kind.level, c.mentions[0])))
            g.add(d, ELI.cites, ci)
            self.evidence(d, ELI.cites, ci, c.mentions[0])

        return cited_iri

    def links(self, cited: dict[tuple, str]) -> None:
        """The relations between documents the text states."""
        g, doc, d = self.g, self.doc, self.d
        # relations between documents
        relation_term = {
            "implements": ELI.implements,
            "based_on": ELI.based_on,
            "amends": ELI.amends,
            "reviews": VK.reviews,
            "repeals": ELI.repeals,
        }
        for link in (*doc.links, *doc.requirements):
            source = d if link.source is None else cited.get(link.source)
            target = cited.get(link.target)
            if source and target:
                g.add(source, relation_term[link.relation], target)
                self.evidence(source, relation_term[link.relation], target, link.span)

    def tasks(self, cited: dict[tuple, str]) -> None:
        """The sections and the tasks, with their bodies, deadlines, the documents they carry out and projects."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        # sections and tasks
        sections: dict[tuple[str, ...], str] = {}

        def section(path: tuple[str, ...]) -> str | None:
            if not path or not any(path):
                return None
            clean = tuple(p for p in path if p)
            if clean in sections:
                return sections[clean]
            s = iris.section(d, ".".join(clean))
            sections[clean] = s
            g.add(s, RDF.type, VK.Section)  # an eli:LegalResourceSubdivision (entailed)
            g.add(s, VK.number, Lit(clean[-1]))
            g.add(s, ELI.is_part_of, section(clean[:-1]) or d)
            return s

        for t in doc.tasks:
            task = iris.task(d, t.position)
            g.add(task, RDF.type, VK.Task)  # an eli:LegalResourceSubdivision (entailed)
            g.add(task, ELI.is_part_of, d)
            g.add(task, VK.section, section(t.section))
            g.add(task, VK.position, integer(t.position))
            g.add(task, VK.text, vi(t.text.strip()))
            g.add(task, VK.startOffset, integer(t.span[0]))
            g.add(task, VK.endOffset, integer(t.span[1]))
            g.add(task, VK.deadline, date_literal(deadline_day(t.deadline)))
            g.add(task, VK.deadlineText, vi(t.deadline_text))
            if t.ongoing:
                g.add(task, VK.ongoing, Lit("true", None, XSD.boolean))
            for ref in t.leads:
                b = self.body(ref)
                g.add(task, VK.leadBody, b)
                self.evidence(task, VK.leadBody, b, ref.span)
            for ref in t.partners:
                b = self.body(ref)
                g.add(task, VK.partnerBody, b)
                self.evidence(task, VK.partnerBody, b, ref.span)
            for k, span in zip(t.implements, t.implements_spans):
                target = cited.get(k)
                if target:
                    g.add(task, ELI.implements, target)
                    self.evidence(task, ELI.implements, target, span)
            for name in t.projects:
                p = iris.project(name, province=province)
                g.add(task, VK.concernsProject, p)
                self.footnote_projects.discard(name)

    def projects(self) -> None:
        """The projects named, and those named only in a footnote tied to the task carrying its marker."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        for name in doc.projects:
            p = iris.project(name, province=province)
            g.add(p, RDF.type, VK.Project)
            g.add(p, RDFS.label, vi(name))
            if province:
                g.add(p, VK.province, iris.province(province))
        # projects named only in a footnote belong to the task that carries the footnote marker
        for name in self.footnote_projects:
            holder = next((t for t in doc.tasks if re.search(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]", t.text)), None)
            if holder:
                g.add(iris.task(d, holder.position), VK.concernsProject, iris.project(name, province=province))

    def people(self) -> None:
        """The people named and their positions."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        # people, their positions, the signer
        for n, person in enumerate(doc.persons, 1):
            pi = iris.person(person.name, province=province if _provincial_person(person) else None)
            g.add(pi, RDF.type, FOAF.Person)
            g.add(pi, FOAF.name, Lit(person.name))
            g.add(pi, RDFS.label, Lit(person.name))
            for r, role in enumerate(person.roles, 1):
                ms = iris.part(d, "membership", f"{n}-{r}")
                g.add(ms, RDF.type, ORG.Membership)
                g.add(ms, ORG.member, pi)
                role_iri = iris.role(role)
                g.add(role_iri, RDF.type, ORG.Role)
                g.add(role_iri, RDFS.label, vi(role))
                g.add(ms, ORG.role, role_iri)
                g.add(ms, VK.roleLabel, vi(role))
                org = _organisation_in_role(role)
                if org:
                    g.add(ms, ORG.organization, self.body(BodyRef(org.name, org.key, org.level, person.spans[0])))
                self.evidence(ms, ORG.member, pi, person.spans[0])

    def signer(self) -> None:
        """Who signed, in what capacity and on behalf of which body."""
        g, iris, doc, d, province = self.g, self.iris, self.doc, self.d, self.province
        if doc.signer:
            pi = iris.person(doc.signer.name, province=province)
            g.add(pi, RDF.type, FOAF.Person)
            g.add(pi, FOAF.name, Lit(doc.signer.name))
            g.add(d, VK.signedBy, pi)
            g.add(d, VK.signerCapacity, vi(doc.signer.role))
            if doc.signer.on_behalf_of:
                kind = vocabulary().body_by_name(doc.signer.on_behalf_of) or vocabulary().body_by_name(
                    doc.signer.on_behalf_of + " Tỉnh ủy"
                )
                if kind:
                    g.add(d, VK.onBehalfOf, self.body(BodyRef(kind.name, kind.key, kind.level, doc.signer.span)))
            self.evidence(d, VK.signedBy, pi, doc.signer.span)


def _provincial_person(person) -> bool:
    return not any(
        key(r).startswith(("tổng bí thư", "thủ tướng", "chủ tịch nước", "chủ tịch quốc hội")) for r in person.roles
    )


def _organisation_in_role(role: str):
    """The body named inside a role label ("Bí thư Tỉnh ủy" → Tỉnh ủy)."""
    for start, _, kind in vocabulary().find_bodies(role):
        if start > 0:
            return kind
    return None


def _sentence(text: str, span: Span) -> Span:
    """The sentence around a span (for quoting the evidence)."""
    start = max(text.rfind(c, 0, span[0]) for c in ".!?\n") + 1
    ends = [i for i in (text.find(c, span[1]) for c in ".!?\n") if i >= 0]
    end = min(ends) + 1 if ends else len(text)
    if end - start > 600:
        start, end = max(start, span[0] - 250), min(end, span[1] + 250)
    return start, end
