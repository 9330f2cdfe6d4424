"""Where the event was: the venue field, else the place said next to the event's date, else a
place the prose puts the event in (not one of other events the note speaks of)."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import re

from .body import place
from .dates import DAY, MONTH, DateSpan
from .editions import SENT_END, other_event
from .event import field_of
from .header import Field
from .mentions import find_mentions
from .model import Evidence, Venue
from .names import resolve, scan, seat
from .places import city_country, town_countries, town_in
from .text import Doc, squash, straightened

__all__ = ["as_written", "dateline_venue", "find_venue", "tidied"]

_VENUE_END = re.compile(
    r",?\s+(?:in\s+cooperation|with|on|from|to|by|for|organi[sz]ed|and\s+was|city|town)\b|,\s*(?=[a-z])|"
    r"\s+(?=the\s+[a-z])"  # "in Hofburg, Vienna the plenary session"
)
_CITY_COUNTRY_BEFORE = re.compile(
    r"([A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2},\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}),?\s*"
    r"(?:on|from)?\s*$"
)
_IN_PLACE_BEFORE = re.compile(
    r"\bin\s+([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)?(?:,\s*[A-Z][\w'’. -]+)?),?\s*(?:on|from|between)?\s*$"
)
_IN_AFTER_DATE = re.compile(
    r"\s*,?\s*(?:in|at)\s+(?:the\s+(?:country['’]s\s+|nation['’]s\s+)?capital(?:\s+city)?,?\s+)?"
    r"((?:the\s+)?[A-Z][^.;()\n]{1,60})"  # "in Santiago, Chile", "in the country's capital, Kingston"
)
# a date-and-place line: "26-27 June 2014, Rakitje, Croatia"
_PLACE_LINE_AFTER_DATE = re.compile(r"[ \t]*,[ \t]*([A-Z][^.;()\n]{1,60}?)[ \t]*(?=\n|$)")
# "in the Moroccan city of Marrakesh", "in the port city of Durban": the city's name follows
_CITY_OF = (
    r"(?:the\s+(?:[A-Z][\w'’-]+\s+)?(?:(?:port|coastal|resort|capital|historic)\s+)?(?:city|town)\s+of\s+"
    # "in Ethiopia's capital Addis Ababa", "in Kenya's port city of Mombasa"
    r"|[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?['’]s\s+(?:capital|(?:port|coastal|resort|second|largest)\s+city)"
    r"(?:\s+city)?(?:\s+of)?,?\s+)?"
)
# a sentence's end after a word ("took place in Windhoek." and "in Lodz, Poland. Experts ...";
# not "Washington D.C." nor "St. Petersburg")
_FULL_STOP = re.compile(r"(?<=[^\W\dA-Z_]{3})\.(?:$|\s+(?=[A-Z]).*)", re.S)
_HELD_IN = re.compile(
    r"\b(?:held|tak(?:e|es|ing)\s+place|took\s+place|hosted|convened|organi[sz]ed|met|gathered|concluded|closed|ended|began|opened|kicked\s+off)\s+"
    # "is taking place from today until July 15 in Mexico City": the dates before the place
    rf"(?:(?:from|on|until|till|to|through|today|and|{DAY},?|(?:19|20)\d\d,?|{MONTH})\s+){{0,6}}"
    # "hosted the workshop in Accra": the event, between the verb and the place
    r"(?:(?:the|a|an|this|its|their)\s+(?:[\w-]+\s+){0,3}?(?:workshop|seminar|course|training|conference|meeting|event|exercise)s?\s+)?"
    # "concluded at Heritage Park in Honiara", "took place at the Field Lab of the Netherlands
    # Forensic Institute in The Hague": the city after the building
    r"(?:at\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,6}\s+(?=in\s))?(?:in|at)\s+"
    + _CITY_OF
    # the place's words on one line ("held in Islamabad.\n\nCo-organised by" ends at the city)
    + r"([A-Z][\w'’.-]+(?:[ \t]+[A-Z][\w'’.-]+)?(?:,[ \t]*[A-Z][\w'’. \t-]+)?)"
)


def find_venue(
    doc: Doc,
    fields: list[Field],
    date: DateSpan | None,
    spans: list[tuple[int, int]],
    title: tuple[int, int] = (0, 0),
) -> tuple[Venue, tuple[Evidence, ...]]:
    """The venue field; else the date-and-venue field after its date; else the place next to the
    event's date in the prose; else a known city the prose puts the event in (`spans`: the body);
    else a town the title names. A city the gazetteer lacks takes the State the note names right
    after it elsewhere ("... workshop March 13 and 14, Tianjin" and "in Tianjin, China")."""
    venue, ev = _venue(doc, fields, date, spans)
    if not (venue.city or venue.country):
        venue, ev = _in_title(doc, *title)
    if not (venue.city or venue.country):
        venue, ev = _at_building(doc, date, spans)
    if venue.city and not venue.country:
        for m in re.finditer(re.escape(venue.city) + _STATE_AFTER, doc.text):
            city, country = place(_FULL_STOP.sub("", m.group()))
            if city == venue.city and country:
                return Venue(venue.name, city, country), (*ev, doc.evidence(m.start(), m.end()))
        iso = _named_town(doc.text, venue.city)  # "in Ulaangom city" of Mongolia
        if iso:
            return Venue(venue.name, venue.city, iso), ev
    return venue, ev


def _place_said(said: str) -> tuple[str, str | None, str | None]:
    """The place `said` names (what of it is said, city, country): a town place() cannot
    place is the longest run of its first words that is a known city ("in Hanoi Vietnam Agency
    for Radiation ...", a missing comma)."""
    city, country = place(said)
    if city is None or country is not None or city_country(city):
        return said, city, country
    for end in reversed([w.end() for w in _WORD.finditer(said)][:-1]):
        head = said[:end]
        if city_country(head):
            return head, *place(head)
    return said, city, country


_WORD = re.compile(r"\S+")


def _at_building(
    doc: Doc, date: DateSpan | None, spans: list[tuple[int, int]]
) -> tuple[Venue, tuple[Evidence, ...]]:
    """A known city after a building the prose puts something at ("at the Cinnamon Grand Hotel,
    Colombo today"), in a sentence about the event."""
    t = doc.text
    for a, e in spans:
        for m in _BUILDING_CITY.finditer(t, a, e):
            iso = city_country(m.group(1))
            if iso and not other_event(t, m.start(), m.end(), date):
                return Venue(None, m.group(1), iso), (doc.evidence(m.start(1), m.end(1)),)
    return Venue(None, None, None), ()


_BUILDING_CITY = re.compile(
    r"\bat\s+the\s+(?:[A-Z][\w'’&-]*\s+){1,5}(?:Hotel|Hall|Centre|Center|Palace|Resort|House|"
    r"Building|Headquarters|Complex),?\s+(?:in\s+)?([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)"
)


def _named_town(text: str, town: str) -> str | None:
    """The country of a town of one country only, when the note names that country or one of
    its bodies ("the U.S. Department of Homeland Security")."""
    only = town_countries(town)
    if len(only) != 1:
        return None
    iso = next(iter(only))
    named = any(m.entity.iso3 == iso for m in scan(text))
    return iso if named else None


_STATE_AFTER = r",\s*[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"


def _venue(
    doc: Doc, fields: list[Field], date: DateSpan | None, spans: list[tuple[int, int]]
) -> tuple[Venue, tuple[Evidence, ...]]:
    t = doc.text
    vf = field_of(fields, "venue")
    if vf and t[vf.start : vf.end].strip():
        val = t[vf.start : vf.end]
        ms = find_mentions(t, vf.start, vf.end, list_like=True)
        org = next((m for m in ms if m.entity is not None and m.entity.kind != "state"), None)
        city, country = place(squash(val))
        if org is not None and org.entity is not None:
            if not (city and (country or city_country(city))):  # no known place said
                city, country = seat(org.entity) or (None, country)
            return Venue(org.name, city, country), (doc.evidence(vf.start, vf.end),)
        return Venue(None, city, country), (doc.evidence(vf.start, vf.end),)
    df = field_of(fields, "date_venue")
    if df and date and df.start <= date.start < df.end:
        rest = t[date.end : df.end]
        city, country = place(squash(rest).strip(" ,"))
        if city or country:
            return Venue(None, city, country), (doc.evidence(date.end, df.end),)
        return Venue(), ()
    if date:  # prose: "... from 24 to 28 October 2016 in Santiago, Chile"
        for rx in (_IN_AFTER_DATE, _PLACE_LINE_AFTER_DATE):
            m = rx.match(t, date.end)
            if m:
                cand, city, country = _place_said(_VENUE_END.split(m.group(1))[0])
                if city or country:
                    return Venue(None, city, country), (
                        doc.evidence(m.start(1), m.start(1) + len(cand)),
                    )
        before = t[max(0, date.start - 80) : date.start]
        m = _IN_PLACE_BEFORE.search(before)
        off = max(0, date.start - 80)
        if m and not any(a <= off + m.start() < e for a, e in spans):
            m = None  # "Published on 10 April 2014 in": a page's stamp, not the prose
        if m:
            city, country = place(m.group(1))
            if city or country:
                return Venue(None, city, country), (doc.evidence(off + m.start(1), off + m.end(1)),)
        m = _CITY_COUNTRY_BEFORE.search(before)
        if m and any(a <= off + m.start() < e for a, e in spans):
            city, country = place(m.group(1))  # "..., Addis Ababa, Ethiopia, 10-11 December"
            town = _town(city, country) if city and country else None
            if town:  # "Regional Workshop for the Pacific Region Nadi, Fiji, 27-28 July 2017"
                return Venue(None, town, country), (doc.evidence(off + m.start(1), off + m.end(1)),)
        for m in _HELD_IN.finditer(t):
            if other_event(t, m.start(), m.end(), date):
                continue  # "Previous courses took place in Qingdao, China, in 2015"
            hq = _seat(t, m.start(1))
            if hq is not None:
                return hq, (doc.evidence(m.start(1), m.end(1)),)
            said = _VENUE_END.split(m.group(1))[0]  # "gathered in Tokyo, Japan to strengthen"
            said, city, country = _place_said(_FULL_STOP.sub("", said))
            if city or country:
                return Venue(None, city, country), (
                    doc.evidence(m.start(1), m.start(1) + len(said)),
                )
            break
    return _venue_in_prose(doc, spans, date)


def as_written(venue: Venue, evidence: tuple[Evidence, ...]) -> Venue:
    """The city's name as its quote writes it: the matching text reads "Łódź" as "Lódź"."""
    city = venue.city
    if not city or any(city in e.text for e in evidence):
        return venue
    for e in evidence:
        i = straightened(e.text).find(city)
        if i >= 0:  # its letters only: a typographic quote or hyphen stays straight ("Xi'an")
            said = zip(city, e.text[i : i + len(city)], strict=True)
            written = "".join(w if w.isalpha() else c for c, w in said)
            return Venue(venue.name, written, venue.country)
    return venue


def tidied(venue: Venue) -> Venue:
    """A city as written in a heading, made a name: "PUTRAJAYA" -> "Putrajaya", "Jakarta
    Indonesia" -> "Jakarta" in IDN."""
    city, country = venue.city, venue.country
    if not city:
        return venue
    if city.isupper() and len(city) > 3:
        city = city.title()
    words = city.split()
    for n in (3, 2, 1):
        if len(words) > n:
            ent = resolve(" ".join(words[-n:]))
            # ... not the end of a name ("Ciudad de Panamá")
            if (
                ent is not None
                and ent.kind == "state"
                and country in (None, ent.iso3)
                and words[-n - 1][:1].isupper()
            ):
                city, country = " ".join(words[:-n]), ent.iso3
                break
    return Venue(venue.name, city, country)


def dateline_venue(
    doc: Doc, dateline: tuple[int, int] | None
) -> tuple[Venue, tuple[Evidence, ...]]:
    """The place of a news item's dateline ("ANTALYA, Turkey - Experts ... took part in"), for a
    note that says no other (`dateline`: its span, from loaders.dateline)."""
    if dateline is None:
        return Venue(), ()
    city, country = place(squash(doc.text[dateline[0] : dateline[1]]))
    return Venue(None, city, country), (doc.evidence(*dateline),)


def _in_title(doc: Doc, start: int, end: int) -> tuple[Venue, tuple[Evidence, ...]]:
    """A town the title puts its subject in ("Central African States strategize in Douala,
    Cameroon to support ..."): a known city, or a town written with its country."""
    for m in _IN_CITY.finditer(doc.text, start, end):
        said = _VENUE_END.split(m.group("p"))[0]
        city, country = place(said)
        if city and country and town_in(city, country):
            return Venue(None, city, country), (
                doc.evidence(m.start("p"), m.start("p") + len(said)),
            )
    return Venue(), ()


def _town(said: str, country: str) -> str | None:
    """The last words of `said` that name a town of `country` ("Pacific Region Nadi", FJI ->
    "Nadi")."""
    words = said.split()
    for n in range(min(3, len(words)), 0, -1):
        name = " ".join(words[-n:])
        if town_in(name, country):
            return name
    return None


# "held at United Nations Headquarters", "at the OSCE Secretariat"
_AT_SEAT = re.compile(
    r"(?:the\s+)?(?P<org>[A-Z][\w'’.() -]{1,80}?)\s+(?:[Hh]eadquarters|Secretariat|premises)\b"
)


def _seat(t: str, at: int) -> Venue | None:
    """The seat of the organisation whose headquarters t[at:] names ("United Nations
    Headquarters" -> New York), when the gazetteer knows its seat and no city follows."""
    m = _AT_SEAT.match(t, at)
    if m is None or re.match(r",\s*[A-Z]", t[m.end() : m.end() + 3]):
        return None  # "at the OSCE Secretariat, Vienna": the place said is read as usual
    org = next(iter(find_mentions(t, m.start("org"), m.end("org"), list_like=False)), None)
    found = seat(org.entity) if org is not None and org.entity is not None else None
    return Venue(squash(m.group(0)), *found) if found else None


# "in Istanbul", "visit Washington", "travelled to Paramaribo", "in the premises of the X (ACR) in Bangkok"
_IN_CITY = re.compile(
    r"\b(in|at|In|At|visit|visited|visiting|travell?(?:ed|ing)\s+to)\s+"
    + _CITY_OF
    + r"(?P<p>[A-Z][\w'’.-]+(?:[ -][A-Z][\w'’.-]+){0,2}"
    r"(?:,\s*(?:the\s+)?[A-Z][\w'’.-]+(?:\s+(?:and\s+)?[A-Z][\w'’.-]+){0,3})?)"
)
_MONTH_AFTER = re.compile(rf"\s+(?:{MONTH})$")
_PREMISES = re.compile(
    r"\b(?:premises|headquarters|offices?)\s+of\s+(?:the\s+)?(?P<org>[A-Z][^,.;()]{2,120}?)\s*(?:\([A-Z]{2,10}\)\s*)?$"
)


def _venue_in_prose(
    doc: Doc, spans: list[tuple[int, int]], date: DateSpan | None
) -> tuple[Venue, tuple[Evidence, ...]]:
    """A venue said in the prose about the event, not next to its date: the first known city
    after "in", "at" or "visit" in a sentence that speaks of the event; else the first State
    after "in" in a sentence that says the event was held, hosted or organised. A sentence
    dated otherwise than the event ("held in September 2015 in China") speaks of another."""
    t = doc.text
    first: tuple[Venue, tuple[Evidence, ...]] | None = None
    land: tuple[Venue, tuple[Evidence, ...]] | None = None
    for a, e in spans:
        for m in _IN_CITY.finditer(t, a, min(e, a + 4000)):
            sent_start = max((x.end() for x in SENT_END.finditer(t, a, m.start())), default=a)
            end_at = SENT_END.search(t, m.end(), e)
            sent_end = end_at.start() if end_at else e
            if not _EVENT_WORD.search(t, sent_start, sent_end):
                continue
            if other_event(t, sent_start, sent_end, date, sentence=True):
                continue
            said = m.group("p")
            said = said[: said.index(". ")] if ". " in said else said  # "in Phnom Penh. This"
            said = _FULL_STOP.sub("", said)  # "in Addis Ababa." at a line's end
            said = _MONTH_AFTER.sub("", said)  # "in Kingston June 15-17"
            city, country = place(said)
            # a known city, a town with its country, or a town of one country that the note
            # names ("closed in Swakopmund": find_venue then puts it there)
            known = city is not None and bool(city_country(city) or _named_town(t, city))
            if city and (known or country and "," in said):
                pm = _PREMISES.search(t, max(sent_start, m.start() - 160), m.start())
                got = (
                    Venue(squash(pm.group("org")) if pm else None, city, country),
                    (doc.evidence(m.start("p"), m.start("p") + len(said)),),
                )
                if pm:  # "in the premises of ESCAP in Bangkok" names the place most fully
                    return got
                first = first or got
            elif (
                land is None
                and m.group(1) in ("in", "In")
                and _EVENT_DONE.search(t, sent_start, sent_end)
            ):
                c = _IN_STATE.match(t, m.start("p"))
                state = c and _state_prefix(c.group(0))
                if c and state:
                    land = (
                        Venue(None, None, state[1]),
                        (doc.evidence(c.start(), c.start() + len(state[0])),),
                    )
    return first or land or (Venue(), ())


# "in Antigua and Barbuda": the longest run of capitalised words (joined by "and") naming a State
_IN_STATE = re.compile(r"[A-Z][\w'’-]+(?:\s+(?:and\s+)?[A-Z][\w'’-]+){0,4}")
_EVENT_DONE = re.compile(
    r"(?i)\b(?:held|hosted|took\s+place|takes?\s+place|convened|organi[sz]ed|co-?hosts?|conducted)\b"
)


def _state_prefix(words: str) -> tuple[str, str] | None:
    """The longest leading run of `words` that is a State's name, with its ISO code."""
    parts = words.split()
    for n in range(len(parts), 0, -1):
        said = " ".join(parts[:n])
        if said.endswith(" and"):
            continue
        city, country = place(said)
        if country and not city:
            return said, country
    return None


_EVENT_WORD = re.compile(
    r"(?i)\b(?:held|hosted|took\s+place|take\s+place|convened|organi[sz]ed|workshops?|seminars?|"
    r"conferences?|meetings?|courses?|training|round-?\s?tables?|dialogues?|consultations?|visits?|"
    r"missions?|events?|exercises?|gathered|met|delegation|concluded|(?:one|two|three|four|five)-day)\b"
)
