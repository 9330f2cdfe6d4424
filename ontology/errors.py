"""The one small exception tree. Library code raises these; only notegraph.py translates them
into a readable line and an exit code. Messages say what happened and what to do next."""

from __future__ import annotations

__all__ = [
    "EndpointError",
    "NoteError",
    "NotegraphError",
    "OntologyError",
    "QueryError",
    "StoreBusyError",
    "StoreError",
    "UsageError",
]


class NotegraphError(Exception):
    """Base of every error notegraph reports to its users."""

    exit_code = 1


class UsageError(NotegraphError):
    """The user asked for something that cannot be done as asked (unknown query, bad parameter)."""

    exit_code = 2


class NoteError(NotegraphError):
    """A note could not be read or parsed. Carries the file (and line when known)."""

    def __init__(self, message: str, *, path: str | None = None, line: int | None = None):
        where = path or ""
        if path and line:
            where = f"{path}:{line}"
        super().__init__(f"{where}: {message}" if where else message)
        self.path = path
        self.line = line


class OntologyError(NotegraphError):
    """The ontology, shapes or reference data are malformed."""


class StoreError(NotegraphError):
    """The store cannot be opened, read or written."""


class StoreBusyError(StoreError):
    """Another process holds the store."""


class QueryError(NotegraphError):
    """A query is malformed, failed, or timed out."""


class EndpointError(NotegraphError):
    """A remote SPARQL endpoint failed (refused, timeout, auth, server error)."""
