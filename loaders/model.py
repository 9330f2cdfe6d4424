"""The records loaders produce: frozen dataclasses, no I/O.

`Note.to_dict()` gives exactly the JSON shape of `notegraph extract --format json`
(see the command-line contract in README.md / docs/cli.md).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "ACTOR_KINDS",
    "EVENT_TYPES",
    "ROLES",
    "Actor",
    "Evidence",
    "NapStatement",
    "Note",
    "RelatedEvent",
    "Source",
    "Venue",
]

EVENT_TYPES = (
    "workshop",
    "seminar",
    "conference",
    "training",
    "consultation",
    "visit",
    "meeting",
    "other",
)
ROLES = ("organizer", "host", "supporter", "funder", "participant", "invited", "speaker")
ACTOR_KINDS = ("state", "organization", "agency", "unresolved")
NAP_STATUSES = ("intended", "in_preparation", "draft", "adopted", "submitted", "updated")


@dataclass(frozen=True)
class Evidence:
    """A span of the note's decoded text that supports a fact.

    `line` is 1-based in the decoded text; `start`/`end` are Python str offsets into it,
    so `text == decoded[start:end]` (the raw quote, markup included).
    """

    line: int
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "text": self.text, "start": self.start, "end": self.end}


@dataclass(frozen=True)
class Source:
    path: str
    sha256: str

    def to_dict(self) -> dict[str, Any]:
        return {"path": self.path, "sha256": self.sha256}


@dataclass(frozen=True)
class Venue:
    name: str | None = None
    city: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-3

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "city": self.city, "country": self.country}


@dataclass(frozen=True)
class Actor:
    """One actor of the note's event, with every role the note gives it.

    `id` is the tail of its IRI: `state/BLR`, `org/osce-cpc`, `unresolved/poland-border-service`.
    """

    name: str  # as written in the note (first mention)
    id: str
    kind: str  # state|organization|agency|unresolved
    label: str
    acronym: str | None = None
    iso3: str | None = None  # for states, and the State an agency belongs to
    part_of: str | None = None  # parent organisation's acronym or label, for sub-units
    roles: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    listed_under: str | None = None  # header sub-label, e.g. "Other States"
    mode: str | None = None  # "remote" when attending e.g. by video message
    role_evidence: tuple[tuple[str, Evidence], ...] = ()  # which span gave which role

    def evidence_for(self, role: str) -> tuple[Evidence, ...]:
        """The spans that support one role; all the actor's spans when none is recorded for it
        (e.g. host, inferred from an organiser State that is also the venue's country)."""
        own = tuple(e for r, e in self.role_evidence if r == role)
        return own or self.evidence

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "id": self.id,
            "kind": self.kind,
            "label": self.label,
            "acronym": self.acronym,
            "iso3": self.iso3,
            "part_of": self.part_of,
            "roles": list(self.roles),
            "listed_under": self.listed_under,
            "mode": self.mode,
            "evidence": [e.to_dict() for e in self.evidence],
            "role_evidence": [
                {"role": r, "line": e.line, "start": e.start, "end": e.end}
                for r, e in self.role_evidence
            ],
        }


@dataclass(frozen=True)
class NapStatement:
    state: str  # ISO3
    status: str  # one of NAP_STATUSES
    date: str | None = None  # ISO date the statement refers to, when the sentence gives one
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "state": self.state,
            "status": self.status,
            "date": self.date,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class RelatedEvent:
    title: str | None
    start_date: str | None
    end_date: str | None
    city: str | None
    country: str | None
    evidence: tuple[Evidence, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "city": self.city,
            "country": self.country,
            "evidence": [e.to_dict() for e in self.evidence],
        }


@dataclass(frozen=True)
class Note:
    """Everything read from one document. A document that could not be read has `error` set."""

    source: Source
    title: str | None = None
    event_type: str | None = None
    status: str | None = None  # held|planned
    doc_type: str | None = None  # information_note|concept_note|press_release|other
    start_date: str | None = None
    end_date: str | None = None
    date_precision: str | None = None  # day|month|year
    venue: Venue = field(default_factory=Venue)
    actors: tuple[Actor, ...] = ()
    resolutions: tuple[str, ...] = ()  # "1540 (2004)"; "1540" when no year is known
    naps: tuple[NapStatement, ...] = ()
    related_events: tuple[RelatedEvent, ...] = ()
    title_evidence: tuple[Evidence, ...] = ()
    date_evidence: tuple[Evidence, ...] = ()
    venue_evidence: tuple[Evidence, ...] = ()
    resolution_evidence: tuple[tuple[str, Evidence], ...] = ()
    warnings: tuple[str, ...] = ()
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source.to_dict(),
            "title": self.title,
            "event_type": self.event_type,
            "status": self.status,
            "doc_type": self.doc_type,
            "start_date": self.start_date,
            "end_date": self.end_date,
            "date_precision": self.date_precision,
            "venue": self.venue.to_dict(),
            "actors": [a.to_dict() for a in self.actors],
            "resolutions": list(self.resolutions),
            "naps": [n.to_dict() for n in self.naps],
            "related_events": [r.to_dict() for r in self.related_events],
            "evidence": {
                "title": [e.to_dict() for e in self.title_evidence],
                "date": [e.to_dict() for e in self.date_evidence],
                "venue": [e.to_dict() for e in self.venue_evidence],
                "resolutions": [
                    {"resolution": r, **e.to_dict()} for r, e in self.resolution_evidence
                ],
            },
            "warnings": list(self.warnings),
            "error": self.error,
        }
