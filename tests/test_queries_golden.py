"""Every named query on the seed notes: the golden rows, the same rows on Oxigraph and rdflib,
and the OSCE answer of the command-line contract."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from goldens import CASES, NOTES, compute, load
from graph_notes import state
from seed_records import build_store, extracted_notes, gold_notes

from graph.memory import MemoryStore
from graph.store import OxigraphStore
from queries.catalog import catalog
from queries.run import run_named

ROOT = Path(__file__).resolve().parent.parent
GOLD = json.loads((ROOT / "tests" / "seeds-gold.json").read_text(encoding="utf-8"))
OSCE = GOLD["co_attended_with_OSCE"]


@pytest.fixture(scope="session")
def seed_notes() -> list[Any]:
    return extracted_notes(NOTES)


@pytest.fixture(scope="session")
def ox(tmp_path_factory: pytest.TempPathFactory, seed_notes: list[Any]) -> Any:
    store = build_store(seed_notes, OxigraphStore(tmp_path_factory.mktemp("ox") / "store"))
    yield store
    store.close()


@pytest.fixture(scope="session")
def mem(seed_notes: list[Any]) -> Any:
    return build_store(seed_notes, MemoryStore())


def test_every_query_has_golden_cases() -> None:
    assert sorted(CASES) == sorted(catalog())


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_rows(name: str, ox: Any) -> None:
    assert compute(name, ox) == load(name), (
        f"{name}: rows differ from tests/golden/queries/{name}.json; if the notes or extraction "
        "changed, run 'python tests/goldens.py --write' and read the new rows"
    )


@pytest.mark.parametrize("name", sorted(CASES))
def test_same_rows_on_oxigraph_and_rdflib(name: str, ox: Any, mem: Any) -> None:
    assert compute(name, mem) == compute(name, ox)


def test_goldens_are_not_empty() -> None:
    """Each query has at least one case with rows (a golden of nothing proves nothing)."""
    empty = [n for n in CASES if not any(case["rows"] for case in load(n))]
    assert empty == []


def _iso3s(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["iso3"] for r in rows)


def test_co_attended_osce_held_is_the_contract_answer(ox: Any) -> None:
    rows = run_named("co-attended", {"actor": "OSCE"}, ox, explain=True)
    assert _iso3s(rows) == sorted(OSCE["held_only"])
    assert len(rows) == 41
    for r in rows:
        assert r["events"] == len(r["evidence"]) >= 1
        assert all(e["note"].startswith("note/") for e in r["evidence"])
        assert r["explanation"], f"{r['iso3']} has no evidence"
        assert all(e["quote"] and e["line"] for e in r["explanation"]), r["iso3"]


def test_co_attended_osce_with_planned_is_the_contract_answer(ox: Any) -> None:
    rows = run_named("co-attended", {"actor": "OSCE", "include_planned": True}, ox)
    assert _iso3s(rows) == sorted(OSCE["held_only"] + OSCE["with_planned_add"])
    assert len(rows) == 44


@pytest.mark.parametrize("store", ["ox", "mem"])
def test_co_attended_semantics_on_the_gold_records(store: str, tmp_path: Path) -> None:
    """On the records seeds-gold.json expects (independent of extraction), the query gives the
    expected States: the query's semantics, not the extractor's recall."""
    notes = gold_notes(ROOT / "tests" / "seeds-gold.json", NOTES)
    target: Any = build_store(
        notes, OxigraphStore(tmp_path / "s") if store == "ox" else MemoryStore()
    )
    held = run_named("co-attended", {"actor": "osce"}, target)
    planned = run_named("co-attended", {"actor": "OSCE", "include_planned": "yes"}, target)
    assert _iso3s(held) == sorted(OSCE["held_only"])
    assert _iso3s(planned) == sorted(OSCE["held_only"] + OSCE["with_planned_add"])


def test_funders_do_not_count_as_taking_part(tmp_path: Path) -> None:
    from loaders.model import Actor, Note, Source, Venue

    osce = Actor("OSCE", "org/osce", "organization", "OSCE", roles=("organizer",))

    def note(stem: str, status: str, other: Actor) -> Note:
        return Note(
            source=Source(f"{stem}.txt", stem),
            title=stem,
            status=status,
            start_date="2020-01-0" + stem[-1],
            venue=Venue(None, "Vienna", "AUT"),
            actors=(osce, other),
        )

    notes = [
        note("n1", "held", state("FRA", "France", ("funder",))),
        note("n2", "planned", state("ITA", "Italy", ("funder",))),
        note("n3", "planned", state("ESP", "Spain", ("invited",))),
        note("n4", "held", state("CHL", "Chile", ("invited",))),
    ]
    for target in (
        build_store(notes, MemoryStore()),
        build_store(notes, OxigraphStore(tmp_path / "s")),
    ):
        held = run_named("co-attended", {"actor": "OSCE"}, target)
        planned = run_named("co-attended", {"actor": "OSCE", "include_planned": True}, target)
        assert _iso3s(held) == []  # a funder, and an invitee of a held event, did not take part
        assert _iso3s(planned) == ["ESP"]
