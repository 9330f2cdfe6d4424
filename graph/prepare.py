"""One note read and mapped for the build (in an extraction worker when parallel): its graph's
N-Quads and its build record, and little else, so little crosses between processes.

Everything here decides what a note's graph and build record hold, so this module is one of
the extractor fingerprint's sources (graph/incremental.py MAPPING_SOURCES).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from graph.notefacts import NoteFacts, quad_facts
from graph.rdf import graph_iri, map_note, ng
from loaders.model import Note
from ontology.iris import BUILD_RECORD

if TYPE_CHECKING:
    from pyoxigraph import Quad

__all__ = ["BUILD_RECORD", "Prepared", "prepare", "prepare_paths", "record_facts"]

# One quad per note graph, `<graph> BUILD_RECORD "{json}"` in the graph itself (so it is written
# and dropped with it): what a later build needs to skip the note without reading it. The
# extractor fingerprint it was mapped with, its warning count and actors (for the build's
# figures), its descriptions for the derived graph and its facts for the summary
# (graph/notefacts.py). Build bookkeeping, not a term of the ontology; outside ng:graphHash
# (a new fingerprint alone does not make a graph "updated"), and left out of exports and pushes.


class Prepared(NamedTuple):
    """One note, read and mapped (in a worker process when parallel): only what the build
    needs, so little crosses between processes (the `Note` itself stays in the worker)."""

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


def _hash_of(quads: list[Quad]) -> str | None:
    """The graph's ng:graphHash (map_note writes it last: searched from the end)."""
    key = ng("graphHash")
    for q in reversed(quads):
        if q.predicate.value == key:
            return str(getattr(q.object, "value", ""))
    return None


def _record(
    fingerprint: str,
    warnings: int,
    actors: tuple[tuple[str, str | None], ...],
    shared: bytes,
    facts: NoteFacts,
) -> str:

    lines = sorted(line.decode("utf-8") for line in shared.splitlines())
    doc = {
        "fingerprint": fingerprint,
        "warnings": warnings,
        "actors": actors,
        "shared": lines,
        # JSON in a string: a build that skips the note parses its record (for the other
        # fields) as one string, not ~60 small ones (10k notes: 0.6 -> 0.3 s); only a build
        # that recomputes the summary parses the facts (`record_facts`)
        "facts": _json(facts),
    }
    return _json(doc)


def _json(value: object) -> str:
    import json

    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def record_facts(record: str | None) -> NoteFacts | None:
    """The summary's facts a build record keeps; None when it has none (records written before
    they were kept, or no record at all)."""
    import json

    if not record:
        return None
    facts = json.loads(record).get("facts")
    return json.loads(facts) if isinstance(facts, str) else None


def prepare(note: Note, fingerprint: str) -> Prepared:
    import pyoxigraph as ox

    path, sha = note.source.path, note.source.sha256
    if not note.ok:
        return Prepared(path, sha, note.error or "unreadable")
    quads, shared = map_note(note)
    actors = tuple((a.id, a.name if a.kind == "unresolved" else None) for a in note.actors)
    g = graph_iri(note)
    description = _nquads(shared)
    record = _record(fingerprint, len(note.warnings), actors, description, quad_facts(quads))
    node = ox.NamedNode(g)
    quads.append(ox.Quad(node, ox.NamedNode(BUILD_RECORD), ox.Literal(record), node))
    return Prepared(
        path, sha, None, g, _hash_of(quads), _nquads(quads), len(quads),
        description, len(note.warnings), actors, record,
    )  # fmt: skip


def prepare_paths(paths: list[str], options: dict[str, Any], fingerprint: str) -> list[Prepared]:
    """Read and map these files (a worker's task)."""
    from loaders import read_note

    return [prepare(read_note(p, **options), fingerprint) for p in paths]
