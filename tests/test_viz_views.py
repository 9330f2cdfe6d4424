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
