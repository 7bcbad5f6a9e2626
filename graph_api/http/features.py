"""What issue 17 adds to the service, mounted by :func:`mount_features`: full-text search, deadlines, the document
page, the favicon, and every page in the request's language (one catalogue, :mod:`graph_api.i18n`)."""

from __future__ import annotations

from fastapi import FastAPI

from graph_api.http.deadline_routes import deadline_router
from graph_api.http.document_page import document_router
from graph_api.http.linked_data import templates as linked_data_templates
from graph_api.http.search_routes import search_router
from graph_api.http.ui import favicon_router, i18n_context
from graph_api.http.ui import templates as ui_templates

__all__ = ["mount_features"]


def mount_features(app: FastAPI, store_spec: str) -> None:
    """Routes ``/api/search``, ``/api/deadlines…``, ``/search``, ``/deadlines``, ``/document/…``, ``/favicon.*``;
    ``lang`` and ``t`` in every template; the store spec kept for the search index beside the store."""
    app.state.store_spec = store_spec
    for jinja in (linked_data_templates, ui_templates):
        if i18n_context not in jinja.context_processors:
            jinja.context_processors.append(i18n_context)
    for router in (search_router(), deadline_router(), document_router(), favicon_router()):
        app.include_router(router)
