"""The HTTP layer: the FastAPI app (:mod:`graph_api.http.app`) and its routers — SPARQL protocol, Graph Store
Protocol, linked data, REST, trace, query page; it mounts the network views of :mod:`visualise.router`."""
