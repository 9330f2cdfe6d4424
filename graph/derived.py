"""The build-wide graphs kept up to date by the build: the derived graph (one copy of each
description many notes share) and the reference graph, each rewritten only when it changed."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.rdf import DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH

if TYPE_CHECKING:
    from pyoxigraph import Quad

    from graph.store import Store

__all__ = ["prune_derived", "write_derived", "write_if_changed"]


def write_if_changed(store: Store, graph: str, quads: list[Quad]) -> bool:
    """Rewrite a build-wide graph only when its content changed (a no-op build writes nothing)."""
    from graph.rdf import graph_hash

    stored = getattr(store, "quads", None)
    if stored is not None and graph_hash(stored(graph)) == graph_hash(quads):
        return False
    store.replace_graph(graph, quads)
    return True


def write_derived(store: Store, lines: set[bytes], *, complete: bool) -> bool:
    """The derived graph: one copy of each description the notes contribute. When this build
    saw every note graph of the store it is exactly this build's; otherwise (a folder added to
    a store built from others) the stored descriptions are kept too, then any description of a
    thing no note graph mentions any more is dropped."""
    import pyoxigraph as ox

    body = b"\n".join(sorted(lines))
    quads = list(ox.parse(body, format=ox.RdfFormat.N_QUADS)) if body else []
    stored = getattr(store, "quads", None)
    if not complete and stored is not None:
        quads = list(dict.fromkeys([*stored(DERIVED_GRAPH), *quads]))
    changed = write_if_changed(store, DERIVED_GRAPH, quads)
    if not complete:
        prune_derived(store)
    return changed


_UNUSED = f"""
SELECT DISTINCT ?s WHERE {{
  GRAPH <{DERIVED_GRAPH}> {{ ?s ?p ?o }}
  FILTER NOT EXISTS {{
    GRAPH ?g {{ ?x ?y ?s }}
    FILTER (?g != <{DERIVED_GRAPH}> && ?g != <{REFERENCE_GRAPH}> && ?g != <{SUMMARY_GRAPH}>)
  }}
}}"""


def prune_derived(store: Store) -> None:
    """Drop derived descriptions of things no note graph points to (after notes are removed)."""
    stored = getattr(store, "quads", None)
    if stored is None:
        return
    unused = {r["s"] for r in store.select(_UNUSED)}
    if unused:
        quads = list(stored(DERIVED_GRAPH))
        store.replace_graph(DERIVED_GRAPH, [q for q in quads if q.subject.value not in unused])
