"""The event's date beyond a plain date field: read from the prose when a note has none (with
the masthead's publication date to date year-less phrases and to tell the event from older
ones), or from the weekdays its lead names (`weekdays`); run to an "End Date:" field
(`until`), to the end of a range the prose starts on its day (`widened`), or to the end of an
"N-day event" (`lasting`)."""

from __future__ import annotations

import datetime as dt
import re

from .dateline import Masthead
from .dates import NUMBERS, DateSpan, find_dates, yearless_dates
from .editions import next_edition
from .event import pick_date
from .header import Field
from .years import event_year

__all__ = ["lasting", "prose_date", "until", "weekdays", "widened"]


def prose_date(t: str, spans: list[tuple[int, int]], mast: Masthead) -> tuple[DateSpan | None, str]:
    """The event's date in a note without a date field, and a warning when its year is a guess:
    a year-less date in the lead (before any dated phrase), dated by the publication date or
    else by the years the note names (`event_year`); else a dated phrase in the prose; else the
    publication date itself."""
    pub = mast.date_span
    if pub is not None and mast.date and _happening(t, pub[1]):
        return _ending(t, _published(t, pub, mast.date)), ""
    if pub is not None and mast.date and (y := _yesterday(t, pub[1])) is not None:
        day = (dt.date.fromisoformat(mast.date) - dt.timedelta(days=1)).isoformat()
        return DateSpan(*y, day, day, "day"), ""  # "the meeting, which began yesterday"
    # a release reports an event near its publication, not one years before
    since = _year_before(mast.date) if mast.date else None
    dates = [d for a, e in spans if (d := pick_date(t, a, e, since)) is not None]
    dates = [d for d in dates if pub is None or not (d.start < pub[1] and pub[0] < d.end)]
    dates = [d for d in dates if not next_edition(t, d)]
    first = min((d.start for d in dates), default=len(t))
    lead = [
        d
        for a, e in spans
        if a < min(first, _LEAD)
        for d in yearless_dates(t, a, min(e, first, _LEAD), mast.date or _ANY_YEAR)
        if not (d.start_date == mast.date and _AGENCY_AFTER.match(t, d.end))
        # a page's date on a line of its own ("Mar 20th") when the note dates its event in full
        and not (dates and _alone(t, d))
    ]
    if lead:
        # the first, or a range that starts on its day ("On 24 June ... from 24 to 26 June"),
        # not a later range of another event ("on 1 October ... the Committee will meet from
        # 30 September to 2 October")
        got = next((d for d in lead if d.is_range and d.start_date == lead[0].start_date), lead[0])
        if mast.date:
            return got, ""
        year = event_year(t, int(got.start_date[5:7]), int(got.start_date[8:10]))
        if year is None:
            return None, ""
        # the same phrase read again, dated by the guessed year (None: 29 February of a year
        # that has none)
        dated = next(iter(yearless_dates(t, got.start, got.end, f"{year}-07-01")), None)
        if dated is None:
            return None, ""
        return dated, f"the event date's year ({year}) is a guess from the years the note names"
    if dates:
        return _days_of(t, spans, next((d for d in dates if d.is_range), dates[0])), ""
    if pub is not None and mast.date and _TODAY.search(t, 0, (spans[0][0] if spans else 0) + _LEAD):
        return _published(t, pub, mast.date), ""  # "... closes today": the publication's date
    last = pick_date(t, 0, len(t))
    if last is None or next_edition(t, last):
        return None, ""
    if pub is not None and last.start < pub[1] and pub[0] < last.end:
        return None, ""  # a news item's own date, and nothing says the event was on it
    return last, ""


_NOW = re.compile(
    r"(?i)\b(?:is|are)\s+(?:(?:currently|now)\s+)?(?:holding|hosting|organi[sz]ing|conducting|"
    r"convening|taking\s+place|under\s+way|underway)\b|\b(?:opened|opens|began|begins|started|starts)\s+today\b|"
    r"\bha(?:s|ve)\s+(?:opened|started|begun|kicked\s+off|launched)\b"
)
# "MANAMA, Feb 20 (KUNA) --": a wire's dateline, the item's own date
_AGENCY_AFTER = re.compile(r"[ \t]*\([A-Z][^()\n]{1,40}\)[ \t]*(?:-{1,2}|[–—:])")
_TODAY = re.compile(r"(?i)\btoday\b|\bthis\s+(?:morning|afternoon|evening)\b")
_SENTENCE = re.compile(r"[^.!?\n]*(?:[.!?](?=\s|$)|\n|$)")


def _happening(t: str, at: int) -> bool:
    """Whether the sentence after the dateline's date says the event is under way ("Nairobi,
    15 September 2015 - IGAD is holding a two-day workshop ..."), with no date of its own."""
    lead = _SENTENCE.match(t, at)
    if lead is None or not _NOW.search(lead.group()):
        return False
    return not any(find_dates(lead.group())) and not yearless_dates(t, *lead.span(), _ANY_YEAR)


# "which began yesterday", "The minister yesterday opened the workshop"
_OPENED = (
    r"(?:began|opened|started|commenced|kicked\s+off|got\s+under\s*way|was\s+inaugurated|"
    r"inaugurated)"
)
_YESTERDAY = re.compile(rf"(?i)\b{_OPENED}\s+(?:here\s+)?(yesterday)\b|\b(yesterday)\s+{_OPENED}\b")


def _yesterday(t: str, at: int) -> tuple[int, int] | None:
    """The span of "yesterday" when the sentence after the dateline's date says the event
    opened then, with no date of its own."""
    lead = _SENTENCE.match(t, at)
    m = _YESTERDAY.search(lead.group()) if lead is not None else None
    if lead is None or m is None or any(find_dates(lead.group())):
        return None
    if yearless_dates(t, *lead.span(), _ANY_YEAR):
        return None
    g = 1 if m.group(1) else 2
    return lead.start() + m.start(g), lead.start() + m.end(g)


def _days_of(t: str, spans: list[tuple[int, int]], month: DateSpan) -> DateSpan:
    """A month's days that the lead names without a year ("In September 2009 ... took place
    from 29-30 September"), else the month."""
    if month.precision != "month":
        return month
    mid = month.start_date[:8] + "15"
    lead = [d for a, e in spans if a < _LEAD for d in yearless_dates(t, a, min(e, _LEAD), mid)]
    return next((d for d in lead if d.start_date[:7] == month.start_date[:7]), month)


def _alone(t: str, d: DateSpan) -> bool:
    """Whether the date is all its line holds."""
    before = t[t.rfind("\n", 0, d.start) + 1 : d.start]
    after = t[d.end : (t.find("\n", d.end) + 1 or len(t) + 1) - 1]
    return not before.strip() and not after.strip(" \t.,")


def _published(t: str, pub: tuple[int, int], iso: str) -> DateSpan:
    """The publication date as the event's ("09.10.17" in a dateline is read there, not here)."""
    return pick_date(t, *pub) or DateSpan(*pub, iso, iso, "day")


def _year_before(iso: str) -> str:
    return f"{int(iso[:4]) - 1}{iso[4:]}"


_LEAD = 1500  # a note's lead: where a year-less date is the event's
_ANY_YEAR = "2000-07-01"  # to find year-less dates before their year is known


def until(t: str, date: DateSpan | None, end_field: Field | None) -> DateSpan | None:
    """The start date's span running to an "End Date:" field's day, if later (in the same or the
    next year)."""
    end = pick_date(t, end_field.start, end_field.end) if end_field and date else None
    if date is None or end is None or not date.start_date < end.end_date:
        return date
    if int(end.end_date[:4]) - int(date.start_date[:4]) > 1:
        return date
    return DateSpan(date.start, date.end, date.start_date, end.end_date, date.precision)


def widened(t: str, date: DateSpan | None, spans: list[tuple[int, int]]) -> DateSpan | None:
    """A one-day date (a date field's, "date 2020-03-02") that a range in the prose starts on
    ("from 2 March through 5 March 2020"): that range."""
    if date is None or date.precision != "day" or date.is_range:
        return date
    for a, e in spans:
        for d in find_dates(t[a:e]):
            if d.is_range and d.start_date == date.start_date:
                return DateSpan(a + d.start, a + d.end, d.start_date, d.end_date, d.precision)
    return date


_N_DAYS = re.compile(
    r"(?i)\b(two|three|four|five|2|3|4|5)[- ]days?[- ](?:long\s+)?"
    # "the two-day Regional Conference on ..."
    r"(?:(?:(?-i:[A-Z][\w-]*)|regional|national|international|sub-?regional|joint|technical)\s+){0,3}"
    r"(?:event|workshop|seminar|course|"
    r"training|meeting|conference|forum|visit|mission|round-?\s?table|consultations?|session|exercise|"
    r"run|programme|program)"  # "kick off on Wednesday for a two-day run"
)


def lasting(t: str, date: DateSpan | None) -> DateSpan | None:
    """A one-day date that the note says starts an "N-day event" runs N days (one length said,
    however often: "started on 28 June ... this three-day event"), or to the day it ends
    (`_ending`)."""
    if date is None or date.precision != "day" or date.is_range:
        return date
    if (ending := _ending(t, date)) is not date:
        return ending
    said = {m.group(1).lower() for m in _N_DAYS.finditer(t)}
    if len(said) != 1:
        return date
    word = said.pop()
    days = dt.timedelta(days=(NUMBERS.get(word) or int(word)) - 1)
    day = dt.date.fromisoformat(date.start_date)
    if _CLOSED_ON.search(t, max(0, date.start - 30), date.start):  # "concluded on 2 March 2018"
        return DateSpan(date.start, date.end, (day - days).isoformat(), date.start_date, "day")
    return DateSpan(date.start, date.end, date.start_date, (day + days).isoformat(), "day")


def _ending(t: str, date: DateSpan) -> DateSpan:
    """A one-day date run to the day the note says the event ends ("from today until July 15",
    "The training will end on November 3")."""
    until = _UNTIL.search(t)
    if until is None or date.precision != "day" or date.is_range:
        return date
    to = pick_date(t, until.end(), until.end() + 25) or next(
        iter(yearless_dates(t, until.end(), until.end() + 20, date.start_date)), None
    )
    if to is None or to.start != until.end() or to.end_date <= date.start_date:
        return date
    return DateSpan(date.start, date.end, date.start_date, to.end_date, "day")


_UNTIL = re.compile(
    r"(?i)\b(?:from\s+today\s+(?:until|till|to|through)|(?:will\s+)?(?:end|ends|conclude|concludes|close|closes)\s+(?:on|tomorrow,?(?:\s+on)?)|"
    r"(?:will\s+)?(?:run|runs|last|lasts|continue|continues)\s+(?:until|till|through))\s+"
)
_CLOSED = r"(?i:\b(?:conclude[sd]?|ended|closed|wrap(?:ped|s)\s+up))"
_WD = r"(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_WD_RANGE = re.compile(
    rf"\b(?:from\s+|between\s+)?{_WD}\s*(?:-|–|to|until|till|through|and)\s*{_WD}\b"
)
_WD_ONE = re.compile(rf"\b(?:(last|next|this|coming)\s+|on\s+)?{_WD}\b")
_WD_SAID = re.compile(
    r"(?i)\b(?:said|says|told|announced|stated|noted|added|reported)\s+(?:on\s+)?\Z"
)
_WD_WILL = re.compile(
    r"(?i)\b(?:will|shall|is\s+to|are\s+to|to\s+be|scheduled|(?:due|set|slated|expected)\s+to)\b"
)
_WD_EVENT = re.compile(
    r"(?i)\b(?:inaugurat\w*|open(?:ed|s)?|beg[ai]n|begins|kick(?:ed|s)?\s+off|start(?:ed|s)?|held|"
    r"convene[sd]?|t[ao]ok\s+place|take\s+place|gathered|hosted|launched|met)\b|" + _CLOSED
)
# the day said is the event's last ("A two-day meeting ... was wrapped up on Friday",
# "A five-day course ... concluded on 2 March 2018")
_CLOSED_ON = re.compile(_CLOSED + r"\s+(?:on\s+)?(?:the\s+)?\Z")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def weekdays(t: str, spans: list[tuple[int, int]], pub: str) -> DateSpan | None:
    """The event's days when the lead names them by weekday ("on Wednesday inaugurated the
    two-day conference", "The seminar, held from Tuesday to Friday"), dated from the
    publication date `pub`: the last such day on or before it, or the first after it when the
    sentence speaks of the future ("will open on Monday", "next Monday"). A weekday a statement
    was made on ("said Thursday") is not the event's."""
    day = dt.date.fromisoformat(pub)
    lead_end = (spans[0][0] if spans else 0) + _LEAD
    for a, e in spans:
        for sm in _SENTENCE.finditer(t, a, min(e, lead_end)):
            sent = sm.group()
            if not sent.strip():
                continue
            r = _WD_RANGE.search(sent)
            ones = [m for m in _WD_ONE.finditer(sent) if not _WD_SAID.search(sent, 0, m.start())]
            if r is None and not (ones and _WD_EVENT.search(sent)):
                continue
            future = bool(_WD_WILL.search(sent))
            if r is not None:
                first, last, at, to = r.group(1), r.group(2), r.start(), r.end()
                word = None
            else:
                m = ones[0]
                first = last = m.group(2)
                at, to, word = m.start(), m.end(), m.group(1)
            start = _weekday_from(day, _DAYS.index(first), future or word in ("next", "coming"))
            if word == "last" and start == day:
                start -= dt.timedelta(days=7)
            end = start + dt.timedelta(days=(_DAYS.index(last) - _DAYS.index(first)) % 7)
            if r is None and _CLOSED_ON.search(sent, 0, at) and (n := _N_DAYS.search(sent)):
                days = NUMBERS.get(n.group(1).lower()) or int(n.group(1))
                start = end - dt.timedelta(days=days - 1)
            s0 = sm.start() + at
            return DateSpan(s0, sm.start() + to, start.isoformat(), end.isoformat(), "day")
    return None


def _weekday_from(day: dt.date, weekday: int, future: bool) -> dt.date:
    """The last `weekday` on or before `day`, or the first after it (`future`)."""
    if future:
        return day + dt.timedelta(days=(weekday - day.weekday()) % 7 or 7)
    return day - dt.timedelta(days=(day.weekday() - weekday) % 7)
