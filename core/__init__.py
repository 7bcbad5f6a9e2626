"""The leaves of vankien: modules every layer may import and that import nothing of the project.

- :mod:`core.errors` — the named exceptions (CLI exit code and HTTP status of each);
- :mod:`core.formats` — the one registry of RDF and SPARQL-results formats (names, media types,
  extensions, pyoxigraph parsers/serialisers);
- :mod:`core.reference_data` — the one reader of ``data/reference/*.csv``;
- :mod:`core.doctypes` — the document types (symbol codes, Vietnamese names, ELI resource types).
"""
