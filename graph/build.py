"""`notegraph build`: notes -> one named graph each, idempotently; then the reference graph."""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.rdf import DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH, graph_iri, map_note, ng
from graph.store import Store
from graph.summary import refresh_summary
from loaders.model import Note, Source
from ontology.iris import ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["BuildSummary", "build", "build_files", "remove_notes"]


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
    """The graph's ng:graphHash (map_note writes it last: searched from the end)."""
    key = ng("graphHash")
    for q in reversed(quads):
        if q.predicate.value == key:
            return str(getattr(q.object, "value", ""))
    return None


BATCH_QUADS = 100_000  # quads per write (about 450 notes): one atomic ingestion each
_CHUNK = 16  # notes per task handed to an extraction worker
_MIN_PARALLEL = 64  # fewer files than this are read in-process (no pool start-up)


class _Prepared(NamedTuple):
    """One note, read and mapped (in a worker process when parallel): only what the build
    needs, so little crosses between processes (the record itself stays in the worker)."""

    path: str
    sha256: str
    error: str | None = None  # set when the note could not be read
    graph: str = ""
    hash: str | None = None
    quads: bytes = b""  # the graph's N-Quads
    size: int = 0
    shared: bytes = b""  # N-Quads of its descriptions for the derived graph
    warnings: int = 0
    actors: tuple[tuple[str, str | None], ...] = ()  # (id, its name when unresolved)


def _nquads(quads: list[Quad]) -> bytes:
    import pyoxigraph as ox

    return (ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"") if quads else b""


def _prepare(note: Note) -> _Prepared:
    path, sha = note.source.path, note.source.sha256
    if not note.ok:
        return _Prepared(path, sha, note.error or "unreadable")
    quads, shared = map_note(note)
    actors = tuple((a.id, a.name if a.kind == "unresolved" else None) for a in note.actors)
    return _Prepared(
        path, sha, None, graph_iri(note), _hash_of(quads), _nquads(quads), len(quads),
        _nquads(shared), len(note.warnings), actors,
    )  # fmt: skip


def _prepare_paths(paths: list[str], options: dict[str, Any]) -> list[_Prepared]:
    from loaders import read_note

    return [_prepare(read_note(p, **options)) for p in paths]


def _prepared_files(
    paths: Sequence[str | Path], jobs: int, options: dict[str, Any]
) -> Iterator[_Prepared]:
    """Read and map the files in `jobs` worker processes, in order, with a bounded number of
    chunks in flight (memory stays flat however many files there are)."""
    names = [str(p) for p in paths]
    if jobs <= 1 or len(names) < _MIN_PARALLEL:
        for i in range(0, len(names), _CHUNK):
            yield from _prepare_paths(names[i : i + _CHUNK], options)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    chunks = (names[i : i + _CHUNK] for i in range(0, len(names), _CHUNK))
    # forkserver: workers start from a clean process (not a fork of one holding the store open)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["loaders", "graph.build"])
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        window: deque[Future[list[_Prepared]]] = deque(
            pool.submit(_prepare_paths, c, options) for c in islice(chunks, jobs * 4)
        )
        while window:
            done = window.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(_prepare_paths, nxt, options))
            yield from done


def build_files(
    store: Store,
    paths: Sequence[str | Path],
    *,
    jobs: int | None = None,
    on_note: Callable[[Note], None] | None = None,
    read_options: Mapping[str, Any] | None = None,
) -> BuildSummary:
    """`build` over files, read (`loaders.read_note(path, **read_options)`) and mapped to RDF in
    `jobs` worker processes (default: the number of cores), in order. `on_note` is called with
    each note's source and error only (the full records stay in the workers)."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    prepared = _prepared_files(paths, jobs, dict(read_options or {}))
    if on_note is None:
        return _build(store, prepared)
    return _build(store, _tap(prepared, on_note))


def _tap(prepared: Iterable[_Prepared], on_note: Callable[[Note], None]) -> Iterator[_Prepared]:
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

    def prepared() -> Iterator[_Prepared]:
        for n in notes:
            if on_note:
                on_note(n)
            yield _prepare(n)

    return _build(store, prepared())


def _build(store: Store, prepared: Iterable[_Prepared]) -> BuildSummary:
    from graph.reference import reference_quads

    summary = BuildSummary()
    existing = _existing(store)
    seen: dict[str, str] = {}  # graph -> path that claimed it in this run
    actors: set[str] = set()
    shared: set[bytes] = set()  # N-Quads lines of the derived graph
    pending: list[_Prepared] = []
    size = 0
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
            shared.update(p.shared.splitlines())
            summary.warnings += p.warnings
            for actor, unresolved in p.actors:
                actors.add(actor)
                if unresolved is not None:
                    summary.unresolved[unresolved] += 1
            if g in existing:
                if existing[g] == p.hash:
                    summary.unchanged += 1
                    continue
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
    changed |= _write_if_changed(store, REFERENCE_GRAPH, reference_quads())
    changed |= _write_derived(store, shared, complete=set(existing) <= set(seen))
    refresh_summary(store, changed=changed)
    summary.events = _count(
        store, f"SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE {{ ?e a <{ng('Event')}> }}"
    )
    summary.actors = len(actors)
    summary.quads = store.quad_count()
    return summary


class _BatchWriter:
    """Writes batches of note graphs in a background thread, one batch at a time and in order,
    while the caller collects the next one (Oxigraph releases the GIL while it writes). New
    graphs go in with the store's atomic bulk ingestion when it has one, changed ones are
    replaced in one transaction; other stores take them graph by graph."""

    def __init__(self, store: Store, existing: Mapping[str, str | None]) -> None:
        from concurrent.futures import Future, ThreadPoolExecutor

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

    def write(self, batch: list[_Prepared]) -> None:
        self.wait()
        if batch:
            self._last = self._pool.submit(_write_batch, self.store, batch, self.existing)


def _write_batch(store: Store, batch: list[_Prepared], existing: Mapping[str, str | None]) -> None:
    add_graphs = getattr(store, "add_graphs", None)
    replace_graphs = getattr(store, "replace_graphs", None)
    if add_graphs is not None and replace_graphs is not None:
        new = [p.quads for p in batch if p.graph not in existing]
        if new:
            add_graphs(b"".join(new))
        old = [(p.graph, p.quads) for p in batch if p.graph in existing]
        if old:
            replace_graphs(old)
        return
    import pyoxigraph as ox

    for p in batch:
        store.replace_graph(p.graph, list(ox.parse(p.quads, format=ox.RdfFormat.N_QUADS)))


def _write_if_changed(store: Store, graph: str, quads: list[Quad]) -> bool:
    """Rewrite a build-wide graph only when its content changed (a no-op build writes nothing)."""
    from graph.rdf import graph_hash

    stored = getattr(store, "quads", None)
    if stored is not None and graph_hash(stored(graph)) == graph_hash(quads):
        return False
    store.replace_graph(graph, quads)
    return True


def _write_derived(store: Store, lines: set[bytes], *, complete: bool) -> bool:
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
    changed = _write_if_changed(store, DERIVED_GRAPH, quads)
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
        refresh_summary(store, changed=True)
    return removed
