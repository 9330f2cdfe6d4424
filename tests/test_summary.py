"""The per-build summaries (graph/summary.py) give the rows the live queries give.

tests/summary_live/*.rq are the seven aggregating queries as they were before the summaries:
computed from the note graphs' claims at query time. On a synthetic corpus (where the OSCE takes
part in most events, so co-attended's evidence cap is reached) plus the seed notes, each named
query must return exactly the live query's rows, on Oxigraph and on rdflib.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest

from benchmarks.corpus import write_corpus
from graph.build import build_files, remove_notes
from graph.memory import MemoryStore
from graph.store import OxigraphStore, Store
from graph.summary import EVIDENCE_CAP, SUMMARY_GRAPH
from loaders import iter_note_paths
from queries.catalog import get_query
from queries.run import run_query

ROOT = Path(__file__).resolve().parent.parent
LIVE = ROOT / "tests" / "summary_live"

CASES: list[tuple[str, dict[str, Any]]] = [
    ("co-attended", {"actor": "OSCE"}),
    ("co-attended", {"actor": "OSCE", "include_planned": True}),
    ("co-attended", {"actor": "Kenya"}),
    ("co-attended", {"actor": "UNODA", "include_planned": True}),
    ("co-organizers", {}),
    ("co-organizers", {"rollup": False}),
    ("co-organizers", {"min_weight": 3}),
    ("actor-profile", {"actor": "OSCE"}),
    ("actor-profile", {"actor": "Kenya"}),
    ("actor-profile", {"actor": "UNODA"}),
    ("timeline", {}),
    ("resolutions", {}),
    ("resolutions", {"resolution": "1540"}),
    ("regions-reached", {"actor": "OSCE", "region": "Africa"}),
    ("regions-reached", {"actor": "UNODA", "region": "Europe", "include_planned": True}),
    ("path", {"actor": "OSCE", "other": "Belarus"}),
    ("path", {"actor": "VERTIC", "other": "Mongolia"}),
    ("path", {"actor": "Kenya", "other": "Japan"}),
    ("path", {"actor": "UNODA", "other": "UNODC"}),  # two sub-units: no tie between them
    ("path", {"actor": "Kenya", "other": "UNODA"}),
]


def _paths(tmp: Path) -> list[Path]:
    write_corpus(tmp / "corpus", 150, seed=7)
    return [*iter_note_paths(tmp / "corpus"), *iter_note_paths(ROOT / "data" / "notes")]


@pytest.fixture(scope="module", params=["oxigraph", "rdflib"])
def store(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> Any:
    tmp = tmp_path_factory.mktemp("summary")
    s: Store = OxigraphStore(tmp / "store") if request.param == "oxigraph" else MemoryStore()
    build_files(s, _paths(tmp), jobs=1)
    yield s
    s.close()


def _both(name: str, params: dict[str, Any], store: Store) -> tuple[list[Any], list[Any]]:
    spec = get_query(name)
    live = dataclasses.replace(spec, sparql=(LIVE / f"{name}.rq").read_text(encoding="utf-8"))
    return run_query(spec, params, store), run_query(live, params, store)


@pytest.mark.parametrize(("name", "params"), CASES, ids=[f"{n}-{p}" for n, p in CASES])
def test_summary_rows_equal_the_live_rows(name: str, params: dict[str, Any], store: Store) -> None:
    got, want = _both(name, params, store)
    assert want, f"{name} {params}: the live query found nothing (a comparison of nothing)"
    if name != "co-attended":
        assert got == want
        return
    # co-attended: the same States and counts; evidence is up to EVIDENCE_CAP of the live lines
    assert [(r["iso3"], r["events"]) for r in got] == [(r["iso3"], r["events"]) for r in want]
    for g, w in zip(got, want, strict=True):
        shown, every = [str(e) for e in g["evidence"]], [str(e) for e in w["evidence"]]
        assert len(shown) == min(len(every), EVIDENCE_CAP)
        assert set(shown) <= set(every)


def test_the_cap_is_reached_here(store: Store) -> None:
    """The corpus is big enough that some row lists fewer evidence lines than it counts."""
    rows = run_query(get_query("co-attended"), {"actor": "OSCE"}, store)
    assert any(r["events"] > EVIDENCE_CAP for r in rows)


def test_removing_notes_recomputes_the_summary(tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    paths = _paths(tmp_path)
    build_files(store, paths, jobs=1)
    before = run_query(get_query("timeline"), {}, store)
    remove_notes(store, paths[:40])
    after, live = _both("timeline", {}, store)
    assert after == live and after != before
    assert sum(r["events"] for r in after) < sum(r["events"] for r in before)
    assert SUMMARY_GRAPH in store.named_graphs()
    store.close()
