"""The embedded store: Oxigraph on disk (the default); rdflib in memory for small work is in
graph/memory.py.

Both answer the same SPARQL with the same rows; values are bound, never pasted into query text.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from ontology.errors import QueryError, StoreBusyError, StoreError

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = [
    "OxigraphStore",
    "Row",
    "Store",
    "default_store_path",
    "open_store",
    "python_value",
]

Row = dict[str, Any]
MARKER = "notegraph-store"


def default_store_path() -> Path:
    return Path(os.environ.get("NOTEGRAPH_STORE") or ".notegraph")


class Store(Protocol):
    """What every backend offers: the one query path and graph-at-a-time writes."""

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> list[Row]: ...

    def replace_graph(self, graph: str, quads: list[Quad]) -> None: ...

    def remove_graph(self, graph: str) -> None: ...

    def named_graphs(self) -> list[str]: ...

    def quad_count(self) -> int: ...

    def close(self) -> None: ...


def python_value(term: Any) -> Any:
    """A result term as a plain Python value: IRIs as str, numbers as int/float,
    dates as ISO str."""
    if term is None:
        return None
    import pyoxigraph as ox

    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        v = term.value
        if dt == _XSD_STRING:
            return v
        if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#positiveInteger")):
            try:
                return int(v)
            except ValueError:
                return v
        if dt.endswith(("#decimal", "#double", "#float")):
            try:
                return float(v)
            except ValueError:
                return v
        if dt.endswith("#boolean"):
            return v == "true"
        return v
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    return str(term)


def _ox_term(value: object) -> Any:
    """A Python parameter value as a pyoxigraph term (an RDF literal, or an IRI if marked)."""
    import pyoxigraph as ox

    if isinstance(value, IRI):
        return ox.NamedNode(value.value)
    if isinstance(value, bool):
        return ox.Literal("true" if value else "false", datatype=ox.NamedNode(_XSD + "boolean"))
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=ox.NamedNode(_XSD + "integer"))
    return ox.Literal(str(value))


_XSD = "http://www.w3.org/2001/XMLSchema#"
_XSD_STRING = _XSD + "string"


@dataclass(frozen=True)
class IRI:
    """A parameter value that is an IRI, not a string literal."""

    value: str


class OxigraphStore:
    """Oxigraph (RocksDB) in a directory; `read_only` opens it without taking the write lock."""

    def __init__(self, path: Path, *, read_only: bool = False, create: bool = True) -> None:
        import pyoxigraph as ox

        self.path = path
        self.read_only = read_only
        marker = path / MARKER
        if path.exists() and not path.is_dir():
            raise StoreError(
                f"{path} is a file, not a store directory: choose another --store directory "
                "(or $NOTEGRAPH_STORE)"
            )
        if path.exists() and any(path.iterdir()) and not marker.exists():
            raise StoreError(
                f"{path} is not a notegraph store (no {MARKER} marker); "
                "choose another --store directory or remove it"
            )
        if not path.exists():
            if read_only or not create:
                raise StoreError(f"no store at {path}: run 'notegraph build PATH' first")
            path.mkdir(parents=True)
        elif read_only and not marker.exists():
            raise StoreError(f"no store at {path}: run 'notegraph build PATH' first")
        try:
            self._store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
        except OSError as e:
            msg = str(e)
            if "lock" in msg.lower():
                raise StoreBusyError(
                    f"the store {path} is busy: another notegraph process is writing it; "
                    "wait for it to finish"
                ) from e
            raise StoreError(f"cannot open the store {path}: {msg.splitlines()[0]}") from e
        except RuntimeError as e:  # RocksDB reports damaged files (truncated, foreign) this way
            raise StoreError(
                f"the store {path} is damaged ({str(e).splitlines()[0][:200]}); "
                "remove the directory and run 'notegraph build PATH' again"
            ) from e
        if not read_only and not marker.exists():
            marker.write_text("notegraph store 1\n", encoding="utf-8")
        if not read_only:
            _remove_unfinished_bulk_files(path)

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> list[Row]:
        import pyoxigraph as ox

        from graph.bind import bind_values

        try:
            res = self._store.query(bind_values(query, bindings), use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from e
        except (OSError, RuntimeError) as e:  # RuntimeError: a query Oxigraph cannot evaluate
            raise QueryError(f"query failed: {e}") from e
        if not isinstance(res, ox.QuerySolutions):
            raise QueryError("only SELECT queries return rows here")
        names = [v.value for v in res.variables]
        return [dict(zip(names, map(python_value, sol), strict=True)) for sol in res]

    def raw_query(self, query: str) -> Any:
        try:
            return self._store.query(query, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from e

    def update(self, update: str) -> None:
        try:
            self._store.update(update)
        except SyntaxError as e:
            raise QueryError(f"SPARQL syntax error: {e}") from e

    def replace_graph(self, graph: str, quads: list[Quad]) -> None:
        """Drop the graph and write the new quads in ONE transaction (never half-written)."""
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) if triples else b""
        # Both operations run as one update, so one transaction: the graph is old or new.
        update = f"DROP SILENT GRAPH {g}"
        if body:
            update += f" ;\nINSERT DATA {{ GRAPH {g} {{\n{body.decode('utf-8')}}} }}"
        self._store.update(update)

    def add_graphs(self, nquads: bytes) -> None:
        """Write graphs the store does not hold yet, from N-Quads with every quad of each, in
        ONE atomic step: Oxigraph's bulk loader writes sorted files that RocksDB ingests at
        once (after a crash each graph is all there or absent; 3x cheaper than a transactional
        load, and no memtables to fill). Not isolated from other writers of the same graphs:
        only for new graphs, with this process holding the write lock. The N-Quads must come
        from pyoxigraph's serialiser (parsed leniently: IRIs were checked when built)."""
        import pyoxigraph as ox

        if nquads:
            self._store.bulk_load(nquads, format=ox.RdfFormat.N_QUADS, lenient=True)

    def replace_graphs(self, graphs: list[tuple[str, bytes]]) -> None:
        """Drop and rewrite graphs (name, its N-Quads) in ONE update: one transaction, so each
        graph is old or new, never half-written."""
        import pyoxigraph as ox

        if not graphs:
            return
        nodes = [(ox.NamedNode(g), body) for g, body in graphs]
        update = "".join(f"DROP SILENT GRAPH {g} ;\n" for g, _ in nodes)
        update += "INSERT DATA {\n"
        for g, body in nodes:
            # N-Quads lines end with " <graph> .\n" (newlines in literals are escaped)
            triples = body.replace(f" {g} .\n".encode(), b" .\n").decode("utf-8")
            update += f"GRAPH {g} {{\n{triples}}}\n"
        self._store.update(update + "}")

    def remove_graph(self, graph: str) -> None:
        import pyoxigraph as ox

        g = ox.NamedNode(graph)
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

    def named_graphs(self) -> list[str]:
        return sorted(g.value for g in self._store.named_graphs())

    def quad_count(self) -> int:
        return len(self._store)

    def quads(self, graph: str | None = None) -> list[Quad]:
        """Every quad in the named graphs (or in one), as pyoxigraph terms."""
        import pyoxigraph as ox

        g = ox.NamedNode(graph) if graph else None
        return [
            q
            for q in self._store.quads_for_pattern(None, None, None, g)
            if not isinstance(q.graph_name, ox.DefaultGraph)
        ]

    def compact(self) -> None:
        """Merge the store's sorted files (RocksDB full compaction): after big bulk loads
        lookups search far fewer files (graph/build.py COMPACT_SHARE). It never changes what
        the store holds, so a failure (a full disk) loses nothing."""
        try:
            self._store.optimize()
        except OSError as e:
            raise StoreError(
                f"could not compact {self.path} ({e}); every note is in the store and queries "
                "work, only slower: free some disk space, or build with --no-compact"
            ) from e

    def flush(self) -> None:
        self._store.flush()

    def close(self) -> None:
        if not self.read_only:
            self._store.flush()
        del self._store


def _remove_unfinished_bulk_files(path: Path) -> None:
    """Sorted files a killed bulk load left behind (never ingested, or ingested under another
    name: RocksDB links what it ingests). Only with the write lock held, so no load is running."""
    for f in path.glob("bulk-*.sst"):
        f.unlink(missing_ok=True)


def open_store(path: Path | None = None, *, memory: bool = False, read_only: bool = False) -> Store:
    if memory:
        from graph.memory import MemoryStore

        return MemoryStore()
    return OxigraphStore(path or default_store_path(), read_only=read_only)
