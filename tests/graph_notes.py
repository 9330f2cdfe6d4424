"""Hand-written Note records for the graph tests: they test graph/ alone, whatever the
extractor does with the seed notes."""

from __future__ import annotations

import dataclasses
import hashlib

from loaders.model import Actor, Evidence, NapStatement, Note, RelatedEvent, Source, Venue


def ev(line: int, text: str, start: int) -> Evidence:
    return Evidence(line=line, text=text, start=start, end=start + len(text))


def state(
    iso3: str, label: str, roles: tuple[str, ...], *evidence: Evidence, name: str = ""
) -> Actor:
    """A State as the gazetteer resolves it (id `state/ISO3`), written `name` (else its label)."""
    return Actor(
        name=name or label,
        id=f"state/{iso3}",
        kind="state",
        label=label,
        iso3=iso3,
        roles=roles,
        evidence=evidence,
    )


def held_note(path: str = "notes/100_minsk.txt") -> Note:
    """An information note: a held workshop in Minsk with every kind of actor."""
    return Note(
        source=Source(path=path, sha256=hashlib.sha256(b"minsk").hexdigest()),
        title="Workshop on the Implementation of Resolution 1540 (2004)",
        event_type="workshop",
        status="held",
        doc_type="information_note",
        start_date="2013-01-15",
        end_date="2013-01-17",
        date_precision="day",
        venue=Venue(name="Hotel Minsk", city="Minsk", country="BLR"),
        title_evidence=(ev(1, "Workshop on the Implementation", 10),),
        date_evidence=(ev(2, "15-17 January 2013", 60),),
        actors=(
            state(
                "BLR",
                "Belarus",
                ("host", "participant"),
                ev(3, "Republic of Belarus", 100),
                name="Republic of Belarus",
            ),
            Actor(
                name="OSCE Conflict Prevention Centre",
                id="org/osce-cpc",
                kind="organization",
                label="OSCE Conflict Prevention Centre",
                acronym="CPC",
                roles=("organizer",),
                evidence=(ev(4, "OSCE Conflict Prevention Centre", 140),),
            ),
            Actor(
                name="U.S. State Department",
                id="org/usa-dos",
                kind="agency",
                label="United States Department of State",
                iso3="USA",
                roles=("speaker",),
                evidence=(ev(5, "U.S. State Department", 190),),
                mode="remote",
            ),
            Actor(
                name="Poland Border Service",
                id="unresolved/poland-border-service",
                kind="unresolved",
                label="Poland Border Service",
                roles=("participant",),
                evidence=(ev(6, "Poland Border Service", 230),),
                listed_under="Other",
            ),
        ),
        resolutions=("1540 (2004)",),
        resolution_evidence=(("1540 (2004)", ev(1, "Resolution 1540 (2004)", 44)),),
        naps=(
            NapStatement(
                state="BLR",
                status="submitted",
                date="2011-12-26",
                evidence=(ev(9, "Belarus submitted its national action plan", 400),),
            ),
        ),
        related_events=(
            RelatedEvent(
                title="Regional workshop in Astana",
                start_date="2012-06-05",
                end_date=None,
                city="Astana",
                country="KAZ",
                evidence=(ev(10, "Astana, June 2012", 480),),
            ),
        ),
    )


def planned_note(path: str = "notes/101_zagreb.txt") -> Note:
    """A concept note: a planned seminar, participants only invited or expected."""
    return Note(
        source=Source(path=path, sha256=hashlib.sha256(b"zagreb").hexdigest()),
        title="Seminar on border security",
        event_type="seminar",
        status="planned",
        doc_type="concept_note",
        start_date="2017-09-14",
        end_date="2017-09-15",
        date_precision="day",
        venue=Venue(city="Zagreb", country="HRV"),
        actors=(
            state("HRV", "Croatia", ("organizer", "participant"), ev(3, "Croatia", 120)),
            state("SRB", "Serbia", ("invited",), ev(7, "Serbia", 300)),
        ),
    )


def changed(note: Note) -> Note:
    """The same file, edited: one more participant and a new hash."""
    extra = state("LTU", "Lithuania", ("participant",), ev(8, "Lithuania", 350))
    src = dataclasses.replace(note.source, sha256=hashlib.sha256(b"edited").hexdigest())
    return dataclasses.replace(note, source=src, actors=(*note.actors, extra))
