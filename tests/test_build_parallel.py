"""Parallel extraction and batched writes give the same store as the one-note-at-a-time build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import write_corpus
from graph.build import BUILD_RECORD, build, build_files
from graph.memory import MemoryStore
from graph.rdf import graph_iri, map_note
from graph.store import OxigraphStore
from loaders import iter_note_paths, read_notes


def _dump(store: OxigraphStore) -> set[str]:
    return {str(q) for q in store.quads()}


def test_parallel_batched_build_equals_serial(tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    write_corpus(notes, 70, seed=3)  # above the in-process threshold: a real pool
    paths = list(iter_note_paths(notes))
    serial = OxigraphStore(tmp_path / "serial")
    s1 = build(serial, read_notes(paths))
    fast = OxigraphStore(tmp_path / "fast")
    s2 = build_files(fast, paths, jobs=2)
    assert s2.to_dict() == s1.to_dict() and s2.added == 70
    assert s2.compacted  # the whole store was written: compacted after (COMPACT_SHARE)
    assert _dump(fast) == _dump(serial)
    # and each note graph is exactly what map_note gives (not only what another build wrote)
    for note in read_notes(paths[:10]):
        stored = {str(q) for q in fast.quads(graph_iri(note)) if q.predicate.value != BUILD_RECORD}
        assert stored == {str(q) for q in map_note(note)[0]}  # and the build record

    # change three notes: only their graphs are replaced (batched update), the rest unchanged
    for p in paths[:3]:
        p.write_text(p.read_text(encoding="utf-8").replace("Regional", "Subregional"), "utf-8")
    again = build_files(fast, paths, jobs=2)
    assert (again.updated, again.unchanged, again.added) == (3, 67, 0)
    assert not again.compacted  # 3 of 70 graphs rewritten: the store is left as it is
    before = _dump(fast)
    fast.compact()
    assert _dump(fast) == before  # compaction keeps every quad
    fresh = OxigraphStore(tmp_path / "fresh")
    build(fresh, read_notes(paths))
    assert _dump(fast) == _dump(fresh)


def test_memory_store_takes_the_graph_by_graph_path(tmp_path: Path) -> None:
    write_corpus(tmp_path, 5, seed=4)
    mem = MemoryStore()
    summary = build_files(mem, list(iter_note_paths(tmp_path)), jobs=1)
    assert summary.added == 5
    assert len(mem.named_graphs()) == 8  # five notes, reference, derived, summary


def test_a_failed_compaction_is_a_store_error_and_loses_nothing(
    tmp_path: Path, monkeypatch: Any
) -> None:
    from ontology.errors import StoreError

    store = OxigraphStore(tmp_path / "s")
    build(store, read_notes(list(iter_note_paths(Path(__file__).parent.parent / "data" / "notes"))))
    before = _dump(store)

    class Full:
        def __getattr__(self, name: str) -> Any:
            return getattr(real, name)

        def optimize(self) -> None:
            raise OSError(28, "No space left on device")

    real = store._store
    monkeypatch.setattr(store, "_store", Full())
    with pytest.raises(StoreError, match="every note is in the store.*--no-compact"):
        store.compact()
    monkeypatch.setattr(store, "_store", real)
    assert _dump(store) == before
