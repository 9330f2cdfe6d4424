"""A rebuild skips notes whose file and extractor are unchanged, before reading them, and leaves
the store exactly as a fresh build of the same files would (graphs, derived descriptions, build
records) with the same summary."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

import graph.build as gb
import graph.incremental as gi
import loaders
from graph.build import BUILD_RECORD, BuildSummary, build_files
from graph.memory import MemoryStore
from graph.rdf import DERIVED_GRAPH
from graph.store import OxigraphStore, Store
from loaders import iter_note_paths

ROOT = Path(__file__).resolve().parent.parent
# an unresolved body the cp1252 seminar note names "Border Police of Georgia"; spelt this way it
# is the same actor (same IRI) with another label in the derived graph
VARIANT = b"Border-Police of Georgia"


@pytest.fixture
def notes(tmp_path: Path) -> Path:
    """The seed and test notes (warnings, unresolved names, four formats' worth of text) and a
    copy of the cp1252 seminar a year later that spells one unresolved body differently."""
    d = tmp_path / "notes"
    d.mkdir()
    for f in [*(ROOT / "data" / "notes").iterdir(), *(ROOT / "tests" / "notes").iterdir()]:
        if f.suffix in (".txt", ".md", ".html"):
            shutil.copy(f, d / f.name)
    src = (d / "cp1252_bold.md").read_bytes()
    later = src.replace(b"April 2017", b"April 2018").replace(b"Border Police of Georgia", VARIANT)
    assert later.count(VARIANT) == 1
    (d / "later_seminar.md").write_bytes(later)
    return d


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files `loaders.read_note` is asked to read (builds of fewer than 64 files read them
    in this process)."""
    seen: list[str] = []
    real = loaders.read_note

    def counting(path: str | Path, **options: Any) -> loaders.Note:
        seen.append(Path(path).name)
        return real(path, **options)

    monkeypatch.setattr(loaders, "read_note", counting)
    return seen


def _paths(folder: Path) -> list[Path]:
    return list(iter_note_paths(folder))


def _dump(store: Store) -> list[str]:
    return sorted(str(q) for q in store.quads())  # type: ignore[attr-defined]


def _fresh(tmp_path: Path, name: str, folder: Path, **options: Any) -> tuple[list[str], Any]:
    store = OxigraphStore(tmp_path / name)
    summary = build_files(store, _paths(folder), jobs=1, **options)
    dump = _dump(store)
    store.close()
    return dump, summary


def _labels(dump: list[str]) -> list[str]:
    """The derived graph's labels of the unresolved body VARIANT names."""
    actor = "<https://w3id.org/notegraph/id/unresolved/border-police-of-georgia>"
    label = "<http://www.w3.org/2004/02/skos/core#prefLabel>"
    return [
        q for q in dump if q.startswith(f"{actor} {label}") and q.endswith(f"<{DERIVED_GRAPH}>")
    ]


def _same_but_counts(a: BuildSummary, b: BuildSummary) -> None:
    da, db = a.to_dict(), b.to_dict()
    for key in ("added", "updated", "unchanged", "compacted"):  # what this build did
        da.pop(key), db.pop(key)
    assert da == db


def test_rebuild_reads_nothing_and_reports_the_same_summary(
    notes: Path, tmp_path: Path, reads: list[str]
) -> None:
    store = OxigraphStore(tmp_path / "store")
    first = build_files(store, _paths(notes), jobs=1)
    n = len(_paths(notes))
    assert (first.added, first.failed, len(reads)) == (n, [], n)
    # the figures a skipped note must bring from its record are there to compare
    assert first.warnings > 0 and first.unresolved and first.actors > 50
    assert first.unresolved["Border Police of Georgia"] == 1
    assert first.unresolved[VARIANT.decode()] == 1
    dump = _dump(store)

    reads.clear()
    progress: list[str] = []
    again = build_files(
        store, _paths(notes), jobs=1, on_note=lambda x: progress.append(x.source.path)
    )
    assert reads == []  # nothing read, nothing mapped
    assert (again.added, again.updated, again.unchanged) == (0, 0, n)
    _same_but_counts(again, first)
    assert sorted(progress) == sorted(str(p) for p in _paths(notes))  # progress counts them all
    assert _dump(store) == dump

    forced = build_files(store, _paths(notes), jobs=1, force=True)
    assert len(reads) == n and forced.to_dict() == again.to_dict()
    assert _dump(store) == dump
    store.close()


def test_rebuilds_leave_the_store_a_fresh_build_would(
    notes: Path, tmp_path: Path, reads: list[str]
) -> None:
    """The key property: build, rebuild with nothing changed, rebuild with one note changed,
    and the store holds exactly the quads (all graphs) of a fresh build of those files. The
    change drops the only note that gave an unresolved body its other label: a rebuild that
    only added the changed note's descriptions to the stored ones would keep that label."""
    store = OxigraphStore(tmp_path / "store")
    build_files(store, _paths(notes), jobs=1)
    fresh, _ = _fresh(tmp_path, "fresh0", notes)
    assert _dump(store) == fresh
    assert len(_labels(fresh)) == 2

    build_files(store, _paths(notes), jobs=1)
    assert _dump(store) == fresh

    later = notes / "later_seminar.md"
    later.write_bytes(later.read_bytes().replace(VARIANT, b"Border Police of Georgia"))
    reads.clear()
    summary = build_files(store, _paths(notes), jobs=1)
    assert reads == ["later_seminar.md"]
    assert (summary.updated, summary.unchanged) == (1, len(_paths(notes)) - 1)
    fresh1, fresh_summary = _fresh(tmp_path, "fresh1", notes)
    assert len(_labels(fresh1)) == 1
    assert _dump(store) == fresh1
    _same_but_counts(summary, fresh_summary)
    store.close()


def test_a_new_extractor_rereads_every_note_and_rewrites_only_the_records(
    notes: Path, tmp_path: Path, reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    store = OxigraphStore(tmp_path / "store")
    first = build_files(store, _paths(notes), jobs=1)
    before = _dump(store)
    monkeypatch.setattr(gb, "extractor_fingerprint", lambda: "0" * 64)
    reads.clear()
    again = build_files(store, _paths(notes), jobs=1)
    n = len(_paths(notes))
    assert len(reads) == n and (again.updated, again.unchanged) == (0, n)  # same graphs
    _same_but_counts(again, first)
    after = _dump(store)
    changed = [q for q in set(after) ^ set(before) if BUILD_RECORD not in q]
    assert changed == [] and after != before  # only the records changed
    assert after == _fresh(tmp_path, "fresh", notes)[0]
    reads.clear()
    build_files(store, _paths(notes), jobs=1)
    assert reads == []  # and the new records are used
    store.close()


def test_graphs_from_before_build_records_are_read_once_then_skipped(
    notes: Path, tmp_path: Path, reads: list[str]
) -> None:
    store = OxigraphStore(tmp_path / "store")
    build_files(store, _paths(notes), jobs=1)
    fresh = _dump(store)
    store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?g <{BUILD_RECORD}> ?r }} }}")
    reads.clear()
    summary = build_files(store, _paths(notes), jobs=1)
    assert len(reads) == len(_paths(notes)) == summary.unchanged
    assert _dump(store) == fresh
    reads.clear()
    build_files(store, _paths(notes), jobs=1)
    assert reads == []
    store.close()


def test_what_is_never_skipped(notes: Path, tmp_path: Path, reads: list[str]) -> None:
    """Failed notes (no graph), a file over the size limit (its old graph kept), a note renamed
    to another suffix, two files with one stem (the collision reported as before)."""
    (notes / "empty.txt").write_bytes(b"  \n")
    other = notes / "sub"
    other.mkdir()
    shutil.copy(notes / "press_togo.md", other / "press_togo.md")
    store = OxigraphStore(tmp_path / "store")
    first = build_files(store, _paths(notes), jobs=1)
    assert len(first.failed) == 2 and len(first.collisions) == 1

    reads.clear()
    again = build_files(store, _paths(notes), jobs=1)
    assert sorted(reads) == ["empty.txt", "press_togo.md", "press_togo.md"]
    assert again.to_dict()["failed"] == first.to_dict()["failed"]
    assert again.collisions == first.collisions
    _same_but_counts(again, first)

    big = notes / "press_chile.txt"
    reads.clear()
    small = build_files(store, _paths(notes), jobs=1, read_options={"max_bytes": 1000})
    assert "press_chile.txt" in reads and any(p == str(big) for p, _ in small.failed)
    assert big.stat().st_size > 1000

    (notes / "press_hanoi.html").rename(notes / "press_hanoi.txt")
    reads.clear()
    renamed = build_files(store, _paths(notes), jobs=1)
    assert "press_hanoi.txt" in reads and renamed.updated == 1
    store.close()


def test_a_store_built_from_two_folders_keeps_both(tmp_path: Path, notes: Path) -> None:
    """Folder A, then folder B, then A again (skipped): the store is the one A then B gave."""
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for i, f in enumerate(sorted(notes.iterdir())):
        shutil.copy(f, (a if i % 2 else b) / f.name)
    store = OxigraphStore(tmp_path / "store")
    build_files(store, _paths(a), jobs=1)
    build_files(store, _paths(b), jobs=1)
    both = _dump(store)
    summary = build_files(store, _paths(a), jobs=1)
    assert summary.unchanged == len(_paths(a))
    assert _dump(store) == both
    store.close()


def test_memory_store(notes: Path, reads: list[str]) -> None:
    store = MemoryStore()
    first = build_files(store, _paths(notes), jobs=1)
    dump = _dump(store)
    reads.clear()
    again = build_files(store, _paths(notes), jobs=1)
    assert reads == [] and again.unchanged == first.added
    _same_but_counts(again, first)
    assert _dump(store) == dump


def test_parallel_rebuild_sends_only_changed_notes_to_the_workers(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks.corpus import write_corpus

    folder = tmp_path / "corpus"
    write_corpus(folder, 70, seed=5)  # above the in-process threshold: a real pool
    paths = _paths(folder)
    store = OxigraphStore(tmp_path / "store")
    first = build_files(store, paths, jobs=2)
    for p in paths[:3]:
        p.write_text(p.read_text(encoding="utf-8").replace("Regional", "Subregional"), "utf-8")
    sent: list[list[str]] = []
    real: Callable[..., Iterator[Any]] = gi.mapped_files

    def spy(names: list[str], *args: Any) -> Iterator[Any]:
        sent.append(list(names))
        return real(names, *args)

    monkeypatch.setattr(gi, "mapped_files", spy)
    again = build_files(store, paths, jobs=2)
    assert sent == [[str(p) for p in paths[:3]]]
    assert (again.updated, again.unchanged) == (3, 67)
    _same_but_counts(again, first)
    assert _dump(store) == _fresh(tmp_path, "fresh", folder)[0]
    store.close()


def test_the_fingerprint_covers_every_project_file_the_mapping_reads(tmp_path: Path) -> None:
    """Read and map notes (every suffix) in a fresh interpreter; every project file imported or
    opened on the way must be one `extractor_fingerprint` hashes."""
    from test_extract_notes import make_docx, make_pdf

    folder = tmp_path / "notes"
    folder.mkdir()
    for f in (ROOT / "tests" / "notes").iterdir():
        if f.suffix in (".txt", ".md", ".html"):
            shutil.copy(f, folder / f.name)
    make_pdf(
        ["Information Note", "Event Seminar on 1540", "Dates 3 May 2019, Vienna"], folder / "a.pdf"
    )
    make_docx(["Event Seminar"], [["Organizers", "OSCE"]], ["Held in Vienna"], folder / "b.docx")
    script = f"""
import json, os, sys
root = {str(ROOT)!r}
opened = set()
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.add(os.path.realpath(args[0]))
sys.addaudithook(hook)
from loaders import iter_note_paths, read_note
from graph.prepare import prepare
n = 0
for p in iter_note_paths({str(folder)!r}):
    note = read_note(p)
    n += note.ok
    prepare(note, "0" * 64)
files = {{os.path.realpath(m.__file__) for m in list(sys.modules.values())
         if getattr(m, "__file__", None)}} | opened
print(json.dumps([n, sorted(f for f in files if f.startswith(root + os.sep))]))
"""
    out = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True
    )
    ok, used = json.loads(out.stdout)
    assert ok >= 8
    hashed = {str(f.resolve()) for pattern in gb.MAPPING_SOURCES for f in ROOT.glob(pattern)}
    venv = str(Path(sys.prefix).resolve())  # installed packages: their versions are hashed
    used = [
        f
        for f in used
        if "__pycache__" not in f and not f.startswith(venv + "/") and ".egg-info/" not in f
    ]
    assert any(f.endswith("organizations.json") for f in used)
    assert [f for f in used if f not in hashed] == []
    for module in ("prepare.py", "notefacts.py"):  # the record, the N-Quads, the facts
        assert str(ROOT / "graph" / module) in hashed and str(ROOT / "graph" / module) in used


def test_force_is_a_build_option(capsys: pytest.CaptureFixture[str]) -> None:
    import notegraph

    with pytest.raises(SystemExit):
        notegraph.main(["build", "--help"])
    assert "--force" in capsys.readouterr().out
