"""The event's date in a note without a date field: read from the prose, with the masthead's
publication date to date year-less phrases and to tell the event from older ones."""

from __future__ import annotations

from .dateline import Masthead
from .dates import DateSpan, event_year, yearless_dates
from .event import pick_date
from .header import Field

__all__ = ["prose_date", "until"]


def prose_date(t: str, spans: list[tuple[int, int]], mast: Masthead) -> tuple[DateSpan | None, str]:
    """The event's date in a note without a date field, and a warning when its year is a guess:
    a year-less date in the lead (before any dated phrase), dated by the publication date or
    else by the years the note names (`event_year`); else a dated phrase in the prose; else the
    publication date itself."""
    pub = mast.date_span
    # a release reports an event near its publication, not one years before
    since = _year_before(mast.date) if mast.date else None
    dates = [d for a, e in spans if (d := pick_date(t, a, e, since)) is not None]
    dates = [d for d in dates if pub is None or not (d.start < pub[1] and pub[0] < d.end)]
    first = min((d.start for d in dates), default=len(t))
    lead = [
        d
        for a, e in spans
        if a < min(first, _LEAD)
        for d in yearless_dates(t, a, min(e, first, _LEAD), mast.date or _ANY_YEAR)
    ]
    if lead:
        got = next((d for d in lead if d.start_date != d.end_date), lead[0])
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
        return next((d for d in dates if d.is_range), dates[0]), ""
    if pub is not None and mast.date:  # "... closes today": the publication's date
        return pick_date(t, pub[0], pub[1]), ""
    return pick_date(t, 0, len(t)), ""


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
