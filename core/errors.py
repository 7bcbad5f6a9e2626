"""Named domain exceptions, each with the CLI exit code and the HTTP status it maps to.

A leaf: it imports nothing of the project, so every layer may raise these.
"""

from __future__ import annotations

__all__ = [
    "VankienError",
    "InputError",
    "StoreError",
    "QueryError",
    "QueryTimeout",
    "NotFound",
    "AmbiguousSymbol",
    "Refused",
]


class VankienError(Exception):
    """Base of every error vankien raises on purpose."""

    exit_code = 1
    http_status = 500


class InputError(VankienError):
    """A source file cannot be read or understood; the message names the file and the reason."""

    exit_code = 2
    http_status = 400

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class StoreError(VankienError):
    """The store cannot be opened or written."""

    exit_code = 3
    http_status = 503


class QueryError(VankienError):
    """A SPARQL query or update is malformed or refused."""

    exit_code = 4
    http_status = 400


class QueryTimeout(VankienError):
    """A query ran past its time limit and was stopped."""

    exit_code = 5
    http_status = 503


class NotFound(VankienError):
    """A document, symbol or resource is not in the store."""

    exit_code = 6
    http_status = 404


class AmbiguousSymbol(VankienError):
    """A symbol names several documents (the same number in different years)."""

    exit_code = 7
    http_status = 409

    def __init__(self, symbol: str, candidates: list[dict]) -> None:
        super().__init__(f"{symbol} is ambiguous: {len(candidates)} documents carry it; give --year")
        self.symbol = symbol
        self.candidates = candidates


class Refused(VankienError):
    """A request the service refuses with a given HTTP status (401, 403, 406, 413, 415, 429…)."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.http_status = status
        self.headers = headers or {}
