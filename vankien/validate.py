"""SHACL validation of a store against ``ontology/shapes.ttl`` (pyshacl)."""

from __future__ import annotations

import io

from graph_api.store import GraphStore
from ontology import SHAPES_FILE


def validate_store(store: GraphStore) -> tuple[bool, str]:
    """(conforms, report text) for the union of every named graph."""
    import pyshacl
    import rdflib

    buf = io.BytesIO()
    store.export(buf, format="nquads")
    dataset = rdflib.Dataset()
    dataset.parse(data=buf.getvalue(), format="nquads")
    data = rdflib.Graph()
    for graph in dataset.graphs():
        for triple in graph:
            data.add(triple)
    shapes = rdflib.Graph().parse(SHAPES_FILE, format="turtle")
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes, inference="none", advanced=True)
    return bool(conforms), text
