"""What a press release or news item says about itself, not about the event: its dateline
("NEW YORK, 17 October (Office for Disarmament Affairs) — "), its publication date (that dateline's
date, or a line holding only a date near the top), and boilerplate lines (document symbols such as
"DC/3741", "Department of Public Information • News and Media Division", "Media Note"). None of
these names an actor; the publication date dates the note, and gives the year of event dates
written without one ("from 7 to 10 December": dates.yearless_dates)."""

# ruff: noqa: E501  (regex tables read better unwrapped)
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .body import place
from .dates import DAY, MONTH, find_dates
from .text import squash

__all__ = ["Masthead", "masthead"]

_DASHES = r"(?:\s*[—–]|\s+-{1,2}|:(?=[ \t]))"
# PLACE[, Country], 17 October [2014] [(Issuer)] —   or   PLACE, October 17[, 2014] —   or
# "THE HAGUE, Netherlands — 20 April 2018 —", "ADDIS ABABA, Ethiopia, May 29, 2014/African Press
# Organization (APO)/" (a wire's name between slashes)
_DATELINE = re.compile(
    # (not a labelled date line: "Published : Nov. 4, 2024 - 09:57")
    r"(?!(?i:[ \t]*(?:published|posted|issued|created|date|last|updated|modified)\b))"
    rf"[ \t]*(?P<place>[A-Z][A-Za-z.'’ -]{{1,40}}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{{1,30}}?)?)(?:,|{_DASHES})[ \t]+"
    rf"(?P<date>{DAY}[ \t]+{MONTH}(?:,?[ \t]+(?:19|20)\d\d)?|{MONTH}[ \t]+{DAY}(?:,?[ \t]+(?:19|20)\d\d)?)"
    rf"[ \t]*,?[ \t]*(?:\((?P<issuer>[^()\n]{{2,80}})\))?(?:{_DASHES}|/[^/\n]{{2,60}}/)[ \t]*"
)
# a syndicator's bracket before a wire's dateline: "(MENAFN- Kuwait News Agency (KUNA)) CAIRO, ..."
_WIRE_PREFIX = re.compile(r"[ \t]*\((?:[^()\n]|\([^()\n]*\))*\)[ \t]*")
# a news agency's dateline without a date: "ISLAMABAD (APP) -", "India (Commonwealth Union)_"
_AGENCY_LINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?)[ \t]*\((?P<issuer>[^()\n\d]{2,60})\)[ \t]*(?:[—–_:]|-{1,2})[ \t]*"
)
# a news agency's dateline in slashes, its date in digits: "Baku / 09.10.17 / Turan:"
_SLASHED = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Za-z.'’ -]{1,30}?)[ \t]*/[ \t]*(?P<date>(?P<d>[0-3]?\d)\.(?P<m>[01]?\d)\.(?P<y>(?:19|20)?\d\d))[ \t]*/[ \t]*(?P<issuer>[A-Z][^/:\n]{1,40}?)[ \t]*(?:[—–:]|-{1,2})[ \t]*"
)
# a dateline without a date: "ANTALYA, Turkey -", "GENEVA -" (the place in capitals)
_PLACE_LINE = re.compile(
    r"[ \t]*(?P<place>[A-Z][A-Z.'’ -]{2,30}?(?:,[ \t]*[A-Z][A-Za-z.'’ -]{2,40}?)?)[ \t]*(?:[—–]|-{1,2})[ \t]+"
)
_SYMBOL = r"[A-Z]{1,5}(?:/[A-Z0-9.]{1,10}){1,4}"  # DC/3741, SC/12407, S/2016/1038, GA/DIS/3512
_BOILER = re.compile(
    rf"(?i)[ \t]*(?:{_SYMBOL}|[^\n]*\s[•|]\s[^\n]*|media\s+(?:note|advisory)|press\s+release|"
    r"office\s+of\s+the\s+spokes(?:person|man)|for\s+immediate\s+release|in\s+progress\s+at\s+unhq|"
    r"meetings\s+coverage(?:\s+and\s+press\s+releases)?|(?:un\s+)?news(?:\s+release)?)[ \t]*"
)
_WEEKDAY = r"(?:(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),?\s+)?"
_DATE_LINE = re.compile(
    rf"(?i)[ \t]*(?P<label>(?:published|posted|issued|created|date|(?:last\s+)?(?:changed|updated|modified))[ \t]*(?:on)?[ \t]*:?[ \t]*"
    # a release's number: "FA154 - 13 December 2005"
    r"|[a-z]{1,4}\d{1,5}[ \t]*[-–—:][ \t]*"
    # a wire's name and the time first: "(Xinhua) 09:18, September 27, 2024"
    r"|\(?[a-z][\w .]{1,20}\)[ \t]*(?:\d{1,2}:\d\d,?[ \t]*)?)?"
    rf"{_WEEKDAY}"
    rf"(?P<date>{DAY}\s+{MONTH}\s*,?\s*(?:19|20)\d\d|{MONTH}\s+{DAY},?\s+(?:19|20)\d\d|(?:19|20)\d\d-[01]\d-[0-3]\d|"
    r"[0-3]?\d(?P<sep>[./])[01]?\d(?P=sep)(?:19|20)\d\d)"  # 17/10/2011, day first
    r"(?:(?:,|[ \t]+[-–|])?[ \t]*(?:at[ \t]+)?\d{1,2}[:.]\d\d(?:[:.]\d\d)?(?:[ \t]*[AaPp]\.?[Mm]\.?)?"
    r"(?:[ \t]*(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d\d)?)?)?)?[ \t]*"
    # a page template's leftovers after the date: "00:00 - - {{hitsCtrl.values.hits}}"
    r"(?:(?:[-–|][ \t]*){1,3}(?:\{\{[^}\n]*\}\}[ \t]*)?)?"
    # a labelled line may go on with the page's section or author: "Published on 10 April 2014
    # in" (the section on the next line), "Posted on May 3, 2019 by admin"
    r"(?(label)(?:(?:in|by|under)\b[^\n]{0,60})?)"
)
# a crawl's stamp that the text follows on the same line (as header._STAMP: lower case, no
# colon; "Date: 2024-07-25" is a date field)
_BAR_DATE = re.compile(
    rf"(?:^|\|)[ \t]*{_WEEKDAY}(?P<date>{DAY}\s+{MONTH}\s*,?\s*(?:19|20)\d\d|{MONTH}\s+{DAY},?\s+(?:19|20)\d\d)[ \t]*(?=\||$)",
    re.M,
)
_TWO_DIGIT_YEAR = re.compile(rf"[ \t]*(?P<dm>{DAY}[ \t]+{MONTH})[ \t]+(?P<y>\d\d)[ \t]*")
_STAMP = re.compile(r"[ \t]*date[ \t]+(?P<date>(?:19|20)\d\d-[01]\d-[0-3]\d)[ \t]+(?=\S)")
_WIRE = re.compile(r"[A-Z]{2,6}")  # a news agency's acronym: "(WAM)", "(KUNA)"
_LINE = re.compile(r"[^\n]+")
_SHORT = 100  # boilerplate and date lines are short
_TOP = 1500  # the masthead is in the first lines
_BOTTOM = 600  # a page's stamp, in its last lines


@dataclass(frozen=True)
class Masthead:
    date: str | None  # ISO publication date, when one is given with a year
    date_span: tuple[int, int] | None
    place: tuple[int, int] | None  # the dateline's place ("ANTALYA, Turkey"), not an issuer's
    spans: tuple[tuple[int, int], ...]  # dateline, date line and boilerplate lines: not prose


def masthead(text: str) -> Masthead:
    spans: list[tuple[int, int]] = []
    date: str | None = None
    date_span: tuple[int, int] | None = None
    dateline = None
    for ln in _LINE.finditer(text, 0, min(len(text), _TOP)):
        a, b = ln.span()
        stamp = _STAMP.match(text, a, b) if date is None else None
        if stamp:  # "date 2024-07-25 ISLAMABAD - Foreign Secretary ...": a stamp, then the text
            spans.append((a, stamp.end()))
            date, date_span, a = stamp.group("date"), stamp.span("date"), stamp.end()
        pre = _WIRE_PREFIX.match(text, a, b) if dateline is None else None
        if pre and text[pre.end() : pre.end() + 1].isupper():
            spans.append((a, pre.end()))  # "(MENAFN- Kuwait News Agency (KUNA)) CAIRO, Jan 26"
            a = pre.end()
        if dateline is None and text[a : a + 1].isupper():
            d = _DATELINE.match(text, a, b)
            agency = None if d else _AGENCY_LINE.match(text, a, b) or _PLACE_LINE.match(text, a, b)
            if agency and _is_place(agency.group("place")):
                dateline = agency
                spans.append(agency.span())
                continue
            slashed = None if d else _SLASHED.match(text, a, b)
            if slashed and _is_place(slashed.group("place")):
                dateline = slashed
                spans.append(slashed.span())
                date = _numeric_date(slashed)
                date_span = slashed.span("date") if date else None
                continue
            if d:
                dateline = d
                spans.append(d.span())
                found = next(find_dates(d.group("date")), None)
                if found is not None and found.precision == "day":
                    date, date_span = found.start_date, d.span("date")
                continue
        if b - a > _SHORT:
            continue
        if _BOILER.fullmatch(text, a, b):
            spans.append((a, b))
            # "Posted by: apo | 29 May 2014", "By J. Smith | October 31, 2015": a part is the date
            part = _BAR_DATE.search(text, a, b) if date is None else None
            if part is not None:
                found = next(find_dates(part.group("date")), None)
                if found is not None:
                    date, date_span = found.start_date, part.span("date")
            continue
        line = _DATE_LINE.fullmatch(text, a, b) if any(c.isdigit() for c in text[a:b]) else None
        short = None if line else _TWO_DIGIT_YEAR.fullmatch(text, a, b)
        if short and date is None:  # "6 Jun 05" under a wire's name
            spans.append((a, b))
            said = f"{short.group('dm')} {_full_year(int(short.group('y')))}"
            found = next(find_dates(said), None)
            if found is not None:
                date, date_span = found.start_date, short.span()
        if line:
            spans.append((a, b))
            found = next(find_dates(line.group("date")), None)
            # of two date lines the earlier date: a page's crawl stamp ("Sunday Dec 15, 2024")
            # can stand above its article's date ("Tuesday, 3 October 2017"), never before it
            if found is not None and (date is None or found.start_date < date):
                date, date_span = found.start_date, line.span("date")
    for ln in _LINE.finditer(text, max(_TOP, len(text) - _BOTTOM)):
        # a page's stamp at its foot: "Last changed: Mar 12 2015 at 6:09 PM"
        line = _DATE_LINE.fullmatch(text, *ln.span()) if ln.end() - ln.start() <= _SHORT else None
        if line and line.group("label"):
            spans.append(ln.span())
            found = next(find_dates(line.group("date")), None)
            if date is None and found is not None:
                date, date_span = found.start_date, line.span("date")
    if date is None and dateline is not None and dateline.re is _DATELINE:  # no year
        date_span = dateline.span("date")
    # a UN press release's dateline ("NEW YORK, 28 October 2016 (Office for Disarmament Affairs)")
    # says where the issuer is, not where the event was
    # (a wire's acronym, "CAIRO, 17th August, 2017 (WAM) --", is not an issuer: its reporter is
    # where the news is)
    issuer = dateline.group("issuer") if dateline is not None and dateline.re is _DATELINE else None
    issued = issuer is not None and not _WIRE.fullmatch(issuer)
    where = dateline.span("place") if dateline is not None and not issued else None
    return Masthead(date, date_span, where, tuple(sorted(spans)))


def _numeric_date(m: re.Match[str]) -> str | None:
    """A dateline's day, month and year in digits ("09.10.17": 9 October 2017) in ISO form."""
    try:
        return dt.date(
            _full_year(int(m.group("y"))), int(m.group("m")), int(m.group("d"))
        ).isoformat()
    except ValueError:
        return None


def _full_year(y: int) -> int:
    """A year as written in full ("17" -> 2017, "98" -> 1998, "2017" -> 2017)."""
    return y if y >= 100 else y + (2000 if y < 70 else 1900)


def _is_place(name: str) -> bool:
    """Whether a dateline's place names a city or a State ("ISLAMABAD", "India", "ANTALYA,
    Turkey")."""
    return place(squash(name))[1] is not None
