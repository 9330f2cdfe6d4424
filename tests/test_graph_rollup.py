"""Roll-ups of names the gazetteer lacks (graph/rollup.py): a State's public body counts for the
State, an organisation's field office for the organisation (not for the State it sits in), a
university for nothing but itself. Read from a note, mapped, SHACL-checked."""

from __future__ import annotations

import hashlib

from graph.rdf import graph_iri, map_note
from graph.reference import reference_quads
from graph.validate import validate_quads
from loaders import parse_note
from ontology.iris import ID

NOTE = (
    "Information Note\n\n"
    "National workshop on the implementation of resolution 1540 (2004)\n\n"
    "Date: 12-13 March 2019\n"
    "Venue: Minsk\n"
    "Organizers: OSCE\n"
    "Participants: Ministry of Foreign Affairs of Belarus, Chilean National Customs Service, "
    "OSCE Office in Tajikistan, the OSCE Project Co-ordinator in Uzbekistan, University of "
    "Belgrade of Serbia\n"
)
SHA = hashlib.sha256(NOTE.encode()).hexdigest()


def _quads() -> tuple[list, list]:  # type: ignore[type-arg]
    return map_note(parse_note(NOTE, path="notes/minsk.txt", sha256=SHA))


def _tails(shared: list, pred: str) -> dict[str, set[str]]:  # type: ignore[type-arg]
    out: dict[str, set[str]] = {}
    for q in shared:
        if q.predicate.value.endswith(pred):
            out.setdefault(q.subject.value[len(ID) :], set()).add(q.object.value[len(ID) :])
    return out


def test_units_and_public_bodies_roll_up_to_what_they_are_part_of() -> None:
    own, shared = _quads()
    ups = _tails(shared, "#rollsUpTo")
    assert ups["unresolved/ministry-of-foreign-affairs-of-belarus"] == {
        "unresolved/ministry-of-foreign-affairs-of-belarus",
        "state/BLR",
    }
    assert "state/CHL" in ups["unresolved/chilean-national-customs-service"]
    office = ups["unresolved/osce-office-in-tajikistan"]
    assert "org/osce" in office and "state/TJK" not in office
    assert "org/osce" in ups["unresolved/osce-project-co-ordinator-in-uzbekistan"]
    university = [a for a in ups if a.startswith("unresolved/university-of-belgrade")]
    assert university and all(ups[a] == {a} for a in university)
    parents = _tails(shared, "subOrganizationOf")
    assert parents["unresolved/ministry-of-foreign-affairs-of-belarus"] == {"state/BLR"}
    assert parents["unresolved/osce-office-in-tajikistan"] == {"org/osce"}


def test_the_event_involves_the_states_of_public_bodies_only() -> None:
    own, _ = _quads()
    involved = {q.object.value[len(ID) :] for q in own if q.predicate.value.endswith("#involves")}
    assert {"state/BLR", "state/CHL", "org/osce"} <= involved
    assert not {"state/TJK", "state/UZB", "state/SRB"} & involved


def test_the_rolled_up_descriptions_conform() -> None:
    note = parse_note(NOTE, path="notes/minsk.txt", sha256=SHA)
    own, shared = map_note(note)
    report = validate_quads({graph_iri(note): own}, reference_quads(), shared)
    assert report.conforms, report.text()


def test_a_states_board_bureau_or_office_counts_for_it() -> None:
    from graph.rollup import parent_of

    for slug in ("indias-central-board-of-indirect-taxes", "ruritanian-export-control-office"):
        assert parent_of(f"unresolved/{slug}", "unresolved", "IND", None) == f"{ID}state/IND"
    assert parent_of("unresolved/example-university", "unresolved", "IND", None) is None
