"""Assemble a Note from decoded text: header fields, then prose rules, then body facts."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ontology.iris import slug

from .body import _place, find_naps, find_related, find_resolutions
from .dates import DateSpan, find_dates
from .guard import Guarded
from .header import Field, segment, sublabels
from .mentions import HOST, Mention, find_mentions
from .model import Actor, Evidence, Note, Source, Venue
from .names import entities, resolve
from .prose import assign_roles, has_cue, sentences
from .text import Doc, clean, squash

__all__ = ["parse_note"]

_TYPES = [
    ("workshop", r"workshops?|work-shops?"),
    ("seminar", r"seminars?|webinars?"),
    ("conference", r"conferences?|symposi(?:um|a)|congress|summit"),
    ("training", r"training|course|exercise|table-?top"),
    ("consultation", r"consultations?|consultative"),
    ("visit", r"visits?|missions?"),
    ("meeting", r"meetings?|round-?\s?tables?|dialogues?|briefings?|forum|sessions?|events?"),
]
_FUTURE = Guarded(re.compile(r"(?i)\bwill\s+(?:be\s+)?(?:organi[sz]ed|held|take\s+place|invited|aim|bring|last|provide|"
                             r"discuss|be\s+provided)|\bare\s+(?:anticipated|expected|invited)\b|\bshall\s+be\s+held\b|"
                             r"\bis\s+scheduled\b|\bupcoming\b"),
                  ("will", "anticipated", "expected", "invited", "shall", "scheduled", "upcoming"))
_PAST = Guarded(re.compile(r"(?i)\b(?:was|were)\s+(?:held|organi[sz]ed|convened|conducted|attended)\b|\btook\s+place\b|"
                           r"\b(?:participated|attended|hosted|discussed|agreed|delivered|concluded)\b"),
                ("held", "organi", "convened", "conducted", "attended", "took", "participated", "hosted",
                 "discussed", "agreed", "delivered", "concluded"))
_ON_PART = re.compile(r"(?i)\bon\s+(?:the\s+part|behalf)\s+of\s+(?:the\s+)?$")
_PLACE_BEFORE = re.compile(r"(?:\b(?:in|at|to|visited)\s+(?:[A-Z][\w'’.-]+\s+){0,2}[A-Z][\w'’.-]*,\s*|"
                           r"\b(?:in|at|to|visited)\s+(?:the\s+)?)$")
_EVENT_NOUN = Guarded(re.compile(r"(?i)\b(?:workshops?|seminars?|webinars?|conferences?|symposium|training|course|"
                                 r"meetings?|events?|consultations?|visits?|round-?\s?tables?|dialogues?|briefings?|"
                                 r"exercises?|forum|sessions?|activity|mission)\b"),
                      ("workshop", "seminar", "webinar", "conference", "symposium", "training", "course", "meeting",
                       "event", "consultation", "visit", "round", "dialogue", "briefing", "exercise", "forum",
                       "session", "activity", "mission"))
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
                acc = _Acc(m.name, aid, "unresolved", m.name, None, m.iso3, None)
                self.actors[aid] = acc
                self.warnings.append(f"line {ev.line}: '{m.name}' not in the gazetteer (kept as unresolved)")
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

    def result(self) -> tuple[Actor, ...]:
        out = []
        for a in self.actors.values():
            roles = tuple(sorted(a.roles, key=_ROLE_ORDER.index))
            out.append(Actor(name=a.name, id=a.entity_id, kind=a.kind, label=a.label, acronym=a.acronym,
                             iso3=a.iso3, part_of=a.part_of, roles=roles, evidence=tuple(a.evidence),
                             listed_under=a.listed_under, mode=a.mode,
                             role_evidence=tuple(a.role_evidence)))
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


def _first(fields: list[Field], *kinds: str) -> Field | None:
    return next((f for f in fields if f.kind in kinds), None)


def _doc_type(t: str, fields: list[Field]) -> str:
    head = t[:400].lower()
    if "information note" in head:
        return "information_note"
    if "concept note" in head or "concept paper" in head or "aide-memoire" in head:
        return "concept_note"
    if "press release" in head or not _first(fields, "title", "organizers", "participants", "date_venue"):
        if len(_FUTURE.findall(t)) >= 2 and not _PAST.search(t):
            return "concept_note"
        return "press_release" if len(t) > 200 else "other"
    future = len(_FUTURE.findall(t))
    if future >= 2 and future > len(_PAST.findall(t)):
        return "concept_note"
    return "other"


def _title(doc: Doc, fields: list[Field]) -> tuple[str | None, tuple[Evidence, ...]]:
    t = doc.text
    f = _first(fields, "title")
    if f and squash(t[f.start:f.end]):
        return squash(t[f.start:f.end]).strip(" \"'-–•*"), (doc.evidence(f.start, f.end),)
    first_field = min([x.label_start for x in fields], default=len(t))
    top = t[:first_field]
    q = re.search(r"\"([^\"]{8,300})\"|(?:^|(?<=\s))'([A-Z][^'\n]{8,200}(?:\n+[^'\n]{1,200}){0,3})'(?=\s|$|[.,;:])", top)
    if q:
        g = 1 if q.group(1) else 2
        return squash(q.group(g)), (doc.evidence(q.start(g), q.end(g)),)
    for m in re.finditer(r"[^\n]+", t[: min(len(t), 2000)]):
        line = m.group().strip()
        if not line or re.fullmatch(r"(?i)(?:information|concept)\s+note|press\s+release|for\s+immediate\s+release|"
                                    r"[\W\d]*|(?:un\s+)?news|\w+\s*,?\s*\d{1,2}\s+\w+\s+\d{4}", line):
            continue
        if len(line) <= 220 and not line.endswith("."):
            return squash(line), (doc.evidence(m.start(), m.end()),)
        break
    ph = _EVENT_PHRASE.search(t[:1200])
    if ph:
        title = squash(ph.group(1))
        return title[:1].upper() + title[1:], (doc.evidence(ph.start(1), ph.end(1)),)
    return None, ()


_EVENT_PHRASE = re.compile(
    r"\b(?:an?|the)\s+((?:(?!(?:an?|the)\b)[\w-]+\s+){0,3}?(?:workshop|seminar|conference|training\s+course|course|meeting|"
    r"consultations?|round-?\s?table|dialogue|symposium|webinar)\s+(?:on|for|of|in\s+support\s+of)\s+[^.;()]{3,160}?)"
    r"(?=,|\.|;|\s+(?:held|from|on\s+\d|in\s+[A-Z]|organi[sz]ed|hosted|which|that|was|were|will)\b)",
    re.I,
)


def _event_type(title: str | None, body: str) -> str:
    """The first event word of the title; else the most frequent one in the text."""
    best: tuple[int, str] | None = None
    for name, pat in _TYPES:
        m = re.search(rf"(?i)\b(?:{pat})\b", title or "")
        if m and (best is None or m.start() < best[0]):
            best = (m.start(), name)
    if best:
        return best[1]
    counts = [(len(re.findall(rf"(?i)\b(?:{pat})\b", body)), -i, name) for i, (name, pat) in enumerate(_TYPES)]
    top = max(counts)
    return top[2] if top[0] else "other"


def _pick_date(t: str, a: int, b: int) -> DateSpan | None:
    cands = []
    for d in find_dates(t[a:b]):
        s, e = a + d.start, a + d.end
        before = t[max(a, s - 40):s]
        if "(" in before and ")" not in before and re.search(r"(?i)arrival|departure", t[s - 40:e + 40]):
            continue
        if re.search(r"(?i)\b(?:of|dated|since|until|before|by|in)\s+$", before) and d.precision == "day" \
                and d.start_date == d.end_date and re.search(r"(?i)note\s+verbale?|letter|report", before):
            continue
        cands.append(DateSpan(s, e, d.start_date, d.end_date, d.precision))
    if not cands:
        return None
    for c in cands:
        pre = t[max(a, c.start - 3):c.start]
        if c.start_date != c.end_date and "(" not in pre:
            return c
    for c in cands:
        ctx = t[max(a, c.start - 200):c.end + 200]
        if re.search(r"(?i)\b(?:held|hosted|organi[sz]ed|took\s+place|take\s+place|convened|from|on)\b", ctx) \
                and t[max(a, c.start - 2):c.start].strip() != "(":
            return c
    return cands[0]


def _parse(text: str, source: Source) -> Note:
    doc = clean(text)
    t = doc.text
    fields = segment(t)
    b = _Builder(doc)
    doc_type = _doc_type(t, fields)
    title, title_ev = _title(doc, fields)
    header_kinds = ("title", "organizers", "participants", "date", "venue", "date_venue", "poc", "supporters")
    hdr = [(f.label_start, f.end) for f in fields if f.kind in header_kinds]
    body_spans = _complement(hdr, len(t))
    # dates
    df = _first(fields, "date_venue", "date")
    date = _pick_date(t, df.start, df.end) if df else None
    if date is None:
        date = _pick_date(t, 0, len(t))
    status = "planned" if doc_type == "concept_note" else "held"
    if doc_type in ("press_release", "other") and _FUTURE.search(t) and not _PAST.search(t):
        status = "planned"
    # venue
    venue, venue_ev = _venue(doc, fields, date)
    # actors from header fields
    planned = status == "planned"
    for f in fields:
        if f.kind == "organizers":
            _field_actors(b, f, ("organizer",), None)
        elif f.kind == "supporters":
            role = "funder" if re.search(r"(?i)fund|donor", f.label) else "supporter"
            _field_actors(b, f, (role,), None)
    org_states = [a.iso3 for a in b.actors.values() if a.kind == "state" and "organizer" in a.roles]
    b.host = venue.country or (org_states[0] if org_states else None)
    if b.host:
        acc = b.actors.get(f"state/{b.host}")
        if acc is not None and "organizer" in acc.roles and "host" not in acc.roles:
            acc.roles.append("host")
    for f in fields:
        if f.kind == "participants":
            _participants(b, f, planned)
    has_org = _first(fields, "organizers") is not None
    _body_actors(b, body_spans, date, full=not has_org, planned=planned)
    org_states = [a.iso3 for a in b.actors.values() if a.kind == "state" and "organizer" in a.roles]
    if venue.city and not venue.country and org_states:
        venue = Venue(venue.name, venue.city, org_states[0])
    b.host = b.host or venue.country or (org_states[0] if org_states else None)
    if b.host:
        acc = b.actors.get(f"state/{b.host}")
        if acc is not None and "organizer" in acc.roles and "host" not in acc.roles:
            acc.roles.append("host")
    resolutions = find_resolutions(doc)
    res_names = tuple(dict.fromkeys(r for r, _ in resolutions))
    naps = find_naps(doc, body_spans + [(f.start, f.end) for f in fields if f.kind == "title"], b.host,
                     date.start_date if date else None)
    related = find_related(doc, [(0, len(t))], date.start_date if date else None)
    if date is None:
        b.warnings.append("no event date found")
    if title is None:
        b.warnings.append("no title found")
    return Note(
        source=source, title=title, event_type=_event_type(title, t), status=status, doc_type=doc_type,
        start_date=date.start_date if date else None, end_date=date.end_date if date else None,
        date_precision=date.precision if date else None, venue=venue, actors=b.result(),
        resolutions=res_names, naps=tuple(naps), related_events=tuple(related), title_evidence=title_ev,
        date_evidence=(doc.evidence(date.start, date.end),) if date else (), venue_evidence=venue_ev,
        resolution_evidence=tuple(resolutions), warnings=tuple(b.warnings),
    )


def _complement(spans: list[tuple[int, int]], n: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for a, e in sorted(spans):
        if a > pos:
            out.append((pos, a))
        pos = max(pos, e)
    if pos < n:
        out.append((pos, n))
    return out


def _venue(doc: Doc, fields: list[Field], date: DateSpan | None) -> tuple[Venue, tuple[Evidence, ...]]:
    t = doc.text
    vf = _first(fields, "venue")
    if vf and t[vf.start:vf.end].strip():
        val = t[vf.start:vf.end]
        ms = find_mentions(t, vf.start, vf.end, list_like=True)
        org = next((m for m in ms if m.entity is not None and m.entity.kind != "state"), None)
        if org is not None and org.entity is not None:
            e = org.entity
            return Venue(org.name, e.seat_city, e.seat_country), (doc.evidence(vf.start, vf.end),)
        city, country = _place(squash(val))
        return Venue(None, city, country), (doc.evidence(vf.start, vf.end),)
    df = _first(fields, "date_venue")
    if df and date and df.start <= date.start < df.end:
        rest = t[date.end:df.end]
        city, country = _place(squash(rest).strip(" ,"))
        if city or country:
            return Venue(None, city, country), (doc.evidence(date.end, df.end),)
        return Venue(), ()
    if date:  # prose: "... from 24 to 28 October 2016 in Santiago, Chile"
        for rx in (r"\s*,?\s*(?:in|at)\s+((?:the\s+)?[A-Z][^.;()\n]{1,60})",):
            m = re.compile(rx).match(t, date.end)
            if m:
                cand = re.split(r",?\s+(?:in\s+cooperation|with|on|from|to|by|for|organi[sz]ed|and\s+was)\b|,\s*(?=[a-z])",
                                m.group(1))[0]
                city, country = _place(cand)
                if city or country:
                    return Venue(None, city, country), (doc.evidence(m.start(1), m.start(1) + len(cand)),)
        before = t[max(0, date.start - 80):date.start]
        m = re.search(r"\bin\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?(?:,\s*[A-Z][\w'’. -]+)?),?\s*(?:on|from|between)?\s*$", before)
        if m:
            city, country = _place(m.group(1))
            if city or country:
                off = max(0, date.start - 80)
                return Venue(None, city, country), (doc.evidence(off + m.start(1), off + m.end(1)),)
        m = re.search(r"\b(?:held|take\s+place|took\s+place|hosted|convened|organi[sz]ed)\s+(?:in|at)\s+"
                      r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?(?:,\s*[A-Z][\w'’. -]+)?)", t)
        if m:
            city, country = _place(m.group(1))
            if city or country:
                return Venue(None, city, country), (doc.evidence(m.start(1), m.end(1)),)
    return Venue(), ()


def _field_actors(b: _Builder, f: Field, default: tuple[str, ...], listed: str | None) -> None:
    t = b.doc.text
    ms = [m for m in find_mentions(t, f.start, f.end, list_like=True) if not _ON_PART.search(t[:m.start])]
    for m, roles in assign_roles(t, f.start, f.end, ms, default):
        b.add(m, roles, listed)
    _two_states(b, ms)


def _two_states(b: _Builder, ms: list[Mention]) -> None:
    t = b.doc.text
    for x, y in zip(ms, ms[1:], strict=False):
        if x.entity and y.entity and x.entity.kind == y.entity.kind == "state" and x.entity is not HOST \
                and y.entity is not HOST and re.fullmatch(r"[ \t]+", t[x.end:y.start]):
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
        for s, se in sentences(t, a, e, paragraphs=False):
            ms = [m for m in find_mentions(t, s, se, list_like=True) if not _ON_PART.search(t[max(0, m.start - 30):m.start])]
            dflt = default
            if lab and re.search(r"(?i)speaker|presenter|resource\s+person", lab):
                dflt = default + ("speaker",)
            for m, roles in assign_roles(t, s, se, ms, dflt):
                if planned and "participant" in roles:
                    roles = tuple("invited" if r == "participant" else r for r in roles)
                b.add(m, roles, lab)
            _two_states(b, ms)


def _body_actors(b: _Builder, spans: list[tuple[int, int]], date: DateSpan | None, *, full: bool,
                 planned: bool) -> None:
    """Prose rules over body sentences. `full`: no organiser field, so roles come from the prose;
    otherwise only speaker/invitation sentences add roles to names already known or curated."""
    t = b.doc.text
    for a, e in spans:
        for s, se in sentences(t, a, e):
            # no default roles here: a sentence without a cue that can survive gives no role
            if not has_cue(t, s, se, talk_only=not full):
                continue
            sent = t[s:se]
            ds = list(find_dates(sent))
            if ds and date and all(d.start_date != date.start_date for d in ds):
                continue  # another event
            if re.search(r"\(\s*\d{1,2}[^()]*\d{4}[^()]*\)", sent):
                continue
            if re.search(r"(?i)\bplease\s+contact\b|\bcontact\b.*@", sent):
                continue
            ms = [m for m in find_mentions(t, s, se, list_like=False)
                  if not _ON_PART.search(t[max(0, m.start - 30):m.start])
                  and not (m.entity is not None and m.entity.kind == "state"
                           and _PLACE_BEFORE.search(t[max(0, m.start - 40):m.start]))]
            about_event = bool(_EVENT_NOUN.search(sent) or re.match(r"(?:It|This|They)\b", sent))
            for m, roles in assign_roles(t, s, se, ms, ()):
                if not about_event:
                    roles = tuple(r for r in roles if r not in ("organizer", "host", "supporter", "funder"))
                if not full:
                    roles = tuple(r for r in roles if r in ("speaker", "invited"))
                    if m.entity is None or not roles:
                        continue
                if planned:
                    roles = tuple("invited" if r == "participant" else r for r in roles)
                if roles:
                    b.add(m, roles)
