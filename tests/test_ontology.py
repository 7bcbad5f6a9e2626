"""The OWL ontology (ontology/vankien.ttl): it parses, and every term the contract and the
reference graph use is declared with a Vietnamese and an English label and a comment."""

from __future__ import annotations

import re

import pytest
import rdflib
from rdflib.namespace import OWL, RDF, RDFS

from ontology import ONTOLOGY_DIR, ONTOLOGY_FILE, PREFIXES, VK
from ontology.iris import Iris
from ontology.reference import ontology_triples, reference_triples

README = ONTOLOGY_DIR / "README.md"
CONTRACT_PREFIXES = {p: iri for p, iri in PREFIXES.items() if p not in {"xsd", "owl"}}
TERM = re.compile(r"(?<![\w/#])(" + "|".join(CONTRACT_PREFIXES) + r"):([A-Za-z][\w]*)")


@pytest.fixture(scope="module")
def graph() -> rdflib.Graph:
    return rdflib.Graph().parse(ONTOLOGY_FILE, format="turtle")


def contract_terms() -> set[str]:
    """Every prefixed term written in a code span of README.md (the contract tables and notes)."""
    text = README.read_text(encoding="utf-8")
    spans = re.findall(r"`([^`]+)`", text)
    return {CONTRACT_PREFIXES[p] + local for span in spans for p, local in TERM.findall(span)}


def own_terms(graph: rdflib.Graph) -> set[str]:
    """Every vk: IRI that appears anywhere in the ontology file."""
    return {str(t) for triple in graph for t in triple if isinstance(t, rdflib.URIRef) and str(t).startswith(str(VK))}


def assert_documented(graph: rdflib.Graph, term: str) -> None:
    node = rdflib.URIRef(term)
    labels = {lit.language for lit in graph.objects(node, RDFS.label) if isinstance(lit, rdflib.Literal)}
    assert {"vi", "en"} <= labels, f"{term}: labels in {labels or 'no language'}"
    assert any(str(c).strip() for c in graph.objects(node, RDFS.comment)), f"{term}: no rdfs:comment"
    assert (node, RDF.type, None) in graph, f"{term}: not declared"


def test_ontology_parses_and_declares_itself(graph: rdflib.Graph) -> None:
    onto = rdflib.URIRef("https://w3id.org/vankien/ontology")
    assert (onto, RDF.type, OWL.Ontology) in graph
    assert len(list(graph.subjects(RDF.type, OWL.Class))) >= 8


def test_contract_terms_are_found() -> None:
    terms = contract_terms()
    assert len(terms) > 60
    for t in ("Task", "leadBody", "mergedInto", "Evidence", "quote"):
        assert str(VK) + t in terms


def test_every_own_term_is_documented(graph: rdflib.Graph) -> None:
    terms = own_terms(graph)
    assert len(terms) > 40
    for term in sorted(terms):
        assert_documented(graph, term)


@pytest.mark.parametrize("term", sorted(contract_terms()))
def test_every_contract_term_is_documented(graph: rdflib.Graph, term: str) -> None:
    assert_documented(graph, term)


def test_every_class_and_predicate_of_the_reference_graph_is_documented(graph: rdflib.Graph) -> None:
    triples = reference_triples(Iris())
    used = {t.predicate.value for t in triples}
    used |= {t.object.value for t in triples if t.predicate.value == str(RDF.type)}
    used -= {str(RDF.type)}
    for term in sorted(used):
        assert_documented(graph, term)


def test_own_properties_have_sound_types(graph: rdflib.Graph) -> None:
    for term in own_terms(graph):
        node = rdflib.URIRef(term)
        kinds = set(graph.objects(node, RDF.type))
        assert kinds & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}, term
        for rng in graph.objects(node, RDFS.range):
            if OWL.ObjectProperty in kinds:
                assert not str(rng).startswith(str(rdflib.XSD)), f"{term}: object property with a datatype range"
            if OWL.DatatypeProperty in kinds:
                assert str(rng).startswith((str(rdflib.XSD), str(RDF), str(RDFS))), f"{term}: range {rng}"
    assert (
        VK_("Task"),
        RDFS.subClassOf,
        rdflib.URIRef("http://data.europa.eu/eli/ontology#LegalResourceSubdivision"),
    ) in graph
    assert (VK_("mergedInto"), OWL.inverseOf, VK_("formedFrom")) in graph


def VK_(local: str) -> rdflib.URIRef:
    return rdflib.URIRef(str(VK) + local)


def test_pyoxigraph_reads_the_same_ontology(graph: rdflib.Graph) -> None:
    assert len(ontology_triples()) == len(graph)
