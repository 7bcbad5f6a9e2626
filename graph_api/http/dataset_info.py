"""Who publishes the dataset and under which licence, for the VoID description (``/void``): configurable with
``VANKIEN_LICENSE`` (an IRI; by default CC BY 4.0: the documents themselves are public acts, the graph of what was
read from them is offered for reuse with attribution) and ``VANKIEN_PUBLISHER`` / ``VANKIEN_PUBLISHER_URL``.

>>> [t.predicate.value.rsplit("/", 1)[-1] for t in licence_triples(NamedNode("http://h/void#dataset"), "http://h")]
['license', 'rights', 'publisher', '22-rdf-syntax-ns#type', 'name', 'homepage']
"""

from __future__ import annotations

import os

from pyoxigraph import BlankNode, Literal, NamedNode, Triple

__all__ = ["licence_triples", "DEFAULT_LICENSE"]

DEFAULT_LICENSE = "https://creativecommons.org/licenses/by/4.0/"
DCTERMS = "http://purl.org/dc/terms/"
FOAF = "http://xmlns.com/foaf/0.1/"


def licence_triples(dataset: NamedNode, root: str) -> list[Triple]:
    """``dcterms:license``, ``dcterms:rights`` and ``dcterms:publisher`` (a ``foaf:Organization``) of the dataset."""
    publisher = BlankNode()
    name = os.environ.get("VANKIEN_PUBLISHER") or "vankien"
    homepage = os.environ.get("VANKIEN_PUBLISHER_URL") or root + "/"
    rights = (
        "Texts of the documents: public acts of their issuers. Graph extracted by vankien; reuse under the "
        "licence given, citing the source documents."
    )
    return [
        Triple(
            dataset, NamedNode(DCTERMS + "license"), NamedNode(os.environ.get("VANKIEN_LICENSE") or DEFAULT_LICENSE)
        ),
        Triple(dataset, NamedNode(DCTERMS + "rights"), Literal(rights, language="en")),
        Triple(dataset, NamedNode(DCTERMS + "publisher"), publisher),
        Triple(
            publisher, NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), NamedNode(FOAF + "Organization")
        ),
        Triple(publisher, NamedNode(FOAF + "name"), Literal(name)),
        Triple(publisher, NamedNode(FOAF + "homepage"), NamedNode(homepage)),
    ]
