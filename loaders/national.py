"""A national event's own State. A workshop, round table or consultation called "national" is
held for one State's officials ("UNLIREC convened a national roundtable on ... in Trinidad and
Tobago", "the Republic of Cameroon convened a national workshop", "UNODA is organising a national
workshop" in Kathmandu): that State takes part, though no sentence says it attended."""

from __future__ import annotations

import re

from .asides import aside
from .mentions import Mention, find_mentions
from .names import entities
from .prose import sentences

__all__ = ["LEAD", "national_state"]

# "national workshop", "National Roundtable", "national consultative meeting", "national
# legislative drafting workshop": up to two lower-case words between (not "National Authority
# Training Course", a course for many States' authorities)
_NATIONAL = re.compile(
    r"\b[Nn]ational\s+(?:[a-z][\w-]*\s+){0,2}?(?i:workshops?|round-?\s?tables?|seminars?|training|"
    r"consultations?|meetings?|dialogues?|courses?)\b"
)
LEAD = 2  # the sentences of the body that say what the event is


def national_state(
    text: str,
    title: tuple[int, int],
    body: list[tuple[int, int]],
    venue_country: str | None,
    named: set[str | None],
) -> Mention | None:
    """The State a national event is for: the one State named (alone, or in an agency's name)
    by the title or a lead sentence that calls the event national; else the venue's country,
    when the note names no State taking part (`named`: the States with a role of taking part
    already). The mention spans the words "national ..." and the State's name, its evidence."""
    lead = [(s, e) for a, b in body for s, e in sentences(text, a, b)][:LEAD]
    said: re.Match[str] | None = None
    for s, e in [title, *lead]:
        m = _NATIONAL.search(text, s, e)
        if m is None:
            continue
        said = said or m
        ms = [
            x for x in find_mentions(text, s, e, list_like=False) if not aside(text, x, prose=False)
        ]
        iso = {i for x in ms if (i := x.entity.iso3 if x.entity is not None else x.iso3)}
        if len(iso) > 1:
            return None  # "Japan funded a national workshop for Viet Nam": not read
        if iso:
            state = iso.pop()
            near = next(x for x in ms if state in (x.iso3, x.entity.iso3 if x.entity else None))
            return _mention(state, min(m.start(), near.start), max(m.end(), near.end))
    if said is None or named - {None} or not venue_country:
        return None
    return _mention(venue_country, *said.span())


def _mention(iso3: str, start: int, end: int) -> Mention | None:
    ent = entities().get(f"state/{iso3}")
    return Mention(start, end, ent, ent.label) if ent is not None else None
