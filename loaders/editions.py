"""Sentences about other events than the one a note reports: other editions ("Previous courses
took place in Qingdao", "The next meeting will be held in Lima"), sentences dated otherwise, and
what they mean for the note's date, status and venue."""

from __future__ import annotations

import re

from .dates import DateSpan, dated_otherwise
from .event import FUTURE, PAST

__all__ = ["SENT_END", "next_edition", "other_editions", "other_event", "said_held"]

SENT_END = re.compile(r"[.!?](?=\s)|\n[ \t]*\n")


def sentence_around(t: str, a: int, b: int) -> tuple[int, int]:
    """The sentence that holds t[a:b] (looking at most 400 characters either way)."""
    start = max(
        (x.end() for x in SENT_END.finditer(t, max(0, a - 400), a)), default=max(0, a - 400)
    )
    end_at = SENT_END.search(t, b, b + 400)
    return start, end_at.start() if end_at else min(len(t), b + 400)


def other_event(t: str, a: int, b: int, date: DateSpan | None, *, sentence: bool = False) -> bool:
    """Whether the sentence holding t[a:b] (`sentence`: t[a:b] is one) speaks of other events
    ("Previous courses took place in ...") or is dated otherwise than the event
    (`dates.dated_otherwise`)."""
    if not sentence:
        a, b = sentence_around(t, a, b)
    said = t[a:b]
    if other_editions(said):
        return True
    return dated_otherwise(said, date.start_date if date else None)


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
