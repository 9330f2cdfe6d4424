"""The summary is counted from per-note facts (graph/notefacts.py) kept in the build records, not
read back from the claims: after any build or removal it must be the summary a fresh build of
the same notes computes, including from stores whose records predate the facts."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import graph.build as gb
import graph.incremental as gi
from benchmarks.corpus import write_corpus
from graph.build import BUILD_RECORD, build_files, remove_notes
from graph.memory import MemoryStore
from graph.notefacts import iri_full, iri_short, note_facts, quad_facts
from graph.rdf import SUMMARY_GRAPH, graph_iri, map_note
from graph.store import IRI, OxigraphStore, Store
from loaders import iter_note_paths, read_note

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """A synthetic corpus (every note its own event) and the seeds (several notes per event,
    so the union over notes matters)."""
    d = tmp_path / "notes"
    write_corpus(d, 60, seed=11)
    (d / "truth.json").unlink()
    for f in (ROOT / "data" / "notes").iterdir():
        shutil.copy(f, d / f.name)
    return d


def _paths(folder: Path) -> list[Path]:
    return list(iter_note_paths(folder))


def _summary(store: Store) -> list[str]:
    quads = store.quads(SUMMARY_GRAPH)  # type: ignore[attr-defined]
    assert quads
    return sorted(str(q) for q in quads)


def _fresh_summary(tmp_path: Path, name: str, paths: list[Path]) -> list[str]:
    store = OxigraphStore(tmp_path / name)
    build_files(store, paths, jobs=1)
    summary = _summary(store)
    store.close()
    return summary


def _records(store: Store) -> dict[str, Any]:
    rows = store.select(f"SELECT ?g ?r WHERE {{ GRAPH ?g {{ ?g <{BUILD_RECORD}> ?r }} }}")
    return {r["g"]: json.loads(r["r"]) for r in rows}


def _strip_facts(store: OxigraphStore) -> int:
    """Rewrite every build record as records were before they kept the summary's facts."""
    import pyoxigraph as ox

    records = _records(store)
    for g, doc in records.items():
        del doc["facts"]
        old = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        node = ox.NamedNode(g)
        store.update(
            f"DELETE WHERE {{ GRAPH {node} {{ {node} <{BUILD_RECORD}> ?r }} }} ;\n"
            f"INSERT DATA {{ GRAPH {node} {{ {node} <{BUILD_RECORD}> {ox.Literal(old)} }} }}"
        )
    return len(records)


@pytest.fixture
def fallbacks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graphs whose facts were read back from the store (their records had none)."""
    read: list[str] = []
    real = gi.note_facts

    def spy(triples: Any) -> Any:
        read.append("graph")
        return real(triples)

    monkeypatch.setattr(gi, "note_facts", spy)
    return read


def test_a_rebuild_with_changed_notes_counts_the_fresh_summary(
    notes: Path, tmp_path: Path, fallbacks: list[str]
) -> None:
    store = OxigraphStore(tmp_path / "store")
    build_files(store, _paths(notes), jobs=1)
    first = sorted(notes.glob("0*"))[:5]
    for p in first[:4]:  # other participants, another year: every kind of summary row moves
        text = p.read_text(encoding="utf-8")
        p.write_text(text.replace("Kenya", "Japan").replace(" 20", " 19"), encoding="utf-8")
    (tmp_path / "elsewhere").mkdir()
    moved = first[4].rename(tmp_path / "elsewhere" / first[4].name)  # its graph stays stored
    summary = build_files(store, _paths(notes), jobs=1)
    assert summary.updated == 4 and fallbacks == []
    assert _summary(store) == _fresh_summary(tmp_path, "fresh", [*_paths(notes), moved])
    store.close()


def test_removing_notes_counts_the_remaining_notes(
    notes: Path, tmp_path: Path, fallbacks: list[str]
) -> None:
    store = OxigraphStore(tmp_path / "store")
    paths = _paths(notes)
    build_files(store, paths, jobs=1)
    removed = paths[::3]
    assert len(remove_notes(store, removed)) == len(removed)
    kept = [p for p in paths if p not in removed]
    assert fallbacks == []
    assert _summary(store) == _fresh_summary(tmp_path, "fresh", kept)
    store.close()


def test_records_without_facts_are_read_back_from_the_store(
    notes: Path, tmp_path: Path, fallbacks: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A store built before the records kept the facts: removing notes, or a build that skips
    notes (same fingerprint) or does not name them, reads those graphs' facts from their
    triples; a build with a new extractor rewrites the records, with the facts."""
    store = OxigraphStore(tmp_path / "store")
    paths = _paths(notes)
    build_files(store, paths, jobs=1)
    full = _summary(store)
    n = _strip_facts(store)
    assert n == len(paths)

    remove_notes(store, paths[:4])
    assert len(fallbacks) == n - 4
    assert _summary(store) == _fresh_summary(tmp_path, "fresh1", paths[4:])

    fallbacks.clear()
    one = paths[10]
    one.write_text(one.read_text(encoding="utf-8").replace(" 20", " 19"), encoding="utf-8")
    summary = build_files(store, paths[10:], jobs=1)  # 4..9: not in this build
    assert (summary.updated, summary.unchanged) == (1, len(paths) - 11)
    assert len(fallbacks) == n - 5  # every stored note graph but the one read
    assert _summary(store) == _fresh_summary(tmp_path, "fresh2", paths[4:])

    fallbacks.clear()
    monkeypatch.setattr(gb, "extractor_fingerprint", lambda: "1" * 64)
    again = build_files(store, paths, jobs=1)  # every note read again, the records rewritten
    assert again.added == 4 and fallbacks == []
    assert all("facts" in doc for doc in _records(store).values())
    assert _summary(store) == _fresh_summary(tmp_path, "fresh3", paths) != full
    store.close()


def test_memory_store_records_without_facts(fallbacks: list[str]) -> None:
    """rdflib: the read-back binds the graph the same way."""
    import pyoxigraph as ox

    store = MemoryStore()
    paths = _paths(ROOT / "data" / "notes")
    build_files(store, paths, jobs=1)
    for g, doc in _records(store).items():
        del doc["facts"]
        old = ox.Literal(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        quads = [
            ox.Quad(q.subject, q.predicate, old, q.graph_name)
            if q.predicate.value == BUILD_RECORD
            else q
            for q in store.quads(g)
        ]
        store.replace_graph(g, quads)
    remove_notes(store, paths[:1])
    assert fallbacks
    other = MemoryStore()
    build_files(other, paths[1:], jobs=1)
    assert _summary(store) == _summary(other)


def test_stored_triples_give_the_facts_the_worker_computed(tmp_path: Path) -> None:
    """The read-back path sees what the worker saw: the same facts from the store's rows."""
    store = OxigraphStore(tmp_path / "store")
    paths = _paths(ROOT / "data" / "notes")
    build_files(store, paths, jobs=1)
    records = _records(store)
    checked = 0
    for p in paths:
        note = read_note(p)
        if not note.ok:
            continue
        quads, _ = map_note(note)
        g = graph_iri(note)
        rows = store.select("SELECT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }", {"g": IRI(g)})
        from_store = note_facts((str(r["s"]), str(r["p"]), str(r["o"])) for r in rows)
        assert from_store == quad_facts(quads) == json.loads(records[g]["facts"])
        assert any("E" in v for v in from_store.values())
        checked += 1
    assert checked >= 5
    store.close()


@pytest.mark.parametrize(
    "iri",
    [
        "https://w3id.org/notegraph/id/state/BLR",
        "https://w3id.org/notegraph/ontology#Held",
        "https://w3id.org/notegraph/id/ng:odd",
        "https://w3id.org/notegraph/id/<odd",
        "http://example.org/x",
        "ng:x",
    ],
)
def test_short_iris_round_trip(iri: str) -> None:
    assert iri_full(iri_short(iri)) == iri


def test_a_small_change_rewrites_only_the_summary_rows_it_moves(
    notes: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One note changed among many: the summary graph is patched in one update (the rows that
    moved), not dropped and bulk-loaded again, and ends as a fresh build's."""
    store = OxigraphStore(tmp_path / "store")
    build_files(store, _paths(notes), jobs=1)
    before = _summary(store)
    updates: list[str] = []
    real_update = store.update

    def update(text: str) -> None:
        updates.append(text)
        real_update(text)

    def bulk_load(nquads: bytes) -> None:
        pytest.fail(f"bulk load: {nquads[:80]!r}")

    monkeypatch.setattr(store, "update", update)
    monkeypatch.setattr(store, "add_graphs", bulk_load)  # (the changed note graph is replaced)
    one = sorted(notes.glob("0*"))[0]
    one.write_text(one.read_text(encoding="utf-8").replace(" 20", " 19"), encoding="utf-8")
    build_files(store, _paths(notes), jobs=1)
    after = _summary(store)
    patch = [u for u in updates if SUMMARY_GRAPH in u]
    assert len(patch) == 1 and patch[0].startswith("DELETE DATA")
    moved = len(set(before) ^ set(after))
    assert 0 < moved < len(after) // 4
    assert after == _fresh_summary(tmp_path, "fresh", _paths(notes))
    store.close()
