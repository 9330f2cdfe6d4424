"""Sentences about other events than the one a note reports: other editions ("Previous courses
took place in Qingdao", "The next meeting will be held in Lima"), sentences dated otherwise, and
what they mean for the note's date, status and venue."""

from __future__ import annotations

import re

from .dates import MONTH, DateSpan, find_dates, yearless_dates
from .event import FUTURE, PAST

__all__ = [
    "SENT_END",
    "dated_otherwise",
    "next_edition",
    "of_another_event",
    "other_editions",
    "other_event",
    "said_held",
    "this_events_part",
]

SENT_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")


def sentence_around(t: str, a: int, b: int) -> tuple[int, int]:
    """The sentence that holds t[a:b] (looking at most 400 characters either way)."""
    start = max(
        (x.end() for x in SENT_END.finditer(t, max(0, a - 400), a)), default=max(0, a - 400)
    )
    end_at = SENT_END.search(t, max(a, b - 1), b + 400)  # t[a:b] may end with its full stop
    return start, end_at.start() if end_at else min(len(t), b + 400)


def other_event(t: str, a: int, b: int, date: DateSpan | None, *, sentence: bool = False) -> bool:
    """Whether the sentence holding t[a:b] (`sentence`: t[a:b] is one) speaks of other events
    ("Previous courses took place in ...") or is dated otherwise than the event
    (`dated_otherwise`)."""
    if not sentence:
        a, b = sentence_around(t, a, b)
    said = t[a:b]
    if other_editions(said):
        return True
    return dated_otherwise(said, date.start_date if date else None, date.end_date if date else None)


def other_editions(sentence: str) -> bool:
    """Whether a sentence speaks of other editions of the event ("Previous courses took place
    in ...", "Previously, the team organised ...")."""
    return bool(_OTHER_EDITIONS.match(sentence))


def said_held(t: str, date: DateSpan | None) -> bool:
    """Whether the note says in the past tense that something was held, other than in a
    sentence about other editions or dated otherwise ("Previously, the team organised ...",
    "The workshops took place in February and November 2012")."""
    return any(not other_event(t, m.start(), m.end(), date) for m in PAST.finditer(t))


def next_edition(t: str, d: DateSpan) -> bool:
    """Whether a date is said of another edition ("The next workshop will be held in May") or
    in the future tense in a note that reports a held event ("The UNODC organized a conference
    ... The second conference is scheduled for December 2015")."""
    a, b = sentence_around(t, d.start, d.end)
    said = t[a:b]
    if other_editions(said):
        return True
    return bool(FUTURE.search(said)) and any(not (a <= m.start() < b) for m in PAST.finditer(t))


# a sentence about other editions: "Previous courses took place in Qingdao", "The next meeting
# will be held in Lima"
_OTHER_EDITIONS = re.compile(
    r"(?i)\s*(?:(?:the\s+)?(?:previous|past|earlier|prior|former|next|following|upcoming)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:courses?|workshops?|seminars?|editions?|meetings?|sessions?|"
    r"trainings?|training\s+courses?|events?|conferences?|rounds?|dialogues?)\b|previously\b|"
    r"in\s+the\s+past\b)"
)


def of_another_event(sentence: str, date: DateSpan | None) -> bool:
    """Whether a sentence of the prose speaks of another event than the note's: dated by other
    days only, led by another year ("In 2006, the Council emphasized the need ..."), or about
    other editions."""
    if date is not None:
        days = list(find_dates(sentence))
        if days and _apart(days, date.start_date, date.end_date):
            return True
        lead = _YEAR_LEAD.match(sentence)
        if lead and lead.group(1) != date.start_date[:4]:
            return True
    return other_editions(sentence)


def this_events_part(sentence: str, date: DateSpan | None) -> int:
    """How much of a prose sentence speaks of the note's event: all of it; none when it speaks of
    another (`of_another_event`); or its words before a phrase that ties the event to another,
    dated one ("A and B jointly organized the workshop as a follow-on seminar to the symposium
    held May 9-10, 2017")."""
    if not of_another_event(sentence, date):
        return len(sentence)
    m = _FOLLOW_ON.search(sentence)
    if (
        m is None
        or not sentence[: m.start()].strip()
        or of_another_event(sentence[: m.start()], date)
    ):
        return 0
    return m.start()


# a phrase that ties an event to an earlier one: "as a follow-on seminar to the", "in follow-up
# to the", "following the", "building on the"
_FOLLOW_ON = re.compile(
    r"(?i),?\s+(?:as\s+(?:an?\s+)?follow[- ]?(?:on|up)(?:\s+[\w-]+){0,2}?\s+(?:to|of)|"
    r"in\s+follow[- ]?up\s+(?:to|of)|following(?:\s+up\s+on)?|building\s+on|after)\s+the\b"
)
_YEAR_LEAD = re.compile(r"\s*(?:In|Since|By|Back\s+in)\s+((?:19|20)\d\d)\b")


_OTHER_YEAR = re.compile(r"(?<![(\d])\b(?:19|20)\d\d\b(?!\s*\))")  # not "1540 (2004)"


def dated_otherwise(said: str, start_date: str | None, end_date: str | None = None) -> bool:
    """Whether `said` (a sentence) is dated otherwise than an event that starts on `start_date`:
    by dates none of which is that day or shares a day with the event's (to `end_date`), by
    days without a year none of which falls in the event's, or only by other years ("in 2015")."""
    ds = list(find_dates(said))
    if ds:
        return start_date is None or _apart(ds, start_date, end_date)
    if start_date is not None and (yl := yearless_dates(said, 0, len(said), start_date)):
        # "which will be held in Vienna from 18th to 22nd September" (month and day compared)
        first, last = start_date[5:], (end_date or start_date)[5:]
        return not any(d.start_date[5:] <= last and first <= d.end_date[5:] for d in yl)
    years = {m.group() for m in _OTHER_YEAR.finditer(said) if not _named_year(said, m.start())}
    return bool(years) and start_date is not None and start_date[:4] not in years


def _apart(ds: list[DateSpan], start_date: str, end_date: str | None) -> bool:
    """Whether none of the dates `ds` is the event's first day or shares a day with it (to
    `end_date`): "July 27 and 28, and August 5 and 6" is of an event a header dates 6-7 August."""
    last = end_date or start_date
    return not any(
        d.start_date == start_date or d.start_date <= last and start_date <= d.end_date for d in ds
    )


_WORD_BEFORE = re.compile(r"([A-Za-z]+)\s+\Z")


def _named_year(said: str, at: int) -> bool:
    """Whether the year at `at` ends a name ("the exercise Cobalt 2009", "BIOSHIELD Global
    2010"): a capitalised word before it that is no month nor a preposition ("In 2015", "May
    2015" are dates)."""
    m = _WORD_BEFORE.search(said, max(0, at - 30), at)
    word = m.group(1) if m else ""
    return word[:1].isupper() and word not in _YEAR_WORDS and not re.fullmatch(MONTH, word)


_YEAR_WORDS = frozenset("In Since By From Until Till Before After During Of Early Late Mid".split())
