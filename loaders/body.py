"""Facts read from the body: resolutions, NAP statements, related (earlier) events."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import functools
import re

from .dates import MONTH, find_dates
from .guard import Anchored, Guarded
from .mentions import HOST, find_mentions
from .model import Evidence, NapStatement, RelatedEvent
from .names import gazetteer, scan
from .places import city_country
from .prose import sentences
from .text import Doc, squash

__all__ = ["find_naps", "find_related", "find_resolutions"]

_RES_HEAD = Anchored(
    re.compile(
        r"(?i)\b(?:UNSCR|UNSC\s+resolutions?|Security\s+Council\s+resolutions?|resolutions?|S/RES/)\s*"
    ),
    ("unsc", "security", "resolution", "s/res/"),
)
_RES_ITEM = re.compile(r"(?:No\.?\s*)?(\d{3,4})(?:\s*\(\s*((?:19|20)\d\d)[^()]{0,20}\))?")
_RES_SEP = re.compile(r"\s*(?:,|and|&|as\s+well\s+as)\s*(?:resolutions?\s*|UNSCR\s*)?")
_BARE = re.compile(r"(?<![\w/])(\d{4})\s*\(\s*((?:19|20)\d\d)\s*\)")
_COMMITTEE_AFTER = re.compile(r"\s*Committee")
_COMMA = re.compile(r",")
_PLACELIKE = re.compile(r"[A-Z][\w'’.-]+(?:[\s-][A-Z][\w'’.-]+){0,2}")
# "Pan Pacific Hotel", "Kenyatta International Conference Centre": a building, not a town
_BUILDING = re.compile(
    r"\b(?:Hotel|Centre|Center|Hall|Building|Palace|House|Resort|Headquarters|Campus|Complex)\b"
)
# "in Southeast Asia", "in the South Caucasus": a region, not a town
_REGION = re.compile(
    r"(?:(?:South|North|East|West|Central|Southeast|South-East|Northeast|Southern|Northern|"
    r"Eastern|Western|Latin)[\s-]+)?(?:Asia|Africa|Europe|America|Americas|Caribbean|Pacific|"
    r"Balkans|Caucasus|Mediterranean|Middle\s+East|Gulf|Sahel|Maghreb|Levant|Indo-Pacific|"
    r"Asia-Pacific|Asia\s+Pacific|Eurasia|Oceania|Region)"
)
_ARRIVAL = re.compile(r"(?i)arrival|departure")
_MONTH_WORD = re.compile(rf"(?:{MONTH})\b")  # "held in October 2017": not a place
_IN_AT_PLACE = re.compile(r"\s*(?:in|at)\s+([^.;()\n]{2,60})")
_ACRONYM_PAREN = re.compile(r"\([A-Z][A-Za-z-]{1,12}\)")
_QUOTED_BEFORE = re.compile(r"\"([^\"]{5,250})\"\s*(?:,?\s*which\s+was|,)?\s*$")
_ORGANIZED_CUT = re.compile(r",\s*(?:organi[sz]ed|hosted|convened|held|jointly)\b")
_LEAD_WORDS = re.compile(r"(?i)^(?:and|in|the|a|an|participation\s+in|including)\s+")


@functools.cache
def _years() -> dict[str, int]:
    table: dict[str, int] = {
        k: int(v) for k, v in gazetteer()["states"]["resolution_years"].items()
    }
    return table


def _res(num: str, year: str | None) -> str:
    """'1540 (2004)'. Year-less mentions of resolutions in the adoption table are normalised with it
    (documented choice: 'UNSCR 1540' means resolution 1540 (2004)); unknown ones stay 'NNNN'."""
    y = year or (str(_years()[num]) if num in _years() else None)
    return f"{num} ({y})" if y else num


# every _BARE match holds one of these, at its "(": the match starts at the 4 digits before it
_BARE_YEAR = re.compile(r"\(\s*(?:19|20)\d\d\s*\)")


def _bare(text: str) -> list[re.Match[str]]:
    """`_BARE.finditer(text)`, tried only before each "(year)" (the pattern starts with a
    look-behind, slow to scan for)."""
    out: list[re.Match[str]] = []
    end = 0
    for y in _BARE_YEAR.finditer(text):
        j = y.start()
        while j > 0 and text[j - 1].isspace():
            j -= 1
        if j - 4 < end:
            continue
        m = _BARE.match(text, j - 4)
        if m:
            out.append(m)
            end = m.end()
    return out


def find_resolutions(doc: Doc) -> list[tuple[str, Evidence]]:
    text = doc.text
    out: list[tuple[str, Evidence]] = []
    seen: set[tuple[str, int]] = set()

    def add(num: str, year: str | None, a: int, b: int) -> None:
        if not 1000 <= int(num) <= 3000:
            return
        if year and num in _years() and int(year) != _years()[num]:
            year = str(_years()[num])
        key = (_res(num, year), a)
        if key not in seen:
            seen.add(key)
            out.append((key[0], doc.evidence(a, b)))

    for h in _RES_HEAD.finditer(text):
        pos = h.end()
        while True:
            m = _RES_ITEM.match(text, pos)
            if not m:
                break
            if _COMMITTEE_AFTER.match(text[m.end() : m.end() + 12]) and not m.group(2):
                break
            add(m.group(1), m.group(2), h.start() if pos == h.end() else m.start(), m.end())
            sep = _RES_SEP.match(text, m.end())
            if not sep or not _RES_ITEM.match(text, sep.end()):
                break
            pos = sep.end()
    for m in _bare(text):
        if m.group(1) in _years() and not any(
            e.start <= doc.raw_span(m.start(), m.end())[0] < e.end for _, e in out
        ):
            add(m.group(1), m.group(2), m.start(), m.end())
    # unique by resolution, evidence of every mention kept
    return out


_NAP = Anchored(
    re.compile(
        r"(?i)\b(?:national\s+(?:implementation\s+)?action\s+plans?|NAPs?\b|action\s+plans?|road\s*-?\s*maps?|"
        r"implementation\s+plans?|such\s+(?:a\s+)?plans?|plans?\s+of\s+action)"
    ),
    ("national", "nap", "action", "road", "implementation", "such", "plan"),
)
_NAP_STATUS: list[tuple[str, Guarded]] = [
    (
        "submitted",
        Guarded(
            re.compile(
                r"(?i)\bsubmitted\b|\bhanded\s+over\b|"
                r"\bpresented\s+(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:plans?|NAPs?|road\s*-?\s*maps?)\b"
            ),
            ("submitted", "presented", "handed"),
        ),
    ),
    (
        "updated",
        Guarded(
            re.compile(
                r"(?i)\b(?:updated|revised)\s+(?:its|their|the)\s+(?:national\s+)?(?:implementation\s+)?"
                r"(?:action\s+)?plan|\bplan\s+(?:was|has\s+been|had\s+been)\s+(?:updated|revised)"
            ),
            ("updated", "revised"),
        ),
    ),
    (
        "adopted",
        Guarded(
            re.compile(
                r"(?i)\badopted\b|\bapproved\b|\bfirst\s+State\b[^.]{0,60}\bprepare\b|"
                r"\bhas\s+(?:a|an)\s+(?:national\s+)?(?:action\s+)?plan\b|\bfinali[sz]ed\b"
            ),
            ("adopted", "approved", "prepare", "plan", "finali"),
        ),
    ),
    (
        "in_preparation",
        Guarded(
            re.compile(
                r"(?i)\b(?:is|are|was|were)\s+(?:currently\s+)?(?:preparing|developing|drafting|elaborating)\b|"
                r"\bin\s+(?:the\s+)?(?:process|course)\s+of\b|\bbeing\s+(?:prepared|developed|drafted)\b|\bworking\s+on\b"
            ),
            (
                "preparing",
                "developing",
                "drafting",
                "elaborating",
                "process",
                "course",
                "being",
                "working",
            ),
        ),
    ),
    ("draft", Guarded(re.compile(r"(?i)\bdraft(?:ed|ing|s)?\b"), ("draft",))),
    (
        "intended",
        Guarded(
            re.compile(
                r"(?i)\bintend(?:s|ed)?\b|\bwith\s+a\s+view\s+(?:of|to)\b|\bplans?\s+to\s+(?:prepare|develop)|"
                r"\bwillingness\b|\bexpressed\s+(?:its|their)\s+interest\b|\bwill\s+(?:prepare|develop)\b"
            ),
            ("intend", "view", "plan", "will", "interest"),
        ),
    ),
    (
        "in_preparation",
        Guarded(
            re.compile(
                r"(?i)\bprepar(?:e|ing|ation)\b|\bdevelop(?:ing|ment)\b|\bwork(?:ing)?\s+on\s+(?:its|their|the|a)?\b|\bto\s+develop\s+(?:its|their)\b|"
                r"\belaborat(?:e|ing|ion)\b"
            ),
            ("prepar", "develop", "work", "elaborat"),
        ),
    ),
]


_CLAUSE = re.compile(r",?\s+(?:and|while|whereas|but)\s+(?=(?:the\s+)?[A-Z])|;\s+")


def _status(text: str) -> str | None:
    return next((st for st, rx in _NAP_STATUS if rx.search(text)), None)


def find_naps(
    doc: Doc, spans: list[tuple[int, int]], host: str | None, event_date: str | None
) -> list[NapStatement]:
    """NAP statements: a NAP cue and a State (or 'the host') in the same sentence of the body."""
    text = doc.text
    out: dict[tuple[str, str], NapStatement] = {}
    for a, b in spans:
        # no NAP cue in the span, none in its sentences (a sentence ends before a non-word
        # character or at the span's end, so a cue in it is a cue in the span)
        if not _NAP.search(text, a, b):
            continue
        for s, e in sentences(text, a, b):
            if not _NAP.search(text, s, e):
                continue
            sent = text[s:e]
            status = _status(sent)
            if status is None:
                continue
            # clauses: 'Peru had adopted its plan, and Colombia intends to prepare one'
            mentions = find_mentions(text, s, e, list_like=False)
            cuts = (
                [s]
                + [
                    s + m.end()
                    for m in _CLAUSE.finditer(sent)
                    if not any(x.start < s + m.end() < x.end for x in mentions)
                ]
                + [e]
            )
            for cs, ce in zip(cuts, cuts[1:], strict=False):
                cstatus = _status(text[cs:ce]) or status
                isos: list[str] = []
                for m in mentions:
                    if not cs <= m.start < ce:
                        continue
                    if m.entity is HOST and host:
                        isos.append(host)
                    elif m.entity is not None and m.entity.kind == "state" and m.entity.iso3:
                        isos.append(m.entity.iso3)
                dates = list(find_dates(text[cs:ce])) or list(find_dates(sent))
                when = dates[0].start_date if dates else event_date
                for iso in dict.fromkeys(isos):
                    out.setdefault(
                        (iso, cstatus), NapStatement(iso, cstatus, when, (doc.evidence(s, e),))
                    )
    return list(out.values())


_PAREN_EVENT = re.compile(r"\(([^()]{6,120})\)")
_HELD = Anchored(
    re.compile(
        r"(?i)\b(?:held|took\s+place|organi[sz]ed|convened)\s+(?:on\s+|from\s+|between\s+|in\s+)?"
    ),
    ("held", "took", "organi", "convened"),
)


_IN_TAIL = re.compile(r"\s(?:in|at)\s+([A-Z][^,]*)$")


@functools.lru_cache(maxsize=1 << 14)
def place(text: str) -> tuple[str | None, str | None]:
    """'Ashgabat, Turkmenistan' -> ('Ashgabat', 'TKM'); 'Hilton Hotel, Amman, Jordan' -> ('Amman', 'JOR')."""
    parts = [p.strip(" .") for p in _COMMA.split(text) if p.strip(" .")]
    country_at: int | None = None
    country: str | None = None
    for i, part in enumerate(parts):
        ms = scan(part)
        if ms and ms[0].entity.kind == "state" and ms[0].end - ms[0].start >= len(part) - 1:
            country_at, country = i, ms[0].entity.iso3
            break
    placelike = [
        bool(_PLACELIKE.fullmatch(p))
        and not _MONTH_WORD.match(p)
        and not _BUILDING.search(p)
        and not _REGION.fullmatch(p)
        for p in parts
    ]
    city: str | None = None
    if country_at is not None:
        before = parts[country_at - 1] if country_at > 0 else ""
        inner = _IN_TAIL.search(before)  # "the UN Conference Centre in Addis Ababa, Ethiopia"
        if before and placelike[country_at - 1]:
            city = before
        elif inner and _PLACELIKE.fullmatch(inner[1]) and not _MONTH_WORD.match(inner[1]):
            city = inner[1]
    else:  # "Hofburg, Vienna": a known city rather than the building before it
        said = [p for p, ok in zip(parts, placelike, strict=True) if ok]
        city = next((p for p in said if city_country(p)), said[0] if said else None)
    if city and country is None:
        country = city_country(city)
    return city, country


def find_related(
    doc: Doc, spans: list[tuple[int, int]], main_start: str | None
) -> list[RelatedEvent]:
    """Earlier or related events: '(1-3 December 2009, Ashgabat, Turkmenistan)', 'held 14-17 June 2010 in
    Split, Croatia'."""
    text = doc.text
    out: list[RelatedEvent] = []
    for a, b in spans:
        for m in _PAREN_EVENT.finditer(text, a, b):
            inner = m.group(1)
            ds = list(find_dates(inner))
            if not ds or ds[0].start > 3 or ds[0].start_date == main_start:
                continue
            if _ARRIVAL.search(inner):
                continue
            city, country = place(inner[ds[0].end :])
            title = _title_before(text, a, m.start())
            out.append(
                RelatedEvent(
                    title,
                    ds[0].start_date,
                    ds[0].end_date,
                    city,
                    country,
                    (doc.evidence(m.start(), m.end()),),
                )
            )
        for m in _HELD.finditer(text, a, b):
            ds = list(find_dates(text[m.end() : m.end() + 60]))
            if not ds or ds[0].start != 0 or ds[0].start_date == main_start:
                continue
            rest = text[m.end() + ds[0].end : m.end() + ds[0].end + 80]
            pm = _IN_AT_PLACE.match(rest)
            city, country = place(pm.group(1)) if pm else (None, None)
            title = _title_before(text, a, m.start())
            end = m.end() + ds[0].end + (pm.end() if pm else 0)
            out.append(
                RelatedEvent(
                    title,
                    ds[0].start_date,
                    ds[0].end_date,
                    city,
                    country,
                    (doc.evidence(m.start(), end),),
                )
            )
    return out


def _title_before(text: str, floor: int, pos: int) -> str | None:
    seg = text[max(floor, pos - 400) : pos]
    seg = _ACRONYM_PAREN.sub(lambda m: " " * len(m.group()), seg)
    q = _QUOTED_BEFORE.search(seg)
    if q:
        return squash(q.group(1))
    cut = max(seg.rfind(c) for c in (";", ":", ". ", ")", "\n\n"))
    part = seg[cut + 1 :] if cut >= 0 else seg
    part = _ORGANIZED_CUT.split(part)[0]
    part = squash(part).strip(" ,.)(")
    part = _LEAD_WORDS.sub("", part)
    return part[:200] or None
