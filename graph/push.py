"""`notegraph push`: copy the local store's named graphs to a SPARQL 1.1 server, idempotently.

- Every pushed graph carries one extra triple, `<graph> schema:sha256 "HEX"`: the SHA-256 of the
  graph's sorted N-Triples (without that triple). One query reads the server's hashes; only graphs
  whose hash differs are sent. The hash travels inside the graph, so it is written in the same
  request as the data: a graph whose hash matches is, by construction, complete.
- A graph is replaced in ONE request, which SPARQL 1.1 servers run as one transaction:
  `DROP SILENT GRAPH <g> ; INSERT DATA { GRAPH <g> { ... } }` (several small graphs share a request,
  up to `max_request_bytes`), or with `--gsp-endpoint` a Graph Store Protocol PUT per graph.
- A graph too big for one request is written into a staging graph `<ID>push-staging/<hash>`
  in several requests, then `MOVE`d onto the real graph in one final request. Until that request
  the real graph is untouched (old); after it, it is new. An interrupted push can leave a staging
  graph behind: the next push removes it first. Staging graphs are visible to union-default-graph
  queries while they exist, so do not query while a push of a very large graph is interrupted.
- With `prune`, graphs the server holds with a notegraph hash but the local store no longer has
  (notes removed locally) are dropped, in one request; graphs without that hash are never touched.
- Blank nodes would make the hash unstable; notegraph's graphs have none (every node is an IRI).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from graph.remote import RemoteStore
from ontology.errors import StoreError
from ontology.iris import BUILD_RECORD, ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["HASH_PREDICATE", "STAGING", "PushSummary", "graph_hash", "push", "remote_hashes"]

HASH_PREDICATE = "https://schema.org/sha256"
STAGING = ID + "push-staging/"
MAX_REQUEST_BYTES = 4_000_000  # below the usual 10 MB body limits of proxies and servers


@dataclass
class PushSummary:
    graphs: int = 0
    sent: list[str] = field(default_factory=list)
    unchanged: int = 0
    triples_sent: int = 0
    requests: int = 0
    staging_removed: int = 0
    pruned: list[str] = field(default_factory=list)

    def line(self, *, prune: bool = False) -> str:
        """What was sent, in one line (with `prune`, also what was removed)."""
        pruned = f", {len(self.pruned)} removed from the server" if prune else ""
        return (
            f"{self.graphs} graphs: {len(self.sent)} sent ({self.triples_sent} triples "
            f"in {self.requests} requests), {self.unchanged} unchanged{pruned}"
        )


def _ntriples(quads: Iterable[Quad]) -> list[str]:
    """Each quad as an N-Triples line (pyoxigraph's own serialisation), sorted; the build's
    record left out (its bookkeeping changes with the extractor, not with the note)."""
    kept = (q for q in quads if q.predicate.value != BUILD_RECORD)
    return sorted({f"{q.subject} {q.predicate} {q.object} ." for q in kept})


def graph_hash(lines: list[str]) -> str:
    """SHA-256 of sorted N-Triples lines: the same digest as `graph.rdf.graph_hash`."""
    return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()


def _hash_line(graph: str, digest: str) -> str:
    import pyoxigraph as ox

    return f"{ox.NamedNode(graph)} {ox.NamedNode(HASH_PREDICATE)} {ox.Literal(digest)} ."


def remote_hashes(remote: RemoteStore) -> dict[str, str]:
    """What the server holds: graph IRI -> the hash pushed with it."""
    rows = remote.select(
        "SELECT ?g ?h WHERE { GRAPH ?g { ?g ?hashed ?h } }",
        {"hashed": _iri(HASH_PREDICATE)},
    )
    return {str(r["g"]): str(r["h"]) for r in rows}


def _iri(value: str) -> Any:
    from graph.store import IRI

    return IRI(value)


def _local_graphs(store: Any) -> list[str]:
    if not hasattr(store, "quads"):
        raise StoreError("push needs a local store that can list its quads (--store DIR)")
    return list(store.named_graphs())


def _drop_staging(remote: RemoteStore) -> int:
    rows = remote.select(
        "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
        "FILTER (STRSTARTS(STR(?g), STR(?prefix))) }",
        {"prefix": STAGING},
    )
    import pyoxigraph as ox

    graphs = [str(r["g"]) for r in rows]
    if graphs:
        remote.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in graphs))
    return len(graphs)


def _replace_ops(graph: str, body: str) -> str:
    import pyoxigraph as ox

    g = ox.NamedNode(graph)
    return f"DROP SILENT GRAPH {g} ;\nINSERT DATA {{ GRAPH {g} {{\n{body}}} }}"


def push(
    store: Any,
    remote: RemoteStore,
    *,
    use_gsp: bool = False,
    max_request_bytes: int = MAX_REQUEST_BYTES,
    on_graph: Callable[[str], None] | None = None,
    prune: bool = False,
) -> PushSummary:
    """Send every named graph of `store` whose content differs from the server's copy; with
    `prune`, drop the server's notegraph graphs (those pushed with a hash) the store lacks."""
    summary = PushSummary()
    summary.staging_removed = _drop_staging(remote)
    have = remote_hashes(remote)
    graphs = _local_graphs(store)
    summary.graphs = len(graphs)
    batch: list[str] = []
    batch_bytes = 0

    def flush() -> None:
        nonlocal batch, batch_bytes
        if batch:
            remote.update(" ;\n".join(batch))
            summary.requests += 1
            batch, batch_bytes = [], 0

    for graph in sorted(graphs):
        lines = _ntriples(store.quads(graph))
        digest = graph_hash(lines)
        if have.get(graph) == digest:
            summary.unchanged += 1
            if on_graph:
                on_graph(graph)
            continue
        lines.append(_hash_line(graph, digest))
        body = "".join(line + "\n" for line in lines)
        size = len(body.encode("utf-8")) + 2 * len(graph) + 64
        if use_gsp and size <= max_request_bytes:
            remote.put_graph(graph, body.encode("utf-8"))
            summary.requests += 1
        elif size <= max_request_bytes:
            if batch_bytes + size > max_request_bytes:
                flush()
            batch.append(_replace_ops(graph, body))
            batch_bytes += size
        else:
            flush()
            summary.requests += _push_staged(remote, graph, digest, lines, max_request_bytes)
        summary.sent.append(graph)
        summary.triples_sent += len(lines)
        if on_graph:
            on_graph(graph)
    flush()
    if prune:
        summary.pruned = sorted(set(have) - set(graphs))
        if summary.pruned:
            import pyoxigraph as ox

            remote.update(
                " ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in summary.pruned)
            )
            summary.requests += 1
    return summary


def _push_staged(
    remote: RemoteStore, graph: str, digest: str, lines: list[str], max_bytes: int
) -> int:
    """A graph bigger than one request: fill a staging graph in chunks, then MOVE it onto the
    graph in one final request (the only request that touches the graph itself)."""
    import pyoxigraph as ox

    staging = ox.NamedNode(STAGING + digest)
    chunks: list[list[str]] = [[]]
    size = 0
    for line in lines:
        n = len(line.encode("utf-8")) + 1
        if size + n > max_bytes - 200 and chunks[-1]:
            chunks.append([])
            size = 0
        chunks[-1].append(line)
        size += n
    requests = 0
    for i, chunk in enumerate(chunks):
        data = "".join(line + "\n" for line in chunk)
        op = f"INSERT DATA {{ GRAPH {staging} {{\n{data}}} }}"
        if i == 0:
            op = f"DROP SILENT GRAPH {staging} ;\n" + op
        remote.update(op)
        requests += 1
    remote.update(f"MOVE SILENT GRAPH {staging} TO {ox.NamedNode(graph)}")
    return requests + 1
