"""`notegraph build`: notes -> one named graph each, idempotently; then the reference graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from graph.rdf import REFERENCE_GRAPH, graph_iri, ng, note_quads
from graph.store import Store
from loaders.model import Note
from ontology.iris import ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["BuildSummary", "build", "remove_notes"]


@dataclass
class BuildSummary:
    notes: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    collisions: list[tuple[str, str]] = field(default_factory=list)  # (path, kept path)
    events: int = 0
    actors: int = 0
    unresolved: Counter[str] = field(default_factory=Counter)
    warnings: int = 0
    quads: int = 0

    def to_dict(self) -> dict[str, object]:
        return {
            "notes": self.notes,
            "added": self.added,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "removed": self.removed,
            "failed": [{"path": p, "error": e} for p, e in self.failed],
            "collisions": [{"path": p, "kept": k} for p, k in self.collisions],
            "events": self.events,
            "actors": self.actors,
            "unresolved": dict(self.unresolved.most_common()),
            "warnings": self.warnings,
            "quads": self.quads,
        }


_NOTE_META = f"""
SELECT DISTINCT ?g ?hash WHERE {{
  GRAPH ?g {{ ?n a <{ng("SourceNote")}> . OPTIONAL {{ ?n <{ng("graphHash")}> ?hash }} }}
}}"""


def _existing(store: Store) -> dict[str, str | None]:
    """Note graph -> its ng:graphHash (None for graphs built before hashes existed)."""
    return {r["g"]: r["hash"] for r in store.select(_NOTE_META)}


def _hash_of(quads: list[Quad]) -> str | None:
    hashes = [
        str(getattr(q.object, "value", "")) for q in quads if q.predicate.value == ng("graphHash")
    ]
    return hashes[0] if hashes else None


def build(
    store: Store,
    notes: Iterable[Note],
    *,
    on_note: Callable[[Note], None] | None = None,
) -> BuildSummary:
    """Load each note into its own named graph. A note whose graph would be the same as the
    stored one (same ng:graphHash: same file, same extractor, same mapping) is left alone; a
    changed one replaces only its graph, in one transaction. Notes that failed to read are
    reported and keep whatever graph they had. Two files with the same stem (in different
    folders) would share a graph: the second is reported in `collisions` and not loaded.
    The reference graph is rewritten only when it changed."""
    from graph.reference import reference_quads

    summary = BuildSummary()
    existing = _existing(store)
    seen: dict[str, str] = {}  # graph -> path that claimed it in this run
    actors: set[str] = set()
    for note in notes:
        summary.notes += 1
        if on_note:
            on_note(note)
        if not note.ok:
            summary.failed.append((note.source.path, note.error or "unreadable"))
            continue
        g = graph_iri(note)
        if g in seen:
            summary.collisions.append((note.source.path, seen[g]))
            summary.failed.append(
                (
                    note.source.path,
                    f"same file name as {seen[g]} (both would be graph {g[len(ID) :]}); "
                    "rename one of them; this one was not loaded",
                )
            )
            continue
        seen[g] = note.source.path
        summary.warnings += len(note.warnings)
        for a in note.actors:
            actors.add(a.id)
            if a.kind == "unresolved":
                summary.unresolved[a.name] += 1
        quads = note_quads(note)
        if g in existing and existing[g] == _hash_of(quads):
            summary.unchanged += 1
            continue
        store.replace_graph(g, quads)
        if g in existing:
            summary.updated += 1
        else:
            summary.added += 1
    _write_reference(store, reference_quads())
    summary.events = _count(
        store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{ng('Event')}> }}"
    )
    summary.actors = len(actors)
    summary.quads = store.quad_count()
    return summary


def _write_reference(store: Store, quads: list[Quad]) -> None:
    """Rewrite the reference graph only when its content changed (a no-op build writes nothing)."""
    from graph.rdf import graph_hash

    stored = getattr(store, "quads", None)
    if stored is not None and graph_hash(stored(REFERENCE_GRAPH)) == graph_hash(quads):
        return
    store.replace_graph(REFERENCE_GRAPH, quads)


def _count(store: Store, query: str) -> int:
    rows = store.select(query)
    return int(rows[0]["n"]) if rows else 0


def remove_notes(store: Store, paths: Iterable[str | Path]) -> list[str]:
    """Drop the graphs of the named notes (by file path or name). Returns the graphs removed."""
    from graph.rdf import note_stem
    from loaders.model import Source

    present = set(store.named_graphs())
    removed = []
    for p in paths:
        stem = note_stem(Note(source=Source(path=str(p), sha256="")))
        g = ID + "graph/" + stem
        if g in present:
            store.remove_graph(g)
            removed.append(g)
    return removed
