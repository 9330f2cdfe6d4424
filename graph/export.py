"""`notegraph export` and `notegraph stats`: the store as RDF files or a network, and its counts.

RDF formats come from pyoxigraph's serialisers (JSON-LD through rdflib); `graphml`/`gexf`
write the actor–event network of `graph.network.actor_event_graph` with networkx.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from graph.rdf import REFERENCE_GRAPH, ng
from ontology.errors import UsageError
from ontology.iris import BUILD_RECORD, ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from graph.store import Store

__all__ = ["EXPORT_FORMATS", "export", "export_bytes", "resolve_graph", "stats"]

RDF_FORMATS = ("trig", "nquads", "turtle", "jsonld")
NETWORK_FORMATS = ("graphml", "gexf")
EXPORT_FORMATS = RDF_FORMATS + NETWORK_FORMATS

PREFIXES = {
    "ng": "https://w3id.org/notegraph/ontology#",
    "id": ID,
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "org": "http://www.w3.org/ns/org#",
    "dcterms": "http://purl.org/dc/terms/",
}


def resolve_graph(store: Store, graph: str) -> str:
    """The IRI of a graph in the store named as an IRI, a tail ('graph/000_x'), a note stem
    ('000_x') or a file name; UsageError when the store has no such graph."""
    names = store.named_graphs()
    stem = Path(graph).name.rsplit(".", 1)[0] if "." in Path(graph).name else Path(graph).name
    for cand in (graph, ID + graph, ID + "graph/" + graph, ID + "graph/" + stem):
        if cand in names:
            return cand
    raise UsageError(f"no graph {graph!r} in the store (see 'notegraph stats' for the notes)")


def _quads(store: Store, graph: str | None) -> list[Quad]:
    quads_of = getattr(store, "quads", None)
    if quads_of is None:
        raise UsageError("this store cannot list its quads: export from an embedded store")
    quads: list[Quad] = list(quads_of(resolve_graph(store, graph) if graph else None))
    return sorted((q for q in quads if q.predicate.value != BUILD_RECORD), key=str)


def export_bytes(store: Store, fmt: str, *, graph: str | None = None) -> bytes:
    """The dataset (or one graph) as bytes in an RDF format: trig, nquads, turtle, jsonld.
    Turtle has no graphs: it holds the union of the triples (duplicates merged)."""
    import pyoxigraph as ox

    if fmt not in RDF_FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r}; choose one of {', '.join(RDF_FORMATS)}")
    quads = _quads(store, graph)
    if fmt == "jsonld":
        from graph.memory import to_rdflib_dataset

        ds = to_rdflib_dataset(quads)
        ctx = {k: v for k, v in PREFIXES.items()}
        text: str = ds.serialize(format="json-ld", context=ctx, indent=1)
        return text.encode("utf-8")
    if fmt == "turtle":
        triples = sorted({ox.Triple(q.subject, q.predicate, q.object) for q in quads}, key=str)
        out = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    elif fmt == "trig":
        out = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=PREFIXES)
    else:
        out = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    return out or b""


def export(
    store: Store,
    fmt: str,
    out: IO[bytes],
    *,
    graph: str | None = None,
    include_planned: bool = True,
) -> None:
    """Write the store in `fmt` to a binary stream. Network formats flatten list and dict
    attributes (roles, evidence) to JSON strings, since GraphML and GEXF hold scalars only."""
    if fmt in NETWORK_FORMATS:
        import networkx as nx

        from graph.network import actor_event_graph

        g = _flatten(actor_event_graph(store, include_planned=include_planned))
        if fmt == "graphml":
            nx.write_graphml(g, out)
        else:
            nx.write_gexf(g, out)
        return
    out.write(export_bytes(store, fmt, graph=graph))


def _scalar(value: Any) -> Any:
    if isinstance(value, list | dict | tuple | set):
        return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return value


def _flatten(g: Any) -> Any:
    h = g.__class__()
    for n, data in g.nodes(data=True):
        h.add_node(n, **{k: _scalar(v) for k, v in data.items() if v is not None})
    for a, b, data in g.edges(data=True):
        h.add_edge(a, b, **{k: _scalar(v) for k, v in data.items() if v is not None})
    return h


def stats(store: Store) -> dict[str, Any]:
    """Counts: quads, graphs, notes, events by status, actors by kind, unresolved names."""
    graphs = store.named_graphs()

    def rows(q: str) -> list[dict[str, Any]]:
        return store.select(q)

    events = rows(
        f"SELECT ?status (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{ng('Event')}> . "
        f"OPTIONAL {{ ?e <{ng('reportedStatus')}> ?s }} "
        f'BIND (COALESCE(STRAFTER(STR(?s), "#"), "mentioned") AS ?status) }} GROUP BY ?status'
    )
    actors = rows(
        f"SELECT ?kind (COUNT(DISTINCT ?a) AS ?n) WHERE {{ "
        f"?p <{ng('agent')}> ?a . ?a <{ng('actorKind')}> ?kind }} GROUP BY ?kind"
    )
    notes = rows(f"SELECT (COUNT(DISTINCT ?n) AS ?n) WHERE {{ ?n a <{ng('SourceNote')}> }}")
    parts = rows(f"SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE {{ ?p a <{ng('Participation')}> }}")
    return {
        "quads": store.quad_count(),
        "graphs": len(graphs),
        "notes": int(notes[0]["n"]) if notes else 0,
        "reference": REFERENCE_GRAPH in graphs,
        "events": {str(r["status"]).lower(): int(r["n"]) for r in events},
        "participations": int(parts[0]["n"]) if parts else 0,
        "actors": {str(r["kind"]): int(r["n"]) for r in actors},
        "unresolved": sum(int(r["n"]) for r in actors if r["kind"] == "unresolved"),
    }
