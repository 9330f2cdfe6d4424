"""rdflib's in-memory Dataset as a store: the small-work option (slow on large joins), and the
conversions between rdflib and pyoxigraph terms.

It answers the same SPARQL with the same rows as the embedded Oxigraph store (graph/store.py);
values are bound, never pasted into query text.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

from graph.store import IRI, Row
from ontology.errors import QueryError

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["MemoryStore", "to_rdflib_dataset"]


class MemoryStore:
    """rdflib's in-memory Dataset: the small-work option (slow on large joins)."""

    def __init__(self) -> None:
        from rdflib import Dataset

        self._ds = Dataset(default_union=True)

    def select(self, query: str, bindings: Mapping[str, object] | None = None) -> list[Row]:
        from pyparsing import ParseException
        from rdflib import Literal, URIRef

        from graph.bind import AnyOf, bind_values

        init: dict[str, Any] = {}
        if any(isinstance(v, AnyOf) for v in (bindings or {}).values()):
            query = bind_values(query, bindings)  # several rows: initBindings holds one
        else:
            for k, v in (bindings or {}).items():
                init[k] = URIRef(v.value) if isinstance(v, IRI) else Literal(v)
        with warnings.catch_warnings():
            # rdflib 7.6's own SPARQL engine calls its deprecated Dataset.contexts for GRAPH ?g
            warnings.filterwarnings("ignore", category=DeprecationWarning, module="rdflib")
            try:
                res = self._ds.query(query, initBindings=init)
                rows: list[Any] = list(res)
            except ParseException as e:
                raise QueryError(f"SPARQL syntax error: {e}") from e
        names = [str(v) for v in (res.vars or [])]
        return [{n: _rdflib_value(row[n]) for n in names} for row in rows]

    def replace_graph(self, graph: str, quads: list[Quad]) -> None:
        import pyoxigraph as ox
        from rdflib import URIRef

        self.remove_graph(graph)
        if quads:
            # Graph.parse, not Dataset.parse (which warns in rdflib 7.6: default_context)
            triples = [ox.Triple(q.subject, q.predicate, q.object) for q in quads]
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            self._ds.graph(URIRef(graph)).parse(data=body.decode("utf-8"), format="nt")

    def quads(self, graph: str | None = None) -> list[Quad]:
        """Every quad in the named graphs (or in one), as pyoxigraph terms."""
        import pyoxigraph as ox
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        # terms converted one by one (rdflib's n3() leaves a carriage return unescaped, which
        # no N-Quads parser accepts)
        return [
            ox.Quad(*(_ox_from_rdflib(t) for t in (s, p, o, c)))
            for s, p, o, c in self._ds.quads((None, None, None, None))
            if c is not None
            and c != DATASET_DEFAULT_GRAPH_ID
            and (graph is None or str(c) == graph)
        ]

    def remove_graph(self, graph: str) -> None:
        from rdflib import URIRef

        self._ds.remove_graph(URIRef(graph))

    def named_graphs(self) -> list[str]:
        from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

        return sorted(
            str(g.identifier)
            for g in self._ds.graphs()
            if g.identifier != DATASET_DEFAULT_GRAPH_ID and len(g)
        )

    def quad_count(self) -> int:
        return sum(1 for _ in self._ds.quads((None, None, None, None)))

    def close(self) -> None:
        pass


def _ox_from_rdflib(term: Any) -> Any:
    """An rdflib term as the pyoxigraph term it stands for."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal

    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    return ox.NamedNode(str(term))


def _rdflib_value(term: Any) -> Any:
    from rdflib import BNode, Literal, URIRef

    if term is None:
        return None
    if isinstance(term, URIRef):
        return str(term)
    if isinstance(term, BNode):
        return "_:" + str(term)
    if isinstance(term, Literal):
        v = term.toPython()
        if isinstance(v, bool | int | float):
            return v
        if term.datatype is not None and str(term.datatype).endswith("#decimal"):
            return float(term)
        return str(term)
    return str(term)


def to_rdflib_dataset(quads: Iterable[Quad]) -> Any:
    """pyoxigraph quads as an rdflib Dataset (one Graph.parse per named graph: rdflib 7.6's
    Dataset.parse warns)."""
    import pyoxigraph as ox
    from rdflib import Dataset, URIRef

    by_graph: dict[str, list[Any]] = {}
    for q in quads:
        by_graph.setdefault(str(getattr(q.graph_name, "value", "")), []).append(
            ox.Triple(q.subject, q.predicate, q.object)
        )
    ds = Dataset()
    for name, triples in by_graph.items():
        body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
        target = ds.graph(URIRef(name)) if name else ds.default_graph
        target.parse(data=body.decode("utf-8"), format="nt")
    return ds
