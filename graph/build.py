"""`notegraph build`: notes -> one named graph each, idempotently; then the reference graph."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from graph.rdf import EXTRACTOR_VERSION, REFERENCE_GRAPH, graph_iri, note_quads
from graph.store import Store
from loaders.model import Note
from ontology.iris import ID, ONT

__all__ = ["BuildSummary", "build", "remove_notes"]


@dataclass
class BuildSummary:
    notes: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
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
            "events": self.events,
            "actors": self.actors,
            "unresolved": dict(self.unresolved.most_common()),
            "warnings": self.warnings,
            "quads": self.quads,
        }


_NOTE_META = f"""
SELECT ?g ?sha ?ver WHERE {{
  GRAPH ?g {{ ?n a <{ONT}SourceNote> ; <{ONT}sha256> ?sha ; <{ONT}extractorVersion> ?ver }}
}}"""


def _existing(store: Store) -> dict[str, tuple[str, str]]:
    return {r["g"]: (r["sha"], r["ver"]) for r in store.select(_NOTE_META)}


def build(
    store: Store,
    notes: Iterable[Note],
    *,
    on_note: Callable[[Note], None] | None = None,
) -> BuildSummary:
    """Load each note into its own named graph. An unchanged note (same SHA-256, same extractor)
    is skipped; a changed one replaces only its graph. Notes that failed to read are reported
    and keep whatever graph they had."""
    from graph.reference import reference_quads

    summary = BuildSummary()
    existing = _existing(store)
    events: set[str] = set()
    actors: set[str] = set()
    for note in notes:
        summary.notes += 1
        if on_note:
            on_note(note)
        if not note.ok:
            summary.failed.append((note.source.path, note.error or "unreadable"))
            continue
        summary.warnings += len(note.warnings)
        for a in note.actors:
            actors.add(a.id)
            if a.kind == "unresolved":
                summary.unresolved[a.name] += 1
        events.add(note.start_date or note.title or note.source.path)
        g = graph_iri(note)
        if existing.get(g) == (note.source.sha256, EXTRACTOR_VERSION):
            summary.unchanged += 1
            continue
        store.replace_graph(g, note_quads(note))
        if g in existing:
            summary.updated += 1
        else:
            summary.added += 1
    ref = reference_quads()
    store.replace_graph(REFERENCE_GRAPH, ref)
    summary.events = _count(
        store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{ONT}Event> }}"
    )
    summary.actors = len(actors)
    summary.quads = store.quad_count()
    return summary


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
