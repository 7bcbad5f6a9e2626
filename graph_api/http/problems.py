"""Errors of the API as problem documents (RFC 9457, ``application/problem+json``): every bad request to ``/api``
answers a 4xx with ``type``, ``title``, ``status``, ``detail`` and ``instance`` (and, for older clients, the
``error`` and ``message`` members the service answered before).

>>> body = problem_body(404, "NotFound", "no document 99-KL/TW", "/api/trace/99-KL/TW")
>>> body["type"], body["title"], body["status"], body["detail"]
('https://w3id.org/vankien/problems/not-found', 'Not Found', 404, 'no document 99-KL/TW')
"""

from __future__ import annotations

import json
import re
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from core.errors import VankienError

__all__ = [
    "PROBLEM_TYPE",
    "problem_body",
    "problem_response",
    "validation_detail",
    "install_problem_handlers",
    "document_problems",
    "domain_problem",
]

PROBLEM_TYPE = "application/problem+json"
TYPE_BASE = "https://w3id.org/vankien/problems/"


def _slug(kind: str) -> str:
    return re.sub(r"(?<!^)(?=[A-Z])", "-", kind).lower()


def problem_body(status: int, kind: str, detail: str, instance: str, **extra: Any) -> dict[str, Any]:
    """The members of a problem document."""
    try:
        title = HTTPStatus(status).phrase
    except ValueError:
        title = kind
    body = {
        "type": TYPE_BASE + _slug(kind),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": instance,
        "error": kind,
        "message": detail,
    }
    body.update(extra)
    return body


def problem_response(
    request: Request, status: int, kind: str, detail: str, headers: dict[str, str] | None = None, **extra: Any
) -> Response:
    """A problem document answering ``request``."""
    body = problem_body(status, kind, detail, request.url.path, **extra)
    return Response(json.dumps(body, ensure_ascii=False), status_code=status, media_type=PROBLEM_TYPE, headers=headers)


def validation_detail(exc: RequestValidationError) -> tuple[str, list[dict[str, Any]]]:
    """One line naming each bad parameter and the reason, and the parameters as a list."""
    params = []
    for err in exc.errors():
        loc = [str(x) for x in err.get("loc", ()) if x not in ("query", "path", "body", "header")]
        name = ".".join(loc) or "request"
        value = err.get("input")
        params.append(
            {
                "name": name,
                "reason": err.get("msg", "invalid"),
                "value": value if isinstance(value, str | int | float | None) else str(value),
            }
        )
    line = "; ".join(
        f"{p['name']}={p['value']!r}: {p['reason']}" if p["value"] is not None else f"{p['name']}: {p['reason']}"
        for p in params
    )
    return line or "invalid request", params


PROBLEM_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "type": {"type": "string"},
        "title": {"type": "string"},
        "status": {"type": "integer"},
        "detail": {"type": "string"},
        "instance": {"type": "string"},
    },
    "required": ["type", "title", "status", "detail"],
}
DOCUMENTED = (400, 404, 409, 422, 429, 503)  # what an /api operation may answer besides its success


def document_problems(app: FastAPI, *, paths: tuple[str, ...] = ("/api",)) -> None:
    """Say in the OpenAPI schema that operations under ``paths`` answer errors as problem documents."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema:
            return app.openapi_schema
        schema = original()
        schema.setdefault("components", {}).setdefault("schemas", {})["Problem"] = PROBLEM_SCHEMA
        problem = {PROBLEM_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
        for path, operations in schema.get("paths", {}).items():
            if not path.startswith(paths):
                continue
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                for status in DOCUMENTED:
                    responses[str(status)] = {"description": HTTPStatus(status).phrase, "content": problem}
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def install_problem_handlers(app: FastAPI, *, paths: tuple[str, ...] = ("/api",)) -> None:
    """Answer validation errors and unknown routes under ``paths`` with problem documents (other paths keep
    FastAPI's answers), and say so in the OpenAPI schema."""
    document_problems(app, paths=paths)
    from fastapi.exception_handlers import http_exception_handler, request_validation_exception_handler

    def ours(request: Request) -> bool:
        return request.url.path.startswith(paths)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        if not ours(request):
            return await request_validation_exception_handler(request, exc)
        detail, params = validation_detail(exc)
        return problem_response(request, 422, "InvalidParameter", detail, invalid_params=params)

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if not ours(request):
            return await http_exception_handler(request, exc)
        kind = "NotFound" if exc.status_code == 404 else HTTPStatus(exc.status_code).phrase.replace(" ", "")
        return problem_response(request, exc.status_code, kind, str(exc.detail), getattr(exc, "headers", None))


def domain_problem(request: Request, exc: VankienError) -> Response:
    """A domain error (``core.errors``) as a problem document; an ambiguous symbol lists its candidates."""
    extra: dict[str, Any] = {}
    if getattr(exc, "candidates", None):
        extra["candidates"] = exc.candidates  # type: ignore[attr-defined]
    return problem_response(
        request, exc.http_status, type(exc).__name__, str(exc), getattr(exc, "headers", None), **extra
    )
