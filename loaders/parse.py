"""Assemble a Note from decoded text: header fields, then prose rules, then body facts."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ontology.iris import slug

from .asides import aside
from .body import find_naps, find_related, find_resolutions
from .counted import counted_list
from .dateline import masthead
from .dates import DateSpan
from .editions import said_held, this_events_part
from .event import (
    FUTURE,
    complement,
    document_type,
    event_type,
    field_of,
    find_title,
    pick_date,
)
from .eventdate import lasting, prose_date, until, weekdays, widened
from .guard import Anchored
from .header import Field, segment, sublabels
from .mentions import HOST, Mention, find_mentions
from .model import Actor, Evidence, Note, Source, Venue
from .names import entities, resolve
from .national import LEAD, national_state
from .nationalities import people_of
from .owners import attributive
from .prose import assign_roles, find_cues, has_cue, sentences
from .text import Doc, clean
from .venue import as_written, dateline_venue, find_venue, tidied

__all__ = ["parse_note"]

_EVENT_NOUN = Anchored(
    re.compile(
        r"(?i)\b(?:workshops?|seminars?|webinars?|conferences?|symposium|training|courses?|"
        r"meetings?|events?|consultations?|visits?|round-?\s?tables?|dialogues?|briefings?|debates?|"
        r"exercises?|forum|sessions?|activity|mission|capacity[- ]building\s+program(?:me)?s?)\b"
    ),
    tuple(
        "capacity workshop seminar webinar conference symposium training course meeting event "
        "consultation visit round dialogue briefing debate exercise forum session activity "
        "mission".split()
    ),
)
_FUNDING_LABEL = re.compile(r"(?i)fund|donor")
_BLANKS = re.compile(r"[ \t]+")
_SPEAKER_LABEL = re.compile(r"(?i)speaker|presenter|resource\s+person")
_PAREN_DATE = re.compile(r"\(\s*\d{1,2}[^()]*\d{4}[^()]*\)")
_CONTACT_SENT = re.compile(r"(?i)\bplease\s+contact\b|\bcontact\b.*@")
_PRONOUN_START = re.compile(r"(?:It|This|They)\b")
_MINISTRY = re.compile(
    r"(?:the\s+)?(?:Ministr(?:y|ies)\s+(?:of|for)\s|(?:Foreign|Defen[cs]e|Interior|Health|"
    r"Justice|Finance|Economy|Trade|Energy|Environment|Agriculture)\s+Ministry\b)"
)
_ROLE_ORDER = ("organizer", "host", "supporter", "funder", "participant", "invited", "speaker")


@dataclass
class _Acc:
    name: str
    entity_id: str
    kind: str
    label: str
    acronym: str | None
    iso3: str | None
    part_of: str | None
    roles: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    listed_under: str | None = None
    mode: str | None = None
    role_evidence: list[tuple[str, Evidence]] = field(default_factory=list)
    seen: set[object] = field(default_factory=set)


class _Builder:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.actors: dict[str, _Acc] = {}
        self.warnings: list[str] = []
        self.host: str | None = None

    def add(self, m: Mention, roles: tuple[str, ...], listed_under: str | None = None) -> None:
        ev = self.doc.evidence(m.start, m.end)
        ent = m.entity
        if ent is HOST:
            if not self.host:
                return
            ent = entities().get(f"state/{self.host}")
            roles = tuple(dict.fromkeys(roles + ("host",)))
            if ent is None:
                return
        if ent is None:
            aid = f"unresolved/{slug(m.name)}"
            acc = self.actors.get(aid)
            if acc is None:
                acc = _Acc(m.name, aid, "unresolved", m.name, None, m.iso3, m.part_of)
                self.actors[aid] = acc
                self.warnings.append(
                    f"line {ev.line}: '{m.name}' not in the gazetteer (kept as unresolved)"
                )
        else:
            acc = self.actors.get(ent.id)
            if acc is None:
                parent = entities().get(ent.parent) if ent.parent else None
                part_of = (parent.acronym or parent.label) if parent else None
                acc = _Acc(m.name, ent.id, ent.kind, ent.label, ent.acronym, ent.iso3, part_of)
                self.actors[ent.id] = acc
        for r in roles:
            if r not in acc.roles:
                acc.roles.append(r)
            if (r, ev) not in acc.seen:  # sets, not list scans: a long list stays linear
                acc.seen.add((r, ev))
                acc.role_evidence.append((r, ev))
        if ev not in acc.seen:
            acc.seen.add(ev)
            acc.evidence.append(ev)
        if listed_under and not acc.listed_under:
            acc.listed_under = listed_under
        if m.mode and not acc.mode:
            acc.mode = m.mode

    def organizer_hosts(self) -> None:
        """The host State, if it organises, hosts too."""
        acc = self.actors.get(f"state/{self.host}") if self.host else None
        if acc is not None and "organizer" in acc.roles and "host" not in acc.roles:
            acc.roles.append("host")

    def own_ministries(self) -> None:
        """A ministry named without its State ("the Ministry of Foreign Affairs") is the host
        State's when the note names no other State as an actor; its id then says so."""
        states = {a.iso3 for a in self.actors.values() if a.kind == "state"}
        if not self.host or states - {self.host}:
            return
        for aid, a in list(self.actors.items()):
            own = f"{aid}-{self.host.lower()}"
            bare = a.kind == "unresolved" and not a.iso3 and not a.part_of
            if bare and _MINISTRY.match(a.name) and own not in self.actors:
                a.iso3, a.entity_id = self.host, own
                self.actors[own] = self.actors.pop(aid)

    def result(self) -> tuple[Actor, ...]:
        out = []
        for a in self.actors.values():
            roles = tuple(sorted(a.roles, key=_ROLE_ORDER.index))
            out.append(
                Actor(
                    name=a.name,
                    id=a.entity_id,
                    kind=a.kind,
                    label=a.label,
                    acronym=a.acronym,
                    iso3=a.iso3,
                    part_of=a.part_of,
                    roles=roles,
                    evidence=tuple(a.evidence),
                    listed_under=a.listed_under,
                    mode=a.mode,
                    role_evidence=tuple(a.role_evidence),
                )
            )
        return tuple(out)


def parse_note(text: str, *, path: str = "<text>", sha256: str = "") -> Note:
    """Read one decoded note. Pure; never raises: the worst case is a Note with warnings."""
    source = Source(path=path, sha256=sha256)
    try:
        if not isinstance(text, str):
            return Note(source=source, error="not text")
        return _parse(text, source)
    except Exception as exc:  # pragma: no cover - the last line of defence
        return Note(source=source, warnings=(f"extraction failed: {type(exc).__name__}: {exc}",))


def _parse(text: str, source: Source) -> Note:
    doc = clean(text)
    t = doc.text
    fields = segment(t)
    b = _Builder(doc)
    mast = masthead(t)
    doc_type = document_type(t, fields)
    title, title_ev, title_span = find_title(doc, fields, mast.spans)
    hdr = [(f.label_start, f.end) for f in fields if f.kind != "other"]
    body_spans = complement(hdr + list(mast.spans), len(t))
    # dates
    df = field_of(fields, "date_venue", "date")
    date = pick_date(t, df.start, df.end) if df else None
    date = widened(t, until(t, date, field_of(fields, "end_date")), body_spans)
    if date is None:
        date, guess = prose_date(t, body_spans, mast)
        b.warnings.extend([guess] if guess else [])
    if mast.date and (date is None or date.start_date == mast.date and not date.is_range):
        date = weekdays(t, body_spans, mast.date) or date  # "on Wednesday inaugurated the ..."
    status = "planned" if doc_type == "concept_note" else "held"
    if doc_type in ("press_release", "other") and FUTURE.search(t) and not said_held(t, date):
        status = "planned"
    is_publication = (
        date is not None and mast.date_span is not None and date.start == mast.date_span[0]
    )
    if not is_publication:  # a release's own date is a day of the event, not always its first
        date = lasting(t, date)
    if mast.date and date and not is_publication and doc_type != "concept_note":
        status = "planned" if date.start_date > mast.date else "held"
    # venue
    venue, venue_ev = find_venue(doc, fields, date, body_spans, title_span)
    # actors from header fields
    planned = status == "planned"
    for f in fields:
        if f.kind == "organizers":  # "Hosted By: China, Laos": hosts, and so organisers
            host = "host" in f.label.lower()
            _field_actors(
                b, f.start, f.end, ("organizer", "host") if host else ("organizer",), None
            )
        elif f.kind == "supporters":
            role = "funder" if _FUNDING_LABEL.search(f.label) else "supporter"
            _field_actors(b, f.start, f.end, (role,), None)
    org_states = [a.iso3 for a in b.actors.values() if a.kind == "state" and "organizer" in a.roles]
    b.host = venue.country or (org_states[0] if org_states else None)
    b.organizer_hosts()
    for f in fields:
        if f.kind == "participants":
            _participants(b, f, planned)
    org_field = field_of(fields, "organizers")
    if (
        org_field is None
        or "host" in org_field.label.lower()
        and not field_of(fields, "participants")
    ):
        prose_roles = None  # every role the prose gives (a "Hosted By:" line names no organiser)
    elif field_of(fields, "participants") is None:  # a header naming organisers, no participants
        prose_roles = frozenset(("participant", "speaker", "invited"))
    else:
        prose_roles = frozenset(("speaker", "invited"))
    _body_actors(b, body_spans, date, prose_roles, planned=planned)
    taking_part = ("invited",) if planned else ("participant",)
    if prose_roles is None or "participant" in prose_roles:
        for m in counted_list(t, body_spans) + people_of(t, body_spans):
            b.add(m, taking_part)
    org_states = [a.iso3 for a in b.actors.values() if a.kind == "state" and "organizer" in a.roles]
    if venue.city and not venue.country and org_states:
        venue = Venue(venue.name, venue.city, org_states[0])
    if not venue.city and not venue.country:
        venue, venue_ev = _host_country(b, venue, venue_ev)
    if not venue.city and not venue.country:
        venue, venue_ev = dateline_venue(doc, mast.place)
    venue = as_written(tidied(venue), venue_ev)
    if prose_roles is None or "participant" in prose_roles:
        named = {a.iso3 for a in b.actors.values() if {"participant", "invited"} & set(a.roles)}
        own = national_state(t, title_span, body_spans, venue.country, named)
        if own is not None:  # "a national workshop": its State's officials take part
            b.add(own, taking_part)
    b.host = b.host or venue.country or (org_states[0] if org_states else None)
    b.organizer_hosts()
    b.own_ministries()
    resolutions = find_resolutions(doc)
    res_names = tuple(dict.fromkeys(r for r, _ in resolutions))
    naps = find_naps(
        doc,
        body_spans + [(f.start, f.end) for f in fields if f.kind == "title"],
        b.host,
        date.start_date if date else None,
    )
    related = find_related(doc, [(0, len(t))], date.start_date if date else None)
    if date is None:
        b.warnings.append("no event date found")
    if title is None:
        b.warnings.append("no title found")
    return Note(
        source=source,
        title=title,
        event_type=event_type(title, t),
        status=status,
        doc_type=doc_type,
        start_date=date.start_date if date else None,
        end_date=date.end_date if date else None,
        date_precision=date.precision if date else None,
        venue=venue,
        actors=b.result(),
        resolutions=res_names,
        naps=tuple(naps),
        related_events=tuple(related),
        title_evidence=title_ev,
        date_evidence=(doc.evidence(date.start, date.end),) if date else (),
        venue_evidence=venue_ev,
        resolution_evidence=tuple(resolutions),
        warnings=tuple(b.warnings),
    )


def _host_country(
    b: _Builder, venue: Venue, ev: tuple[Evidence, ...]
) -> tuple[Venue, tuple[Evidence, ...]]:
    """No place said: a State that hosted the event (alone) is where it was ("Chile hosted a
    training course", "Malawi Hosts Visit")."""
    hosts = [a for a in b.actors.values() if a.kind == "state" and "host" in a.roles]
    if len(hosts) != 1 or hosts[0].iso3 is None:
        return venue, ev
    # the host role added for the venue's State has no evidence of its own: the name's then
    said = next((e for r, e in hosts[0].role_evidence if r == "host"), hosts[0].evidence[0])
    return Venue(venue.name, None, hosts[0].iso3), (said,)


def _field_actors(
    b: _Builder, a: int, e: int, default: tuple[str, ...], listed: str | None, planned: bool = False
) -> None:
    """The names of a field's list in text[a:e], with the field's roles (`planned`: a cue's
    participants are invited)."""
    t = b.doc.text
    ms = [m for m in find_mentions(t, a, e, list_like=True) if not aside(t, m, prose=False)]
    for m, roles in assign_roles(t, a, e, ms, default):
        if planned and "participant" in roles:
            roles = tuple("invited" if r == "participant" else r for r in roles)
        b.add(m, roles, listed)
    _two_states(b, ms)


def _two_states(b: _Builder, ms: list[Mention]) -> None:
    t = b.doc.text
    for x, y in zip(ms, ms[1:], strict=False):
        ex, ey = x.entity, y.entity
        if ex and ey and ex.kind == ey.kind == "state" and ex is not HOST and ey is not HOST:
            if not _BLANKS.fullmatch(t[x.end : y.start]):
                continue
            line = b.doc.evidence(x.start, y.end).line
            b.warnings.append(f"line {line}: '{x.name} {y.name}' read as two States")


def _participants(b: _Builder, f: Field, planned: bool) -> None:
    t = b.doc.text
    default: tuple[str, ...] = ("invited",) if planned else ("participant",)
    subs = sublabels(t, f.start, f.end)
    parts: list[tuple[int, int, str | None]] = []
    pos = f.start
    label: str | None = None
    for ls, vs, sub in subs:
        parts.append((pos, ls, label))
        pos, label = vs, sub
        ent = resolve(sub)
        if ent is not None and ent.kind != "state":
            b.add(Mention(ls, ls + len(sub), ent, sub), default, sub)
    parts.append((pos, f.end, label))
    for a, e, lab in parts:
        dflt = default + (("speaker",) if lab and _SPEAKER_LABEL.search(lab) else ())
        for s, se in sentences(t, a, e, paragraphs=False):
            _field_actors(b, s, se, dflt, lab, planned)


def _body_actors(
    b: _Builder,
    spans: list[tuple[int, int]],
    date: DateSpan | None,
    prose_roles: frozenset[str] | None,
    *,
    planned: bool,
) -> None:
    """Prose rules over body sentences. `prose_roles`: the roles the prose may give where the
    header already names some (None: all; with organiser and participant fields, only speaker
    and invitation sentences add roles, to names already known or curated)."""
    t = b.doc.text
    full = prose_roles is None or "participant" in prose_roles
    n = 0
    for a, e in spans:
        for s, se in sentences(t, a, e):
            n += len(t[s:se].split()) >= 8  # (a sentence of prose, not a heading's words)
            # no default roles here: a sentence without a cue that can survive gives no role
            cues = find_cues(t, s, se) if full else None
            # (the lead, or the sentence that dates the event, may name its owner without a
            # cue: "A three-day CTBTO ... Workshop ... was held in Pretoria ... from 29 November")
            dated = date is not None and s <= date.start < se  # the sentence that dates it
            owner = prose_roles is None and (n <= LEAD or dated)
            if not (cues if full else has_cue(t, s, se, talk_only=True)) and not owner:
                continue
            part = this_events_part(t[s:se], date)
            if part < se - s:  # its words about another event cut off
                se = s + part
                cues = find_cues(t, s, se) if full and part else None
            sent = t[s:se]
            if not part or _PAREN_DATE.search(sent) or _CONTACT_SENT.search(sent):
                continue
            ms = [
                m for m in find_mentions(t, s, se, list_like=False) if not aside(t, m, prose=True)
            ]
            dated = dated and date is not None and date.start < se  # (se may be cut)
            about_event = bool(dated or _EVENT_NOUN.search(sent) or _PRONOUN_START.match(sent))
            for m, roles in assign_roles(t, s, se, ms, (), cues=cues):
                if not about_event:
                    roles = tuple(
                        r for r in roles if r not in ("organizer", "host", "supporter", "funder")
                    )
                if prose_roles is not None:
                    roles = tuple(r for r in roles if r in prose_roles)
                    if not roles or m.entity is None and "participant" not in roles:
                        continue
                if planned:
                    roles = tuple("invited" if r == "participant" else r for r in roles)
                if roles:
                    b.add(m, roles)
            if prose_roles is None:
                for m in attributive(t, ms):
                    b.add(m, ("organizer",))
