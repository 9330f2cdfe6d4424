"""Any SPARQL query, as `notegraph sparql` runs it: the text from an argument, a `.rq` file or
standard input; read-only unless an update is asked for (then on the embedded store only)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ontology.errors import UsageError

if TYPE_CHECKING:
    from graph.store import OxigraphStore
    from queries.run import Target

__all__ = ["read_query", "run_select", "run_update"]


def read_query(source: str, *, update: bool = False) -> str:
    """The query text: `source` itself, the file it names, or standard input for '-'. A name
    ending in .rq or .sparql that is not a file is a UsageError; so is an update (INSERT,
    DELETE, DROP...) unless `update`."""
    if source == "-":
        text = sys.stdin.read()
    elif os.path.isfile(source):
        text = Path(source).read_text(encoding="utf-8")
    elif source.endswith((".rq", ".sparql")):
        raise UsageError(f"no such query file: {source}")
    else:
        text = source
    if not update:
        from queries.readonly import check_read_only

        check_read_only(text)
    return text


def run_select(target: Target, text: str, *, short: bool = False) -> list[dict[str, Any]]:
    """The rows of a query; with `short`, our IRIs as their tails (state/BLR)."""
    rows = target.select(text)
    if not short:
        return rows
    from queries.run import shorten

    return [{k: shorten(v) for k, v in r.items()} for r in rows]


def run_update(store: OxigraphStore, text: str) -> tuple[int, int]:
    """Run a SPARQL update on the store (one transaction) and close it: the quad counts before
    and after."""
    before = store.quad_count()
    store.update(text)
    after = store.quad_count()
    store.close()
    return before, after
