"""`notegraph build`: notes -> one named graph each, idempotently; then the reference, derived
and summary graphs.

The pieces: graph/prepare.py reads and maps one note (its N-Quads and build record),
graph/incremental.py decides which files a rebuild need not read and feeds the others to the
workers, graph/derived.py keeps the build-wide graphs, graph/summary.py counts the summary from
the notes' facts. This module writes the note graphs in batches and ties them together.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.derived import prune_derived, write_derived, write_if_changed
from graph.incremental import (
    MAPPING_SOURCES,
    Stored,
    add_stored_facts,
    existing_graphs,
    extractor_fingerprint,
    prepared_files,
)
from graph.prepare import BUILD_RECORD, Prepared, prepare, record_facts
from graph.rdf import REFERENCE_GRAPH, ng
from graph.store import Store
from graph.summary import SummaryFacts, refresh_summary
from loaders.model import Note, Source
from ontology.iris import ID

__all__ = [
    "BUILD_RECORD",
    "MAPPING_SOURCES",
    "BuildSummary",
    "build",
    "build_files",
    "extractor_fingerprint",
    "prune_derived",
    "remove_notes",
]

BATCH_QUADS = 100_000  # quads per write (about 450 notes): one atomic ingestion each
# Compact the store after a build that rewrote at least this share of its note graphs. Each bulk
# ingestion leaves sorted files whose key ranges overlap, and every lookup then searches them
# all: a freshly built 10k-note store answers the named queries in 20-50% less time once
# compacted, for ~5 s of compaction (benchmarks/RESULTS.md, session 5). A build that changed a
# few notes of a big store writes little and leaves the store as it is.
COMPACT_SHARE = 0.25


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
    compacted: bool = False  # the store was compacted after the writes (COMPACT_SHARE)

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
            "compacted": self.compacted,
        }


def build_files(
    store: Store,
    paths: Sequence[str | Path],
    *,
    jobs: int | None = None,
    on_note: Callable[[Note], None] | None = None,
    on_stage: Callable[[str], None] | None = None,
    read_options: Mapping[str, Any] | None = None,
    force: bool = False,
    compact: bool = True,
) -> BuildSummary:
    """`build` over files, read (`loaders.read_note(path, **read_options)`) and mapped to RDF in
    `jobs` worker processes (default: the number of cores), in order. A file whose stored graph
    was mapped from the same bytes (SHA-256) with the same extractor (`extractor_fingerprint`)
    is not read at all: it counts as unchanged, its summary figures and derived descriptions
    come from the graph's build record. `force`: read and map every file. `on_note` is called
    with each note's source and error only (the full records stay in the workers), skipped
    notes included; `on_stage` with the name of each step after the notes (they take seconds
    on big stores). `compact`: compact the store after a build that rewrote COMPACT_SHARE of
    its note graphs or more."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    fingerprint = extractor_fingerprint()
    existing = existing_graphs(store)
    options = dict(read_options or {})
    prepared = prepared_files(paths, jobs, options, fingerprint, {} if force else existing)
    if on_note is not None:
        prepared = _tap(prepared, on_note)
    return _build(store, prepared, existing, on_stage, compact=compact)


def _tap(prepared: Iterable[Prepared], on_note: Callable[[Note], None]) -> Iterator[Prepared]:
    for p in prepared:
        on_note(Note(source=Source(path=p.path, sha256=p.sha256), error=p.error))
        yield p


def build(
    store: Store,
    notes: Iterable[Note],
    *,
    on_note: Callable[[Note], None] | None = None,
) -> BuildSummary:
    """Load each note into its own named graph. A note whose graph would be the same as the
    stored one (same ng:graphHash: same file, same extractor, same mapping) is left alone; a
    changed one replaces only its graph. Graphs are written in batches, each batch atomically
    (after a crash every graph is whole: old, new or absent). Notes that failed to read are
    reported and keep whatever graph they had. Two files with the same stem (in different
    folders) would share a graph: the second is reported in `collisions` and not loaded. The
    reference graph is rewritten only when it changed."""

    fingerprint = extractor_fingerprint()

    def prepared() -> Iterator[Prepared]:
        for n in notes:
            if on_note:
                on_note(n)
            yield prepare(n, fingerprint)

    return _build(store, prepared())


def _build(
    store: Store,
    prepared: Iterable[Prepared],
    existing: Mapping[str, Stored] | None = None,
    on_stage: Callable[[str], None] | None = None,
    *,
    compact: bool = True,
) -> BuildSummary:
    from graph.reference import reference_quads

    summary = BuildSummary()
    existing = existing_graphs(store) if existing is None else existing
    seen: dict[str, str] = {}  # graph -> path that claimed it in this run
    actors: set[str] = set()
    shared: set[bytes] = set()  # N-Quads lines of the derived graph
    facts = SummaryFacts()  # of the notes read in this build (`read`); the others' are stored
    read: set[str] = set()
    pending: list[Prepared] = []
    size = 0
    stage = on_stage or (lambda name: None)
    with _BatchWriter(store, existing) as writer:
        for p in prepared:
            summary.notes += 1
            if p.error is not None:
                summary.failed.append((p.path, p.error))
                continue
            g = p.graph
            if g in seen:
                summary.collisions.append((p.path, seen[g]))
                summary.failed.append(
                    (
                        p.path,
                        f"same file name as {seen[g]} (both would be graph {g[len(ID) :]}); "
                        "rename one of them; this one was not loaded",
                    )
                )
                continue
            seen[g] = p.path
            if not p.skipped:
                facts.add_note(g, record_facts(p.record) or {})
                read.add(g)
            shared.update(p.shared.splitlines())
            summary.warnings += p.warnings
            for actor, unresolved in p.actors:
                actors.add(actor)
                if unresolved is not None:
                    summary.unresolved[unresolved] += 1
            if g in existing:
                if existing[g].hash == p.hash:
                    summary.unchanged += 1
                    if p.skipped or existing[g].record == p.record:
                        continue
                    # the same graph; only its build record is rewritten (see _write_batch)
                else:
                    summary.updated += 1
            else:
                summary.added += 1
            pending.append(p)
            size += p.size
            if size >= BATCH_QUADS:
                writer.write(pending)
                pending, size = [], 0
        writer.write(pending)
    changed = bool(summary.added or summary.updated)
    changed |= write_if_changed(store, REFERENCE_GRAPH, reference_quads())
    changed |= write_derived(store, shared, complete=set(existing) <= set(seen))
    # compaction (in a thread: Oxigraph releases the GIL) overlaps counting the summary
    rewritten, graphs = summary.added + summary.updated, len(set(existing) | set(seen))
    compaction = _compact(store, rewritten=rewritten, graphs=graphs) if compact else None
    stage("compacting the store, counting the summary" if compaction else "counting the summary")

    def every_note() -> SummaryFacts:
        # graphs this build did not read (skipped, failed, or from other folders): as stored
        add_stored_facts(facts, store, existing, skip=read)
        return facts

    try:
        refresh_summary(store, changed=changed, facts=every_note)
        summary.events = _count(
            store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{ng('Event')}> }}"
        )
    finally:
        if compaction is not None:
            compaction.result()  # (its error, if any, raised here)
            summary.compacted = True
    summary.actors = len(actors)
    summary.quads = store.quad_count()
    return summary


def _compact(store: Store, *, rewritten: int, graphs: int) -> Future[None] | None:
    """Start compacting the store in a thread if this build rewrote at least COMPACT_SHARE of
    its note graphs (notes are of a size: a fair share of its quads) and the store can."""
    compact = getattr(store, "compact", None)
    if compact is None or not rewritten or rewritten < COMPACT_SHARE * graphs:
        return None
    pool = ThreadPoolExecutor(1, thread_name_prefix="notegraph-compact")
    try:
        return pool.submit(compact)
    finally:
        pool.shutdown(wait=False)  # the compaction runs on; its future tells when it is done


class _BatchWriter:
    """Writes batches of note graphs in a background thread, one batch at a time and in order,
    while the caller collects the next one (Oxigraph releases the GIL while it writes). New
    graphs go in with the store's atomic bulk ingestion when it has one, changed ones are
    replaced in one transaction, unchanged ones with an outdated build record get the new record
    in one update; other stores take them graph by graph."""

    def __init__(self, store: Store, existing: Mapping[str, Stored]) -> None:
        self.store, self.existing = store, existing
        self._pool = ThreadPoolExecutor(1, thread_name_prefix="notegraph-write")
        self._last: Future[None] | None = None

    def __enter__(self) -> _BatchWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            self.wait()
        finally:
            self._pool.shutdown()

    def wait(self) -> None:
        """Until the batch being written is written (its error, if any, raised here)."""
        if self._last is not None:
            last, self._last = self._last, None
            last.result()

    def write(self, batch: list[Prepared]) -> None:
        self.wait()
        if batch:
            self._last = self._pool.submit(_write_batch, self.store, batch, self.existing)


def _write_batch(store: Store, batch: list[Prepared], existing: Mapping[str, Stored]) -> None:
    add_graphs = getattr(store, "add_graphs", None)
    replace_graphs = getattr(store, "replace_graphs", None)
    update = getattr(store, "update", None)
    if add_graphs is not None and replace_graphs is not None and update is not None:
        new = [p.quads for p in batch if p.graph not in existing]
        if new:
            add_graphs(b"".join(new))
        old = [(p.graph, p.quads) for p in batch if _changed(p, existing)]
        if old:
            replace_graphs(old)
        records = [p for p in batch if p.graph in existing and not _changed(p, existing)]
        if records:
            update(_record_update(records))
        return
    import pyoxigraph as ox

    for p in batch:
        store.replace_graph(p.graph, list(ox.parse(p.quads, format=ox.RdfFormat.N_QUADS)))


def _changed(p: Prepared, existing: Mapping[str, Stored]) -> bool:
    return p.graph in existing and existing[p.graph].hash != p.hash


def _record_update(batch: list[Prepared]) -> str:
    """One SPARQL update (one transaction) replacing the build records of unchanged graphs."""
    import pyoxigraph as ox

    rec = f"<{BUILD_RECORD}>"
    graphs = " ".join(str(ox.NamedNode(p.graph)) for p in batch)
    inserts = "".join(
        f"GRAPH {g} {{ {g} {rec} {ox.Literal(p.record)} }}\n"
        for p in batch
        for g in [str(ox.NamedNode(p.graph))]
    )
    return (
        f"DELETE {{ GRAPH ?g {{ ?g {rec} ?r }} }} WHERE {{ VALUES ?g {{ {graphs} }} "
        f"GRAPH ?g {{ ?g {rec} ?r }} }} ;\nINSERT DATA {{\n{inserts}}}"
    )


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
    if removed:
        prune_derived(store)

        def every_note() -> SummaryFacts:
            facts = SummaryFacts()
            add_stored_facts(facts, store, existing_graphs(store), skip=set())
            return facts

        refresh_summary(store, changed=True, facts=every_note)
    return removed
