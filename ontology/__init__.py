"""The vankien ontology: namespaces, IRI minting and the ontology files.

The Turtle files live beside this module: ``vankien.ttl`` (OWL) and ``shapes.ttl`` (SHACL).

>>> str(VK)
'https://w3id.org/vankien/ontology#'
"""

from __future__ import annotations

from pathlib import Path

ONTOLOGY_DIR = Path(__file__).resolve().parent
ONTOLOGY_FILE = ONTOLOGY_DIR / "vankien.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"


class Namespace(str):
    """A namespace IRI; ``NS.term`` or ``NS["term"]`` gives the full IRI string, also for
    terms named like ``str`` methods.

    >>> ELI.cites, ELI.title
    ('http://data.europa.eu/eli/ontology#cites', 'http://data.europa.eu/eli/ontology#title')
    """

    def __init__(self, iri: str) -> None:
        # every term named like a ``str`` attribute set on the namespace itself, so that it wins over the method
        self.__dict__.update((name, iri + name) for name in dir(str) if not name.startswith("__"))

    def __getattr__(self, name: str) -> str:
        """A term not asked for before: made once, then found in the namespace's own attributes (one string each,
        its hash kept: terms are dictionary keys everywhere)."""
        if name.startswith("__"):
            raise AttributeError(name)
        term = self.__dict__[name] = str.__str__(self) + name
        return term

    def __getitem__(self, name: str) -> str:  # type: ignore[override]
        return str(self) + name


VK = Namespace("https://w3id.org/vankien/ontology#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
PROV = Namespace("http://www.w3.org/ns/prov#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
VOID = Namespace("http://rdfs.org/ns/void#")

PREFIXES: dict[str, str] = {
    "vk": str(VK),
    "eli": str(ELI),
    "org": str(ORG),
    "foaf": str(FOAF),
    "prov": str(PROV),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
}


def sparql_prefixes() -> str:
    """The project's prefixes as a SPARQL prologue.

    >>> sparql_prefixes().splitlines()[0]
    'PREFIX vk: <https://w3id.org/vankien/ontology#>'
    """
    return "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items()) + "\n"
