"""SHACL: clean data conforms, broken data triggers the intended violations."""

from __future__ import annotations

import dataclasses

import pytest
from graph_notes import held_note, planned_note

from graph.rdf import graph_iri, map_note, note_quads
from graph.reference import reference_quads
from graph.validate import validate_quads
from loaders.model import Actor


def _validate(*notes):  # type: ignore[no-untyped-def]
    """Validate the notes' graphs with the reference graph and the derived descriptions."""
    mapped = {graph_iri(n): map_note(n) for n in notes}
    derived = [q for _, shared in mapped.values() for q in shared]
    return validate_quads({g: q for g, (q, _) in mapped.items()}, reference_quads(), derived)


def _violations(*notes):  # type: ignore[no-untyped-def]
    report = _validate(*notes)
    return report, {(f.focus, f.path) for f in report.violations}


def test_hand_written_notes_conform() -> None:
    report = _validate(held_note(), planned_note())
    assert report.conforms, report.text()
    assert report.graphs == 4  # two notes, the derived graph, the reference graph
    # warnings are kept apart: territories without a QID, Antarctica without a region
    assert any(f.focus == "state/ATA" for f in report.warnings)


def test_broken_data_triggers_the_intended_violations() -> None:
    note = held_note()
    blr = note.actors[0]
    broken = dataclasses.replace(
        note,
        status="planned",  # participants were Expected ...
        start_date="2013-01-18",  # ... and the dates are reversed
        actors=(
            dataclasses.replace(blr, id="state/XYZ", evidence=()),  # unknown State, no evidence
            *note.actors[1:],
        ),
    )
    report = _validate(broken)
    found = {(f.focus.split("/")[0], f.path, f.message) for f in report.violations}
    assert not report.conforms
    msgs = "\n".join(f.line() for f in report.violations)
    # a State the reference graph lacks is described nowhere: its claims point to a non-actor
    assert "needs exactly one agent that is an ng:Actor (value state/XYZ)" in msgs
    assert "Every participation claim needs evidence" in msgs
    assert "The start date must be one xsd:date, not after the end date" in msgs
    assert found


def test_attended_at_a_planned_event_is_flagged() -> None:
    import pyoxigraph as ox

    from graph.rdf import ng

    note = held_note()
    quads = note_quads(note)
    status = ox.NamedNode(ng("reportedStatus"))
    flipped = [
        ox.Quad(q.subject, q.predicate, ox.NamedNode(ng("Planned")), q.graph_name)
        if q.predicate == status and "2013-01-15" in q.subject.value
        else q
        for q in quads
    ]
    report = validate_quads({graph_iri(note): flipped}, reference_quads())
    assert any(
        f.message == "Participation marked Attended, but the event is only Planned"
        for f in report.violations
    ), report.text()


def test_misspelt_agent_is_not_an_actor() -> None:
    """inference='none': rdfs:range ng:Actor must not make an untyped IRI an Actor."""
    import pyoxigraph as ox

    from graph.rdf import ng

    note = planned_note()
    agent = ox.NamedNode(ng("agent"))
    bogus = ox.NamedNode("https://w3id.org/notegraph/id/sate/SRB")
    quads = [
        ox.Quad(q.subject, q.predicate, bogus, q.graph_name)
        if q.predicate == agent and q.object.value.endswith("state/SRB")
        else q
        for q in note_quads(note)
    ]
    report = validate_quads({graph_iri(note): quads}, [])
    assert any(f.path == "ng:agent" and "ng:Actor" in f.message for f in report.violations), (
        report.text()
    )


def test_seeds_build_into_a_conforming_graph(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from graph.build import build
    from graph.store import OxigraphStore
    from graph.validate import validate_store
    from loaders import read_notes

    seeds = Path(__file__).resolve().parent.parent / "data" / "notes"
    store = OxigraphStore(tmp_path / "s")
    summary = build(store, read_notes([str(seeds)]))
    assert summary.notes == 5 and not summary.failed
    report = validate_store(store)
    assert report.conforms, report.text()
    ng = "PREFIX ng: <https://w3id.org/notegraph/ontology#>\n"
    parts = store.select(ng + "SELECT (COUNT(DISTINCT ?p) AS ?n) WHERE { ?p a ng:Participation }")
    events = store.select(ng + "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?p ng:event ?e }")
    bare = store.select(
        ng + "SELECT DISTINCT ?p WHERE { ?p a ng:Participation "
        "FILTER NOT EXISTS { ?p ng:evidence/ng:quote ?q } }"
    )
    assert parts[0]["n"] > 20 and events[0]["n"] >= 5
    assert bare == []


def test_an_actor_the_gazetteer_lacks_still_rolls_up() -> None:
    note = held_note()
    agency = Actor(
        name="Ministry of Magic",
        id="org/blr-ministry-of-magic",
        kind="agency",
        label="Ministry of Magic",
        iso3="BLR",
        roles=("participant",),
        evidence=note.actors[0].evidence,
    )
    n = dataclasses.replace(note, actors=(*note.actors, agency))
    report, _ = _violations(n)
    assert report.conforms, report.text()
    tails = {
        (q.predicate.value.rsplit("#", 1)[-1], q.object.value)
        for q in map_note(n)[1]
        if q.subject.value.endswith("blr-ministry-of-magic")
    }
    assert ("rollsUpTo", "https://w3id.org/notegraph/id/state/BLR") in tails


@pytest.mark.parametrize("kind", ["state", "organization"])
def test_reference_actor_descriptions_stay_in_the_reference_graph(kind: str) -> None:
    quads = note_quads(held_note())
    subject = "state/BLR" if kind == "state" else "org/osce-cpc"
    preds = {q.predicate.value for q in quads if q.subject.value.endswith(subject)}
    assert not any(p.endswith(("prefLabel", "rollsUpTo")) for p in preds)
