"""The store stays true: idempotent builds, one graph per note, export round-trips, both
backends answer alike."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from graph_notes import changed, held_note, planned_note

from graph.build import BUILD_RECORD, build, remove_notes
from graph.memory import MemoryStore
from graph.rdf import DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH, graph_iri
from graph.store import IRI, OxigraphStore, Store


@pytest.fixture(params=["oxigraph", "memory"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    s: Store = OxigraphStore(tmp_path / "store") if request.param == "oxigraph" else MemoryStore()
    yield s
    s.close()


def _graph_quads(store: Store, g: str) -> set[str]:
    return {str(q) for q in store.quads(g)}  # type: ignore[attr-defined]


def test_build_twice_changes_nothing(store: Store) -> None:
    notes = [held_note(), planned_note()]
    first = build(store, notes)
    assert (first.added, first.unchanged, first.failed) == (2, 0, [])
    count = store.quad_count()
    snapshot = {g: _graph_quads(store, g) for g in store.named_graphs()}
    again = build(store, notes)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    assert store.quad_count() == count
    assert {g: _graph_quads(store, g) for g in store.named_graphs()} == snapshot
    assert first.events == 3 and first.actors == 6
    assert dict(first.unresolved) == {"Poland Border Service": 1}


def test_changed_note_replaces_only_its_graph(store: Store) -> None:
    build(store, [held_note(), planned_note()])
    minsk, zagreb = graph_iri(held_note()), graph_iri(planned_note())
    before = {g: _graph_quads(store, g) for g in (minsk, zagreb, REFERENCE_GRAPH)}
    summary = build(store, [changed(held_note()), planned_note()])
    assert (summary.updated, summary.unchanged) == (1, 1)
    assert _graph_quads(store, zagreb) == before[zagreb]
    assert _graph_quads(store, REFERENCE_GRAPH) == before[REFERENCE_GRAPH]
    added = _graph_quads(store, minsk) - before[minsk]
    assert any("state/LTU" in q for q in added)
    rows = store.select(
        "SELECT DISTINCT ?p WHERE { ?p <https://w3id.org/notegraph/ontology#agent> ?a }",
    )
    assert any(r["p"].endswith("/state-ltu/participant") for r in rows)


AWKWARD = 'Line one\nline "two" \\ tab\t <https://w3id.org/notegraph/id/graph/x> .\r — Ünïcode 😀'


def test_stored_graphs_are_exactly_the_mapped_quads(store: Store) -> None:
    """What the batched writer stores (new graphs, then replaced ones) is map_note's output,
    literals with newlines, quotes, backslashes, IRIs in text and non-ASCII included."""
    import dataclasses

    from graph.rdf import map_note

    notes = [dataclasses.replace(held_note(), title=AWKWARD), planned_note()]
    build(store, notes)
    for n in notes:
        assert _without_record(store, graph_iri(n)) == {str(q) for q in map_note(n)[0]}
    again = [notes[0], dataclasses.replace(planned_note(), title=AWKWARD + " (revised)")]
    assert build(store, again).updated == 1
    for n in again:
        assert _without_record(store, graph_iri(n)) == {str(q) for q in map_note(n)[0]}


def _without_record(store: Store, g: str) -> set[str]:
    """The graph's quads but the build's own bookkeeping one (graph/prepare.py BUILD_RECORD)."""
    quads = store.quads(g)  # type: ignore[attr-defined]
    assert sum(q.predicate.value == BUILD_RECORD for q in quads) == 1
    return {str(q) for q in quads if q.predicate.value != BUILD_RECORD}


def test_remove_drops_only_that_graph(store: Store) -> None:
    build(store, [held_note(), planned_note()])
    zagreb = graph_iri(planned_note())
    keep = _graph_quads(store, zagreb)
    removed = remove_notes(store, ["somewhere/else/100_minsk.txt"])
    assert removed == [graph_iri(held_note())]
    assert store.named_graphs() == sorted([zagreb, DERIVED_GRAPH, REFERENCE_GRAPH, SUMMARY_GRAPH])
    assert _graph_quads(store, zagreb) == keep
    # descriptions only the removed note needed go too; those the other note uses stay
    derived = _graph_quads(store, DERIVED_GRAPH)
    assert not any("poland-border-service" in q or "nap/BLR" in q for q in derived)
    assert any("place/hrv-zagreb" in q for q in derived)
    assert remove_notes(store, ["no-such-note.txt"]) == []


def test_building_one_note_more_keeps_the_others_descriptions(store: Store) -> None:
    build(store, [held_note(), planned_note()])
    everything = _graph_quads(store, DERIVED_GRAPH)
    build(store, [planned_note()])  # only some of the store's notes: nothing of the other lost
    assert _graph_quads(store, DERIVED_GRAPH) == everything
    assert any("poland-border-service" in q for q in everything)


def test_shared_descriptions_are_stored_once(tmp_path: Path) -> None:
    """No triple is repeated across note graphs but the notes' own claims: a label in every
    note graph multiplies joins under Oxigraph's union default graph."""
    from collections import Counter

    from loaders import read_notes

    seeds = Path(__file__).resolve().parent.parent / "data" / "notes"
    store = OxigraphStore(tmp_path / "s")
    build(store, read_notes([str(seeds)]))
    copies = Counter(
        (q.subject.value, q.predicate.value, str(q.object))
        for q in store.quads()
        if q.graph_name.value not in (REFERENCE_GRAPH,)
    )
    repeated = {t for t, n in copies.items() if n > 1}
    # only an event several notes describe may repeat (each note's own claim about it)
    assert all("/id/event/" in s for s, _, _ in repeated), sorted(repeated)[:5]
    labels = store.select(
        "SELECT ?g WHERE { GRAPH ?g { <https://w3id.org/notegraph/id/resolution/1540> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l } }"
    )
    assert [r["g"] for r in labels] == [DERIVED_GRAPH]
    store.close()


def test_same_stem_in_two_folders_is_reported_not_overwritten(store: Store) -> None:
    a = held_note("a/100_minsk.txt")
    b = changed(held_note("b/100_minsk.txt"))
    summary = build(store, [a, b])
    assert summary.added == 1
    assert summary.collisions == [("b/100_minsk.txt", "a/100_minsk.txt")]
    path, reason = summary.failed[0]
    assert path == "b/100_minsk.txt" and "same file name as a/100_minsk.txt" in reason
    assert not any("state/LTU" in q for q in _graph_quads(store, graph_iri(a)))


def test_export_trig_reimports_isomorphic(store: Store) -> None:
    import pyoxigraph as ox
    from rdflib.compare import isomorphic

    from graph.export import export
    from graph.memory import to_rdflib_dataset

    build(store, [held_note(), planned_note()])
    out = io.BytesIO()
    export(store, "trig", out)
    back = list(ox.parse(out.getvalue(), format=ox.RdfFormat.TRIG))
    # every quad but the build's bookkeeping (one record per note graph, left out of exports)
    kept = [q for q in store.quads() if q.predicate.value != BUILD_RECORD]  # type: ignore[attr-defined]
    assert len(back) == len(kept) == store.quad_count() - 2
    original = to_rdflib_dataset(kept)
    reimported = to_rdflib_dataset(back)
    for g in store.named_graphs():
        from rdflib import URIRef

        assert isomorphic(original.graph(URIRef(g)), reimported.graph(URIRef(g))), g


def test_export_network_formats(store: Store) -> None:
    import networkx as nx

    from graph.export import export

    build(store, [held_note(), planned_note()])
    out = io.BytesIO()
    export(store, "graphml", out)
    g = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert g.nodes["event/2013-01-15-minsk"]["kind"] == "event"
    assert g.nodes["state/BLR"]["kind"] == "state"
    assert "host" in g.edges["state/BLR", "event/2013-01-15-minsk"]["roles"]
    out = io.BytesIO()
    export(store, "gexf", out)
    assert b"unresolved/poland-border-service" in out.getvalue()


def test_stats(store: Store) -> None:
    from graph.export import stats

    build(store, [held_note(), planned_note()])
    s = stats(store)
    assert s["notes"] == 2 and s["graphs"] == 5  # two notes, derived, reference, summary
    assert s["events"] == {"held": 1, "planned": 1, "mentioned": 1}
    assert s["actors"] == {"state": 3, "organization": 1, "agency": 1, "unresolved": 1}
    assert s["unresolved"] == 1


def test_resolve_graph_by_iri_tail_stem_or_file_name(store: Store) -> None:
    from graph.export import resolve_graph
    from ontology.errors import UsageError

    build(store, [held_note(), planned_note()])
    iri = graph_iri(held_note())
    names = (iri, "graph/100_minsk", "100_minsk", "100_minsk.txt", "notes/100_minsk.txt")
    assert {resolve_graph(store, n) for n in names} == {iri}
    with pytest.raises(UsageError, match="no graph '999_nowhere' in the store"):
        resolve_graph(store, "999_nowhere")


QUERIES = [
    # who attended which held event (DISTINCT: Oxigraph's union default graph is a bag,
    # rdflib's a set, so queries over the union must not count duplicates)
    """PREFIX ng: <https://w3id.org/notegraph/ontology#>
    SELECT DISTINCT ?event ?actor WHERE {
      ?p ng:event ?event ; ng:agent ?actor ; ng:participationStatus ng:Attended .
      ?event ng:reportedStatus ng:Held } ORDER BY ?event ?actor""",
    # roll-up: agencies count for their State
    """PREFIX ng: <https://w3id.org/notegraph/ontology#>
    SELECT ?state (COUNT(DISTINCT ?event) AS ?n) WHERE {
      ?p ng:event ?event ; ng:agent ?a . ?a ng:rollsUpTo ?state . ?state a ng:State }
    GROUP BY ?state ORDER BY ?state""",
    # evidence for one actor, bound parameter
    """PREFIX ng: <https://w3id.org/notegraph/ontology#>
    SELECT DISTINCT ?line ?quote ?start ?who WHERE {
      ?p ng:agent ?who ; ng:evidence ?e . ?e ng:line ?line ; ng:quote ?quote ; ng:charStart ?start }
    ORDER BY ?line""",
]


@pytest.mark.parametrize("query", QUERIES)
def test_oxigraph_and_memory_give_the_same_rows(tmp_path: Path, query: str) -> None:
    notes = [held_note(), planned_note()]
    ox_store, mem = OxigraphStore(tmp_path / "s"), MemoryStore()
    build(ox_store, notes)
    build(mem, notes)
    bindings = {"who": IRI("https://w3id.org/notegraph/id/state/BLR")} if "?who" in query else {}
    a, b = ox_store.select(query, bindings), mem.select(query, bindings)
    assert a and a == b


def test_store_busy_is_a_clear_error(tmp_path: Path) -> None:
    from ontology.errors import StoreBusyError

    first = OxigraphStore(tmp_path / "s")
    with pytest.raises(StoreBusyError, match="is busy"):
        OxigraphStore(tmp_path / "s")
    first.close()


def test_involves_is_the_rolled_up_participation(tmp_path: Path) -> None:
    """ng:involves (written per note) equals what the claims and the roll-up closure imply:
    attendees of held events, anyone listed but funders at events not held, rolled up."""
    from loaders import read_notes

    seeds = Path(__file__).resolve().parent.parent / "data" / "notes"
    store = OxigraphStore(tmp_path / "s")
    build(store, [*read_notes([str(seeds)]), held_note(), planned_note()])
    ng = "PREFIX ng: <https://w3id.org/notegraph/ontology#>\n"
    written = store.select(ng + "SELECT DISTINCT ?e ?x WHERE { ?e ng:involves ?x }")
    implied = store.select(
        ng
        + """SELECT DISTINCT ?e ?x WHERE {
          { ?e ng:attendedBy ?a }
          UNION
          { ?p ng:event ?e ; ng:agent ?a ; ng:role ?r . ?e ng:reportedStatus ?s
            FILTER (?s != ng:Held && ?r != ng:Funder) }
          ?a ng:rollsUpTo ?x }"""
    )
    key = sorted((r["e"], r["x"]) for r in written)
    assert len(key) > 50
    assert key == sorted((r["e"], r["x"]) for r in implied)
    store.close()
