"""`notegraph build`: notes -> one named graph each, idempotently; then the reference graph."""

from __future__ import annotations

import os
from collections import Counter, deque
from collections.abc import Callable, Generator, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.rdf import DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH, graph_iri, map_note, ng
from graph.store import Store
from graph.summary import refresh_summary
from loaders.model import Note, Source
from ontology.iris import BASE, ID

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = [
    "BUILD_RECORD",
    "BuildSummary",
    "build",
    "build_files",
    "extractor_fingerprint",
    "remove_notes",
]

# One quad per note graph, `<graph> BUILD_RECORD "{json}"` in the graph itself (so it is written
# and dropped with it): what a later build needs to skip the note without reading it. The
# extractor fingerprint it was mapped with, its warning count and actors (for the summary) and
# its descriptions for the derived graph. Build bookkeeping, not a term of the ontology; outside
# ng:graphHash (a new fingerprint alone does not make a graph "updated").
BUILD_RECORD = BASE + "build#record"

# What turns a file into its graph: the fingerprint hashes these (and the installed packages).
# tests/test_build_incremental.py checks that every project file read or imported while reading
# and mapping notes is among them.
MAPPING_SOURCES = (
    "loaders/*.py",
    "ontology/*.py",
    "ontology/reference/*.json",
    "graph/__init__.py",
    "graph/rdf.py",
    "graph/reference.py",
    "graph/build.py",
)


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


def extractor_fingerprint() -> str:
    """SHA-256 over everything that decides a note's graph besides the file: the project's
    MAPPING_SOURCES (loaders, mapping, reference data), the Python version and every installed
    package's version. Computed once per build; a note whose graph was mapped with another
    fingerprint is read again."""
    import hashlib
    import sys
    from importlib import metadata

    root = Path(__file__).resolve().parent.parent
    h = hashlib.sha256(sys.version.encode())
    for pattern in MAPPING_SOURCES:
        for f in sorted(root.glob(pattern)):
            h.update(b"\0%s\0%s" % (f.relative_to(root).as_posix().encode(), f.read_bytes()))
    dists = {f"{d.metadata['Name']}=={d.version}" for d in metadata.distributions()}
    h.update("\n".join(sorted(dists)).encode())
    return h.hexdigest()


class _Stored(NamedTuple):
    """What the store holds about one note graph (None: missing, as in older stores)."""

    hash: str | None  # ng:graphHash
    sha256: str | None = None  # of the file it was mapped from
    name: str | None = None  # ng:fileName
    record: str | None = None  # its BUILD_RECORD


_NOTE_META = f"""
SELECT ?g ?hash ?sha ?name ?record WHERE {{
  GRAPH ?g {{
    ?n a <{ng("SourceNote")}> .
    OPTIONAL {{ ?n <{ng("graphHash")}> ?hash }}
    OPTIONAL {{ ?n <{ng("sha256")}> ?sha }}
    OPTIONAL {{ ?n <{ng("fileName")}> ?name }}
    OPTIONAL {{ ?g <{BUILD_RECORD}> ?record }}
  }}
}}"""


def _existing(store: Store) -> dict[str, _Stored]:
    """Note graph -> its hash, file hash, file name and build record."""
    return {
        r["g"]: _Stored(r["hash"], r["sha"], r["name"], r["record"])
        for r in store.select(_NOTE_META)
    }


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
    record: str = ""  # its BUILD_RECORD (also the last quad of `quads`)
    skipped: bool = False  # not read: file and extractor the same as its stored graph's


def _nquads(quads: list[Quad]) -> bytes:
    import pyoxigraph as ox

    return (ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b"") if quads else b""


def _record(
    fingerprint: str, warnings: int, actors: tuple[tuple[str, str | None], ...], shared: bytes
) -> str:
    import json

    lines = sorted(line.decode("utf-8") for line in shared.splitlines())
    doc = {"fingerprint": fingerprint, "warnings": warnings, "actors": actors, "shared": lines}
    return json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _from_record(path: str, graph: str, stored: _Stored) -> _Prepared:
    """A skipped note: what the summary and the derived graph need, from its build record."""
    import json

    doc = json.loads(stored.record or "")
    shared = "".join(line + "\n" for line in doc["shared"]).encode("utf-8")
    actors = tuple((str(a), None if u is None else str(u)) for a, u in doc["actors"])
    return _Prepared(
        path, stored.sha256 or "", None, graph, stored.hash, b"", 0, shared,
        int(doc["warnings"]), actors, stored.record or "", skipped=True,
    )  # fmt: skip


def _recorded_with(record: str | None, fingerprint: str) -> bool:
    """Whether a build record (JSON `_record` wrote) names this fingerprint: a substring test
    (a quote inside a JSON string is escaped, so only the key itself matches)."""
    return record is not None and f'"fingerprint":"{fingerprint}"' in record


def _prepare(note: Note, fingerprint: str) -> _Prepared:
    import pyoxigraph as ox

    path, sha = note.source.path, note.source.sha256
    if not note.ok:
        return _Prepared(path, sha, note.error or "unreadable")
    quads, shared = map_note(note)
    actors = tuple((a.id, a.name if a.kind == "unresolved" else None) for a in note.actors)
    g = graph_iri(note)
    description = _nquads(shared)
    record = _record(fingerprint, len(note.warnings), actors, description)
    node = ox.NamedNode(g)
    quads.append(ox.Quad(node, ox.NamedNode(BUILD_RECORD), ox.Literal(record), node))
    return _Prepared(
        path, sha, None, g, _hash_of(quads), _nquads(quads), len(quads),
        description, len(note.warnings), actors, record,
    )  # fmt: skip


def _prepare_paths(paths: list[str], options: dict[str, Any], fingerprint: str) -> list[_Prepared]:
    from loaders import read_note

    return [_prepare(read_note(p, **options), fingerprint) for p in paths]


def _graph_of(path: str) -> str:
    """The graph a file's note goes to, from its name alone (as `remove_notes` finds it)."""
    return graph_iri(Note(source=Source(path=path, sha256="")))


def _file_sha256(path: str, max_bytes: int | None) -> str | None:
    """The file's SHA-256 as `read_note` computes it; None when it could not read it whole
    (missing, unreadable, over the size limit: `read_note` reports those)."""
    import hashlib

    try:
        with open(path, "rb") as fh:
            if max_bytes is not None and os.fstat(fh.fileno()).st_size > max_bytes:
                return None
            data = fh.read() if max_bytes is None else fh.read(max_bytes + 1)
    except OSError:
        return None
    if max_bytes is not None and len(data) > max_bytes:
        return None
    return hashlib.sha256(data).hexdigest()


def _unchanged_files(
    names: list[str],
    existing: Mapping[str, _Stored],
    fingerprint: str,
    options: Mapping[str, Any],
) -> list[str | None]:
    """For each file, the graph it need not be read for (None: read it): a stored graph of
    the same file name, mapped from the same bytes with the same fingerprint. Files sharing a
    graph with another file of this build are always read (collisions are reported as before)."""
    from loaders.limits import DEFAULT_MAX_FILE_SIZE

    max_bytes = options.get("max_bytes", DEFAULT_MAX_FILE_SIZE)
    graphs = [_graph_of(n) for n in names]
    claims = Counter(graphs)
    out: list[str | None] = []
    for name, g in zip(names, graphs, strict=True):
        stored = existing.get(g)
        same = (
            stored is not None
            and claims[g] == 1
            and stored.hash is not None
            and stored.name == Path(name).name
            and _recorded_with(stored.record, fingerprint)
            and stored.sha256 == _file_sha256(name, max_bytes)
        )
        out.append(g if same else None)
    return out


def _prepared_files(
    paths: Sequence[str | Path],
    jobs: int,
    options: dict[str, Any],
    fingerprint: str,
    existing: Mapping[str, _Stored],
) -> Iterator[_Prepared]:
    """Every file, in order: unchanged ones (see `_unchanged_files`) from their build records,
    the others read and mapped (in worker processes when there are enough of them)."""
    names = [str(p) for p in paths]
    skip = _unchanged_files(names, existing, fingerprint, options) if existing else []
    if not any(skip):
        yield from _mapped_files(names, jobs, options, fingerprint)
        return
    todo = [n for n, g in zip(names, skip, strict=True) if g is None]
    mapped = _mapped_files(todo, jobs, options, fingerprint)
    try:
        for name, g in zip(names, skip, strict=True):
            yield next(mapped) if g is None else _from_record(name, g, existing[g])
    finally:
        mapped.close()  # the worker pool, if any, is shut down now


def _mapped_files(
    names: list[str], jobs: int, options: dict[str, Any], fingerprint: str
) -> Generator[_Prepared, None, None]:
    """Read and map the files in `jobs` worker processes, in order, with a bounded number of
    chunks in flight (memory stays flat however many files there are)."""
    if jobs <= 1 or len(names) < _MIN_PARALLEL:
        for i in range(0, len(names), _CHUNK):
            yield from _prepare_paths(names[i : i + _CHUNK], options, fingerprint)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    chunks = (names[i : i + _CHUNK] for i in range(0, len(names), _CHUNK))
    # forkserver: workers start from a clean process (not a fork of one holding the store open)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["loaders", "graph.build"])
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        window: deque[Future[list[_Prepared]]] = deque(
            pool.submit(_prepare_paths, c, options, fingerprint) for c in islice(chunks, jobs * 4)
        )
        while window:
            done = window.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(_prepare_paths, nxt, options, fingerprint))
            yield from done


def build_files(
    store: Store,
    paths: Sequence[str | Path],
    *,
    jobs: int | None = None,
    on_note: Callable[[Note], None] | None = None,
    read_options: Mapping[str, Any] | None = None,
    force: bool = False,
) -> BuildSummary:
    """`build` over files, read (`loaders.read_note(path, **read_options)`) and mapped to RDF in
    `jobs` worker processes (default: the number of cores), in order. A file whose stored graph
    was mapped from the same bytes (SHA-256) with the same extractor (`extractor_fingerprint`)
    is not read at all: it counts as unchanged, its summary figures and derived descriptions
    come from the graph's build record. `force`: read and map every file. `on_note` is called
    with each note's source and error only (the full records stay in the workers), skipped
    notes included."""
    jobs = jobs if jobs is not None else (os.cpu_count() or 1)
    fingerprint = extractor_fingerprint()
    existing = _existing(store)
    options = dict(read_options or {})
    prepared = _prepared_files(paths, jobs, options, fingerprint, {} if force else existing)
    if on_note is None:
        return _build(store, prepared, existing)
    return _build(store, _tap(prepared, on_note), existing)


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

    fingerprint = extractor_fingerprint()

    def prepared() -> Iterator[_Prepared]:
        for n in notes:
            if on_note:
                on_note(n)
            yield _prepare(n, fingerprint)

    return _build(store, prepared())


def _build(
    store: Store, prepared: Iterable[_Prepared], existing: Mapping[str, _Stored] | None = None
) -> BuildSummary:
    from graph.reference import reference_quads

    summary = BuildSummary()
    existing = _existing(store) if existing is None else existing
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
    replaced in one transaction, unchanged ones with an outdated build record get the new record
    in one update; other stores take them graph by graph."""

    def __init__(self, store: Store, existing: Mapping[str, _Stored]) -> None:
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


def _write_batch(store: Store, batch: list[_Prepared], existing: Mapping[str, _Stored]) -> None:
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


def _changed(p: _Prepared, existing: Mapping[str, _Stored]) -> bool:
    return p.graph in existing and existing[p.graph].hash != p.hash


def _record_update(batch: list[_Prepared]) -> str:
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
