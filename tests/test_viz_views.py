"""The views `notegraph viz` draws from the seed store, and their filters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from graph.store import OxigraphStore
from ontology.errors import UsageError
from viz.views import Filters, view_graph


@pytest.fixture(scope="module")
def store(seed_store_path: Path) -> Iterator[OxigraphStore]:
    s = OxigraphStore(seed_store_path, read_only=True)
    yield s
    s.close()


def _events(g: object) -> set[str]:
    return {n for n, d in g.nodes(data=True) if d.get("kind") == "event"}  # type: ignore[attr-defined]


def test_full_view_is_actors_and_events(store: OxigraphStore) -> None:
    g, _ = view_graph(store, "full")
    assert "org/osce" in g and "state/BLR" in g and "event/2013-01-15-minsk" in g
    assert g.edges["state/BLR", "event/2013-01-15-minsk"]["evidence"]
    assert "event/2017-09-14-rakitje" not in g  # planned: only with include_planned
    g2, _ = view_graph(store, "full", include_planned=True)
    assert "event/2017-09-14-rakitje" in g2


def test_date_and_type_filters(store: OxigraphStore) -> None:
    g, _ = view_graph(store, "full", filters=Filters(since="2013-01-01", until="2013-12-31"))
    assert _events(g) == {"event/2013-01-15-minsk", "event/2013-05-09-belgrade"}
    g, _ = view_graph(store, "full", filters=Filters(event_types=frozenset({"consultation"})))
    assert len(_events(g)) == 1


def test_co_attendance_counts_agencies_as_their_state(store: OxigraphStore) -> None:
    g, title = view_graph(store, "co-attendance", actor="OSCE")
    assert "OSCE" in title
    assert "state/POL" in g and "state/LTU" in g and "state/DEU" in g
    assert not any(d.get("kind") == "agency" for _, d in g.nodes(data=True))
    quotes = " ".join(e["quote"] for e in g.nodes["state/POL"]["evidence"])
    assert "Poland Border" in quotes


def test_region_and_role_filters(store: OxigraphStore) -> None:
    g, _ = view_graph(
        store, "co-attendance", actor="OSCE", filters=Filters(regions=frozenset({"Europe"}))
    )
    regions = {d.get("region") for _, d in g.nodes(data=True) if d.get("kind") == "state"}
    assert regions == {"Europe"}
    g, _ = view_graph(store, "full", filters=Filters(roles=frozenset({"organizer"})))
    assert all("organizer" in d["roles"] for _, _, d in g.edges(data=True))


def test_views_needing_an_actor_say_so(store: OxigraphStore) -> None:
    with pytest.raises(UsageError, match="needs --actor"):
        view_graph(store, "ego")
    with pytest.raises(UsageError, match="no actor called"):
        view_graph(store, "ego", actor="No Such Body")


def test_many_notes_about_one_event_stay_linear(tmp_path: Path) -> None:
    """Six notes on the same event meet in one event node; evidence is not multiplied."""
    from graph.build import build
    from graph.network import actor_event_graph
    from loaders import read_notes

    text = (
        "Information Note\n\nEvent\tRegional Workshop on resolution 1540 (2004)\n"
        "Organizers\tOSCE with the support of UNODA\n"
        "Date and Venue\t9-10 May 2013, Belgrade, Serbia\n"
        "Participants\tStates: Albania, Croatia, Montenegro, Serbia\n"
    )
    for i in range(6):
        (tmp_path / f"note{i}.txt").write_text(text + f"\nCopy {i}.\n", encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    build(store, read_notes([tmp_path]))
    g = actor_event_graph(store)
    store.close()
    events = [n for n, d in g.nodes(data=True) if d["kind"] == "event"]
    assert events == ["event/2013-05-09-belgrade"]
    evidence = g.edges["state/ALB", "event/2013-05-09-belgrade"]["evidence"]
    assert len(evidence) == 6  # one quote per note, not one per combination of rows
    assert {e["note"] for e in evidence} == {f"note/note{i}" for i in range(6)}


@pytest.mark.parametrize("planned", [False, True])
def test_co_attendance_agrees_with_the_co_attended_query(
    store: OxigraphStore, planned: bool
) -> None:
    """The view reads the same shortcuts as `notegraph query co-attended`: the same States, each
    with the same number of shared events."""
    from queries.run import run_named

    g, _ = view_graph(store, "co-attendance", actor="OSCE", include_planned=planned)
    rows = run_named("co-attended", {"actor": "OSCE", "include_planned": planned}, store)
    assert len(rows) > 30
    states = {n[len("state/") :]: d["events_total"] for n, d in g.nodes(data=True)
              if d["kind"] == "state"}  # fmt: skip
    assert states == {r["iso3"]: r["events"] for r in rows}


def test_co_attendance_quotes_every_link(store: OxigraphStore) -> None:
    from viz.projection import NODE_QUOTED_EVENTS

    g, _ = view_graph(store, "co-attendance", actor="OSCE")
    for a, b, d in g.edges(data=True):
        assert d["evidence"] and 1 <= d["quoted_events"] <= d["weight"] == len(d["event_ids"])
        notes = {q["note"] for q in d["evidence"]}
        assert notes, (a, b)
    for n, d in g.nodes(data=True):
        assert d["quoted_events"] == min(NODE_QUOTED_EVENTS, d["events_total"]), n
        assert d["evidence"] and d["roles"], n
    assert g.nodes["state/BLR"]["events_total"] == 3  # as in the README
    assert g.edges["state/BLR", "org/osce"]["years"] == [2012, 2013]


def test_a_store_without_shortcuts_reads_every_claim(
    store_copy: Path, store: OxigraphStore
) -> None:
    """A store built before ng:involves existed still gets a co-attendance view."""
    old = OxigraphStore(store_copy)
    old.update(
        "PREFIX ng: <https://w3id.org/notegraph/ontology#> "
        "DELETE WHERE { GRAPH ?g { ?e ng:involves ?x } }"
    )
    g, _ = view_graph(old, "co-attendance", actor="OSCE")
    old.close()
    fast, _ = view_graph(store, "co-attendance", actor="OSCE")
    assert set(g) == set(fast)
    assert "Poland Border" in " ".join(q["quote"] for q in g.nodes["state/POL"]["evidence"])
    assert not g.graph.get("roles_from_quoted_events")
    assert fast.graph.get("roles_from_quoted_events")


def test_quoted_events_are_capped(store: OxigraphStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """A view reads the quotes of at most MAX_QUOTED_EVENTS events; links left without say so."""
    import viz.views

    monkeypatch.setattr(viz.views, "MAX_QUOTED_EVENTS", 2)
    g, _ = view_graph(store, "co-attendance", actor="OSCE")
    assert any(d["evidence"] for _, d in g.nodes(data=True))
    unquoted = [d for *_, d in g.edges(data=True) if d["quoted_events"] == 0]
    assert unquoted and all(d["evidence"] == [] for d in unquoted)
    assert max(d["quoted_events"] for _, d in g.nodes(data=True)) <= 2
