"""A deadline for queries on the embedded store.

pyoxigraph cannot cancel a running query. `TimedStore` runs each one in a daemon thread and stops
waiting when the time is up: the caller gets a QueryError at once, while the abandoned query runs
on in the background until it finishes or the process exits (the command line exits right away).
A library caller that keeps its process alive keeps paying for that query's CPU time.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import Any

from graph.store import Row, Store
from ontology.errors import QueryError

__all__ = ["TimedStore"]


class TimedStore:
    """A store whose `select` gives up after `seconds` (other methods pass through)."""

    def __init__(self, store: Store, seconds: float) -> None:
        self.store = store
        self.seconds = seconds

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> list[Row]:
        result: dict[str, Any] = {}

        def work() -> None:
            try:
                result["rows"] = self.store.select(query, bindings)
            except BaseException as e:  # handed to the caller's thread below
                result["error"] = e

        worker = threading.Thread(target=work, name="notegraph-query", daemon=True)
        worker.start()
        worker.join(self.seconds)
        if worker.is_alive():
            raise QueryError(
                f"query took longer than {self.seconds:g} s; narrow it (a LIMIT, a more specific "
                "pattern) or raise --timeout (the embedded store cannot cancel it: notegraph "
                "stops waiting)"
            )
        if "error" in result:
            raise result["error"]
        rows: list[Row] = result["rows"]
        return rows

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)
