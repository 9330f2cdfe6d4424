"""What a rebuild may skip, and the files it does read fed to the extraction workers.

A note graph whose file (SHA-256) and extractor (`extractor_fingerprint`) are those it was
mapped with need not be read again: its build record (graph/prepare.py) brings what the build
needs from it (warnings, actors, derived descriptions, summary facts).
"""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Generator, Iterator, Mapping, Sequence
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from graph.notefacts import note_facts
from graph.prepare import BUILD_RECORD, Prepared, prepare_paths, record_facts
from graph.rdf import graph_iri, ng
from loaders.model import Note, Source

if TYPE_CHECKING:
    from graph.store import Store
    from graph.summary import SummaryFacts

__all__ = [
    "MAPPING_SOURCES",
    "Stored",
    "add_stored_facts",
    "existing_graphs",
    "extractor_fingerprint",
    "mapped_files",
    "prepared_files",
]

# What turns a file into its graph and build record: the fingerprint hashes these (and the
# installed packages). tests/test_build_incremental.py checks that every project file read or
# imported while reading, mapping and preparing notes is among them.
MAPPING_SOURCES = (
    "loaders/*.py",
    "ontology/*.py",
    "ontology/reference/*.json",
    "ontology/reference/*.tsv",
    "graph/__init__.py",
    "graph/rdf.py",
    "graph/rollup.py",
    "graph/reference.py",
    "graph/notefacts.py",
    "graph/prepare.py",
)

_CHUNK = 16  # notes per task handed to an extraction worker
_MIN_PARALLEL = 64  # fewer files than this are read in-process (no pool start-up)


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


class Stored(NamedTuple):
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


def existing_graphs(store: Store) -> dict[str, Stored]:
    """Note graph -> its hash, file hash, file name and build record."""
    return {
        r["g"]: Stored(r["hash"], r["sha"], r["name"], r["record"])
        for r in store.select(_NOTE_META)
    }


_GRAPH_TRIPLES = "SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }"


def add_stored_facts(
    facts: SummaryFacts, store: Store, stored: Mapping[str, Stored], skip: set[str]
) -> None:
    """Add the summary facts of the stored note graphs (but those in `skip`), from their build
    records. A record written before records kept them (or a graph without one) is not an
    error: that graph's triples are read back from the store and its facts taken from them
    (one small query per such graph; the next build that reads the note rewrites its record)."""
    from graph.store import IRI

    for g, st in stored.items():
        if g in skip:
            continue
        found = record_facts(st.record)
        if found is None:
            rows = store.select(_GRAPH_TRIPLES, {"g": IRI(g)})
            found = note_facts((str(r["s"]), str(r["p"]), str(r["o"])) for r in rows)
        facts.add_note(g, found)


def from_record(path: str, graph: str, stored: Stored) -> Prepared:
    """A skipped note: what the build's figures and the derived graph need, from its record."""
    import json

    doc = json.loads(stored.record or "")
    shared = "".join(line + "\n" for line in doc["shared"]).encode("utf-8")
    actors = tuple((str(a), None if u is None else str(u)) for a, u in doc["actors"])
    return Prepared(
        path, stored.sha256 or "", None, graph, stored.hash, b"", 0, shared,
        int(doc["warnings"]), actors, stored.record or "", skipped=True,
    )  # fmt: skip


def _recorded_with(record: str | None, fingerprint: str) -> bool:
    """Whether a build record (JSON graph/prepare.py wrote) names this fingerprint: a substring
    test (a quote inside a JSON string is escaped, so only the key itself matches)."""
    return record is not None and f'"fingerprint":"{fingerprint}"' in record


def _graph_of(path: str) -> str:
    """The graph a file's note goes to, from its name alone (as `remove_notes` finds it)."""
    return graph_iri(Note(source=Source(path=path, sha256="")))


def _file_sha256(path: str, max_bytes: int | None) -> str | None:
    """The file's SHA-256 as `read_note` computes it; None when it could not read it whole
    (missing, unreadable, over the size limit: `read_note` reports those)."""
    import hashlib
    import os

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
    existing: Mapping[str, Stored],
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


def prepared_files(
    paths: Sequence[str | Path],
    jobs: int,
    options: dict[str, Any],
    fingerprint: str,
    existing: Mapping[str, Stored],
) -> Iterator[Prepared]:
    """Every file, in order: unchanged ones (see `_unchanged_files`) from their build records,
    the others read and mapped (in worker processes when there are enough of them)."""
    names = [str(p) for p in paths]
    skip = _unchanged_files(names, existing, fingerprint, options) if existing else []
    if not any(skip):
        yield from mapped_files(names, jobs, options, fingerprint)
        return
    todo = [n for n, g in zip(names, skip, strict=True) if g is None]
    mapped = mapped_files(todo, jobs, options, fingerprint)
    try:
        for name, g in zip(names, skip, strict=True):
            yield next(mapped) if g is None else from_record(name, g, existing[g])
    finally:
        mapped.close()  # the worker pool, if any, is shut down now


def mapped_files(
    names: list[str], jobs: int, options: dict[str, Any], fingerprint: str
) -> Generator[Prepared, None, None]:
    """Read and map the files in `jobs` worker processes, in order, with a bounded number of
    chunks in flight (memory stays flat however many files there are)."""
    if jobs <= 1 or len(names) < _MIN_PARALLEL:
        for i in range(0, len(names), _CHUNK):
            yield from prepare_paths(names[i : i + _CHUNK], options, fingerprint)
        return
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    chunks = (names[i : i + _CHUNK] for i in range(0, len(names), _CHUNK))
    # forkserver: workers start from a clean process (not a fork of one holding the store open)
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["loaders", "graph.prepare"])
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        window: deque[Future[list[Prepared]]] = deque(
            pool.submit(prepare_paths, c, options, fingerprint) for c in islice(chunks, jobs * 4)
        )
        while window:
            done = window.popleft().result()
            nxt = next(chunks, None)
            if nxt is not None:
                window.append(pool.submit(prepare_paths, nxt, options, fingerprint))
            yield from done
