"""`notegraph sparql` is read-only: a SPARQL update is refused with a clear message."""

from __future__ import annotations

from ontology.errors import UsageError

__all__ = ["check_read_only"]


def check_read_only(text: str) -> None:
    """Raise UsageError if `text` is a SPARQL update (INSERT, DELETE, LOAD, CLEAR, DROP...).
    A text that is neither a query nor an update is left for the store to report."""
    from pyparsing import ParseException
    from rdflib.plugins.sparql.parser import parseQuery, parseUpdate

    try:
        parseQuery(text)
        return
    except ParseException:
        pass
    try:
        parseUpdate(text)
    except ParseException:
        return
    raise UsageError(
        "notegraph sparql runs read-only queries (SELECT, ASK, CONSTRUCT, DESCRIBE); "
        "this is an update (INSERT, DELETE, LOAD, CLEAR, DROP...): change the store with "
        "'notegraph build' instead"
    )
